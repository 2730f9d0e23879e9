/**
 * The one reader for a table kind: finds the header row (or a two-row header under merged
 * cells) in the first rows of a sheet, maps headers to canonical fields by synonyms, reads
 * units (units.ts: a required column in an unknown unit → ReadError, an optional one skipped
 * with a note), ends the table at a signature footer or a 注：/说明：/填表说明 line (one note),
 * and parses every cell into a typed value or a parse issue with its cell address.
 * Rule by rule: docs/reading.md.
 */
import { CellValue, isExcelErrorText, MAX_MAGNITUDE, MIN_MAGNITUDE, parseNumber, toHalfWidth } from "../num";
import { normalizeHeader } from "./headers";
import { canonicalUnit, convertible, convertUnit, formatAmount, isMoneyUnit, looksLikeUnit, unitFactor, unitsLike } from "./units";
import { parseDate } from "./dates";

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
  /**
   * Negative values are possible by nature (实缴税金 after VAT refunds): validation gives a 提示,
   * not an 错误, and the evaluation reads the value as it is (its own rule decides the score).
   */
  negativeAllowed?: boolean;
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
  /** Notes about the header (duplicated columns, skipped columns, the table's end …), zh-CN with English gloss. */
  notes: string[];
  /** 1-based sheet row of the footer line that ends the table (签名, 注：…), or null. */
  endRow: number | null;
  address(row: number, key: string): string;
}

export interface ReadError {
  error: string;
}

export const HEADER_SCAN_ROWS = 15;
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
  /** A unit-like bracket the unit table does not know (万美元 …), "" when none. */
  unknownUnit: string;
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
    return field ? { field, unit: h.unit || (h.unknownUnit ? "" : normalizeHeader(field.header).unit), unknownUnit: h.unknownUnit, header: raw } : null;
  };
}

/** A header row found: its 0-based index in the values, the matched columns, the distinct fields recognised. */
export type Candidate = { row: number; matches: Map<number, Match>; score: number };

/** A header cell as written, for messages: full-width brackets kept (“产值（千元）”), line breaks and outer spaces dropped. */
function asWritten(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v).replace(/[\r\n]+/g, "").trim();
}

