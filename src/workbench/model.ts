/**
 * What the workbench's sheet view shows for a cell: its text (value formatted by the cell's
 * number format, formulas computed by HyperFormula), alignment, fill and font weight.
 * Pure over exceljs objects; no React.
 */
import type * as ExcelJS from "exceljs";
import { columnLetters, formula, type WriteValue } from "../workbook/port";
import { jsDateToSerial, serialToIso } from "../core/table/dates";
import { Calc, ComputedValue, computedAt } from "./formulas";

export interface CellView {
  address: string;
  text: string;
  align: "left" | "right" | "center";
  /** CSS colour of the cell's solid fill, if any. */
  fill?: string;
  bold?: boolean;
  /** What the formula bar shows and edits: "=…" for a formula, else the value as typed. */
  input: string;
  isError?: boolean;
  /** Columns a merged range's top-left cell spans (1 when not merged). */
  colSpan?: number;
}

/** Merged ranges by their top-left address (exceljs keeps them in worksheet._merges). */
export function mergeSpans(ws: ExcelJS.Worksheet): Map<string, { rows: number; cols: number }> {
  const out = new Map<string, { rows: number; cols: number }>();
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })._merges;
  if (!merges) return out;
  for (const [address, r] of Object.entries(merges)) {
    if (r) out.set(address, { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
  }
  return out;
}


/** Excel serial (1900 system) → "2023-03-15" (with the time when the format shows one): the one date module's. */
export const serialToText = serialToIso;

function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (/[0#?]/.test(f) && !/[yd]/i.test(f)) return false;
  return /[ydhms]/i.test(f);
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number as Excel's General format shows it in a standard-width column (at most 11 characters). */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-5) return n.toExponential(2).toUpperCase().replace(/E([+-])(\d)$/, "E$10$2");
  const intLen = String(Math.trunc(abs)).length + (n < 0 ? 1 : 0);
  const s = n.toFixed(Math.max(0, 10 - intLen));
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** A number in a number format: percentages, fixed decimals, thousands separators, dates; else General. */
export function formatNumber(n: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? "").split(";")[0].trim();
  if (!fmt || /^general$/i.test(fmt) || fmt === "@") return generalNumber(n);
  if (isDateFormat(fmt)) return serialToText(n, /h/i.test(fmt));
  const decimals = (/\.(0+)/.exec(fmt)?.[1].length ?? 0) as number;
  const percent = fmt.includes("%");
  const v = percent ? n * 100 : n;
  if (!/[0#]/.test(fmt)) return generalNumber(n);
  let s = Math.abs(v).toFixed(decimals);
  if (fmt.includes(",")) {
    const [i, d] = s.split(".");
    s = d === undefined ? group(i) : `${group(i)}.${d}`;
  }
  return (v < 0 && Number(s.replace(/,/g, "")) !== 0 ? "-" : "") + s + (percent ? "%" : "");
}

function argbToCss(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return undefined;
  const rgb = argb.length === 8 ? argb.slice(2) : argb;
  return `#${rgb.toUpperCase()}`;
}

/** Office theme colours (default theme) for fills given by theme index. */
const THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

export function fillColor(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return undefined;
  const c = fill.fgColor as { argb?: string; theme?: number } | undefined;
  if (!c) return undefined;
  if (c.argb) return argbToCss(c.argb);
  if (typeof c.theme === "number" && THEME[c.theme]) return `#${THEME[c.theme]}`;
  return undefined;
}

function valueText(v: ComputedValue, numFmt: string | undefined): { text: string; align: CellView["align"]; isError?: boolean } {
  if (v === null || v === undefined || v === "") return { text: "", align: "left" };
  if (typeof v === "number") return { text: formatNumber(v, numFmt), align: "right" };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", align: "center" };
  if (typeof v === "object") return { text: v.error, align: "center", isError: true };
  return { text: v, align: "left" };
}

/** The stored (cached) value of an exceljs cell as a plain value. */
export function storedValue(cell: ExcelJS.Cell): ComputedValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return jsDateToSerial(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
  if ("formula" in o || "sharedFormula" in o) {
    const r = (cell as unknown as { result?: unknown }).result;
    if (r === undefined || r === null) return null;
    if (r instanceof Date) return jsDateToSerial(r);
    if (typeof r === "object") return typeof (r as { error?: string }).error === "string" ? { error: (r as { error: string }).error } : null;
    return r as ComputedValue;
  }
  if ("text" in o) return String(o.text ?? "");
  return null;
}

/** The formula bar's text for a cell. */
export function inputText(cell: ExcelJS.Cell): string {
  const formula = (cell as unknown as { formula?: string }).formula;
  if (formula) return "=" + formula;
  const v = storedValue(cell);
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (cell.value instanceof Date) return serialToText(v as number, false);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function cellView(ws: ExcelJS.Worksheet, row: number, col: number, calc: Calc | null, merges?: Map<string, { rows: number; cols: number }>): CellView {
  const address = `${columnLetters(col)}${row}`;
  const r = ws.findRow(row);
  const cell = r ? r.getCell(col) : undefined;
  if (!cell) {
    // No stored cell: a spilled array may still show a value.
    const spilled = computedAt(calc, ws.name, row, col);
    return { address, ...valueText(spilled ?? null, undefined), input: "" };
  }
  if (cell.isMerged && cell.master !== cell) return { address, text: "", align: "left", input: "", fill: fillColor(cell.master) };
  const computed = computedAt(calc, ws.name, row, col);
  const value = computed === undefined ? storedValue(cell) : computed;
  const numFmt = cell.numFmt || undefined;
  return {
    address,
    ...valueText(value, numFmt),
    fill: fillColor(cell),
    bold: Boolean(cell.font && cell.font.bold),
    input: inputText(cell),
    colSpan: merges?.get(address)?.cols ?? 1,
  };
}

/**
 * What the user typed in the formula bar (the workbench's cell editor, as in Excel) → the value
 * written through the port: "=…" is meant as a formula and said so explicitly ({ formula }),
 * since the port writes every string as text.
 */
export function parseInput(text: string): WriteValue {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=") && t.length > 1) return formula(t);
  if (/^(true|false)$/i.test(t)) return /^true$/i.test(t);
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return text;
}

/** Column width in px from exceljs's width in characters (Excel's default 8.43 → 64 px). */
export function columnPx(ws: ExcelJS.Worksheet, col: number): number {
  const w = ws.getColumn(col).width;
  const px = w ? Math.round(w * 7 + 5) : 64;
  return Math.max(36, Math.min(420, px));
}

/** Rows and columns the grid shows: the used area plus some room to type. */
export function gridSize(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  const rows = Math.min(1_048_576, Math.max(ws.rowCount, ws.actualRowCount) + 30);
  const cols = Math.min(16_384, Math.max(ws.columnCount, ws.actualColumnCount) + 4, 200);
  return { rows: Math.max(rows, 40), cols: Math.max(cols, 12) };
}
