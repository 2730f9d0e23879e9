/**
 * The custom functions, engine-neutral: raw cell values in (number | string | boolean | null |
 * undefined | CellError | matrices of those), a cell value, a CellError or a matrix out.
 * Excel (functions.ts) and HyperFormula (workbench/jxPlugin.ts) both call exactly these.
 *
 * Argument errors, in this order: an error value in an argument propagates; a blank required
 * cell → #N/A; non-numeric text → #VALUE!; then the core function's own #NUM! and #DIV/0!.
 * No implementation throws: an unexpected exception becomes #VALUE!.
 */
import { argNumber, optionalNumber, parseNumber, toHalfWidth } from "../core/num";
import { cellError, CellError, isError, Result } from "../core/result";
import { firstError, propagated } from "../core/round";
import {
  acreRevenue, acreTax, contribution, energyTax, laborProductivity, mu, progressGap, pull, targetRate, timeProgress, yoyGrowth,
} from "../core/indicators";
import { usccValid } from "../core/ids";
import { ratioScore } from "../core/acre/score";
import { makeGrader, normalizeShares } from "../core/acre/grade";
import { appealCard } from "../core/appeals";
import { projectFullYear, scaleGap } from "../core/pool/projection";
import { asMatrix, broadcast, cells, guard, Out, OutValue, single } from "./broadcast";

export type { Out, OutValue };

/**
 * How a parameter takes ranges: "each" = elementwise (⟂), "range" = read as a whole (a list or
 * table), "single" = one cell only.
 */
export interface ParamSpec {
  name: string;
  kind: "each" | "range" | "single";
  optional?: boolean;
}
export interface FunctionSpec {
  id: FunctionId;
  params: ParamSpec[];
  /** Shape of the result: "each" = the common shape of the ⟂ arguments; "rows" = one cell per row of the first argument; "single" = one cell. */
  result: "each" | "rows" | "single";
}

const each = (name: string, optional = false): ParamSpec => ({ name, kind: "each", optional });
const range = (name: string, optional = false): ParamSpec => ({ name, kind: "range", optional });

export const SPECS = {
  YOY_GROWTH: { params: [each("current"), each("previous")], result: "each" },
  TARGET_RATE: { params: [each("actual"), each("target")], result: "each" },
  TIME_PROGRESS: { params: [{ name: "month_or_date", kind: "single" }], result: "single" },
  PROGRESS_GAP: { params: [each("actual"), each("target"), each("month_or_date")], result: "each" },
  CONTRIBUTION: { params: [each("part_now"), each("part_before"), each("total_now"), each("total_before")], result: "each" },
  PULL: { params: [each("part_now"), each("part_before"), each("total_before")], result: "each" },
  MU: { params: [each("square_metres")], result: "each" },
  ACRE_TAX: { params: [each("tax"), each("land_mu")], result: "each" },
  ACRE_REVENUE: { params: [each("revenue"), each("land_mu")], result: "each" },
  ENERGY_TAX: { params: [each("tax"), each("energy_tce")], result: "each" },
  LABOR_PRODUCTIVITY: { params: [each("amount"), each("employees")], result: "each" },
  ACRE_SCORE: { params: [range("values"), range("benchmarks"), range("weights"), { name: "cap", kind: "single", optional: true }], result: "rows" },
  ACRE_GRADE: { params: [each("score"), range("peer_scores"), range("shares", true)], result: "each" },
  USCC_VALID: { params: [each("code")], result: "each" },
  APPEAL_CARD: {
    params: [each("due_date"), each("as_of"), each("closed_date", true), range("thresholds", true), { name: "working_days", kind: "single", optional: true }],
    result: "each",
  },
  SCALE_PROJECTION: { params: [each("ytd_revenue"), each("months"), range("last_year_monthly", true)], result: "each" },
  SCALE_GAP: { params: [each("ytd_revenue"), each("months"), each("threshold", true), range("last_year_monthly", true)], result: "each" },
} as const satisfies Record<string, Omit<FunctionSpec, "id">>;

export type FunctionId = keyof typeof SPECS;
export const FUNCTION_IDS = Object.keys(SPECS) as FunctionId[];

// ------------------------------------------------------------------ argument reading

const isBlank = (v: unknown) => parseNumber(v as never).kind === "blank";

/**
 * Read single cells as numbers. `optional[i]` marks an argument whose blank means "omitted"
 * (→ undefined). Errors: a propagated error value first, then #N/A, then #VALUE!.
 */
function readNumbers(xs: unknown[], names: readonly string[], optional: readonly boolean[] = []): Result<(number | undefined)[]> {
  const vs = xs.map(single);
  const input = vs.find(isError);
  if (input) return propagated(input);
  const parsed = vs.map((v, i) => (optional[i] ? optionalNumber(v, names[i]) : argNumber(v, names[i])));
  return firstError(...parsed) ?? (parsed as (number | undefined)[]);
}

