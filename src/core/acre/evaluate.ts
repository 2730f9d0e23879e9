/**
 * Whole-table per-mu evaluation (亩均效益评价): scope, per-firm indicators, score, rank within
 * the pool, grade, county aggregates (ratios of sums), grade counts, and the comparison with
 * last year's result. Scores and grades come from score.ts / grade.ts, the same functions as
 * the JX.ACRE_SCORE / JX.ACRE_GRADE cells, so a cell and the table can never disagree.
 *
 * Decisions (README, 亩均效益评价):
 * - A firm is out of scope, with its reason, when: the name is blank; 规模 is not 规上/规下;
 *   the land is blank, not a number or ≤ 0 (无用地); a 规下 firm has less than the minimum land
 *   (default 3 亩); a datum needed by an indicator in use for its scale is blank or unreadable;
 *   or a denominator of such an indicator is 0 (e.g. 综合能耗 0 → 单位能耗税收 undefined: an
 *   industrial firm reporting zero energy is treated as missing data, never scored 0 or ∞).
 * - Benchmark of an indicator in a pool = Σ numerator / Σ denominator over the in-scope firms
 *   of that pool that use the indicator, so a firm at the pool level scores 100.
 * - County aggregates = ratios of sums over in-scope firms (all / 规上 / 规下).
 */
import { convertUnit, normalizeHeader, Table, TableRow } from "../table";
import { CellValue } from "../num";
import { isError, Result } from "../result";
import { gradeAll, Grade } from "./grade";
import { minMaxScore, ratioScore } from "./score";
import { DATA_LABELS, DataKey, indicatorDef, INDICATORS, IndicatorKey } from "./indicators";
import { AcreParams, allIndicatorsInUse, defaultParams, GRADES, indicatorsInUse } from "./params";
import { parseScale, Scale, SCALES } from "./spec";

export type PoolName = Scale | "全部";

/** One firm's data, amounts in 万元, land in 亩, energy in 吨标煤. null = blank. */
export interface AcreFirmInput {
  /** 1-based sheet row (0 when not from a sheet). */
  row?: number;
  name: string | null;
  uscc?: string | null;
  /** 规上 / 规下 (or any text parseScale understands). */
  scale: string | null;
  land: number | null;
  tax: number | null;
  revenue?: number | null;
  valueAdded?: number | null;
  energy?: number | null;
  employees?: number | null;
  rnd?: number | null;
  techInvestment?: number | null;
  /** Per field: why a non-blank cell could not be read (from the table reader), e.g. "E5 “abc”不是数值". */
  invalid?: Partial<Record<DataKey, string>>;
}

export type ScopeCode = "noName" | "noScale" | "noLand" | "belowMinLand" | "missingData" | "zeroDenominator";

export interface FirmResult {
  row: number;
  name: string | null;
  uscc: string | null;
  scale: Scale | null;
  pool: PoolName | null;
  inScope: boolean;
  /** Why the firm is out of scope (zh-CN with English gloss); null when in scope. */
  reason: string | null;
  scopeCode: ScopeCode | null;
  /** Inputs as used (land in 亩). */
  data: Record<DataKey, number | null>;
  /** Values of the indicators in use (for either scale) that are computable for this firm. */
  indicators: Partial<Record<IndicatorKey, number>>;
  /** Score per indicator in use. */
  parts: Partial<Record<IndicatorKey, number>>;
  score: number | null;
  rank: number | null;
  grade: Grade | null;
  hint: string | null;
}

export interface Aggregates {
  taxPerMu: number | null;
  revenuePerMu: number | null;
  taxPerTce: number | null;
  laborProductivity: number | null;
  firms: number;
}

export type GradeCounts = Record<Grade, number>;

export interface AcreEvaluation {
  params: AcreParams;
  pools: PoolName[];
  /** Benchmark per pool and indicator in use (ratio method; also the pool level for min–max). */
  benchmarks: Partial<Record<PoolName, Partial<Record<IndicatorKey, number>>>>;
  /** Min and max per pool and indicator (min–max method). */
  ranges: Partial<Record<PoolName, Partial<Record<IndicatorKey, [number, number]>>>>;
  firms: FirmResult[];
  aggregates: { all: Aggregates; aboveScale: Aggregates; belowScale: Aggregates };
  grades: Partial<Record<PoolName, GradeCounts>>;
  /** Firms per pool that were graded. */
  poolSizes: Partial<Record<PoolName, number>>;
  inScope: number;
  outOfScope: number;
  /** Evaluation-level notes (a zero benchmark …), zh-CN with English gloss. */
  notes: string[];
}

