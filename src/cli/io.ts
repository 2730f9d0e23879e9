/**
 * Files for the CLI (Node only): open a workbook with a clear message for each kind of bad
 * file, pick the sheet holding a table kind, and write a new workbook without ever
 * overwriting an existing file (unless --force) or the input file (never).
 * Every message is zh-CN first with an English gloss, and names the file.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Readable } from "stream";
import * as ExcelJS from "exceljs";
import { createFilePort, FilePort, loadFilePort } from "../workbook/fileAdapter";
import { createStreamedPort, LimitError, readWorkbookStream, shouldStream } from "../workbook/streamRead";
import { SheetValues } from "../workbook/port";
import { ChooseOptions, sheetList, Table, TableSpec } from "../core/table";
import { chooseTable } from "../core/table/kinds";

export type Failure = { error: string };

/** The file each opened port was read from (writeNewWorkbook never writes there). */
const sources = new WeakMap<FilePort, string>();

export function sourcePathOf(port: FilePort): string | undefined {
  return sources.get(port);
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether a compound (OLE2) file holds an "EncryptionInfo" stream: an encrypted .xlsx. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  // Directory entry names are UTF-16LE.
  const needle = Buffer.from("EncryptionInfo", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK (common in China). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

/**
 * A CSV field → a cell value: plain numbers become numbers, except those Excel would damage or
 * that are codes (leading zeros, more than 15 digits); everything else stays text, for the
 * table reader to parse ("1,234.5", "5.9%", dates) with its cell-addressed messages.
 */
function csvValue(field: string): string | number | null {
  if (field === "") return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(field)) return Number(field);
  return field;
}

/** A valid sheet name from a file name: ≤ 31 characters, none of []:*?/\ . */
export function sheetNameFor(file: string): string {
  const base = path.basename(file).replace(/\.[^.]*$/, "");
  const clean = base.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31).trim();
  return clean || "Sheet1";
}

async function readCsv(bytes: Uint8Array, file: string): Promise<FilePort> {
  const wb = new ExcelJS.Workbook();
  await wb.csv.read(Readable.from([decodeText(bytes)]), { sheetName: sheetNameFor(file), map: csvValue } as unknown as Parameters<ExcelJS.Csv["read"]>[1]);
  return createFilePort(wb, path.basename(file));
}

/**
 * Open an .xlsx (or a .csv) for reading. Errors (return values, for exit code 2): file missing,
 * a directory, empty, legacy .xls, password-protected .xlsx, not an .xlsx, corrupt, no sheets.
 */
export async function openWorkbookFile(file: string): Promise<{ port: FilePort; path: string } | Failure> {
  const abs = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(abs);
  } catch {
    return { error: `找不到文件“${file}” (file not found: ${file})` };
  }
  if (stat.isDirectory()) return { error: `“${file}”是一个文件夹，不是 .xlsx 文件 (${file} is a directory, not an .xlsx file)` };
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(abs);
  } catch (e) {
    return { error: `无法读取文件“${file}” (cannot read ${file}): ${e instanceof Error ? e.message : String(e)}` };
  }
  if (bytes.length === 0) return { error: `文件“${file}”是空的 (file ${file} is empty)` };

  if (startsWith(bytes, CFB_MAGIC)) {
    if (isEncryptedOoxml(bytes)) return { error: `“${file}”：文件已加密，请先取消密码 (the file is password-protected: ${file})` };
    return { error: `“${file}”是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx (save as .xlsx: ${file})` };
  }

  let port: FilePort;
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    try {
      // Every command reads through the streaming reader, which first checks the file against
      // Excel's limits; the in-memory adapter is loaded (from the same checked bytes) only when a
      // command writes a copy of the input, and never for a large file.
      const book = await readWorkbookStream(bytes);
      const name = path.basename(file);
      port = createStreamedPort(book, name, shouldStream(bytes.length) ? undefined : () => loadFilePort(bytes, name));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      if (e instanceof LimitError) return { error: `“${file}”超出读取上限，未读取：${detail}；请在 Excel 中检查并另存 (the file is beyond a limit of the reader and was not read)` };
      return { error: `“${file}”已损坏，无法打开；请在 Excel 中打开并另存为 .xlsx (the .xlsx file is corrupt: ${detail})` };
    }
    if ((await port.listSheets()).length === 0) {
      return { error: `“${file}”不是有效的 .xlsx 文件：其中没有工作表 (not a valid .xlsx file: no worksheets in ${file})` };
    }
  } else if (/\.(csv|txt)$/i.test(file)) {
    try {
      port = await readCsv(bytes, file);
    } catch (e) {
      return { error: `无法读取 CSV 文件“${file}” (cannot read the CSV file ${file}): ${e instanceof Error ? e.message : String(e)}` };
    }
  } else {
    return { error: `“${file}”不是有效的 .xlsx 文件 (${file} is not a valid .xlsx file)` };
  }
  sources.set(port, abs);
  return { port, path: abs };
}

/**
 * The sheet holding a table of the given kind: the one chooser of core/table (chooser.ts) over
 * every sheet of the workbook — the named one, else the best sheet of that kind; a workbook
 * without one says which kinds of table it holds.
 */
