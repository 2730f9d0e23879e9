/**
 * Elementwise evaluation over same-shaped ranges (⟂ in the function reference): a 1×1 range is
 * a single value, a single value broadcasts against a range, ranges of different shapes →
 * #VALUE!. Engine-neutral: values as Office.js gives them (matrices are arrays of rows).
 */
import { cellError, CellError, isError } from "../core/result";

/** One output cell. */
export type Out = number | string | boolean | CellError;
/** A function result: one cell, or a matrix that spills. */
export type OutValue = Out | Out[][];

/** A rectangular, non-empty matrix, or null when `x` is a single value (incl. a 1×1 matrix). */
export type Shape = { rows: number; cols: number };

const BAD_SHAPE = () => cellError("#VALUE!", "区域不是规整的矩形 (the range is not rectangular)");
const MISMATCH = () => cellError("#VALUE!", "各区域的行列数不一致 (the ranges differ in shape)");

/**
 * Read an argument as a matrix: a single value → null; a 1-D array → one row; a matrix →
 * itself. An empty or ragged array → #VALUE!.
 */
export function asMatrix(x: unknown): unknown[][] | null | CellError {
  if (!Array.isArray(x)) return null;
  const m: unknown[][] = x.length > 0 && x.every(Array.isArray) ? (x as unknown[][]) : [x];
  const cols = m[0]?.length ?? 0;
  if (m.length === 0 || cols === 0 || m.some((r) => r.length !== cols)) return BAD_SHAPE();
  return m;
}

/** A single value: a 1×1 range gives its cell; a larger range → #VALUE!. */
export function single(x: unknown): unknown {
  const m = asMatrix(x);
  if (m === null) return x;
  if (isError(m)) return m;
  return m.length === 1 && m[0].length === 1 ? single(m[0][0]) : cellError("#VALUE!", "此参数应为单个单元格 (this argument must be a single cell)");
}

/** All cells of an argument, row by row (a single value → one cell). */
export function cells(x: unknown): unknown[] | CellError {
  const m = asMatrix(x);
  if (m === null) return [x];
  return isError(m) ? m : m.flat();
}

/** Make an output cell safe: numbers finite (else #NUM!), -0 → 0; anything unexpected → #VALUE!. */
export function finalize(v: unknown): Out {
  if (isError(v)) return v;
  if (typeof v === "number") return Number.isFinite(v) ? v + 0 : cellError("#NUM!", "结果超出数值范围 (result out of range)");
  if (typeof v === "string" || typeof v === "boolean") return v;
  return cellError("#VALUE!", "无法计算 (no result)");
}

/** Call f, turning an unexpected exception into #VALUE! and making the result safe. */
export function guard(f: () => unknown): Out {
  try {
    return finalize(f());
  } catch (e) {
    return cellError("#VALUE!", `计算出错 (unexpected error: ${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Apply `f` to single values, or elementwise when some arguments are ranges. Each element is
 * guarded. Returns one cell when no argument is a multi-cell range.
 */
export function broadcast(args: unknown[], f: (...xs: unknown[]) => unknown): OutValue {
  let shape: Shape | null = null;
  const mats: (unknown[][] | null)[] = [];
  for (const a of args) {
    const m = asMatrix(a);
    if (isError(m)) return m;
    if (m && m.length === 1 && m[0].length === 1) {
      mats.push(null);
      continue;
    }
    if (m) {
      if (shape && (shape.rows !== m.length || shape.cols !== m[0].length)) return MISMATCH();
      shape = { rows: m.length, cols: m[0].length };
    }
    mats.push(m);
  }
  const scalars = args.map((a, i) => (mats[i] ? undefined : single(a)));
  if (!shape) return guard(() => f(...scalars));
  const out: Out[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const row: Out[] = [];
    for (let c = 0; c < shape.cols; c++) {
      const xs = mats.map((m, i) => (m ? m[r][c] : scalars[i]));
      row.push(guard(() => f(...xs)));
    }
    out.push(row);
  }
  return out;
}
