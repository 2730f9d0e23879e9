/**
 * One evaluation pool (规上, 规下 or 全部): its benchmarks, each member's score and its grade.
 * Scores and grades come from score.ts / grade.ts, the same functions as the JX.ACRE_SCORE /
 * JX.ACRE_GRADE cells, so a cell and the table can never disagree.
 *
 * Benchmark of an indicator in a pool = Σ numerator / Σ denominator over the in-scope firms of
 * that pool that use the indicator, so a firm at the pool level scores 100.
 */
import { isError, Result } from "../result";
import { gradeAll, gradeByLines } from "./grade";
import { DataKey, indicatorDef, IndicatorKey } from "./indicators";
import { FirmResult, GradeCounts, PoolName } from "./model";
import { AcreParams, allIndicatorsInUse } from "./params";
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

/** A negative tax (after VAT-credit refunds) gives a tax indicator a score of 0: such values stay out of the min–max range. */
function negativeTax(f: FirmResult, num: DataKey): boolean {
  return num === "tax" && f.data.tax !== null && f.data.tax < 0;
}

/**
 * Benchmarks and ranges of a pool's members: over the members that use the indicator and have
 * its value (a firm scored by 缺项处理 does not move the benchmark); a negative tax counts as
 * reported in the ratio of sums. A missing fixed benchmark is noted in `notes`.
 */
