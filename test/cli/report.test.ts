/**
 * `jx report`: the .docx is a real Word package (read back with a zip reader: the text of
 * document.xml is the report's text), deterministic for fixed inputs, never overwrites without
 * --force, never touches its input; unusable input exits 2.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { jx, tempDir, writeXlsx } from "./helpers";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "jingxin-sample.xlsx");
const tmp = tempDir("jx-report-");
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
/** The visible text of a .docx's body: the w:t runs of each paragraph. */
function docxText(file: string): string[] {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "docProps/core.xml"]));
  const xml = strFromU8(files["word/document.xml"]!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
}

test("writes the Word document, prints the same text, and leaves the input untouched", async () => {
  const before = sha(SAMPLE);
  const out = tmp("10月分析材料.docx");
  const r = await jx("report", SAMPLE, "--out", out, "--as-of", "2023-11-05");
  expect(r.code).toBe(0);
  expect(sha(SAMPLE)).toBe(before);
  const paras = docxText(out);
  expect(paras[0]).toBe("1至10月份工业经济运行分析材料");
  expect(paras).toEqual(expect.arrayContaining(["一、工业经济运行", "二、小升规与培育库", "三、亩均效益评价", "四、预警与问题", "数据来源"]));
  const body = paras[paras.indexOf("一、工业经济运行") + 1]!;
  expect(r.out).toContain(body);
  expect(body).toMatch(/^1至10月份，规上工业总产值实现\d+\.\d{2}亿元，同比增长\d+\.\d%/);
  // The sources table closes the document: part, sheet, month, as-of date in each row.
  const table = paras.slice(paras.lastIndexOf("数据来源") + 1);
  expect(table).toEqual(["内容", "工作表", "月份", "截至日期",
    "工业经济运行", "10月", "1-10月", "2023-11-05",
    "目标任务", "目标", "1-10月", "2023-11-05",
    "小升规与培育库", "培育库", "1-10月", "2023-11-05",
    "亩均效益评价", "亩均数据", "—", "2023-11-05"]);
  // [Content_Types].xml is the package's first entry, as Word writes it.
  expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(out))))[0]).toBe("[Content_Types].xml");
  // The document's date is the as-of date, not the clock.
  const core = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))["docProps/core.xml"]!);
  expect(core).toContain("2023-11-05T00:00:00Z");
  expect(r.out).toContain(`已写入分析材料 (report written)：${out}`);
});

test("deterministic: the same workbook and date give the same bytes", async () => {
  const a = tmp("a.docx");
  const b = tmp("b.docx");
  expect((await jx("report", SAMPLE, "--out", a, "--as-of", "2023-11-05")).code).toBe(0);
  expect((await jx("report", SAMPLE, "--out", b, "--as-of", "2023-11-05")).code).toBe(0);
  expect(sha(a)).toBe(sha(b));
});

test("never overwrites without --force; --json prints sentences with their figures", async () => {
  const out = tmp("exists.docx");
  fs.writeFileSync(out, "mine");
  const r = await jx("report", SAMPLE, "--out", out);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/已存在.*--force/);
  expect(fs.readFileSync(out, "utf8")).toBe("mine");
  const j = await jx("report", SAMPLE, "--json");
  expect(j.code).toBe(0);
  const doc = JSON.parse(j.out);
  expect(doc.file).toBeNull();
  expect(doc.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(doc.sections.map((s: { id: string }) => s.id)).toEqual(["economy", "pool", "acre", "warnings"]);
  const acre = doc.sections.find((s: { id: string }) => s.id === "acre");
  expect(acre.sentences[0].figures).toEqual({ firms: 221, aboveScale: 103, belowScale: 118 });
});

test("unusable input exits 2 with a message: no data to report, a bad month, a non-.docx output", async () => {
  const empty = await writeXlsx(tmp("empty.xlsx"), { 说明: [["这是一张说明表"]] });
  const r = await jx("report", empty, "--json");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^jx report: 工作簿中没有可写入分析材料的数据/);
  expect((await jx("report", SAMPLE, "--month", "13")).code).toBe(2);
  // A date that does not exist is refused (as jx appeals refuses it), not read as "no appeals".
  const feb30 = await jx("report", SAMPLE, "--json", "--as-of", "2023-02-30");
  expect(feb30.code).toBe(2);
  expect(feb30.err).toMatch(/--as-of.*2023-02-30/);
  const bad = await jx("report", SAMPLE, "--out", tmp("x.txt"));
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/\.docx/);
});

