/**
 * The one reader for a table kind: finds the header row (or a two-row header under merged
 * cells) in the first rows of a sheet, maps headers to canonical fields by synonyms, and
 * parses every cell into a typed value or a parse issue with its cell address.
 */
import { CellValue, isExcelErrorText, parseNumber, toHalfWidth } from "../num";
import { convertUnit, normalizeHeader, unitFactor } from "./headers";

export type FieldType = "text" | "number" | "date";

export interface FieldSpec {
  /** English id used in code, e.g. "outputYtd". */
  key: string;
  /** Canonical header as the template writes it, e.g. "1-本月工业总产值". */
  header: string;
  /** Other headers meaning the same column (compared after normalizeHeader). */
  synonyms?: string[];
  required?: boolean;
  type: FieldType;
  /** Canonical unit of a number field (万元, 亩 …): a header unit is converted to it. */
  unit?: string;
}

export interface TableSpec {
  kind: string;
  /** zh-CN name of the table kind, e.g. 月报. */
  title: string;
  fields: FieldSpec[];
}

/** The values of a sheet as the workbook port reads them. */
export interface SheetLike {
  name: string;
  startRow: number;
  startCol: number;
  values: CellValue[][];
}

export interface Column {
  key: string;
  /** 1-based sheet column. */
  col: number;
  header: string;
  unit: string;
  factor: number;
  /** The canonical unit values are converted to. */
  target?: string;
}

export interface ParseIssue {
  row: number;
  col: number;
  address: string;
  key: string;
  header: string;
  value: CellValue;
  message: string;
  suggestion?: number;
}

export type Value = number | string | null;

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  values: Record<string, Value>;
  raw: Record<string, CellValue>;
}

export interface Table {
  spec: TableSpec;
  sheet: string;
  /** 1-based sheet row of the (last) header row. */
  headerRow: number;
  columns: Record<string, Column>;
  /** Required fields without a column. */
  missing: FieldSpec[];
  /** Optional fields without a column (rules reading them are not run). */
  absent: FieldSpec[];
  rows: TableRow[];
  /** 合计/总计 rows, kept apart from the data rows. */
  totalRows: TableRow[];
  issues: ParseIssue[];
  /** Notes about the header (duplicated columns …), zh-CN with English gloss. */
  notes: string[];
  address(row: number, key: string): string;
}

export interface ReadError {
  error: string;
}

const HEADER_SCAN_ROWS = 15;
const TOTAL = /^(合计|总计|小计|全县合计|全部合计|总合计)$/;

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function text(v: CellValue): string {
  return v === null || v === undefined ? "" : toHalfWidth(String(v)).trim();
}

interface Match {
  field: FieldSpec;
  unit: string;
  header: string;
}

function buildMatcher(spec: TableSpec): (raw: string) => Match | null {
  const byName = new Map<string, FieldSpec>();
  for (const f of spec.fields) {
    for (const h of [f.header, ...(f.synonyms ?? [])]) {
      const n = normalizeHeader(h).name;
      if (n && !byName.has(n)) byName.set(n, f);
    }
  }
  return (raw: string) => {
    const h = normalizeHeader(raw);
    const field = byName.get(h.name);
    return field ? { field, unit: h.unit || normalizeHeader(field.header).unit, header: raw } : null;
  };
}

type Candidate = { row: number; matches: Map<number, Match>; score: number };

function candidateFor(values: CellValue[][], r: number, match: (s: string) => Match | null, parentRow: number | null): Candidate {
  const row = values[r] ?? [];
  const parent = parentRow === null ? null : values[parentRow] ?? [];
  const matches = new Map<number, Match>();
  let carried = "";
  const width = Math.max(row.length, parent?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const child = text(row[c]);
    let p = "";
    if (parent) {
      const own = text(parent[c]);
      if (own) carried = own;
      p = own || (child ? carried : "");
    }
    const tries = parent && p ? (child ? [child + p, p + child, child] : [p]) : [child];
    for (const t of tries) {
      if (!t) continue;
      const m = match(t);
      if (m) {
        matches.set(c, m);
        break;
      }
    }
  }
  const distinct = new Set([...matches.values()].map((m) => m.field.key)).size;
  return { row: r, matches, score: distinct };
}

