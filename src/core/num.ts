/**
 * Reading a cell as a number, the one place where text numbers, full-width digits, units
 * and percentages are understood. Used by the custom functions and by every table reader.
 */
import { cellError, CellError, Result } from "./result";
import { CELL_MONEY_SUFFIXES } from "./table/units";

/** A cell value as Office.js `values` gives it (the port uses the same representation). */
export type CellValue = string | number | boolean | null;

/**
 * A formula Jingxin builds itself ("HYPERLINK(…)", "JX.ACRE_TAX(F2,E2)"; a leading "=" is
 * optional), in Excel's English (invariant) formula language. The ONLY value any adapter writes
 * as a formula: every string — a firm name, a typed reason, a sheet name — is written as text,
 * even when it starts with "=", "+", "-" or "@".
 */
export interface Formula {
  formula: string;
}

/** What a feature hands to the port to write: a value, or a formula it built. */
export type OutValue = CellValue | Formula;

export function formula(text: string): Formula {
  return { formula: text.startsWith("=") ? text.slice(1) : text };
}

export function isFormula(v: unknown): v is Formula {
  return typeof v === "object" && v !== null && typeof (v as Formula).formula === "string";
}

export type ParsedNumber =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "invalid"; message: string; /** the number meant, in 万元 where a unit was given */ suggestion?: number; /** the unit typed into the cell (亿元 for “1.1亿”) */ unit?: string };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Full-width ASCII (０-９, ．, ，, －, ％ …) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const EXCEL_ERROR = /^#(N\/A|VALUE!|DIV\/0!|NUM!|REF!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/;

