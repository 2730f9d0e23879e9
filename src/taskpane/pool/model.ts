/**
 * The pool tab's data layer, React-free (the bench and the tests use it too): load the pool
 * through the port in two round trips (list sheets, read the sheets it needs in one go),
 * apply an action plan (record first, then the cells), and the grid's render model.
 */
import type { CellValue, WorkbookPort } from "../../workbook/port";
import { analyzePool, failed, filterFirms, PoolFilter, PoolFirm, PoolOptions, PoolReport, poolSheetNames, sortFirms, SortKey } from "../../core/pool/analyze";
import { ChangeRecord, isActionError, PoolChangePlan, readChangeLog } from "../../core/pool/actions";
import { CHANGE_LOG_SHEET, POOL_SHEET } from "../../core/pool/spec";

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
  const names = poolSheetNames(sheets);
  if (!sheets.includes(POOL_SHEET) && !names.pool) {
    return { ok: false, noPool: true, error: `工作簿中没有“${POOL_SHEET}”工作表 (no ${POOL_SHEET} sheet)` };
  }
  const log = sheets.includes(CHANGE_LOG_SHEET) ? CHANGE_LOG_SHEET : null;
  const wanted = [names.pool, names.added, names.dropped, names.targets, log];
  const read = await port.readSheets(wanted.filter((n): n is string => n !== null));
  const got = new Map<string, (typeof read)[number]>();
  wanted.filter((n): n is string => n !== null).forEach((n, i) => got.set(n, read[i]));
  const pick = (n: string | null) => (n ? got.get(n) ?? null : null);
  const pool = pick(names.pool);
  if (!pool) return { ok: false, noPool: true, error: `工作簿中没有“${POOL_SHEET}”工作表 (no ${POOL_SHEET} sheet)` };
  const report = analyzePool({ pool, added: pick(names.added), dropped: pick(names.dropped), targets: pick(names.targets) }, options);
  if (failed(report)) return { ok: false, noPool: names.pool !== POOL_SHEET, error: report.error };
  let records: ChangeRecord[] = [];
  let logError: string | null = null;
  const logSheet = pick(log);
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
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

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
  gap: string;
  /** 0..1 */
  progress: number;
  atRisk: boolean;
  /** Tooltip: method and notes. */
  title: string;
}

const nf = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const fmt = (x: number | null): string => (x === null ? "—" : nf.format(x));

export function rowModel(f: PoolFirm): FirmRowModel {
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
    gap: f.gap === null ? "—" : (f.gap > 0 ? "+" : "") + fmt(f.gap),
    progress: f.progress,
    atRisk: f.atRisk,
    title: [f.method === "seasonal" ? "按上年季节推算 (seasonal)" : "按序时推算 (run-rate)", ...f.notes].join("\n"),
  };
}

/** The grid's rows: filtered, sorted, the first `limit`; and how many matched. */
export function listModel(report: PoolReport, filter: PoolFilter, sort: { key: SortKey; dir: "asc" | "desc" }, limit = Infinity): { rows: FirmRowModel[]; matched: number } {
  const matched = sortFirms(filterFirms(report.firms, filter), sort.key, sort.dir);
  return { rows: matched.slice(0, limit).map(rowModel), matched: matched.length };
}
