/**
 * Reading the arguments of the JX functions, shared by every family: a propagated error value
 * first, then a blank required cell → #N/A, then non-numeric text → #VALUE!.
 */
import { argNumber, optionalNumber, parseNumber, toHalfWidth } from "../core/num";
import { cellError, CellError, isError, Result } from "../core/result";
import { firstError, propagated } from "../core/round";
import { broadcast, cells, OutValue, single } from "./broadcast";

export const isBlank = (v: unknown) => parseNumber(v as never).kind === "blank";

/**
 * Read single cells as numbers. `optional[i]` marks an argument whose blank means "omitted"
 * (→ undefined). Errors: a propagated error value first, then #N/A, then #VALUE!.
 */
export function readNumbers(xs: unknown[], names: readonly string[], optional: readonly boolean[] = []): Result<(number | undefined)[]> {
  const vs = xs.map(single);
  const input = vs.find(isError);
  if (input) return propagated(input);
  const parsed = vs.map((v, i) => (optional[i] ? optionalNumber(v, names[i]) : argNumber(v, names[i])));
  return firstError(...parsed) ?? (parsed as (number | undefined)[]);
}

/** Whether an optional range argument was omitted (absent, or one blank cell). */
export function omitted(x: unknown): boolean {
  const v = single(x);
  return !isError(v) && isBlank(v);
}

/** Every cell of a range argument as a number; `blank` decides what a blank cell is. */
export function readList(x: unknown, name: string, blank: "required" | "null"): Result<(number | null)[]> {
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

/** An optional TRUE/FALSE argument: blank → false; TRUE/FALSE, 1/0 or the text TRUE/FALSE/是/否; else #VALUE!. */
export function readFlag(x: unknown, name: string): Result<boolean> {
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

/** A function of numeric ⟂ arguments: parse, then the core function, elementwise. */
export function numeric(names: readonly string[], core: (...n: number[]) => Result<unknown>) {
  return (...xs: unknown[]): OutValue =>
    broadcast(names.map((_, i) => xs[i]), (...ys) => {
      const n = readNumbers(ys, names);
      return isError(n) ? n : core(...(n as number[]));
    });
}

/** Never throws: an unexpected exception anywhere becomes #VALUE!. */
export function safe<A extends unknown[]>(f: (...args: A) => OutValue): (...args: A) => OutValue {
  return (...args: A) => {
    try {
      return f(...args);
    } catch (e) {
      return cellError("#VALUE!", `计算出错 (unexpected error: ${e instanceof Error ? e.message : String(e)})`);
    }
  };
}
