/**
 * The cultivation pool (培育库), analysed: per-firm YTD, projection, gap to the 2000 万元 line,
 * at-risk flag; the summary (tiers, statuses, 新增 / 退库 / 退规 / 净增 vs target); the per-leader
 * view. The other jobs sit beside it: spec.ts (columns, tiers, statuses), lists.ts (新增规上 /
 * 退规 sheets), view.ts (the pane's filter and sort), json.ts (`jx pool --json`), export.ts
 * (the 培育库汇总 sheet), types.ts (the report's shapes). Pure: sheets in (as the port reads them), a report out; bad data
 * comes back as notes or a ReadError, never as an exception.
 *
 * Decisions (docs/pool.md):
 * - month: options.month > the 月份 column (its largest value) > the last month with data in
 *   any firm's 1月…12月. No month → ReadError.
 * - YTD: Σ 1月…(month)月 when the table has month columns and the firm has any of them filled;
 *   blank months inside the range count as 0 and are listed in `missingMonths`. Otherwise the
 *   firm's 1-本月营业收入. Nothing at all → YTD 0 (a firm with no revenue yet), flagged.
 * - projection / gap: projectFullYear / scaleGap (the cells' JX.SCALE_PROJECTION / JX.SCALE_GAP);
 *   gap = projection − 2000 (negative = short of the line). Seasonal when the firm has all 12
 *   上年 months, else run-rate.
 * - 小升规 (issue 13, docs/pool.md): reached = YTD ≥ 2000; neededPerMonth = (2000 − YTD) / months
 *   left to the deadline month (deadline.ts), null once reached or none left; avgPerMonth = YTD /
 *   months reported; lastYearAbove = 上年营业收入 ≥ 2000. Only 拟进规 (and a blank or unknown
 *   tier) is measured against the line; the other tiers get false / null and their growth.
 * - at risk: measured, 培育中, not reached and projection < 2000. projectedToCross: measured,
 *   培育中, reached or projection ≥ 2000.
 * - added = pool firms 已入规 + 新增规上 sheet rows that are not pool firms (matched by USCC, else
 *   name); removed = 退库; droppedOut = options.dropped > 退规 sheet rows > 目标 退规企业数
 *   (1-本月完成, else 年度目标) > 0; net = added − droppedOut; target = options.target >
 *   目标 净增规上企业数 > 18.
 * - a blank 状态 is 培育中; variants (入规, 已进规, 已退库 …) are normalised.
 */
import { isError } from "../result";
import { isReadError, monthOfValue, readTable, ReadError, resolveMonth, SheetLike, Table } from "../table";
import { chooseTable, rankTables } from "../table/kinds";
import { netNewFigure } from "../netNewFirms";
import { readTargets, Targets, TARGETS_SHEET, targetValue } from "../monitor/targets";
import { atLeast, projectFullYear, scaleGap, scalePace, SCALE_THRESHOLD } from "./projection";
import { deadlineMonth, PARAMS_SHEET } from "./deadline";
import { ADDED_SHEET, CHANGE_LOG_SHEET, DROPPED_SHEET, SUMMARY_SHEET, LAST_YEAR_KEYS, MONTH_KEYS, POOL_SHEET, POOL_STATUSES, POOL_TIERS, measuredTier, normalizeStatus, normalizeTier, poolSpec, squash, str } from "./spec";
import { ListedFirm, readFirmList } from "./lists";
import { zh } from "./view";
import { DEFAULT_NET_TARGET, LeaderView, MonthSource, PoolFirm, PoolInput, PoolOptions, PoolReport, PoolSummary, ProjectionMethod } from "./types";

// The pool's other jobs live beside this file; re-exported so that `./analyze` stays the entry.
export * from "./types";
export { normalizeStatus, normalizeTier } from "./spec";
export { firmListSpec, readFirmList } from "./lists";
export type { ListedFirm } from "./lists";
export { filterFirms, filterOptions, sortFirms } from "./view";
export type { PoolFilter, SortKey } from "./view";
export { poolJson } from "./json";
export { exportModel } from "./export";
export type { OutCell } from "./export";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** −0 → 0. Amounts are NOT rounded: the pane, the JSON and JX.SCALE_PROJECTION must agree to the bit. */
const clean = (x: number) => x + 0;

