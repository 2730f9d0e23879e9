/**
 * The appeals register analysed as of a date: each appeal's status, due date, days overdue and
 * card; the closure and satisfaction rates; tables per 承办单位, 乡镇/园区, 包联领导 and 诉求类别;
 * the recurring categories (一类问题) and the weekly 会商清单. Pure and deterministic.
 *
 * Rules (defaults; every threshold a 参数 row):
 * - due = the 办理时限-th working day after 受理日期 (calendar.ts).
 * - 已办结: a 办结日期 and a 满意度 other than 不满意/非常不满意; 退回重办: closed but rated
 *   不满意/非常不满意 (not closed); 办理中: no 办结日期.
 * - overdue = working days after the due date up to the as-of date, for appeals not closed; a
 *   退回重办 appeal from its 重办截止日期 only. Cards only for open overdue appeals: 蓝牌 from 1,
 *   黄牌 from 4, 红牌 from 11 days. A closed appeal never has a card (closed late = 超期办结).
 * - closure rate = closed / total, truncated at the written precision (1460/1466 → 99.5%);
 *   satisfaction rate = (满意 + 非常满意) / appeals with a 满意度.
 */
import { toHalfWidth } from "../num";
import { truncateTo } from "../round";
import { serialToIso, Table, TableRow } from "../table";
import { WorkCalendar } from "./calendar";
import { cardForDays } from "./card";
import { AppealsParams, Card, CARDS } from "./params";
import { SATISFACTION_LEVELS, Satisfaction, SATISFIED, SENT_BACK } from "./spec";

export type AppealStatus = "已办结" | "退回重办" | "办理中";
export const STATUSES: readonly AppealStatus[] = ["已办结", "退回重办", "办理中"];

export interface Appeal {
  /** 1-based sheet row. */
  row: number;
  id: string;
  firm: string;
  uscc: string | null;
  town: string | null;
  category: string | null;
  content: string | null;
  unit: string;
  leader: string | null;
  received: number | null;
  limit: number | null;
  closed: number | null;
  satisfaction: Satisfaction | null;
  /** The 满意度 as written when it is none of the five ratings. */
  satisfactionText: string | null;
  redoDue: number | null;
  status: AppealStatus;
  /** The due date in force: the 重办截止日期 of a sent-back appeal when given, else 受理日期 + 办理时限. */
  due: number | null;
  /** Days overdue as of the as-of date (0 when not overdue, or closed). */
  overdueDays: number;
  card: Card | null;
  /** Closed after its due date (超期办结). */
  closedLate: boolean;
  /** Working days (calendar days in 自然日 mode) from 受理日期 to 办结日期, for a closed appeal. */
  daysToClose: number | null;
}

export type CardCounts = Record<Card, number>;

export interface GroupStats {
  key: string;
  total: number;
  closed: number;
  /** closed / total, truncated at the written precision; null for no appeals. */
  closureRate: number | null;
  open: number;
  /** Open appeals with a card. */
  overdue: number;
  cards: CardCounts;
  avgDaysToClose: number | null;
  returned: number;
  closedLate: number;
}

export interface CategoryStats extends GroupStats {
  recurring: boolean;
  /** Distinct firms of the category, in order of appearance. */
  firms: string[];
}

export interface ConsultGroup {
  unit: string;
  appeals: Appeal[];
}

export interface AppealsResult {
  sheet: string;
  asOf: number;
  params: AppealsParams;
  total: number;
  closed: number;
  closureRate: number | null;
  open: number;
  returned: number;
  closedLate: number;
  cards: CardCounts;
  satisfaction: { surveyed: number; satisfied: number; rate: number | null };
  appeals: Appeal[];
  byUnit: GroupStats[];
  byTown: GroupStats[];
  byLeader: GroupStats[];
  byCategory: CategoryStats[];
  /** Open 红牌/黄牌 appeals and every 退回重办 one, by 承办单位. */
  consult: ConsultGroup[];
  /** zh-CN with English gloss: unreadable cells, appeals without a due date, unknown years. */
  notes: string[];
}

export interface AnalyzeOptions {
  asOf: number;
  params: AppealsParams;
  calendar: WorkCalendar;
}

/** Label of a blank group key. */
export const BLANK_KEY = "（未填）";

const LEVELS: ReadonlyMap<string, Satisfaction> = new Map(SATISFACTION_LEVELS.map((l) => [l, l]));

/** A 满意度 cell → one of the five ratings, or null (blank or not understood). */
export function parseSatisfaction(raw: string | null): Satisfaction | null {
  if (raw === null) return null;
  return LEVELS.get(raw) ?? LEVELS.get(toHalfWidth(raw).replace(/\s+/g, "")) ?? null;
}

