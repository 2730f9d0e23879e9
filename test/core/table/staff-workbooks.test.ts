/**
 * One reading of a table (issue 11), on workbooks built the way county staff have them: a title
 * row `2023年1-10月…` and a two-row header, a signature footer under the firms, 千元 / 千万元 /
 * 万美元 headers, the report on the third sheet, month-precision 入库日期. Validation, monitoring
 * and the pool read each the same way. Expected values are hand-computed.
 */
import { uscc } from "../../../scripts/make-bad-input";
import { isReadError, readTable, resolveMonth, SheetLike, Table } from "../../../src/core/table";
import { chooseTable } from "../../../src/core/table/kinds";
import { monthlySpec, RULE_SETS, validateSheet, isUnusable } from "../../../src/core/validate";
import { loadMonitor } from "../../../src/core/monitor/load";
import { analyzePool, failed, poolInputFrom } from "../../../src/core/pool/analyze";
import { poolSpec } from "../../../src/core/pool/spec";

type V = string | number | null;
const sheet = (name: string, values: V[][]): SheetLike => ({ name, startRow: 1, startCol: 1, values });

/** Title, a two-row header (工业总产值 over 本月 | 1-本月 | 上年同期), three firms, a 合计 row, a signature footer and a note. */
function monthlyValues(outputUnit = "万元"): V[][] {
  return [
    ["2023年1-10月规模以上工业企业主要指标", null, null, null, null, null],
    ["企业名称", "统一社会信用代码", `工业总产值（${outputUnit}）`, null, null, "说明"],
    [null, null, "本月", "1-本月", "上年同期", null],
    ["甲公司", uscc(1), 120, 1150, 1000, null],
    ["乙公司", uscc(2), 80, 790, 760, null],
    ["丙公司", uscc(3), 50, 480, 450, null],
    ["合计", null, 250, 2420, 2210, null],
    [null, null, null, null, null, null],
    ["单位负责人：张三", "统计负责人：李四", "填表人：王五", "报出日期：2023年11月5日", null, null],
    ["注：本表不含规下企业。", null, null, null, null, null],
  ];
}

const read = (s: SheetLike, spec = monthlySpec): Table => {
  const t = readTable(s, spec);
  if (isReadError(t)) throw new Error(t.error);
  return t;
};