export async function pickSheet(
  port: FilePort,
  spec: TableSpec,
  sheetName?: string,
  options: Omit<ChooseOptions, "kinds" | "name"> = {},
): Promise<{ sheet: SheetValues; table: Table } | Failure> {
  const names = await port.listSheets();
  let read = names;
  if (sheetName !== undefined) {
    // Only the named sheet is read (the chooser still checks what kind of table it is).
    const actual = names.includes(sheetName) ? sheetName : names.find((n) => n.toLowerCase() === sheetName.toLowerCase());
    if (actual === undefined) return { error: `找不到工作表“${sheetName}”；${sheetList(names)}` };
    read = [actual];
  }
  const chosen = chooseTable(await port.readSheets(read), [spec], { ...options, name: sheetName });
  return "error" in chosen ? chosen : { sheet: chosen.sheet as SheetValues, table: chosen.table };
}

async function realpathOrSelf(p: string): Promise<string> {
  try {
    return await fs.promises.realpath(p);
  } catch {
    return p;
  }
}

/**
 * Write the workbook to a new file. Refuses an existing file unless `force`, and the input
 * file (the port's source, or any of `inputs`) always. Written through a temporary file and a
 * rename, so an interrupted write leaves no half file.
 */
export async function writeNewWorkbook(
  file: string,
  port: FilePort,
  options: { force?: boolean; inputs?: string[] } = {},
): Promise<{ path: string; cleaned?: string[] } | Failure> {
  return writeNewFile(file, () => port.toBuffer(), { ...options, inputs: [sourcePathOf(port), ...(options.inputs ?? [])].filter((p): p is string => !!p) });
}

/** Jingxin's temporary output files: ".jx-<pid>-<random>.tmp" (short: a 255-byte output name still fits). */
const TEMP_FILE = /^\.jx-([0-9a-z]+)-[0-9a-z]+\.tmp$/;
/** The pattern of earlier versions: ".<name>.<pid>.<ms>.tmp". */
const OLD_TEMP_FILE = /^\..+\.(\d+)\.\d{13}\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove temporary files of Jingxin's own pattern left in `dir` by a run that was killed while
 * writing: their process is gone (on this machine) and they were not written to for 10 s, or
 * they are older than a day. Returns the names removed.
 */
export async function cleanStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE.exec(name) ?? OLD_TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = TEMP_FILE.test(name) ? parseInt(m[1], 36) : Number(m[1]);
    try {
      const st = await fs.promises.lstat(path.join(dir, name));
      if (!st.isFile()) continue;
      const age = now - st.mtimeMs;
      if ((alive(pid) || age < 10_000) && age < 86_400_000) continue;
      await fs.promises.rm(path.join(dir, name));
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove: leave it
    }
  }
  return removed;
}

/** What a command prints after a write: the stale temporary files it removed. */
export function cleanedNote(written: { cleaned?: string[] }): string[] {
  return (written.cleaned ?? []).map(
    (n) => `已删除上次中断的写入留下的临时文件 (removed a temporary file left by an interrupted write)：${n}`,
  );
}

/**
 * Write any output file (a workbook, a .docx) with the same guarantees as writeNewWorkbook:
 * built into a short-named temporary file beside the destination, then, without --force,
 * hard-linked to the destination name — which fails if anything has taken the name meanwhile
 * (another jx, the user), so nothing is ever replaced; with --force renamed over it. An
 * interrupted write leaves the destination complete or absent; its temporary file is removed by
 * the next write into that folder.
 */
export async function writeNewFile(
  file: string,
  content: () => Promise<Uint8Array | ArrayBuffer>,
  options: { force?: boolean; inputs?: string[] } = {},
): Promise<{ path: string; cleaned?: string[] } | Failure> {
  const abs = path.resolve(file);
  const target = await realpathOrSelf(abs);
  const inputs = options.inputs ?? [];
  for (const input of inputs) {
    if ((await realpathOrSelf(path.resolve(input))) === target) {
      return { error: `不能覆盖输入文件“${file}”，请换一个输出文件名 (refusing to overwrite the input file ${file}; choose another output name)` };
    }
  }
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { error: `输出目录“${path.dirname(file)}”不存在 (output directory does not exist: ${path.dirname(file)})` };
  }
  const exists = `文件“${file}”已存在；如需覆盖请加 --force (${file} exists; use --force to overwrite)`;
  if (fs.existsSync(abs)) {
    if (fs.statSync(abs).isDirectory()) return { error: `“${file}”是一个文件夹 (${file} is a directory)` };
    if (!options.force) return { error: exists };
  }
  const cleaned = await cleanStaleTemps(dir);
  const raw = await content();
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  const tmp = path.join(dir, `.jx-${process.pid.toString(36)}-${crypto.randomBytes(3).toString("hex")}.tmp`);
  const failed = (e: unknown) => ({ error: `无法写入“${file}” (cannot write ${file}): ${e instanceof Error ? e.message : String(e)}` });
  try {
    await fs.promises.writeFile(tmp, bytes, { flag: "wx" });
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    return failed(e);
  }
  try {
    if (options.force) await fs.promises.rename(tmp, abs);
    else {
      try {
        await fs.promises.link(tmp, abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") return { error: exists };
        // A file system without hard links (FAT, some shares): an exclusive copy instead.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
        try {
          await fs.promises.copyFile(tmp, abs, fs.constants.COPYFILE_EXCL);
        } catch (e2) {
          if ((e2 as NodeJS.ErrnoException).code === "EEXIST") return { error: exists };
          throw e2;
        }
      }
    }
  } catch (e) {
    return failed(e);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  return cleaned.length ? { path: abs, cleaned } : { path: abs };
}
