/** The pool report's shapes: what analyzePool returns and the pane, the CLI and the export read. */
import type { NetNewFigure } from "../netNewFirms";
import type { SheetLike, Table } from "../table";
import type { DeadlineSource } from "./deadline";

export const DEFAULT_NET_TARGET = 18;

/** Where the month came from: the one resolver's sources (core/table/month.ts), then the last month with data. */
export type MonthSource = "option" | "column" | "above" | "sheet" | "data";
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
  /** 上年营业收入; when blank, the sum of 上年1月…上年12月 if all twelve are given; else null. */
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
  /**
   * Measured against the 2000 万 line: the 拟进规 tier (and a blank or unknown tier). 高成长性,
   * 专精特新 and 小巨人 firms are tracked by their own criteria: reached, atRisk and
   * lastYearAbove are false and neededPerMonth is null for them.
   */
  measured: boolean;
  /** 已达标: measured and YTD ≥ 2000 (可申报入规 until the status is 已入规). */
  reached: boolean;
  /** 尚需月均: (2000 − YTD) / months left to the deadline; null once reached, when no month is left, or not measured. */
  neededPerMonth: number | null;
  /** The firm's own monthly average: YTD / months reported (blank months not counted); null when none. */
  avgPerMonth: number | null;
  /** Not reached and neededPerMonth above avgPerMonth (or the deadline passed): behind the deadline's pace. */
  behindPace: boolean;
  /** measured, 培育中, not reached, projection < 2000. */
  atRisk: boolean;
  /** measured and 上年营业收入 ≥ 2000: check the firm for 申报 now. */
  lastYearAbove: boolean;
  /**
   * Revenue growth: YTD vs last year's months 1…month when all are given ("same-period"), else
   * the projection vs 上年营业收入 ("projected"); null without either column.
   */
  growth: number | null;
  growthBasis: "same-period" | "projected" | null;
  /** 研发经费 / 上年营业收入 when the table has a 研发经费 column (专精特新's R&D share); else null. */
  rdShare: number | null;
  /** zh-CN notes on this firm (blank months, unknown status, projection error). */
  notes: string[];
}

export interface PoolSummary {
  byTier: Record<string, number>;
  byStatus: Record<string, number>;
  /** 拟进规 firms 培育中 reached or projected ≥ 2000. */
  projectedToCross: number;
  /** 拟进规 firms 培育中 at or above the line (YTD ≥ 2000). */
  reached: number;
  /** 拟进规 firms 培育中 whose 上年营业收入 ≥ 2000. */
  lastYearAbove: number;
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
  /** 拟进规 培育中, reached or projected ≥ 2000. */
  onTrack: number;
  atRisk: number;
  entered: number;
  removed: number;
}

export interface PoolReport {
  month: number;
  monthSource: MonthSource;
  threshold: number;
  /** The deadline month (入规截止月份) and where it came from. */
  byMonth: number;
  byMonthSource: DeadlineSource;
  table: Table;
  firms: PoolFirm[];
  summary: PoolSummary;
  leaders: LeaderView[];
  /** zh-CN notes (with English gloss) about the workbook: parse issues, list sheets, months. */
  notes: string[];
  /** 净增规上: the one figure shown everywhere (core/netNewFirms.ts), its source, and 不一致 with the 目标 sheet. */
  netFigure: NetNewFigure;
}

export interface PoolInput {
  pool: SheetLike;
  /** 新增规上 list sheet, when present. */
  added?: SheetLike | null;
  /** 退规 list sheet, when present. */
  dropped?: SheetLike | null;
  /** 目标 sheet, when present. */
  targets?: SheetLike | null;
  /** 参数 sheet (参数 | 值), when present: its 入规截止月份 row. */
  params?: SheetLike | null;
}

export interface PoolOptions {
  month?: number;
  target?: number;
  dropped?: number;
  /** The deadline month 1–12, not before the report month (--by-month, the pane's box). */
  byMonth?: number;
}

