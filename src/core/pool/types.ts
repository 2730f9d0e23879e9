/** The pool report's shapes: what analyzePool returns and the pane, the CLI and the export read. */
import type { SheetLike, Table } from "../table";

export const DEFAULT_NET_TARGET = 18;

export type MonthSource = "option" | "column" | "data";
export type ProjectionMethod = "run-rate" | "seasonal";

export interface PoolFirm {
  /** Index in the pool (sheet order), stable key for the list. */
  index: number;
  /** 1-based sheet row. */
  row: number;
  name: string;
  uscc: string | null;
  town: string | null;
  tier: string | null;
  leader: string | null;
  /** Excel serial date, or null. */
  entryDate: number | null;
  /** Normalised status (培育中 when blank). */
  status: string;
  lastYearRevenue: number | null;
  ytd: number;
  /** Where the YTD came from. */
  ytdSource: "months" | "ytd" | "none";
  /** Months 1..month left blank (counted as 0). */
  missingMonths: number[];
  projection: number | null;
  method: ProjectionMethod;
  /** projection − 2000 (negative = short of the line); null when no projection. */
  gap: number | null;
  /** ytd / 2000, clipped to [0, 1]: the progress bar toward the line. */
  progress: number;
  atRisk: boolean;
  /** zh-CN notes on this firm (blank months, unknown status, projection error). */
  notes: string[];
}

export interface PoolSummary {
  byTier: Record<string, number>;
  byStatus: Record<string, number>;
  projectedToCross: number;
  added: number;
  removed: number;
  droppedOut: number;
  net: number;
  target: number;
  /** Extra detail, not in the CLI JSON contract. */
  detail: {
    total: number;
    atRisk: number;
    addedFromPool: number;
    addedFromSheet: number;
    droppedSource: "option" | "sheet" | "targets" | "default";
    targetSource: "option" | "targets" | "default";
    /** net / target (null when target is 0). */
    progress: number | null;
  };
}

export interface LeaderView {
  leader: string;
  firms: PoolFirm[];
  /** Firms in 培育中. */
  inPool: number;
  /** 培育中 and projected ≥ 2000. */
  onTrack: number;
  atRisk: number;
  entered: number;
  removed: number;
}

export interface PoolReport {
  month: number;
  monthSource: MonthSource;
  threshold: number;
  table: Table;
  firms: PoolFirm[];
  summary: PoolSummary;
  leaders: LeaderView[];
  /** zh-CN notes (with English gloss) about the workbook: parse issues, list sheets, months. */
  notes: string[];
}

export interface PoolInput {
  pool: SheetLike;
  /** 新增规上 list sheet, when present. */
  added?: SheetLike | null;
  /** 退规 list sheet, when present. */
  dropped?: SheetLike | null;
  /** 目标 sheet, when present. */
  targets?: SheetLike | null;
}

export interface PoolOptions {
  month?: number;
  target?: number;
  dropped?: number;
}

