/**
 * Audit of issue 11 / 20 against staff-built tables: cases the first round did not cover.
 * Each expected value is hand-computed from the cells written here.
 */
import * as fs from "fs";
import { rawXlsx, uscc } from "../../../scripts/make-bad-input";
import { openWorkbookFile } from "../../../src/cli/io";
import { dateToExcelSerial, excelSerialToYMD, isReadError, normalizeHeader, parseDate, readTable, resolveMonth, serialToIso, SheetLike, Table } from "../../../src/core/table";
import { MIN_MAGNITUDE, parseNumber } from "../../../src/core/num";
import { monthlySpec, RULE_SETS, validateSheet, isUnusable } from "../../../src/core/validate";
import { acreSpec } from "../../../src/core/acre/spec";
import { poolSpec } from "../../../src/core/pool/spec";
import { loadMonitor } from "../../../src/core/monitor/load";
import { readTargets } from "../../../src/core/monitor/targets";
import { jx, tempDir, writeXlsx } from "../../cli/helpers";

type V = string | number | null;
const sheet = (name: string, values: V[][]): SheetLike => ({ name, startRow: 1, startCol: 1, values });
const read_ = (s: SheetLike): Table => read(s, acreSpec);
const read = (s: SheetLike, spec = monthlySpec): Table => {
  const t = readTable(s, spec);
  if (isReadError(t)) throw new Error(t.error);
  return t;
};

describe("a header is quoted as written (full-width brackets kept)", () => {
  test("合计 in a （千元） header: the message names “1-本月工业总产值（千元）” and quotes 2890000 千元", () => {
    const v = validateSheet(
      sheet("10月", [
        ["企业名称", "统一社会信用代码", "本月工业总产值（千元）", "1-本月工业总产值（千元）"],
        ["甲公司", uscc(1), 100000, 1000000],
        ["乙公司", uscc(2), 200000, 1800000],
        ["合计", null, 300000, 2890000],
      ]),
      RULE_SETS,
      "monthly",
    );
    if (isUnusable(v)) throw new Error(v.error);
    const total = v.result.findings.find((f) => f.rule === "M-TOTAL")!;
    expect(total.cell).toBe("D4");
    // 1 000 000 + 1 800 000 = 2 800 000 千元; the total says 2 890 000: 90 000 千元 = 9 000 万元 apart
    expect(total.message).toContain("合计“1-本月工业总产值（千元）”为 2890000 千元（289000 万元），各行之和为 2800000 千元（280000 万元），相差 90000 千元（9000 万元）");
  });
  test("a header with a line break is quoted without it", () => {
    const t = read(sheet("10月", [["企业名称", "统一社会信用代码", "本月工业总产值\n（万元）", "1-本月工业总产值"], ["甲", uscc(1), 1, 2]]));
    expect(t.columns.outputMonth.header).toBe("本月工业总产值（万元）");
  });
});

