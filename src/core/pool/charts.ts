/** The 培育库 tab's pane charts: 拟进规 firms by projected full-year revenue against the line, and tiers. */
import type { PaneChart } from "../chart";
import { POOL_TIERS } from "./spec";
import type { PoolReport } from "./types";

export function poolCharts(r: PoolReport): PaneChart[] {
  const threshold = r.threshold;
  const charts: PaneChart[] = [];
  const candidates = r.firms.filter((f) => f.tier === "拟进规" && f.status === "培育中");
  if (candidates.length) {
    const t = threshold;
    const bands: Array<[string, (x: number) => boolean]> = [
      [`<${t / 2}`, (x) => x < t / 2],
      [`${t / 2}–${t * 0.75}`, (x) => x >= t / 2 && x < t * 0.75],
      [`${t * 0.75}–${t}`, (x) => x >= t * 0.75 && x < t],
      [`${t}–${t * 1.25}`, (x) => x >= t && x < t * 1.25],
      [`≥${t * 1.25}`, (x) => x >= t * 1.25],
    ];
    const value = (f: (typeof candidates)[number]) => (f.reached ? Math.max(f.ytd, f.projection ?? f.ytd) : f.projection);
    const counts = bands.map(([, inBand]) => candidates.filter((f) => value(f) !== null && inBand(value(f)!)).length);
    const above = candidates.filter((f) => value(f) !== null && value(f)! >= t).length;
    const unknown = candidates.filter((f) => value(f) === null).length;
    charts.push({
      id: "pool-projection",
      title: `拟进规企业预计全年营业收入 (万元，规上标准 ${t} 万元) (projected revenue against the line)`,
      summary: `培育中的拟进规企业${candidates.length}家，预计全年达到${t}万元的${above}家，未达到的${candidates.length - above - unknown}家${unknown ? `，无法预计的${unknown}家` : ""}。`,
      unit: "家",
      categories: bands.map(([label]) => label),
      series: [{ name: "企业数 (firms)", values: counts }],
    });
  }
  const tiers = POOL_TIERS.map((tier) => r.firms.filter((f) => f.tier === tier).length);
  if (r.firms.length) {
    charts.push({
      id: "pool-tiers",
      title: "培育库各层级企业数 (firms by tier)",
      summary: `培育库共${r.firms.length}家：${POOL_TIERS.map((tier, i) => `${tier}${tiers[i]}家`).join("、")}。`,
      unit: "家",
      categories: [...POOL_TIERS],
      series: [{ name: "企业数 (firms)", values: tiers }],
    });
  }
  return charts;
}
