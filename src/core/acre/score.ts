/**
 * Per-mu evaluation scores (domain.md "The per-mu method"). Shared by the ACRE_SCORE cell
 * function and the whole-table evaluation.
 */
import { cellError, Result } from "../result";
import { finite } from "../indicators";

export interface RatioScoreOptions {
  /** Cap on each ratio x/b (e.g. 2 = at most twice the weight); none by default. */
  cap?: number;
  /** Per indicator: true when a lower value is better (scores (2 − x/b)·w, floored at 0). */
  lowerIsBetter?: boolean[];
}

/**
 * Ratio-to-benchmark score Σ wᵢ·min(xᵢ/bᵢ, cap) (黄岩/淮安 method). A lower-is-better
 * indicator scores wᵢ·min(max(0, 2 − xᵢ/bᵢ), cap).
 * Errors: lengths differ → #VALUE!; a negative benchmark or weight, a cap ≤ 0 → #NUM!;
 * a zero benchmark → #DIV/0!.
 */
export function ratioScore(values: number[], benchmarks: number[], weights: number[], opts: RatioScoreOptions = {}): Result<number> {
  const n = values.length;
  if (benchmarks.length !== n || weights.length !== n || (opts.lowerIsBetter && opts.lowerIsBetter.length !== n)) {
    return cellError("#VALUE!", "指标值、基准值、权重的个数不一致 (values, benchmarks and weights differ in length)");
  }
  const cap = opts.cap ?? Infinity;
  if (!(cap > 0)) return cellError("#NUM!", "封顶倍数应大于 0 (the cap must be positive)");
  if (benchmarks.some((b) => b < 0)) return cellError("#NUM!", "基准值为负数 (negative benchmark)");
  if (weights.some((w) => w < 0)) return cellError("#NUM!", "权重为负数 (negative weight)");
  if (benchmarks.some((b) => b === 0)) return cellError("#DIV/0!", "基准值为 0 (benchmark is zero)");
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = values[i] / benchmarks[i];
    const ratio = opts.lowerIsBetter?.[i] ? Math.max(0, 2 - r) : r;
    sum += Math.min(ratio, cap) * weights[i];
  }
  return finite(sum);
}

/**
 * Min–max score (旌德 method): w·[20 + 80·(x − min)/(max − min)]/100; max = min → full weight.
 * max < min → #NUM!.
 */
export function minMaxScore(value: number, min: number, max: number, weight: number): Result<number> {
  if (max < min) return cellError("#NUM!", "最大值小于最小值 (max is below min)");
  if (max === min) return weight;
  return finite((weight * (20 + (80 * (value - min)) / (max - min))) / 100);
}