describe("a unit typed into a cell: the fix is said in the column's own unit", () => {
  const t = read(
    sheet("10月", [
      ["企业名称", "统一社会信用代码", "本月工业总产值（百万元）", "1-本月工业总产值", "从业人员（人）"],
      ["甲", uscc(1), "1.1亿", "300万", "3万"],
    ]),
  );
  test("“1.1亿” in a 百万元 column: enter 110 (1.1 亿元 = 11000 万元 = 110 百万元), not 11000", () => {
    const i = t.issues.find((x) => x.address === "C2")!;
    expect(i.message).toBe("单元格含单位“亿元”，请只填数字：本列单位为百万元，应填 110（即 11000 万元）(contains the unit 亿元; enter the number only: 110 in this column's 百万元, i.e. 11000 万元)");
    expect(i.suggestion).toBe(11000);
  });
  test("“300万” in a 万元 column: enter 300", () => {
    const i = t.issues.find((x) => x.address === "D2")!;
    expect(i.message).toBe("单元格含单位“万元”，请只填数字（按万元为 300）(contains the unit 万元; enter the number only, 300 in 万元)");
    expect(i.suggestion).toBe(300);
  });
  test("“3万” in a head-count column: no 万元 figure proposed", () => {
    const i = t.issues.find((x) => x.address === "E2")!;
    expect(i.message).toBe("单元格含单位“万元”，本列单位为人，请只填数字 (contains the unit 万元; this column is in 人; enter the number only)");
    expect(i.suggestion).toBeUndefined();
  });
  test("“145亿元” on the 目标 sheet (its 单位 decides; blank = 万元): enter 1450000, as before", () => {
    const t = readTargets(sheet("目标", [["指标", "单位", "全年目标"], ["工业总产值", null, "145亿元"]]));
    if (!("items" in t)) throw new Error(t.error);
    expect(t.issues.map((i) => `${i.address} ${i.message}`)).toEqual(["C2 单元格含单位“亿元”，请只填数字（按万元为 1450000）(contains the unit 亿元; enter the number only, 1450000 in 万元)"]);
  });
  test("“5.9%” in a 千元 column: the column's unit as its header says it", () => {
    const t = read(sheet("10月", [["企业名称", "统一社会信用代码", "本月工业总产值（千元）", "1-本月工业总产值（千元）"], ["甲", uscc(1), "5.9%", 100]]));
    expect(t.issues.map((i) => `${i.address} ${i.message}`)).toEqual(["C2 “5.9%”是百分数，而本列单位为千元，请填数值 (a percentage in a column of 千元; enter the amount)"]);
  });
  test("“20万” in a land column (亩): no 万元 figure either", () => {
    const a = read(
      sheet("亩均数据", [
        ["企业名称", "统一社会信用代码", "规模", "用地面积（亩）", "实缴税金（万元）"],
        ["甲", uscc(1), "规上", "20万", 5],
      ]),
      acreSpec,
    );
    expect(a.issues[0].message).toBe("单元格含单位“万元”，本列单位为亩，请只填数字 (contains the unit 万元; this column is in 亩; enter the number only)");
  });
});

describe("signature footers as forms print them", () => {
  const base = (): V[][] => [
    ["序号", "企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"],
    [1, "甲公司", uscc(1), 10, 100],
    [2, "乙公司", uscc(2), 20, 200],
  ];
  test.each([
    ["单位负责人（签字）：张三"],
    ["统计负责人(签名):李四"],
    ["填表人  王五"],
    ["单位负责人"],
    ["审核：赵六"],
    ["附注：本表为快报数"],
    ["填报说明：金额单位为万元"],
  ])("%p ends the table (not a firm)", (line) => {
    const values = base();
    values.push([line, null, null, null, null], [3, "丙公司", uscc(3), 30, 300]);
    const t = read(sheet("10月", values));
    expect(t.rows.map((r) => r.values.name)).toEqual(["甲公司", "乙公司"]);
    expect(t.endRow).toBe(4);
  });
  test("a signature line starting right of a blank 企业名称 (under 统一社会信用代码) ends the table", () => {
    const values = base();
    values.push([null, null, null, "统计负责人：李四", "填表人：王五"]);
    const t = read(sheet("10月", values));
    expect(t.rows.map((r) => r.values.name)).toEqual(["甲公司", "乙公司"]);
    expect(t.endRow).toBe(4);
    expect(t.notes).toEqual(["第 4 行“统计负责人：李四”是表尾（签名或注释），表格到此结束 (row 4 is the table's footer; the table ends there)"]);
  });
  test("a 说明：… cell right of a blank name is not a footer (the rows below are still read)", () => {
    const values: V[][] = [
      ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "说明"],
      ["甲公司", uscc(1), 10, 100, null],
      [null, uscc(2), 20, 200, "说明：名称待补"],
      ["丙公司", uscc(3), 30, 300, null],
    ];
    const t = read(sheet("10月", values));
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(t.endRow).toBeNull();
  });
});

describe("dates typed as numbers", () => {
  test("20230305 kept by Excel as a number is 2023-03-05, not serial 20 230 305", () => {
    expect(parseDate(20230305)).toEqual({ kind: "date", serial: dateToExcelSerial(2023, 3, 5), precision: "day" });
    // 2023-03-05: 44990 days after 1899-12-30 (45000 = 2023-03-15)
    expect(dateToExcelSerial(2023, 3, 5)).toBe(44990);
  });
  test("a number past 9999-12-31 (serial 2958465) is not a date", () => {
    expect(parseDate(2958465)).toMatchObject({ kind: "date", serial: 2958465 });
    expect(parseDate(2958466).kind).toBe("invalid");
    expect(parseDate(20231345).kind).toBe("invalid"); // no month 13
  });
  test("the pool reads 入库日期 20230305 (a number) as that day, without an issue", () => {
    const t = read(
      sheet("培育库", [
        ["企业名称", "统一社会信用代码", "培育层级", "状态", "入库日期", "1月"],
        ["甲", "", "拟进规", "培育中", 20230305, 100],
      ]),
      poolSpec,
    );
    expect(t.rows[0].values.entryDate).toBe(44990);
    expect(t.issues).toEqual([]);
  });
});

