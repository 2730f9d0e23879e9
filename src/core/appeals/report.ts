/**
 * Faces of an appeals analysis: the CLI's --json object (the contract, exactly) and the
 * 诉求分析 sheet the pane writes (tables and, in Excel, a native chart by unit).
 */
import type { ChartSpec } from "../chart";
import { serialToIso } from "../table";
import { Appeal, AppealsResult, GroupStats, isoOrNull, overdueList, rateText, writtenRate } from "./analyze";
import { APPEALS_ANALYSIS_SHEET } from "./spec";

export interface AppealsJson {
  asOf: string;
  total: number;
  closed: number;
  closureRate: number | null;
  open: number;
  returned: number;
  cards: { 蓝牌: number; 黄牌: number; 红牌: number };
  satisfaction: { surveyed: number; satisfied: number; rate: number | null };
  byUnit: Array<{ unit: string; total: number; closed: number; closureRate: number | null; open: number; overdue: number; avgDaysToClose: number | null; returned: number }>;
  byCategory: Array<{ category: string; total: number; recurring: boolean }>;
  appeals: Array<{ id: string; firm: string; unit: string; status: Appeal["status"]; due: string | null; overdueDays: number; card: Appeal["card"] }>;
}

export function toJson(r: AppealsResult): AppealsJson {
  return {
    asOf: serialToIso(r.asOf),
    total: r.total,
    closed: r.closed,
    closureRate: r.closureRate,
    open: r.open,
    returned: r.returned,
    cards: { ...r.cards },
    satisfaction: { ...r.satisfaction },
    byUnit: r.byUnit.map((u) => ({
      unit: u.key,
      total: u.total,
      closed: u.closed,
      closureRate: u.closureRate,
      open: u.open,
      overdue: u.overdue,
      avgDaysToClose: u.avgDaysToClose,
      returned: u.returned,
    })),
    byCategory: r.byCategory.map((c) => ({ category: c.key, total: c.total, recurring: c.recurring })),
    appeals: r.appeals.map((a) => ({ id: a.id, firm: a.firm, unit: a.unit, status: a.status, due: isoOrNull(a.due), overdueDays: a.overdueDays, card: a.card })),
  };
}

type Cell = string | number | null;

export const GROUP_HEADER = ["诉求总数", "已办结", "办结率", "未办结", "超期挂牌", "蓝牌", "黄牌", "红牌", "平均办结天数", "退回重办", "超期办结"];

function groupRow(label: string, g: GroupStats): Cell[] {
  return [label, g.total, g.closed, g.closureRate, g.open, g.overdue, g.cards.蓝牌, g.cards.黄牌, g.cards.红牌, g.avgDaysToClose === null ? null : Math.round(g.avgDaysToClose * 10) / 10, g.returned, g.closedLate];
}

const APPEAL_HEADER = ["承办单位", "编号", "企业名称", "诉求类别", "状态", "督办牌", "超期天数", "办理期限", "包联领导", "诉求内容"];

function appealRow(a: Appeal): Cell[] {
  return [a.unit, a.id, a.firm, a.category, a.status, a.card, a.overdueDays, a.due === null ? null : serialToIso(a.due), a.leader, a.content];
}

export interface AnalysisSheet {
  rows: Cell[][];
  numberFormats: (string | null)[];
  charts: ChartSpec[];
}

/** The 诉求分析 sheet: summary, per unit / town / leader / category, 一类问题, 会商清单, overdue list. */
export function analysisSheet(r: AppealsResult): AnalysisSheet {
  const d = r.params.rateDecimals;
  const days = r.params.mode === "工作日" ? "工作日" : "自然日";
  const rows: Cell[][] = [];
  rows.push([`企业诉求分析（截至 ${serialToIso(r.asOf)}，按${days}计，工作表“${r.sheet}”）`]);
  rows.push([`办结率 ${rateText(r.closureRate, d)}（截尾书写），满意率 ${rateText(r.satisfaction.rate, d)}；天数均为${days} (rates truncated; days in ${r.params.mode === "工作日" ? "working" : "calendar"} days)`]);
  rows.push([]);
  const unitStart = rows.length + 1;
  rows.push(["承办单位", ...GROUP_HEADER]);
  for (const u of r.byUnit) rows.push(groupRow(u.key, u));
  const unitEnd = rows.length;
  const whole: GroupStats = {
    key: "合计",
    total: r.total,
    closed: r.closed,
    closureRate: r.closureRate,
    open: r.open,
    overdue: r.cards.蓝牌 + r.cards.黄牌 + r.cards.红牌,
    cards: r.cards,
    avgDaysToClose: avg(r.appeals),
    returned: r.returned,
    closedLate: r.closedLate,
  };
  rows.push(groupRow("合计", whole));
  rows.push([]);
  rows.push(["满意度", "测评数", "满意数", "满意率"]);
  // written as the sheet's heading writes it (truncated), so the 0.0% format shows the same figure
  rows.push(["满意+非常满意", r.satisfaction.surveyed, r.satisfaction.satisfied, writtenRate(r.satisfaction.satisfied, r.satisfaction.surveyed, d)]);
  for (const [title, list] of [
    ["乡镇/园区", r.byTown],
    ["包联领导", r.byLeader],
  ] as const) {
    rows.push([]);
    rows.push([title, ...GROUP_HEADER]);
    for (const g of list) rows.push(groupRow(g.key, g));
  }
  rows.push([]);
  rows.push(["诉求类别", ...GROUP_HEADER, "一类问题", "涉及企业"]);
  for (const c of r.byCategory) rows.push([...groupRow(c.key, c), c.recurring ? "是" : null, c.recurring ? c.firms.join("、") : null]);
  rows.push([]);
  rows.push([`会商清单（未办结红牌、黄牌及全部退回重办诉求，按承办单位）`]);
  rows.push(APPEAL_HEADER);
  const consult = r.consult.flatMap((g) => g.appeals);
  for (const a of consult) rows.push(appealRow(a));
  if (!consult.length) rows.push(["（无）"]);
  rows.push([]);
  rows.push([`超期未办结诉求（按督办牌）`]);
  rows.push(APPEAL_HEADER);
  const overdue = overdueList(r);
  for (const a of overdue) rows.push(appealRow(a));
  if (!overdue.length) rows.push(["（无）"]);
  if (r.notes.length) {
    rows.push([]);
    for (const n of r.notes) rows.push([`注：${n}`]);
  }
  const rateFormat = d === 0 ? "0%" : `0.${"0".repeat(d)}%`;
  const numberFormats: (string | null)[] = ["@", "0", "0", rateFormat, "0", "0", "0", "0", "0", "0.0", "0", "0"];
  const charts: ChartSpec[] = r.byUnit.length
    ? [{ name: "JxAppealsByUnit", type: "column", title: "诉求办理情况（按承办单位）", dataRange: `A${unitStart}:C${unitEnd}`, anchor: "O4" }]
    : [];
  return { rows, numberFormats, charts };
}

function avg(appeals: Appeal[]): number | null {
  let s = 0;
  let n = 0;
  for (const a of appeals) {
    if (a.daysToClose !== null) {
      s += a.daysToClose;
      n++;
    }
  }
  return n ? s / n : null;
}

export { APPEALS_ANALYSIS_SHEET };
