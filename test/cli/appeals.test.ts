import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { openWorkbookFile, pickSheet } from "../../src/cli/io";
import { APPEALS_TEMPLATE_HEADER, appealsSpec, readAppealsParams } from "../../src/core/appeals";
import { jx, tempDir, writeXlsx } from "./helpers";

const tmp = tempDir("jx-appeals-");

const H = APPEALS_TEMPLATE_HEADER;
function line(o: Record<string, unknown>): unknown[] {
  return H.map((h) => o[h] ?? null);
}

/** The example (hand-computed in test/core/appeals/analyze.test.ts), as staff type it. */
const rows = [
  line({ 编号: "A1", 企业名称: "甲公司", 诉求类别: "融资信贷", 承办单位: "县经信局", 受理日期: "2023-09-28", "办理时限(工作日)": 3 }),
  line({ 编号: "A2", 企业名称: "丙公司", 诉求类别: "用地用房", 承办单位: "县自然资源局", 受理日期: "2023-10-16", "办理时限(工作日)": 5 }),
  line({ 编号: "A3", 企业名称: "乙公司", 诉求类别: "融资信贷", 承办单位: "县经信局", 受理日期: "2023/9/25", "办理时限(工作日)": 3 }),
  line({ 编号: "A4", 企业名称: "丁公司", 诉求类别: "用工招工", 承办单位: "县人社局", 受理日期: "2023-10-11", "办理时限(工作日)": 5 }),
  line({ 编号: "A5", 企业名称: "戊公司", 诉求类别: "用地用房", 承办单位: "县自然资源局", 受理日期: "2023-09-20", "办理时限(工作日)": 5, 办结日期: "2023-09-27", 满意度: "满意" }),
  line({ 编号: "A6", 企业名称: "甲公司", 诉求类别: "融资信贷", 承办单位: "县自然资源局", 受理日期: "2023-09-27", "办理时限(工作日)": 5, 办结日期: "2023-10-12", 满意度: "非常满意" }),
  line({ 编号: "A7", 企业名称: "己公司", 诉求类别: "用工招工", 承办单位: "县人社局", 受理日期: "2023-10-09", "办理时限(工作日)": 3, 办结日期: "2023-10-11", 满意度: "满意" }),
  line({ 编号: "A8", 企业名称: "庚公司", 诉求类别: "用工招工", 承办单位: "县人社局", 受理日期: "2023-09-26", "办理时限(工作日)": 3, 办结日期: "2023-10-08", 满意度: "不满意", 重办截止日期: "2023-10-25" }),
];