describe("numbers beyond sense at the small end: no Infinity from a 5e-324 base", () => {
  test("0 < |x| < 1e-100 is a cell error; 0 and binary noise (5.55e-17) are numbers", () => {
    expect(MIN_MAGNITUDE).toBe(1e-100);
    expect(parseNumber(5e-324).kind).toBe("invalid");
    expect(parseNumber("-1e-300").kind).toBe("invalid");
    expect(parseNumber(0)).toEqual({ kind: "number", value: 0 });
    expect(parseNumber(5.551115123125783e-17)).toEqual({ kind: "number", value: 5.551115123125783e-17 });
  });
  test("validation of a base of 1e-300: an M-NUM at the cell, no message with Infinity", () => {
    const v = validateSheet(
      sheet("10月", [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"],
        ["甲", uscc(1), 1e15, 1e15, 1e-300],
      ]),
      RULE_SETS,
      "monthly",
    );
    if (isUnusable(v)) throw new Error(v.error);
    expect(v.result.findings.find((f) => f.cell === "E2")?.rule).toBe("M-NUM");
    expect(v.result.findings.map((f) => f.message).join("\n")).not.toMatch(/Infinity|NaN/);
  });
});

describe("jx monitor --sheet goes through the one chooser", () => {
  const pool = sheet("培育库", [
    ["企业名称", "统一社会信用代码", "培育层级", "状态", "1月", "2月"],
    ["甲", "", "拟进规", "培育中", 100, 100],
  ]);
  const report = sheet("10月", [
    ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"],
    ["乙", uscc(1), 10, 100],
  ]);
  test("a named sheet that reads as a pool is said to be one", () => {
    expect(loadMonitor({ sheets: [pool, report], sheet: "培育库" })).toEqual({ error: "工作表“培育库”是培育库表，不是月报表 (sheet 培育库 is a pool table, not monthly)" });
  });
  test("a missing sheet: the sheets there are listed", () => {
    expect(loadMonitor({ sheets: [pool, report], sheet: "9月" })).toEqual({ error: "找不到工作表“9月”；现有工作表：“培育库”、“10月” (sheets: 培育库, 10月)" });
  });
  test("the named report is read", () => {
    const l = loadMonitor({ sheets: [pool, report], sheet: "10月" });
    if ("error" in l) throw new Error(l.error);
    expect(l.input.current.firms.map((f) => f.name)).toEqual(["乙"]);
    expect(l.input.current.month).toBe(10);
  });
});

describe("jx validate and jx monitor take the same sheet of a workbook with one sheet per month", () => {
  const tmp = tempDir("jx-reading-");
  const report = (m: number) => [
    [`2023年1-${m}月规模以上工业企业主要指标`],
    ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"],
    ["甲公司", uscc(1), 10, 10 * m],
  ];
  test.each([
    [[], "10月", 10],
    [["--month", "9"], "9月", 9],
    [["--month", "8"], "8月", 8],
  ])("options %p: sheet %p, month %p in both", async (opts, name, month) => {
    const file = await writeXlsx(tmp("months.xlsx"), { "8月": report(8), "10月": report(10), "9月": report(9) });
    const v = await jx("validate", file, "--json", ...opts);
    expect(JSON.parse(v.out).sheet).toBe(name);
    const m = await jx("monitor", file, "--json", ...opts);
    expect(JSON.parse(m.out).month).toBe(month);
    const text = await jx("monitor", file, ...opts);
    expect(text.out).toContain(`— ${month}月 (month from ${opts.length ? "--month" : "单元格 A1 (cell above the header)"})，工作表“${name}”`);
  });
});

