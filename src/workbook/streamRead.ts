/**
 * Streaming read of a large .xlsx (Node only), for the CLI: a sheet of 1 048 576 rows loaded
 * with `workbook.xlsx.load` takes ~6 GB and a minute; read row by row with exceljs's
 * WorkbookReader it takes a fraction of that, and only the values are kept.
 *
 * The result is a read-only WorkbookPort with the same values the file adapter gives
 * (`readWorksheet` in fileAdapter.ts): Office.js `values` representation, used range only,
 * formulas → cached result, errors → their text, dates → serials, merged cells → top-left only.
 * Writing through it is refused with a clear message: a report is written to a new file from a
 * workbook loaded in memory, which a file this large does not fit.
 *
 *   const port = await openStreamedPort("/path/big.xlsx", "big.xlsx");  // or bytes
 *   const sheet = await port.readSheet("10月");
 *
 * io.ts can route files above LARGE_FILE_BYTES here (see shouldStream).
 */
import * as fs from "fs";
import { Readable } from "stream";
import * as ExcelJS from "exceljs";
import type { FilePort } from "./fileAdapter";
import { toPortValue } from "./fileAdapter";
import { LIST_SHEET } from "./adapterUtil";
import type { CellValue, SheetValues } from "./port";

/** Files at least this large (bytes on disk, compressed) are read by streaming. */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/** Whether a workbook file of this size should be read by streaming. */
export function shouldStream(sizeBytes: number): boolean {
  return sizeBytes >= LARGE_FILE_BYTES;
}

export interface StreamedWorkbook {
  /** Sheets in workbook (tab) order. */
  sheets: SheetValues[];
}

interface SheetReader {
  name: string;
  /** The worksheet part's bytes (exceljs hands them over unparsed). */
  iterator: AsyncIterable<unknown>;
}

type SaxEvent = { eventType: "opentag" | "text" | "closetag"; value: { name: string; attributes: Record<string, string> } | string };
// exceljs's own SAX helper (saxes), from the pinned exceljs version: no extra dependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseSax = require("exceljs/lib/utils/parse-sax") as (it: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;

/** "AB12" → 28 (the column of a cell reference). */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

function sharedText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown[] }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? "").join("");
  }
  return "";
}

/**
 * The used range of one worksheet part, parsed here rather than by exceljs's WorksheetReader:
 * it keeps the error text of a formula result (t="e": "#N/A", which exceljs turns into NaN),
 * every run of inline rich text, and builds no Row/Cell objects (a million rows stay cheap).
 */
async function readStreamedSheet(ws: SheetReader, shared: unknown[]): Promise<SheetValues> {
  const lines: CellValue[][] = [];
  const rowNumbers: number[] = [];
  let minCol = Infinity;
  let maxCol = 0;
  let rowNumber = 0;
  let line: CellValue[] | null = null;
  let col = 0;
  let cell: { t: string; v: string | null; formula: boolean; inline: string } | null = null;
  let capture: "v" | "t" | null = null;
  let inInline = false;
  let text = "";
  for await (const events of parseSax(ws.iterator)) {
    for (const { eventType, value } of events) {
      if (eventType === "opentag") {
        const node = value as { name: string; attributes: Record<string, string> };
        switch (node.name) {
          case "row":
            rowNumber = node.attributes.r ? parseInt(node.attributes.r, 10) : rowNumber + 1;
            col = 0;
            line = null;
            break;
          case "c":
            col = node.attributes.r ? columnOf(node.attributes.r) : col + 1;
            cell = { t: node.attributes.t ?? "n", v: null, formula: false, inline: "" };
            break;
          case "f":
            if (cell) cell.formula = true;
            break;
          case "v":
            capture = "v";
            text = "";
            break;
          case "is":
            inInline = true;
            break;
          case "t":
            if (inInline) {
              capture = "t";
              text = "";
            }
            break;
          case "rPh": // phonetic runs are not part of the value
            capture = null;
            inInline = false;
            break;
        }
      } else if (eventType === "text") {
        if (capture) text += value as string;
      } else {
        const name = (value as { name: string }).name;
        if (name === "v" && cell && capture === "v") {
          cell.v = text;
          capture = null;
        } else if (name === "t" && cell && capture === "t") {
          cell.inline += text;
          capture = null;
        } else if (name === "is") {
          inInline = false;
        } else if (name === "c" && cell) {
          let v: CellValue | undefined;
          if (cell.t === "inlineStr") v = cell.inline;
          else if (cell.v === null) v = cell.formula ? "" : undefined;
          else if (cell.t === "s") v = sharedText(shared[parseInt(cell.v, 10)]);
          else if (cell.t === "str" || cell.t === "e") v = cell.v;
          else if (cell.t === "b") v = cell.v.trim() !== "0";
          else if (cell.t === "d") v = toPortValue(new Date(cell.v));
          else v = toPortValue(parseFloat(cell.v));
          // An empty value is no used cell, except a formula without a cached result (Excel computes it on open).
          if (v !== undefined && (v !== "" || cell.formula) && col > 0) {
            if (line === null) line = [];
            line[col - 1] = v;
            if (col < minCol) minCol = col;
            if (col > maxCol) maxCol = col;
          }
          cell = null;
        } else if (name === "row") {
          if (line !== null) {
            lines.push(line);
            rowNumbers.push(rowNumber);
          }
          line = null;
        }
      }
    }
  }
  if (lines.length === 0) return { name: ws.name, startRow: 1, startCol: 1, values: [] };
  const minRow = rowNumbers[0];
  const maxRow = rowNumbers[rowNumbers.length - 1];
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = new Array(maxRow - minRow + 1);
  let k = 0;
  for (let r = minRow; r <= maxRow; r++) {
    const src = rowNumbers[k] === r ? lines[k++] : undefined;
    const out: CellValue[] = minCol === 1 && src ? src : new Array(width);
    for (let i = 0; i < width; i++) {
      const v = src === undefined ? undefined : src[minCol - 1 + i];
      out[i] = v === undefined ? "" : v;
    }
    out.length = width;
    values[r - minRow] = out;
  }
  return { name: ws.name, startRow: minRow, startCol: minCol, values };
}

