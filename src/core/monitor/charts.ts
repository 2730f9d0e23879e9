/** The 运行监测 tab's pane charts: monthly output this year vs last, targets vs 序时进度. */
import type { PaneChart } from "../chart";
import { fixed } from "../report/format";
import type { MonitorResult } from "./types";

const yi = (wan: number | null) => (wan === null ? null : Number(fixed(wan / 10000, 2)));
const pct1 = (x: number) => Number(fixed(x * 100, 1));

export function monitorCharts(r: MonitorResult): PaneChart[] {
  const charts: PaneChart[] = [];
  const months = r.monthly.filter((p) => p.output !== null || p.outputLastYear !== null);
  if (months.length) {
    const last = months[months.length - 1]!;
    const said = [`${last.month}月产值${last.output === null ? "无数据" : `${fixed(last.output / 10000, 2)}亿元`}`];
    if (last.outputLastYear !== null) said.push(`上年同月${fixed(last.outputLastYear / 10000, 2)}亿元`);
    charts.push({
      id: "monitor-monthly",
      title: "月度工业总产值：本年与上年 (monthly output, this year vs last)",
      summary: `${months.length}个月的规上工业总产值（亿元）与上年同月对比；${said.join("，")}。`,
      unit: "亿元",
      categories: months.map((p) => `${p.month}月`),
      series: [
        { name: "本年 (this year)", values: months.map((p) => yi(p.output)) },
        { name: "上年 (last year)", values: months.map((p) => yi(p.outputLastYear)) },
      ],
    });
  }
  const totals = r.targets.filter((t) => t.kind === "总量" && t.rate !== null);
  if (totals.length) {
    const progress = r.month / 12;
    const ahead = totals.filter((t) => t.rate! >= progress).map((t) => t.name);
    const behind = totals.filter((t) => t.rate! < progress).map((t) => t.name);
    const parts = [`序时进度${fixed(progress * 100, 1)}%`];
    if (ahead.length) parts.push(`${ahead.join("、")}快于序时`);
    if (behind.length) parts.push(`${behind.join("、")}慢于序时`);
    charts.push({
      id: "monitor-targets",
      title: "目标完成率与序时进度 (target completion vs time progress)",
      summary: `${parts.join("；")}。`,
      unit: "%",
      categories: totals.map((t) => t.name),
      series: [
        { name: "完成率 (completion)", values: totals.map((t) => pct1(t.rate!)) },
        { name: "序时进度 (time progress)", values: totals.map(() => pct1(progress)) },
      ],
    });
  }
  return charts;
}
