/**
 * A value or a cell error. Core never throws for bad data: it returns a CellError,
 * and each face translates it (CustomFunctions.Error, HyperFormula CellError, CLI text).
 */
export type ErrorCode = "#N/A" | "#VALUE!" | "#NUM!" | "#DIV/0!";

export interface CellError {
  error: ErrorCode;
  /** zh-CN first, English gloss second. */
  message: string;
}

export type Result<T> = T | CellError;

export function cellError(error: ErrorCode, message: string): CellError {
  return { error, message };
}

export function isError(x: unknown): x is CellError {
  return typeof x === "object" && x !== null && typeof (x as CellError).error === "string" && "message" in x;
}

/** Divide, returning #DIV/0! for a zero denominator and never NaN or ±Infinity. */
export function divide(numerator: number, denominator: number, what = "分母", english = "the denominator"): Result<number> {
  if (denominator === 0) return cellError("#DIV/0!", `${what}为 0 (${english} is zero)`);
  const q = numerator / denominator;
  if (!Number.isFinite(q)) return cellError("#NUM!", "结果超出数值范围 (result out of range)");
  return q;
}
