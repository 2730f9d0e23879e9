/**
 * From sheet values to a monitoring input: picks the month's report sheet, determines the
 * report month, reads earlier months' sheets and the 目标 sheet. Pure (values in, values out),
 * shared by the CLI and the task pane. The monthly table is read with the validation
 * engineer's monthlySpec — one reader for one table kind.
 */
import { normalizeHeader } from "../table/headers";
import { isReadError, readTable, ReportMonth, resolveMonth, SheetLike, Table } from "../table";
import { chooseTable, rankTables } from "../table/kinds";
import { analyzePool, failed, poolInputFrom } from "../pool/analyze";
import { netNewFigure } from "../netNewFirms";
import { toHalfWidth } from "../num";
import { monthlySpec } from "../validate/specs";
import { FirmField, FirmMonth, MonitorInput, MonitorParams, MonthData } from "./analyze";
import { readTargets, Targets, TARGETS_SHEET } from "./targets";
import { deadlineMonth, PARAMS_SHEET } from "../pool/deadline";

const NUMBER_FIELDS: FirmField[] = [
  "outputMonth",
  "outputYtd",
  "outputYtdLastYear",
  "valueAddedYtd",
  "revenueYtd",
  "outputMonthLastYear",
  "valueAddedYtdLastYear",
  "revenueYtdLastYear",
];

/** Columns validation requires that monitoring can do without. */
const OPTIONAL_HERE = new Set(["uscc"]);

/** A monthly report table read from a sheet, or why it cannot be used. */
export function readMonthly(sheet: SheetLike): Table | { error: string } {
  const t = readTable(sheet, monthlySpec);
  if (isReadError(t)) return t;
  // Monitoring matches firms by code, else by name: a table without 统一社会信用代码 can still be
  // analysed (validation, which checks the codes, still requires the column).
  const missing = t.missing.filter((f) => !OPTIONAL_HERE.has(f.key));
  if (missing.length) {
    return {
      error: `工作表“${sheet.name}”缺少必需列${missing.map((f) => `“${f.header}”`).join("、")} (sheet ${sheet.name} lacks the required column ${missing.map((f) => f.header).join(", ")})`,
    };
  }
  return t;
}

/** The firms of a monthly table as typed rows; rows without a name and a code are skipped. */
export function firmsOf(table: Table): FirmMonth[] {
  const out: FirmMonth[] = [];
  for (const r of table.rows) {
    const name = r.values.name ?? null;
    const uscc = r.values.uscc ?? null;
    if ((name === null || name === "") && (uscc === null || uscc === "")) continue;
    const f = {
      name: name === null ? `第${r.row}行 (row ${r.row})` : String(name),
      uscc: uscc === null ? null : toHalfWidth(String(uscc)).replace(/\s+/g, "").toUpperCase(),
      row: r.row,
    } as FirmMonth;
    for (const k of NUMBER_FIELDS) {
      const v = r.values[k];
      f[k] = typeof v === "number" ? v : null;
    }
    out.push(f);
  }
  return out;
}

/** The report month of a sheet: the one resolver (core/table/month.ts), with its notes. */
export function reportMonth(table: Table, sheet: SheetLike, explicit?: number | null): ReportMonth | null {
  return resolveMonth({ sheet, table, option: explicit });
}

export interface LoadOptions {
  /** Every sheet of the workbook (or at least the report sheet). */
  sheets: SheetLike[];
  /** The report sheet; default: the sheet for `month`, else the monthly sheet with the latest month, else the first one. */
  sheet?: string | null;
  month?: number | null;
  /** The targets sheet; default: a sheet named 目标 among `sheets`. */
  targets?: SheetLike | null;
  /** Earlier months from other workbooks (`--previous`). */
  previous?: SheetLike[];
  params?: Partial<MonitorParams>;
}

export type Loaded =
  | {
      input: MonitorInput;
      table: Table;
      monthFrom: string;
      notes: string[];
      /** Names of the sheets that read as monthly reports (the report sheet included). */
      reports: string[];
      /** Figures that disagree between two sources (净增规上 不一致): stderr in the CLI, a warning in the pane. */
      warnings: string[];
    }
  | { error: string };

/** The sheet the pane writes (report.ts ANALYSIS_SHEET); never read as a monthly report. */
const ANALYSIS_SHEET_NAME = "运行分析";
const isTargetsName = (name: string) => normalizeHeader(name).name === TARGETS_SHEET;

/** Sheets that read as monthly reports (the chooser's ranking: the month asked for, else the latest, first), with their month when known. */
function monthlySheets(sheets: SheetLike[], month?: number | null): { sheet: SheetLike; table: Table | { error: string }; month: number | null }[] {
  const exclude = sheets.filter((s) => isTargetsName(s.name) || s.name === ANALYSIS_SHEET_NAME).map((s) => s.name);
  return rankTables(sheets, [monthlySpec], { exclude, month }).map((c) => ({ sheet: c.sheet, table: readMonthly(c.sheet), month: c.month }));
}

