/**
 * One evaluation pool (规上, 规下 or 全部): its benchmarks, each member's score and its grade.
 * Scores and grades come from score.ts / grade.ts, the same functions as the JX.ACRE_SCORE /
 * JX.ACRE_GRADE cells, so a cell and the table can never disagree.
 *
 * Benchmark of an indicator in a pool = Σ numerator / Σ denominator over the in-scope firms of
 * that pool that use the indicator, so a firm at the pool level scores 100.
 */
import { isError, Result } from "../result";
import { gradeAll } from "./grade";
import { indicatorDef, INDICATORS, IndicatorKey } from "./indicators";
import { FirmResult, GradeCounts, PoolName } from "./model";
import { AcreParams } from "./params";
import { minMaxScore, ratioScore } from "./score";
import { Use } from "./scope";
import { Scale } from "./spec";

export interface PoolBenchmarks {
  /** Benchmark per indicator (ratio method; also the pool level for min–max). */
  benchmarks: Partial<Record<IndicatorKey, number>>;
  /** Min and max per indicator (min–max method). */
  ranges: Partial<Record<IndicatorKey, [number, number]>>;
}

function fixedBenchmark(params: AcreParams, pool: PoolName, k: IndicatorKey): number | undefined {
  const v = pool === "全部" ? params.fixedBenchmarks.规上[k] ?? params.fixedBenchmarks.规下[k] : params.fixedBenchmarks[pool][k];
  return v !== undefined && v > 0 ? v : undefined;
}

/** Benchmarks and ranges of a pool's members; a missing fixed benchmark is noted in `notes`. */
export function poolBenchmarks(members: FirmResult[], pool: PoolName, params: AcreParams, notes: string[]): PoolBenchmarks {
  const bm: Partial<Record<IndicatorKey, number>> = {};
  const rg: Partial<Record<IndicatorKey, [number, number]>> = {};
  for (const d of INDICATORS) {
    const k = d.key;
    // the firms of this pool that use the indicator
    let a = 0;
    let b = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let users = 0;
    for (let i = 0; i < members.length; i++) {
      const f = members[i];
      if (!((params.weights[f.scale!][k] ?? 0) > 0)) continue;
      users++;
      a += f.data[d.numerator(params.laborNumerator)]!;
      b += f.data[d.denominator]!;
      const v = f.indicators[k];
      if (v === undefined) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (users === 0) continue;
    const pooled = b > 0 ? a / b : null;
    const fixed = params.benchmark === "fixed" ? fixedBenchmark(params, pool, k) : undefined;
    if (params.benchmark === "fixed" && fixed === undefined) {
      notes.push(`${pool}未填写“${d.label}”的固定基准值，改用评价池比值 (no fixed benchmark for ${d.label}; the pool ratio is used)`);
    }
    const bench = fixed ?? pooled;
    if (bench !== null) bm[k] = bench;
    if (lo <= hi) rg[k] = [lo, hi];
  }
  return { benchmarks: bm, ranges: rg };
}

/** Score each member (parts and total); indicators whose benchmark is unusable are noted in `notes`. */
export function scorePool(members: FirmResult[], pool: PoolName, b: PoolBenchmarks, uses: Record<Scale, Use[]>, params: AcreParams, notes: string[]): void {
  // one ratioScore/minMaxScore call per firm and indicator, on reused one-element arrays
  const xs = [0];
  const bs = [0];
  const ws = [0];
  const broken = new Set<IndicatorKey>();
  for (let i = 0; i < members.length; i++) {
    const f = members[i];
    let sum = 0;
    let failed = false;
    for (const u of uses[f.scale!]) {
      const x = f.indicators[u.key]!;
      let part: Result<number>;
      if (params.method === "minmax") {
        const r = b.ranges[u.key]!;
        part = minMaxScore(x, r[0], r[1], u.weight);
      } else {
        const bench = b.benchmarks[u.key];
        if (bench === undefined) part = { error: "#DIV/0!", message: "基准值为 0 (benchmark is zero)" };
        else {
          xs[0] = x;
          bs[0] = bench;
          ws[0] = u.weight;
          part = ratioScore(xs, bs, ws, u.opts);
        }
      }
      if (isError(part)) {
        failed = true;
        broken.add(u.key);
        break;
      }
      f.parts[u.key] = part;
      sum += part;
    }
    f.score = failed ? null : sum;
  }
  for (const k of broken) {
    notes.push(`${pool}“${indicatorDef(k).label}”的基准值为 0 或无效，本池无法计分 (the benchmark of ${indicatorDef(k).label} in pool ${pool} is zero or invalid: no scores)`);
  }
}

/** Rank and grade the members by score; returns the grade counts and the number graded. */
export function gradePool(members: FirmResult[], params: AcreParams): { counts: GradeCounts; graded: number } {
  const ranked = gradeAll(
    members.map((f) => f.score),
    params.shares,
  );
  const counts: GradeCounts = { A: 0, B: 0, C: 0, D: 0 };
  let graded = 0;
  for (let i = 0; i < members.length; i++) {
    const r = ranked[i];
    if (!r) continue;
    const f = members[i];
    f.rank = r.rank;
    f.grade = r.grade;
    f.hint = params.hints[r.grade] ?? null;
    counts[r.grade]++;
    graded++;
  }
  return { counts, graded };
}