describe("1. the table ends at a signature footer or a note (reported once, never a firm)", () => {
  const t = read(sheet("10月", monthlyValues()));
  test("three firms, one 合计 row, the footer named once in the notes", () => {
    expect(t.headerRow).toBe(3);
    expect(t.rows.map((r) => r.values.name)).toEqual(["甲公司", "乙公司", "丙公司"]);
    expect(t.totalRows.map((r) => r.row)).toEqual([7]);
    expect(t.endRow).toBe(9);
    expect(t.notes).toEqual(["第 9 行“单位负责人：张三”是表尾（签名或注释），表格到此结束，其下 1 行未读取 (row 9 is the table's footer; the table ends there)"]);
  });
  test("validation: no 错误 from the footer rows; ready", () => {
    const v = validateSheet(sheet("10月", monthlyValues()), RULE_SETS, "monthly");
    if (isUnusable(v)) throw new Error(v.error);
    expect(v.result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(v.result.rowCount).toBe(3);
  });
  test.each(["注：单位为万元", "说明：本月新投产 1 户", "填表说明", "填报人：赵六"])("a line starting %p ends the table", (line) => {
    const values = monthlyValues().slice(0, 7);
    values.push([line, null, null, null, null, null], ["丁公司", uscc(4), 1, 2, 3, null]);
    expect(read(sheet("10月", values)).rows.map((r) => r.values.name)).toEqual(["甲公司", "乙公司", "丙公司"]);
  });
  test("a 说明 cell of a firm saying 说明：… is data, not a footer", () => {
    const values = monthlyValues().slice(0, 7);
    values.push(["丁公司", uscc(4), 1, 2, 3, "说明：新投产"]);
    expect(read(sheet("10月", values)).rows.map((r) => r.values.name)).toEqual(["甲公司", "乙公司", "丙公司", "丁公司"]);
  });
});

describe("2. one unit table: headers in 千元 / 百万元 / 千万元 are converted, unknown units never dropped", () => {
  test.each([
    ["千元", 115],
    ["百万元", 115000],
    ["千万元", 1150000],
    ["亿元", 11500000],
  ])("工业总产值（%s）: 1150 reads as %p 万元", (unit, ytd) => {
    const t = read(sheet("10月", monthlyValues(unit)));
    expect(t.rows[0].values.outputYtd).toBe(ytd);
    expect(t.columns.outputYtd.unit).toBe(unit);
  });
  test("a table-wide “单位：千元” above the header applies to the money columns", () => {
    const values = monthlyValues();
    values[0] = ["2023年1-10月规模以上工业企业主要指标", null, null, null, "单位：千元", null];
    values[1][2] = "工业总产值";
    expect(read(sheet("10月", values)).rows[0].values.outputYtd).toBe(115);
  });
  test("a required column in 万美元: unusable, naming the column, its cell and the unit", () => {
    const t = readTable(sheet("10月", monthlyValues("万美元")), monthlySpec);
    const known = "（可用单位：元、千元、万元、百万元、千万元、亿元）(unknown unit 万美元)";
    expect(isReadError(t) && t.error).toBe(
      `工作表“10月”不能读取：列“本月工业总产值（万美元）”(C3) 的单位“万美元”无法识别${known}；列“1-本月工业总产值（万美元）”(D3) 的单位“万美元”无法识别${known}。请把单位改为可识别的单位并换算数值 (sheet 10月 cannot be read: a required column is in a unit the reader does not know; convert it to a known unit)`,
    );
    // the optional 上年同期 column in the same unit is named among the notes of a readable table, not here
  });
  test("an optional column in an unknown unit is skipped with a note naming it", () => {
    const values = monthlyValues().map((r) => [...r]);
    values[1].push("1-本月工业增加值（万美元）");
    values[3].push(300);
    const t = read(sheet("10月", values));
    expect(t.columns.valueAddedYtd).toBeUndefined();
    expect(t.notes[0]).toBe("列“1-本月工业增加值（万美元）”(G3) 的单位“万美元”无法识别（可用单位：元、千元、万元、百万元、千万元、亿元）(unknown unit 万美元)，该列未读取 (column skipped)");
  });
});

describe("4. one report month, one precedence, for every command", () => {
  const book = [sheet("说明", [["填报说明：每月 5 日前报送"]]), sheet("目标", [["指标", "年度目标"], ["规上工业总产值", 145]]), sheet("报表", monthlyValues())];
  test("the title `2023年1-10月…` above the header: month 10 for validation and monitoring alike", () => {
    const v = validateSheet(book[2], RULE_SETS, "auto");
    if (isUnusable(v)) throw new Error(v.error);
    expect(v.result.month).toBe(10);
    const m = loadMonitor({ sheets: book });
    if ("error" in m) throw new Error(m.error);
    expect([m.input.current.month, m.input.current.sheet, m.monthFrom]).toEqual([10, "报表", "单元格 A1 (cell above the header)"]);
  });
  test("precedence: option > 月份 column > a cell above > the sheet name", () => {
    const s = sheet("9月", [["月份：8"], ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "月份"], ["甲", uscc(1), 1, 2, "2023年7月"]]);
    const t = read(s);
    expect(resolveMonth({ sheet: s, table: t, option: 6 })?.month).toBe(6);
    expect(resolveMonth({ sheet: s, table: t })).toMatchObject({ month: 7, source: "column" });
    const noColumn = sheet("9月", [["月份：8"], ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"], ["甲", uscc(1), 1, 2]]);
    expect(resolveMonth({ sheet: noColumn, table: read(noColumn) })).toMatchObject({ month: 8, source: "above" });
    const bare = sheet("9月", [["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"], ["甲", uscc(1), 1, 2]]);
    expect(resolveMonth({ sheet: bare, table: read(bare) })).toMatchObject({ month: 9, source: "sheet" });
  });
  test("a full date above the header (报出日期) is not the report month", () => {
    const s = sheet("Sheet1", [["报出日期：2023年11月5日"], ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"], ["甲", uscc(1), 1, 2]]);
    expect(resolveMonth({ sheet: s, table: read(s) })).toBeNull();
  });
});

describe("5. one sheet chooser: a monthly report is not a pool", () => {
  const book = [sheet("说明", [["填报说明"]]), sheet("Sheet2", []), sheet("10月", monthlyValues())];
  test("the pool finds no pool and says it found a monthly report", () => {
    expect(poolInputFrom(book)).toEqual({
      error: "没有找到培育库表头的工作表；找到的是月报表（工作表“10月”） (found a monthly table in sheet 10月)；现有工作表：“说明”、“Sheet2”、“10月” (sheets: 说明, Sheet2, 10月) (no sheet has a pool header)",
      noPool: true,
    });
    expect(poolInputFrom(book, "10月")).toEqual({ error: "工作表“10月”是月报表，不是培育库表 (sheet 10月 is a monthly table, not pool)", noPool: false });
  });
  test("validation and monitoring choose the third sheet", () => {
    const c = chooseTable(book, RULE_SETS.map((r) => r.spec));
    expect("sheet" in c && [c.sheet.name, c.spec.kind]).toEqual(["10月", "monthly"]);
  });
  test("a monthly report with a sheet per month: the latest month, or the one asked for", () => {
    const nine = sheet("9月", monthlyValues().map((r, i) => (i === 0 ? ["2023年1-9月规模以上工业企业主要指标"] : r)));
    const ten = sheet("10月", monthlyValues());
    const latest = chooseTable([ten, nine], [monthlySpec]);
    expect("sheet" in latest && latest.sheet.name).toBe("10月");
    const asked = chooseTable([ten, nine], [monthlySpec], { month: 9 });
    expect("sheet" in asked && asked.sheet.name).toBe("9月");
  });
});

describe("6. month-precision dates are dates (the 1st of the month), noted once", () => {
  test("入库日期 2023年3月, 2023.3, 2023-03", () => {
    const pool = sheet("培育库", [
      ["企业名称", "培育层级", "入库日期", "1月", "2月"],
      ["甲", "拟进规", "2023年3月", 100, 120],
      ["乙", "拟进规", "2023.3", 100, 120],
      ["丙", "拟进规", "2023-03", 100, 120],
      ["丁", "拟进规", "2023-03-15", 100, 120],
    ]);
    const t = read(pool, poolSpec);
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => r.values.entryDate)).toEqual([44986, 44986, 44986, 45000]);
    expect(t.notes).toEqual(["“入库日期”列有 3 个日期只写到月（如 C2“2023年3月”），按当月 1 日读取 (3 date(s) in 入库日期 give only the month; read as the 1st of that month)"]);
    const r = analyzePool({ pool });
    expect(!failed(r) && r.firms.map((f) => f.entryDate)).toEqual([44986, 44986, 44986, 45000]);
  });
});

describe("3. messages quote the value as it stands in the cell, in the header's unit", () => {
  test("a 合计 in 千元 that does not add up: 2890000 千元 (289000 万元), not “289000” under the 千元 label", () => {
    const values: V[][] = [
      ["企业名称", "统一社会信用代码", "本月工业总产值（千元）", "1-本月工业总产值（千元）", "说明"],
      ["甲公司", uscc(1), 1200000, 2000000, null],
      ["乙公司", uscc(2), 800000, 800000, null],
      ["合计", null, 2000000, 2890000, null],
    ];
    const v = validateSheet(sheet("10月", values), RULE_SETS, "monthly");
    if (isUnusable(v)) throw new Error(v.error);
    const total = v.result.findings.find((f) => f.rule === "M-TOTAL")!;
    expect([total.cell, total.message]).toEqual([
      "D4",
      "合计“1-本月工业总产值（千元）”为 2890000 千元（289000 万元），各行之和为 2800000 千元（280000 万元），相差 90000 千元（9000 万元） (the total of 1-本月工业总产值（千元） is 2890000 千元（289000 万元）, the rows sum to 2800000 千元（280000 万元）)",
    ]);
  });
  test("a tax of −850 000 元: the 提示 quotes −850000 元 (−85 万元), and validation and evaluation read the same −85 万元", () => {
    const values: V[][] = [
      ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员"],
      ["甲公司", uscc(1), "规上", 50, -850000, 30000, 6000, 2000, 120],
      ["乙公司", uscc(2), "规上", 40, 3000000, 25000, 5000, 1500, 100],
    ];
    const v = validateSheet(sheet("亩均数据", values), RULE_SETS, "acre");
    if (isUnusable(v)) throw new Error(v.error);
    const neg = v.result.findings.filter((f) => f.cell === "E2");
    expect(neg.map((f) => [f.rule, f.severity])).toEqual([["A-TAX-NEG", "warning"]]);
    expect(neg[0].message).toMatch(/^“实缴税金\(元\)”为负数（-850000 元（-85 万元））/);
    expect(v.table.rows[0].values.tax).toBe(-85);
  });
});
