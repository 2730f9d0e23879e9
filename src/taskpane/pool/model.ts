/**
 * The pool tab's data layer, React-free (the bench and the tests use it too): load the pool
 * through the port in two round trips (list sheets, read the sheets it needs in one go),
 * apply an action plan (record first, then the cells), and the grid's render model.
 */
import type { CellValue, WorkbookPort } from "../../workbook/port";
import { analyzePool, failed, filterFirms, PoolFilter, PoolFirm, PoolOptions, PoolReport, poolInputFrom, sortFirms, SortKey } from "../../core/pool/analyze";
import { ChangeRecord, isActionError, PoolChangePlan, readChangeLog } from "../../core/pool/actions";
import { CHANGE_LOG_SHEET, POOL_SHEET } from "../../core/pool/spec";
import { firmHint } from "../../core/pool/export";
import { todayIso } from "../../core/table/dates";

export interface PoolData {
  report: PoolReport;
  /** 变动记录, newest first. */
  log: ChangeRecord[];
  /** A 变动记录 sheet that could not be read. */
  logError: string | null;
}

export type PoolLoad = { ok: true; data: PoolData } | { ok: false; error: string; noPool: boolean };

/** Read everything the tab shows: ≤ 2 port calls (listSheets + readSheets). */
export async function loadPool(port: WorkbookPort, options: PoolOptions = {}): Promise<PoolLoad> {
  const sheets = await port.listSheets();
  // All sheets in one read: the one sheet chooser (core/table) decides which is the pool.
  const read = await port.readSheets(sheets);
  const from = poolInputFrom(read);
  if ("error" in from) return { ok: false, noPool: from.noPool, error: from.error };
  const report = analyzePool(from.input, options);
  if (failed(report)) return { ok: false, noPool: from.input.pool.name !== POOL_SHEET, error: report.error };
  const logSheet = read.find((x) => x?.name === CHANGE_LOG_SHEET) ?? null;
  let records: ChangeRecord[] = [];
  let logError: string | null = null;
  if (logSheet && logSheet.values.length) {
    const l = readChangeLog(logSheet);
    if (isActionError(l)) logError = l.error;
    else records = [...l].reverse();
  }
  return { ok: true, data: { report, log: records, logError } };
}

/** Apply a plan: append the records first (nothing changes without one), then write the cells. */
export async function applyPlan(port: WorkbookPort, plan: PoolChangePlan): Promise<void> {
  await port.appendRows(plan.logSheet, plan.records as CellValue[][], plan.logHeader);
  await port.writeCells(plan.sheet, plan.updates.map((u) => ({ address: u.address, value: (u.value ?? "") as CellValue })));
}

/** Today as yyyy-mm-dd in local time (the record date). */
export const today = (): string => todayIso();

export interface FirmRowModel {
  key: string;
  firm: PoolFirm;
  name: string;
  tier: string;
  status: string;
  leader: string;
  town: string;
  ytd: string;
  projection: string;
  /** The gap to 2000 万 (拟进规), or the growth for the tiers with their own criteria. */
  gap: string;
  /** 尚需月均 to the deadline ("—" once reached / not measured). */
  needed: string;
  /** 本年月均. */
  avg: string;
  /** What to act on: 已达规模标准，可申报入规 / 上年已超 / 预警 / 节奏不足; "" when nothing. */
  hint: string;
  reached: boolean;
  behindPace: boolean;
  lastYearAbove: boolean;
  /** 0..1 */
  progress: number;
  atRisk: boolean;
  /** Tooltip: method and notes. */
  title: string;
}

const nf = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const fmt = (x: number | null): string => (x === null ? "—" : nf.format(x));

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export function rowModel(f: PoolFirm, byMonth = 12): FirmRowModel {
  return {
    key: String(f.index),
    firm: f,
    name: f.name,
    tier: f.tier ?? "",
    status: f.status,
    leader: f.leader ?? "未分配",
    town: f.town ?? "",
    ytd: fmt(f.ytd),
    projection: fmt(f.projection),
    gap: !f.measured ? `增速 ${pct(f.growth)}` : f.gap === null ? "—" : (f.gap > 0 ? "+" : "") + fmt(f.gap),
    needed: fmt(f.neededPerMonth),
    avg: fmt(f.avgPerMonth),
    hint: firmHint(f, byMonth),
    reached: f.reached,
    behindPace: f.behindPace,
    lastYearAbove: f.lastYearAbove,
    progress: f.progress,
    atRisk: f.atRisk,
    title: [
      f.method === "seasonal" ? "按上年季节推算 (seasonal)" : "按序时推算 (run-rate)",
      f.measured ? null : `${f.tier}：按本层级标准跟踪，不以 2000 万衡量 (own criteria, not the 2000 万 line)`,
      ...f.notes,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}

/** The grid's rows: filtered, sorted, the first `limit`; and how many matched. */
export function listModel(report: PoolReport, filter: PoolFilter, sort: { key: SortKey; dir: "asc" | "desc" }, limit = Infinity): { rows: FirmRowModel[]; matched: number } {
  const matched = sortFirms(filterFirms(report.firms, filter), sort.key, sort.dir);
  return { rows: matched.slice(0, limit).map((f) => rowModel(f, report.byMonth)), matched: matched.length };
}