/** Whether an optional range argument was omitted (absent, or one blank cell). */
function omitted(x: unknown): boolean {
  const v = single(x);
  return !isError(v) && isBlank(v);
}

/** Every cell of a range argument as a number; `blank` decides what a blank cell is. */
function readList(x: unknown, name: string, blank: "required" | "null"): Result<(number | null)[]> {
  const cs = cells(x);
  if (isError(cs)) return cs;
  const out: (number | null)[] = [];
  const errors: CellError[] = [];
  for (const c of cs) {
    if (isError(c)) return propagated(c);
    if (blank === "null" && isBlank(single(c))) {
      out.push(null);
      continue;
    }
    const n = argNumber(single(c), name);
    if (isError(n)) errors.push(n);
    else out.push(n);
  }
  return firstError(...errors) ?? out;
}

/** A function of numeric ⟂ arguments: parse, then the core function, elementwise. */
function numeric(names: readonly string[], core: (...n: number[]) => Result<unknown>) {
  return (...xs: unknown[]): OutValue =>
    broadcast(names.map((_, i) => xs[i]), (...ys) => {
      const n = readNumbers(ys, names);
      return isError(n) ? n : core(...(n as number[]));
    });
}

// ------------------------------------------------------------------ the functions

function acreScore(values: unknown, benchmarks: unknown, weights: unknown, cap: unknown): OutValue {
  const m = asMatrix(values) ?? [[values]];
  if (isError(m)) return m;
  const width = m[0].length;
  const b = vector(benchmarks, "benchmarks");
  const w = vector(weights, "weights");
  if (!isError(b) && b.length !== width) return lengthError(b.length, width, "基准值", "benchmarks");
  if (!isError(w) && w.length !== width) return lengthError(w.length, width, "权重", "weights");
  const c = readNumbers([cap], ["cap"], [true]);
  const scores: Out[][] = m.map((row) => [
    guard(() => {
      const v = readNumbers(row, Array(width).fill("values"));
      return firstError(v, b, w, c) ?? ratioScore(v as number[], b as number[], w as number[], { cap: (c as (number | undefined)[])[0] });
    }),
  ]);
  return scores.length === 1 ? scores[0][0] : scores;
}

/** A single row or column of numbers (blank cells → #N/A). */
function vector(x: unknown, name: string): Result<number[]> {
  const m = asMatrix(x);
  if (isError(m)) return m;
  if (m && m.length > 1 && m[0].length > 1) return cellError("#VALUE!", `${name} 应为单行或单列 (${name} must be a single row or column)`);
  return readList(x, name, "required") as Result<number[]>;
}

function lengthError(got: number, want: number, zh: string, en: string): CellError {
  return cellError("#VALUE!", `${zh}个数（${got}）与指标列数（${want}）不一致 (${en}: ${got} cells for ${want} indicator columns)`);
}

function acreGrade(score: unknown, peerScores: unknown, shares: unknown): OutValue {
  const peerCells = cells(peerScores);
  if (isError(peerCells)) return peerCells;
  const peerError = peerCells.find(isError);
  if (peerError) return propagated(peerError);
  const peers = peerCells.map(single).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  const list = omitted(shares) ? undefined : readList(shares, "shares", "required");
  const s = list === undefined ? normalizeShares() : isError(list) ? list : normalizeShares(list);
  const grader = isError(s) ? s : makeGrader(peers, s);
  return broadcast([score], (x) => {
    const n = readNumbers([x], ["score"]);
    const e = firstError(n, s, grader);
    return e ?? (grader as (v: number) => { grade: string })((n as number[])[0]).grade;
  });
}

function usccValidCell(code: unknown): OutValue {
  return broadcast([code], (x) => {
    const v = single(x);
    if (isError(v)) return propagated(v);
    if (v === null || v === undefined || (typeof v === "string" && toHalfWidth(v).trim() === "")) {
      return cellError("#N/A", "缺少统一社会信用代码 (the code is blank)");
    }
    return typeof v === "boolean" ? false : usccValid(v);
  });
}

/** An optional TRUE/FALSE argument: blank → false; TRUE/FALSE, 1/0 or the text TRUE/FALSE/是/否; else #VALUE!. */
function readFlag(x: unknown, name: string): Result<boolean> {
  const v = single(x);
  if (isError(v)) return propagated(v);
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const t = toHalfWidth(String(v)).trim().toUpperCase();
  if (t === "TRUE" || t === "是" || t === "1") return true;
  if (t === "FALSE" || t === "否" || t === "0") return false;
  return cellError("#VALUE!", `${name} 应为 TRUE 或 FALSE (${name} must be TRUE or FALSE)`);
}

