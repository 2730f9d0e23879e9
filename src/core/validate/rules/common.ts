/**
 * Rules shared by every table kind, as factories over an id prefix (M, A, P): required cells,
 * the unified social credit code, duplicates, unparseable numbers, negatives, the 合计 row,
 * and the stated-rate check (RATE).
 */
import { normalizeCode, usccProblem, UsccProblem, USCC_CHARSET } from "../../ids";
import { CellValue, parseNumber, toHalfWidth } from "../../num";
import { statedRateMatches } from "../../appeals";
import { isError } from "../../result";
import { denoise, roundHalfUp, truncateTo } from "../../round";
import { normalizeHeader } from "../../table";
import type { SheetLike, TableRow } from "../../table";
import type { Emit, Rule } from "../engine";

function blank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A number for messages: at most 6 significant decimals, no binary noise. */
export function fmt(n: number): string {
  return String(Number(n.toPrecision(10)));
}

export function pct(x: number, decimals = 1): string {
  return `${roundHalfUp(x * 100, decimals).toFixed(decimals)}%`;
}

/** A rate as a percent truncated at `decimals` places. */
function truncPct(x: number, decimals: number): string {
  return `${truncateTo(denoise(x * 100), decimals).toFixed(decimals)}%`;
}

/**
 * Required cells: blank cells of the given fields (present columns only); "enter 0" only for a
 * number. `noFigures`: rows whose number cells may stay blank (a 月报 row saying 退规).
 */
export function requiredRule(prefix: string, keys: string[], noFigures?: (row: TableRow) => boolean): Rule<{ header: string; numeric: boolean }> {
  return {
    id: `${prefix}-REQ`,
    severity: "error",
    title: "必填项为空",
    gloss: "required cell is blank",
    reads: [],
    message: (p) =>
      p.numeric
        ? `“${p.header}”不能为空（无数据填 0）(required: ${p.header} is blank; enter 0 when there is none)`
        : `“${p.header}”不能为空 (required: ${p.header} is blank)`,
    check(ctx, emit) {
      const present = keys.filter((k) => ctx.table.columns[k]);
      const numeric = new Set(ctx.table.spec.fields.filter((f) => f.type === "number").map((f) => f.key));
      for (const row of ctx.table.rows) {
        const figures = !noFigures?.(row);
        for (const k of present) if (blank(row.raw[k]) && (figures || !numeric.has(k))) emit({ row: row.row, key: k }, { header: ctx.header(k), numeric: numeric.has(k) });
      }
    },
  };
}

const CODE_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) CODE_VALUE[USCC_CHARSET.charCodeAt(i)] = i;
const CODE_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Fast path: an 18-character code of valid characters with the right check character. */
function usccFastValid(v: CellValue): boolean {
  if (typeof v !== "string" || v.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v.charCodeAt(i);
    const x = c < 128 ? CODE_VALUE[c] : -1;
    if (x < 0) return false;
    sum += x * CODE_WEIGHTS[i];
  }
  const last = v.charCodeAt(17);
  return last < 128 && CODE_VALUE[last] === (31 - (sum % 31)) % 31;
}

/** The credit-code problems of a table by row, computed once for both USCC rules. */
const usccCache = new WeakMap<object, Map<number, UsccProblem>>();
function usccProblems(rows: TableRow[]): Map<number, UsccProblem> {
  let m = usccCache.get(rows);
  if (!m) {
    m = new Map();
    for (const row of rows) {
      const raw = row.raw.uscc;
      // An unreadable cell (an Excel error value) is reported once, by the parse rule.
      if (blank(raw) || usccFastValid(raw) || (row.values.uscc === null && typeof raw === "string")) continue;
      if (typeof raw === "number") {
        m.set(row.row, {
          kind: "chars",
          message: `统一社会信用代码被存为数值（${raw}），超过 15 位的数字已丢失精度；请将该列设为文本后重新录入 (the code is stored as a number and has lost digits; format the column as text and re-enter it)`,
        });
        continue;
      }
      const p = usccProblem(raw);
      if (p) m.set(row.row, p);
    }
    usccCache.set(rows, m);
  }
  return m;
}

