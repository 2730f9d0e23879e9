import { RULE_SETS, validateSheet, isUnusable, statedRate, decimalsOf, unitSuspicion, ValidationResult, detectRuleSet, monthFromSheet } from "../../../src/core/validate";
import type { SheetLike } from "../../../src/core/table";
import { appealsSummary, uscc, monthlyRows } from "../../../scripts/make-validate-fixtures";

type Cell = string | number | null;
const HEADER = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"];

function sheet(rows: Cell[][], name = "10月"): SheetLike {
  const width = Math.max(...rows.map((r) => r.length));
  return { name, startRow: 1, startCol: 1, values: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")) };
}

function validate(rows: Cell[][], name?: string): ValidationResult {
  const v = validateSheet(sheet(rows, name), RULE_SETS, "auto");
  if (isUnusable(v)) throw new Error(v.error);
  return v.result;
}

const ok = [uscc(1), uscc(2), uscc(3), uscc(4)];

describe("RATE: a stated rate next to its counts, rounded or truncated at the precision it claims", () => {
  const withSummary = (rateCell: Cell, header = "办结率") => {
    const [title, heads, values] = appealsSummary();
    return validate([title, [heads[0], heads[1], header], [values[0], values[1], rateCell], [], HEADER, ["甲", ok[0], 1, 10]]);
  };

  test("the seed: 1460 closed of 1466 is 99.59%: 99.5% (truncated) and 99.6% (rounded) are right, 99.7% is a 提示", () => {
    expect(withSummary(0.995).findings).toEqual([]);
    expect(withSummary(0.996).findings).toEqual([]);
    const r = withSummary(0.997);
    expect(r.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([["RATE", "C3", "warning"]]);
    expect(r.findings[0].message).toBe(
      "“办结率”所列 99.7% 与 1460/1466 = 99.591% 不符（按所列精度四舍五入为 99.6%，截断为 99.5%）；如分母口径不同，请说明 " +
        "(stated 99.7% does not match 1460/1466 = 99.591%: 99.6% rounded, 99.5% truncated; explain it if the base differs)",
    );
  });

  test("the claimed rounding: text '99.5%', a (%) header with 99.5, an unrounded formula result", () => {
    expect(withSummary("99.4%").findings.map((f) => f.cell)).toEqual(["C3"]);
    expect(withSummary("99.5%").findings).toEqual([]);
    expect(withSummary("99.6%").findings).toEqual([]);
    expect(withSummary("100%").findings).toEqual([]); // 99.59% is 100% at 0 decimals (rounded)
    expect(withSummary("99%").findings).toEqual([]); // … and 99% truncated
    expect(withSummary("98%").findings.map((f) => f.cell)).toEqual(["C3"]);
    expect(withSummary(99.4, "办结率(%)").findings.map((f) => f.cell)).toEqual(["C3"]);
    expect(withSummary(99.5, "办结率(%)").findings).toEqual([]);
    expect(withSummary(99.6, "办结率(%)").findings).toEqual([]);
    expect(withSummary(1460 / 1466).findings).toEqual([]);
    expect(withSummary(0.9959).findings).toEqual([]); // 99.59% at two decimals: 99.5907% → 99.59% ✓
    expect(withSummary(0.9958).findings.map((f) => f.cell)).toEqual(["C3"]);
  });

  test("growth columns are not checked (comparable-base growth may legitimately differ)", () => {
    expect(withSummary(0.07, "同比增长").findings).toEqual([]);
  });

  test("a rate column in the table itself, every row; counts in either order", () => {
    const r = validate([
      [...HEADER, "年度目标", "1-本月完成", "完成率"],
      ["甲", ok[0], 1, 10, 200, 150, "75.0%"],
      ["乙", ok[1], 1, 10, 150, 200, "75%"], // 150/200 in the other order
      ["丙", ok[2], 1, 10, 300, 100, 0.34], // 33.33% → 33%
    ]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([["RATE", "G4"]]);
    expect(r.findings[0].message).toContain("按所列精度四舍五入为 33%，截断为 33%");
  });
});

describe("common rules", () => {
  test("duplicates: names compared without spaces and with half-width brackets; codes upper-cased", () => {
    const r = validate([
      HEADER,
      ["安徽金誉（枞阳）有限公司", ok[0], 1, 10],
      ["安徽金誉(枞阳) 有限公司", ok[1], 1, 10],
      ["乙公司", ok[0].toLowerCase(), 1, 10],
    ]);
    expect(r.findings.map((f) => [f.rule, f.cell, f.message])).toEqual([
      ["M-DUP", "A3", "企业名称与第 2 行重复 (same firm name as row 2)"],
      ["M-DUP", "B4", "统一社会信用代码与第 2 行重复 (same credit code as row 2)"],
    ]);
  });

  test("USCC: wrong characters are an error; a wrong check character a warning that names the expected one", () => {
    const code = ok[0];
    const wrong = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    const r = validate([HEADER, ["甲", code.slice(0, 16) + "IO", 1, 10], ["乙", wrong, 1, 10]]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ["M-USCC-FMT", "error"],
      ["M-USCC-CHK", "warning"],
    ]);
    expect(r.findings[1].message).toContain(`校验位应为“${code[17]}”`);
    expect(r.findings[1].value).toBe(wrong); // reported, never corrected
    const asNumber = validate([HEADER, ["甲", 913407227000000000, 1, 10]]);
    expect(asNumber.findings.map((f) => [f.rule, f.cell])).toEqual([["M-USCC-FMT", "B2"]]);
    expect(asNumber.findings[0].message).toMatch(/^统一社会信用代码被存为数值/);
  });

  test("合计: checked to the rounding of the total; 小计 rows mean groups and are not checked; text numbers hint", () => {
    const base = [HEADER, ["甲", ok[0], 1.24, 10.5], ["乙", ok[1], 2.13, 20.25]];
    expect(validate([...base, ["合计", null, 3.37, 30.75]]).findings).toEqual([]);
    expect(validate([...base, ["合计", null, 3, 31]]).findings).toEqual([]); // 3.37 → 3, 30.75 → 31
    expect(validate([...base, ["合计", null, 3.4, 30.7]]).findings.map((f) => f.cell)).toEqual(["D4"]); // 3.37 → 3.4 ✓, 30.75 → 30.8 ✗
    expect(validate([...base, ["合计", null, 3.36, 30.75]]).findings.map((f) => f.cell)).toEqual(["C4"]);
    expect(validate([...base, ["小计", null, 9, 9], ["合计", null, 3.37, 30.75]]).findings).toEqual([]);
    const text = validate([HEADER, ["甲", ok[0], 1, "10"], ["乙", ok[1], 1, 20], ["合计", null, 2, 20]]);
    expect(text.findings.map((f) => f.cell)).toEqual(["D4"]);
    expect(text.findings[0].message).toContain("以文本存储的数值（共 10）未计入合计公式");
  });

  test("a parse problem is reported once (M-NUM), not again by the rules reading that cell", () => {
    const r = validate([
      [...HEADER, "上年同期1-本月工业总产值", "1-本月工业增加值"],
      ["甲", ok[0], "十", "一百", "abc", 5],
    ]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["M-NUM", "C2"],
      ["M-NUM", "D2"],
      ["M-NUM", "E2"],
    ]);
  });

  test("blank required cells: M-REQ once per cell, total rows excluded", () => {
    const r = validate([HEADER, ["甲", "", 1, 10], ["", ok[1], null, 10], ["合计", null, 1, 20]]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["M-REQ", "B2"],
      ["M-REQ", "A3"],
      ["M-REQ", "C3"],
    ]);
  });

  test("M-REQ says \"enter 0\" for a blank amount only, never for a blank name or code", () => {
    const r = validate([HEADER, ["", "", null, 10]]);
    expect(r.findings.map((f) => [f.cell, f.message])).toEqual([
      ["A2", "“企业名称”不能为空 (required: 企业名称 is blank)"],
      ["B2", "“统一社会信用代码”不能为空 (required: 统一社会信用代码 is blank)"],
      ["C2", "“本月工业总产值”不能为空（无数据填 0）(required: 本月工业总产值 is blank; enter 0 when there is none)"],
    ]);
  });
});