function appealCardCell(due: unknown, asOf: unknown, closed: unknown, thresholds: unknown, workingDays: unknown): OutValue {
  const bounds = omitted(thresholds) ? undefined : readList(thresholds, "thresholds", "required");
  const working = readFlag(workingDays, "working_days");
  return broadcast([due, asOf, closed], (d, a, c) => {
    const n = readNumbers([d, a, c], ["due_date", "as_of", "closed_date"], [false, false, true]);
    const e = firstError(n, bounds, working);
    if (e) return e;
    const [dd, aa, cc] = n as (number | undefined)[];
    return appealCard(dd!, aa!, cc, bounds as number[] | undefined, working as boolean);
  });
}

function lastYear(x: unknown): Result<(number | null)[]> | undefined {
  return omitted(x) ? undefined : readList(x, "last_year_monthly", "null");
}

function scaleProjection(ytd: unknown, months: unknown, lastYearMonthly: unknown): OutValue {
  const ly = lastYear(lastYearMonthly);
  return broadcast([ytd, months], (y, m) => {
    const n = readNumbers([y, m], ["ytd_revenue", "months"]);
    const e = firstError(n, ly);
    if (e) return e;
    const [yy, mm] = n as number[];
    return projectFullYear(yy, mm, ly as (number | null)[] | undefined);
  });
}

function scaleGapCell(ytd: unknown, months: unknown, threshold: unknown, lastYearMonthly: unknown): OutValue {
  const ly = lastYear(lastYearMonthly);
  return broadcast([ytd, months, threshold], (y, m, t) => {
    const n = readNumbers([y, m, t], ["ytd_revenue", "months", "threshold"], [false, false, true]);
    const e = firstError(n, ly);
    if (e) return e;
    const [yy, mm, tt] = n as (number | undefined)[];
    return scaleGap(yy!, mm!, tt, ly as (number | null)[] | undefined);
  });
}

function timeProgressCell(x: unknown): OutValue {
  return guard(() => {
    const n = readNumbers([x], ["month_or_date"]);
    return isError(n) ? n : timeProgress(n[0]!);
  });
}

/** Never throws: an unexpected exception anywhere becomes #VALUE!. */
function safe<A extends unknown[]>(f: (...args: A) => OutValue): (...args: A) => OutValue {
  return (...args: A) => {
    try {
      return f(...args);
    } catch (e) {
      return cellError("#VALUE!", `计算出错 (unexpected error: ${e instanceof Error ? e.message : String(e)})`);
    }
  };
}

const names = (id: FunctionId) => SPECS[id].params.map((p) => p.name);

/** The implementations, keyed by function id; arguments in the documented order. */
export const impl: Record<FunctionId, (...args: unknown[]) => OutValue> = {
  YOY_GROWTH: safe(numeric(names("YOY_GROWTH"), yoyGrowth)),
  TARGET_RATE: safe(numeric(names("TARGET_RATE"), targetRate)),
  TIME_PROGRESS: safe(timeProgressCell),
  PROGRESS_GAP: safe(numeric(names("PROGRESS_GAP"), progressGap)),
  CONTRIBUTION: safe(numeric(names("CONTRIBUTION"), contribution)),
  PULL: safe(numeric(names("PULL"), pull)),
  MU: safe(numeric(names("MU"), mu)),
  ACRE_TAX: safe(numeric(names("ACRE_TAX"), acreTax)),
  ACRE_REVENUE: safe(numeric(names("ACRE_REVENUE"), acreRevenue)),
  ENERGY_TAX: safe(numeric(names("ENERGY_TAX"), energyTax)),
  LABOR_PRODUCTIVITY: safe(numeric(names("LABOR_PRODUCTIVITY"), laborProductivity)),
  ACRE_SCORE: safe(acreScore),
  ACRE_GRADE: safe(acreGrade),
  USCC_VALID: safe(usccValidCell),
  APPEAL_CARD: safe(appealCardCell),
  SCALE_PROJECTION: safe(scaleProjection),
  SCALE_GAP: safe(scaleGapCell),
};

/** The errors each function can return for bad input (besides errors propagated from its arguments). */
export const DOCUMENTED_ERRORS: Record<FunctionId, readonly string[]> = {
  YOY_GROWTH: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  TARGET_RATE: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  TIME_PROGRESS: ["#N/A", "#VALUE!", "#NUM!"],
  PROGRESS_GAP: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  CONTRIBUTION: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  PULL: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  MU: ["#N/A", "#VALUE!", "#NUM!"],
  ACRE_TAX: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  ACRE_REVENUE: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  ENERGY_TAX: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  LABOR_PRODUCTIVITY: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  ACRE_SCORE: ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"],
  ACRE_GRADE: ["#N/A", "#VALUE!", "#NUM!"],
  USCC_VALID: ["#N/A", "#VALUE!"],
  APPEAL_CARD: ["#N/A", "#VALUE!", "#NUM!"],
  SCALE_PROJECTION: ["#N/A", "#VALUE!", "#NUM!"],
  SCALE_GAP: ["#N/A", "#VALUE!", "#NUM!"],
};
