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