describe("helpers", () => {
  test("statedRate / decimalsOf", () => {
    expect(statedRate(0.995, false)).toEqual({ rate: 0.995, decimals: 1 });
    expect(statedRate("99.50%", false)).toEqual({ rate: 0.995, decimals: 2 });
    expect(statedRate(99.5, true)).toEqual({ rate: 0.995, decimals: 1 });
    expect(statedRate(1, false)).toEqual({ rate: 1, decimals: 0 });
    expect(statedRate("n/a", false)).toBeNull();
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(12)).toBe(0);
  });

  test("unitSuspicion bands", () => {
    expect(unitSuspicion(10)).toBe(1);
    expect(unitSuspicion(7.2)).toBe(1);
    expect(unitSuspicion(6.9)).toBeNull();
    expect(unitSuspicion(14)).toBe(1);
    expect(unitSuspicion(1e4)).toBe(4);
    expect(unitSuspicion(0.1)).toBe(-1);
    expect(unitSuspicion(1e-4)).toBe(-4);
    expect(unitSuspicion(1000)).toBeNull();
    expect(unitSuspicion(0)).toBeNull();
  });

  test("monthFromSheet: a title cell above the header, else the sheet name", () => {
    expect(monthFromSheet(sheet([["2023年1—9月主要指标"], HEADER], "10月"), 2)).toBe(9);
    expect(monthFromSheet(sheet([HEADER], "2023年10月"), 1)).toBe(10);
    expect(monthFromSheet(sheet([HEADER], "Sheet1"), 1)).toBeNull();
  });

  test("detection reads only the first rows (a large table is read once)", () => {
    const big = sheet(monthlyRows(2000));
    expect(detectRuleSet(big, RULE_SETS)!.id).toBe("monthly");
    const r = validate(monthlyRows(2000) as Cell[][]);
    expect(r.rowCount).toBe(2000);
    expect(r.findings).toEqual([]);
  });
});
