/**
 * The custom-function contract of issue #2, checked row by row in HyperFormula (the same
 * implementations Excel calls): error order incl. mixed cases, numeric text, broadcasting,
 * TIME_PROGRESS boundaries, ACRE_GRADE boundaries against the domain.md rule for N = 1..20,
 * APPEAL_CARD days, SCALE_GAP optional-argument positions, USCC_VALID, and the examples of docs/functions.md.
 */
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "../../src/workbench/jxPlugin";

/** Full precision (HyperFormula rounds displayed values to 10 digits by default). */
const EXACT = { smartRounding: false };
const show = (v: unknown) => (v instanceof DetailedCellError ? v.value : v);

/** Evaluate single-cell formulas against a data row (A1:Z1 = data). */
function evaluate(formulas: string[], data: RawCellContent[] = []): unknown[] {
  const hf = createEngine([data, ...formulas.map((f) => [f])], EXACT);
  const out = formulas.map((_, i) => show(hf.getCellValue({ sheet: 0, row: i + 1, col: 0 })));
  hf.destroy();
  return out;
}

const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

describe("error order: blank → #N/A, text → #VALUE!, meaningless → #NUM!, zero denominator → #DIV/0!", () => {
  // A1 blank, B1 text, C1 negative, D1 zero, E1 positive
  const data: RawCellContent[] = [null, "abc", -5, 0, 10];
  test.each([
    ["=JX.YOY_GROWTH(B1,A1)", "#N/A"], // text and blank in different arguments
    ["=JX.YOY_GROWTH(A1,B1)", "#N/A"],
    ["=JX.YOY_GROWTH(B1,C1)", "#VALUE!"], // text before a negative base
    ["=JX.YOY_GROWTH(B1,D1)", "#VALUE!"], // text before a zero base
    ["=JX.YOY_GROWTH(E1,C1)", "#NUM!"],
    ["=JX.YOY_GROWTH(E1,D1)", "#DIV/0!"],
    ["=JX.PROGRESS_GAP(E1,D1,13)", "#NUM!"], // a bad month before a zero target
    ["=JX.PROGRESS_GAP(A1,B1,13)", "#N/A"],
    ["=JX.PULL(B1,E1,C1)", "#VALUE!"],
    ["=JX.PULL(E1,E1,C1)", "#NUM!"],
    ["=JX.CONTRIBUTION(E1,A1,B1,E1)", "#N/A"],
    ["=JX.ACRE_TAX(A1,C1)", "#N/A"],
    ["=JX.ACRE_TAX(E1,C1)", "#NUM!"],
    ["=JX.ACRE_TAX(C1,D1)", "#DIV/0!"], // a negative numerator is not meaningless
    ["=JX.ENERGY_TAX(E1,D1)", "#DIV/0!"],
    ["=JX.LABOR_PRODUCTIVITY(B1,C1)", "#VALUE!"],
    ["=JX.MU(C1)", "#NUM!"],
    ["=JX.SCALE_PROJECTION(A1,B1)", "#N/A"],
    ["=JX.SCALE_PROJECTION(B1,0)", "#VALUE!"],
    ["=JX.SCALE_GAP(E1,13,B1)", "#VALUE!"],
    ["=JX.APPEAL_CARD(A1,100)", "#N/A"],
    ["=JX.APPEAL_CARD(B1,100)", "#VALUE!"],
    ["=JX.ACRE_SCORE(A1,D1,E1)", "#N/A"],
    ["=JX.ACRE_SCORE(E1,C1,E1)", "#NUM!"],
  ])("%s → %s", (formula, want) => {
    expect(evaluate([formula], data)).toEqual([want]);
  });
});

test('numeric text "1,234.5" and full-width "１２３" are numbers, in cells, literals and ranges', () => {
  expect(evaluate(["=JX.YOY_GROWTH(A1,100)", "=JX.YOY_GROWTH(B1,100)", '=JX.TARGET_RATE("1,234.5","１２３")', "=JX.MU(C1)"], ["1,234.5", "１２３", "１０，０００"])).toEqual([
    expect.closeTo(11.345, 12),
    expect.closeTo(0.23, 12),
    expect.closeTo(1234.5 / 123, 12),
    15,
  ]);
  const hf = createEngine([
    ["1,234.5", 1000, "=JX.YOY_GROWTH(A1:A3,B1)"],
    ["１２３", null],
    ["x", null],
  ], EXACT);
  expect([0, 1, 2].map((row) => show(hf.getCellValue({ sheet: 0, row, col: 2 })))).toEqual([expect.closeTo(0.2345, 12), expect.closeTo(-0.877, 12), "#VALUE!"]);
  hf.destroy();
});

