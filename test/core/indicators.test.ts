import {
  acreRevenue, acreTax, contribution, dateToExcelSerial, dayOfYear, energyTax, excelSerialToDate, excelSerialToYMD,
  laborProductivity, mu, progressGap, pull, targetRate, timeProgress, yoyGrowth,
} from "../../src/core/indicators";
import { isError, Result } from "../../src/core/result";
import { roundHalfUp } from "../../src/core/round";

const code = (r: Result<unknown>) => (isError(r) ? r.error : "ok");
/** A rate shown to one decimal of percent, the way reports publish it. */
const pct1 = (r: Result<number>) => (isError(r) ? r.error : roundHalfUp(r * 100, 1));

describe("seed figures (domain.md §1)", () => {
  test("1–10月 output 104.5 亿元 against 98.68 → +5.9%", () => {
    expect(pct1(yoyGrowth(104.5, 98.68))).toBe(5.9);
  });
  test("full-year output 128 over the 2021 base 120 → 6.67% (the report's 7.0% uses a comparable base)", () => {
    expect(yoyGrowth(128, 120)).toBeCloseTo(8 / 120, 12);
    expect(pct1(yoyGrowth(128, 120))).toBe(6.7);
  });
  test("investment 41 against the target 37 → 110.8%", () => {
    expect(pct1(targetRate(41, 37))).toBe(110.8);
  });
  test("1–10月 investment 39.16 of 37: 105.8%, time progress 83.3%, +22.5 pp", () => {
    expect(pct1(targetRate(39.16, 37))).toBe(105.8);
    expect(timeProgress(10)).toBeCloseTo(10 / 12, 15);
    expect(pct1(timeProgress(10))).toBe(83.3);
    const gap = progressGap(39.16, 37, 10) as number;
    expect(gap).toBeCloseTo(39.16 / 37 - 10 / 12, 12);
    expect(gap).toBeCloseTo(0.225, 3);
  });
});

describe("yoyGrowth", () => {
  test("hand-computed", () => {
    expect(yoyGrowth(110, 100)).toBeCloseTo(0.1, 15);
    expect(yoyGrowth(90, 100)).toBeCloseTo(-0.1, 15);
    expect(yoyGrowth(-5, 100)).toBeCloseTo(-1.05, 15);
    expect(yoyGrowth(0, 100)).toBe(-1);
  });
  test("base 0 → #DIV/0!, negative base → #NUM!", () => {
    expect(code(yoyGrowth(5, 0))).toBe("#DIV/0!");
    expect(code(yoyGrowth(5, -0))).toBe("#DIV/0!");
    expect(code(yoyGrowth(5, -3))).toBe("#NUM!");
  });
  test("overflow is #NUM!, never Infinity", () => {
    expect(code(yoyGrowth(1e308, 1e-300))).toBe("#NUM!");
    expect(code(yoyGrowth(-1.7e308, 1.7e308))).toBe("#NUM!");
  });
});

describe("targetRate, contribution, pull", () => {
  test("targetRate", () => {
    expect(targetRate(3, 4)).toBe(0.75);
    expect(code(targetRate(3, 0))).toBe("#DIV/0!");
  });
  test("contribution = Δpart / Δtotal", () => {
    expect(contribution(15, 10, 120, 100)).toBeCloseTo(0.25, 15);
    expect(contribution(8, 10, 120, 100)).toBeCloseTo(-0.1, 15);
    expect(code(contribution(15, 10, 100, 100))).toBe("#DIV/0!");
  });
  test("pull = Δpart / total_before", () => {
    expect(pull(15, 10, 100)).toBeCloseTo(0.05, 15);
    expect(code(pull(15, 10, 0))).toBe("#DIV/0!");
    expect(code(pull(15, 10, -100))).toBe("#NUM!");
  });
});

describe("per-mu indicators", () => {
  test("mu: 1 亩 = 10000/15 m²", () => {
    expect(mu(10000)).toBe(15);
    expect(mu(10000 / 15)).toBeCloseTo(1, 12);
    expect(mu(0)).toBe(0);
    expect(code(mu(-1))).toBe("#NUM!");
  });
  test("ratios per unit, zero → #DIV/0!, negative denominator → #NUM!", () => {
    expect(acreTax(760, 100)).toBeCloseTo(7.6, 12);
    expect(acreRevenue(8390, 100)).toBeCloseTo(83.9, 12);
    expect(energyTax(69, 1000)).toBeCloseTo(0.069, 12);
    expect(laborProductivity(3680, 100)).toBeCloseTo(36.8, 12);
    for (const f of [acreTax, acreRevenue, energyTax, laborProductivity]) {
      expect(code(f(1, 0))).toBe("#DIV/0!");
      expect(code(f(1, -2))).toBe("#NUM!");
      expect(f(-4, 2)).toBe(-2); // a negative numerator (e.g. a tax refund) is arithmetic, not meaningless
    }
  });
});

describe("dates (Excel 1900 system)", () => {
  test("known serials", () => {
    expect(dateToExcelSerial(2024, 3, 1)).toBe(45352);
    expect(dateToExcelSerial(2023, 1, 1)).toBe(44927);
    expect(dateToExcelSerial(1901, 1, 1)).toBe(367);
    expect(dateToExcelSerial(1900, 1, 1)).toBe(1);
    expect(dateToExcelSerial(1900, 2, 28)).toBe(59);
    expect(dateToExcelSerial(1900, 3, 1)).toBe(61);
  });
  test("serial 60 is the fictitious 1900-02-29; 61 is 1900-03-01", () => {
    expect(excelSerialToYMD(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(excelSerialToYMD(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(excelSerialToYMD(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToYMD(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToYMD(45352.75)).toEqual({ year: 2024, month: 3, day: 1 });
    expect(excelSerialToYMD(0)).toBeNull();
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(45352)!.toISOString().slice(0, 10)).toBe("2024-03-01");
  });
  test("round trip over many dates", () => {
    for (let s = 61; s < 80000; s += 97) {
      const d = excelSerialToYMD(s)!;
      expect(dateToExcelSerial(d.year, d.month, d.day)).toBe(s);
    }
  });
  test("day of year", () => {
    expect(dayOfYear(45352)).toEqual({ day: 61, daysInYear: 366 });
    expect(dayOfYear(44986)).toEqual({ day: 60, daysInYear: 365 });
    expect(dayOfYear(2958465)).toEqual({ day: 365, daysInYear: 365 }); // 9999-12-31
  });
});

describe("timeProgress", () => {
  test("months", () => {
    expect(timeProgress(1)).toBeCloseTo(1 / 12, 15);
    expect(timeProgress(12)).toBe(1);
  });
  test("dates: leap and non-leap years", () => {
    expect(timeProgress(45352)).toBe(61 / 366); // 2024-03-01
    expect(timeProgress(44986)).toBe(60 / 365); // 2023-03-01
    expect(timeProgress(45657)).toBe(1); // 2024-12-31
    expect(timeProgress(44865)).toBe(304 / 365); // 2022-10-31
    expect(timeProgress(367)).toBe(1 / 365); // 1901-01-01
  });
  test("anything else → #NUM!", () => {
    for (const x of [0, -1, 13, 5.5, 60, 366, 366.9, 2958466, NaN]) expect(code(timeProgress(x))).toBe("#NUM!");
  });
  test("progressGap: #NUM! (bad month) comes before #DIV/0! (zero target)", () => {
    expect(code(progressGap(1, 0, 13))).toBe("#NUM!");
    expect(code(progressGap(1, 0, 6))).toBe("#DIV/0!");
  });
});
