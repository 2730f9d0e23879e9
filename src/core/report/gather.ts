/**
 * Gather the report's inputs from a workbook's sheets: each feature's own reader and analysis
 * (the very functions the tabs and the `jx` commands call), run only when the workbook has that
 * feature's table. A feature that cannot be read is left out of the report with a note.
 */
import { analyzeMonth } from "../monitor/analyze";
import { loadMonitor } from "../monitor/load";
import { analyzePool, failed, poolJson, poolSheetNames } from "../pool/analyze";
import { POOL_SHEET } from "../pool/spec";
import { runAcre } from "../acre/run";
import { toJson as acreJson } from "../acre/result";
import { ACRE_PARAM_SHEET, ACRE_SHEET } from "../acre/spec";
import type { SheetLike } from "../table";
import { toJson as appealsJson, workbookAppeals } from "../appeals";
import { AppealsDoc, ReportInput, Source } from "./compose";

export interface GatherOptions {
  /** The report month (default: as the monitoring tab finds it). */
  month?: number | null;
  /** The appeals analysis, when the caller ran it (it needs the as-of date and the calendar). */
  appeals?: { doc: AppealsDoc; sheet: string } | null;
  /** Or the as-of date (Excel serial): the workbook's 诉求台账 is analysed here, as `jx appeals` does. */
  appealsAsOf?: number | null;
  top1Share?: number;
}

export interface Gathered {
  input: ReportInput;
  notes: string[];
}

export function gatherReport(sheets: SheetLike[], opts: GatherOptions = {}): Gathered {
  const notes: string[] = [];
  const sources: Source[] = [];
  const input: ReportInput = { monitor: null, pool: null, acre: null, appeals: null, sources, top1Share: opts.top1Share };
  const byName = (n: string | null) => (n === null ? null : sheets.find((s) => s.name === n) ?? null);

  // 1. Monitoring: a monthly report sheet (and the 目标 sheet when present).
  const loaded = loadMonitor({ sheets, month: opts.month ?? null });
  if ("error" in loaded) notes.push(`工业经济运行部分未生成：${loaded.error}`);
  else {
    input.monitor = analyzeMonth(loaded.input);
    sources.push({ part: "工业经济运行", sheet: input.monitor.sheet, period: `1-${input.monitor.month}月` });
    const targets = sheets.find((s) => s.name.trim() === "目标");
    if (targets && input.monitor.targets.length) sources.push({ part: "目标任务", sheet: targets.name, period: "年度目标" });
  }

  // 2. The cultivation pool: only a sheet that is a pool (named 培育库 or …培育…).
  const names = poolSheetNames(sheets.map((s) => s.name));
  const poolSheet = byName(names.pool);
  if (poolSheet && (poolSheet.name.trim() === POOL_SHEET || /培育/.test(poolSheet.name))) {
    const report = analyzePool({ pool: poolSheet, added: byName(names.added), dropped: byName(names.dropped), targets: byName(names.targets) }, { month: opts.month ?? undefined });
    if (failed(report)) notes.push(`小升规与培育库部分未生成：${report.error}`);
    else {
      input.pool = poolJson(report);
      sources.push({ part: "小升规与培育库", sheet: poolSheet.name, period: `截至${report.month}月` });
    }
  }

  // 3. Per-mu evaluation: the 亩均数据 sheet (or a sheet named …亩均… that is not a result).
  const acreSheet = sheets.find((s) => s.name.trim() === ACRE_SHEET) ?? sheets.find((s) => /亩均/.test(s.name) && !/结果|汇总|评价/.test(s.name));
  if (acreSheet) {
    const params = sheets.find((s) => s.name.trim() === ACRE_PARAM_SHEET);
    const run = runAcre({ data: acreSheet, params: params ? params.values : null, lastYear: null });
    if ("error" in run) notes.push(`亩均效益评价部分未生成：${run.error}`);
    else {
      input.acre = acreJson(run.evaluation);
      sources.push({ part: "亩均效益评价", sheet: acreSheet.name, period: "评价年度数据" });
    }
  }

  // 4. Appeals: analysed by the caller, or here as of the date given.
  if (!opts.appeals && opts.appealsAsOf != null) {
    const a = workbookAppeals(sheets, opts.appealsAsOf);
    if (a && "error" in a) notes.push(`企业诉求部分未生成：${a.error}`);
    else if (a) {
      input.appeals = appealsJson(a.result);
      sources.push({ part: "企业诉求", sheet: a.result.sheet, period: `截至${input.appeals.asOf}` });
    }
  }
  if (opts.appeals) {
    input.appeals = opts.appeals.doc;
    sources.push({ part: "企业诉求", sheet: opts.appeals.sheet, period: `截至${opts.appeals.doc.asOf}` });
  }
  return { input, notes };
}