export function poolBenchmarks(members: FirmResult[], pool: PoolName, params: AcreParams, notes: string[]): PoolBenchmarks {
  const bm: Partial<Record<IndicatorKey, number>> = {};
  const rg: Partial<Record<IndicatorKey, [number, number]>> = {};
  for (const k of allIndicatorsInUse(params)) {
    const d = indicatorDef(k);
    const num = d.numerator(params.laborNumerator);
    let a = 0;
    let b = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let users = 0;
    for (let i = 0; i < members.length; i++) {
      const f = members[i];
      if (!((params.weights[f.scale!][k] ?? 0) > 0)) continue;
      const v = f.indicators[k];
      if (v === undefined) continue;
      users++;
      a += f.data[num]!;
      b += f.data[d.denominator]!;
      if (negativeTax(f, num)) continue;
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
    else rg[k] = [0, 0];
  }
  return { benchmarks: bm, ranges: rg };
}

const POLICY_TEXT = { poolAverage: "按本池平均分", zero: "按零分" } as const;

/**
 * Score each member: Σ parts + bonus. A negative tax scores its tax indicators 0 (noted); a
 * missing indicator (缺项处理 按池平均分 | 按零分) scores the average of the other members'
 * scores for it (same pool and scale) or 0, noted per firm; an indicator no member has is left
 * out of the pool (noted). Indicators whose benchmark is unusable are noted in `notes`.
 */
export function scorePool(members: FirmResult[], pool: PoolName, b: PoolBenchmarks, uses: Record<Scale, Use[]>, params: AcreParams, notes: string[]): void {
  // one ratioScore/minMaxScore call per firm and indicator, on reused one-element arrays
  const xs = [0];
  const bs = [0];
  const ws = [0];
  const broken = new Set<IndicatorKey>();
  const pending: Array<{ f: FirmResult; u: Use }> = [];
  for (let i = 0; i < members.length; i++) {
    const f = members[i];
    let sum = 0;
    let failed = false;
    for (const u of uses[f.scale!]) {
      const x = f.indicators[u.key];
      if (x === undefined) {
        // only reached with 缺项处理 按池平均分 | 按零分 (不参评 put the firm out of scope)
        if (params.missing === "poolAverage") pending.push({ f, u });
        else f.parts[u.key] = 0;
        continue;
      }
      let part: Result<number>;
      if (negativeTax(f, u.num)) {
        part = 0;
      } else if (params.method === "minmax") {
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
  // 按池平均分: the average of the scores the other members of the pool and scale got for it
  const absent = new Set<IndicatorKey>();
  for (const { f, u } of pending) {
    if (f.score === null) continue;
    let total = 0;
    let n = 0;
    for (const g of members) {
      const p = g.scale === f.scale && g.indicators[u.key] !== undefined ? g.parts[u.key] : undefined;
      if (p !== undefined) {
        total += p;
        n++;
      }
    }
    if (n === 0) {
      absent.add(u.key);
      continue;
    }
    f.parts[u.key] = total / n;
    f.score += total / n;
  }
  for (let i = 0; i < members.length; i++) {
    const f = members[i];
    if (f.score === null) continue;
    if (params.missing !== "exclude") {
      const missing = uses[f.scale!].filter((u) => f.indicators[u.key] === undefined && f.parts[u.key] !== undefined);
      if (missing.length) {
        const what = missing.map((u) => `${indicatorDef(u.key).label} ${fmt(f.parts[u.key]!)} 分`).join("、");
        f.notes.push(`指标缺失，${POLICY_TEXT[params.missing]}计：${what} (missing indicator scored by the 缺项处理 policy)`);
      }
    }
    if (f.data.tax !== null && f.data.tax < 0 && uses[f.scale!].some((u) => u.num === "tax")) {
      const what = params.taxBasis === "addRefund" ? `评价税收（实缴税金 ${fmt(f.taxPaid!)} + 留抵退税 ${fmt(f.vatRefund ?? 0)}）` : "实缴税金";
      f.notes.push(`${what}为负（${fmt(f.data.tax)} 万元），税收类指标按 0 分计，汇总按实际数 (negative tax: its tax indicators score 0; aggregates use the tax as reported)`);
    }
    f.score += f.bonus;
  }
  for (const k of absent) {
    notes.push(`${pool}没有企业有“${indicatorDef(k).label}”的数据，该项不计分 (no firm of pool ${pool} has ${indicatorDef(k).label}: the indicator is not scored)`);
  }
  for (const k of broken) {
    notes.push(`${pool}“${indicatorDef(k).label}”的基准值为 0 或无效，本池无法计分 (the benchmark of ${indicatorDef(k).label} in pool ${pool} is zero or invalid: no scores)`);
  }
}

function fmt(n: number): string {
  return String(Number(n.toPrecision(6)));
}

/**
 * Rank and grade the members: the ranking (its N) leaves out vetoed and 不定等级 firms; the
 * rank grade comes from the shares (按比例) or the score lines (按分数线); then the adjustments:
 * 一票否决 → D, 不定等级 → no grade (hint “参照B类”), 调整等级 → that grade (others keep theirs).
 * Returns the final grade counts and the number ranked.
 */
export function gradePool(members: FirmResult[], params: AcreParams): { counts: GradeCounts; ranked: number } {
  const eligible = members.map((f) => (f.adjustment?.kind === "veto" || f.adjustment?.kind === "ungraded" ? null : f.score));
  const ranked = gradeAll(eligible, params.shares);
  const counts: GradeCounts = { A: 0, B: 0, C: 0, D: 0, 不定等级: 0 };
  let n = 0;
  for (let i = 0; i < members.length; i++) {
    const f = members[i];
    const r = ranked[i];
    if (r) {
      f.rank = r.rank;
      f.rankGrade = params.grading === "lines" ? gradeByLines(f.score!, params.scoreLines) : r.grade;
      n++;
    }
    const kind = f.adjustment?.kind;
    f.grade = kind === "veto" ? "D" : kind === "ungraded" ? null : kind === "override" ? f.overrideGrade! : f.rankGrade;
    if (f.grade) {
      f.hint = params.hints[f.grade] ?? null;
      counts[f.grade]++;
    } else if (kind === "ungraded") {
      f.hint = `不定等级，参照B类（${params.hints.B}）`;
      counts.不定等级++;
    }
  }
  return { counts, ranked: n };
}
