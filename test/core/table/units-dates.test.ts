/**
 * The unit table, the date module and the shared fields: one each (src/core/table/units.ts,
 * dates.ts, fields.ts). Expected values are hand-computed: 1 千万元 = 1000 万元, 1 百万元 = 100 万元,
 * 1 公顷 = 15 亩; Excel's serial 60 is the fictitious 1900-02-29, serial 61 is 1900-03-01,
 * 2023-03-01 is 44986.
 */
import {
  canonicalUnit,
  convertUnit,
  dateToExcelSerial,
  excelSerialToYMD,
  jsDateToSerial,
  looksLikeUnit,
  normalizeHeader,
  parseDate,
  serialToIso,
  SHARED_FIELDS,
  showInUnit,
  unitFactor,
} from "../../../src/core/table";
import { parseNumber } from "../../../src/core/num";
import { monthlySpec } from "../../../src/core/validate/specs";
import { poolSpec } from "../../../src/core/pool/spec";
import { acreSpec } from "../../../src/core/acre/spec";
import { firmListSpec } from "../../../src/core/pool/analyze";

describe("one unit table for headers, cells and the 目标 sheet", () => {
  test("every money unit converts to 万元 exactly", () => {
    expect(convertUnit(2890000, "千元", "万元")).toBe(289000);
    expect(convertUnit(-8500000, "元", "万元")).toBe(-850);
    expect(convertUnit(12.5, "百万元", "万元")).toBe(1250);
    expect(convertUnit(3, "千万元", "万元")).toBe(3000);
    expect(convertUnit(39.16, "亿元", "万元")).toBe(391600);
    expect(convertUnit(2, "公顷", "亩")).toBe(30);
    expect(convertUnit(6666.666666666667, "平方米", "亩")).toBe(10);
  });

  test("headers: known units are split off; unit-like brackets the table does not know are kept aside", () => {
    expect(normalizeHeader("工业总产值（千万元）")).toEqual({ name: "工业总产值", unit: "千万元", unknownUnit: "" });
    expect(normalizeHeader("工业总产值（百万元）")).toEqual({ name: "工业总产值", unit: "百万元", unknownUnit: "" });
    expect(normalizeHeader("出口交货值（万美元）")).toEqual({ name: "出口交货值", unit: "", unknownUnit: "万美元" });
    expect(normalizeHeader("用地面积（公顷）").unit).toBe("公顷");
    expect(normalizeHeader("营业收入/亿元").unit).toBe("亿元");
    // qualifiers that are not units
    expect(normalizeHeader("本月工业总产值(当年价格)")).toEqual({ name: "本月工业总产值", unit: "", unknownUnit: "" });
    expect(normalizeHeader("统一社会信用代码(组织机构代码)").unknownUnit).toBe("");
    expect(looksLikeUnit("万吨")).toBe(true);
    expect(looksLikeUnit("当年价格")).toBe(false);
    expect(canonicalUnit("亿")).toBe("亿元");
    expect(canonicalUnit("㎡")).toBe("平方米");
    expect(unitFactor("万美元", "万元")).toBe(1);
  });

  test("cells: the same money units, 百万 included", () => {
    const p = parseNumber("12.5百万");
    expect(p.kind === "invalid" && p.suggestion).toBe(1250);
    const q = parseNumber("1.1亿");
    expect(q.kind === "invalid" && q.suggestion).toBe(11000);
  });

  test("a value for a message: as written in the header's unit, the 万元 figure in brackets", () => {
    expect(showInUnit(289000, "千元", "万元")).toBe("2890000 千元（289000 万元）");
    expect(showInUnit(-85, "元", "万元")).toBe("-850000 元（-85 万元）");
    expect(showInUnit(-85, "万元", "万元")).toBe("-85");
    expect(showInUnit(12, "", "万元")).toBe("12");
  });
});

describe("one date module", () => {
  test("Excel's 1900 leap-year bug: serial 60 is 1900-02-29, 61 is 1900-03-01", () => {
    expect(excelSerialToYMD(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(excelSerialToYMD(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(excelSerialToYMD(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(dateToExcelSerial(1900, 1, 1)).toBe(1);
    expect(dateToExcelSerial(2023, 3, 1)).toBe(44986);
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(60)).toBe("1900-02-29");
    expect(serialToIso(44986.5, true)).toBe("2023-03-01 12:00");
  });

  test("exceljs Dates ↔ serials round-trip", () => {
    expect(jsDateToSerial(new Date(Date.UTC(2023, 2, 1)))).toBe(44986);
    expect(jsDateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
  });

  test.each([
    ["2023年3月", 44986],
    ["2023.3", 44986],
    ["2023-03", 44986],
    ["2023/3", 44986],
    ["２０２３年３月份", 44986],
    [2023.3, 44986],
    [2023.12, dateToExcelSerial(2023, 12, 1)],
  ])("month-precision %p → the 1st of that month", (raw, serial) => {
    expect(parseDate(raw)).toEqual({ kind: "date", serial, precision: "month" });
  });

  test("full dates keep day precision; impossible ones are errors", () => {
    expect(parseDate("2023年3月5日")).toEqual({ kind: "date", serial: 44990, precision: "day" });
    expect(parseDate(44990)).toEqual({ kind: "date", serial: 44990, precision: "day" });
    expect(parseDate("2023-13")).toMatchObject({ kind: "invalid" });
    expect(parseDate("2023-02-30")).toMatchObject({ kind: "invalid" });
  });
});

describe("one table of shared fields", () => {
  const synonymsOf = (spec: { fields: { key: string; header: string; synonyms?: string[] }[] }, key: string) => {
    const f = spec.fields.find((x) => x.key === key)!;
    return [f.header, ...(f.synonyms ?? [])].sort();
  };
  test.each(["name", "uscc"])("%s: the same header and synonyms in every table kind", (key) => {
    const shared = [SHARED_FIELDS[key as "name"].header, ...(SHARED_FIELDS[key as "name"].synonyms ?? [])].sort();
    for (const spec of [monthlySpec, poolSpec, acreSpec, firmListSpec]) expect(synonymsOf(spec, key)).toEqual(shared);
  });
  test("企业全称 and 企业 are 企业名称 in every kind (they disagreed before)", () => {
    for (const spec of [monthlySpec, poolSpec, acreSpec]) {
      const all = synonymsOf(spec, "name").map((h) => normalizeHeader(h).name);
      expect(all).toEqual(expect.arrayContaining(["企业全称", "企业"]));
    }
  });
});
