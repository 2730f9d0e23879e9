/**
 * The JX functions evaluated by HyperFormula in real formulas: single cells, spilled ranges,
 * error propagation into dependent formulas, and agreement with the equivalent native formula.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { createEngine } from "../../src/workbench/jxPlugin";

const addr = (a1: string, sheet = 0) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { sheet, col, row: Number(m[2]) - 1 };
};
const value = (hf: HyperFormula, a1: string) => {
  const v = hf.getCellValue(addr(a1));
  return v instanceof DetailedCellError ? v.value : v;
};

describe("single cells", () => {
  const hf = createEngine({
    S: [
      [104.5, 98.68, "=JX.YOY_GROWTH(A1,B1)", "=JX.TARGET_RATE(41,37)", "=JX.TIME_PROGRESS(10)", "=JX.PROGRESS_GAP(39.16,37,10)"],
      ["1,100", "１０００", "=JX.YOY_GROWTH(A2,B2)", "=JX.TIME_PROGRESS(45352)", "=JX.MU(10000)", '=JX.USCC_VALID("91350100M000100Y43")'],
      [null, "abc", "=JX.YOY_GROWTH(A3,1)", "=JX.YOY_GROWTH(B3,1)", "=JX.YOY_GROWTH(1,-1)", "=JX.YOY_GROWTH(1,0)"],
      [45352, 45356, "=JX.APPEAL_CARD(A4,B4)", "=JX.APPEAL_CARD(A4,B4,A4)", "=JX.SCALE_GAP(1500,9)", "=JX.SCALE_PROJECTION(800,6)"],
    ],
  });
  afterAll(() => hf.destroy());
  test("values", () => {
    expect(value(hf, "C1")).toBeCloseTo(0.059, 3);
    expect(value(hf, "D1")).toBeCloseTo(1.108, 3);
    expect(value(hf, "E1")).toBeCloseTo(0.8333, 4);
    expect(value(hf, "F1")).toBeCloseTo(0.225, 3);
    expect(value(hf, "C2")).toBeCloseTo(0.1, 9);
    expect(value(hf, "D2")).toBeCloseTo(61 / 366, 9);
    expect(value(hf, "E2")).toBe(15);
    expect(value(hf, "F2")).toBe(true);
    expect(value(hf, "C4")).toBe("黄牌");
    expect(value(hf, "D4")).toBe("");
    expect(value(hf, "E4")).toBe(0);
    expect(value(hf, "F4")).toBe(1600);
  });
  test("errors: blank → #N/A, text → #VALUE!, negative base → #NUM!, zero base → #DIV/0!", () => {
    expect(["C3", "D3", "E3", "F3"].map((a) => value(hf, a))).toEqual(["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"]);
  });
  test("a missing optional argument and an explicitly empty one", () => {
    const h = createEngine([[45352, 45400, "=JX.APPEAL_CARD(A1,B1,)", "=JX.SCALE_GAP(1500,9,,)", "=JX.ACRE_SCORE(1,1,1,)"]]);
    expect([value(h, "C1"), value(h, "D1"), value(h, "E1")]).toEqual(["红牌", 0, 1]);
    h.destroy();
  });
  test("wrong number of arguments is HyperFormula's own #N/A", () => {
    const h = createEngine([["=JX.YOY_GROWTH(1)", "=JX.MU(1,2)"]]);
    expect([value(h, "A1"), value(h, "B1")]).toEqual(["#N/A", "#N/A"]);
    h.destroy();
  });
});

describe("ranges spill", () => {
  test("=JX.YOY_GROWTH(A1:A3,B1:B3) fills 3 cells", () => {
    const hf = createEngine([
      [110, 100, "=JX.YOY_GROWTH(A1:A3,B1:B3)", "=SUM(C1:C3)"],
      [120, 100],
      [90, 0],
    ]);
    expect(value(hf, "C1")).toBeCloseTo(0.1, 12);
    expect(value(hf, "C2")).toBeCloseTo(0.2, 12);
    expect(value(hf, "C3")).toBe("#DIV/0!");
    expect(value(hf, "D1")).toBe("#DIV/0!");
    hf.setCellContents(addr("B3"), 100);
    expect(value(hf, "C3")).toBeCloseTo(-0.1, 12);
    expect(value(hf, "D1")).toBeCloseTo(0.2, 12);
    hf.destroy();
  });
  test("a row range, a scalar broadcast, and a mismatch", () => {
    const hf = createEngine([
      [10000, 20000, 30000],
      ["=JX.MU(A1:C1)"],
      ["=JX.TARGET_RATE(A1:C1,10000)"],
      ["=JX.YOY_GROWTH(A1:C1,A1:B1)"],
    ]);
    expect([value(hf, "A2"), value(hf, "B2"), value(hf, "C2")]).toEqual([15, 30, 45]);
    expect([value(hf, "A3"), value(hf, "B3"), value(hf, "C3")]).toEqual([1, 2, 3]);
    expect(value(hf, "A4")).toBe("#VALUE!");
    hf.destroy();
  });
  test("ACRE_SCORE spills one score per firm; ACRE_GRADE grades the spilled scores", () => {
    const rows = [
      [7.6, 83.9, "=JX.ACRE_SCORE(A1:B5,F1:G1,F2:G2)", "=JX.ACRE_GRADE(C1:C5,C1:C5)", null, 7.6, 83.9],
      [15.2, 167.8, null, null, null, 60, 40],
      [3.8, 41.95],
      [0, 0],
      [7.6, 0],
    ];
    const hf = createEngine(rows);
    expect([1, 2, 3, 4, 5].map((r) => value(hf, `C${r}`))).toEqual([100, 200, 50, 0, 60].map((x) => expect.closeTo(x, 9)));
    // N = 5: bounds round(1) = 1, round(3.25) = 3, round(4.75) = 5
    expect([1, 2, 3, 4, 5].map((r) => value(hf, `D${r}`))).toEqual(["B", "A", "C", "C", "B"]);
    hf.destroy();
  });
  test("USCC_VALID and APPEAL_CARD over columns", () => {
    const hf = createEngine([
      ["91350100M000100Y43", 45352, "=JX.USCC_VALID(A1:A3)", "=JX.APPEAL_CARD(B1:B3,45360)"],
      ["91350100M000100Y44", 45357],
      ["91350100I000100Y43", 45360],
    ]);
    expect(["C1", "C2", "C3"].map((a) => value(hf, a))).toEqual([true, false, false]);
    expect(["D1", "D2", "D3"].map((a) => value(hf, a))).toEqual(["黄牌", "蓝牌", ""]);
    hf.destroy();
  });
  test("a spill blocked by a value is #SPILL!, not a crash", () => {
    const hf = createEngine([[1, "=JX.MU(A1:A2)"], [2, "x"]]);
    expect(value(hf, "B1")).toBe("#SPILL!");
    hf.destroy();
  });
});

describe("errors propagate into dependent formulas", () => {
  test("=JX.YOY_GROWTH(A1,0)+1 → #DIV/0!; an error cell as input propagates unchanged", () => {
    const hf = createEngine([[5, "=JX.YOY_GROWTH(A1,0)+1", "=1/0", "=JX.MU(C1)", "=JX.MU(Z99)", "=JX.MU(#REF!)"]]);
    expect(value(hf, "B1")).toBe("#DIV/0!");
    expect(value(hf, "D1")).toBe("#DIV/0!");
    expect(value(hf, "E1")).toBe("#N/A"); // an empty cell is a blank required argument
    expect(value(hf, "F1")).toBe("#REF!");
    hf.destroy();
  });
  test("=IFERROR(JX.YOY_GROWTH(…), \"\") catches our errors", () => {
    const hf = createEngine([['=IFERROR(JX.YOY_GROWTH(1,0),"-")', "=ISNA(JX.YOY_GROWTH(,1))"]]);
    expect(value(hf, "A1")).toBe("-");
    expect(value(hf, "B1")).toBe(true);
    hf.destroy();
  });
});

describe("equal to the native formula on positive numbers", () => {
  const pairs: Array<[string, string]> = [
    ["=JX.YOY_GROWTH(A{r},B{r})", "=(A{r}-B{r})/B{r}"],
    ["=JX.TARGET_RATE(A{r},B{r})", "=A{r}/B{r}"],
    ["=JX.MU(A{r})", "=A{r}*15/10000"],
    ["=JX.ACRE_TAX(A{r},B{r})", "=A{r}/B{r}"],
    ["=JX.ACRE_REVENUE(A{r},B{r})", "=A{r}/B{r}"],
    ["=JX.ENERGY_TAX(A{r},B{r})", "=A{r}/B{r}"],
    ["=JX.LABOR_PRODUCTIVITY(A{r},B{r})", "=A{r}/B{r}"],
    ["=JX.PULL(A{r},B{r},C{r})", "=(A{r}-B{r})/C{r}"],
    ["=JX.CONTRIBUTION(A{r},B{r},C{r},D{r})", "=(A{r}-B{r})/(C{r}-D{r})"],
    ["=JX.PROGRESS_GAP(A{r},B{r},E{r})", "=A{r}/B{r}-E{r}/12"],
    ["=JX.TIME_PROGRESS(E{r})", "=E{r}/12"],
    ["=JX.SCALE_PROJECTION(A{r},E{r})", "=A{r}*12/E{r}"],
    ["=JX.SCALE_GAP(A{r},E{r})", "=A{r}*12/E{r}-2000"],
  ];
  test("200 random rows, every pair", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const data = Array.from({ length: 200 }, () => {
      const c = 1 + rnd() * 1e4;
      return [rnd() * 1e5, 1 + rnd() * 1e4, c, c + 1 + rnd() * 100, 1 + Math.floor(rnd() * 12)];
    });
    const sheet = data.map((row, i) => [...row, ...pairs.flatMap(([jx, native]) => [jx, native].map((f) => f.replace(/\{r\}/g, String(i + 1))))]);
    const hf = createEngine(sheet);
    const values = hf.getSheetValues(0);
    for (const row of values) {
      for (let k = 0; k < pairs.length; k++) {
        const [ours, native] = [row[5 + 2 * k], row[6 + 2 * k]];
        expect(typeof ours).toBe("number");
        expect(ours).toBe(native);
      }
    }
    hf.destroy();
  });
});
