/**
 * WorkbookPort over an exceljs workbook: the CLI (Node) and the browser workbench.
 * No file system here — the workbook comes in and goes out as bytes (io.ts does the files).
 *
 * Values follow Office.js `values`: numbers, strings, booleans, "" for empty; dates → Excel
 * serials (1900 system); formulas → their cached result ("" when none); rich text and
 * hyperlinks → their text; errors → their text ("#N/A"); merged cells → only the top-left
 * cell holds the value.
 */
import * as ExcelJS from "exceljs";
import { CellUpdate, CellValue, SheetValues, WorkbookPort, WriteSheetOptions, WriteValue, isFormula, parseAddress } from "./port";
import {
  LIST_SHEET,
  expandAddresses,
  inlineListSource,
  noSheet,
  normalizeColor,
  rangeAddress,
  tableHeaders,
  uniqueTableName,
} from "./adapterUtil";
import { jsDateToSerial } from "../core/table/dates";

export interface FileChange {
  kind: "writeSheet" | "writeCells" | "appendRows" | "select" | "highlight" | "clearHighlight";
  sheet: string;
}

export interface FilePort extends WorkbookPort {
  readonly kind: "file";
  readonly workbook: ExcelJS.Workbook;
  /** The last selectCell (the workbench shows it). */
  readonly selection: { sheet: string; address: string } | null;
  /** The workbook as .xlsx bytes. */
  toBuffer(): Promise<Uint8Array>;
  /** Called after every change made through the port; returns the unsubscribe function. */
  onChange(cb: (change: FileChange) => void): () => void;
}

// exceljs ValueType numbers (the enum is a runtime object; copied to keep hot loops cheap).
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_BOOLEAN = 9;
const T_FORMULA = 6;


/** Any exceljs value → the Office.js `values` representation. */
export function toPortValue(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : "#NUM!";
    case "string":
    case "boolean":
      return v;
    case "object": {
      if (v instanceof Date) return jsDateToSerial(v);
      const o = v as Record<string, unknown>;
      if (typeof o.error === "string") return o.error;
      if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
      if ("formula" in o || "sharedFormula" in o) return toPortValue(o.result);
      if ("text" in o) return toPortValue(o.text);
      return "";
    }
    default:
      return String(v);
  }
}

function cellValue(cell: ExcelJS.Cell): string | number | boolean {
  const t = cell.type as number;
  if (t === T_NUMBER || t === T_STRING || t === T_BOOLEAN) return cell.value as string | number | boolean;
  if (t === T_NULL || t === T_MERGE) return "";
  // cell.value of a formula drops a falsy result (0, false, ""): read the result itself.
  if (t === T_FORMULA) return toPortValue(cell.result);
  return toPortValue(cell.value);
}

/** The used range of a worksheet (cells with a non-empty value) as Office.js would return it. */
export function readWorksheet(ws: ExcelJS.Worksheet): SheetValues {
  let minRow = Infinity;
  let maxRow = 0;
  let minCol = Infinity;
  let maxCol = 0;
  const lines: (string | number | boolean)[][] = [];
  ws.eachRow((row, r) => {
    let line: (string | number | boolean)[] | null = null;
    row.eachCell((cell, c) => {
      const v = cellValue(cell);
      // A formula without a cached result is still a used cell (Excel computes it on open).
      if (v === "" && (cell.type as number) !== T_FORMULA) return;
      if (line === null) line = [];
      line[c - 1] = v;
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    });
    if (line !== null) {
      lines[r] = line;
      if (r < minRow) minRow = r;
      maxRow = r;
    }
  });
  if (maxRow === 0) return { name: ws.name, startRow: 1, startCol: 1, values: [] };
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = new Array(maxRow - minRow + 1);
  for (let r = minRow; r <= maxRow; r++) {
    const line = lines[r];
    if (line !== undefined && minCol === 1) {
      // The common case (data from column A): fill the row's holes in place.
      for (let i = 0; i < width; i++) if (line[i] === undefined) line[i] = "";
      values[r - minRow] = line;
      continue;
    }
    const out: CellValue[] = new Array(width);
    for (let i = 0; i < width; i++) {
      const v = line === undefined ? undefined : line[minCol - 1 + i];
      out[i] = v === undefined ? "" : v;
    }
    values[r - minRow] = out;
  }
  return { name: ws.name, startRow: minRow, startCol: minCol, values };
}

/** A port value → what exceljs stores: strings as text, only a `{ formula }` as a formula. */
function toExcelValue(v: WriteValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (isFormula(v)) return { formula: v.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return v;
}

function argb(color: string): string {
  return "FF" + normalizeColor(color).slice(1);
}

function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

/** The workbook's tables (all sheets), by name. */
function tableNames(wb: ExcelJS.Workbook): string[] {
  const names: string[] = [];
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { name?: string; table?: { name?: string } }[]) {
      const n = t.name ?? t.table?.name;
      if (n) names.push(n);
    }
  });
  return names;
}

