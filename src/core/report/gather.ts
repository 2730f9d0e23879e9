/**
 * Gather the report's inputs from a workbook's sheets: each feature's own reader and analysis
 * (the very functions the tabs and the `jx` commands call), run only when the workbook has that
 * feature's table. A feature that cannot be read is left out of the report with a note.
 */
import { analyzeMonth } from "../monitor/analyze";
import { loadMonitor } from "../monitor/load";
import { analyzePool, failed, poolInputFrom, poolJson } from "../pool/analyze";
import { runAcre } from "../acre/run";
import { toJson as acreJson } from "../acre/result";
import { acreSpec, ACRE_PARAM_SHEET, ACRE_RESULT_SHEET, ACRE_SHEET } from "../acre/spec";
import { chooseTable } from "../table/kinds";
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

  // 1. Monitoring: a monthly report sheet (and the 目标 sheet when present).
  const loaded = loadMonitor({ sheets, month: opts.month ?? null });
  if ("error" in loaded) notes.push(`工业经济运行部分未生成：${loaded.error}`);
  else {
    input.monitor = analyzeMonth(loaded.input);
    sources.push({ part: "工业经济运行", sheet: input.monitor.sheet, period: `1-${input.monitor.month}月` });
    const targets = sheets.find((s) => s.name.trim() === "目标");
    if (targets && input.monitor.targets.length) sources.push({ part: "目标任务", sheet: targets.name, period: "年度目标" });
  }

  // 2. The cultivation pool: only a sheet that is a pool (the one sheet chooser of core/table).
  const from = poolInputFrom(sheets);
  if ("input" in from) {
    const report = analyzePool(from.input, { month: opts.month ?? undefined });
    if (failed(report)) notes.push(`小升规与培育库部分未生成：${report.error}`);
    else {
      input.pool = poolJson(report);
      sources.push({ part: "小升规与培育库", sheet: from.input.pool.name, period: `截至${report.month}月` });
    }
  } else if (!from.noPool) notes.push(`小升规与培育库部分未生成：${from.error}`);

  // 3. Per-mu evaluation: the sheet that reads as per-mu data (亩均数据 first; never a result sheet).
  const chosen = chooseTable(sheets, [acreSpec], { preferred: [ACRE_SHEET], exclude: [ACRE_RESULT_SHEET, "亩均评价汇总"] });
  if ("sheet" in chosen) {
    const acreSheet = chosen.sheet;
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
