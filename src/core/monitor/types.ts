/** Monitoring's shapes: a month's report in, the analysis out (amounts in 万元, rates as decimals). */
import type { NetNewFigure } from "../netNewFirms";
import { DEFAULT_DEADLINE_MONTH, SCALE_THRESHOLD } from "../pool/projection";
import type { TargetKind, Targets } from "./targets";

/** One firm's row of a monthly report (万元). `row` is its 1-based sheet row. */
export interface FirmMonth {
  name: string;
  uscc: string | null;
  row: number;
  outputMonth: number | null;
  outputYtd: number | null;
  outputYtdLastYear: number | null;
  valueAddedYtd: number | null;
  revenueYtd: number | null;
  outputMonthLastYear: number | null;
  valueAddedYtdLastYear: number | null;
  revenueYtdLastYear: number | null;
}

export type FirmField = Exclude<keyof FirmMonth, "name" | "uscc" | "row">;

/** One month's report: its firms and which columns the sheet has. */
export interface MonthData {
  month: number;
  sheet: string;
  firms: FirmMonth[];
  /** Columns present in the sheet (a rule reading an absent column is not run). */
  has: Partial<Record<FirmField, boolean>>;
}

export type RuleId = "ytd-decline" | "three-month-decline" | "month-drop" | "va-rate-shift" | "below-scale";
export type Severity = "error" | "warning";

export const RULES: ReadonlyArray<{ id: RuleId; title: string }> = [
  { id: "below-scale", title: "营业收入进度低于规上标准，有退规风险 (revenue pace below the above-scale line)" },
  { id: "month-drop", title: "本月产值低于上年同月的 70% (this month's output below 70% of the same month last year)" },
  { id: "ytd-decline", title: "累计产值同比下降超过 10% (YTD output down more than 10% YoY)" },
  { id: "three-month-decline", title: "连续三个月产值同比下降 (output down YoY in each of the last three months)" },
  { id: "va-rate-shift", title: "增加值率较上年变动超过 5 个百分点 (value-added rate moved more than 5 pp)" },
];

export interface MonitorParams {
  /** ytd-decline fires when YTD growth < −ytdDecline. */
  ytdDecline: number;
  /** three-month-decline: number of consecutive months down YoY. */
  declineMonths: number;
  /** month-drop fires when this month / same month last year < monthDrop. */
  monthDrop: number;
  /** va-rate-shift fires when |VA rate − last year's| > vaRateShift. */
  vaRateShift: number;
  /** below-scale fires when a firm has not reached scaleLine (万元) and its projected annual revenue is below it (the pool's rule, scalePace). */
  scaleLine: number;
  /** The deadline month (入规截止月份) for the pace still needed in the below-scale message: the pool's, from the 参数/目标 sheet, else 12. */
  byMonth: number;
  /** Rows in the pane's contribution table. */
  topN: number;
  severity: Record<RuleId, Severity>;
}

export const DEFAULT_PARAMS: MonitorParams = {
  ytdDecline: 0.1,
  declineMonths: 3,
  monthDrop: 0.7,
  vaRateShift: 0.05,
  scaleLine: SCALE_THRESHOLD,
  byMonth: DEFAULT_DEADLINE_MONTH,
  topN: 10,
  severity: {
    "below-scale": "error",
    "month-drop": "error",
    "ytd-decline": "warning",
    "three-month-decline": "warning",
    "va-rate-shift": "warning",
  },
};

export interface Totals {
  /** Σ 本月工业总产值 over all firms. */
  outputMonth: number;
  /** Σ 1-本月工业总产值 over all firms. */
  outputYtd: number;
  /** Σ 上年同期1-本月工业总产值 over the same-basis firms (the growth base). */
  outputYtdLastYear: number;
  /** Same-basis YTD growth: firms with both 1-本月 and 上年同期 values; null when not computable. */
  growth: number | null;
  /** Σ 1-本月工业增加值 / Σ 1-本月营业收入; null when the report has no such column (not 0). */
  valueAddedYtd: number | null;
  revenueYtd: number | null;
  /** Firms in the same-basis set, and the names left out (no 上年同期 or no 1-本月 value). */
  sameBasisFirms: number;
  excludedFirms: string[];
  /** Same-basis growth of this month's output (needs 上年同期本月工业总产值). */
  monthGrowth: number | null;
  /**
   * 现价增速: same-basis growth of value added at current prices (needs 上年同期1-本月工业增加值).
   * NOT the official 工业增加值增速, which is at comparable prices: never a target's actual.
   */
  valueAddedGrowthCurrentPrices: number | null;
  /** Same-basis growth of revenue (needs 上年同期1-本月营业收入). */
  revenueGrowth: number | null;
  firms: number;
}

export interface TargetProgress {
  name: string;
  kind: TargetKind;
  /** The 单位 as written on the 目标 sheet (亿元, %, 户 …); values are converted (万元, decimal, count). */
  unit: string;
  /** 1-本月 actual (万元 / decimal / count): output summed from the firms, the rest from 1-本月完成. */
  actual: number | null;
  target: number;
  /** 完成率 for a 总量 target; null for 增速 or when not computable. */
  rate: number | null;
  timeProgress: number;
  /** 总量: rate − 序时进度; 增速: actual − target (points as decimals); null when not computable. */
  gap: number | null;
  /** Where the actual comes from. */
  source: "firms" | "sheet" | "pool";
  /** 目标 sheet row (1-based). */
  row: number;
  /** Why the actual is blank, when it is (工业增加值增速 without a typed 1-本月完成). */
  note: string | null;
}

export interface Warning {
  firm: string;
  uscc: string | null;
  /** 1-based row of the firm in the current month's sheet. */
  row: number;
  rule: RuleId;
  severity: Severity;
  /** ytd-decline, three-month-decline: growth; month-drop: ratio; va-rate-shift: change in points; below-scale: projected revenue. */
  value: number;
  message: string;
}

export interface ContributionRow {
  firm: string;
  uscc: string | null;
  row: number;
  /** Share of the county's YTD output. */
  share: number;
  /** Δfirm = 1-本月 − 上年同期. */
  delta: number;
  /** 贡献率 = Δfirm / Δtotal (null when Δtotal = 0). */
  contribution: number | null;
  /** 拉动 = Δfirm / total last year (null when that total is 0). */
  pull: number | null;
}

export interface Concentration {
  /** Largest firm's share of YTD output; null when the total is not positive. */
  top1: number | null;
  top5: number | null;
  top1Firm: string | null;
}

export interface MonthlyPoint {
  month: number;
  output: number | null;
  outputLastYear: number | null;
}

export interface MonitorResult {
  month: number;
  sheet: string;
  totals: Totals;
  targets: TargetProgress[];
  warnings: Warning[];
  rulesRun: RuleId[];
  rulesSkipped: { rule: RuleId; reason: string }[];
  /** Every same-basis firm, by contribution (largest first); the pane shows the first topN. */
  contribution: ContributionRow[];
  concentration: Concentration;
  /** County output per month (this year vs last) from the sheets available. */
  monthly: MonthlyPoint[];
  notes: string[];
  params: MonitorParams;
}

export interface MonitorInput {
  current: MonthData;
  /** 净增规上 as the pool tab shows it (core/netNewFirms.ts); without it the 目标 sheet's 1-本月完成. */
  netNewFirms?: NetNewFigure | null;
  /** Earlier months of the same year (any order; later duplicates of a month are ignored). */
  earlier?: MonthData[];
  targets?: Targets | null;
  params?: Partial<MonitorParams>;
}
