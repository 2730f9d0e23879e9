/**
 * Monthly operation monitoring (经济运行监测预警, domain.md §1): county totals with same-basis
 * growth (同口径), annual targets against 序时进度, early warnings per firm, contribution and
 * concentration. Pure: typed rows in, a result out; amounts in 万元, rates as decimals.
 */
import { contribution, pull, targetRate, timeProgress, yoyGrowth } from "../indicators";
import { projectFullYear, SCALE_THRESHOLD } from "../pool/projection";
import { isError, Result } from "../result";
import { TargetKind, Targets } from "./targets";

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
  /** below-scale fires when the projected annual revenue < scaleLine (万元). */
  scaleLine: number;
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
  valueAddedYtd: number;
  revenueYtd: number;
  /** Firms in the same-basis set, and the names left out (no 上年同期 or no 1-本月 value). */
  sameBasisFirms: number;
  excludedFirms: string[];
  /** Same-basis growth of this month's output (needs 上年同期本月工业总产值). */
  monthGrowth: number | null;
  /** Same-basis growth of value added at current prices (needs 上年同期1-本月工业增加值). */
  valueAddedGrowth: number | null;
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
  source: "firms" | "sheet";
  /** 目标 sheet row (1-based). */
  row: number;
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
  /** Earlier months of the same year (any order; later duplicates of a month are ignored). */
  earlier?: MonthData[];
  targets?: Targets | null;
  params?: Partial<MonitorParams>;
}

