import { projectFullYear, scaleGap } from "../../../src/core/pool/projection";
import { isError, Result } from "../../../src/core/result";

const code = (r: Result<unknown>) => (isError(r) ? r.error : "ok");
// last year: 100 a month in H1, 200 a month in H2 → total 1800, share of months 1–6 = 1/3
const SHAPE = [100, 100, 100, 100, 100, 100, 200, 200, 200, 200, 200, 200];

describe("projectFullYear", () => {
  test("run-rate: YTD × 12 / months", () => {
    expect(projectFullYear(1500, 9)).toBe(2000);
    expect(projectFullYear(100, 1)).toBe(1200);
    expect(projectFullYear(2400, 12)).toBe(2400);
  });
  test("seasonal: YTD / share of last year's months 1..m", () => {
    expect(projectFullYear(800, 6, SHAPE)).toBeCloseTo(2400, 9);
    expect(projectFullYear(1000, 9, SHAPE)).toBeCloseTo(1000 / (1200 / 1800), 9); // 1500
    expect(projectFullYear(2400, 12, SHAPE)).toBe(2400);
  });
  test("falls back to run-rate when a month is missing, the total is 0 or months 1..m are 0", () => {
    const gap = [...SHAPE];
    gap[3] = null as never;
    expect(projectFullYear(800, 6, gap)).toBe(1600);
    expect(projectFullYear(800, 6, Array(12).fill(0))).toBe(1600);
    expect(projectFullYear(800, 6, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])).toBe(1600);
  });
  test("errors", () => {
    for (const m of [0, 13, 2.5, -1, NaN]) expect(code(projectFullYear(100, m))).toBe("#NUM!");
    expect(code(projectFullYear(100, 6, SHAPE.slice(0, 11)))).toBe("#VALUE!");
    expect(code(projectFullYear(100, 6, [-1, ...SHAPE.slice(1)]))).toBe("#NUM!");
    expect(code(projectFullYear(1e308, 1))).toBe("#NUM!");
  });
});

describe("scaleGap", () => {
  test("projection − 2000 by default", () => {
    expect(scaleGap(1500, 9)).toBe(0);
    expect(scaleGap(1200, 9)).toBe(-400);
    expect(scaleGap(800, 6, 2000, SHAPE)).toBeCloseTo(400, 9);
    expect(scaleGap(800, 6, 1000)).toBe(600);
  });
  test("errors pass through", () => {
    expect(code(scaleGap(800, 0))).toBe("#NUM!");
  });
});
