import { impl } from "../../src/functions/impl";
import { toExcel, toExcelMatrix } from "../../src/functions/excel-errors";
import { isError } from "../../src/core/result";
import { argNumber } from "../../src/core/num";

/** Error code or value; matrices elementwise. */
const show = (v: unknown): unknown => (Array.isArray(v) ? v.map(show) : isError(v) ? v.error : v);
const f = (id: keyof typeof impl, ...args: unknown[]) => show(impl[id](...args));

describe("reading arguments", () => {
  test("numeric text, grouping, full-width digits and percentages are numbers", () => {
    expect(f("YOY_GROWTH", "1,100", "1000")).toBeCloseTo(0.1, 12);
    expect(f("YOY_GROWTH", "１１００", "１，０００")).toBeCloseTo(0.1, 12);
    expect(f("TARGET_RATE", " 41 ", 37)).toBeCloseTo(41 / 37, 12);
    expect(f("TIME_PROGRESS", "10")).toBeCloseTo(10 / 12, 12);
    expect(f("MU", "10000")).toBe(15);
  });
  test("blank required → #N/A, text → #VALUE!, booleans are not numbers", () => {
    expect(f("YOY_GROWTH", null, 1)).toBe("#N/A");
    expect(f("YOY_GROWTH", "", 1)).toBe("#N/A");
    expect(f("YOY_GROWTH", "  ", 1)).toBe("#N/A");
    expect(f("YOY_GROWTH", undefined, 1)).toBe("#N/A");
    expect(f("YOY_GROWTH", "abc", 1)).toBe("#VALUE!");
    expect(f("YOY_GROWTH", "5万元", 1)).toBe("#VALUE!");
    expect(f("YOY_GROWTH", true, 1)).toBe("#VALUE!");
  });
  test("order: #N/A, then #VALUE!, then #NUM!, then #DIV/0!, across arguments", () => {
    expect(f("YOY_GROWTH", "abc", null)).toBe("#N/A");
    expect(f("YOY_GROWTH", "abc", 0)).toBe("#VALUE!");
    expect(f("YOY_GROWTH", "abc", -1)).toBe("#VALUE!");
    expect(f("PROGRESS_GAP", 1, 0, 13)).toBe("#NUM!");
    expect(f("PROGRESS_GAP", 1, 0, 12)).toBe("#DIV/0!");
    expect(f("PROGRESS_GAP", "x", 0, null)).toBe("#N/A");
  });
  test("an error value in an argument propagates", () => {
    const e = { error: "#DIV/0!", message: "upstream" };
    expect(impl.YOY_GROWTH(e, 1)).toMatchObject(e);
    expect(f("ACRE_GRADE", 1, [[1], [e]])).toBe("#DIV/0!");
    // ahead of our own errors, even of a blank (#N/A) elsewhere
    expect(f("YOY_GROWTH", null, e)).toBe("#DIV/0!");
    expect(f("SCALE_GAP", null, 6, null, [[e, 1, 2]])).toBe("#DIV/0!");
    expect(f("ACRE_SCORE", [[null, 1]], [[1, e]], [[1, 1]])).toBe("#DIV/0!");
  });
  test("a multi-cell range is never read as one number (num.ts: String([[1],[234]]) is \"1,234\")", () => {
    expect(show(argNumber([[1], [234]], "x"))).toBe("#VALUE!");
    expect(argNumber([[5]], "x")).toBe(5);
  });
  test("a 1×1 range is a single value", () => {
    expect(f("YOY_GROWTH", [[110]], [[100]])).toBeCloseTo(0.1, 12);
    expect(f("TIME_PROGRESS", [[6]])).toBe(0.5);
    expect(f("TIME_PROGRESS", [[6, 7]])).toBe("#VALUE!");
  });
});

describe("ranges (⟂)", () => {
  test("elementwise over same-shaped ranges, scalars broadcast", () => {
    expect(f("YOY_GROWTH", [[110], [120], [90]], [[100], [100], [100]])).toEqual([[0.1], [0.2], [-0.1]].map((r) => r.map((x) => expect.closeTo(x, 12))));
    expect(f("YOY_GROWTH", [[110, 120]], 100)).toEqual([[expect.closeTo(0.1, 12), expect.closeTo(0.2, 12)]]);
    expect(f("MU", [[10000, -1, "x", null]])).toEqual([[15, "#NUM!", "#VALUE!", "#N/A"]]);
  });
  test("mismatched shapes → one #VALUE!", () => {
    expect(f("YOY_GROWTH", [[1], [2], [3]], [[1], [2]])).toBe("#VALUE!");
    expect(f("YOY_GROWTH", [[1, 2, 3]], [[1], [2], [3]])).toBe("#VALUE!");
    expect(f("YOY_GROWTH", [[1, 2], [3]], 1)).toBe("#VALUE!"); // ragged
    expect(f("YOY_GROWTH", [], 1)).toBe("#VALUE!");
  });
});

