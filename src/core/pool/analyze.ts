/**
 * The cultivation pool (培育库), analysed: per-firm YTD, projection, gap to the 2000 万元 line,
 * at-risk flag; the summary (tiers, statuses, 新增 / 退库 / 退规 / 净增 vs target); the per-leader
 * view; filters and sorting. Pure: sheets in (as the port reads them), a report out; bad data
 * comes back as notes or a ReadError, never as an exception.
 *
 * Decisions (README, 培育库):
 * - month: options.month > the 月份 column (its largest value) > the last month with data in
 *   any firm's 1月…12月. No month → ReadError.
 * - YTD: Σ 1月…(month)月 when the table has month columns and the firm has any of them filled;
 *   blank months inside the range count as 0 and are listed in `missingMonths`. Otherwise the
 *   firm's 1-本月营业收入. Nothing at all → YTD 0 (a firm with no revenue yet), flagged.
 * - projection / gap: projectFullYear / scaleGap (the cells' JX.SCALE_PROJECTION / JX.SCALE_GAP);
 *   gap = projection − 2000 (negative = short of the line). Seasonal when the firm has all 12
 *   上年 months, else run-rate.
 * - at risk: status 培育中 and projection < 2000. projectedToCross: 培育中 and projection ≥ 2000.
 * - added = pool firms 已入规 + 新增规上 sheet rows that are not pool firms (matched by USCC, else
 *   name); removed = 退库; droppedOut = options.dropped > 退规 sheet rows > 目标 退规企业数
 *   (1-本月完成, else 年度目标) > 0; net = added − droppedOut; target = options.target >
 *   目标 净增规上企业数 > 18.
 * - a blank 状态 is 培育中; variants (入规, 已进规, 已退库 …) are normalised.
 */
import { toHalfWidth } from "../num";
import { excelSerialToYMD } from "../indicators";
import { isError } from "../result";
import { isReadError, monthFromText, normalizeHeader, readTable, ReadError, SheetLike, Table, TableSpec } from "../table";
import { readTargets, Targets, targetValue } from "../monitor/targets";
import { projectFullYear, scaleGap, SCALE_THRESHOLD } from "./projection";
import { ADDED_SHEET, DROPPED_SHEET, LAST_YEAR_KEYS, MONTH_KEYS, POOL_SHEET, POOL_STATUSES, POOL_TIERS, poolSpec } from "./spec";

export const DEFAULT_NET_TARGET = 18;

export type MonthSource = "option" | "column" | "data";
export type ProjectionMethod = "run-rate" | "seasonal";

export interface PoolFirm {
  /** Index in the pool (sheet order), stable key for the list. */
  index: number;
  /** 1-based sheet row. */
  row: number;
  name: string;
  uscc: string | null;
  town: string | null;
  tier: string | null;
  leader: string | null;
  /** Excel serial date, or null. */
  entryDate: number | null;
  /** Normalised status (培育中 when blank). */
  status: string;
  lastYearRevenue: number | null;
  ytd: number;
  /** Where the YTD came from. */
  ytdSource: "months" | "ytd" | "none";
  /** Months 1..month left blank (counted as 0). */
  missingMonths: number[];
  projection: number | null;
  method: ProjectionMethod;
  /** projection − 2000 (negative = short of the line); null when no projection. */
  gap: number | null;
  /** ytd / 2000, clipped to [0, 1]: the progress bar toward the line. */
  progress: number;
  atRisk: boolean;
  /** zh-CN notes on this firm (blank months, unknown status, projection error). */
  notes: string[];
}

export interface PoolSummary {
  byTier: Record<string, number>;
  byStatus: Record<string, number>;
  projectedToCross: number;
  added: number;
  removed: number;
  droppedOut: number;
  net: number;
  target: number;
  /** Extra detail, not in the CLI JSON contract. */
  detail: {
    total: number;
    atRisk: number;
    addedFromPool: number;
    addedFromSheet: number;
    droppedSource: "option" | "sheet" | "targets" | "default";
    targetSource: "option" | "targets" | "default";
    /** net / target (null when target is 0). */
    progress: number | null;
  };
}

export interface LeaderView {
  leader: string;
  firms: PoolFirm[];
  /** Firms in 培育中. */
  inPool: number;
  /** 培育中 and projected ≥ 2000. */
  onTrack: number;
  atRisk: number;
  entered: number;
  removed: number;
}