/** Wrong length or characters of the 统一社会信用代码: an error. */
export function usccFormatRule(prefix: string): Rule<{ message: string }> {
  return {
    id: `${prefix}-USCC-FMT`,
    severity: "error",
    title: "统一社会信用代码位数或字符错误",
    gloss: "credit code has a wrong length or characters",
    reads: ["uscc"],
    message: (p) => p.message,
    check(ctx, emit) {
      for (const [row, p] of usccProblems(ctx.table.rows)) if (p.kind !== "check") emit({ row, key: "uscc" }, { message: p.message });
    },
  };
}

/** A wrong check character: a warning to verify and explain, never corrected. */
export function usccCheckRule(prefix: string): Rule<{ message: string }> {
  return {
    id: `${prefix}-USCC-CHK`,
    severity: "warning",
    title: "统一社会信用代码校验位不符",
    gloss: "credit code check character does not match",
    reads: ["uscc"],
    message: (p) => p.message,
    check(ctx, emit) {
      for (const [row, p] of usccProblems(ctx.table.rows)) if (p.kind === "check") emit({ row, key: "uscc" }, { message: p.message });
    },
  };
}

const NEEDS_NORMALIZING = /[\s\uFF01-\uFF5E\u3000a-z]/;

/** A credit code for comparison: upper case, half-width, trimmed. */
function codeKey(v: CellValue): string {
  return typeof v === "string" && !NEEDS_NORMALIZING.test(v) ? v : normalizeCode(v);
}

