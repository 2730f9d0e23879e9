/**
 * The .xlsx reader of the CLI (Node only): every read-only command reads through it, whatever
 * the file's size. It reads the zip itself (zip.ts) and tokenizes each part as it inflates
 * (xml.ts), so a 1 048 576-row sheet takes seconds and about its values' memory, not the GBs of
 * an exceljs in-memory load; and it checks what the file declares against Excel's limits
 * BEFORE anything is built from it (or exceljs sees it):
 *
 *   - the central directory's sizes (each part and all together) and, while inflating, the bytes
 *     actually produced (a part that inflates beyond what it declares is a zip bomb);
 *   - row numbers ≤ 1 048 576 and columns ≤ 16 384 (XFD), in every cell reference;
 *   - the number of merged ranges and the cells they cover; the used range's area;
 *   - a shared-string index within the shared strings; sheet names unique (as Excel requires).
 *
 * A file beyond a limit throws LimitError (message naming the limit); a broken one
 * CorruptFileError. The in-memory adapter (fileAdapter.ts) is only loaded, from the same bytes
 * and after these checks, when a command writes a copy of its input (validate --report).
 *
 * Values are those of the file adapter (`readWorksheet` in fileAdapter.ts): Office.js `values`
 * representation, used range only, formulas → cached result, errors → their text, dates →
 * serials, merged cells → top-left only, and a number cell whose text is no number (`1,5`,
 * `0x10`) → that text, never a prefix of it.
 *
 *   const port = await openStreamedPort("/path/big.xlsx", "big.xlsx");  // or bytes
 *   const sheet = await port.readSheet("10月");
 */
import * as fs from "fs";
import { StringDecoder } from "string_decoder";
import type * as ExcelJS from "exceljs";
import type { FilePort } from "./fileAdapter";
import { toPortValue } from "./fileAdapter";
import { LIST_SHEET } from "./adapterUtil";
import type { CellValue, SheetValues } from "./port";
import { centralDirectory, CorruptFileError, inflateEntry, LimitError, sizeLimit, ZipEntry } from "./zip";
import { attr, parseAttrs, xmlScanner, XmlHandler } from "./xml";
import { isoToSerial } from "../core/table/dates";

export { CorruptFileError, LimitError } from "./zip";

/**
 * Files at least this large (bytes on disk, compressed) are never loaded in memory: a command
 * that would write a copy of such a file is refused (the read-only message).
 */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/** Whether a workbook file of this size is too large to load in memory (for a written copy). */
export function shouldStream(sizeBytes: number): boolean {
  return sizeBytes >= LARGE_FILE_BYTES;
}

/** The reader's limits: Excel's own, and what a county report can need. */
export interface ReadLimits {
  /** Excel: 1 048 576 rows. */
  maxRows: number;
  /** Excel: 16 384 columns (XFD). */
  maxCols: number;
  /** Merged ranges per sheet (exceljs merges in quadratic time: 20 000 take half a minute). */
  maxMerges: number;
  /** Cells covered by merged ranges, per sheet (an in-memory load builds each one). */
  maxMergedCells: number;
  /** Rows × columns of a sheet's used range (the values are a rectangle). */
  maxUsedCells: number;
  /** Inflated bytes of one part, and of all parts together. */
  maxPartBytes: number;
  maxTotalBytes: number;
  /** Zip entries. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxRows: 1048576,
  maxCols: 16384,
  maxMerges: 5000,
  maxMergedCells: 1_000_000,
  maxUsedCells: 16_000_000,
  maxPartBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 10000,
};

const fmt = (n: number) => n.toLocaleString("en-US").replace(/,/g, " ");

export interface StreamedWorkbook {
  /** Sheets in workbook (tab) order. */
  sheets: SheetValues[];
  /** Index in `sheets` of the active sheet (the workbook view's active tab). */
  activeTab?: number;
}