const val = (r: Result<number>): number | null => (isError(r) ? null : r);
const sum = (xs: number[]) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};
/** Σ of a field over firms, blanks as 0. */
const total = (firms: FirmMonth[], key: FirmField) => {
  let s = 0;
  for (let i = 0; i < firms.length; i++) s += firms[i][key] ?? 0;
  return s;
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Same-basis growth of field `now` over `before`: only firms with both values. */
function sameBasis(firms: FirmMonth[], now: FirmField, before: FirmField): { now: number; before: number; n: number; growth: number | null; excluded: string[] } {
  let a = 0;
  let b = 0;
  let n = 0;
  const excluded: string[] = [];
  for (const f of firms) {
    const x = f[now];
    const y = f[before];
    if (x === null || y === null) {
      excluded.push(f.name);
      continue;
    }
    a += x;
    b += y;
    n++;
  }
  return { now: a, before: b, n, growth: n ? val(yoyGrowth(a, b)) : null, excluded };
}

/** A firm's key in another month's sheet: USCC first, then name. */
function matcher(data: MonthData): (f: FirmMonth) => FirmMonth | null {
  const byUscc = new Map<string, FirmMonth>();
  const byName = new Map<string, FirmMonth>();
  for (const f of data.firms) {
    if (f.uscc && !byUscc.has(f.uscc)) byUscc.set(f.uscc, f);
    if (!byName.has(f.name)) byName.set(f.name, f);
  }
  return (f) => (f.uscc && byUscc.get(f.uscc)) || byName.get(f.name) || null;
}

export function analyzeMonth(input: MonitorInput): MonitorResult {
  const params: MonitorParams = { ...DEFAULT_PARAMS, ...input.params, severity: { ...DEFAULT_PARAMS.severity, ...input.params?.severity } };
  const cur = input.current;
  const m = cur.month;
  const firms = cur.firms;
  const notes: string[] = [];

  // ------------------------------------------------------------------ totals
  const out = sameBasis(firms, "outputYtd", "outputYtdLastYear");
  const outputYtd = total(firms, "outputYtd");
  const has = (k: FirmField) => !!cur.has[k];
  const optionalGrowth = (now: FirmField, before: FirmField) => (has(now) && has(before) ? sameBasis(firms, now, before).growth : null);
  const totals: Totals = {
    outputMonth: total(firms, "outputMonth"),
    outputYtd,
    outputYtdLastYear: out.before,
    growth: out.growth,
    valueAddedYtd: total(firms, "valueAddedYtd"),
    revenueYtd: total(firms, "revenueYtd"),
    sameBasisFirms: out.n,
    excludedFirms: out.excluded,
    monthGrowth: optionalGrowth("outputMonth", "outputMonthLastYear"),
    valueAddedGrowth: optionalGrowth("valueAddedYtd", "valueAddedYtdLastYear"),
    revenueGrowth: optionalGrowth("revenueYtd", "revenueYtdLastYear"),
    firms: firms.length,
  };
  if (out.excluded.length) {
    notes.push(
      `同口径增速只计入 1-本月与上年同期均有数值的 ${out.n} 户企业，未计入 ${out.excluded.length} 户：${out.excluded.join("、")} (same-basis growth counts the ${out.n} firms with both values; ${out.excluded.length} left out)`,
    );
  }

  // ------------------------------------------------------------------ targets
  const progress = timeProgress(m) as number;
  const targets: TargetProgress[] = [];
  for (const t of input.targets?.items ?? []) {
    if (t.key === "droppedFirms" || t.target === null) continue;
    const fromFirms = t.key === "output";
    const actual = fromFirms ? outputYtd : t.actual;
    let rate: number | null = null;
    let gap: number | null = null;
    if (actual !== null) {
      if (t.kind === "总量") {
        rate = val(targetRate(actual, t.target));
        gap = rate === null ? null : rate - progress;
      } else {
        gap = actual - t.target;
      }
    }
    targets.push({ name: t.name, kind: t.kind, unit: fromFirms ? "万元" : t.unit, actual, target: t.target, rate, timeProgress: progress, gap, source: fromFirms ? "firms" : "sheet", row: t.row });
  }
  if (!input.targets) notes.push("未找到目标表，不计算目标完成情况 (no 目标 sheet: target completion not computed)");

  // ------------------------------------------------------------------ earlier months
  const byMonth = new Map<number, MonthData>();
  byMonth.set(m, cur);
  for (const d of input.earlier ?? []) if (d.month < m && !byMonth.has(d.month)) byMonth.set(d.month, d);
  const matchers = new Map<number, (f: FirmMonth) => FirmMonth | null>();
  const find = (k: number, f: FirmMonth): FirmMonth | null => {
    if (k === m) return f;
    const d = byMonth.get(k);
    if (!d) return null;
    let fn = matchers.get(k);
    if (!fn) matchers.set(k, (fn = matcher(d)));
    return fn(f);
  };
  /** Can month k's output vs the same month last year be known (column, or YTD differences)? */
  const monthKnowable = (k: number) => {
    const d = byMonth.get(k);
    if (!d) return false;
    return (!!d.has.outputMonth || k === 1 || byMonth.has(k - 1)) && (!!d.has.outputMonthLastYear || k === 1 || byMonth.has(k - 1));
  };
  /** A firm's output in month k and in the same month last year. */
  const monthPair = (k: number, f: FirmMonth): { now: number; last: number } | null => {
    const x = find(k, f);
    if (!x) return null;
    const prev = k === 1 ? null : find(k - 1, f);
    const now = x.outputMonth ?? (k === 1 ? x.outputYtd : prev && x.outputYtd !== null && prev.outputYtd !== null ? x.outputYtd - prev.outputYtd : null);
    const last =
      x.outputMonthLastYear ??
      (k === 1 ? x.outputYtdLastYear : prev && x.outputYtdLastYear !== null && prev.outputYtdLastYear !== null ? x.outputYtdLastYear - prev.outputYtdLastYear : null);
    return now === null || last === null ? null : { now, last };
  };

  // ------------------------------------------------------------------ warnings
  const warnings: Warning[] = [];
  const rulesRun: RuleId[] = [];
  const rulesSkipped: { rule: RuleId; reason: string }[] = [];
  const warn = (f: FirmMonth, rule: RuleId, value: number, message: string) =>
    warnings.push({ firm: f.name, uscc: f.uscc, row: f.row, rule, severity: params.severity[rule], value, message });
  const skip = (rule: RuleId, reason: string) => rulesSkipped.push({ rule, reason });

  // below-scale: revenue pace (run-rate projection, the pool's projection) below the line.
  if (!has("revenueYtd")) skip("below-scale", "缺少“1-本月营业收入”列 (no 1-本月营业收入 column)");
  else {
    rulesRun.push("below-scale");
    for (const f of firms) {
      if (f.revenueYtd === null) continue;
      const p = val(projectFullYear(f.revenueYtd, m));
      if (p !== null && p < params.scaleLine) {
        warn(f, "below-scale", p, `按进度全年营业收入约 ${p.toFixed(0)} 万元，低于 ${params.scaleLine} 万元，有退规风险 (projected revenue ${p.toFixed(0)} 万元 is below ${params.scaleLine})`);
      }
    }
  }

  // month-drop: this month < monthDrop × same month last year.
  if (!has("outputMonthLastYear")) skip("month-drop", "缺少“上年同期本月工业总产值”列 (no 上年同期本月工业总产值 column)");
  else {
    rulesRun.push("month-drop");
    for (const f of firms) {
      if (f.outputMonth === null || f.outputMonthLastYear === null || f.outputMonthLastYear <= 0) continue;
      const r = f.outputMonth / f.outputMonthLastYear;
      if (r < params.monthDrop) {
        warn(f, "month-drop", r, `本月产值为上年同月的 ${pct(r)}，低于 ${pct(params.monthDrop)} (this month's output is ${pct(r)} of the same month last year)`);
      }
    }
  }

  // ytd-decline: YTD growth < −ytdDecline.
  if (!has("outputYtdLastYear")) skip("ytd-decline", "缺少“上年同期1-本月工业总产值”列 (no 上年同期1-本月工业总产值 column)");
  else {
    rulesRun.push("ytd-decline");
    for (const f of firms) {
      if (f.outputYtd === null || f.outputYtdLastYear === null || f.outputYtdLastYear <= 0) continue;
      const g = val(yoyGrowth(f.outputYtd, f.outputYtdLastYear));
      if (g !== null && g < -params.ytdDecline) {
        warn(f, "ytd-decline", g, `1-本月产值同比下降 ${pct(-g)}，超过 ${pct(params.ytdDecline)} (YTD output down ${pct(-g)} YoY)`);
      }
    }
  }

  // three-month-decline: down YoY in each of the last declineMonths months.
  const span = Array.from({ length: params.declineMonths }, (_, i) => m - i);
  const missingMonths = span.filter((k) => k < 1 || !byMonth.has(k));
  const unknowable = span.filter((k) => k >= 1 && byMonth.has(k) && !monthKnowable(k));
  if (missingMonths.length || unknowable.length) {
    const months = [...missingMonths, ...unknowable].filter((k) => k >= 1).sort((a, b) => a - b);
    skip(
      "three-month-decline",
      m < params.declineMonths
        ? `报告月份为 ${m} 月，不足 ${params.declineMonths} 个月 (month ${m}: fewer than ${params.declineMonths} months)`
        : `缺少 ${months.map((k) => `${k}月`).join("、")} 的月度数据（需要对应工作表或“上年同期本月工业总产值”列）(no monthly data for month ${months.join(", ")}: add those sheets)`,
    );
  } else {
    rulesRun.push("three-month-decline");
    for (const f of firms) {
      let down = true;
      let latest: number | null = null;
      for (const k of span) {
        const p = monthPair(k, f);
        if (!p || !(p.now < p.last)) {
          down = false;
          break;
        }
        if (k === m) latest = val(yoyGrowth(p.now, p.last));
      }
      if (down && latest !== null) {
        warn(f, "three-month-decline", latest, `${span[span.length - 1]}–${m} 月产值连续同比下降，本月 ${pct(latest)} (output down YoY in months ${span[span.length - 1]}–${m}; this month ${pct(latest)})`);
      }
    }
  }

  // va-rate-shift: |增加值/产值 − last year's| > vaRateShift.
  if (!has("valueAddedYtd") || !has("valueAddedYtdLastYear") || !has("outputYtdLastYear")) {
    skip("va-rate-shift", "缺少“上年同期1-本月工业增加值”或“1-本月工业增加值”列 (no value-added columns for both years)");
  } else {
    rulesRun.push("va-rate-shift");
    for (const f of firms) {
      if (f.valueAddedYtd === null || f.valueAddedYtdLastYear === null || f.outputYtd === null || f.outputYtdLastYear === null) continue;
      if (f.outputYtd <= 0 || f.outputYtdLastYear <= 0) continue;
      const d = f.valueAddedYtd / f.outputYtd - f.valueAddedYtdLastYear / f.outputYtdLastYear;
      if (Math.abs(d) > params.vaRateShift) {
        warn(f, "va-rate-shift", d, `增加值率较上年${d > 0 ? "上升" : "下降"} ${(Math.abs(d) * 100).toFixed(1)} 个百分点 (value-added rate ${d > 0 ? "up" : "down"} ${(Math.abs(d) * 100).toFixed(1)} pp)`);
      }
    }
  }

  const order = new Map(RULES.map((r, i) => [r.id, i]));
  warnings.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      order.get(a.rule)! - order.get(b.rule)! ||
      (a.rule === "va-rate-shift" ? Math.abs(b.value) - Math.abs(a.value) : a.value - b.value) ||
      a.row - b.row,
  );

  // ------------------------------------------------------------------ contribution, concentration
  const rows: ContributionRow[] = [];
  for (const f of firms) {
    if (f.outputYtd === null || f.outputYtdLastYear === null) continue;
    rows.push({
      firm: f.name,
      uscc: f.uscc,
      row: f.row,
      share: outputYtd > 0 ? f.outputYtd / outputYtd : 0,
      delta: f.outputYtd - f.outputYtdLastYear,
      contribution: val(contribution(f.outputYtd, f.outputYtdLastYear, out.now, out.before)),
      pull: val(pull(f.outputYtd, f.outputYtdLastYear, out.before)),
    });
  }
  const dir = out.now - out.before < 0 ? -1 : 1;
  rows.sort((a, b) => dir * (b.delta - a.delta) || b.share - a.share || a.row - b.row);

  const ytds = firms.filter((f) => f.outputYtd !== null).map((f) => ({ name: f.name, v: f.outputYtd as number }));
  ytds.sort((a, b) => b.v - a.v);
  const concentration: Concentration =
    outputYtd > 0 && ytds.length
      ? { top1: ytds[0].v / outputYtd, top5: sum(ytds.slice(0, 5).map((x) => x.v)) / outputYtd, top1Firm: ytds[0].name }
      : { top1: null, top5: null, top1Firm: null };

  // ------------------------------------------------------------------ monthly series
  const monthly: MonthlyPoint[] = [];
  for (let k = 1; k <= m; k++) {
    const d = byMonth.get(k);
    if (!d) {
      monthly.push({ month: k, output: null, outputLastYear: null });
      continue;
    }
    const prev = byMonth.get(k - 1);
    const output = d.has.outputMonth ? total(d.firms, "outputMonth") : k === 1 ? total(d.firms, "outputYtd") : prev ? total(d.firms, "outputYtd") - total(prev.firms, "outputYtd") : null;
    const outputLastYear = d.has.outputMonthLastYear
      ? total(d.firms, "outputMonthLastYear")
      : k === 1
        ? total(d.firms, "outputYtdLastYear")
        : prev
          ? total(d.firms, "outputYtdLastYear") - total(prev.firms, "outputYtdLastYear")
          : null;
    monthly.push({ month: k, output, outputLastYear });
  }

  return { month: m, sheet: cur.sheet, totals, targets, warnings, rulesRun, rulesSkipped, contribution: rows, concentration, monthly, notes, params };
}