/** Firm names compared without spaces, with half-width brackets. */
export function normalizeName(v: CellValue): string {
  if (typeof v === "string" && !/[\s\uFF01-\uFF5E\u3000]/.test(v)) return v;
  return toHalfWidth(String(v ?? ""))
    .replace(/\s+/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

/** The same credit code or the same firm name on two rows: every later row is an error. */
export function duplicateRule(prefix: string): Rule<{ what: "code" | "name"; first: number; header: string }> {
  return {
    id: `${prefix}-DUP`,
    severity: "error",
    title: "企业重复",
    gloss: "duplicate firm",
    reads: ["name"],
    message: (p) =>
      p.what === "code"
        ? `统一社会信用代码与第 ${p.first} 行重复 (same credit code as row ${p.first})`
        : `企业名称与第 ${p.first} 行重复 (same firm name as row ${p.first})`,
    check(ctx, emit) {
      const codes = new Map<string, number>();
      const names = new Map<string, number>();
      const hasCode = !!ctx.table.columns.uscc;
      for (const row of ctx.table.rows) {
        if (hasCode && !blank(row.raw.uscc)) {
          const c = codeKey(row.raw.uscc);
          const first = codes.get(c);
          if (first !== undefined) {
            emit({ row: row.row, key: "uscc" }, { what: "code", first, header: ctx.header("uscc") });
            if (!blank(row.raw.name) && !names.has(normalizeName(row.raw.name))) names.set(normalizeName(row.raw.name), row.row);
            continue;
          }
          codes.set(c, row.row);
        }
        if (blank(row.raw.name)) continue;
        const n = normalizeName(row.raw.name);
        const first = names.get(n);
        if (first !== undefined) emit({ row: row.row, key: "name" }, { what: "name", first, header: ctx.header("name") });
        else names.set(n, row.row);
      }
    },
  };
}

/**
 * Cells that do not parse as numbers (or dates): each parse problem of the table reader,
 * reported once with its message (a unit in the cell proposes the number).
 * Text numbers ("1,234.5") and full-width digits are read as numbers and not reported.
 */
export function parseRule(prefix: string): Rule<{ message: string; header: string }> {
  return {
    id: `${prefix}-NUM`,
    severity: "error",
    title: "数值无法识别",
    gloss: "value is not a number",
    reads: [],
    message: (p) => `“${p.header}”：${p.message}`,
    check(ctx, emit) {
      for (const i of ctx.table.issues) emit({ row: i.row, key: i.key }, { message: i.message, header: i.header });
    },
  };
}

/** Negative amounts or counts. */
export function negativeRule(prefix: string, keys: readonly string[]): Rule<{ header: string; value: number; key: string }> {
  return {
    id: `${prefix}-NEG`,
    severity: "error",
    title: "数值为负",
    gloss: "negative value",
    reads: [],
    message: (p, ctx) => `“${p.header}”不能为负数（${ctx.shown(p.key, p.value)}）(${p.header} must not be negative: ${ctx.shown(p.key, p.value)})`,
    check(ctx, emit) {
      const present = keys.filter((k) => ctx.table.columns[k]);
      for (const row of ctx.table.rows) {
        for (const k of present) {
          const v = row.values[k];
          if (typeof v === "number" && v < 0) emit({ row: row.row, key: k }, { header: ctx.header(k), value: v, key: k });
        }
      }
    },
  };
}

/** Decimals a number is written to (0–6). */
export function decimalsOf(v: number): number {
  for (let d = 0; d < 6; d++) {
    const s = v * 10 ** d;
    if (Math.abs(s - Math.round(s)) < 1e-9 * Math.max(1, Math.abs(s))) return d;
  }
  return 6;
}

function isSubtotal(row: TableRow): boolean {
  return Object.values(row.raw).some((v) => typeof v === "string" && /小计/.test(v));
}

/**
 * The 合计 row equals the sum of the data rows, to the rounding it is written with. Checked
 * when there is exactly one 合计/总计 row (小计 rows mean groups: not checked).
 */
export function totalRule(prefix: string, keys: string[]): Rule<{ header: string; total: number; sum: number; textSum: number; key: string }> {
  return {
    id: `${prefix}-TOTAL`,
    severity: "error",
    title: "合计不等于各行之和",
    gloss: "total row differs from the sum of rows",
    reads: [],
    message: (p, ctx) =>
      `合计“${p.header}”为 ${ctx.shown(p.key, p.total)}，各行之和为 ${ctx.shown(p.key, p.sum)}，相差 ${ctx.shown(p.key, denoise(p.total - p.sum))}` +
      (p.textSum !== 0 && Math.abs(p.total - (p.sum - p.textSum)) < 1e-6 * Math.max(1, Math.abs(p.sum))
        ? `；以文本存储的数值（共 ${ctx.shown(p.key, p.textSum)}）未计入合计公式`
        : "") +
      ` (the total of ${p.header} is ${ctx.shown(p.key, p.total)}, the rows sum to ${ctx.shown(p.key, p.sum)}` +
      (p.textSum !== 0 && Math.abs(p.total - (p.sum - p.textSum)) < 1e-6 * Math.max(1, Math.abs(p.sum)) ? "; numbers stored as text were left out of the SUM" : "") +
      ")",
    check(ctx, emit) {
      const totals = ctx.table.totalRows.filter((r) => !isSubtotal(r));
      if (totals.length !== 1 || ctx.table.totalRows.length !== 1) return;
      const total = totals[0];
      const present = keys.filter((k) => ctx.table.columns[k]);
      for (const k of present) {
        const t = total.values[k];
        if (typeof t !== "number") continue;
        let sum = 0;
        let textSum = 0;
        for (const row of ctx.table.rows) {
          const v = row.values[k];
          if (typeof v === "number") {
            sum += v;
            if (typeof row.raw[k] === "string") textSum += v;
          }
        }
        if (roundHalfUp(sum, decimalsOf(t)) !== denoise(t)) emit({ row: total.row, key: k }, { header: ctx.header(k), total: t, sum: denoise(sum), textSum: denoise(textSum), key: k });
      }
    },
  };
}

const RATE_HEADER = /率|占比|比重|比例/;
/** Growth rates compare with a comparable base (可比口径) and may differ legitimately: not checked. */
const GROWTH_HEADER = /增长|增速|增幅|同比|环比|增减/;

interface RateParams {
  header: string;
  stated: number;
  decimals: number;
  expected: number;
  formula: string;
}

function textOf(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** A stated rate as a decimal, and the decimals of a percent it claims; null if not a number. */
export function statedRate(raw: CellValue, headerIsPercent: boolean): { rate: number; decimals: number } | null {
  const p = parseNumber(raw);
  if (p.kind !== "number") return null;
  if (typeof raw === "string") {
    const t = toHalfWidth(raw).trim();
    if (t.endsWith("%")) {
      const m = /\.(\d+)%$/.exec(t);
      return { rate: p.value, decimals: m ? m[1].length : 0 };
    }
  }
  if (headerIsPercent) return { rate: p.value / 100, decimals: Math.min(10, decimalsOf(p.value)) };
  return { rate: p.value, decimals: Math.max(0, Math.min(10, decimalsOf(denoise(p.value * 100)))) };
}

/**
 * Whether a stated rate is n / d written at its precision: rounded (1460/1466 = 99.59% → 99.6%)
 * or truncated (→ 99.5%, the seed's convention, never overstating). False for a zero denominator.
 */
export function rateWrittenAs(n: number, d: number, stated: number, decimals: number): boolean {
  const m = statedRateMatches(n, d, stated, decimals);
  if (isError(m)) return false;
  return m || truncateTo(denoise((n / d) * 100), decimals) === roundHalfUp(denoise(stated * 100), decimals);
}

/**
 * A rate column (办结率, 完成率, 占比 …) right after its two counts is checked at the precision
 * it is written with: the true rate rounded or truncated is correct (1460 / 1466 = 99.59%
 * stated 99.5% or 99.6%); anything else is a 提示 showing the computed rate (it may be a
 * different base). Either order of the two counts is accepted. Growth rates (增速, 同比 …) are
 * not checked.
 */
export function rateRule(): Rule<RateParams> {
  return {
    id: "RATE",
    severity: "warning",
    title: "比率与其分子分母不符",
    gloss: "stated rate does not match its counts",
    reads: [],
    needs: ["sheet"],
    message: (p) =>
      `“${p.header}”所列 ${pct(p.stated, p.decimals)} 与 ${p.formula} = ${pct(p.expected, p.decimals + 2)} 不符（按所列精度四舍五入为 ${pct(p.expected, p.decimals)}，截断为 ${truncPct(p.expected, p.decimals)}）；如分母口径不同，请说明 ` +
      `(stated ${pct(p.stated, p.decimals)} does not match ${p.formula} = ${pct(p.expected, p.decimals + 2)}: ${pct(p.expected, p.decimals)} rounded, ${truncPct(p.expected, p.decimals)} truncated; explain it if the base differs)`,
    check(ctx, emit) {
      const sheet = ctx.options.sheet!;
      const h = ctx.table.headerRow - sheet.startRow;
      // Header rows: the table's, and any row above it within the first rows (a summary block).
      for (let hr = 0; hr <= h && hr < 15; hr++) checkHeaderRow(sheet, hr, hr === h ? h - 1 : -1, hr === h, emit);
      if (h >= 15) checkHeaderRow(sheet, h, h - 1, true, emit);
    },
  };
}

/**
 * Check the rate columns under one header row. Under the table header every row is checked;
 * under a header above it (a summary block) the rows down to the first blank rate cell.
 */
function checkHeaderRow(sheet: SheetLike, h: number, above: number, toEnd: boolean, emit: Emit<RateParams>): void {
  const header = sheet.values[h] ?? [];
  const upper = above >= 0 ? sheet.values[above] ?? [] : [];
  for (let c = 2; c < header.length; c++) {
    const label = textOf(header[c]) || textOf(upper[c]);
    if (!label || !RATE_HEADER.test(label) || GROWTH_HEADER.test(label)) continue;
    const isPercent = normalizeHeader(label).unit === "%" || /[%％]/.test(label);
    for (let r = h + 1; r < sheet.values.length; r++) {
      const line = sheet.values[r];
      if (!line || blank(line[c])) {
        if (toEnd) continue;
        break;
      }
      const pa = parseNumber(line[c - 2]);
      const pb = parseNumber(line[c - 1]);
      if (pa.kind !== "number" || pb.kind !== "number") {
        if (toEnd) continue;
        break;
      }
      const s = statedRate(line[c], isPercent);
      if (!s) continue;
      // a plain number read both ways when its size says so: 99.5 under a header without % may be
      // 99.5% (not only 9950%); 0.995 under 办结率(%) may be a cell formatted as 99.5%
      const v = line[c];
      const both = typeof v === "number" && (isPercent ? v > 0 && v <= 1 : s.rate > 1);
      const readings = both ? [s, statedRate(v, !isPercent)!] : [s];
      const a = pa.value;
      const b = pb.value;
      let best: { expected: number; formula: string; stated: { rate: number; decimals: number } } | null = null;
      let ok = false;
      for (const st of readings) {
        for (const [n, d] of [
          [b, a],
          [a, b],
        ]) {
          if (d === 0) continue;
          if (rateWrittenAs(n, d, st.rate, st.decimals)) ok = true;
          const expected = n / d;
          if (!best || Math.abs(expected - st.rate) < Math.abs(best.expected - best.stated.rate)) best = { expected, formula: `${fmt(n)}/${fmt(d)}`, stated: st };
        }
      }
      if (ok || !best) continue;
      emit(
        { row: sheet.startRow + r, col: sheet.startCol + c, value: line[c] },
        { header: label, stated: best.stated.rate, decimals: best.stated.decimals, expected: best.expected, formula: best.formula },
      );
    }
  }
}