const DATA_KEYS: DataKey[] = ["land", "tax", "revenue", "valueAdded", "energy", "employees", "rnd", "techInvestment"];

function reasonText(code: ScopeCode, detail: string, params: AcreParams): string {
  switch (code) {
    case "noName":
      return "缺少企业名称 (no firm name)";
    case "noScale":
      return `规模应为“规上”或“规下”${detail ? `，实为“${detail}”` : "，为空"} (scale must be 规上 or 规下)`;
    case "noLand":
      return `无用地面积${detail ? `：${detail}` : ""} (no land)`;
    case "belowMinLand":
      return `规下企业用地不足 ${params.minLandBelowScale} 亩（${detail} 亩）(below ${params.minLandBelowScale} 亩)`;
    case "missingData":
      return `数据缺失：${detail} (missing data)`;
    case "zeroDenominator":
      return `${detail} (zero denominator: treated as missing data)`;
  }
}

function fmt(n: number): string {
  return String(Number(n.toPrecision(6)));
}

/** What the evaluation needs per scale, computed once: indicators in use with weight, numerator, denominator. */
interface Use {
  key: IndicatorKey;
  weight: number;
  num: DataKey;
  den: DataKey;
  opts: { cap?: number };
}

function usesOf(params: AcreParams): Record<Scale, Use[]> {
  const out = {} as Record<Scale, Use[]>;
  for (const s of SCALES) {
    out[s] = indicatorsInUse(params, s).map((k) => {
      const d = indicatorDef(k);
      return { key: k, weight: params.weights[s][k]!, num: d.numerator(params.laborNumerator), den: d.denominator, opts: params.caps[k] !== undefined ? { cap: params.caps[k] } : {} };
    });
  }
  return out;
}

/** Scope of one firm: null when in scope, else the code and its detail text. */
function scopeOf(f: AcreFirmInput, scale: Scale | null, data: Record<DataKey, number | null>, params: AcreParams, uses: Record<Scale, Use[]>): [ScopeCode, string] | null {
  if (!f.name || String(f.name).trim() === "") return ["noName", ""];
  if (!scale) return ["noScale", f.scale === null || f.scale === undefined ? "" : String(f.scale)];
  if (data.land === null || data.land <= 0) {
    const why = f.invalid?.land ?? (data.land === null ? "" : `用地面积为 ${fmt(data.land)}`);
    return ["noLand", why];
  }
  if (scale === "规下" && data.land < params.minLandBelowScale) return ["belowMinLand", fmt(data.land)];
  let missing: DataKey[] | null = null;
  for (const u of uses[scale]) {
    for (const key of [u.num, u.den]) {
      if (data[key] === null && !(missing ??= []).includes(key)) missing.push(key);
    }
  }
  if (missing) return ["missingData", missing.map((k) => (f.invalid?.[k] ? `${DATA_LABELS[k]}（${f.invalid[k]}）` : DATA_LABELS[k])).join("、")];
  for (const u of uses[scale]) {
    if (data[u.den] === 0) return ["zeroDenominator", `${DATA_LABELS[u.den]}为 0，无法计算${indicatorDef(u.key).label}`];
  }
  return null;
}

function toData(f: AcreFirmInput): Record<DataKey, number | null> {
  const n = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return {
    land: n(f.land),
    tax: n(f.tax),
    revenue: n(f.revenue),
    valueAdded: n(f.valueAdded),
    energy: n(f.energy),
    employees: n(f.employees),
    rnd: n(f.rnd),
    techInvestment: n(f.techInvestment),
  };
}

/** Ratio of sums Σnum/Σden over firms having both (den summed only where num is present); null when Σden is 0. */
function ratioOfSums(firms: FirmResult[], num: DataKey, den: DataKey): number | null {
  let a = 0;
  let b = 0;
  for (let i = 0; i < firms.length; i++) {
    const d = firms[i].data;
    const x = d[num];
    const y = d[den];
    if (x === null || y === null) continue;
    a += x;
    b += y;
  }
  return b > 0 ? a / b : null;
}