/**
 * The month of the report: the one resolver (core/table/month.ts: option > 月份 column > a cell
 * above the header > the sheet name), then the pool's own last resort, the last month with data.
 */
export function poolMonth(table: Table, option?: number, sheet?: SheetLike): { month: number; source: MonthSource; notes: string[] } | ReadError {
  if (option !== undefined && !(Number.isInteger(option) && option >= 1 && option <= 12)) return { error: `月份应为 1–12 的整数：${option} (month must be an integer 1–12)` };
  const found = resolveMonth({ sheet: sheet ?? { name: table.sheet, startRow: 1, startCol: 1, values: [] }, table, option });
  if (found) return { month: found.month, source: found.source, notes: found.notes };
  const notes: string[] = [];
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
  return { error: "无法确定月份：表中没有已填报的月度营业收入，也没有“月份”列，请指定报告月份 (cannot tell the month: no monthly revenue and no 月份 column; give the month)" };
}

interface Shape {
  hasMonthColumns: boolean;
  hasLastYear: boolean;
}

function firmOf(shape: Shape, r: Table["rows"][number], index: number, month: number, byMonth: number): PoolFirm | null {
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
    const own = monthOfValue(r.raw.month ?? v.month);
    if (own !== null && own !== month) notes.push(`本行月份为 ${own} 月，按 ${month} 月推算 (this row's month is ${own}; projected as month ${month})`);
  } else if (inPool) {
    notes.push(`1–${month}月尚无营业收入数据，按 0 计 (no revenue reported yet; counted as 0)`);
  }
  // The sum to 15 significant digits (what Excel shows): ten months of 168.6 are 1686, not
  // 1685.9999999999998 — binary noise only; nothing a cell states is rounded away.
  ytd = clean(Number(ytd.toPrecision(15)));
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
  const measured = measuredTier(tier);
  const monthsReported = ytdSource === "months" ? month - missingMonths.length : ytdSource === "ytd" ? month : 0;
  const pace = scalePace(ytd, month, byMonth, projection, monthsReported);
  // 上年营业收入 as written, else last year's twelve months when all are given (the same year's revenue).
  const lastYearRevenue = num(v.lastYearRevenue) ?? (lastYear && lastYear.every((x) => x !== null) ? clean((lastYear as number[]).reduce((a, b) => a + b, 0)) : null);
  const lyPart = lastYear?.slice(0, month);
  const lySum = lyPart && lyPart.every((x) => x !== null) ? (lyPart as number[]).reduce((a, b) => a + b, 0) : null;
  let growth: number | null = null;
  let growthBasis: PoolFirm["growthBasis"] = null;
  if (lySum !== null && lySum > 0) [growth, growthBasis] = [clean(ytd / lySum - 1), "same-period"];
  else if (projection !== null && lastYearRevenue !== null && lastYearRevenue > 0) [growth, growthBasis] = [clean(projection / lastYearRevenue - 1), "projected"];
  const rd = num(v.rdSpend);
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
    lastYearRevenue,
    ytd,
    ytdSource,
    missingMonths,
    projection,
    method,
    gap,
    progress: Math.max(0, Math.min(1, ytd / SCALE_THRESHOLD)),
    measured,
    reached: measured && pace.reached,
    neededPerMonth: measured ? pace.neededPerMonth : null,
    avgPerMonth: pace.avgPerMonth,
    behindPace: measured && inPool && pace.behindPace,
    atRisk: measured && inPool && pace.short,
    lastYearAbove: measured && lastYearRevenue !== null && atLeast(lastYearRevenue, SCALE_THRESHOLD),
    growth,
    growthBasis,
    rdShare: rd !== null && lastYearRevenue !== null && lastYearRevenue > 0 ? clean(rd / lastYearRevenue) : null,
    notes,
  };
}

/** A ReadError among other results (the table reader's guard only takes a Table). */
export function failed<T>(x: T | ReadError): x is ReadError {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "error" in x && typeof (x as ReadError).error === "string" && !("spec" in x);
}

const key = (s: string) => squash(s).toUpperCase();