describe("a unit in a bracket with a qualifier", () => {
  test.each([
    ["工业总产值（当年价格，千元）", "千元"],
    ["工业总产值(千元,当年价格)", "千元"],
    ["营业收入（万元）（当年价格）", "万元"],
    ["工业总产值〔千元〕", "千元"],
  ])("%p is in %p", (header, unit) => {
    expect(normalizeHeader(header)).toEqual({ name: header.startsWith("营业") ? "营业收入" : "工业总产值", unit, unknownUnit: "" });
  });
  test("a two-row header 工业总产值（当年价格，千元） over 本月 | 1-本月: 1 234 千元 = 123.4 万元", () => {
    const t = read(
      sheet("10月", [
        ["企业名称", "统一社会信用代码", "工业总产值（当年价格，千元）", null],
        [null, null, "本月", "1-本月"],
        ["甲", uscc(1), 1234, "12,340"],
      ]),
    );
    expect([t.rows[0].values.outputMonth, t.rows[0].values.outputYtd]).toEqual([123.4, 1234]);
  });
  test("（当年价格，万美元）: the unknown unit is named, never read as 万元", () => {
    expect(normalizeHeader("工业总产值（当年价格，万美元）")).toEqual({ name: "工业总产值", unit: "", unknownUnit: "万美元" });
  });
});

describe("the report month as staff write it", () => {
  const h = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"];
  const month = (name: string, values: V[][]) => {
    const s = sheet(name, values);
    return resolveMonth({ sheet: s, table: read(s) });
  };
  test.each(["2023.10", "2023-10", "十月", "2023年十月"])("a sheet named %p is month 10", (name) => {
    expect(month(name, [h, ["甲", uscc(1), 1, 2]])).toMatchObject({ month: 10, source: "sheet" });
  });
  test("a date label above the header (填报日期：2023年11月) is not the report month; the sheet name 10月 is", () => {
    expect(month("10月", [["填报日期：2023年11月"], h, ["甲", uscc(1), 1, 2]])).toMatchObject({ month: 10, source: "sheet" });
  });
  test("a 月份 cell 2023.1 (Excel's number for a typed 2023.1) is January, as the date module reads it, not July (serial 2023 = 1905-07-15)", () => {
    expect(month("Sheet1", [[...h, "月份"], ["甲", uscc(1), 1, 2, 2023.1]])).toMatchObject({ month: 1, source: "column" });
  });
  test("a 月份 cell 20231005 (a date typed without separators) is October", () => {
    expect(month("Sheet1", [[...h, "月份"], ["甲", uscc(1), 1, 2, 20231005]])).toMatchObject({ month: 10, source: "column" });
  });
});

describe("an ISO date cell (t=\"d\") reads as the day written, in every time zone", () => {
  const tmp = tempDir("jx-isodate-");
  const s = (r: string, t: string) => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const rows = [
    `<row r="1">${s("A1", "企业名称")}${s("B1", "培育层级")}${s("C1", "状态")}${s("D1", "入库日期")}${s("E1", "1月")}</row>`,
    `<row r="2">${s("A2", "甲")}${s("B2", "拟进规")}${s("C2", "培育中")}<c r="D2" t="d"><v>2023-03-15T00:00:00</v></c><c r="E2"><v>100</v></c></row>`,
    `<row r="3">${s("A3", "乙")}${s("B3", "拟进规")}${s("C3", "培育中")}<c r="D3" t="d"><v>2023-03-15T12:00:00</v></c><c r="E3"><v>100</v></c></row>`,
    `<row r="4">${s("A4", "丙")}${s("B4", "拟进规")}${s("C4", "培育中")}<c r="D4" t="d"><v>not a date</v></c><c r="E4"><v>100</v></c></row>`,
  ];
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  test.each(["Asia/Shanghai", "America/New_York", "UTC"])("TZ=%s: 2023-03-15T00:00:00 is serial 45000 (2023-03-15), noon is 45000.5; text that is no date is named as written", async (tz) => {
    process.env.TZ = tz;
    const file = tmp(`iso-${tz.replace("/", "-")}.xlsx`);
    fs.writeFileSync(file, rawXlsx([{ name: "培育库", rows }]));
    const book = await openWorkbookFile(file);
    if ("error" in book) throw new Error(book.error);
    const t = read((await book.port.readSheets(["培育库"]))[0]!, poolSpec);
    expect(t.rows.map((r) => r.raw.entryDate)).toEqual([45000, 45000.5, "not a date"]);
    expect(t.rows.map((r) => r.values.entryDate)).toEqual([45000, 45000, null]);
    expect(t.issues.map((i) => `${i.address} ${i.message}`)).toEqual(["D4 “not a date”不是有效日期，请写作 2023-01-05 (not a valid date; write it as 2023-01-05)"]);
  });
});

