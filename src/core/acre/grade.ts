/**
 * Grades by rank within a pool (domain.md "The per-mu method"): with N peers (numeric scores
 * only), p = 1 + number of peers with a strictly higher score; A if p ≤ round(s1·N), B if
 * p ≤ round((s1+s2)·N), C if p ≤ round((s1+s2+s3)·N), else D (round half up). Equal scores
 * get the same, better grade. One implementation (`makeGrader`) serves the ACRE_GRADE cell
 * function and the whole-table evaluation.
 */
import { cellError, isError, Result } from "../result";
import { denoise, roundHalfUp } from "../round";

export type Grade = "A" | "B" | "C" | "D";
export interface RankedGrade {
  rank: number;
  grade: Grade;
}

/** A 20% / B 45% / C 30% / D 5% (Tongling 2021). */
export const DEFAULT_SHARES: readonly number[] = [0.2, 0.45, 0.3, 0.05];

function flatten(x: unknown): unknown[] {
  return Array.isArray(x) ? x.flatMap(flatten) : [x];
}

/**
 * Class shares: omitted → the defaults; 3 values → A, B, C with D the rest (their sum must be
 * ≤ 1); 4 values → must sum to 1. Nested arrays (a range) are flattened. Not numbers → #VALUE!;
 * another count → #VALUE!; a negative share or a wrong sum → #NUM!.
 */
export function normalizeShares(shares?: unknown): Result<number[]> {
  if (shares === undefined || shares === null) return [...DEFAULT_SHARES];
  const s = flatten(shares);
  if (!s.every((x) => typeof x === "number" && Number.isFinite(x))) {
    return cellError("#VALUE!", "等级比例应为数值 (class shares must be numbers)");
  }
  const v = s as number[];
  if (v.length !== 3 && v.length !== 4) {
    return cellError("#VALUE!", `等级比例应为 3 个（A、B、C）或 4 个（A、B、C、D）数值，实际 ${v.length} 个 (expected 3 or 4 class shares, got ${v.length})`);
  }
  if (v.some((x) => x < 0)) return cellError("#NUM!", "等级比例不能为负数 (a class share is negative)");
  const sum = denoise(v.reduce((a, b) => a + b, 0));
  if (v.length === 3) {
    if (sum > 1) return cellError("#NUM!", "A、B、C 比例之和超过 100% (the A, B, C shares add up to more than 1)");
    return [...v, denoise(1 - sum)];
  }
  if (Math.abs(sum - 1) > 1e-9) return cellError("#NUM!", "A、B、C、D 比例之和应为 100% (the four class shares must add up to 1)");
  return [...v];
}

/** Last positions of classes A, B and C among n peers: round half up of the cumulative shares × n. */
export function gradeBounds(n: number, shares: readonly number[]): [number, number, number] {
  const c1 = shares[0];
  const c2 = c1 + shares[1];
  const c3 = c2 + shares[2];
  return [roundHalfUp(c1 * n), roundHalfUp(c2 * n), roundHalfUp(c3 * n)];
}

/** The grade of position p (1 = best) given the class bounds. */
export function gradeAtPosition(p: number, bounds: readonly number[]): Grade {
  return p <= bounds[0] ? "A" : p <= bounds[1] ? "B" : p <= bounds[2] ? "C" : "D";
}

/** Scores closer than this (relative to max(|score|, 1)) are equal: 0.1 + 0.2 ties with 0.3. */
const TIE_TOLERANCE = 1e-12;

/** Whether a score reaches a line: a score equal to it on paper does (8 ÷ (300/42) × 100 computes to 111.99999999999999 and reaches 112). */
function reaches(score: number, line: number): boolean {
  return score + Math.max(Math.abs(score), Math.abs(line), 1) * TIE_TOLERANCE >= line;
}

/** The grade of a score by the score lines A ≥ B ≥ C (分档方式 按分数线): A if score ≥ A's line, …, else D. */
export function gradeByLines(score: number, lines: readonly number[]): Grade {
  return reaches(score, lines[0]) ? "A" : reaches(score, lines[1]) ? "B" : reaches(score, lines[2]) ? "C" : "D";
}

/**
 * Prepare a grader for a pool: sorts the numeric peers once (O(N log N)); each call is a
 * binary search (O(log N)). Non-finite peers are ignored. No peers → #N/A. A peer counts as
 * strictly higher only when it exceeds the score by more than binary noise, so scores equal on
 * paper tie.
 */
export function makeGrader(peers: ArrayLike<number | null | undefined>, shares?: unknown): Result<(score: number) => RankedGrade> {
  const s = normalizeShares(shares);
  if (isError(s)) return s;
  const sorted = new Float64Array(peers.length);
  let n = 0;
  for (let i = 0; i < peers.length; i++) {
    const x = peers[i];
    if (typeof x === "number" && Number.isFinite(x)) sorted[n++] = x;
  }
  if (n === 0) return cellError("#N/A", "没有可比较的得分 (no peer scores to rank against)");
  const asc = sorted.subarray(0, n).sort();
  const bounds = gradeBounds(n, s);
  return (score: number) => {
    const limit = score + Math.max(Math.abs(score), 1) * TIE_TOLERANCE;
    // first index whose peer is above the limit: the peers from there on are strictly higher
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (asc[mid] <= limit) lo = mid + 1;
      else hi = mid;
    }
    const rank = 1 + (n - lo);
    return { rank, grade: gradeAtPosition(rank, bounds) };
  };
}

/** The grade of `score` among `peers` (score need not be one of them). */
export function gradeOf(score: number, peers: number[], shares?: number[]): Result<Grade> {
  if (!Number.isFinite(score)) return cellError("#NUM!", "得分不是有限数值 (the score is not a finite number)");
  const g = makeGrader(peers, shares);
  return isError(g) ? g : g(score).grade;
}

/**
 * Rank and grade every score within the pool the scores themselves form; null (or a
 * non-finite number) → null. `shares` must be valid (see normalizeShares): invalid shares are a
 * programming error here and throw a RangeError — validate user-supplied shares first.
 */
export function gradeAll(scores: (number | null)[], shares?: number[]): Array<RankedGrade | null> {
  const g = makeGrader(scores, shares);
  if (isError(g)) {
    if (g.error === "#N/A") return scores.map(() => null);
    throw new RangeError(g.message);
  }
  return scores.map((x) => (typeof x === "number" && Number.isFinite(x) ? g(x) : null));
}