/**
 * The sheets the pool reads, from all the workbook's sheets: the pool sheet by the one chooser
 * (core/table/chooser.ts: the named one, else a sheet that reads as a pool, 培育库 first — never a
 * monthly report), and the 新增规上 / 退规 / 目标 / 参数 sheets by name. `noPool`: no sheet is a pool.
 */
export function poolInputFrom(sheets: readonly (SheetLike | null)[], name?: string | null): { input: PoolInput } | { error: string; noPool: boolean } {
  const byName = (n: string) => sheets.find((s) => s !== null && s.name.trim() === n) ?? null;
  const options = { preferred: [POOL_SHEET], exclude: [ADDED_SHEET, DROPPED_SHEET, CHANGE_LOG_SHEET, SUMMARY_SHEET, TARGETS_SHEET, PARAMS_SHEET] };
  const chosen = chooseTable(sheets, [poolSpec], { ...options, name });
  if ("error" in chosen) return { error: chosen.error, noPool: (name === undefined || name === null) && rankTables(sheets, [poolSpec], options).length === 0 };
  return { input: { pool: chosen.sheet, added: byName(ADDED_SHEET), dropped: byName(DROPPED_SHEET), targets: byName(TARGETS_SHEET), params: byName(PARAMS_SHEET) } };
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
  const m = poolMonth(table, options.month, input.pool);
  if (failed(m)) return m;
  const notes = [...table.notes, ...m.notes, ...table.issues.map((i) => `${i.address}: ${i.message}`)];
  let targets: Targets | null = null;
  if (input.targets) {
    const t = readTargets(input.targets);
    if (failed(t)) notes.push(`目标表：${t.error}`);
    else targets = t;
  }
  const deadline = deadlineMonth(m.month, options.byMonth, input.params, targets);
  if (failed(deadline)) return deadline;
  notes.push(...deadline.notes);

  const firms: PoolFirm[] = [];
  const shape: Shape = { hasMonthColumns: MONTH_KEYS.some((k) => table.columns[k]), hasLastYear: LAST_YEAR_KEYS.some((k) => table.columns[k]) };
  for (const r of table.rows) {
    const f = firmOf(shape, r, firms.length, m.month, deadline.byMonth);
    if (f) firms.push(f);
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
  return {
    month: m.month,
    monthSource: m.source,
    threshold: SCALE_THRESHOLD,
    byMonth: deadline.byMonth,
    byMonthSource: deadline.source,
    table,
    firms,
    summary,
    leaders: leaderView(firms),
    notes,
    netFigure: netNewFigure({ added: summary.added, droppedOut: summary.droppedOut, net: summary.net, sheet: table.sheet }, targets)!,
  };
}

/** Reached the line, or projected to by the year's end. */
const crosses = (f: PoolFirm) => f.reached || (f.projection !== null && atLeast(f.projection, SCALE_THRESHOLD));

function summarize(
  firms: PoolFirm[],
  ctx: { addedList: ListedFirm[] | null; droppedList: ListedFirm[] | null; targets: Targets | null; options: PoolOptions },
): PoolSummary {
  const byTier: Record<string, number> = Object.fromEntries(POOL_TIERS.map((t) => [t, 0]));
  const byStatus: Record<string, number> = Object.fromEntries(POOL_STATUSES.map((s) => [s, 0]));
  let projectedToCross = 0;
  let reached = 0;
  let lastYearAbove = 0;
  let atRisk = 0;
  for (const f of firms) {
    const tier = f.tier ?? "未填层级";
    byTier[tier] = (byTier[tier] ?? 0) + 1;
    byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
    if (f.atRisk) atRisk++;
    if (!(f.measured && f.status === "培育中")) continue;
    if (crosses(f)) projectedToCross++;
    if (f.reached) reached++;
    if (f.lastYearAbove) lastYearAbove++;
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
    reached,
    lastYearAbove,
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
      onTrack: fs.filter((f) => f.measured && f.status === "培育中" && crosses(f)).length,
      atRisk: fs.filter((f) => f.atRisk).length,
      entered: fs.filter((f) => f.status === "已入规").length,
      removed: fs.filter((f) => f.status === "退库").length,
    }));
}

