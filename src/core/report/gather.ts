/**
 * Gather the report's inputs from a workbook's sheets: each feature's own reader and analysis
 * (the very functions the tabs and the `jx` commands call), run only when the workbook has that
 * feature's table. A feature that cannot be read is left out of the report with a note.
 */
import { analyzeMonth } from "../monitor/analyze";
import { loadMonitor } from "../monitor/load";
import { analyzePool, failed, poolInputFrom, poolJson } from "../pool/analyze";
import { findAcreData, runAcre } from "../acre/run";
import { toJson as acreJson } from "../acre/result";
import { ACRE_PARAM_SHEET } from "../acre/spec";
import { rankTables } from "../table/kinds";
import type { SheetLike } from "../table";
import { isoDateSerial, toJson as appealsJson, workbookAppeals } from "../appeals";
import { monthlySpec } from "../validate/specs";
import { monthSpan, ReportInput, Source } from "./compose";
import { readReportParams } from "./params";

export interface GatherOptions {
  /** The report month (default: as the monitoring tab finds it). */
  month?: number | null;
  /** The monthly report sheet (default: as the monitoring tab finds it: the month's, else the latest). */
  sheet?: string | null;
  /** The as-of date (YYYY-MM-DD): the sources' 截至日期, and the date the 诉求台账 is analysed at, as `jx appeals` does. */
  asOf?: string | null;
  /** Overrides the 参数 sheet's 一家带动占比. */
  top1Share?: number;
}

export interface Gathered {
  input: ReportInput;
  notes: string[];
}

export function gatherReport(sheets: SheetLike[], opts: GatherOptions = {}): Gathered {
  const notes: string[] = [];
  const sources: Source[] = [];
  const asOf = opts.asOf ?? null;
  const source = (part: string, sheet: string, period: string, month: number | null) => sources.push({ part, sheet, period, month, asOf });
  const params = readReportParams(sheets.find((s) => s.name.trim() === ACRE_PARAM_SHEET) ?? null);
  notes.push(...params.notes);
  const input: ReportInput = { monitor: null, pool: null, acre: null, appeals: null, sources, asOf, top1Share: opts.top1Share ?? params.top1Share };

  // 1. Monitoring: a monthly report sheet (and the 目标 sheet when present); silent when there is none.
  const hasMonthly = !!opts.sheet || rankTables(sheets, [monthlySpec]).length > 0;
  const loaded = loadMonitor({ sheets, month: opts.month ?? null, sheet: opts.sheet ?? null });
  if ("error" in loaded) {
    if (hasMonthly) notes.push(`工业经济运行部分未生成：${loaded.error}`);
  } else {
    input.monitor = analyzeMonth(loaded.input);
    const m = input.monitor.month;
    source("工业经济运行", input.monitor.sheet, monthSpan(m), m);
    const targets = sheets.find((s) => s.name.trim() === "目标");
    if (targets && input.monitor.targets.length) source("目标任务", targets.name, "年度目标", m);
  }

  // 2. The cultivation pool: only a sheet that is a pool (the one sheet chooser of core/table).
  const from = poolInputFrom(sheets);
  if ("input" in from) {
    const report = analyzePool(from.input, { month: opts.month ?? undefined });
    if (failed(report)) notes.push(`小升规与培育库部分未生成：${report.error}`);
    else {
      input.pool = poolJson(report);
      source("小升规与培育库", from.input.pool.name, monthSpan(report.month), report.month);
    }
  } else if (!from.noPool) notes.push(`小升规与培育库部分未生成：${from.error}`);

  // 3. Per-mu evaluation: the sheet that reads as per-mu data (亩均数据 first; never a result sheet).
  const acreSheet = findAcreData(sheets);
  if (acreSheet) {
    const paramSheet = sheets.find((s) => s.name.trim() === ACRE_PARAM_SHEET);
    const run = runAcre({ data: acreSheet, params: paramSheet ? paramSheet.values : null, lastYear: null });
    if ("error" in run) notes.push(`亩均效益评价部分未生成：${run.error}`);
    else {
      input.acre = acreJson(run.evaluation);
      source("亩均效益评价", acreSheet.name, "评价年度数据", null);
    }
  }

  // 4. Appeals: the 诉求台账 analysed as of the date given; an empty register (the template) has nothing to say.
  if (asOf !== null) {
    const serial = isoDateSerial(asOf);
    const a = serial === null ? null : workbookAppeals(sheets, serial);
    if (a && "error" in a) notes.push(`企业诉求部分未生成：${a.error}`);
    else if (a && a.result.total === 0) notes.push(`企业诉求部分未生成：诉求台账“${a.result.sheet}”中还没有诉求 (the appeals register has no appeals yet)`);
    else if (a) {
      input.appeals = { ...appealsJson(a.result), rateDecimals: a.result.params.rateDecimals };
      source("企业诉求", a.result.sheet, "累计受理", null);
    }
  }
  return { input, notes };
}