test("TIME_PROGRESS: 1–12 → m/12; ≥ 367 a date serial (leap years); anything else #NUM!", () => {
  expect(
    evaluate([
      "=JX.TIME_PROGRESS(1)",
      "=JX.TIME_PROGRESS(12)",
      "=JX.TIME_PROGRESS(12.5)",
      "=JX.TIME_PROGRESS(0)",
      "=JX.TIME_PROGRESS(13)",
      "=JX.TIME_PROGRESS(366)",
      "=JX.TIME_PROGRESS(-1)",
      "=JX.TIME_PROGRESS(367)",
      "=JX.TIME_PROGRESS(DATE(2024,3,1))",
      "=JX.TIME_PROGRESS(DATE(2023,3,1))",
      "=JX.TIME_PROGRESS(DATE(2024,12,31))",
      "=JX.TIME_PROGRESS(DATE(2000,2,29))",
      '=JX.TIME_PROGRESS("１０")',
    ]),
  ).toEqual([
    expect.closeTo(1 / 12, 12),
    1,
    "#NUM!",
    "#NUM!",
    "#NUM!",
    "#NUM!",
    "#NUM!",
    expect.closeTo(1 / 365, 12),
    expect.closeTo(61 / 366, 12),
    expect.closeTo(60 / 365, 12),
    1,
    expect.closeTo(60 / 366, 12),
    expect.closeTo(10 / 12, 12),
  ]);
});

describe("ACRE_GRADE follows the domain.md rule for N = 1..20", () => {
  const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);
  const rule = (score: number, peers: number[], s: number[]) => {
    const n = peers.length;
    const p = 1 + peers.filter((x) => x > score).length;
    const [a, b, c] = [s[0], s[0] + s[1], s[0] + s[1] + s[2]].map((x) => roundHalfUp(x * n));
    return p <= a ? "A" : p <= b ? "B" : p <= c ? "C" : "D";
  };
  const variants: Array<[string, number[]]> = [
    ["", [0.2, 0.45, 0.3, 0.05]],
    [",{0.1,0.3,0.4}", [0.1, 0.3, 0.4, 0.2]],
    [",{0.25,0.25,0.25,0.25}", [0.25, 0.25, 0.25, 0.25]],
    [",{0.15;0.35;0.3}", [0.15, 0.35, 0.3, 0.2]],
  ];
  test.each(variants)("shares%s", (arg, shares) => {
    for (let n = 1; n <= 20; n++) {
      // distinct scores, then ties (every third score equals its predecessor)
      const distinct = Array.from({ length: n }, (_, i) => 10 + i * 1.5);
      const tied = distinct.map((x, i) => (i % 3 === 2 ? distinct[i - 1] : x));
      for (const peers of [distinct, tied]) {
        const hf = createEngine(peers.map((x, i) => [x, i === 0 ? `=JX.ACRE_GRADE(A1:A${n},A1:A${n}${arg})` : null]));
        const got = peers.map((_, row) => show(hf.getCellValue({ sheet: 0, row, col: 1 })));
        hf.destroy();
        expect([n, got]).toEqual([n, peers.map((x) => rule(x, peers, shares))]);
      }
    }
  });
  test("score outside the pool; blanks and text in peers ignored; 4 shares must add up to 1", () => {
    const data: RawCellContent[] = [1, 2, 3, null, "n/a"];
    expect(
      evaluate(
        ["=JX.ACRE_GRADE(100,A1:E1)", "=JX.ACRE_GRADE(0,A1:E1)", "=JX.ACRE_GRADE(3,A1:E1,{0.2,0.45,0.3,0.1})", "=JX.ACRE_GRADE(3,A1:E1,{0.5,0.4,0.3})", "=JX.ACRE_GRADE(3,A1:E1,{0.5,0.5})"],
        data,
      ),
    ).toEqual(["A", "D", "#NUM!", "#NUM!", "#VALUE!"]);
  });
});

test("APPEAL_CARD at 0/1/3/4/10/11 days, closed on time, custom thresholds", () => {
  const due = serial(2024, 3, 1);
  const late = [0, 1, 3, 4, 10, 11].map((d) => `=JX.APPEAL_CARD(${due},${due + d})`);
  expect(evaluate(late)).toEqual(["", "蓝牌", "蓝牌", "黄牌", "黄牌", "红牌"]);
  expect(
    evaluate([
      `=JX.APPEAL_CARD(${due},${due + 30},${due})`, // closed on the due date
      `=JX.APPEAL_CARD(${due},${due + 30},${due - 3})`, // closed early
      `=JX.APPEAL_CARD(${due},${due},${due + 4})`, // closed 4 days late: closed, no card
      `=JX.APPEAL_CARD(${due},${due + 2},,{2,5,8})`,
      `=JX.APPEAL_CARD(${due},${due + 7},,{2,5,8})`,
      `=JX.APPEAL_CARD(${due},${due + 8},,{2,5,8})`,
      `=JX.APPEAL_CARD(${due},${due + 1},,{2,5,8})`,
    ]),
  ).toEqual(["", "", "", "蓝牌", "黄牌", "红牌", ""]);
});

