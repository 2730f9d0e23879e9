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

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name: string;
}

/** The used range of one streamed worksheet, as readWorksheet would return it. */
async function readStreamedSheet(ws: SheetReader): Promise<SheetValues> {
  const lines: CellValue[][] = [];
  const rowNumbers: number[] = [];
  let minCol = Infinity;
  let maxCol = 0;
  for await (const row of ws) {
    const raw = row.values as unknown[];
    let line: CellValue[] | null = null;
    for (let c = 1; c < raw.length; c++) {
      const v = raw[c];
      if (v === undefined || v === null) continue;
      const pv = toPortValue(v);
      // A formula without a cached result is still a used cell (Excel computes it on open).
      if (pv === "" && !(typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v))) continue;
      if (line === null) line = [];
      line[c - 1] = pv;
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    }
    if (line !== null) {
      lines.push(line);
      rowNumbers.push(row.number);
    }
  }
  if (lines.length === 0) return { name: ws.name, startRow: 1, startCol: 1, values: [] };
  const minRow = rowNumbers[0];
  const maxRow = rowNumbers[rowNumbers.length - 1];
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = new Array(maxRow - minRow + 1);
  let k = 0;
  for (let r = minRow; r <= maxRow; r++) {
    const line = rowNumbers[k] === r ? lines[k++] : undefined;
    const out: CellValue[] = minCol === 1 && line ? line : new Array(width);
    for (let i = 0; i < width; i++) {
      const v = line === undefined ? undefined : line[minCol - 1 + i];
      out[i] = v === undefined ? "" : v;
    }
    out.length = width;
    values[r - minRow] = out;
  }
  return { name: ws.name, startRow: minRow, startCol: minCol, values };
}

/** Read every worksheet of an .xlsx (a path or its bytes) row by row. Throws on a corrupt file. */
export async function readWorkbookStream(input: string | Uint8Array): Promise<StreamedWorkbook> {
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
  for await (const ws of reader as unknown as AsyncIterable<SheetReader>) read.push(await readStreamedSheet(ws));
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
