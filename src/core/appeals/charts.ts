/** The 企业诉求 tab's pane chart: open overdue appeals by card per 承办单位. */
import type { PaneChart } from "../chart";
import type { AppealsResult } from "./analyze";

const CARDS = ["蓝牌", "黄牌", "红牌"] as const;
const TONES = ["blue", "yellow", "red"] as const;

export function appealsCharts(r: AppealsResult): PaneChart[] {
  const units = r.byUnit.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  if (!units.length) return [];
  const total = units.reduce((n, u) => n + u.overdue, 0);
  return [
    {
      id: "appeals-cards",
      title: "超期未办结诉求：各承办单位挂牌数 (open overdue appeals by card and unit)",
      summary: `超期未办结${total}个，涉及${units.length}个承办单位；最多的是${units[0]!.key}（${units[0]!.overdue}个：${CARDS.map((c) => `${c}${units[0]!.cards[c]}`).join("、")}）。`,
      unit: "个",
      categories: units.map((u) => u.key),
      series: CARDS.map((c, i) => ({ name: c, values: units.map((u) => u.cards[c]), tone: TONES[i] })),
    },
  ];
}