test("APPEAL_CARD working_days across the 2023 National Day holiday (Sat 10/7 and Sun 10/8 worked)", () => {
  const due = serial(2023, 9, 28);
  const oct = (d: number) => serial(2023, 10, d);
  expect(
    evaluate([
      `=JX.APPEAL_CARD(${due},${oct(9)},,,TRUE())`, // 10/7, 10/8, 10/9 → 3 working days
      `=JX.APPEAL_CARD(${due},${oct(9)})`, // 11 calendar days
      `=JX.APPEAL_CARD(${due},${oct(6)},,,TRUE())`, // still the holiday
      `=JX.APPEAL_CARD(${due},${oct(12)},,,TRUE())`, // 6 working days
      `=JX.APPEAL_CARD(${due},${oct(12)},,,FALSE())`,
      `=JX.APPEAL_CARD(${due},${oct(12)},${oct(11)},,TRUE())`, // closed
      `=JX.APPEAL_CARD(${due},${oct(9)},,{2,5,8},TRUE())`,
      `=JX.APPEAL_CARD(${due},${oct(9)},,,"maybe")`,
    ]),
  ).toEqual(["蓝牌", "红牌", "", "黄牌", "红牌", "", "蓝牌", "#VALUE!"]);
});

test("SCALE_PROJECTION seasonal vs run-rate; SCALE_GAP default 2000 and optional positions", () => {
  const lastYear = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]; // total 780, months 1–6: 210
  const seasonal = 600 / (210 / 780);
  expect(
    evaluate(
      [
        "=JX.SCALE_PROJECTION(600,6)",
        "=JX.SCALE_PROJECTION(600,6,A1:L1)",
        "=JX.SCALE_GAP(600,6)",
        "=JX.SCALE_GAP(600,6,,A1:L1)",
        "=JX.SCALE_GAP(600,6,1000)",
        "=JX.SCALE_GAP(600,6,1000,A1:L1)",
        "=JX.SCALE_PROJECTION(600,6.5)",
        "=JX.SCALE_PROJECTION(600,0)",
      ],
      lastYear,
    ),
  ).toEqual([1200, expect.closeTo(seasonal, 9), -800, expect.closeTo(seasonal - 2000, 9), 200, expect.closeTo(seasonal - 1000, 9), "#NUM!", "#NUM!"]);
});

test("USCC_VALID: case and surrounding spaces ignored; wrong check → FALSE; blank → #N/A", () => {
  expect(
    evaluate(
      ['=JX.USCC_VALID("91350100M000100Y43")', '=JX.USCC_VALID(" 91350100m000100y43 ")', '=JX.USCC_VALID("91350100M000100Y44")', '=JX.USCC_VALID("91350100M000100Y4")', "=JX.USCC_VALID(12345)", "=JX.USCC_VALID(A1)"],
      [null],
    ),
  ).toEqual([true, true, false, false, false, "#N/A"]);
});

test("the docs/functions.md examples give the documented results", () => {
  expect(
    evaluate([
      "=JX.YOY_GROWTH(104.5, 98.68)",
      "=JX.TARGET_RATE(41, 37)",
      "=JX.TIME_PROGRESS(10)",
      "=JX.PROGRESS_GAP(39.16, 37, 10)",
      "=JX.CONTRIBUTION(15, 10, 120, 100)",
      "=JX.PULL(15, 10, 100)",
      "=JX.MU(10000)",
      "=JX.ACRE_TAX(760, 100)",
      "=JX.ACRE_REVENUE(8390, 100)",
      "=JX.ENERGY_TAX(69, 1000)",
      "=JX.LABOR_PRODUCTIVITY(3680, 100)",
      "=JX.ACRE_SCORE({7.6,83.9,0.069,36.8}, {7.6,83.9,0.069,36.8}, {50,25,15,10})",
      "=JX.SCALE_PROJECTION(1500, 9)",
      "=JX.SCALE_GAP(1200, 9)",
    ]),
  ).toEqual([
    expect.closeTo(0.059, 3),
    expect.closeTo(1.108, 3),
    expect.closeTo(0.833, 3),
    expect.closeTo(0.225, 3),
    0.25,
    0.05,
    15,
    7.6,
    83.9,
    0.069,
    36.8,
    expect.closeTo(100, 9),
    2000,
    -400,
  ]);
  // =JX.ACRE_GRADE(F2:F222, F2:F222) over 221 distinct scores: 44 A, 100 B, 66 C, 11 D
  const hf: HyperFormula = createEngine(Array.from({ length: 221 }, (_, i) => [221 - i, i === 0 ? "=JX.ACRE_GRADE(A1:A221,A1:A221)" : null]));
  const grades = hf.getSheetValues(0).map((r) => r[1]);
  hf.destroy();
  const count = (g: string) => grades.filter((x) => x === g).length;
  expect(["A", "B", "C", "D"].map(count)).toEqual([44, 100, 66, 11]);
});

test("a HyperFormula language registered after the plugin also knows the JX names", () => {
  createEngine([[1]]).destroy(); // the plugin is registered by now
  const enUS = require("hyperformula/commonjs/i18n/languages/enUS").default;
  if (!HyperFormula.getRegisteredLanguagesCodes().includes("enUS")) HyperFormula.registerLanguage("enUS", enUS);
  const hf = createEngine([[110, 100, "=JX.YOY_GROWTH(A1,B1)"]], { language: "enUS" });
  expect(show(hf.getCellValue({ sheet: 0, row: 0, col: 2 }))).toBeCloseTo(0.1, 12);
  hf.destroy();
});