export interface PoolReport {
  month: number;
  monthSource: MonthSource;
  threshold: number;
  table: Table;
  firms: PoolFirm[];
  summary: PoolSummary;
  leaders: LeaderView[];
  /** zh-CN notes (with English gloss) about the workbook: parse issues, list sheets, months. */
  notes: string[];
}

export interface PoolInput {
  pool: SheetLike;
  /** 新增规上 list sheet, when present. */
  added?: SheetLike | null;
  /** 退规 list sheet, when present. */
  dropped?: SheetLike | null;
  /** 目标 sheet, when present. */
  targets?: SheetLike | null;
}

export interface PoolOptions {
  month?: number;
  target?: number;
  dropped?: number;
}

const TIER_ALIASES: Record<string, string> = {
  拟进规: "拟进规",
  拟进规培育库: "拟进规",
  拟进规企业: "拟进规",
  高成长性: "高成长性",
  高成长: "高成长性",
  高成长性企业: "高成长性",
  高成长性培育库: "高成长性",
  专精特新: "专精特新",
  专精特新企业: "专精特新",
  专精特新培育库: "专精特新",
  专精特新小巨人: "专精特新“小巨人”",
  小巨人: "专精特新“小巨人”",
  小巨人培育库: "专精特新“小巨人”",
};

const STATUS_ALIASES: Record<string, string> = {
  培育中: "培育中",
  培育: "培育中",
  在库: "培育中",
  在培: "培育中",
  已入规: "已入规",
  入规: "已入规",
  已进规: "已入规",
  进规: "已入规",
  已升规: "已入规",
  退库: "退库",
  已退库: "退库",
  退出: "退库",
  已退出: "退库",
};