/** A closure rate written the way reports write it: truncated, never overstating (1460/1466 → 0.995). */
export function writtenRate(numerator: number, denominator: number, decimals: number): number | null {
  return denominator > 0 ? truncateTo(numerator / denominator, decimals + 2) : null;
}

/** "99.5%" — a rate already truncated, as text. */
export function rateText(rate: number | null, decimals: number): string {
  return rate === null ? "—" : `${truncateTo(rate * 100, decimals).toFixed(decimals)}%`;
}

function str(row: TableRow, key: string): string | null {
  const v = row.values[key];
  return v === null || v === undefined ? null : String(v);
}

function num(row: TableRow, key: string): number | null {
  const v = row.values[key];
  return typeof v === "number" ? v : null;
}

const zeroCards = (): CardCounts => ({ 蓝牌: 0, 黄牌: 0, 红牌: 0 });

class Group {
  total = 0;
  closed = 0;
  open = 0;
  overdue = 0;
  cards = zeroCards();
  daysSum = 0;
  daysCount = 0;
  returned = 0;
  closedLate = 0;
  firms: string[] | null = null;
  firmSet: Set<string> | null = null;
  add(a: Appeal) {
    this.total++;
    if (a.status === "已办结") {
      this.closed++;
      if (a.daysToClose !== null) {
        this.daysSum += a.daysToClose;
        this.daysCount++;
      }
    } else this.open++;
    if (a.status === "退回重办") this.returned++;
    if (a.card) {
      this.overdue++;
      this.cards[a.card]++;
    }
    if (a.closedLate) this.closedLate++;
    if (this.firmSet && a.firm && !this.firmSet.has(a.firm)) {
      this.firmSet.add(a.firm);
      this.firms!.push(a.firm);
    }
  }
  stats(key: string, decimals: number): GroupStats {
    return {
      key,
      total: this.total,
      closed: this.closed,
      closureRate: writtenRate(this.closed, this.total, decimals),
      open: this.open,
      overdue: this.overdue,
      cards: { ...this.cards },
      avgDaysToClose: this.daysCount ? this.daysSum / this.daysCount : null,
      returned: this.returned,
      closedLate: this.closedLate,
    };
  }
}

function groupBy(appeals: Appeal[], keyOf: (a: Appeal) => string | null, decimals: number, withFirms = false): Array<{ stats: GroupStats; firms: string[] }> {
  const groups = new Map<string, Group>();
  for (const a of appeals) {
    const k = keyOf(a) ?? BLANK_KEY;
    let g = groups.get(k);
    if (!g) {
      g = new Group();
      if (withFirms) {
        g.firms = [];
        g.firmSet = new Set();
      }
      groups.set(k, g);
    }
    g.add(a);
  }
  return [...groups.entries()].map(([k, g]) => ({ stats: g.stats(k, decimals), firms: g.firms ?? [] }));
}

