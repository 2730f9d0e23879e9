/**
 * The 运行分析 sheet: totals, targets vs 序时进度, warnings and contribution, laid out as
 * side-by-side blocks so that every column has one number format (rates as decimals shown
 * with a % format), plus the two chart specs over the sheet's own data. Pure.
 */
import type { ChartSpec } from "../chart";
import { MonitorResult, RULES, TargetProgress, Totals } from "./analyze";

export const ANALYSIS_SHEET = "运行分析";
export const CHART_MONTHLY = "jx_monitor_monthly";
export const CHART_TARGETS = "jx_monitor_targets";

type Cell = string | number | null;

const RULE_TITLE = new Map(RULES.map((r) => [r.id, r.title]));
export const SEVERITY_LABEL = { error: "严重 (error)", warning: "关注 (warning)" } as const;

/** Ahead/behind mark of a target row. */
export function targetMark(t: TargetProgress): { ahead: boolean | null; label: string } {
  if (t.gap === null) return { ahead: null, label: t.note ? "无完成数：可比价增速请在目标表填写 1-本月完成 (no actual: type the comparable-price growth)" : "无完成数 (no actual)" };
  const ahead = t.gap >= 0;
  if (t.kind === "增速") return { ahead, label: ahead ? "▲ 高于目标 (above target)" : "▼ 低于目标 (below target)" };
  return { ahead, label: ahead ? "▲ 超序时进度 (ahead)" : "▼ 欠序时进度 (behind)" };
}

export interface AnalysisSheet {
  rows: Cell[][];
  numberFormats: (string | null)[];
  charts: ChartSpec[];
}

/** Columns of each block (0-based). */
const A = 0; // totals, concentration, monthly series: A–E
const G = 6; // targets: G–N
const P = 15; // warnings: P–U
const W = 22; // contribution: W–AB
const WIDTH = W + 6;

export function analysisSheet(r: MonitorResult, topN = r.params.topN): AnalysisSheet {
  const rows: Cell[][] = [];
  const put = (row: number, col: number, cells: Cell[]) => {
    while (rows.length <= row) rows.push(new Array(WIDTH).fill(null));
    cells.forEach((c, i) => (rows[row][col + i] = c));
  };
  put(0, 0, [`运行分析 (monitoring analysis) — ${r.month}月，工作表“${r.sheet}”`]);

  // Block 1: totals.
  const t = r.totals;
  put(1, A, ["一、全县合计 (county totals, 万元)"]);
  put(2, A, ["指标 (indicator)", "本月 (month)", "1-本月 (YTD)", "上年同期1-本月 (last year, same basis)", "同比增速 (YoY)"]);
  put(3, A, ["工业总产值 (output)", t.outputMonth, t.outputYtd, t.outputYtdLastYear, t.growth]);
  // E is 现价增速 here: the current-price growth, not the official comparable-price 工业增加值增速
  put(4, A, ["工业增加值（同比为现价增速，非可比价）(value added; growth at current prices)", null, t.valueAddedYtd, null, t.valueAddedGrowthCurrentPrices]);
  put(5, A, ["营业收入 (revenue)", null, t.revenueYtd, null, t.revenueGrowth]);
  put(6, A, [`同口径企业 ${t.sameBasisFirms} / ${t.firms} 户 (same-basis firms)`]);
  put(7, A, [`最大企业占比 (top-1 share)：${r.concentration.top1Firm ?? "—"}`, null, null, null, r.concentration.top1]);
  put(8, A, ["前 5 户占比 (top-5 share)", null, null, null, r.concentration.top5]);
  put(10, A, ["月度工业总产值 (monthly output)"]);
  const monthlyHeader = 11;
  put(monthlyHeader, A, ["月份 (month)", "本年 (this year)", "上年 (last year)"]);
  r.monthly.forEach((p, i) => put(monthlyHeader + 1 + i, A, [`${p.month}月`, p.output, p.outputLastYear]));
  const monthlyEnd = monthlyHeader + r.monthly.length;

  // Block 2: targets, 总量 first so that the chart range is contiguous.
  put(1, G, [`二、目标完成 (targets) — 序时进度 ${(r.month / 12 * 100).toFixed(1)}%`]);
  put(2, G, ["指标 (indicator)", "完成率 (completion)", "序时进度 (time progress)", "超/欠序时或差距 (gap, pp)", "类型 (kind)", "年度目标 (target)", "1-本月完成 (actual)", "状态 (status)"]);
  const targets = [...r.targets.filter((x) => x.kind === "总量"), ...r.targets.filter((x) => x.kind === "增速")];
  targets.forEach((x, i) => put(3 + i, G, [x.name, x.rate, x.kind === "总量" ? x.timeProgress : null, x.gap, x.kind, x.target, x.actual, targetMark(x).label]));
  const totalTargets = targets.filter((x) => x.kind === "总量").length;

  // Block 3: warnings.
  put(1, P, [`三、预警 (warnings) — ${r.warnings.length} 条`]);
  put(2, P, ["级别 (severity)", "企业 (firm)", "规则 (rule)", "值 (value)", "说明 (message)", "行 (row)"]);
  r.warnings.forEach((w, i) => put(3 + i, P, [SEVERITY_LABEL[w.severity], w.firm, RULE_TITLE.get(w.rule) ?? w.rule, w.value, w.message, w.row]));
  let after = 3 + r.warnings.length + 1;
  for (const s of r.rulesSkipped) put(after++, P, ["未运行 (not run)", null, RULE_TITLE.get(s.rule) ?? s.rule, null, s.reason]);

  // Block 4: contribution.
  put(1, W, [`四、增长贡献 前 ${topN} 户 (contribution, top ${topN})`]);
  put(2, W, ["企业 (firm)", "占全县产值 (share)", "增量 (Δ, 万元)", "贡献率 (contribution)", "拉动 (pull, pp)"]);
  r.contribution.slice(0, topN).forEach((c, i) => put(3 + i, W, [c.firm, c.share, c.delta, c.contribution, c.pull]));

  const formats: (string | null)[] = new Array(WIDTH).fill(null);
  const set = (col: number, fs: (string | null)[]) => fs.forEach((f, i) => (formats[col + i] = f));
  set(A, ["@", "#,##0.00", "#,##0.00", "#,##0.00", "0.0%"]);
  set(G, ["@", "0.0%", "0.0%", "0.0%", "@", "General", "General", "@"]);
  set(P, ["@", "@", "@", "General", "@", "0"]);
  set(W, ["@", "0.0%", "#,##0.00", "0.0%", "0.0%"]);

  const charts: ChartSpec[] = [
    {
      name: CHART_MONTHLY,
      type: "column",
      title: "月度工业总产值：本年 vs 上年 (monthly output, this year vs last)",
      dataRange: `A${monthlyHeader + 1}:C${monthlyEnd + 1}`,
      anchor: `A${monthlyEnd + 3}`,
    },
  ];
  if (totalTargets) {
    charts.push({
      name: CHART_TARGETS,
      type: "bar",
      title: "目标完成率 vs 序时进度 (completion vs time progress)",
      dataRange: `G3:I${3 + totalTargets}`,
      anchor: `G${Math.max(3 + targets.length, 3) + 3}`,
    });
  }
  return { rows, numberFormats: formats, charts };
}

