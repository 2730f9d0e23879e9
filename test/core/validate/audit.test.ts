import { RULE_SETS, validateSheet, isUnusable, SheetValidation, SheetOptions, readAuditParams, rateWrittenAs, monthlyRuleSet } from "../../../src/core/validate";
import type { SheetLike } from "../../../src/core/table";
import { rankTables } from "../../../src/core/table/kinds";
import { AUDIT_HEADERS, auditBook, FixtureSheet, uscc } from "../../../scripts/make-validate-fixtures";

function sheetOf(f: FixtureSheet): SheetLike {
  const width = Math.max(0, ...f.rows.map((r) => r.length));
  return { name: f.name, startRow: 1, startCol: 1, values: f.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")) };
}

function check(sheets: FixtureSheet[], options: SheetOptions = {}, name = sheets[0].name): SheetValidation {
  const all = sheets.map(sheetOf);
  const v = validateSheet(all.find((s) => s.name === name)!, RULE_SETS, "monthly", { sheets: all, ...options });
  if (isUnusable(v)) throw new Error(v.error);
  return v;
}

const where = (v: SheetValidation) => v.result.findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`]).sort();
const book = () => auditBook().sheets;
const without = (...names: string[]) => book().filter((s) => !names.includes(s.name));

describe("the audit rules (联网直报 审核公式) on a two-month workbook", () => {
  test("one finding per rule, by sheet and cell; clean, stopped (停产) and listed 退规 firms give none", () => {
    const v = check(book());
    expect(where(v)).toEqual([...auditBook().expected].sort());
    expect(v.result.skipped).toEqual([]);
    // last month and last year were found by themselves, and the result says which sheets
    expect(v.result.previous).toEqual({ sheet: "2023年9月", how: "自动识别：工作表名“2023年9月” (sheet name; found automatically)" });
    expect(v.result.lastYear?.sheet).toBe("2022年10月");
    // severities as documented
    const sev = Object.fromEntries(v.result.findings.map((f) => [f.rule, f.severity]));
    expect(sev).toEqual({
      "M-MONTH-IDENTITY": "warning",
      "M-NOT-REPORTED": "error",
      "M-EXPORT-GT-SALES": "error",
      "M-SALES-RATIO": "warning",
      "M-USCC-KIND": "warning",
      "M-USCC-REGION": "warning",
      "M-LAST-YEAR": "warning",
    });
  });

  test("messages: zh-CN first with an English gloss, the cell's sheet and both values", () => {
    const by = (rule: string) => check(book()).result.findings.find((f) => f.rule === rule)!.message;
    expect(by("M-MONTH-IDENTITY")).toBe(
      "“本月工业总产值”520 不等于“1-本月工业总产值”5000 减上月累计 4500（“2023年9月”第 4 行）= 500；如上月数据有修订，请在“说明”列说明 " +
        "(this month 520 differs from the year to date 5000 − last month's 4500 (2023年9月 row 4) = 500; if last month was revised, explain it in 说明)",
    );
    expect(by("M-NOT-REPORTED")).toMatch(/^上月“2023年9月”第 11 行的企业“安徽[^”]+有限公司”（91340722MA2\w+）本月没有数据行：停产企业照常报送（填 0，在“说明”注明停产）；已退规的企业列入“退规企业”/);
    expect(by("M-NOT-REPORTED")).toContain("(the firm of last month's sheet 2023年9月 row 11 has no row this month");
    expect(by("M-EXPORT-GT-SALES")).toBe("“1-本月出口交货值”5000 大于“1-本月工业销售产值”4900：出口交货值是工业销售产值的一部分，请核对两项 (export delivery value 5000 exceeds sales output 4900: exports are part of sales; check both figures)");
    expect(by("M-SALES-RATIO")).toBe(
      "产销率 =“1-本月工业销售产值”3000 /“1-本月工业总产值”5000 = 60.0%，超出 70%–130%，请核实或在“说明”列说明 (sales-to-output ratio 60.0% is outside 70%–130%; check it or explain it in 说明)",
    );
    expect(by("M-USCC-KIND")).toBe(`统一社会信用代码“${uscc(5005, "92340722")}”以 92 开头，是个体工商户，不是规上工业的法人单位；请核实 (a 92 code is an individual business (个体工商户), which is not a 规上 法人单位)`);
    expect(by("M-USCC-REGION")).toBe(
      `统一社会信用代码“${uscc(5006, "91340700")}”第 3–8 位为 340700，与本地行政区划代码 340722 不同：在外地登记，请核实是否属本地统计 (characters 3–8 are 340700, not the local code 340722: registered elsewhere)`,
    );
    expect(by("M-LAST-YEAR")).toBe(
      "“上年同期1-本月工业总产值”4750 与上年报表“2022年10月”第 9 行所报“1-本月工业总产值”4800 不同；如为同口径调整，请在“说明”列说明 (4750 differs from 4800 filed last year in 2022年10月 row 9; explain a revision in 说明)",
    );
  });

  test("新增: a firm not in last month's sheet is a note, not a finding", () => {
    const v = check(book());
    const note = v.result.notes.find((n) => n.startsWith("新增"))!;
    expect(note).toMatch(/^新增：本月有 1 家企业不在上月“2023年9月”中：安徽[^（]+（第 11 行） \(1 firm\(s\) new this month/);
    expect(v.result.findings.some((f) => f.row === 11 && f.sheet === "2023年10月")).toBe(false);
  });

  test("a firm that left: listed in a 退规 sheet, or given a row with 说明 退规 — no 应报未报, no month comparison", () => {
    // without the 退规 list, firm 12 is 应报未报 too (row 12 of last month)
    expect(where(check(without("退规企业")))).toContainEqual(["M-NOT-REPORTED", "2023年9月!A12"]);
    // a row this month with 说明 退规 (zeros) instead of the list
    const sheets = without("退规企业");
    const [name, code] = book()[1].rows[11]; // last month's row 12
    sheets[0] = { ...sheets[0], rows: [...sheets[0].rows, [name, code, 0, 0, 0, 0, 0, 0, 0, 0, 0, "10月起退规"]] };
    const v = check(sheets);
    const row = sheets[0].rows.length;
    expect(where(v)).not.toContainEqual(["M-NOT-REPORTED", "2023年9月!A12"]);
    expect(v.result.findings.filter((f) => f.row === row && ["M-MONTH-IDENTITY", "M-YTD-DECREASE"].includes(f.rule))).toEqual([]);
    // the 退规 row may leave its figures blank (it has none to report); its name and code are still required
    const blanks = without("退规企业");
    blanks[0] = { ...blanks[0], rows: [...blanks[0].rows, [name, code, "", "", "", "", "", "", "", "", "", "退规"], ["", "", "", "", "", "", "", "", "", "", "", "退规"]] };
    const b = check(blanks);
    const n = blanks[0].rows.length;
    expect(where(b)).not.toContainEqual(["M-NOT-REPORTED", "2023年9月!A12"]);
    expect(b.result.findings.filter((f) => f.row === n - 1)).toEqual([]);
    expect(b.result.findings.filter((f) => f.row === n).map((f) => [f.rule, f.cell])).toEqual([["M-REQ", `A${n}`], ["M-REQ", `B${n}`]]);
  });

  test("without last month, last year, a region: those rules are not run and say why", () => {
    const v = check(without("2023年9月", "2022年10月", "参数"));
    expect(v.result.skipped.map((s) => s.rule)).toEqual(["M-YTD-DECREASE", "M-MONTH-IDENTITY", "M-NOT-REPORTED", "M-USCC-REGION", "M-LAST-YEAR"]);
    expect(v.result.previous).toBeNull();
    expect(v.result.lastYear).toBeNull();
    expect(where(v)).toEqual([
      ["M-EXPORT-GT-SALES", "2023年10月!K5"],
      ["M-SALES-RATIO", "2023年10月!J6"],
      ["M-USCC-KIND", "2023年10月!B7"],
    ]);
  });

  test("the region option wins over the 参数 row; the 产销率 range comes from 参数 or the option", () => {
    const v = check(book(), { region: "340700" });
    const region = where(v).filter(([r]) => r === "M-USCC-REGION").map(([, c]) => c);
    expect(region).toEqual(["2023年10月!B10", "2023年10月!B11", "2023年10月!B2", "2023年10月!B3", "2023年10月!B4", "2023年10月!B5", "2023年10月!B6", "2023年10月!B7", "2023年10月!B9"]);
    // 60% is inside a range of 50%–150% (参数 rows, written as percentages)
    const sheets = book();
    sheets[4] = { ...sheets[4], rows: [...sheets[4].rows, ["产销率下限", "50%"], ["产销率上限", 1.5]] };
    expect(where(check(sheets)).map(([r]) => r)).not.toContain("M-SALES-RATIO");
    // the option wins: 99%–101% flags every firm (4900/5000 = 4410/4500 = 98%)
    expect(where(check(book(), { salesRatio: { low: 0.99, high: 1.01 } })).filter(([r]) => r === "M-SALES-RATIO").length).toBe(10);
  });

  test("参数 rows: bad values are said, not used", () => {
    const p = readAuditParams([["参数", "值"], ["行政区划代码", "34072"], ["产销率下限", 1.4], ["产销率上限", 1.2]]);
    expect(p.region).toBeUndefined();
    expect(p.salesRatio).toEqual({ low: 0.7, high: 1.3 });
    expect(p.warnings).toEqual([
      "参数“行政区划代码”(第 2 行) 的值“34072”无效，应为 6 位数字（如 340722），未使用 (invalid value for 行政区划代码; not used)",
      "参数“产销率下限”应小于“产销率上限”，已用默认 70%–130% (the low end must be below the high end; the default is used)",
    ]);
    expect(readAuditParams([["行政区划代码", 340722]]).region).toBe("340722");
  });
});

describe("last month found by itself", () => {
  const header = ["企业名称", "统一社会信用代码", "月份", "本月工业总产值", "1-本月工业总产值"];
  const code = uscc(7001);
  const table = (name: string, month: string | number, m: number, ytd: number): FixtureSheet => ({ name, rows: [header, ["安徽旗山电子有限公司", code, month, m, ytd]] });

  test("a 月份 column saying 9 (sheet names say nothing); a sheet of another month is not used", () => {
    const v = check([table("本月", 10, 500, 5000), table("八月数据", "8月", 400, 4000), table("上月", 9, 450, 4600)]);
    expect(v.result.previous).toEqual({ sheet: "上月", how: "自动识别：月份列 C2 (月份 column; found automatically)" });
    // 5000 − 4600 = 400 ≠ 500
    expect(where(v)).toEqual([["M-MONTH-IDENTITY", "本月!D2"]]);
  });

  test("9月 and 2023年9月 by name; the year must agree when both say one; 2022年10月 is last year, not last month", () => {
    expect(check([table("10月", "", 500, 5000), table("9月", "", 450, 4500)]).result.previous?.sheet).toBe("9月");
    const v = check([table("2023年10月", "", 500, 5000), table("2022年9月", "", 1, 1), table("2023年9月", "", 450, 4500), table("2022年10月", "", 480, 4800)]);
    expect(v.result.previous?.sheet).toBe("2023年9月");
    expect(v.result.lastYear?.sheet).toBe("2022年10月");
    expect(where(v)).toEqual([]);
  });

  test("a given sheet wins; findPrevious false uses none", () => {
    const sheets = [table("10月", "", 500, 5000), table("9月", "", 450, 4500), table("旧表", "", 0, 4000)];
    const given = check(sheets, { previousSheet: sheetOf(sheets[2]) });
    expect(given.result.previous).toEqual({ sheet: "旧表", how: "指定 (given)" });
    expect(where(given)).toEqual([["M-MONTH-IDENTITY", "10月!D2"]]);
    const none = check(sheets, { findPrevious: false });
    expect(none.result.previous).toBeNull();
    expect(none.result.skipped.map((s) => s.rule)).toContain("M-NOT-REPORTED");
  });

  test("January: last month is December; 本月 must equal 1-本月 and the year to date may restart", () => {
    const v = check([table("2024年1月", "", 480, 500), table("2023年12月", "", 600, 6000)]);
    expect(v.result.previous?.sheet).toBe("2023年12月");
    expect(where(v)).toEqual([["M-MONTH-IDENTITY", "2024年1月!D2"]]);
    expect(v.result.findings[0].message).toBe("1 月“本月工业总产值”480 应等于“1-本月工业总产值”500 (in January this month 480 should equal the year to date 500)");
  });

  test("values are quoted as they stand in the cell, in the header's unit (千元), with 万元 in brackets", () => {
    const qian = ["企业名称", "统一社会信用代码", "本月工业总产值(千元)", "1-本月工业总产值(千元)"];
    const v = check([{ name: "10月", rows: [qian, ["安徽旗山电子有限公司", code, 5200, 50000]] }, table("9月", "", 450, 4500)]);
    expect(v.result.findings.map((f) => f.message)).toEqual([
      "“本月工业总产值(千元)”5200 千元（520 万元） 不等于“1-本月工业总产值(千元)”50000 千元（5000 万元） 减上月累计 4500（“9月”第 2 行）= 5000 千元（500 万元）；如上月数据有修订，请在“说明”列说明 " +
        "(this month 5200 千元（520 万元） differs from the year to date 50000 千元（5000 万元） − last month's 4500 (9月 row 2) = 5000 千元（500 万元）; if last month was revised, explain it in 说明)",
    ]);
  });

  test("January with no last month: 本月 = 1-本月 is still checked; the rules that need last month are not run", () => {
    const v = check([table("1月", "", 480, 500)]);
    expect(v.result.previous).toBeNull();
    expect(where(v)).toEqual([["M-MONTH-IDENTITY", "1月!D2"]]);
    expect(v.result.skipped.map((s) => s.rule)).toEqual(expect.arrayContaining(["M-YTD-DECREASE", "M-NOT-REPORTED"]));
    expect(v.result.skipped.map((s) => s.rule)).not.toContain("M-MONTH-IDENTITY");
    expect(where(check([table("1月", "", 500, 500)]))).toEqual([]);
    // a 月份 column saying 1 (sheet name says nothing) is January too
    expect(where(check([table("本月", 1, 480, 500)]))).toEqual([["M-MONTH-IDENTITY", "本月!D2"]]);
    // in October without last month the rule is not run, and says so
    expect(check([table("10月", "", 480, 5000)]).result.skipped.map((s) => s.rule)).toContain("M-MONTH-IDENTITY");
  });

  test("to the precision written: whole numbers must agree exactly (5000 − 4500 = 500: 501 is a 提示)", () => {
    const at = (m: number, ytd = 5000, before = 4500) => where(check([table("10月", "", m, ytd), table("9月", "", 450, before)]));
    expect(at(500)).toEqual([]);
    expect(at(501)).toEqual([["M-MONTH-IDENTITY", "10月!D2"]]);
    expect(at(499)).toEqual([["M-MONTH-IDENTITY", "10月!D2"]]);
    // 本月 written finer than the year to date: compared at the coarser (whole 万元): 500.4 rounds to 500
    expect(at(500.4)).toEqual([]);
    expect(at(500.6)).toEqual([["M-MONTH-IDENTITY", "10月!D2"]]);
    // two decimals throughout: 5000.25 − 4500.1 = 500.15 exactly
    expect(at(500.15, 5000.25, 4500.1)).toEqual([]);
    expect(at(500.16, 5000.25, 4500.1)).toEqual([["M-MONTH-IDENTITY", "10月!D2"]]);
    // January, whole numbers: 499 vs 500 is a 提示
    expect(where(check([table("1月", "", 499, 500)]))).toEqual([["M-MONTH-IDENTITY", "1月!D2"]]);
  });

  test("the identity holds to the precision written", () => {
    // 1-本月 to one decimal: 5000.3 − 4500.1 = 500.2; 本月 written as 500.2 or 500 (integer) is right, 500.4 is not
    const at = (m: number) => where(check([table("10月", "", m, 5000.3), table("9月", "", 450, 4500.1)]));
    expect(at(500.2)).toEqual([]);
    expect(at(500)).toEqual([]);
    expect(at(500.4)).toEqual([["M-MONTH-IDENTITY", "10月!D2"]]);
  });
});

describe("上年同期 vs last year, to the precision written", () => {
  const header = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"];
  const code = uscc(7003);
  const at = (stated: number, filed: number) =>
    where(
      check([
        { name: "2023年10月", rows: [header, ["安徽旗山电子有限公司", code, 500, 5000, stated]] },
        { name: "2022年10月", rows: [header, ["安徽旗山电子有限公司", code, 480, filed, 4000]] },
      ]),
    );
  test("whole numbers must agree (4801 vs 4800 is a 提示); a figure written coarser is compared at its precision", () => {
    expect(at(4800, 4800)).toEqual([]);
    expect(at(4801, 4800)).toEqual([["M-LAST-YEAR", "2023年10月!E2"]]);
    expect(at(4800, 4800.4)).toEqual([]);
    expect(at(4800, 4800.6)).toEqual([["M-LAST-YEAR", "2023年10月!E2"]]);
    expect(at(4800.4, 4800.5)).toEqual([["M-LAST-YEAR", "2023年10月!E2"]]);
  });
});

describe("the checked sheet is the latest period, whatever the order of the sheets", () => {
  const header = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"];
  const code = uscc(7004);
  const sheet = (name: string): SheetLike => ({ name, startRow: 1, startCol: 1, values: [header, ["安徽旗山电子有限公司", code, 500, 5000]] });
  const first = (...names: string[]) => rankTables(names.map(sheet), [monthlyRuleSet.spec])[0].sheet.name;
  test("2022年10月, 2023年9月, 2023年10月 in that order: 2023年10月; 2023年12月 before 2024年1月: 2024年1月", () => {
    expect(first("2022年10月", "2023年9月", "2023年10月")).toBe("2023年10月");
    expect(first("2023年12月", "2024年1月")).toBe("2024年1月");
    // sheets without a year: the latest month, as before
    expect(first("9月", "10月", "8月")).toBe("10月");
  });
});

describe("参数 and options", () => {
  test("one 产销率范围 row gives both ends; the 下限/上限 rows win over it", () => {
    expect(readAuditParams([["产销率范围", "0.8-1.2"]]).salesRatio).toEqual({ low: 0.8, high: 1.2 });
    expect(readAuditParams([["产销率范围", "80%～120%"]]).salesRatio).toEqual({ low: 0.8, high: 1.2 });
    expect(readAuditParams([["产销率合理区间", "0.75至1.25"]]).salesRatio).toEqual({ low: 0.75, high: 1.25 });
    expect(readAuditParams([["产销率范围", "0.8-1.2"], ["产销率上限", 1.5]]).salesRatio).toEqual({ low: 0.8, high: 1.5 });
    const bad = readAuditParams([["产销率范围", "0.8"]]);
    expect(bad.salesRatio).toEqual({ low: 0.7, high: 1.3 });
    expect(bad.warnings).toEqual(["参数“产销率范围”(第 1 行) 的值“0.8”无效，应为下限-上限（如 0.7-1.3 或 70%-130%），未使用 (invalid value for 产销率范围; not used)"]);
  });

  test("产销率 exactly at 70% or 130% is in range; 69.99% is shown as 69.99%, not 70.0%", () => {
    const header = [...AUDIT_HEADERS.slice(0, 4), "1-本月工业销售产值"];
    const rows = [header, ["甲有限公司", uscc(7010), 500, 5000, 3500], ["乙有限公司", uscc(7011), 500, 5000, 6500], ["丙有限公司", uscc(7012), 500, 10000, 6999]];
    const v = check([{ name: "10月", rows }]);
    expect(where(v)).toEqual([["M-SALES-RATIO", "10月!E4"]]);
    expect(v.result.findings[0].message).toBe(
      "产销率 =“1-本月工业销售产值”6999 /“1-本月工业总产值”10000 = 69.99%，超出 70%–130%，请核实或在“说明”列说明 (sales-to-output ratio 69.99% is outside 70%–130%; check it or explain it in 说明)",
    );
  });

  test("a region typed in full-width digits (３４０７２２) is 340722", () => {
    const rows = [AUDIT_HEADERS.slice(0, 4), ["甲有限公司", uscc(7013, "91340722"), 500, 5000], ["乙有限公司", uscc(7014, "91340700"), 500, 5000]];
    expect(where(check([{ name: "10月", rows }], { region: "３４０７２２" }))).toEqual([["M-USCC-REGION", "10月!B3"]]);
  });
});

describe("RATE: a stated rate is right when rounded or truncated at its written precision", () => {
  test("at two decimals and at none", () => {
    // 1460/1466 = 99.5907…%: 99.59% both ways; 99.60% is neither
    expect(rateWrittenAs(1460, 1466, 0.9959, 2)).toBe(true);
    expect(rateWrittenAs(1460, 1466, 0.996, 2)).toBe(false);
    expect(rateWrittenAs(1460, 1466, 0.9958, 2)).toBe(false);
    // 2/3 = 66.666…%: 67% rounded, 66% truncated, 65% neither
    expect(rateWrittenAs(2, 3, 0.67, 0)).toBe(true);
    expect(rateWrittenAs(2, 3, 0.66, 0)).toBe(true);
    expect(rateWrittenAs(2, 3, 0.65, 0)).toBe(false);
    // exactly half way: 29/200 = 14.5% → 15% rounded (half up), 14% truncated
    expect(rateWrittenAs(29, 200, 0.15, 0)).toBe(true);
    expect(rateWrittenAs(29, 200, 0.14, 0)).toBe(true);
    expect(rateWrittenAs(29, 200, 0.16, 0)).toBe(false);
  });

  test("a rate written as text (99.5%, 99.50%) claims the decimals it shows", () => {
    const summary = (stated: string | number, header = "办结率"): FixtureSheet[] => [
      { name: "10月", rows: [["收集问题数", "办结数", header], [1466, 1460, stated], [], AUDIT_HEADERS.slice(0, 4), ["安徽旗山电子有限公司", uscc(7002), 1, 1]] },
    ];
    expect(check(summary("99.5%")).result.findings).toEqual([]);
    expect(check(summary("99.59%")).result.findings).toEqual([]);
    expect(check(summary("99.50%")).result.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([["RATE", "C2", "warning"]]);
    // a percent header: 99.5 under 办结率(%) is 99.5%
    expect(check(summary(99.5, "办结率(%)")).result.findings).toEqual([]);
    expect(check(summary(99.4, "办结率(%)")).result.findings.map((f) => f.severity)).toEqual(["warning"]);
    // 0.995 under 办结率(%) (a cell formatted as a percent) is 99.5% too; 0.994 is not
    expect(check(summary(0.995, "办结率(%)")).result.findings).toEqual([]);
    expect(check(summary(0.994, "办结率(%)")).result.findings.map((f) => f.message.slice(0, 41))).toEqual(["“办结率(%)”所列 99.4% 与 1460/1466 = 99.591% 不符"]);
    // a plain 99.5 under 办结率 (no %) is read as 99.5%, not 9950%; 1.05 stays 105%
    expect(check(summary(99.5)).result.findings).toEqual([]);
    expect(check(summary(99.6)).result.findings).toEqual([]);
    const plain = check(summary(99.2)).result.findings;
    expect(plain.map((f) => [f.rule, f.cell, f.severity])).toEqual([["RATE", "C2", "warning"]]);
    expect(plain[0].message).toMatch(/^“办结率”所列 99\.2% 与 1460\/1466 = 99\.591% 不符/);
    const over: FixtureSheet[] = [{ name: "10月", rows: [["目标", "完成", "完成率"], [100, 105, 1.05], [100, 105, 1.06], [], AUDIT_HEADERS.slice(0, 4), ["安徽旗山电子有限公司", uscc(7002), 1, 1]] }];
    expect(check(over).result.findings.map((f) => f.cell)).toEqual(["C3"]);
  });


  test("the seed's 1460/1466 stated 99.5% (truncated 99.59%) and 99.6% (rounded); 2999/3000 stated 99.9% or 100.0%", () => {
    expect(rateWrittenAs(1460, 1466, 0.995, 1)).toBe(true);
    expect(rateWrittenAs(1460, 1466, 0.996, 1)).toBe(true);
    expect(rateWrittenAs(1460, 1466, 0.994, 1)).toBe(false);
    expect(rateWrittenAs(1460, 1466, 0.997, 1)).toBe(false);
    expect(rateWrittenAs(2999, 3000, 0.999, 1)).toBe(true);
    expect(rateWrittenAs(2999, 3000, 1, 1)).toBe(true);
    expect(rateWrittenAs(2999, 3000, 0.998, 1)).toBe(false);
    expect(rateWrittenAs(1, 0, 0.5, 1)).toBe(false);
  });

  test("any other stated rate is a 提示 showing the computed rate", () => {
    const summary = (stated: number): FixtureSheet[] => [
      { name: "10月", rows: [["收集问题数", "办结数", "办结率"], [1466, 1460, stated], [], AUDIT_HEADERS.slice(0, 4), ["安徽旗山电子有限公司", uscc(7002), 1, 1]] },
    ];
    expect(check(summary(0.995)).result.findings).toEqual([]);
    expect(check(summary(0.996)).result.findings).toEqual([]);
    // 0.99 is 99% at no decimal: 99.59% truncated, right
    expect(check(summary(0.99)).result.findings).toEqual([]);
    const r = check(summary(0.992)).result.findings;
    expect(r.map((f) => [f.rule, f.cell, f.severity])).toEqual([["RATE", "C2", "warning"]]);
    expect(r[0].message).toBe(
      "“办结率”所列 99.2% 与 1460/1466 = 99.591% 不符（按所列精度四舍五入为 99.6%，截断为 99.5%）；如分母口径不同，请说明 " +
        "(stated 99.2% does not match 1460/1466 = 99.591%: 99.6% rounded, 99.5% truncated; explain it if the base differs)",
    );
  });
});

test("every audit rule is in the monthly rule set", () => {
  const ids = monthlyRuleSet.rules.map((r) => r.id);
  for (const id of ["M-MONTH-IDENTITY", "M-NOT-REPORTED", "M-EXPORT-GT-SALES", "M-SALES-RATIO", "M-USCC-KIND", "M-USCC-REGION", "M-LAST-YEAR"]) expect(ids).toContain(id);
});

test("the README names each audit rule with its severity and points to the rule table", () => {
  const readme: string = require("fs").readFileSync(require("path").join(__dirname, "..", "..", "..", "README.md"), "utf8").replace(/\s+/g, " ");
  const sev = { error: "错误", warning: "提示" };
  for (const id of ["M-MONTH-IDENTITY", "M-NOT-REPORTED", "M-EXPORT-GT-SALES", "M-SALES-RATIO", "M-USCC-KIND", "M-USCC-REGION", "M-LAST-YEAR"]) {
    const rule = monthlyRuleSet.rules.find((r) => r.id === id)!;
    expect(readme).toContain(`${id} ${sev[rule.severity]}`);
  }
  expect(readme).toContain("[docs/validation.md](docs/validation.md)");
});
