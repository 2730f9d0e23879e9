/**
 * Rules shared by the WorkbookPort adapters (exceljs, Office.js, WPS), so a workbook written
 * by the CLI, in Excel or in WPS gets the same table names, lists and colours.
 * Pure: no exceljs, no Office.js, no WPS.
 */
import { CellValue, parseAddress, cellAddress } from "./port";

/** Rows padded to one width (the longest row), null/undefined → "". */
export function rectangular<T extends CellValue | object>(rows: T[][]): { values: Exclude<T, null>[][]; width: number } {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const values = rows.map((r) => {
    const out = new Array<Exclude<T, null>>(width);
    for (let c = 0; c < width; c++) {
      const v = r[c];
      out[c] = (v === null || v === undefined ? "" : v) as Exclude<T, null>;
    }
    return out;
  });
  return { values, width };
}

/** Excel's rules for a table name: a letter, "_" or "\" first, then letters, digits, "_" and "."; not a cell reference. */
export function sanitizeTableName(name: string): string {
  let s = name.trim().replace(/[^\p{L}\p{N}_.\\]/gu, "_");
  if (s === "") s = "Table";
  if (!/^[\p{L}_\\]/u.test(s)) s = "_" + s;
  // Names that look like cell references (A1, R1C1, XFD100) or are R/C alone are refused by Excel.
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[Rr]\d*[Cc]?\d*$/.test(s) || /^[Cc]\d*$/.test(s)) s = "_" + s;
  return s.slice(0, 255);
}

/** A valid table name not in `taken` (compared case-insensitively, as Excel does). */
export function uniqueTableName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = sanitizeTableName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table column names: strings, non-empty, unique (Excel repairs a file whose table headers repeat). */
export function tableHeaders(header: (CellValue | object)[], width: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const raw = header[c];
    let h = raw === null || raw === undefined || typeof raw === "object" ? "" : String(raw).replace(/[\r\n]+/g, " ").trim();
    if (h === "") h = `列${c + 1}`;
    let candidate = h;
    for (let i = 2; seen.has(candidate.toLowerCase()); i++) candidate = `${h}${i}`;
    seen.add(candidate.toLowerCase());
    out.push(candidate);
  }
  return out;
}

/**
 * The source of a list validation written inline ("a,b,c"), or null when Excel cannot take it
 * inline (an item with a comma or quote, or more than 255 characters in all): then the list
 * goes into cells of a hidden sheet and the validation refers to them.
 */
export function inlineListSource(items: string[]): string | null {
  if (items.some((i) => /[,"]/.test(i))) return null;
  const joined = items.join(",");
  return joined.length <= 255 ? joined : null;
}

/** Hidden sheet that holds long validation lists. */
export const LIST_SHEET = "jx_lists";

const NAMED: Record<string, string> = {
  yellow: "FFFF00",
  red: "FF0000",
  green: "00FF00",
  blue: "0000FF",
  orange: "FFA500",
  white: "FFFFFF",
  black: "000000",
};

/** "#FFC7CE", "FFC7CE", "#FC7" or a basic colour name → "#FFC7CE". Throws on anything else. */
export function normalizeColor(color: string): string {
  const c = color.trim();
  const named = NAMED[c.toLowerCase()];
  if (named) return `#${named}`;
  let m = /^#?([0-9a-f]{6})$/i.exec(c);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#?([0-9a-f]{8})$/i.exec(c);
  if (m) return `#${m[1].slice(2).toUpperCase()}`;
  m = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  throw new Error(`颜色“${color}”无效，请用 #RRGGBB (invalid colour ${color}; use #RRGGBB)`);
}

/** Cell addresses, with ranges ("B2:C3") expanded to their cells, "$" removed, upper-cased, unique. */
export function expandAddresses(addresses: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (a: string) => {
    if (!seen.has(a)) {
      seen.add(a);
      out.push(a);
    }
  };
  for (const a of addresses) {
    const parts = a.split(":");
    if (parts.length === 2) {
      const p = parseAddress(parts[0]);
      const q = parseAddress(parts[1]);
      for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
        for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) push(cellAddress(r, c));
    } else {
      const p = parseAddress(a);
      push(cellAddress(p.row, p.col));
    }
  }
  return out;
}

/** A1 reference of a rectangle given its 1-based top-left and size. */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const tl = cellAddress(row, col);
  return rows === 1 && cols === 1 ? tl : `${tl}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** Message for a sheet that does not exist. */
export function noSheet(name: string): string {
  return `工作表“${name}”不存在 (sheet ${name} does not exist)`;
}

/**
 * Excel and WPS parse a string written as a cell's value like typed input: "00123" becomes 123,
 * a 18-digit credit code loses digits, "1月5日" becomes a date, "#N/A" an error, "=…" a
 * formula. A leading apostrophe keeps such a string as text (it is not part of the value).
 */
export function protectText(s: string): string {
  return /\d/.test(s) || /^[=+\-@#'\s]/.test(s) || /^(true|false)$/i.test(s) ? `'${s}` : s;
}

/** "#RRGGBB" (any form normalizeColor takes) → the BGR number of Excel VBA / WPS `Interior.Color`. */
export function toBgr(color: string): number {
  const hex = normalizeColor(color).slice(1);
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return (b << 16) | (g << 8) | r;
}

/** A BGR colour number → "#RRGGBB". */
export function fromBgr(n: number): string {
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return "#" + [r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
}