export function loadMonitor(opts: LoadOptions): Loaded {
  const notes: string[] = [];
  let current: { sheet: SheetLike; table: Table } | null = null;
  let candidates: { sheet: SheetLike; table: Table; month: number | null }[] | null = null;
  if (opts.sheet) {
    // the one chooser: a named sheet that is not there, or reads as another kind (培育库, 目标), is said so
    const chosen = chooseTable(opts.sheets, [monthlySpec], { name: opts.sheet });
    if ("error" in chosen) return { error: chosen.error };
    const s = chosen.sheet;
    const t = readMonthly(s);
    if (!("spec" in t)) return { error: t.error };
    current = { sheet: s, table: t };
  } else {
    const ranked = monthlySheets(opts.sheets, opts.month);
    if (!ranked.length) {
      const chosen = chooseTable(opts.sheets, [monthlySpec]);
      const found = "error" in chosen ? `：${chosen.error}` : "";
      return { error: `工作簿中没有可识别的月报表（需要“企业名称”“本月工业总产值”“1-本月工业总产值”等列） (no sheet reads as a monthly report)${found}` };
    }
    const first = ranked[0];
    if (!("spec" in first.table)) return { error: first.table.error };
    current = { sheet: first.sheet, table: first.table };
    candidates = ranked.filter((c): c is { sheet: SheetLike; table: Table; month: number | null } => "spec" in c.table);
  }
  // the reading's own notes: a skipped column in an unknown unit, the footer that ends the table, a unit row
  notes.push(...current.table.notes);
  const found = reportMonth(current.table, current.sheet, opts.month);
  if (found) notes.push(...found.notes);
  if (!found) {
    return {
      error: `无法确定报告月份：请填写报告月份，或加“月份”列，或将工作表命名为“10月” (cannot determine the report month: give the month, add a 月份 column, or name the sheet like 10月)`,
    };
  }
  const month = found.month;

  // Earlier months: other monthly sheets of this workbook and the --previous sheets.
  const earlier: MonthData[] = [];
  const all = candidates ?? monthlySheets(opts.sheets).filter((c): c is { sheet: SheetLike; table: Table; month: number | null } => "spec" in c.table);
  const reports = all.map((c) => c.sheet.name);
  if (!reports.includes(current.sheet.name)) reports.push(current.sheet.name);
  const others = all.filter((c) => c.sheet !== current!.sheet);
  for (const p of opts.previous ?? []) {
    const t = readMonthly(p);
    if (!("spec" in t)) {
      notes.push(`跳过“${p.name}”：${t.error}`);
      continue;
    }
    others.push({ sheet: p, table: t, month: reportMonth(t, p)?.month ?? null });
  }
  for (const o of others) {
    if (o.month === null || o.month >= month) continue;
    if (earlier.some((e) => e.month === o.month)) {
      notes.push(`${o.month}月有多张工作表，使用第一张，忽略“${o.sheet.name}” (several sheets for month ${o.month}; ${o.sheet.name} ignored)`);
      continue;
    }
    earlier.push(toMonthData(o.table, o.month));
  }
  earlier.sort((a, b) => a.month - b.month);

  // Targets.
  let targets: Targets | null = null;
  const tSheet = opts.targets ?? opts.sheets.find((s) => isTargetsName(s.name)) ?? null;
  if (tSheet) {
    const t = readTargets(tSheet);
    if ("error" in t && !("items" in t)) notes.push(`目标表不可用：${t.error}`);
    else {
      targets = t as Targets;
      for (const i of targets.issues) notes.push(`目标表 ${i.address}: ${i.message}`);
    }
  }

  const table = current.table;
  if (table.issues.length) {
    notes.push(`${table.issues.length} 个单元格无法读取为数值，按空白处理（提交前校验列出各单元格） (${table.issues.length} cells could not be read as numbers and count as blank; validation lists them)`);
  }
  // The pool's deadline month (参数 > 目标 > 12), so the below-scale warning says what the pool tab says.
  let params = opts.params;
  if (params?.byMonth === undefined) {
    const d = deadlineMonth(month, undefined, opts.sheets.find((x) => x.name.trim() === PARAMS_SHEET) ?? null, targets);
    if (!("error" in d)) {
      notes.push(...d.notes);
      if (d.source !== "default") params = { ...params, byMonth: d.byMonth };
    }
  }
  // 净增规上: the same figure as the pool tab (the ledger when the workbook has a pool).
  const pool = poolInputFrom(opts.sheets);
  const poolReport = "input" in pool ? analyzePool(pool.input, { month }) : null;
  const ledger = poolReport && !failed(poolReport) ? { added: poolReport.summary.added, droppedOut: poolReport.summary.droppedOut, net: poolReport.summary.net, sheet: poolReport.table.sheet } : null;
  const netNewFirms = netNewFigure(ledger, targets);
  const warnings = netNewFirms?.mismatch ? [netNewFirms.mismatch] : [];
  const input: MonitorInput = { current: toMonthData(table, month), earlier, targets, params, netNewFirms };
  return { input, table, monthFrom: found.from, notes, reports, warnings };
}

export function toMonthData(table: Table, month: number): MonthData {
  const has: MonthData["has"] = {};
  for (const k of NUMBER_FIELDS) has[k] = !!table.columns[k];
  return { month, sheet: table.sheet, firms: firmsOf(table), has };
}