/** "AB12" → { col: 28, row: 12 }; row 0 when the reference has no digits. Null when malformed. */
function splitRef(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > 1e7) break;
  }
  let row = 0;
  let j = i;
  for (; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
    if (row > 1e12) break;
  }
  if (i === 0 && j === i) return null;
  return { col, row };
}

/** A number as written in a `<v>` of a number cell (Excel writes plain decimal or exponent form). */
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function rowLimit(limits: ReadLimits, sheet: string, row: number): LimitError {
  return new LimitError(
    `工作表“${sheet}”有第 ${fmt(row)} 行，超过 Excel 的上限 ${fmt(limits.maxRows)} 行 (row ${row} is beyond Excel's limit of ${limits.maxRows} rows)`,
  );
}

function colLimit(limits: ReadLimits, sheet: string, ref: string): LimitError {
  return new LimitError(
    `工作表“${sheet}”的单元格“${ref.slice(0, 40)}”超过 Excel 的上限 ${fmt(limits.maxCols)} 列（XFD）(cell ${ref.slice(0, 40)} is beyond Excel's limit of ${limits.maxCols} columns, XFD)`,
  );
}

/** The parser of one worksheet part: used range values, with the sheet's limits checked as it goes. */
function sheetHandler(name: string, shared: string[], limits: ReadLimits) {
  const lines: CellValue[][] = [];
  const rowNumbers: number[] = [];
  const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  let mergedCells = 0;
  let unordered = false;
  let rowNumber = 0;
  let line: CellValue[] | null = null;
  let col = 0;
  // The open cell: in a cell, its type, <v> text (null: none), whether it has a formula, inline text, reference.
  let inCell = false;
  let cellT = "n";
  let cellV: string | null = null;
  let cellFormula = false;
  let cellInline = "";
  let cellRef = "";
  let capture: "v" | "t" | null = null;
  let inInline = false;
  let inPhonetic = false;
  let text = "";

  const endCell = () => {
    let v: CellValue | undefined;
    if (cellT === "inlineStr") v = cellInline;
    else if (cellV === null) v = cellFormula ? "" : undefined;
    else if (cellT === "s") {
      const k = /^\s*\d+\s*$/.test(cellV) ? Number(cellV) : -1;
      if (k < 0 || k >= shared.length) {
        throw new CorruptFileError(
          `工作表“${name}”单元格 ${cellRef || `第 ${rowNumber} 行第 ${col} 列`} 引用的共享字符串“${cellV.slice(0, 20)}”不存在（共 ${shared.length} 个）(cell ${cellRef} refers to shared string ${cellV.slice(0, 20)}; the file has ${shared.length})`,
        );
      }
      v = shared[k];
    } else if (cellT === "str" || cellT === "e") v = cellV;
    else if (cellT === "b") v = cellV.trim() !== "0";
    else if (cellT === "d") v = isoToSerial(cellV) ?? cellV; // the day written, in no time zone; else the text, for the reader to name
    else if (NUMBER_TEXT.test(cellV)) v = toPortValue(Number(cellV));
    else v = cellV; // not a number: the text as written, for the table reader to name
    // An empty value is no used cell, except a formula without a cached result (Excel computes it on open).
    if (v !== undefined && (v !== "" || cellFormula)) {
      if (line === null) line = [];
      line[col - 1] = v;
    }
  };

  const handler: XmlHandler = {
    wantText: false,
    text(s) {
      text += s;
    },
    open(tag, src, from, to) {
      switch (tag) {
        case "row": {
          const r = attr(src, "r", from, to);
          if (r !== undefined) {
            if (!/^\s*\d+\s*$/.test(r)) throw new CorruptFileError(`工作表“${name}”的行号“${r.slice(0, 20)}”无效 (invalid row number)`);
            rowNumber = Number(r);
          } else rowNumber++;
          if (rowNumber > limits.maxRows) throw rowLimit(limits, name, rowNumber);
          col = 0;
          line = null;
          break;
        }
        case "c": {
          const ref = attr(src, "r", from, to);
          if (ref !== undefined) {
            const p = splitRef(ref);
            if (!p) throw new CorruptFileError(`工作表“${name}”的单元格引用“${ref.slice(0, 20)}”无效 (invalid cell reference)`);
            if (p.col > limits.maxCols) throw colLimit(limits, name, ref);
            if (p.row > limits.maxRows) throw rowLimit(limits, name, p.row);
            col = p.col === 0 ? col + 1 : p.col;
          } else col++;
          if (col > limits.maxCols) throw colLimit(limits, name, ref ?? `#${col}`);
          if (rowNumber === 0) rowNumber = 1;
          inCell = true;
          cellT = attr(src, "t", from, to) ?? "n";
          cellV = null;
          cellFormula = false;
          cellInline = "";
          cellRef = ref ?? "";
          break;
        }
        case "f":
          if (inCell) cellFormula = true;
          break;
        case "v":
          if (inCell) {
            capture = "v";
            handler.wantText = true;
            text = "";
          }
          break;
        case "is":
          inInline = true;
          break;
        case "rPh": // phonetic runs are not part of the value
          inPhonetic = true;
          break;
        case "t":
          if (inInline && !inPhonetic && inCell) {
            capture = "t";
            handler.wantText = true;
            text = "";
          }
          break;
        case "mergeCell": {
          const ref = attr(src, "ref", from, to) ?? "";
          const [a, b = a] = ref.split(":");
          const p = splitRef(a ?? "");
          const q = splitRef(b ?? "");
          if (!p || !q || p.row === 0 || q.row === 0) throw new CorruptFileError(`工作表“${name}”的合并区域“${ref.slice(0, 40)}”无效 (invalid merged range)`);
          for (const x of [p, q]) {
            if (x.col > limits.maxCols) throw colLimit(limits, name, ref);
            if (x.row > limits.maxRows) throw rowLimit(limits, name, x.row);
          }
          const m = { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
          merges.push(m);
          if (merges.length > limits.maxMerges) {
            throw new LimitError(
              `工作表“${name}”有超过 ${fmt(limits.maxMerges)} 个合并单元格区域，超过上限 (more than ${limits.maxMerges} merged ranges)`,
            );
          }
          mergedCells += (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
          if (mergedCells > limits.maxMergedCells) {
            throw new LimitError(
              `工作表“${name}”的合并单元格（如 ${ref.slice(0, 40)}）共覆盖超过 ${fmt(limits.maxMergedCells)} 个单元格，超过上限 (merged ranges cover more than ${limits.maxMergedCells} cells)`,
            );
          }
          break;
        }
      }
    },
    close(tag) {
      switch (tag) {
        case "v":
          if (inCell && capture === "v") cellV = text;
          capture = null;
          handler.wantText = false;
          break;
        case "t":
          if (inCell && capture === "t") cellInline += text;
          capture = null;
          handler.wantText = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "is":
          inInline = false;
          break;
        case "c":
          if (inCell) endCell();
          inCell = false;
          capture = null;
          handler.wantText = false;
          break;
        case "row":
          if (line !== null) {
            // Excel writes rows ascending; other writers may not (sorted at the end).
            if (rowNumbers.length && rowNumber <= rowNumbers[rowNumbers.length - 1]) unordered = true;
            lines.push(line);
            rowNumbers.push(rowNumber);
          }
          line = null;
          break;
      }
    },
  };

  const finish = (): SheetValues => {
    if (unordered) {
      // One line per row number, in order; a repeated row adds its cells over the earlier ones.
      const byRow = new Map<number, CellValue[]>();
      lines.forEach((l, i) => {
        const old = byRow.get(rowNumbers[i]);
        if (!old) byRow.set(rowNumbers[i], l);
        else l.forEach((v, c) => (old[c] = v));
      });
      const order = [...byRow.keys()].sort((a, b) => a - b);
      lines.length = 0;
      rowNumbers.length = 0;
      for (const r of order) {
        lines.push(byRow.get(r)!);
        rowNumbers.push(r);
      }
    }
    // Merged cells: only the top-left keeps its value (as an in-memory load gives them).
    if (merges.length && lines.length) {
      const index = new Map<number, number>();
      rowNumbers.forEach((r, i) => index.set(r, i));
      for (const m of merges) {
        for (let r = m.r1; r <= m.r2; r++) {
          const i = index.get(r);
          if (i === undefined) continue;
          const l = lines[i];
          for (let c = m.c1; c <= Math.min(m.c2, l.length); c++) if (!(r === m.r1 && c === m.c1)) delete l[c - 1];
        }
      }
    }
    let minCol = Infinity;
    let maxCol = 0;
    let first = -1;
    let last = -1;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      let used = false;
      for (let c = 0; c < l.length; c++) {
        if (l[c] === undefined) continue;
        used = true;
        if (c + 1 < minCol) minCol = c + 1;
        break;
      }
      if (!used) continue;
      for (let c = l.length - 1; c >= 0; c--) {
        if (l[c] !== undefined) {
          if (c + 1 > maxCol) maxCol = c + 1;
          break;
        }
      }
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0) return { name, startRow: 1, startCol: 1, values: [] };
    const minRow = rowNumbers[first];
    const maxRow = rowNumbers[last];
    const width = maxCol - minCol + 1;
    const height = maxRow - minRow + 1;
    if (width * height > limits.maxUsedCells) {
      throw new LimitError(
        `工作表“${name}”的已用区域为 ${fmt(height)} 行 × ${fmt(width)} 列，超过 ${fmt(limits.maxUsedCells)} 个单元格的上限 (the used range, ${height} rows × ${width} columns, is beyond the limit of ${limits.maxUsedCells} cells)`,
      );
    }
    const values: CellValue[][] = new Array(height);
    let k = first;
    for (let r = minRow; r <= maxRow; r++) {
      while (k <= last && rowNumbers[k] < r) k++;
      const src = k <= last && rowNumbers[k] === r ? lines[k] : undefined;
      const out: CellValue[] = minCol === 1 && src ? src : new Array(width);
      for (let i = 0; i < width; i++) {
        const v = src === undefined ? undefined : src[minCol - 1 + i];
        out[i] = v === undefined ? "" : v;
      }
      out.length = width;
      values[r - minRow] = out;
    }
    return { name, startRow: minRow, startCol: minCol, values };
  };

  return { handler, finish };
}

/** The shared strings part: each `<si>`'s text (its runs joined, phonetic runs left out). */
function sharedHandler(out: string[]) {
  let inSi = false;
  let inPhonetic = false;
  let capture = false;
  let text = "";
  let value = "";
  const handler: XmlHandler = {
    wantText: false,
    text(s) {
      text += s;
    },
    open(tag) {
      if (tag === "si") {
        inSi = true;
        value = "";
      } else if (tag === "rPh") inPhonetic = true;
      else if (tag === "t" && inSi && !inPhonetic) {
        capture = true;
        handler.wantText = true;
        text = "";
      }
    },
    close(tag) {
      if (tag === "t" && capture) {
        value += text;
        capture = false;
        handler.wantText = false;
      } else if (tag === "rPh") inPhonetic = false;
      else if (tag === "si") {
        out.push(value);
        inSi = false;
      }
    },
  };
  return handler;
}

/** Collects the attributes of every element named in `names` (workbook.xml, .rels). */
function elementsHandler(names: string[], out: { tag: string; attrs: Record<string, string> }[]): XmlHandler {
  return {
    wantText: false,
    text() {},
    open(tag, src, from, to) {
      if (names.includes(tag)) out.push({ tag, attrs: parseAttrs(src.slice(from, to)) });
    },
    close() {},
  };
}

/** Resolve a relationship target against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Read every worksheet of an .xlsx (a path or its bytes). Throws CorruptFileError or LimitError. */
export async function readWorkbookStream(input: string | Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<StreamedWorkbook> {
  const buf = typeof input === "string" ? await fs.promises.readFile(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // Not a zip at all (empty, compound file, text): fail now.
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new CorruptFileError("不是 .xlsx（zip）文件 (not an .xlsx (zip) file)");
  const entries = centralDirectory(buf);
  if (entries.length > limits.maxEntries) {
    throw new LimitError(`zip 中有 ${fmt(entries.length)} 个条目，超过 ${fmt(limits.maxEntries)} 个的上限 (more than ${limits.maxEntries} zip entries)`);
  }
  const byName = new Map<string, ZipEntry>();
  let declared = 0;
  for (const e of entries) {
    if (byName.has(e.name)) throw new CorruptFileError(`zip 中有两个“${e.name}” (duplicate zip entry ${e.name})`);
    byName.set(e.name, e);
    if (e.size > limits.maxPartBytes) throw sizeLimit(e.name, limits.maxPartBytes);
    declared += e.size;
  }
  if (declared > limits.maxTotalBytes) {
    const mb = Math.round(limits.maxTotalBytes / (1024 * 1024));
    throw new LimitError(`文件解压后共 ${fmt(Math.round(declared / (1024 * 1024)))} MB，超过 ${mb} MB 的上限 (the parts inflate to more than the ${mb} MB limit)`);
  }

  let inflated = 0;
  const done = new Set<string>();
  const parse = async (part: string, handler: XmlHandler): Promise<void> => {
    const entry = byName.get(part);
    if (!entry) throw new CorruptFileError(`缺少“${part}” (missing part ${part})`);
    const scanner = xmlScanner(handler);
    const decoder = new StringDecoder("utf8");
    let firstChunk = true;
    await inflateEntry(buf, entry, limits.maxPartBytes, (chunk) => {
      inflated += chunk.length;
      if (inflated > limits.maxTotalBytes) throw sizeLimit("xlsx", limits.maxTotalBytes);
      let s = decoder.write(chunk);
      if (firstChunk) {
        firstChunk = false;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      scanner.push(s);
    });
    scanner.push(decoder.end());
    scanner.end();
    done.add(part);
  };
  const elements = async (part: string, names: string[]) => {
    const out: { tag: string; attrs: Record<string, string> }[] = [];
    if (byName.has(part)) await parse(part, elementsHandler(names, out));
    return out;
  };

  // The workbook part: from the package relationships, else the usual place.
  const rootRels = await elements("_rels/.rels", ["Relationship"]);
  const officeDoc = rootRels.find((r) => /\/officeDocument$/.test(r.attrs.Type ?? ""));
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.attrs.Target ?? "") : "xl/workbook.xml";
  // A zip without a workbook part holds no worksheets (the caller says so).
  if (!byName.has(workbookPart)) return { sheets: [], activeTab: 0 };
  const workbookXml = await elements(workbookPart, ["sheet", "workbookView"]);
  const sheetsXml = workbookXml.filter((e) => e.tag === "sheet");
  const view = workbookXml.find((e) => e.tag === "workbookView");
  const activeName = sheetsXml[Number(view?.attrs.activeTab ?? 0) || 0]?.attrs.name;
  const rels = await elements(relsOf(workbookPart), ["Relationship"]);
  const relById = new Map(rels.map((r) => [r.attrs.Id, r.attrs]));

  const sharedRel = rels.find((r) => /\/sharedStrings$/.test(r.attrs.Type ?? ""));
  const sharedPart = sharedRel ? resolveTarget(workbookPart, sharedRel.attrs.Target ?? "") : "xl/sharedStrings.xml";
  const shared: string[] = [];
  if (byName.has(sharedPart)) await parse(sharedPart, sharedHandler(shared));

  const seen = new Map<string, string>();
  const sheets: SheetValues[] = [];
  for (const { attrs } of sheetsXml) {
    const name = attrs.name ?? "";
    const key = name.toLowerCase();
    if (seen.has(key)) throw new CorruptFileError(`工作簿中有两个同名工作表“${seen.get(key)}”和“${name}”（Excel 不允许）(two sheets named ${name})`);
    seen.set(key, name);
    const idKey = Object.keys(attrs).find((k) => /(^|:)id$/.test(k) && k.includes(":"));
    const rel = idKey ? relById.get(attrs[idKey]) : undefined;
    if (!rel) throw new CorruptFileError(`工作表“${name}”没有对应的部件 (sheet ${name} has no part)`);
    if (!/\/worksheet$/.test(rel.Type ?? "")) continue; // chart sheets, dialog sheets: no cells
    const part = resolveTarget(workbookPart, rel.Target ?? "");
    const s = sheetHandler(name, shared, limits);
    await parse(part, s.handler);
    sheets.push(s.finish());
  }
  // Every other part is inflated too (and counted), so no hidden bomb reaches an in-memory load.
  for (const e of entries) if (!done.has(e.name) && !e.name.endsWith("/")) await inflateEntry(buf, e, limits.maxPartBytes, (c) => {
    inflated += c.length;
    if (inflated > limits.maxTotalBytes) throw sizeLimit("xlsx", limits.maxTotalBytes);
  });
  const active = sheets.findIndex((x) => x.name === activeName);
  return { sheets, activeTab: Math.max(0, active) };
}

const READ_ONLY =
  "大文件以只读方式打开，不能写入；请在 Excel 中处理或拆分文件 (a large workbook is opened read-only: nothing can be written to it or copied from it)";

/**
 * A port over read sheets. Writes are refused (the promise rejects), unless `load` is given: the
 * first write then loads the workbook in memory (from the same, already checked, bytes) and
 * this port forwards everything to it from then on.
 */
export function createStreamedPort(book: StreamedWorkbook, name = "workbook.xlsx", load?: () => Promise<FilePort>): FilePort {
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  let memory: FilePort | null = null;
  const writable = async (): Promise<FilePort> => {
    if (!load) throw new Error(READ_ONLY);
    if (!memory) memory = await load();
    return memory;
  };
  const write =
    <K extends "writeSheet" | "writeCells" | "appendRows" | "selectCell" | "highlight" | "clearHighlight">(k: K) =>
    async (...args: Parameters<FilePort[K]>): Promise<void> => {
      const m = await writable();
      await (m[k] as (...a: Parameters<FilePort[K]>) => Promise<void>)(...args);
    };
  return {
    kind: "file",
    canChart: false,
    get workbook(): ExcelJS.Workbook {
      if (memory) return memory.workbook;
      throw new Error(READ_ONLY);
    },
    get selection() {
      return memory ? memory.selection : null;
    },
    async workbookName() {
      return name;
    },
    async listSheets() {
      if (memory) return memory.listSheets();
      return book.sheets.map((s) => s.name).filter((n) => n !== LIST_SHEET);
    },
    async activeSheet() {
      if (memory) return memory.activeSheet();
      return book.sheets[book.activeTab ?? 0]?.name ?? book.sheets[0]?.name ?? null;
    },
    async readSheet(sheet) {
      if (memory) return memory.readSheet(sheet);
      return byName.get(sheet) ?? null;
    },
    async readSheets(names) {
      if (memory) return memory.readSheets(names);
      return names.map((n) => byName.get(n) ?? null);
    },
    writeSheet: write("writeSheet"),
    writeCells: write("writeCells"),
    appendRows: write("appendRows"),
    selectCell: write("selectCell"),
    highlight: write("highlight"),
    clearHighlight: write("clearHighlight"),
    async toBuffer() {
      return (await writable()).toBuffer();
    },
    onChange(cb) {
      if (memory) return memory.onChange(cb);
      return () => undefined;
    },
  };
}

/** Open an .xlsx by streaming: a read-only FilePort. Throws on a corrupt file or one beyond a limit. */
export async function openStreamedPort(input: string | Uint8Array, name?: string): Promise<FilePort> {
  return createStreamedPort(await readWorkbookStream(input), name);
}
