/**
 * The monitoring tab's load: every sheet read through the port in a fixed number of round
 * trips (sheet names, then all values at once), then the pure core. No React here, so the
 * benchmark counts the same calls the pane makes.
 */
import type { SheetValues, WorkbookPort } from "../../workbook/port";
import { columnLetters } from "../../workbook/port";
import { analyzeMonth, MonitorResult } from "../../core/monitor/analyze";
import { loadMonitor, readMonthly } from "../../core/monitor/load";
import { ANALYSIS_SHEET } from "../../core/monitor/report";
import { TARGETS_SHEET } from "../../core/monitor/targets";

export interface Analysis {
  result: MonitorResult;
  /** Column letter of 企业名称 in the report sheet (to select a firm's row). */
  nameColumn: string;
  monthFrom: string;
  notes: string[];
  /** Figures that disagree between two sources (净增规上 不一致), shown as a warning. */
  warnings: string[];
}

export interface LoadedPane {
  sheetNames: string[];
  /** Sheets that read as monthly reports (the sheet picker). */
  reports: string[];
  analysis: Analysis | null;
  error: string | null;
}

export async function loadAnalysis(port: WorkbookPort, choice: { sheet?: string | null; month?: number | null }): Promise<LoadedPane> {
  const sheetNames = await port.listSheets();
  const sheets = (await port.readSheets(sheetNames)).filter((x): x is SheetValues => x !== null && x.name !== ANALYSIS_SHEET);
  const loaded = loadMonitor({ sheets, sheet: choice.sheet || null, month: choice.month ?? null });
  if ("error" in loaded) {
    const reports = sheets.filter((x) => x.name !== TARGETS_SHEET && "spec" in readMonthly(x)).map((x) => x.name);
    return { sheetNames, reports, analysis: null, error: loaded.error };
  }
  const result = analyzeMonth(loaded.input);
  return {
    sheetNames,
    reports: loaded.reports,
    error: null,
    analysis: {
      result,
      nameColumn: columnLetters(loaded.table.columns.name?.col ?? 1),
      monthFrom: loaded.monthFrom,
      notes: [...loaded.notes, ...result.notes],
      warnings: loaded.warnings,
    },
  };
}
