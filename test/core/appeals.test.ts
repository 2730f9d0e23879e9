import { appealCard, statedRateMatches } from "../../src/core/appeals";
import { isError, Result } from "../../src/core/result";

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
  test("closed appeal: closed − due, whatever the as-of date", () => {
    expect(appealCard(DUE, DUE + 100, DUE - 2)).toBe(""); // closed on time
    expect(appealCard(DUE, DUE + 100, DUE)).toBe(""); // closed on the due date
    expect(appealCard(DUE, DUE + 100, DUE + 5)).toBe("黄牌");
    expect(appealCard(DUE, DUE, DUE + 11)).toBe("红牌");
    expect(appealCard(DUE, DUE + 100, null)).toBe("红牌"); // null = open
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
