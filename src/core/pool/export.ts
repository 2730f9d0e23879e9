/** The 培育库汇总 sheet the pane's export writes (rows, formats, charts). Pure. */
import type { ChartSpec } from "../chart";
import { POOL_STATUSES, SCALE_THRESHOLD } from "./spec";
import type { PoolFirm, PoolReport } from "./types";
import { sortFirms } from "./view";

/** One cell of the sheet. */
export type OutCell = string | number | null;

/** 2000 − YTD, to one decimal as the list shows amounts. */
const shortBy = (f: PoolFirm) => (SCALE_THRESHOLD - f.ytd).toFixed(1);

/** The 提示 of a measured firm in the list: the one thing to act on. */
export function paceNote(f: PoolFirm, byMonth: number): string {
  if (f.status === "培育中" && f.reached) return "已达规模标准，可申报入规 (reached the line: apply)";
  const parts: string[] = [];
  if (f.lastYearAbove && f.status === "培育中") parts.push("上年营业收入已超 2000 万，应核实申报 (last year above the line: check for 申报)");
  if (f.atRisk) parts.push("预警：预计全年不足 2000 万 (at risk)");
  else if (f.behindPace && f.neededPerMonth === null) parts.push(`已到入规截止月份 ${byMonth} 月，尚差 ${shortBy(f)} 万元 (the deadline month has come; ${shortBy(f)} short)`);
  else if (f.behindPace) parts.push(`至 ${byMonth} 月所需月均高于本年月均 (behind the pace to month ${byMonth})`);
  return parts.join("；");
}

/** The 提示 of any firm in the list (pane and `jx pool`): paceNote for 拟进规, the R&D share for the tiers with their own criteria. */
export function firmHint(f: PoolFirm, byMonth: number): string {
  if (f.measured) return paceNote(f, byMonth);
  return f.rdShare === null ? "" : `研发经费占比 ${(f.rdShare * 100).toFixed(1)}% (R&D share)`;
}

/**
 * The 培育库汇总 sheet: summary (A:C) and firms per tier (A:B, below); the 拟进规 firms 培育中
 * against the 2000 万元 line (E:K: projection, the line, YTD, 尚需月均 to the deadline, 月均,
 * 提示); the other tiers' firms 培育中 by their own figures (M:Q: YTD, growth, R&D share); the
 * two charts over the tier table and E:G. Fixed chart names, so a second export refreshes
 * them in place.
 */
export function exportModel(report: PoolReport): { rows: OutCell[][]; numberFormats: (string | null)[]; charts: ChartSpec[] } {
  const s = report.summary;
  const rows: OutCell[][] = [
    ["培育库汇总 (pool summary)", `截至 ${report.month} 月`, `入规截止 ${report.byMonth} 月`],
    [],
    ["指标", "数值", "完成率"],
    ["入库企业", s.detail.total],
    ...POOL_STATUSES.map((st): OutCell[] => [st, s.byStatus[st] ?? 0]),
    ["预计年内跨过 2000 万（拟进规）", s.projectedToCross],
    ["已达标，可申报入规", s.reached],
    ["上年营业收入已超 2000 万", s.lastYearAbove],
    ["预警（预计不足 2000 万）", s.detail.atRisk],
    ["新增规上", s.added],
    ["退规", s.droppedOut],
    ["净增规上", s.net, s.detail.progress],
    ["年度目标", s.target],
    ["入规截止月份", report.byMonth],
    [],
  ];
  const tierHeader = rows.length + 1;
  rows.push(["培育层级", "企业数"]);
  for (const [tier, n] of Object.entries(s.byTier)) rows.push([tier, n]);
  const tierEnd = rows.length;
  const inPool = report.firms.filter((f) => f.status === "培育中");
  const measured = sortFirms(
    inPool.filter((f) => f.measured && f.projection !== null),
    "projection",
    "desc",
  );
  const own = inPool.filter((f) => !f.measured);
  const put = (r: number, col: number, values: OutCell[]) => {
    while (rows.length < r) rows.push([]);
    const line = rows[r - 1];
    while (line.length < col) line.push(null);
    line.push(...values);
  };
  put(3, 4, ["企业名称", "预计全年营业收入", "规上标准", "1-本月营业收入", `尚需月均（至 ${report.byMonth} 月）`, "本年月均", "提示"]);
  measured.forEach((f, i) => put(4 + i, 4, [f.name, f.projection, report.threshold, f.ytd, f.neededPerMonth, f.avgPerMonth, paceNote(f, report.byMonth) || null]));
  put(3, 12, ["企业名称（按本层级标准）", "培育层级", "1-本月营业收入", "营业收入增速", "研发经费占比"]);
  own.forEach((f, i) => put(4 + i, 12, [f.name, f.tier, f.ytd, f.growth, f.rdShare]));
  const charts: ChartSpec[] = [
    { name: "JX_PoolByTier", type: "column", title: "各层级企业数 (firms per tier)", dataRange: `A${tierHeader}:B${tierEnd}`, anchor: "S2" },
  ];
  if (measured.length) {
    charts.push({
      name: "JX_PoolProjection",
      type: "column",
      title: "拟进规企业预计全年营业收入与 2000 万元标准 (projected vs threshold)",
      dataRange: `E3:G${3 + measured.length}`,
      anchor: "S20",
    });
  }
  const numberFormats = [null, "0", "0.0%", null, null, "#,##0.0", "#,##0", "#,##0.0", "#,##0.0", "#,##0.0", null, null, null, null, "#,##0.0", "0.0%", "0.0%"];
  return { rows, numberFormats, charts };
}
