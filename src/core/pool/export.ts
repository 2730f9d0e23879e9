/** The 培育库汇总 sheet the pane's export writes (rows, formats, charts). Pure. */
import type { ChartSpec } from "../chart";
import { POOL_STATUSES } from "./spec";
import type { PoolReport } from "./types";
import { sortFirms } from "./view";

/** One cell of the sheet. */
export type OutCell = string | number | null;

/**
 * The 培育库汇总 sheet: summary (A:C), firms per tier (A:B, below), and the 培育中 firms'
 * projections against the 2000 万元 line (E:G), with the two charts over those ranges. Fixed
 * chart names, so a second export refreshes them in place.
 */
export function exportModel(report: PoolReport): { rows: OutCell[][]; numberFormats: (string | null)[]; charts: ChartSpec[] } {
  const s = report.summary;
  const rows: OutCell[][] = [
    ["培育库汇总 (pool summary)", `截至 ${report.month} 月`],
    [],
    ["指标", "数值", "完成率"],
    ["入库企业", s.detail.total],
    ...POOL_STATUSES.map((st): OutCell[] => [st, s.byStatus[st] ?? 0]),
    ["预计年内跨过 2000 万", s.projectedToCross],
    ["预警（预计不足 2000 万）", s.detail.atRisk],
    ["新增规上", s.added],
    ["退规", s.droppedOut],
    ["净增规上", s.net, s.detail.progress],
    ["年度目标", s.target],
    [],
  ];
  const tierHeader = rows.length + 1;
  rows.push(["培育层级", "企业数"]);
  for (const [tier, n] of Object.entries(s.byTier)) rows.push([tier, n]);
  const tierEnd = rows.length;
  const inPool = sortFirms(
    report.firms.filter((f) => f.status === "培育中" && f.projection !== null),
    "projection",
    "desc",
  );
  const put = (r: number, values: OutCell[]) => {
    while (rows.length < r) rows.push([]);
    const line = rows[r - 1];
    while (line.length < 4) line.push(null);
    line.push(...values);
  };
  put(3, ["企业名称", "预计全年营业收入", "规上标准"]);
  inPool.forEach((f, i) => put(4 + i, [f.name, f.projection, report.threshold]));
  const charts: ChartSpec[] = [
    { name: "JX_PoolByTier", type: "column", title: "各层级企业数 (firms per tier)", dataRange: `A${tierHeader}:B${tierEnd}`, anchor: "I2" },
  ];
  if (inPool.length) {
    charts.push({
      name: "JX_PoolProjection",
      type: "column",
      title: "预计全年营业收入与 2000 万元标准 (projected vs threshold)",
      dataRange: `E3:G${3 + inPool.length}`,
      anchor: "I20",
    });
  }
  return { rows, numberFormats: [null, "0", "0.0%", null, null, "#,##0.0", "#,##0"], charts };
}