/** Whether a text is an Excel error value (#N/A, #DIV/0! …) as Office.js and the adapters give it. */
export function isExcelErrorText(text: string): boolean {
  return EXCEL_ERROR.test(text.trim());
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

function parsePlain(t: string): number | null {
  const n = PLAIN.test(t) ? Number(t) : GROUPED.test(t) ? Number(t.replace(/,/g, "")) : null;
  // "1e400" is not a number a cell can hold (never return ±Infinity).
  return n !== null && Number.isFinite(n) ? n : null;
}

/** The number of "<text>%" without binary noise: "5.9" → 0.059 (not 0.059000000000000004); text already parsed as x. */
function percent(text: string, x: number): number {
  return /e/i.test(text) ? x / 100 : Number(`${text.replace(/,/g, "")}e-2`);
}

function fmt(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * Numbers beyond sense: no amount, count or rate in a county report comes near 10¹⁵ (the whole
 * national GDP is ~1.3 × 10¹⁰ 万元), and a cell like 1.7e308 would turn sums into Infinity.
 * Beyond this magnitude a value is a cell error, not a number. A parameter of parseNumber.
 */
export const MAX_MAGNITUDE = 1e15;
/**
 * The other end: a non-zero amount below 10⁻¹⁰⁰ is no figure either (binary noise of a computed
 * cell is ~10⁻¹⁷, never this small), and dividing by it (5e-324 as a base) gives Infinity.
 */
export const MIN_MAGNITUDE = 1e-100;

/**
 * Parse one cell value into a number, a blank, or an invalid value with a zh-CN/English message.
 * |x| > `maxMagnitude` (default 10¹⁵) is invalid: a number no report holds.
 */
export function parseNumber(raw: CellValue, maxMagnitude = MAX_MAGNITUDE): ParsedNumber {
  const p = parseAnyNumber(raw);
  if (p.kind === "number" && Math.abs(p.value) > maxMagnitude) {
    const written = typeof raw === "number" ? String(raw) : String(raw).trim();
    const limit = maxMagnitude.toExponential().replace("+", "");
    return {
      kind: "invalid",
      message: `“${written}”超出合理范围（绝对值大于 ${limit}），请检查是否多输了位数 (beyond any amount a report can hold: |x| > ${limit})`,
    };
  }
  if (p.kind === "number" && p.value !== 0 && Math.abs(p.value) < MIN_MAGNITUDE) {
    const written = typeof raw === "number" ? String(raw) : String(raw).trim();
    return {
      kind: "invalid",
      message: `“${written}”过小，不是合理数值（非零且绝对值小于 1e-100），请检查 (too small for any amount: 0 < |x| < 1e-100)`,
    };
  }
  return p;
}

function parseAnyNumber(raw: CellValue): ParsedNumber {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "invalid", message: "不是有限数值 (not a finite number)" };
  }
  if (typeof raw === "boolean") return { kind: "invalid", message: `逻辑值 ${raw ? "TRUE" : "FALSE"} 不是数值 (a logical value is not a number)` };
  // A range or any other object is not one number (String([[1],[234]]) would read as "1,234").
  if (typeof raw !== "string") return { kind: "invalid", message: "应为单个数值，而不是区域 (expected a single value, not a range)" };
  const text = toHalfWidth(String(raw)).trim();
  if (text === "") return { kind: "blank" };
  if (EXCEL_ERROR.test(text)) return { kind: "invalid", message: `单元格是错误值 ${text}，请先修正其公式或数据 (the cell holds the error ${text})` };
  // A space between digits is a thousands separator only where a comma would be ("1 234"); "12 34" is not a number.
  let t = text.replace(/(\d)\s+(?=\d)/g, "$1,").replace(/\s+/g, "").replace(/[，]/g, ",").replace(/。/g, ".").replace(/[−–—]/g, "-");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  const sign = (v: number) => (negative ? -v : v);
  const plain = parsePlain(t);
  if (plain !== null) return { kind: "number", value: sign(plain) };
  if (t.endsWith("%")) {
    const p = parsePlain(t.slice(0, -1));
    if (p !== null) return { kind: "number", value: sign(percent(t.slice(0, -1), p)) };
  }
  // A unit typed into the cell (the unit table's money units, in 万元 for the suggestion).
  for (const { suffix, unit: u } of CELL_MONEY_SUFFIXES) {
    if (!t.endsWith(suffix)) continue;
    const p = parsePlain(t.slice(0, -suffix.length));
    if (p === null) continue;
    const suggestion = Number(((sign(p) * u.num) / u.den).toPrecision(15)); // 1.1亿 → 11000, without binary noise
    const unit = u.name;
    return {
      kind: "invalid",
      message: `单元格含单位“${unit}”，请只填数字（按万元为 ${fmt(suggestion)}）(contains the unit ${unit}; enter the number only, ${fmt(suggestion)} in 万元)`,
      suggestion,
      unit,
    };
  }
  // quoted as written (full-width kept: “１２ａ”), not as normalised for parsing
  return { kind: "invalid", message: `“${String(raw).trim()}”不是数值 (not a number)` };
}

/**
 * A required numeric argument of a custom function: blank → #N/A, text that is not a number
 * → #VALUE!. Numeric text ("1,234.5", "１２３", "5.9%") is read as a number.
 */
export function argNumber(raw: unknown, name: string): Result<number> {
  const v = unwrapSingle(raw);
  const p = parseNumber(v as CellValue);
  if (p.kind === "number") return p.value;
  if (p.kind === "blank") return cellError("#N/A", `缺少参数 ${name} (${name} is blank)`);
  return cellError("#VALUE!", `${name}: ${p.message}`);
}

/** An optional argument: omitted (null/undefined) or blank → undefined. */
export function optionalNumber(raw: unknown, name: string): Result<number> | undefined {
  const v = unwrapSingle(raw);
  if (parseNumber(v as CellValue).kind === "blank") return undefined;
  return argNumber(v, name);
}

/** A 1×1 range passed where a scalar is expected is read as its single value. */
export function unwrapSingle(raw: unknown): unknown {
  if (Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
  return raw;
}

export type { CellError };
