import { appealCard, statedRateMatches } from "../../../src/core/appeals";
import { isError, Result } from "../../../src/core/result";

const code = (r: Result<unknown>) => (isError(r) ? r.error : "ok");
const DUE = 45352; // 2024-03-01

describe("appealCard", () => {
  test("open appeal: as-of − due, bounds 1 / 4 / 11", () => {
    const card = (late: number) => appealCard(DUE, DUE + late);
    expect(card(-5)).toBe("");
    expect(card(0)).toBe("");
    expect(card(1)).toBe("蓝牌");
    expect(card(3)).toBe("蓝牌");
    expect(card(4)).toBe("黄牌");
    expect(card(10)).toBe("黄牌");
    expect(card(11)).toBe("红牌");
    expect(card(400)).toBe("红牌");
  });
  test("a time of day does not count as a day late", () => {
    expect(appealCard(DUE, DUE + 0.99)).toBe("");
    expect(appealCard(DUE + 0.5, DUE + 1.2)).toBe("蓝牌");
  });
  test("a closed appeal never has a card, however late it was closed (超期办结 is counted apart)", () => {
    expect(appealCard(DUE, DUE + 100, DUE - 2)).toBe(""); // closed on time
    expect(appealCard(DUE, DUE + 100, DUE)).toBe(""); // closed on the due date
    expect(appealCard(DUE, DUE + 100, DUE + 5)).toBe(""); // closed 5 days late
    expect(appealCard(DUE, DUE, DUE + 11)).toBe("");
    expect(appealCard(DUE, DUE + 100, null)).toBe("红牌"); // null = open
  });
  test("working_days TRUE: working days on the official calendar (2023 National Day, make-up weekend worked)", () => {
    const due = 45197; // Thu 2023-09-28
    const oct = (d: number) => 45199 + d; // 2023-10-01 + (d − 1) … 45200 = 10/01
    expect(oct(1)).toBe(45200);
    // 9/29–10/6 off; Sat 10/7, Sun 10/8, Mon 10/9 → 3 working days late
    expect(appealCard(due, oct(9), null, null, true)).toBe("蓝牌");
    expect(appealCard(due, oct(9))).toBe("红牌"); // 11 calendar days
    expect(appealCard(due, oct(6), null, null, true)).toBe(""); // still the holiday
    expect(appealCard(due, oct(7), null, null, true)).toBe("蓝牌"); // the make-up Saturday counts
    expect(appealCard(due, oct(12), null, null, true)).toBe("黄牌"); // 7, 8, 9, 10, 11, 12 → 6
    expect(appealCard(due, oct(12), oct(11), null, true)).toBe(""); // closed
    expect(appealCard(due, oct(12), null, null, false)).toBe("红牌"); // FALSE = calendar days (14)
  });
  test("custom bounds", () => {
    expect(appealCard(DUE, DUE + 1, null, [2, 5, 8])).toBe("");
    expect(appealCard(DUE, DUE + 2, null, [2, 5, 8])).toBe("蓝牌");
    expect(appealCard(DUE, DUE + 8, null, [2, 5, 8])).toBe("红牌");
  });
  test("errors", () => {
    expect(code(appealCard(366, DUE))).toBe("#NUM!"); // before 1901
    expect(code(appealCard(DUE, 100))).toBe("#NUM!");
    expect(code(appealCard(DUE, DUE, 5))).toBe("#NUM!");
    expect(code(appealCard(DUE, DUE, null, [1, 4]))).toBe("#VALUE!");
    expect(code(appealCard(DUE, DUE, null, [0, 4, 11]))).toBe("#NUM!");
    expect(code(appealCard(DUE, DUE, null, [5, 4, 11]))).toBe("#NUM!");
    expect(code(appealCard(1, DUE, null, [1, 4]))).toBe("#VALUE!"); // #VALUE! before #NUM!
  });
});

describe("statedRateMatches", () => {
  test("closure 1460/1466 = 99.59%: stated 99.5% is a mismatch, 99.6% matches", () => {
    expect(1460 / 1466).toBeCloseTo(0.9959, 4);
    expect(statedRateMatches(1460, 1466, 0.995, 1)).toBe(false);
    expect(statedRateMatches(1460, 1466, 0.996, 1)).toBe(true);
    expect(statedRateMatches(1460, 1466, 0.9959, 2)).toBe(true);
    expect(statedRateMatches(1460, 1466, 1, 0)).toBe(true); // 99.59 → 100
  });
  test("half up at the boundary despite binary noise", () => {
    expect(statedRateMatches(1, 8, 0.125, 1)).toBe(true); // 12.5%
    expect(statedRateMatches(1, 8, 0.12, 0)).toBe(false); // 12.5 → 13, not 12
    expect(statedRateMatches(1, 8, 0.13, 0)).toBe(true);
    // 29/200·100 = 14.499999999999998 in floating point; on paper 14.5 → 15
    expect(statedRateMatches(29, 200, 0.15, 0)).toBe(true);
    expect(statedRateMatches(29, 200, 0.14, 0)).toBe(false);
  });
  test("errors", () => {
    expect(code(statedRateMatches(1, 0, 0.5, 1))).toBe("#DIV/0!");
    expect(code(statedRateMatches(1, 2, 0.5, 1.5))).toBe("#NUM!");
    expect(code(statedRateMatches(1, 2, 0.5, -1))).toBe("#NUM!");
  });
});