function candidateFor(values: CellValue[][], r: number, match: (s: string) => Match | null, parentRow: number | null): Candidate {
  const row = values[r] ?? [];
  const parent = parentRow === null ? null : values[parentRow] ?? [];
  const matches = new Map<number, Match>();
  let carried = "";
  const width = Math.max(row.length, parent?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const child = asWritten(row[c]);
    let p = "";
    if (parent) {
      const own = asWritten(parent[c]);
      if (own) carried = own;
      p = own || (child ? carried : "");
    }
    // normalizeHeader (in match) makes full-width and half-width one; the match keeps the text as written
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

const matchers = new WeakMap<TableSpec, (raw: string) => Match | null>();

/**
 * The header row of a table kind in the first rows of a sheet (a two-row header under merged
 * cells too), or null when fewer than two of its columns are recognised. The sheet chooser
 * scores sheets with it; readTable reads from it.
 */
export function findHeader(values: CellValue[][], spec: TableSpec): Candidate | null {
  let match = matchers.get(spec);
  if (!match) matchers.set(spec, (match = buildMatcher(spec)));
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
  return best && best.score >= 2 ? best : null;
}

/** The required fields of a kind the header does not have (for the sheet chooser's ranking). */
export function missingRequired(spec: TableSpec, found: Candidate): FieldSpec[] {
  const keys = new Set([...found.matches.values()].map((m) => m.field.key));
  return spec.fields.filter((f) => f.required && !keys.has(f.key));
}

/** A table-wide unit written above the header: “单位：千元”, “金额单位：万元”, “计量单位:亿元”. */
function unitAboveHeader(values: CellValue[][], headerRow: number): { unit: string; unknown: string; text: string } | null {
  for (let r = 0; r < headerRow && r < values.length; r++) {
    for (const v of values[r] ?? []) {
      if (typeof v !== "string" || !v.includes("单位")) continue;
      const m = /(?:^|[\s，,；;])(?:金额|计量)?单位[:：]\s*([^\s，,；;]+)/.exec(toHalfWidth(v).trim());
      if (!m) continue;
      const known = canonicalUnit(m[1]);
      if (known) return { unit: known, unknown: "", text: v.trim() };
      if (looksLikeUnit(m[1])) return { unit: "", unknown: m[1], text: v.trim() };
    }
  }
  return null;
}

/** Read a sheet as a table of the given kind. */
export function readTable(sheet: SheetLike, spec: TableSpec): Table | ReadError {
  const { values } = sheet;
  const best = findHeader(values, spec);
  if (!best) {
    return {
      error: `工作表“${sheet.name}”的前 ${HEADER_SCAN_ROWS} 行中找不到${spec.title}表头 (no ${spec.kind} header row found in the first ${HEADER_SCAN_ROWS} rows of sheet ${sheet.name})`,
    };
  }
  const columns: Record<string, Column> = {};
  const notes: string[] = [];
  const startCol = sheet.startCol;
  const headerRow = sheet.startRow + best.row;
  const tableUnit = unitAboveHeader(values, best.row);
  const under = rowsUnderHeader(values, best.row, sheet.startRow);
  const unusable: string[] = [];
  for (const [c, m] of [...best.matches.entries()].sort((a, b) => a[0] - b[0])) {
    const col = startCol + c;
    const where = `${columnLetters(col)}${headerRow}`;
    if (columns[m.field.key]) {
      notes.push(
        `列“${m.header}”(${where}) 与 ${columnLetters(columns[m.field.key].col)} 列重复，使用第一列 (duplicate column ${m.field.header}; the first one is used)`,
      );
      continue;
    }
    let unit = m.unit;
    let unknown = m.unknownUnit;
    // a unit row under the header (计量单位 | | 千元 | 千元): the column's unit when its header has none
    const below = under.units?.[c];
    if (m.field.type === "number" && !unit && !unknown && below) {
      unit = canonicalUnit(below);
      unknown = unit ? "" : below;
    }
    // A money column without a unit of its own takes the table's “单位：千元”.
    if (m.field.type === "number" && !unit && !unknown && tableUnit && m.field.unit === "万元" && !normalizeHeader(m.field.header).unit) {
      unit = tableUnit.unit;
      unknown = tableUnit.unknown;
    }
    if (m.field.type === "number" && (unknown || (unit && !convertible(unit, m.field.unit)))) {
      const u = unknown || unit;
      const why = unknown
        ? `单位“${u}”无法识别（可用单位：${unitsLike(m.field.unit).join("、")}）(unknown unit ${u})`
        : `单位“${u}”不是本列应有的${m.field.unit}类单位 (unit ${u} does not fit a column in ${m.field.unit})`;
      if (m.field.required) {
        unusable.push(`列“${m.header}”(${where}) 的${why}`);
      } else {
        notes.push(`列“${m.header}”(${where}) 的${why}，该列未读取 (column skipped)`);
      }
      continue;
    }
    columns[m.field.key] = {
      key: m.field.key,
      col,
      header: m.header,
      unit,
      factor: m.field.type === "number" ? unitFactor(unit, m.field.unit) : 1,
      target: m.field.unit,
    };
  }
  if (unusable.length) {
    return {
      error: `工作表“${sheet.name}”不能读取：${unusable.join("；")}。请把单位改为可识别的单位并换算数值 (sheet ${sheet.name} cannot be read: a required column is in a unit the reader does not know; convert it to a known unit)`,
    };
  }
  const missing = spec.fields.filter((f) => f.required && !columns[f.key]);
  const absent = spec.fields.filter((f) => !f.required && !columns[f.key]);
  const address = (row: number, key: string) => `${columnLetters(columns[key]?.col ?? 0)}${row}`;
  const table: Table = { spec, sheet: sheet.name, headerRow, columns, missing, absent, rows: [], totalRows: [], issues: [], notes, endRow: null, address };
  const fields = spec.fields.filter((f) => columns[f.key]);
  const idx = fields.map((f) => columns[f.key].col - startCol);
  const cols = fields.map((f) => columns[f.key]);
  // A footer's first cell stands left of (or in) the name column: a 说明 cell further right is data.
  const footerWidth = Math.max(3, (columns.name?.col ?? 0) - startCol + 1);
  const monthPrecision = new Map<string, { count: number; first: string; raw: CellValue }>();
  notes.push(...under.notes);
  for (let r = best.row + 1 + under.skip; r < values.length; r++) {
    const line = values[r];
    if (!line) continue;
    let first = -1;
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (v !== null && v !== undefined && v !== "" && !(typeof v === "string" && v.trim() === "")) {
        first = c;
        break;
      }
    }
    if (first < 0) continue;
    const rowNumber = sheet.startRow + r;
    // a signature line may start further right when its left cells are blank (单位负责人 under 序号 | 企业名称 …)
    const nameBlank = columns.name !== undefined && asWritten(line[columns.name.col - startCol]) === "";
    if ((first < footerWidth && isFooter(line[first])) || (nameBlank && isSignature(line[first]))) {
      table.endRow = rowNumber;
      const shown = String(line[first]).trim();
      const rest = values.slice(r + 1).filter((l) => l && l.some((v) => v !== null && v !== undefined && String(v).trim() !== "")).length;
      notes.push(
        `第 ${rowNumber} 行“${shown.length > 24 ? shown.slice(0, 24) + "…" : shown}”是表尾（签名或注释），表格到此结束${rest ? `，其下 ${rest} 行未读取` : ""} (row ${rowNumber} is the table's footer; the table ends there)`,
      );
      break;
    }
    const isTotal = isTotalRow(line, Math.max(3, (idx[0] ?? 0) + 1));
    const out: TableRow = { row: rowNumber, values: {}, raw: {} };
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const raw = line[idx[i]] ?? null;
      out.raw[f.key] = raw;
      out.values[f.key] = parseField(f, raw, cols[i], rowNumber, table, !isTotal, monthPrecision);
    }
    (isTotal ? table.totalRows : table.rows).push(out);
  }
  for (const [key, m] of monthPrecision) {
    const c = columns[key];
    notes.push(
      `“${c.header}”列有 ${m.count} 个日期只写到月（如 ${m.first}“${String(m.raw).trim()}”），按当月 1 日读取 (${m.count} date(s) in ${c.header} give only the month; read as the 1st of that month)`,
    );
  }
  return table;
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const UNIT_LABEL = /^(?:计量单位|单位|栏次|列次|代码|-|—|－|\/)$/;

/**
 * Rows right under the header that belong to it, not to the firms (at most two): a unit row
 * (`计量单位 | — | 千元 | 千元`, every filled cell a unit or a label) and a 栏次 row (`甲 | 乙 | 1 | 2 | 3`:
 * 甲乙丙丁… then the column numbers counting up). Their units, by 0-based column, and a note each.
 */
function rowsUnderHeader(values: CellValue[][], headerRow: number, startRow: number): { skip: number; units: (string | null)[] | null; notes: string[] } {
  const out = { skip: 0, units: null as (string | null)[] | null, notes: [] as string[] };
  for (let k = 0; k < 2; k++) {
    const line = values[headerRow + 1 + out.skip] ?? [];
    const filled = line.map((v, c) => ({ v, c })).filter((x) => !isBlank(x.v));
    if (filled.length < 2) return out;
    const rowNumber = startRow + headerRow + 1 + out.skip;
    const texts = filled.map((x) => (typeof x.v === "string" ? toHalfWidth(x.v).replace(/\s+/g, "") : null));
    const units = filled.filter((_, i) => texts[i] !== null && !UNIT_LABEL.test(texts[i]!) && looksLikeUnit(texts[i]!));
    if (!out.units && units.length > 0 && texts.every((t) => t !== null && (UNIT_LABEL.test(t) || looksLikeUnit(t)))) {
      out.units = [];
      for (const u of units) out.units[u.c] = toHalfWidth(String(u.v)).replace(/\s+/g, "").replace(/^单位[:：]?/, "");
      out.notes.push(`第 ${rowNumber} 行是计量单位行，各列按其单位读取 (row ${rowNumber} gives the columns' units)`);
      out.skip++;
      continue;
    }
    const nums = filled.filter((x) => typeof x.v === "number" || /^\d+$/.test(String(x.v).trim())).map((x) => Number(x.v));
    const letters = texts.filter((t) => t !== null && /^(?:[甲乙丙丁戊己庚辛壬癸]|栏次|列次|代码)$/.test(t)).length;
    const counting = nums.length >= 2 && nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1] + 1));
    if (letters > 0 && counting && letters + nums.length === filled.length) {
      out.notes.push(`第 ${rowNumber} 行是栏次行（${filled.slice(0, 3).map((x) => String(x.v).trim()).join("、")}…），不是企业 (row ${rowNumber} numbers the columns; not a firm)`);
      out.skip++;
      continue;
    }
    return out;
  }
  return out;
}