test("the same core results as the other commands: jx monitor / pool / acre / appeals --json give the report's figures", async () => {
  const j = async (...args: string[]) => {
    const r = await jx(...args);
    expect(r.code).toBe(0);
    return JSON.parse(r.out);
  };
  const report = await j("report", SAMPLE, "--json", "--as-of", "2023-11-05");
  const figures = (id: string) => report.sections.find((s: { id: string }) => s.id === id).sentences.map((x: { figures: object }) => x.figures);
  const monitor = await j("monitor", SAMPLE, "--json");
  const [output] = figures("economy");
  expect(output.outputYtd).toBe(monitor.totals.outputYtd);
  expect(output.growth).toBe(monitor.totals.growth);
  const outTarget = monitor.targets.find((t: { name: string }) => t.name === "规上工业总产值");
  expect([output.rate, output.gap]).toEqual([outTarget.rate, outTarget.gap]);
  for (const f of figures("economy").filter((x: { name?: string }) => x.name)) {
    const t = monitor.targets.find((x: { name: string }) => x.name === f.name);
    expect([f.actual, f.target, f.gap]).toEqual([t.actual, t.target, t.gap]);
  }
  expect(figures("economy").find((x: { top1?: number }) => x.top1 !== undefined).top1).toBe(monitor.concentration.top1);

  const pool = await j("pool", SAMPLE, "--json");
  const [net, , cross] = figures("pool");
  expect(net).toEqual({ added: pool.summary.added, net: pool.summary.net, droppedOut: pool.summary.droppedOut, target: pool.summary.target });
  expect(cross.projectedToCross).toBe(pool.summary.projectedToCross);
  expect(cross.atRisk).toBe(pool.firms.filter((f: { atRisk: boolean }) => f.atRisk).length);

  const acre = await j("acre", SAMPLE, "--json");
  const [, county, grades] = figures("acre");
  expect(county).toEqual({ taxPerMu: acre.aggregates.all.taxPerMu, revenuePerMu: acre.aggregates.all.revenuePerMu, taxPerTce: acre.aggregates.aboveScale.taxPerTce, laborProductivity: acre.aggregates.aboveScale.laborProductivity });
  for (const g of ["A", "B", "C", "D"]) expect(grades[g]).toBe(acre.grades["规上"][g] + acre.grades["规下"][g]);
});

test("the appeals part is jx appeals' figures at the same as-of date", async () => {
  const book = await writeXlsx(tmp("appeals.xlsx"), {
    诉求台账: [
      ["编号", "企业名称", "承办单位", "受理日期", "办理时限(工作日)", "办结日期", "满意度"],
      ["A1", "甲公司", "县经信局", "2023-09-01", 5, "2023-09-05", "满意"],
      ["A2", "乙公司", "县人社局", "2023-09-01", 5, "2023-09-06", "基本满意"],
      ["A3", "丙公司", "县人社局", "2023-09-01", 5, "2023-09-06", "非常满意"],
      ["A4", "丁公司", "县人社局", "2023-10-09", 3, null, null],
      ["A5", "戊公司", "县人社局", "2023-10-09", 30, null, null],
    ],
  });
  const a = JSON.parse((await jx("appeals", book, "--json", "--as-of", "2023-11-05")).out);
  const r = await jx("report", book, "--json", "--as-of", "2023-11-05");
  expect(r.code).toBe(0);
  expect(r.err).toBe(""); // no note about the missing monthly report
  const part = JSON.parse(r.out).sections.find((s: { id: string }) => s.id === "appeals");
  // 3 of 5 closed = 60.0 %; 2 of 3 surveyed satisfied = 66.6 % truncated, as jx appeals writes it.
  expect([a.total, a.closed, a.cards.红牌 + a.cards.黄牌 + a.cards.蓝牌]).toEqual([5, 3, 1]);
  expect(part.text).toBe("截至2023年11月5日，收集企业问题5个，办结3个，办结率60.0%。正在办理2个，其中超期未办理1个（蓝牌0个、黄牌0个、红牌1个）。回访测评3个，满意率66.6%。");
  expect(part.sentences[0].figures).toEqual({ total: a.total, closed: a.closed, closureRate: a.closureRate });
});