export function createFilePort(wb: ExcelJS.Workbook, name = "workbook.xlsx"): FilePort {
  const listeners = new Set<(c: FileChange) => void>();
  /** Per sheet: address → the fill before the first highlight (null = no fill). */
  const saved = new Map<string, Map<string, ExcelJS.Fill | null>>();
  let selection: { sheet: string; address: string } | null = null;

  const emit = (kind: FileChange["kind"], sheet: string) => {
    for (const cb of [...listeners]) cb({ kind, sheet });
  };

  /** A sheet by name; like Excel, case-insensitively when there is no exact match. */
  const findSheet = (sheet: string): ExcelJS.Worksheet | undefined => {
    const exact = wb.getWorksheet(sheet);
    if (exact) return exact;
    const lower = sheet.toLowerCase();
    return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
  };

  const sheetOrThrow = (sheet: string): ExcelJS.Worksheet => {
    const ws = findSheet(sheet);
    if (!ws) throw new Error(noSheet(sheet));
    return ws;
  };

  const setActiveTab = (ws: ExcelJS.Worksheet) => {
    const idx = wb.worksheets.indexOf(ws);
    const view = wb.views && wb.views[0] ? wb.views[0] : { x: 0, y: 0, width: 10000, height: 20000, visibility: "visible" as const };
    wb.views = [{ ...view, firstSheet: 0, activeTab: Math.max(0, idx) } as ExcelJS.WorkbookView];
  };

  /** Long validation lists go into a hidden sheet; returns the absolute reference. */
  const listRange = (items: string[]): string => {
    let ls = wb.getWorksheet(LIST_SHEET);
    if (!ls) {
      ls = wb.addWorksheet(LIST_SHEET, { state: "hidden" });
    }
    const col = (ls.actualColumnCount || 0) + 1;
    items.forEach((item, i) => (ls!.getCell(i + 1, col).value = item));
    const ref = rangeAddress(1, col, Math.max(1, items.length), 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `${LIST_SHEET}!${ref}`;
  };

  /** Formulas are computed by Excel when the file is opened (no cached result is written). */
  const calcOnLoad = () => {
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  };

  const writeRows = (ws: ExcelJS.Worksheet, rows: WriteValue[][], firstRow: number, firstCol: number) => {
    for (let i = 0; i < rows.length; i++) {
      const src = rows[i];
      if (!src || src.length === 0) continue;
      const row = ws.getRow(firstRow + i);
      for (let c = 0; c < src.length; c++) {
        const v = toExcelValue(src[c]);
        if (v === null) continue;
        row.getCell(firstCol + c).value = v;
        if (typeof v === "object") calcOnLoad();
      }
    }
  };

  const usedBounds = (ws: ExcelJS.Worksheet): { lastRow: number; firstCol: number } | null => {
    let lastRow = 0;
    let firstCol = Infinity;
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (cellValue(cell) === "" && (cell.type as number) !== T_FORMULA) return;
        lastRow = r;
        if (c < firstCol) firstCol = c;
      });
    });
    return lastRow === 0 ? null : { lastRow, firstCol };
  };

  const port: FilePort = {
    kind: "file",
    canChart: false,
    workbook: wb,
    get selection() {
      return selection;
    },

    async workbookName() {
      return name;
    },

    async listSheets() {
      return wb.worksheets.filter((ws) => ws.name !== LIST_SHEET).map((ws) => ws.name);
    },

    async activeSheet() {
      if (selection && findSheet(selection.sheet)) return selection.sheet;
      const sheets = wb.worksheets;
      if (sheets.length === 0) return null;
      const tab = wb.views?.[0]?.activeTab ?? 0;
      return (sheets[tab] ?? sheets[0]).name;
    },

    async readSheet(sheet) {
      const ws = findSheet(sheet);
      return ws ? readWorksheet(ws) : null;
    },

    async readSheets(names) {
      return names.map((n) => {
        const ws = findSheet(n);
        return ws ? readWorksheet(ws) : null;
      });
    },

    async writeSheet(sheet, rows, options: WriteSheetOptions = {}) {
      const old = findSheet(sheet);
      let ws: ExcelJS.Worksheet;
      if (old) {
        const orderNo = (old as unknown as { orderNo: number }).orderNo;
        const oldName = old.name;
        wb.removeWorksheet(old.id);
        ws = wb.addWorksheet(oldName);
        (ws as unknown as { orderNo: number }).orderNo = orderNo;
      } else {
        ws = wb.addWorksheet(sheet);
      }
      saved.delete(ws.name);
      const fullWidth = rows.reduce((w, r) => Math.max(w, r.length), 0);
      if (options.tableName && rows.length > 0 && fullWidth > 0) {
        const headers = tableHeaders(rows[0], fullWidth);
        const data = rows.slice(1).map((r) => {
          const out: ExcelJS.CellValue[] = new Array(fullWidth);
          for (let c = 0; c < fullWidth; c++) {
            out[c] = toExcelValue(r[c]);
            if (out[c] !== null && typeof out[c] === "object") calcOnLoad();
          }
          return out;
        });
        // Excel needs at least one data row under the header.
        if (data.length === 0) data.push(new Array(fullWidth).fill(null));
        const tname = uniqueTableName(options.tableName, tableNames(wb));
        ws.addTable({
          name: tname,
          displayName: tname,
          ref: "A1",
          headerRow: true,
          totalsRow: false,
          style: { theme: "TableStyleMedium2", showRowStripes: true },
          columns: headers.map((h) => ({ name: h, filterButton: true })),
          rows: data,
        } as ExcelJS.TableProperties);
      } else {
        writeRows(ws, rows, 1, 1);
      }
      const dataRows = rows.length - 1;
      if (options.numberFormats && dataRows > 0) {
        options.numberFormats.forEach((fmt, c) => {
          if (!fmt) return;
          for (let r = 2; r <= rows.length; r++) ws.getCell(r, c + 1).numFmt = fmt;
        });
      }
      if (options.validationLists) {
        for (const [key, items] of Object.entries(options.validationLists)) {
          const c = Number(key) + 1;
          const inline = inlineListSource(items);
          const formula = inline === null ? listRange(items) : `"${inline}"`;
          const range = rangeAddress(2, c, Math.max(1, dataRows), 1);
          (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, { type: "list", allowBlank: true, formulae: [formula], showErrorMessage: true });
        }
      }
      for (const [key, source] of Object.entries(options.validationSources ?? {})) {
        const range = rangeAddress(2, Number(key) + 1, Math.max(1, dataRows), 1);
        (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, { type: "list", allowBlank: true, formulae: [source], showErrorMessage: true });
      }
      if (options.activate) setActiveTab(ws);
      emit("writeSheet", ws.name);
    },

    async writeCells(sheet, updates: CellUpdate[]) {
      const ws = sheetOrThrow(sheet);
      for (const u of updates) {
        const { row, col } = parseAddress(u.address);
        const v = toExcelValue(u.value);
        ws.getCell(row, col).value = v;
        if (v && typeof v === "object") calcOnLoad();
      }
      emit("writeCells", ws.name);
    },

    async appendRows(sheet, rows, header) {
      let ws = findSheet(sheet);
      let nextRow = 1;
      let firstCol = 1;
      if (!ws) ws = wb.addWorksheet(sheet);
      const used = usedBounds(ws);
      if (used) {
        nextRow = used.lastRow + 1;
        firstCol = used.firstCol;
      } else if (header && header.length > 0) {
        writeRows(ws, [header], 1, 1);
        nextRow = 2;
      }
      writeRows(ws, rows, nextRow, firstCol);
      emit("appendRows", ws.name);
    },

    async selectCell(sheet, address) {
      const ws = sheetOrThrow(sheet);
      const { row, col } = parseAddress(address);
      const a = ws.getCell(row, col).address;
      selection = { sheet: ws.name, address: a };
      const view = (ws.views && ws.views[0]) || { state: "normal" };
      ws.views = [{ ...view, activeCell: a } as ExcelJS.WorksheetView];
      setActiveTab(ws);
      emit("select", ws.name);
    },

    async highlight(sheet, addresses, color) {
      const ws = sheetOrThrow(sheet);
      const fill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
      let mem = saved.get(ws.name);
      if (!mem) saved.set(ws.name, (mem = new Map()));
      for (const a of expandAddresses(addresses)) {
        const cell = ws.getCell(a);
        // Loaded cells share style objects: never mutate one, replace it.
        const style = cell.style ?? {};
        if (!mem.has(a)) mem.set(a, style.fill ? clone(style.fill) : null);
        cell.style = { ...style, fill: clone(fill) };
      }
      emit("highlight", ws.name);
    },

    async clearHighlight(sheet) {
      const ws = findSheet(sheet);
      const mem = ws ? saved.get(ws.name) : undefined;
      if (!mem || !ws) return;
      saved.delete(ws.name);
      for (const [a, prev] of mem) {
        const cell = ws.getCell(a);
        const { fill: _drop, ...rest } = (cell.style ?? {}) as Partial<ExcelJS.Style>;
        void _drop;
        cell.style = (prev ? { ...rest, fill: clone(prev) } : rest) as Partial<ExcelJS.Style> as ExcelJS.Style;
      }
      emit("clearHighlight", ws.name);
    },

    async toBuffer() {
      const buf = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
      return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    },

    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  return port;
}

/** Open .xlsx bytes (Node Buffer, Uint8Array or ArrayBuffer) as a FilePort. */
export async function loadFilePort(data: ArrayBuffer | Uint8Array, name?: string): Promise<FilePort> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return createFilePort(wb, name);
}