/** The `jx monitor --json` contract: exactly these keys; amounts in 万元, rates and gaps as decimals. */
export interface MonitorJson {
  month: number;
  /** valueAddedGrowthCurrentPrices: 现价增速 of value added (not the comparable-price 工业增加值增速). */
  totals: Pick<Totals, "outputMonth" | "outputYtd" | "outputYtdLastYear" | "growth" | "valueAddedYtd" | "revenueYtd" | "valueAddedGrowthCurrentPrices">;
  targets: { name: string; kind: "总量" | "增速"; actual: number | null; target: number; rate: number | null; timeProgress: number; gap: number | null }[];
  warnings: { firm: string; rule: string; severity: "error" | "warning"; value: number }[];
  contribution: { firm: string; share: number; contribution: number | null; pull: number | null }[];
  concentration: { top1: number | null; top5: number | null };
}

const fin = <T extends number | null>(x: T): T | null => (x === null || Number.isFinite(x) ? x : null);

export function toJson(r: MonitorResult): MonitorJson {
  const t = r.totals;
  return {
    month: r.month,
    totals: {
      outputMonth: t.outputMonth,
      outputYtd: t.outputYtd,
      outputYtdLastYear: t.outputYtdLastYear,
      growth: fin(t.growth),
      valueAddedYtd: t.valueAddedYtd,
      revenueYtd: t.revenueYtd,
      valueAddedGrowthCurrentPrices: fin(t.valueAddedGrowthCurrentPrices),
    },
    targets: r.targets.map((x) => ({ name: x.name, kind: x.kind, actual: fin(x.actual), target: x.target, rate: fin(x.rate), timeProgress: x.timeProgress, gap: fin(x.gap) })),
    warnings: r.warnings.map((w) => ({ firm: w.firm, rule: w.rule, severity: w.severity, value: w.value })),
    contribution: r.contribution.map((c) => ({ firm: c.firm, share: c.share, contribution: fin(c.contribution), pull: fin(c.pull) })),
    concentration: { top1: fin(r.concentration.top1), top5: fin(r.concentration.top5) },
  };
}
