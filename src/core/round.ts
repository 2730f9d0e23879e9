/**
 * Rounding and error precedence shared by the indicator families.
 */
import { CellError, ErrorCode, isError } from "./result";

/** Strip binary noise (0.65 * 10 = 6.5000000000000001) before a rounding decision. */
export function denoise(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** Excel ROUND: half away from zero, at `decimals` places, robust to binary noise. */
export function roundHalfUp(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  const scaled = denoise(x * f);
  const r = Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5);
  return (decimals === 0 ? r : denoise(r / f)) + 0; // + 0 turns -0 into 0
}

/** Truncation toward zero at `decimals` places (99.59 → 99.5; 1460/1466 → 0.995 at 3), robust to binary noise. */
export function truncateTo(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  const scaled = denoise(x * f);
  const r = Math.sign(scaled) * Math.floor(Math.abs(scaled));
  return (decimals === 0 ? r : denoise(r / f)) + 0;
}

/** Documented order of input errors: blank, then text, then meaningless, then zero denominator. */
const ORDER: ErrorCode[] = ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"];

/**
 * The error that wins among several results, or undefined if none is an error: an error read
 * from an argument (`propagated: true`, see `propagated()`) first, then by the documented order.
 */
export function firstError(...xs: unknown[]): CellError | undefined {
  let best: CellError | undefined;
  for (const x of xs) {
    if (isError(x) && (!best || rank(x) < rank(best))) best = x;
  }
  return best;
}

function rank(e: CellError): number {
  if ((e as PropagatedError).propagated) return -1;
  const i = ORDER.indexOf(e.error);
  return i < 0 ? ORDER.length : i;
}

/** An error value found in an argument: it is returned unchanged, ahead of any error of our own. */
export type PropagatedError = CellError & { propagated: true };

export function propagated(e: CellError): PropagatedError {
  return (e as PropagatedError).propagated ? (e as PropagatedError) : { ...e, propagated: true };
}