describe("function specifics", () => {
  test("ACRE_SCORE: one score per row, benchmarks/weights as rows, optional cap", () => {
    const values = [[7.6, 83.9], [15.2, 41.95], [null, 1]];
    expect(f("ACRE_SCORE", values, [[7.6, 83.9]], [[60, 40]])).toEqual([[expect.closeTo(100, 9)], [expect.closeTo(140, 9)], ["#N/A"]]);
    expect(f("ACRE_SCORE", [[22.8, 83.9]], [[7.6, 83.9]], [[60, 40]], 2)).toBeCloseTo(160, 9);
    expect(f("ACRE_SCORE", [[22.8, 83.9]], [[7.6, 83.9]], [[60, 40]], null)).toBeCloseTo(220, 9);
    expect(f("ACRE_SCORE", [[1, 2]], [[1, 2, 3]], [[1, 1]])).toBe("#VALUE!");
    expect(f("ACRE_SCORE", [[1, 2]], [[1, 0]], [[1, 1]])).toBe("#DIV/0!");
    expect(f("ACRE_SCORE", [[1, 2]], [[1, 1]], [[1, 1]], 0)).toBe("#NUM!");
  });
  test("ACRE_GRADE: peers' blanks and text ignored; shares; spills for a range of scores", () => {
    const peers = [[10], [9], [8], [7], [6], [5], [4], [3], [2], [1], [null], ["n/a"]];
    expect(f("ACRE_GRADE", 9, peers)).toBe("A");
    expect(f("ACRE_GRADE", [[10], [8], [1]], peers)).toEqual([["A"], ["B"], ["C"]]);
    expect(f("ACRE_GRADE", 0, peers)).toBe("D");
    expect(f("ACRE_GRADE", 10, peers, [[0.1, 0.2, 0.3]])).toBe("A");
    expect(f("ACRE_GRADE", 1, peers, [[0.1, 0.2, 0.3]])).toBe("D");
    expect(f("ACRE_GRADE", 1, peers, [[0.1, 0.2, 0.3, 0.3]])).toBe("#NUM!");
    expect(f("ACRE_GRADE", 1, peers, [[0.1, 0.2]])).toBe("#VALUE!");
    expect(f("ACRE_GRADE", 1, [[null], ["x"]])).toBe("#N/A");
    expect(f("ACRE_GRADE", null, peers)).toBe("#N/A");
  });
  test("USCC_VALID", () => {
    expect(f("USCC_VALID", "91350100M000100Y43")).toBe(true);
    expect(f("USCC_VALID", [["91350100M000100Y43"], ["91350100M000100Y44"], [" 91350100m000100y43 "], [""]])).toEqual([[true], [false], [true], ["#N/A"]]);
    expect(f("USCC_VALID", 12345)).toBe(false);
    expect(f("USCC_VALID", true)).toBe(false);
  });
  test("APPEAL_CARD", () => {
    const due = 45352;
    expect(f("APPEAL_CARD", due, [[due], [due + 1], [due + 4], [due + 11]])).toEqual([[""], ["蓝牌"], ["黄牌"], ["红牌"]]);
    expect(f("APPEAL_CARD", due, due + 30, due - 1)).toBe("");
    expect(f("APPEAL_CARD", due, due + 30, null)).toBe("红牌");
    expect(f("APPEAL_CARD", due, due + 2, null, [[2, 5, 8]])).toBe("蓝牌");
    expect(f("APPEAL_CARD", due, due + 2, null, [[2, 5]])).toBe("#VALUE!");
    expect(f("APPEAL_CARD", 100, due)).toBe("#NUM!");
    expect(f("APPEAL_CARD", due, null)).toBe("#N/A");
    expect(f("APPEAL_CARD", due, due + 30, due + 20)).toBe(""); // closed late: no card
    expect(f("APPEAL_CARD", 45197, 45208, null, null, true)).toBe("蓝牌"); // 2023-09-28 → 10-09: 3 working days
    expect(f("APPEAL_CARD", 45197, 45208, null, null, false)).toBe("红牌"); // 11 calendar days
    expect(f("APPEAL_CARD", 45197, 45208, null, null, "x")).toBe("#VALUE!");
  });
  test("SCALE_PROJECTION and SCALE_GAP", () => {
    const shape = [[100, 100, 100, 100, 100, 100, 200, 200, 200, 200, 200, 200]];
    expect(f("SCALE_PROJECTION", 1500, 9)).toBe(2000);
    expect(f("SCALE_PROJECTION", 800, 6, shape)).toBeCloseTo(2400, 9);
    expect(f("SCALE_PROJECTION", 800, 6, shape[0].map((x) => [x]))).toBeCloseTo(2400, 9); // a column
    expect(f("SCALE_PROJECTION", 800, 6, [[1, 2, 3]])).toBe("#VALUE!");
    expect(f("SCALE_PROJECTION", 800, 13)).toBe("#NUM!");
    expect(f("SCALE_GAP", 1500, 9)).toBe(0);
    expect(f("SCALE_GAP", [[1500], [1200]], 9, 1000)).toEqual([[1000], [600]]);
    expect(f("SCALE_GAP", 800, 6, null, shape)).toBeCloseTo(400, 9);
  });
});

describe("Excel face without Excel", () => {
  test("toExcelMatrix wraps a single value; errors stay CellErrors when CustomFunctions is undefined", () => {
    expect(toExcelMatrix(0.5)).toEqual([[0.5]]);
    expect(toExcel(impl.TIME_PROGRESS(6))).toBe(0.5);
    expect(show(toExcelMatrix(impl.YOY_GROWTH(1, 0)))).toEqual([["#DIV/0!"]]);
  });
  test("with a CustomFunctions runtime, errors become CustomFunctions.Error with a message only for #VALUE!/#N/A", () => {
    class FakeError {
      constructor(public code: string, public message?: string) {}
    }
    const g = globalThis as unknown as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" } };
    try {
      const div = toExcel(impl.YOY_GROWTH(1, 0)) as FakeError;
      expect(div).toBeInstanceOf(FakeError);
      expect(div.code).toBe("#DIV/0!");
      expect(div.message).toBeUndefined();
      const na = toExcelMatrix(impl.YOY_GROWTH(null, 1))[0][0] as FakeError;
      expect(na.code).toBe("#N/A");
      expect(na.message).toMatch(/current/);
    } finally {
      delete g.CustomFunctions;
    }
  });
});
