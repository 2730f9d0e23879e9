/**
 * The workbook port: everything the task pane and the CLI need from a workbook.
 * Adapters: Office.js (src/excel/officeAdapter.ts), WPS 表格's ET object model
 * (src/wps/wpsAdapter.ts) and exceljs (src/workbook/fileAdapter.ts), the last for the CLI (Node)
 * and the browser workbench. test/workbook/contract/ runs one suite against all three.
 *
 * Values use the Office.js `values` representation: numbers, strings, booleans; an empty cell
 * is "" (null is accepted on write); dates are Excel serial numbers; error cells are their
 * error text ("#N/A"). Addresses are A1-style without the sheet ("B3").
 */
export type CellValue = string | number | boolean | null;

import type { Formula } from "../core/num";
export { formula, isFormula } from "../core/num";
export type { Formula };

/**
 * A value to write: strings are ALWAYS text (whatever their first character); only a
 * `{ formula }` built by Jingxin is written as a formula.
 */
export type WriteValue = CellValue | Formula;

export interface SheetValues {
  name: string;
  /** 1-based sheet row/column of values[0][0] (the used range may not start at A1). */
  startRow: number;
  startCol: number;
  values: CellValue[][];
}

export interface WriteSheetOptions {
  /** Create an Excel table (ListObject) over the written range with this name. */
  tableName?: string;
  /** Per-column number formats, e.g. ["@", "0.00", "0.0%"]. */
  numberFormats?: (string | null)[];
  /** Per-column allowed-value lists (data validation), keyed by 0-based column index. */
  validationLists?: Record<number, string[]>;
  /**
   * Per-column drop-downs whose items are cells of the workbook (an editable list), keyed by
   * 0-based column index: a range reference without "=", e.g. "'参数'!$E$2:$E$101".
   */
  validationSources?: Record<number, string>;
  /** Activate the sheet after writing. */
  activate?: boolean;
}

export interface CellUpdate {
  address: string;
  value: WriteValue;
}

export type { ChartSpec } from "../core/chart";
import type { ChartSpec } from "../core/chart";

export interface WorkbookPort {
  readonly kind: "excel" | "wps" | "file";
  /** Whether native charts can be created (Excel, WPS). */
  readonly canChart: boolean;
  workbookName(): Promise<string>;
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string | null>;
  /** The whole used range of a sheet in one round trip; null when the sheet does not exist. */
  readSheet(name: string): Promise<SheetValues | null>;
  /** Several sheets in one round trip. */
  readSheets(names: string[]): Promise<(SheetValues | null)[]>;
  /** Add the sheet, or clear and replace it if it exists; writes rows from A1. */
  writeSheet(name: string, rows: WriteValue[][], options?: WriteSheetOptions): Promise<void>;
  /** Write single cells of an existing sheet (pool actions). */
  writeCells(sheet: string, updates: CellUpdate[]): Promise<void>;
  /** Append rows below the used range (creating the sheet with `header` when missing). */
  appendRows(sheet: string, rows: WriteValue[][], header?: CellValue[]): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Fill cells with a colour, remembering their previous fills. */
  highlight(sheet: string, addresses: string[], color: string): Promise<void>;
  /** Restore exactly the fills that highlight() replaced on this sheet. */
  clearHighlight(sheet: string): Promise<void>;
  /** The UI language of the host (Excel's display language, e.g. "zh-CN"); absent for files. */
  displayLanguage?(): string;
  /** Native chart; only when canChart. */
  upsertChart?(sheet: string, spec: ChartSpec): Promise<void>;
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based row and column → "B3". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "B3" → { row: 3, col: 2 }. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
