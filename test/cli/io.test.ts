import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { openWorkbookFile, pickSheet, writeNewWorkbook, decodeText, sheetNameFor } from "../../src/cli/io";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { TableSpec } from "../../src/core/table";
import { tempDir, writeXlsx } from "./helpers";

const p = tempDir("jx-io-");
const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

const xlsx = (name: string, sheets: Record<string, unknown[][]>) => writeXlsx(p(name), sheets);

async function openOk(file: string): Promise<FilePort> {
  const r = await openWorkbookFile(file);
  if ("error" in r) throw new Error(r.error);
  return r.port;
}

async function openErr(file: string): Promise<string> {
  const r = await openWorkbookFile(file);
  if (!("error" in r)) throw new Error(`expected an error for ${file}`);
  return r.error;
}

/** A minimal compound-file (OLE2) image: the magic, a header, and directory entry names. */
function cfb(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dirSector = Buffer.alloc(512);
  ["Root Entry", ...streamNames].slice(0, 4).forEach((n, i) => Buffer.from(n, "utf16le").copy(dirSector, i * 128));
  return Buffer.concat([header, dirSector]);
}

describe("openWorkbookFile: one clear message per kind of bad file, naming it", () => {
  test("missing file", async () => {
    expect(await openErr(p("nope.xlsx"))).toBe(`找不到文件“${p("nope.xlsx")}” (file not found: ${p("nope.xlsx")})`);
  });

  test("a directory", async () => {
    fs.mkdirSync(p("folder.xlsx"));
    expect(await openErr(p("folder.xlsx"))).toMatch(/是一个文件夹.*is a directory/);
  });

  test("an empty file", async () => {
    fs.writeFileSync(p("empty.xlsx"), "");
    expect(await openErr(p("empty.xlsx"))).toMatch(/empty\.xlsx”是空的 \(file .*empty\.xlsx is empty\)/);
  });

  test("a legacy .xls (OLE2 compound file)", async () => {
    fs.writeFileSync(p("old.xls"), cfb(["Workbook", "SummaryInformation"]));
    const e = await openErr(p("old.xls"));
    expect(e).toContain("old.xls");
    expect(e).toContain("请在 Excel 中另存为 .xlsx (save as .xlsx");
  });

  test("a password-protected .xlsx (OLE2 holding EncryptionInfo)", async () => {
    fs.writeFileSync(p("secret.xlsx"), cfb(["EncryptionInfo", "EncryptedPackage"]));
    const e = await openErr(p("secret.xlsx"));
    expect(e).toContain("secret.xlsx");
    expect(e).toContain("文件已加密，请先取消密码 (the file is password-protected");
  });

  test("not a zip", async () => {
    fs.writeFileSync(p("text.xlsx"), "企业名称,产值\n");
    expect(await openErr(p("text.xlsx"))).toBe(`“${p("text.xlsx")}”不是有效的 .xlsx 文件 (${p("text.xlsx")} is not a valid .xlsx file)`);
  });

  test("a corrupt (truncated) zip", async () => {
    const good = await xlsx("good.xlsx", { S: [["a"], [1]] });
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(p("cut.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await openErr(p("cut.xlsx"));
    expect(e).toContain("cut.xlsx");
    expect(e).toMatch(/已损坏.*corrupt/);
  });

  test("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    fs.writeFileSync(p("other.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    expect(await openErr(p("other.xlsx"))).toMatch(/other\.xlsx”不是有效的 \.xlsx 文件：其中没有工作表/);
  });

  test("a good .xlsx opens, and reading never changes the file", async () => {
    const file = await xlsx("月报.xlsx", { 月报: [["企业名称", "产值"], ["甲", 1]] });
    const before = sha(file);
    const mtime = fs.statSync(file).mtimeMs;
    const r = await openWorkbookFile(file);
    if ("error" in r) throw new Error(r.error);
    expect(r.path).toBe(path.resolve(file));
    expect((await r.port.readSheet("月报"))!.values).toEqual([
      ["企业名称", "产值"],
      ["甲", 1],
    ]);
    await r.port.writeCells("月报", [{ address: "B2", value: 2 }]); // changes memory only
    expect(sha(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });
});

describe("CSV", () => {
  const expected = [
    ["企业名称", "产值", "代码"],
    ["甲公司", 1234.5, "00123"],
  ];
  const text = "企业名称,产值,代码\n甲公司,1234.5,00123\n";

  test("UTF-8 without BOM: one sheet named after the file; numbers as numbers, codes kept as text", async () => {
    fs.writeFileSync(p("月报2023.csv"), text, "utf8");
    const port = await openOk(p("月报2023.csv"));
    expect(await port.listSheets()).toEqual(["月报2023"]);
    expect((await port.readSheet("月报2023"))!.values).toEqual(expected);
  });

  test("UTF-8 with BOM", async () => {
    fs.writeFileSync(p("bom.csv"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    const port = await openOk(p("bom.csv"));
    expect((await port.readSheet("bom"))!.values).toEqual(expected);
  });

  test("GBK (as saved by Excel on Chinese Windows)", async () => {
    // "企业名称,产值\n甲公司,1234.5\n" in GBK
    const gbk = Buffer.from("c6f3d2b5c3fbb3c62cb2fad6b50abcd7b9abcbbe2c313233342e350a", "hex");
    fs.writeFileSync(p("gbk.csv"), gbk);
    const port = await openOk(p("gbk.csv"));
    expect((await port.readSheet("gbk"))!.values).toEqual([
      ["企业名称", "产值"],
      ["甲公司", 1234.5],
    ]);
  });

  test("quoted fields keep their commas; an 18-digit code stays exact", async () => {
    fs.writeFileSync(p("q.csv"), '企业名称,产值,代码\n"甲,乙公司","1,234.5",913407001234567890\n');
    const port = await openOk(p("q.csv"));
    expect((await port.readSheet("q"))!.values[1]).toEqual(["甲,乙公司", "1,234.5", "913407001234567890"]);
  });

  test("decodeText and sheetNameFor", () => {
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x60, 0x4f]))).toBe("你"); // UTF-16LE with BOM
    expect(sheetNameFor("/x/a[1]:b?.csv")).toBe("a_1__b_");
    expect(sheetNameFor("/x/" + "长".repeat(40) + ".csv")).toHaveLength(31);
  });
});

describe("pickSheet", () => {
  const spec: TableSpec = {
    kind: "demo",
    title: "演示表",
    fields: [
      { key: "name", header: "企业名称", required: true, type: "text" },
      { key: "output", header: "产值", required: true, type: "number", unit: "万元" },
      { key: "uscc", header: "统一社会信用代码", type: "text" },
    ],
  };

  test("the named sheet, or an error listing the sheets", async () => {
    const port = await openOk(await xlsx("pick.xlsx", { 说明: [["本表说明"]], 数据: [["企业名称", "产值"], ["甲", 1]] }));
    const ok = await pickSheet(port, spec, "数据");
    expect("table" in ok && ok.table.rows[0].values).toEqual({ name: "甲", output: 1 });
    const bad = await pickSheet(port, spec, "不存在");
    expect(bad).toEqual({ error: "找不到工作表“不存在”；现有工作表：“说明”、“数据” (sheets: 说明, 数据)" });
  });

  test("without a name: the sheet whose header matches best (fewest missing, then most columns)", async () => {
    const port = await openOk(
      await xlsx("best.xlsx", {
        说明: [["本表说明"]],
        部分: [["企业名称", "说明"], ["甲", "x"]], // only one recognised column: not a header
        较好: [["企业名称", "产值"], ["乙", 2]],
        最好: [["企业名称", "产值", "统一社会信用代码"], ["丙", 3, "X"]],
      }),
    );
    const r = await pickSheet(port, spec);
    expect("sheet" in r && r.sheet.name).toBe("最好");
    const none = await pickSheet(await openOk(await xlsx("none.xlsx", { A: [["x"]] })), spec);
    expect(none).toEqual({ error: "没有找到演示表表头的工作表；现有工作表：“A” (sheets: A) (no sheet has a demo header)" });
  });
});

describe("writeNewWorkbook", () => {
  test("writes a new file; refuses to overwrite without --force; overwrites with it", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("S", [["a"], [1]]);
    const out = p("out.xlsx");
    expect(await writeNewWorkbook(out, port)).toEqual({ path: out });
    const first = sha(out);
    await port.writeCells("S", [{ address: "A2", value: 2 }]);
    expect(await writeNewWorkbook(out, port)).toEqual({ error: `文件“${out}”已存在；如需覆盖请加 --force (${out} exists; use --force to overwrite)` });
    expect(sha(out)).toBe(first);
    expect(await writeNewWorkbook(out, port, { force: true })).toEqual({ path: out });
    expect((await (await openOk(out)).readSheet("S"))!.values).toEqual([["a"], [2]]);
    expect(fs.readdirSync(p()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("never writes to the input file, even with --force (also through another path spelling)", async () => {
    const input = await xlsx("input.xlsx", { S: [["a"], [1]] });
    const before = sha(input);
    const r = await openWorkbookFile(input);
    if ("error" in r) throw new Error(r.error);
    const spelled = path.join(p(), ".", "input.xlsx");
    const e = await writeNewWorkbook(spelled, r.port, { force: true });
    expect(e).toEqual({ error: expect.stringContaining("不能覆盖输入文件") });
    // an explicit inputs list works for ports built elsewhere
    const other = createFilePort(new ExcelJS.Workbook());
    expect(await writeNewWorkbook(input, other, { force: true, inputs: [input] })).toEqual({ error: expect.stringContaining("refusing to overwrite the input file") });
    expect(sha(input)).toBe(before);
  });

  test("a missing output directory is a clear error", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    port.workbook.addWorksheet("S");
    expect(await writeNewWorkbook(p("no/such/dir/out.xlsx"), port)).toEqual({ error: expect.stringMatching(/输出目录.*不存在/) });
  });
});