const squash = (s: string) => toHalfWidth(s).replace(/[\s“”"'‘’「」『』《》]/g, "");

/** The canonical tier of a cell text, or the trimmed text itself when unknown; null when blank. */
export function normalizeTier(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  if ((POOL_TIERS as readonly string[]).includes(raw)) return raw;
  return TIER_ALIASES[squash(raw)] ?? raw.trim();
}

/** The canonical status of a cell text; blank → 培育中; unknown → the trimmed text. */
export function normalizeStatus(raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw.trim() === "") return "培育中";
  if ((POOL_STATUSES as readonly string[]).includes(raw)) return raw;
  return STATUS_ALIASES[squash(raw)] ?? raw.trim();
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null);
/** −0 → 0. Amounts are NOT rounded: the pane, the JSON and JX.SCALE_PROJECTION must agree to the bit. */
const clean = (x: number) => x + 0;

/** A 月份 cell: 10, "10月", "2023年10月", or a date in that month (Excel serial). */
function monthOfCell(raw: unknown): number | null {
  const m = monthFromText(raw);
  if (m !== null) return m;
  if (typeof raw === "number" && raw >= 367) return excelSerialToYMD(raw)?.month ?? null;
  return null;
}

/** The month of the report by the documented precedence, or a ReadError. */
export function poolMonth(table: Table, option?: number): { month: number; source: MonthSource; notes: string[] } | ReadError {
  const notes: string[] = [];
  if (option !== undefined) {
    if (!(Number.isInteger(option) && option >= 1 && option <= 12)) return { error: `月份应为 1–12 的整数：${option} (month must be an integer 1–12)` };
    return { month: option, source: "option", notes };
  }
  if (table.columns.month) {
    const months = new Set<number>();
    for (const r of table.rows) {
      const m = monthOfCell(r.raw.month ?? r.values.month);
      if (m !== null) months.add(m);
    }
    if (months.size) {
      const month = Math.max(...months);
      if (months.size > 1) {
        notes.push(`“月份”列的值不一致（${[...months].sort((a, b) => a - b).join("、")}），按 ${month} 月计算 (the 月份 column holds several months; ${month} is used)`);
      }
      return { month, source: "column", notes };
    }
  }
  let last = 0;
  for (const r of table.rows) {
    for (let i = 12; i > last; i--) {
      if (num(r.values[MONTH_KEYS[i - 1]]) !== null) {
        last = i;
        break;
      }
    }
  }
  if (last > 0) return { month: last, source: "data", notes };
  return { error: "无法确定月份：表中没有已填报的月度营业收入，也没有“月份”列，请指定月份（--month） (cannot tell the month: no monthly revenue and no 月份 column; give --month)" };
}

interface Shape {
  hasMonthColumns: boolean;
  hasLastYear: boolean;
}

function firmOf(shape: Shape, r: Table["rows"][number], index: number, month: number): PoolFirm | null {
  const v = r.values;
  const name = str(v.name);
  if (!name) return null;
  const notes: string[] = [];
  const status = normalizeStatus(str(v.status));
  const inPool = status === "培育中";
  let ytd = 0;
  let ytdSource: PoolFirm["ytdSource"] = "none";
  const missingMonths: number[] = [];
  const inRange = MONTH_KEYS.slice(0, month).map((k) => num(v[k]));
  if (shape.hasMonthColumns && inRange.some((x) => x !== null)) {
    ytdSource = "months";
    inRange.forEach((x, i) => {
      if (x === null) missingMonths.push(i + 1);
      else ytd += x;
    });
    // Firms that left the pool (已入规, 退库) often stop reporting: only pool firms are flagged.
    if (missingMonths.length && inPool) notes.push(`${missingMonths.map((m) => `${m}月`).join("、")}未填报，按 0 计 (months left blank count as 0)`);
  } else if (num(v.revenueYtd) !== null) {
    ytdSource = "ytd";
    ytd = num(v.revenueYtd)!;
    const own = monthOfCell(r.raw.month ?? v.month);
    if (own !== null && own !== month) notes.push(`本行月份为 ${own} 月，按 ${month} 月推算 (this row's month is ${own}; projected as month ${month})`);
  } else if (inPool) {
    notes.push(`1–${month}月尚无营业收入数据，按 0 计 (no revenue reported yet; counted as 0)`);
  }
  ytd = clean(ytd);
  const lastYear = shape.hasLastYear ? LAST_YEAR_KEYS.map((k) => num(v[k])) : undefined;
  const p = projectFullYear(ytd, month, lastYear);
  const g = scaleGap(ytd, month, SCALE_THRESHOLD, lastYear);
  let method: ProjectionMethod = "run-rate";
  if (lastYear && lastYear.every((x) => x !== null)) {
    const all = lastYear as number[];
    const total = all.reduce((a, b) => a + b, 0);
    const part = all.slice(0, month).reduce((a, b) => a + b, 0);
    if (total > 0 && part > 0) method = "seasonal";
  }
  const projection = isError(p) ? null : clean(p);
  const gap = isError(g) ? null : clean(g);
  if (isError(p)) notes.push(p.message);
  if (!(POOL_STATUSES as readonly string[]).includes(status)) {
    notes.push(`状态“${status}”应为 ${POOL_STATUSES.join("、")} 之一 (unknown status)`);
  }
  const tier = normalizeTier(str(v.tier));
  if (tier !== null && !(POOL_TIERS as readonly string[]).includes(tier)) {
    notes.push(`培育层级“${tier}”应为 ${POOL_TIERS.join("、")} 之一 (unknown tier)`);
  }
  const atRisk = inPool && (projection === null || projection < SCALE_THRESHOLD);
  return {
    index,
    row: r.row,
    name,
    uscc: str(v.uscc),
    town: str(v.town),
    tier,
    leader: str(v.leader),
    entryDate: num(v.entryDate),
    status,
    lastYearRevenue: num(v.lastYearRevenue),
    ytd,
    ytdSource,
    missingMonths,
    projection,
    method,
    gap,
    progress: Math.max(0, Math.min(1, ytd / SCALE_THRESHOLD)),
    atRisk,
    notes,
  };
}

/** A list sheet (新增规上 / 退规): 序号 | 企业名称 | 统一社会信用代码 | … */
export const firmListSpec: TableSpec = {
  kind: "firm-list",
  title: "企业名单",
  fields: [
    { key: "seq", header: "序号", synonyms: ["编号"], type: "text" },
    { key: "name", header: "企业名称", synonyms: ["单位名称", "单位详细名称", "企业", "名称"], required: true, type: "text" },
    { key: "uscc", header: "统一社会信用代码", synonyms: ["社会信用代码", "信用代码", "统一信用代码"], type: "text" },
    { key: "town", header: "乡镇/园区", synonyms: ["乡镇", "园区", "所属乡镇"], type: "text" },
    { key: "date", header: "日期", synonyms: ["入规日期", "入规时间", "退规日期", "退规时间", "时间"], type: "text" },
    { key: "revenue", header: "营业收入", synonyms: ["主营业务收入", "上年营业收入"], type: "text" },
    { key: "reason", header: "原因", synonyms: ["退规原因", "备注", "说明"], type: "text" },
  ],
};

export interface ListedFirm {
  name: string;
  uscc: string | null;
  row: number;
}

/**
 * The firms of a list sheet. A sheet with only a 企业名称 column (too little for the header
 * finder) is read by that one header; a sheet without it → ReadError.
 */
export function readFirmList(sheet: SheetLike): ListedFirm[] | ReadError {
  const t = readTable(sheet, firmListSpec);
  if (!isReadError(t) && t.columns.name) {
    return t.rows.flatMap((r) => {
      const name = str(r.values.name);
      return name ? [{ name, uscc: str(r.values.uscc), row: r.row }] : [];
    });
  }
  const names = new Set([firmListSpec.fields[1].header, ...(firmListSpec.fields[1].synonyms ?? [])].map((h) => normalizeHeader(h).name));
  const scan = Math.min(sheet.values.length, 15);
  for (let r = 0; r < scan; r++) {
    const c = (sheet.values[r] ?? []).findIndex((v) => names.has(normalizeHeader(v).name));
    if (c < 0) continue;
    const out: ListedFirm[] = [];
    for (let k = r + 1; k < sheet.values.length; k++) {
      const name = str(sheet.values[k]?.[c]);
      if (name && !/^(合计|总计|小计)$/.test(name)) out.push({ name, uscc: null, row: sheet.startRow + k });
    }
    return out;
  }
  return { error: `工作表“${sheet.name}”中找不到“企业名称”列 (no 企业名称 column in sheet ${sheet.name})` };
}

/** A ReadError among other results (the table reader's guard only takes a Table). */
export function failed<T>(x: T | ReadError): x is ReadError {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "error" in x && typeof (x as ReadError).error === "string" && !("spec" in x);
}

const key = (s: string) => squash(s).toUpperCase();

/** Sheet names the pool reads, given the workbook's sheets and an optional --sheet. */
export function poolSheetNames(sheets: string[], preferred?: string): { pool: string | null; added: string | null; dropped: string | null; targets: string | null } {
  const find = (n: string) => sheets.find((s) => s.trim() === n) ?? null;
  const pool = preferred !== undefined ? find(preferred) ?? null : find(POOL_SHEET) ?? sheets.find((s) => s.includes("培育")) ?? sheets[0] ?? null;
  return { pool, added: find(ADDED_SHEET), dropped: find(DROPPED_SHEET), targets: find("目标") };
}

/** Analyse a pool. A sheet that cannot be read as a pool → ReadError. */
export function analyzePool(input: PoolInput, options: PoolOptions = {}): PoolReport | ReadError {
  const table = readTable(input.pool, poolSpec);
  if (isReadError(table)) return table;
  if (table.missing.length) {
    return { error: `培育库缺少必需列${table.missing.map((f) => `“${f.header}”`).join("、")} (the pool lacks ${table.missing.map((f) => f.header).join(", ")})` };
  }
  if (!MONTH_KEYS.some((k) => table.columns[k]) && !table.columns.revenueYtd) {
    return { error: "培育库缺少月度营业收入列（1月…12月）或“1-本月营业收入”列 (the pool has neither monthly revenue columns nor 1-本月营业收入)" };
  }
  if (table.rows.length === 0) return { error: `培育库“${table.sheet}”中还没有企业 (the pool has no firms yet)` };
  const m = poolMonth(table, options.month);
  if (failed(m)) return m;
  const notes = [...table.notes, ...m.notes, ...table.issues.map((i) => `${i.address}: ${i.message}`)];
  const firms: PoolFirm[] = [];
  const shape: Shape = { hasMonthColumns: MONTH_KEYS.some((k) => table.columns[k]), hasLastYear: LAST_YEAR_KEYS.some((k) => table.columns[k]) };
  for (const r of table.rows) {
    const f = firmOf(shape, r, firms.length, m.month);
    if (f) firms.push(f);
  }

  let targets: Targets | null = null;
  if (input.targets) {
    const t = readTargets(input.targets);
    if (failed(t)) notes.push(`目标表：${t.error}`);
    else targets = t;
  }
  const listed = (sheet: SheetLike | null | undefined, what: string): ListedFirm[] | null => {
    if (!sheet) return null;
    const l = readFirmList(sheet);
    if (failed(l)) {
      notes.push(`${what}：${l.error}`);
      return null;
    }
    return l;
  };
  const addedList = listed(input.added, ADDED_SHEET);
  const droppedList = listed(input.dropped, DROPPED_SHEET);
  const summary = summarize(firms, { addedList, droppedList, targets, options });
  return { month: m.month, monthSource: m.source, threshold: SCALE_THRESHOLD, table, firms, summary, leaders: leaderView(firms), notes };
}

function summarize(
  firms: PoolFirm[],
  ctx: { addedList: ListedFirm[] | null; droppedList: ListedFirm[] | null; targets: Targets | null; options: PoolOptions },
): PoolSummary {
  const byTier: Record<string, number> = Object.fromEntries(POOL_TIERS.map((t) => [t, 0]));
  const byStatus: Record<string, number> = Object.fromEntries(POOL_STATUSES.map((s) => [s, 0]));
  let projectedToCross = 0;
  let atRisk = 0;
  for (const f of firms) {
    const tier = f.tier ?? "未填层级";
    byTier[tier] = (byTier[tier] ?? 0) + 1;
    byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
    if (f.status === "培育中" && f.projection !== null && f.projection >= SCALE_THRESHOLD) projectedToCross++;
    if (f.atRisk) atRisk++;
  }
  const entered = firms.filter((f) => f.status === "已入规");
  const seen = new Set<string>();
  for (const f of entered) {
    seen.add("N:" + key(f.name));
    if (f.uscc) seen.add("U:" + key(f.uscc));
  }
  let addedFromSheet = 0;
  for (const l of ctx.addedList ?? []) {
    const ids = ["N:" + key(l.name), ...(l.uscc ? ["U:" + key(l.uscc)] : [])];
    if (ids.some((i) => seen.has(i))) continue;
    ids.forEach((i) => seen.add(i));
    addedFromSheet++;
  }
  const added = entered.length + addedFromSheet;
  const removed = byStatus["退库"];

  const { options, targets } = ctx;
  let droppedOut = 0;
  let droppedSource: PoolSummary["detail"]["droppedSource"] = "default";
  const fromTargets = targetValue(targets, "droppedFirms", "actual") ?? targetValue(targets, "droppedFirms", "target");
  if (options.dropped !== undefined) [droppedOut, droppedSource] = [options.dropped, "option"];
  else if (ctx.droppedList) [droppedOut, droppedSource] = [ctx.droppedList.length, "sheet"];
  else if (fromTargets !== null) [droppedOut, droppedSource] = [fromTargets, "targets"];

  let target = DEFAULT_NET_TARGET;
  let targetSource: PoolSummary["detail"]["targetSource"] = "default";
  const netTarget = targetValue(targets, "netNewFirms", "target");
  if (options.target !== undefined) [target, targetSource] = [options.target, "option"];
  else if (netTarget !== null) [target, targetSource] = [netTarget, "targets"];

  const net = added - droppedOut;
  return {
    byTier,
    byStatus,
    projectedToCross,
    added,
    removed,
    droppedOut,
    net,
    target,
    detail: {
      total: firms.length,
      atRisk,
      addedFromPool: entered.length,
      addedFromSheet,
      droppedSource,
      targetSource,
      progress: target === 0 ? null : clean(net / target),
    },
  };
}

const zh = (a: string, b: string) => a.localeCompare(b, "zh-CN");

/** Each leader's firms (sheet order) and counts; leaders sorted by name, 未分配 last. */
export function leaderView(firms: PoolFirm[]): LeaderView[] {
  const by = new Map<string, PoolFirm[]>();
  for (const f of firms) {
    const l = f.leader ?? "未分配";
    const list = by.get(l);
    if (list) list.push(f);
    else by.set(l, [f]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a === "未分配" ? 1 : b === "未分配" ? -1 : zh(a, b)))
    .map(([leader, fs]) => ({
      leader,
      firms: fs,
      inPool: fs.filter((f) => f.status === "培育中").length,
      onTrack: fs.filter((f) => f.status === "培育中" && !f.atRisk).length,
      atRisk: fs.filter((f) => f.atRisk).length,
      entered: fs.filter((f) => f.status === "已入规").length,
      removed: fs.filter((f) => f.status === "退库").length,
    }));
}

export interface PoolFilter {
  tier?: string | null;
  leader?: string | null;
  town?: string | null;
  status?: string | null;
  atRiskOnly?: boolean;
  /** Substring of the name or USCC. */
  text?: string;
}

/** Firms matching every given criterion (an empty or null criterion matches all). */
export function filterFirms(firms: PoolFirm[], f: PoolFilter): PoolFirm[] {
  const q = f.text ? key(f.text) : "";
  return firms.filter(
    (x) =>
      (!f.tier || x.tier === f.tier) &&
      (!f.leader || (x.leader ?? "未分配") === f.leader) &&
      (!f.town || x.town === f.town) &&
      (!f.status || x.status === f.status) &&
      (!f.atRiskOnly || x.atRisk) &&
      (!q || key(x.name).includes(q) || (x.uscc !== null && key(x.uscc).includes(q))),
  );
}

export type SortKey = "gap" | "projection" | "ytd" | "name" | "leader" | "row";

/** Sorted copy; nulls last in either direction; ties keep sheet order. Default: gap ascending (furthest short first). */
export function sortFirms(firms: PoolFirm[], by: SortKey = "gap", dir: "asc" | "desc" = "asc"): PoolFirm[] {
  const sign = dir === "asc" ? 1 : -1;
  const val = (f: PoolFirm): number | string | null => (by === "row" ? f.row : by === "name" ? f.name : by === "leader" ? f.leader : f[by]);
  return [...firms].sort((a, b) => {
    const va = val(a);
    const vb = val(b);
    if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : zh(String(va), String(vb));
    return c !== 0 ? sign * c : a.index - b.index;
  });
}

/** Distinct values for the filter dropdowns (tiers and statuses in canonical order first). */
export function filterOptions(firms: PoolFirm[]): { tiers: string[]; leaders: string[]; towns: string[]; statuses: string[] } {
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const ordered = (canon: readonly string[], xs: string[]) => [...canon.filter((c) => xs.includes(c)), ...xs.filter((x) => !canon.includes(x)).sort(zh)];
  return {
    tiers: ordered(POOL_TIERS, distinct(firms.map((f) => f.tier))),
    leaders: distinct(firms.map((f) => f.leader ?? "未分配")).sort((a, b) => (a === "未分配" ? 1 : b === "未分配" ? -1 : zh(a, b))),
    towns: distinct(firms.map((f) => f.town)).sort(zh),
    statuses: ordered(POOL_STATUSES, distinct(firms.map((f) => f.status))),
  };
}

/** The CLI's `--json` document (the contract in issue #5). */
export function poolJson(report: PoolReport) {
  const s = report.summary;
  return {
    month: report.month,
    summary: {
      byTier: s.byTier,
      byStatus: s.byStatus,
      projectedToCross: s.projectedToCross,
      added: s.added,
      removed: s.removed,
      droppedOut: s.droppedOut,
      net: s.net,
      target: s.target,
    },
    firms: report.firms.map((f) => ({
      name: f.name,
      tier: f.tier,
      status: f.status,
      leader: f.leader,
      ytd: f.ytd,
      projection: f.projection,
      gap: f.gap,
      atRisk: f.atRisk,
    })),
  };
}

export interface ExportChart {
  name: string;
  type: "column" | "line" | "bar";
  title: string;
  dataRange: string;
  anchor: string;
}

/**
 * The 培育库汇总 sheet: summary (A:C), firms per tier (A:B, below), and the 培育中 firms'
 * projections against the 2000 万元 line (E:G), with the two charts over those ranges. Fixed
 * chart names, so a second export refreshes them in place.
 */
export type OutCell = string | number | null;

export function exportModel(report: PoolReport): { rows: OutCell[][]; numberFormats: (string | null)[]; charts: ExportChart[] } {
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
  const charts: ExportChart[] = [
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
