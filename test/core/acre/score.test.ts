import { minMaxScore, ratioScore } from "../../../src/core/acre/score";
import { isError, Result } from "../../../src/core/result";

const code = (r: Result<unknown>) => (isError(r) ? r.error : "ok");
const W = [50, 25, 15, 10]; // 亩均税收, 亩均营业收入, 单位能耗税收, 全员劳动生产率

describe("ratioScore", () => {
  test("a firm exactly at the county level scores 100", () => {
    expect(ratioScore([7.6, 83.9, 0.069, 36.8], [7.6, 83.9, 0.069, 36.8], W)).toBeCloseTo(100, 12);
  });
  test("hand-computed: 2×, 1×, 0.5×, 0 → 100 + 25 + 7.5 + 0", () => {
    expect(ratioScore([15.2, 83.9, 0.0345, 0], [7.6, 83.9, 0.069, 36.8], W)).toBeCloseTo(132.5, 10);
  });
  test("cap limits each ratio", () => {
    // tax ratio 3 capped to 2 → 100; others at 1 → 50
    expect(ratioScore([22.8, 83.9, 0.069, 36.8], [7.6, 83.9, 0.069, 36.8], W, { cap: 2 })).toBeCloseTo(150, 10);
  });
  test("lower is better: (2 − x/b)·w floored at 0", () => {
    expect(ratioScore([0.5], [1], [10], { lowerIsBetter: [true] })).toBe(15);
    expect(ratioScore([3], [1], [10], { lowerIsBetter: [true] })).toBe(0);
  });
  test("errors", () => {
    expect(code(ratioScore([1, 2], [1], [1, 1]))).toBe("#VALUE!");
    expect(code(ratioScore([1], [0], [1]))).toBe("#DIV/0!");
    expect(code(ratioScore([1], [-1], [1]))).toBe("#NUM!");
    expect(code(ratioScore([1], [1], [-1]))).toBe("#NUM!");
    expect(code(ratioScore([1], [1], [1], { cap: 0 }))).toBe("#NUM!");
    expect(code(ratioScore([1, 1], [-1, 0], [1, 1]))).toBe("#NUM!"); // #NUM! before #DIV/0!
  });
});

describe("minMaxScore (旌德)", () => {
  test("w·[20 + 80·(x − min)/(max − min)]/100", () => {
    expect(minMaxScore(10, 0, 10, 50)).toBe(50);
    expect(minMaxScore(0, 0, 10, 50)).toBe(10);
    expect(minMaxScore(5, 0, 10, 50)).toBe(30);
  });
  test("max = min → full weight; max < min → #NUM!", () => {
    expect(minMaxScore(3, 3, 3, 15)).toBe(15);
    expect(code(minMaxScore(3, 4, 3, 15))).toBe("#NUM!");
  });
});