/** Read a sheet as a table of the given kind. */
export function readTable(sheet: SheetLike, spec: TableSpec): Table | ReadError {
  const { values } = sheet;
  const match = buildMatcher(spec);
  let best: Candidate | null = null;
  const scan = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const single = candidateFor(values, r, match, null);
    if (!best || single.score > best.score) best = single;
    if (r > 0) {
      const double = candidateFor(values, r, match, r - 1);
      if (double.score > best.score) best = double;
    }
  }
  if (!best || best.score < 2) {
    return {
      error: `工作表“${sheet.name}”的前 ${HEADER_SCAN_ROWS} 行中找不到${spec.title}表头 (no ${spec.kind} header row found in the first ${HEADER_SCAN_ROWS} rows of sheet ${sheet.name})`,
    };
  }
  const columns: Record<string, Column> = {};
  const notes: string[] = [];
  const startCol = sheet.startCol;
  const headerRow = sheet.startRow + best.row;
  for (const [c, m] of [...best.matches.entries()].sort((a, b) => a[0] - b[0])) {
    const col = startCol + c;
    if (columns[m.field.key]) {
      notes.push(
        `列“${m.header}”(${columnLetters(col)}${headerRow}) 与 ${columnLetters(columns[m.field.key].col)} 列重复，使用第一列 (duplicate column ${m.field.header}; the first one is used)`,
      );
      continue;
    }
    columns[m.field.key] = {
      key: m.field.key,
      col,
      header: m.header,
      unit: m.unit,
      factor: m.field.type === "number" ? unitFactor(m.unit, m.field.unit) : 1,
      target: m.field.unit,
    };
  }
  const missing = spec.fields.filter((f) => f.required && !columns[f.key]);
  const absent = spec.fields.filter((f) => !f.required && !columns[f.key]);
  const address = (row: number, key: string) => `${columnLetters(columns[key]?.col ?? 0)}${row}`;
  const table: Table = { spec, sheet: sheet.name, headerRow, columns, missing, absent, rows: [], totalRows: [], issues: [], notes, address };
  const fields = spec.fields.filter((f) => columns[f.key]);
  const idx = fields.map((f) => columns[f.key].col - startCol);
  const cols = fields.map((f) => columns[f.key]);
  for (let r = best.row + 1; r < values.length; r++) {
    const line = values[r];
    if (!line) continue;
    let blank = true;
    for (const v of line) {
      if (v !== null && v !== undefined && v !== "" && !(typeof v === "string" && v.trim() === "")) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const rowNumber = sheet.startRow + r;
    const isTotal = isTotalRow(line, Math.max(3, (idx[0] ?? 0) + 1));
    const out: TableRow = { row: rowNumber, values: {}, raw: {} };
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const raw = line[idx[i]] ?? null;
      out.raw[f.key] = raw;
      out.values[f.key] = parseField(f, raw, cols[i], rowNumber, table, !isTotal);
    }
    (isTotal ? table.totalRows : table.rows).push(out);
  }
  return table;
}

/** A 合计/总计 row: one of its first cells says so. */
function isTotalRow(line: CellValue[], width: number): boolean {
  for (let c = 0; c < width && c < line.length; c++) {
    const v = line[c];
    // every total label (合计, 总计, 小计 …) has 计: only those cells are normalised
    if (typeof v === "string" && v.length < 20 && v.includes("计") && TOTAL.test(text(v).replace(/\s/g, ""))) return true;
  }
  return false;
}

function parseField(f: FieldSpec, raw: CellValue, column: Column, row: number, table: Table, report: boolean): Value {
  if (f.type === "text") {
    const t = raw === null || raw === undefined ? "" : String(raw).trim();
    if (typeof raw === "string" && isExcelErrorText(t)) {
      if (report) pushIssue(table, f, column, row, raw, `单元格是错误值 ${t}，请先修正其公式或数据 (the cell holds the error ${t})`);
      return null;
    }
    return t === "" ? null : t;
  }
  if (f.type === "date") {
    const d = parseDate(raw);
    if (d.kind === "date") return d.serial;
    if (d.kind === "blank") return null;
    if (report) pushIssue(table, f, column, row, raw, d.message);
    return null;
  }
  if (typeof raw === "number" && Number.isFinite(raw) && column.factor === 1) return raw; // the common case, without allocating
  const p = parseNumber(raw);
  if (p.kind === "number" && column.target && column.target !== "%" && typeof raw === "string" && /[%％]\s*\)?$/.test(raw.trim())) {
    // "5.9%" in a 万元 (or 亩 …) column is not an amount: reading it as 0.059 would lose the error.
    if (report) pushIssue(table, f, column, row, raw, `“${raw.trim()}”是百分数，而本列单位为${column.target}，请填数值 (a percentage in a column of ${column.target}; enter the amount)`);
    return null;
  }
  if (p.kind === "number") {
    const v = column.factor === 1 ? p.value : convertUnit(p.value, column.unit, column.target);
    if (Number.isFinite(v)) return v;
    if (report) pushIssue(table, f, column, row, raw, `数值超出范围 (number out of range)`);
    return null;
  }
  if (p.kind === "blank") return null;
  if (report) pushIssue(table, f, column, row, raw, p.message, p.suggestion);
  return null;
}

function pushIssue(table: Table, f: FieldSpec, column: Column, row: number, value: CellValue, message: string, suggestion?: number) {
  table.issues.push({
    row,
    col: column.col,
    address: `${columnLetters(column.col)}${row}`,
    key: f.key,
    header: column.header,
    value,
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
}

/** Excel serial (1900 system) of a calendar date. */
export function dateToSerial(y: number, m: number, d: number): number {
  const utc = Date.UTC(y, m - 1, d);
  return Math.round(utc / 86400000) + 25569;
}

export type ParsedDate = { kind: "date"; serial: number } | { kind: "blank" } | { kind: "invalid"; message: string };

/** A date cell: an Excel serial, or text like 2023-01-05, 2023/1/5, 2023年1月5日, 20230105. */
export function parseDate(raw: CellValue): ParsedDate {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number") {
    return Number.isFinite(raw) && raw >= 1 ? { kind: "date", serial: Math.floor(raw) } : { kind: "invalid", message: `${raw} 不是有效日期 (not a valid date)` };
  }
  const s = toHalfWidth(String(raw)).trim();
  if (s === "") return { kind: "blank" };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) || /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return { kind: "date", serial: dateToSerial(y, mo, d) };
  }
  return { kind: "invalid", message: `“${s}”不是有效日期，请写作 2023-01-05 (not a valid date; write it as 2023-01-05)` };
}

export function isReadError(x: Table | ReadError): x is ReadError {
  return "error" in x && !("spec" in x);
}