describe("jx appeals", () => {
  test("--json is the issue's contract", async () => {
    const file = await writeXlsx(tmp("r.xlsx"), { 说明: [["本工作簿为诉求台账"]], 诉求台账: [[...H], ...rows] });
    const before = fs.readFileSync(file);
    const r = await jx("appeals", file, "--as-of", "2023-10-20", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect({ ...j, byUnit: 0, byCategory: 0, appeals: 0 }).toEqual({
      asOf: "2023-10-20", total: 8, closed: 3, closureRate: 0.375, open: 5, returned: 1,
      cards: { 蓝牌: 1, 黄牌: 1, 红牌: 1 }, satisfaction: { surveyed: 4, satisfied: 3, rate: 0.75 },
      byUnit: 0, byCategory: 0, appeals: 0,
    });
    expect(j.byUnit[0]).toEqual({ unit: "县经信局", total: 2, closed: 0, closureRate: 0, open: 2, overdue: 2, avgDaysToClose: null, returned: 0 });
    expect(j.byCategory).toEqual([
      { category: "融资信贷", total: 3, recurring: true },
      { category: "用地用房", total: 2, recurring: false },
      { category: "用工招工", total: 3, recurring: true },
    ]);
    expect(j.appeals[0]).toEqual({ id: "A1", firm: "甲公司", unit: "县经信局", status: "办理中", due: "2023-10-09", overdueDays: 9, card: "黄牌" });
    expect(j.appeals[7]).toMatchObject({ id: "A8", status: "退回重办", due: "2023-10-25", card: null });
    expect(fs.readFileSync(file).equals(before)).toBe(true); // the CLI never touches its input
  });

  test("text output, the 参数 sheet (自然日) and the 节假日 sheet are used", async () => {
    const file = await writeXlsx(tmp("p.xlsx"), {
      诉求台账: [[...H], rows[0]],
      参数: [["参数", "值"], ["计时方式", "工作日"], ["红牌超期天数", 9]],
      节假日: [["日期", "类型"], ["2023-10-09", "放假"]],
    });
    const r = await jx("appeals", file, "--as-of", "2023-10-20");
    expect(r.code).toBe(0);
    // due moves to 10/10 (10/9 off locally): overdue 10/11–13, 10/16–20 = 8 → 黄牌 (红牌 from 9 here)
    expect(r.out).toContain("黄牌 1，红牌 0");
    // one working day later: 9 → 红牌 by the 参数 sheet's 红牌超期天数 = 9
    const j = JSON.parse((await jx("appeals", file, "--as-of", "2023-10-23", "--json")).out);
    expect(j.appeals[0]).toMatchObject({ due: "2023-10-10", overdueDays: 9, card: "红牌" });
  });

  test("dates stored as Excel dates (the usual case) read as their day", async () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const file = await writeXlsx(tmp("d.xlsx"), {
      诉求台账: [[...H], line({ 编号: "1", 企业名称: "甲", 承办单位: "县经信局", 受理日期: d("2023-09-28"), "办理时限(工作日)": 3, 办结日期: d("2023-10-08"), 满意度: "满意" })],
    });
    const j = JSON.parse((await jx("appeals", file, "--as-of", "2023-10-20", "--json")).out);
    expect(j.appeals[0]).toEqual({ id: "1", firm: "甲", unit: "县经信局", status: "已办结", due: "2023-10-09", overdueDays: 0, card: null });
    expect(j.byUnit[0].avgDaysToClose).toBe(2); // Sat 10/7 and Sun 10/8 were working days
  });

  test("a year beyond the calendar: a note on stderr naming the year", async () => {
    const file = await writeXlsx(tmp("y.xlsx"), { 诉求台账: [[...H], line({ 编号: "1", 企业名称: "甲", 承办单位: "县经信局", 受理日期: "2031-03-02", "办理时限(工作日)": 5 })] });
    const r = await jx("appeals", file, "--as-of", "2031-03-20", "--json");
    expect(r.code).toBe(0);
    expect(r.err).toContain("2031 年");
    // received Sun 2031-03-02, Monday–Friday counted: 3/3, 3/4, 3/5, 3/6, 3/7
    expect(JSON.parse(r.out).appeals[0].due).toBe("2031-03-07");
  });

  test.each([
    [["--as-of", "2023-13-01"], "--as-of"],
    [["--as-of", "20231020"], "--as-of"],
    [["--sheet", "无此表"], "无此表"],
  ])("unusable input %j → exit 2", async (args, text) => {
    const file = await writeXlsx(tmp("u.xlsx"), { 诉求台账: [[...H], rows[0]] });
    const r = await jx("appeals", file, ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toContain(text as string);
  });

  test("no register sheet, or a required column missing → exit 2 naming it", async () => {
    const none = await writeXlsx(tmp("n.xlsx"), { Sheet1: [["a", "b"], [1, 2]] });
    expect((await jx("appeals", none)).code).toBe(2);
    const noUnit = await writeXlsx(tmp("m.xlsx"), { 诉求台账: [H.filter((h) => h !== "承办单位"), ["1"]] });
    const r = await jx("appeals", noUnit);
    expect(r.code).toBe(2);
    expect(r.err).toContain("承办单位");
  });
});

describe("jx template appeals", () => {
  test("the register, 参数 with the category list, 节假日; drop-downs for 诉求类别 and 满意度", async () => {
    const out = tmp("t.xlsx");
    const r = await jx("template", "appeals", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    const opened = await openWorkbookFile(out);
    if ("error" in opened) throw new Error(opened.error);
    expect(await opened.port.listSheets()).toEqual(["诉求台账", "参数", "节假日"]);
    const picked = await pickSheet(opened.port, appealsSpec);
    if ("error" in picked) throw new Error(picked.error);
    expect(picked.sheet.name).toBe("诉求台账");
    expect(picked.sheet.values[0]).toEqual([...H]);
    expect(picked.table.missing).toEqual([]);
    const params = await opened.port.readSheet("参数");
    const read = readAppealsParams(params!.values);
    expect(read.found).toBe(true);
    expect(read.params.mode).toBe("工作日");
    expect(read.categories).toContain("融资信贷");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("诉求台账")!;
    const dv = (col: number) => ws.getCell(2, col).dataValidation as { type: string; formulae: string[] };
    expect(dv(H.indexOf("诉求类别") + 1)).toMatchObject({ type: "list", formulae: ["'参数'!$E$2:$E$101"] });
    expect(dv(H.indexOf("满意度") + 1).formulae[0]).toBe('"非常满意,满意,基本满意,不满意,非常不满意"');
    expect(ws.getCell(2, H.indexOf("受理日期") + 1).numFmt).toBe("yyyy-mm-dd");
  });
});

describe("jx report reads the register too", () => {
  test("the 企业诉求 section states the figures of jx appeals as of --as-of", async () => {
    const file = await writeXlsx(tmp("rep.xlsx"), { 诉求台账: [[...H], ...rows] });
    const r = await jx("report", file, "--as-of", "2023-10-20", "--json");
    expect(r.code).toBe(0);
    const section = JSON.parse(r.out).sections.find((s: { id: string }) => s.id === "appeals");
    expect(section.text).toContain("截至2023年10月20日，收集企业问题8个，办结3个，办结率37.5%。");
    expect(section.text).toContain("蓝牌1个、黄牌1个、红牌1个");
    expect(section.text).toContain("退回重办1个");
  });
});