/** Analyse a register read with appealsSpec. */
export function analyzeAppeals(table: Table, opts: AnalyzeOptions): AppealsResult {
  const { asOf, params, calendar } = opts;
  const bounds = params.cardBounds;
  const notes: string[] = [];
  for (const i of table.issues) notes.push(`${table.sheet}!${i.address}“${i.header}”：${i.message}`);
  const noDue: number[] = [];
  const unknownRatings: string[] = [];
  let lo = asOf;
  let hi = asOf;
  const appeals: Appeal[] = new Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const received = num(row, "received");
    const limitRaw = num(row, "limit");
    const limit = limitRaw !== null && limitRaw >= 0 ? Math.ceil(limitRaw) : null;
    const closed = num(row, "closed");
    const redoDue = num(row, "redoDue");
    const satText = str(row, "satisfaction");
    const satisfaction = parseSatisfaction(satText);
    if (satText !== null && satisfaction === null) unknownRatings.push(`${table.address(row.row, "satisfaction")}“${satText}”`);
    const status: AppealStatus = closed === null ? "办理中" : satisfaction !== null && SENT_BACK.includes(satisfaction) ? "退回重办" : "已办结";
    const baseDue = received !== null && limit !== null ? calendar.addWorkdays(received, limit) : null;
    if (baseDue === null && status !== "已办结") noDue.push(row.row);
    let overdueDays = 0;
    let due = baseDue;
    if (status === "办理中" && baseDue !== null) overdueDays = Math.max(0, calendar.workdaysAfter(baseDue, asOf));
    else if (status === "退回重办" && redoDue !== null) {
      due = redoDue;
      overdueDays = Math.max(0, calendar.workdaysAfter(redoDue, asOf));
    }
    const card = status === "已办结" ? null : cardForDays(overdueDays, bounds);
    const daysToClose = status === "已办结" && received !== null && closed !== null ? calendar.workdaysAfter(received, closed) : null;
    if (received !== null && received < lo) lo = received;
    for (const d of [due, closed]) if (d !== null && d > hi) hi = d;
    appeals[i] = {
      row: row.row,
      id: str(row, "id") ?? "",
      firm: str(row, "name") ?? "",
      uscc: str(row, "uscc"),
      town: str(row, "town"),
      category: str(row, "category"),
      content: str(row, "content"),
      unit: str(row, "unit") ?? "",
      leader: str(row, "leader"),
      received,
      limit,
      closed,
      satisfaction,
      satisfactionText: satisfaction === null ? satText : null,
      redoDue,
      status,
      due,
      overdueDays,
      card,
      closedLate: status === "已办结" && baseDue !== null && closed! > baseDue,
      daysToClose,
    };
  }
  if (noDue.length) {
    notes.push(
      `${noDue.length} 件未办结诉求缺“受理日期”或“办理时限”，无法计算办理期限（第 ${sample(noDue)} 行） ` +
        `(${noDue.length} open appeal(s) without a 受理日期 or 办理时限: no due date; rows ${sample(noDue)})`,
    );
  }
  if (unknownRatings.length) {
    notes.push(
      `${unknownRatings.length} 个“满意度”不是 ${SATISFACTION_LEVELS.join("/")} 之一，未计入满意度：${sample(unknownRatings)} ` +
        `(${unknownRatings.length} rating(s) not one of the five levels; not counted)`,
    );
  }
  if (appeals.length) notes.push(...calendar.unknownYearNotes(lo, hi));

  const total = appeals.length;
  const whole = new Group();
  let surveyed = 0;
  let satisfied = 0;
  for (const a of appeals) {
    whole.add(a);
    if (a.satisfaction !== null) {
      surveyed++;
      if (SATISFIED.includes(a.satisfaction)) satisfied++;
    }
  }
  const d = params.rateDecimals;
  const byCategory = groupBy(appeals, (a) => a.category, d, true).map(({ stats, firms }) => ({
    ...stats,
    recurring: stats.key !== BLANK_KEY && stats.total >= params.recurringMin,
    firms,
  }));
  const consultMap = new Map<string, Appeal[]>();
  for (const a of appeals) {
    if (a.status === "退回重办" || (a.status === "办理中" && (a.card === "红牌" || a.card === "黄牌"))) {
      const k = a.unit || BLANK_KEY;
      const list = consultMap.get(k);
      if (list) list.push(a);
      else consultMap.set(k, [a]);
    }
  }
  const rank = (a: Appeal) => (a.card === "红牌" ? 0 : a.card === "黄牌" ? 1 : 2);
  const consult = [...consultMap.entries()].map(([unit, list]) => ({ unit, appeals: list.sort((x, y) => rank(x) - rank(y) || y.overdueDays - x.overdueDays || x.row - y.row) }));
  return {
    sheet: table.sheet,
    asOf,
    params,
    total,
    closed: whole.closed,
    closureRate: writtenRate(whole.closed, total, d),
    open: whole.open,
    returned: whole.returned,
    closedLate: whole.closedLate,
    cards: { ...whole.cards },
    satisfaction: { surveyed, satisfied, rate: surveyed ? satisfied / surveyed : null },
    appeals,
    byUnit: groupBy(appeals, (a) => a.unit || null, d).map((g) => g.stats),
    byTown: groupBy(appeals, (a) => a.town, d).map((g) => g.stats),
    byLeader: groupBy(appeals, (a) => a.leader, d).map((g) => g.stats),
    byCategory,
    consult,
    notes,
  };
}

function sample<T>(xs: T[], n = 10): string {
  return xs.length <= n ? xs.join("、") : `${xs.slice(0, n).join("、")} 等`;
}

/** Open appeals with a card, worst first (红 → 黄 → 蓝, then days overdue). */
export function overdueList(r: AppealsResult): Appeal[] {
  const rank = (c: Card | null) => (c === null ? 3 : CARDS.length - 1 - CARDS.indexOf(c));
  return r.appeals.filter((a) => a.card !== null).sort((x, y) => rank(x.card) - rank(y.card) || y.overdueDays - x.overdueDays || x.row - y.row);
}

/** ISO date of a serial, or null. */
export function isoOrNull(serial: number | null): string | null {
  return serial === null ? null : serialToIso(serial);
}
