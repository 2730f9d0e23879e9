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