/** Read every worksheet of an .xlsx (a path or its bytes) row by row. Throws on a corrupt file. */
export async function readWorkbookStream(input: string | Uint8Array): Promise<StreamedWorkbook> {
  // Not a zip at all (empty, compound file, text): fail now — the unzipper would wait forever on an empty stream.
  let head: Uint8Array = typeof input === "string" ? Buffer.alloc(4) : input.subarray(0, 4);
  if (typeof input === "string") {
    const fd = await fs.promises.open(input, "r");
    try {
      head = head.subarray(0, (await fd.read(head as Buffer, 0, 4, 0)).bytesRead);
    } finally {
      await fd.close();
    }
  }
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) throw new Error("不是 .xlsx（zip）文件 (not an .xlsx (zip) file)");
  const stream = typeof input === "string" ? fs.createReadStream(input) : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream as unknown as string, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles only turn date-formatted numbers into Dates; the port wants the serial anyway.
    styles: "ignore",
    entries: "ignore",
  });
  const read: SheetValues[] = [];
  for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
    read.push(await readStreamedSheet(ws, (reader as unknown as { sharedStrings?: unknown[] }).sharedStrings ?? []));
  }
  // Worksheet parts arrive in zip order; the tabs' order is the workbook's.
  const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
  const order = new Map((model?.sheets ?? []).map((s, i) => [s.name, i]));
  read.sort((a, b) => (order.get(a.name) ?? Infinity) - (order.get(b.name) ?? Infinity));
  return { sheets: read };
}

const READ_ONLY =
  "大文件以只读方式打开，不能写入；请在 Excel 中处理或拆分文件 (a large workbook is opened read-only: nothing can be written to it or copied from it)";

/** A read-only port over streamed sheets; every write is refused (the promise rejects). */
export function createStreamedPort(book: StreamedWorkbook, name = "workbook.xlsx"): FilePort {
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  const refuse = async (): Promise<never> => {
    throw new Error(READ_ONLY);
  };
  return {
    kind: "file",
    canChart: false,
    get workbook(): ExcelJS.Workbook {
      throw new Error(READ_ONLY);
    },
    selection: null,
    async workbookName() {
      return name;
    },
    async listSheets() {
      return book.sheets.map((s) => s.name).filter((n) => n !== LIST_SHEET);
    },
    async activeSheet() {
      return book.sheets[0]?.name ?? null;
    },
    async readSheet(sheet) {
      return byName.get(sheet) ?? null;
    },
    async readSheets(names) {
      return names.map((n) => byName.get(n) ?? null);
    },
    writeSheet: refuse,
    writeCells: refuse,
    appendRows: refuse,
    selectCell: refuse,
    highlight: refuse,
    clearHighlight: refuse,
    toBuffer: refuse,
    onChange() {
      return () => undefined;
    },
  };
}

/** Open a large .xlsx by streaming: a read-only FilePort. Throws on a corrupt file. */
export async function openStreamedPort(input: string | Uint8Array, name?: string): Promise<FilePort> {
  return createStreamedPort(await readWorkbookStream(input), name);
}