function aggregatesOf(firms: FirmResult[], params: AcreParams): Aggregates {
  return {
    taxPerMu: ratioOfSums(firms, "tax", "land"),
    revenuePerMu: ratioOfSums(firms, "revenue", "land"),
    taxPerTce: ratioOfSums(firms, "tax", "energy"),
    laborProductivity: ratioOfSums(firms, params.laborNumerator, "employees"),
    firms: firms.length,
  };
}

/** Evaluate firms (already read) with the given parameters. */
export function evaluateFirms(inputs: AcreFirmInput[], params: AcreParams = defaultParams()): AcreEvaluation {
  const notes: string[] = [];
  const uses = usesOf(params);
  // indicators shown (those in use for any scale), computed for every firm where possible
  const shown = allIndicatorsInUse(params).map(indicatorDef);
  const firms: FirmResult[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const f = inputs[i];
    const scale = parseScale(f.scale);
    const data = toData(f);
    const scope = scopeOf(f, scale, data, params, uses);
    const indicators: Partial<Record<IndicatorKey, number>> = {};
    for (const d of shown) {
      const x = data[d.numerator(params.laborNumerator)];
      const y = data[d.denominator];
      if (x === null || y === null) continue;
      const v = d.compute(x, y);
      if (!isError(v)) indicators[d.key] = v;
    }
    firms[i] = {
      row: f.row ?? i + 1,
      name: f.name && String(f.name).trim() !== "" ? String(f.name).trim() : null,
      uscc: f.uscc && String(f.uscc).trim() !== "" ? String(f.uscc).trim() : null,
      scale,
      pool: scope ? null : params.separatePools ? scale : "全部",
      inScope: !scope,
      reason: scope ? reasonText(scope[0], scope[1], params) : null,
      scopeCode: scope ? scope[0] : null,
      data,
      indicators,
      parts: {},
      score: null,
      rank: null,
      grade: null,
      hint: null,
    };
  }

  const pools: PoolName[] = params.separatePools ? [...SCALES] : ["全部"];
  const benchmarks: AcreEvaluation["benchmarks"] = {};
  const ranges: AcreEvaluation["ranges"] = {};
  const grades: AcreEvaluation["grades"] = {};
  const poolSizes: AcreEvaluation["poolSizes"] = {};
  // one ratioScore/minMaxScore call per firm and indicator, on reused one-element arrays
  const xs = [0];
  const bs = [0];
  const ws = [0];

  for (const pool of pools) {
    const members = firms.filter((f) => f.pool === pool);
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
    benchmarks[pool] = bm;
    ranges[pool] = rg;

    const broken = new Set<IndicatorKey>();
    const scores: (number | null)[] = new Array(members.length);
    for (let i = 0; i < members.length; i++) {
      const f = members[i];
      let sum = 0;
      let failed = false;
      for (const u of uses[f.scale!]) {
        const x = f.indicators[u.key]!;
        let part: Result<number>;
        if (params.method === "minmax") {
          const r = rg[u.key]!;
          part = minMaxScore(x, r[0], r[1], u.weight);
        } else {
          const b = bm[u.key];
          if (b === undefined) part = { error: "#DIV/0!", message: "基准值为 0 (benchmark is zero)" };
          else {
            xs[0] = x;
            bs[0] = b;
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
      scores[i] = f.score;
    }
    for (const k of broken) {
      notes.push(`${pool}“${indicatorDef(k).label}”的基准值为 0 或无效，本池无法计分 (the benchmark of ${indicatorDef(k).label} in pool ${pool} is zero or invalid: no scores)`);
    }
    const ranked = gradeAll(scores, params.shares);
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
    grades[pool] = counts;
    poolSizes[pool] = graded;
  }

  const inScope = firms.filter((f) => f.inScope);
  return {
    params,
    pools,
    benchmarks,
    ranges,
    firms,
    aggregates: {
      all: aggregatesOf(inScope, params),
      aboveScale: aggregatesOf(
        inScope.filter((f) => f.scale === "规上"),
        params,
      ),
      belowScale: aggregatesOf(
        inScope.filter((f) => f.scale === "规下"),
        params,
      ),
    },
    grades,
    poolSizes,
    inScope: inScope.length,
    outOfScope: firms.length - inScope.length,
    notes,
  };
}

function fixedBenchmark(params: AcreParams, pool: PoolName, k: IndicatorKey): number | undefined {
  const v = pool === "全部" ? params.fixedBenchmarks.规上[k] ?? params.fixedBenchmarks.规下[k] : params.fixedBenchmarks[pool][k];
  return v !== undefined && v > 0 ? v : undefined;
}

// ---------------------------------------------------------------- from a table

/** Firms of a per-mu table (read with acreSpec); the land column follows `landUnit` when its header names no unit. */
export function firmsFromTable(table: Table, params: AcreParams = defaultParams()): AcreFirmInput[] {
  const landCol = table.columns.land;
  const landHasUnit = landCol ? normalizeHeader(landCol.header).unit !== "" : true;
  const convertLand = !landHasUnit && params.landUnit === "平方米";
  const invalidByRow = new Map<number, Partial<Record<DataKey, string>>>();
  for (const issue of table.issues) {
    if (!(DATA_KEYS as string[]).includes(issue.key)) continue;
    const m = invalidByRow.get(issue.row) ?? {};
    m[issue.key as DataKey] = `${issue.address} ${issue.message}`;
    invalidByRow.set(issue.row, m);
  }
  return table.rows.map((r: TableRow) => {
    const v = r.values;
    const n = (k: string) => (typeof v[k] === "number" ? (v[k] as number) : null);
    const t = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
    const land = n("land");
    return {
      row: r.row,
      name: t("name"),
      uscc: t("uscc"),
      scale: t("scale"),
      land: land !== null && convertLand ? convertUnit(land, "平方米", "亩") : land,
      tax: n("tax"),
      revenue: n("revenue"),
      valueAdded: n("valueAdded"),
      energy: n("energy"),
      employees: n("employees"),
      rnd: n("rnd"),
      techInvestment: n("techInvestment"),
      invalid: invalidByRow.get(r.row),
    };
  });
}

// ---------------------------------------------------------------- comparison with last year

export interface LastYearFirm {
  name: string | null;
  uscc: string | null;
  grade: Grade | null;
}

export interface GradeChange {
  name: string | null;
  uscc: string | null;
  from: Grade;
  to: Grade;
}

export interface Comparison {
  up: GradeChange[];
  down: GradeChange[];
  same: number;
  /** Graded this year, not graded last year. */
  added: Array<{ name: string | null; uscc: string | null; grade: Grade }>;
  /** Graded last year, not graded this year (with this year's reason when the firm is listed out of scope). */
  removed: Array<{ name: string | null; uscc: string | null; grade: Grade; reason: string | null }>;
}

const ORDER: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3 };

function normName(s: string | null): string {
  return s ? s.replace(/\s+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")") : "";
}

/** Compare this year's grades with last year's result: firms matched by 统一社会信用代码, else by name. */
export function compareWithLastYear(evaluation: AcreEvaluation, lastYear: LastYearFirm[]): Comparison {
  const byCode = new Map<string, LastYearFirm>();
  const byName = new Map<string, LastYearFirm>();
  for (const f of lastYear) {
    if (!f.grade) continue;
    if (f.uscc) byCode.set(f.uscc.toUpperCase(), f);
    if (f.name) byName.set(normName(f.name), f);
  }
  const gradedNow = new Set<LastYearFirm>();
  const reasonOf = new Map<LastYearFirm, string | null>();
  const out: Comparison = { up: [], down: [], same: 0, added: [], removed: [] };
  const find = (f: { uscc: string | null; name: string | null }) => (f.uscc && byCode.get(f.uscc.toUpperCase())) || (f.name ? byName.get(normName(f.name)) : undefined);
  for (const f of evaluation.firms) {
    const last = find(f);
    if (!f.grade) {
      if (last) reasonOf.set(last, f.reason);
      continue;
    }
    if (!last) {
      out.added.push({ name: f.name, uscc: f.uscc, grade: f.grade });
      continue;
    }
    gradedNow.add(last);
    const d = ORDER[f.grade] - ORDER[last.grade!];
    if (d < 0) out.up.push({ name: f.name, uscc: f.uscc, from: last.grade!, to: f.grade });
    else if (d > 0) out.down.push({ name: f.name, uscc: f.uscc, from: last.grade!, to: f.grade });
    else out.same++;
  }
  for (const f of lastYear) {
    if (f.grade && !gradedNow.has(f)) out.removed.push({ name: f.name, uscc: f.uscc, grade: f.grade, reason: reasonOf.get(f) ?? null });
  }
  return out;
}

/** Read a cell as a grade (A–D, also “A类”); null otherwise. */
export function parseGrade(raw: CellValue): Grade | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim().toUpperCase().replace(/类$/, "");
  return (GRADES as readonly string[]).includes(s) ? (s as Grade) : null;
}