describe("Excel's 1900 leap-year bug both ways", () => {
  test("1900-02-29 is serial 60 (as Excel numbers it), between 1900-02-28 = 59 and 1900-03-01 = 61", () => {
    expect(dateToExcelSerial(1900, 2, 29)).toBe(60);
    expect(dateToExcelSerial(1900, 2, 28)).toBe(59);
    expect(dateToExcelSerial(1900, 3, 1)).toBe(61);
    expect(parseDate("1900-02-29")).toEqual({ kind: "date", serial: 60, precision: "day" });
    expect(parseDate("1900年2月29日")).toEqual({ kind: "date", serial: 60, precision: "day" });
    expect(parseDate("1901-02-29").kind).toBe("invalid"); // 1901 is no leap year, in Excel neither
  });
  test("every serial of 1900-1901 maps to a day and back to itself", () => {
    for (let s = 1; s <= 800; s++) {
      const d = excelSerialToYMD(s)!;
      expect([s, dateToExcelSerial(d.year, d.month, d.day)]).toEqual([s, s]);
      expect([s, parseDate(serialToIso(s))]).toEqual([s, { kind: "date", serial: s, precision: "day" }]);
    }
  });
});

describe("rows under the header that belong to it: a unit row, a 栏次 row", () => {
  const h = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"];
  const firm = ["甲公司", uscc(1), 10, 100, 90];
  test("计量单位 | — | 千元 | 千元 | 千元: the columns are in 千元 (100 千元 = 10 万元), the row is no firm", () => {
    const t = read(sheet("10月", [h, ["计量单位", "—", "千元", "千元", "千元"], firm]));
    expect(t.rows.map((r) => [r.row, r.values.name, r.values.outputMonth, r.values.outputYtd, r.values.outputYtdLastYear])).toEqual([[3, "甲公司", 1, 10, 9]]);
    expect(t.columns.outputYtd.unit).toBe("千元");
    expect(t.notes).toEqual(["第 2 行是计量单位行，各列按其单位读取 (row 2 gives the columns' units)"]);
  });
  test("a unit row in 万美元 under a required column: unusable, naming the unit (never read as 万元)", () => {
    const t = readTable(sheet("10月", [h, [null, null, "万美元", "万美元", "万元"], firm]), monthlySpec);
    expect(isReadError(t) && t.error).toContain("列“本月工业总产值”(C1) 的单位“万美元”无法识别");
  });
  test("甲 | 乙 | 1 | 2 | 3 (栏次): not a firm", () => {
    const t = read(sheet("10月", [h, ["甲", "乙", 1, 2, 3], firm]));
    expect(t.rows.map((r) => r.values.name)).toEqual(["甲公司"]);
    expect(t.notes).toEqual(["第 2 行是栏次行（甲、乙、1…），不是企业 (row 2 numbers the columns; not a firm)"]);
  });
  test("both, unit row then 栏次 row; validation has no finding from them", () => {
    const v = validateSheet(sheet("10月", [h, ["计量单位", "—", "千元", "千元", "千元"], ["甲", "乙", 1, 2, 3], firm]), RULE_SETS, "monthly");
    if (isUnusable(v)) throw new Error(v.error);
    expect(v.result.rowCount).toBe(1);
    expect(v.result.findings).toEqual([]);
  });
  test("a firm's first row is never taken for either (a name and numbers that do not count up)", () => {
    const t = read(sheet("10月", [h, ["甲", uscc(2), 1, 2, 4], firm]));
    expect(t.rows.map((r) => r.values.name)).toEqual(["甲", "甲公司"]);
  });
});

describe("a bad cell is quoted as written, full-width characters kept", () => {
  test("“１２ａ” and a date “２０２３年１３月”", () => {
    expect(parseNumber("１２ａ")).toEqual({ kind: "invalid", message: "“１２ａ”不是数值 (not a number)" });
    expect(parseNumber(" １，２３ ")).toEqual({ kind: "invalid", message: "“１，２３”不是数值 (not a number)" });
    expect(parseDate("２０２３年１３月")).toEqual({ kind: "invalid", message: "“２０２３年１３月”不是有效日期，请写作 2023-01-05 (not a valid date; write it as 2023-01-05)" });
    // what is a number still reads through the full-width forms
    expect(parseNumber("１，２３４")).toEqual({ kind: "number", value: 1234 });
  });
});