/**
 * Lines under a table that are not data. Signatures: 单位负责人：…, 统计负责人（签字）：…, 填表人 王五,
 * 报出日期：…, 审核：… . Notes: 注：, 注1：, 附注：, 说明：, 备注：, 填表说明, 填报说明.
 */
const SIGNATURE =
  /^(?:(?:(?:单位|统计|部门)?负责人|法定代表人|填表人|填报人|制表人|审核人|复核人|经办人|联系人|联系电话|报出日期|填报日期|填表日期|制表日期)\s*(?:[(（][^)）]{0,8}[)）])?\s*(?:[:：]|$|\s)|(?:审核|制表|填表|填报)\s*[:：])/;
const NOTE = /^(?:注|附注|注释|说明|备注)\s*\d*\s*[:：、.]|^(?:填表|填报)说明|^注\s*$/;

/** Whether a cell (the first filled one of its row) starts a table's footer: a signature or a note. */
export function isFooter(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const s = toHalfWidth(v).trim();
  return SIGNATURE.test(s) || NOTE.test(s);
}

function isSignature(v: CellValue): boolean {
  return typeof v === "string" && SIGNATURE.test(toHalfWidth(v).trim());
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

function parseField(
  f: FieldSpec,
  raw: CellValue,
  column: Column,
  row: number,
  table: Table,
  report: boolean,
  monthPrecision: Map<string, { count: number; first: string; raw: CellValue }>,
): Value {
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
    if (d.kind === "date") {
      if (d.precision === "month" && report) {
        const m = monthPrecision.get(f.key);
        if (m) m.count++;
        else monthPrecision.set(f.key, { count: 1, first: `${columnLetters(column.col)}${row}`, raw });
      }
      return d.serial;
    }
    if (d.kind === "blank") return null;
    if (report) pushIssue(table, f, column, row, raw, d.message);
    return null;
  }
  if (typeof raw === "number" && column.factor === 1 && (raw === 0 || (Math.abs(raw) <= MAX_MAGNITUDE && Math.abs(raw) >= MIN_MAGNITUDE))) return raw; // the common case, without allocating
  const p = parseNumber(raw);
  if (p.kind === "number" && column.target && column.target !== "%" && typeof raw === "string" && /[%％]\s*\)?$/.test(raw.trim())) {
    // "5.9%" in a 万元 (or 亩 …) column is not an amount: reading it as 0.059 would lose the error.
    // the column's unit as its header says (千元), not the one values are converted to
    const unit = column.unit || column.target;
    if (report) pushIssue(table, f, column, row, raw, `“${raw.trim()}”是百分数，而本列单位为${unit}，请填数值 (a percentage in a column of ${unit}; enter the amount)`);
    return null;
  }
  if (p.kind === "number") {
    const v = column.factor === 1 ? p.value : convertUnit(p.value, column.unit, column.target);
    if (Math.abs(v) <= MAX_MAGNITUDE) return v;
    if (report) pushIssue(table, f, column, row, raw, parseNumber(v).kind === "invalid" ? (parseNumber(v) as { message: string }).message : `数值超出范围 (number out of range)`);
    return null;
  }
  if (p.kind === "blank") return null;
  if (report) {
    const [message, suggestion]: [string, number | undefined] = p.unit !== undefined && p.suggestion !== undefined ? unitInCell(p.unit, p.suggestion, column, p.message) : [p.message, p.suggestion];
    pushIssue(table, f, column, row, raw, message, suggestion);
  }
  return null;
}

/**
 * A money unit typed into a cell (“1.1亿”), said in the column's own unit: in a 万元 column (or
 * one without a unit, such as the 目标 sheet's) parseNumber's message (enter 11000, in 万元); in
 * a 百万元 column the number to enter is 110 (11000 万元); in a column of 亩, 吨标煤 or 人 no
 * 万元 figure is proposed.
 */
function unitInCell(unit: string, wan: number, column: Column, plain: string): [string, number | undefined] {
  const own = column.unit || column.target || "";
  if (own === "" || own === "万元") return [plain, wan];
  if (isMoneyUnit(own)) {
    const inCol = formatAmount(convertUnit(wan, "万元", own));
    return [
      `单元格含单位“${unit}”，请只填数字：本列单位为${own}，应填 ${inCol}（即 ${formatAmount(wan)} 万元）(contains the unit ${unit}; enter the number only: ${inCol} in this column's ${own}, i.e. ${formatAmount(wan)} 万元)`,
      wan,
    ];
  }
  return [`单元格含单位“${unit}”，本列单位为${own}，请只填数字 (contains the unit ${unit}; this column is in ${own}; enter the number only)`, undefined];
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

export function isReadError(x: Table | ReadError): x is ReadError {
  return "error" in x && !("spec" in x);
}
