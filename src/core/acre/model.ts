/**
 * The data of a per-mu evaluation: a firm as read, a firm as evaluated, the evaluation.
 * Types only; the steps live in scope.ts (who is in scope), pools.ts (benchmarks, scores,
 * grades per pool), aggregates.ts (county ratios of sums), evaluate.ts (the whole run),
 * fromTable.ts (a table → firms) and compare.ts (last year's grades).
 */
import { Grade } from "./grade";
import { DataKey, IndicatorKey } from "./indicators";
import { AcreParams } from "./params";
import { Scale } from "./spec";

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
  emissions?: number | null;
  electricity?: number | null;
  /** 是否经开区 = 是: in scope whatever its land (the 规下 minimum land does not apply). */
  inZone?: boolean | null;
  /** 一票否决 = 是: grade D, left out of the ranking. */
  veto?: boolean | null;
  vetoReason?: string | null;
  /** 调整等级 (定档调档): the final grade, applied after the ranking. */
  override?: Grade | null;
  overrideReason?: string | null;
  /** 不定等级 = 是: scored, not graded, left out of the ranking. */
  ungraded?: boolean | null;
  ungradedReason?: string | null;
  /** 加分 and 减分 (points ≥ 0): score = Σ indicator scores + 加分 − 减分. */
  bonus?: number | null;
  penalty?: number | null;
  /** 留抵退税(万元), added to the tax with 税收口径 = 加回留抵退税. */
  vatRefund?: number | null;
  /** Cells of the optional 定档调档 columns that could not be read and are ignored, e.g. "I3 调整等级“E”…" (zh-CN with English gloss). */
  unread?: string[];
  /** Per field: why a non-blank cell could not be read (from the table reader), e.g. "E5 “abc”不是数值". */
  invalid?: Partial<Record<DataKey, string>>;
}

export type AdjustmentKind = "veto" | "override" | "ungraded";

export interface Adjustment {
  kind: AdjustmentKind;
  /** As typed in the reason column ("" when blank: validation reports it). */
  reason: string;
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
  /** Inputs as used (land in 亩; tax per 税收口径). */
  data: Record<DataKey, number | null>;
  /** 实缴税金 as reported and 留抵退税 (null when blank or no column). */
  taxPaid: number | null;
  vatRefund: number | null;
  /** 是否经开区 = 是. */
  inZone: boolean;
  /** Values of the indicators in use (for either scale) that are computable for this firm. */
  indicators: Partial<Record<IndicatorKey, number>>;
  /** Score per indicator in use. */
  parts: Partial<Record<IndicatorKey, number>>;
  /** Σ indicator scores + bonus (null when a score could not be computed). */
  score: number | null;
  /** 加分 − 减分 (0 when none). */
  bonus: number;
  /** Position in the ranking of its pool (null when not ranked: vetoed, 不定等级, no score). */
  rank: number | null;
  /** The grade from the ranking (or the score lines) alone. */
  rankGrade: Grade | null;
  /** The final grade: D for a veto, the 调整等级 for an override, null for 不定等级. */
  grade: Grade | null;
  adjustment: Adjustment | null;
  /** The 调整等级 typed (applied when the adjustment is an override). */
  overrideGrade: Grade | null;
  hint: string | null;
  /** Per-firm notes (negative tax, an indicator scored by 缺项处理 …), zh-CN with English gloss. */
  notes: string[];
}

export interface Aggregates {
  taxPerMu: number | null;
  revenuePerMu: number | null;
  taxPerTce: number | null;
  laborProductivity: number | null;
  firms: number;
}

/** Final grades per pool, with the 不定等级 firms apart. */
export type GradeCounts = Record<Grade | "不定等级", number>;

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
  /** Firms per pool that were ranked (the N of the rank shares). */
  poolSizes: Partial<Record<PoolName, number>>;
  inScope: number;
  outOfScope: number;
  /** Evaluation-level notes (a zero benchmark …), zh-CN with English gloss. */
  notes: string[];
}