describe("the unit table knows the spellings forms use; what it does not know is never read as the canonical unit", () => {
  test.each([
    ["综合能耗（千克标准煤）", "千克标煤", 2500, 2.5],
    ["综合能耗（kgce）", "千克标煤", 2500, 2.5],
    ["综合能耗（TCE）", "吨标煤", 2.5, 2.5],
    ["营业收入（元人民币）", "元", 25000, 2.5],
    ["营业收入（人民币万元）", "万元", 2.5, 2.5],
  ])("%p is in %p: %p reads as %p", (header, unit, cell, read) => {
    expect(normalizeHeader(header).unit).toBe(unit);
    const name = header.startsWith("综合") ? "综合能耗" : "营业收入";
    const key = header.startsWith("综合") ? "energy" : "revenue";
    const t = read_(sheet("亩均数据", [["企业名称", "统一社会信用代码", "规模", "用地面积（亩）", name === "综合能耗" ? header : "综合能耗（吨标煤）", name === "营业收入" ? header : "营业收入（万元）"], ["甲", uscc(1), "规上", 10, cell, cell]]));
    expect(t.rows[0].values[key]).toBe(read);
  });
  test.each([["综合能耗（原煤）", "原煤"], ["营业收入（人民币）", "人民币"], ["营业收入（万元港币）", "万元港币"]])("%p: unknown unit %p, named", (header, unknown) => {
    expect(normalizeHeader(header)).toMatchObject({ unit: "", unknownUnit: unknown });
  });
});

describe("every command says what the reading noted: a column skipped for its unknown unit, the footer", () => {
  const tmp = tempDir("jx-notes-");
  const skipped = (header: string, cell: string) => `列“${header}”(${cell}) 的单位“万美元”无法识别（可用单位：元、千元、万元、百万元、千万元、亿元）(unknown unit 万美元)，该列未读取 (column skipped)`;
  test("jx monitor", async () => {
    const file = await writeXlsx(tmp("m.xlsx"), {
      "10月": [["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "1-本月出口交货值（万美元）"], ["甲公司", uscc(1), 100, 1000, 5], ["填表人：王五"]],
    });
    const r = await jx("monitor", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(skipped("1-本月出口交货值（万美元）", "E1"));
    expect(r.out).toContain("第 3 行“填表人：王五”是表尾（签名或注释），表格到此结束 (row 3 is the table's footer; the table ends there)");
  });
  test("jx acre", async () => {
    const file = await writeXlsx(tmp("a.xlsx"), {
      亩均数据: [
        ["企业名称", "统一社会信用代码", "规模", "用地面积（亩）", "实缴税金（万元）", "营业收入（万元）", "工业增加值（万元）", "综合能耗（吨标煤）", "年平均从业人员", "研发经费（万美元）"],
        ["甲", uscc(1), "规上", 10, 50, 500, 100, 100, 10, 5],
        ["乙", uscc(2), "规上", 20, 50, 500, 100, 100, 10, 5],
        ["单位负责人：张三"],
      ],
    });
    const r = await jx("acre", file);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`注意 (note): ${skipped("研发经费（万美元）", "J1")}`);
    expect(r.err).toContain("注意 (note): 第 4 行“单位负责人：张三”是表尾（签名或注释），表格到此结束 (row 4 is the table's footer; the table ends there)");
  });
});

describe("the sheet Jingxin wrote: jx validate and jx acre check the same sheet beside a 亩均评价结果", () => {
  const tmp = tempDir("jx-written-");
  const header = ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员"];
  test("亩均数据 is checked, not the result sheet after it (which reads as per-mu data too, with more columns)", async () => {
    const data = [header, ["甲", uscc(1), "规上", 10, 50, 500, 100, 100, 10], ["乙", uscc(2), "规上", 20, 40, 400, 100, 100, 10]];
    // the result sheet's own columns as jx acre writes them: 调整 / 调整原因 are 定档调档 columns of the data kind too
    const result = [[...header, "亩均税收(万元/亩)", "综合得分", "排名", "排名等级", "调整", "调整原因", "最终等级", "说明"], ...data.slice(1).map((r) => [...r, 5, 100, 1, "A", null, null, "A", null])];
    const file = await writeXlsx(tmp("both.xlsx"), { 亩均数据: data, 亩均评价结果: result });
    const v = await jx("validate", file, "--json");
    expect(JSON.parse(v.out).sheet).toBe("亩均数据");
    expect((await jx("acre", file)).out).toContain("工作表“亩均数据”");
  });
});
