/** The 亩均评价 tab's pane charts: final grades per pool (不定等级 apart), and against last year. */
import type { PaneChart } from "../chart";
import type { Comparison } from "./compare";
import type { AcreEvaluation } from "./model";

const LETTERS = ["A", "B", "C", "D"] as const;

export function acreCharts(ev: AcreEvaluation, comparison: Comparison | null = null): PaneChart[] {
  const pools = ev.pools.filter((p) => ev.grades[p]);
  if (!pools.length) return [];
  const ungraded = pools.reduce((n, p) => n + (ev.grades[p]!["不定等级"] ?? 0), 0);
  const categories = [...LETTERS, ...(ungraded ? ["不定等级"] : [])];
  const count = (p: (typeof pools)[number], g: string) => ev.grades[p]![g as keyof (typeof ev.grades)[typeof p]] ?? 0;
  const totals = categories.map((g) => pools.reduce((n, p) => n + count(p, g), 0));
  const charts: PaneChart[] = [
    {
      id: "acre-grades",
      title: "各等级企业数 (firms by final grade)",
      summary: `${categories.map((g, i) => `${g === "不定等级" ? g : `${g}类`}${totals[i]}户`).join("、")}${pools.length > 1 ? `（${pools.join("、")}分别排名）` : ""}。`,
      unit: "户",
      categories,
      series: pools.map((p) => ({ name: p, values: categories.map((g) => count(p, g)) })),
    },
  ];
  if (comparison) {
    const last = { A: 0, B: 0, C: 0, D: 0 } as Record<(typeof LETTERS)[number], number>;
    for (const c of [...comparison.up, ...comparison.down]) last[c.from]++;
    for (const r of comparison.removed) last[r.grade]++;
    // Firms whose grade did not move: this year's counts less the movers and the newcomers.
    const now = { A: 0, B: 0, C: 0, D: 0 } as Record<(typeof LETTERS)[number], number>;
    for (const f of ev.firms) if (f.grade) now[f.grade]++;
    const moved = { A: 0, B: 0, C: 0, D: 0 } as Record<(typeof LETTERS)[number], number>;
    for (const c of [...comparison.up, ...comparison.down]) moved[c.to]++;
    for (const a of comparison.added) moved[a.grade]++;
    for (const g of LETTERS) last[g] += now[g] - moved[g];
    charts.push({
      id: "acre-last-year",
      title: "等级分布：本年与上年 (grades, this year vs last)",
      summary: `本年${LETTERS.map((g) => `${g}类${now[g]}户`).join("、")}；上年${LETTERS.map((g) => `${g}类${last[g]}户`).join("、")}；升级${comparison.up.length}户、降级${comparison.down.length}户。`,
      unit: "户",
      categories: [...LETTERS],
      series: [
        { name: "本年 (this year)", values: LETTERS.map((g) => now[g]) },
        { name: "上年 (last year)", values: LETTERS.map((g) => last[g]) },
      ],
    });
  }
  return charts;
}
