/**
 * From sheet values to an analysis: the register (诉求台账), the 参数 sheet (parameters and the
 * category list) and the 节假日 sheet (days that override the official calendar). Used by the
 * CLI and the pane alike; unusable input (no header, a required column missing) is { error }.
 */
import type { CellValue } from "../num";
import { isReadError, readTable, SheetLike, Table } from "../table";
import { missingColumnsError } from "../validate/engine";
import { chooseTable } from "../table/kinds";
import { DayOverride, WorkCalendar } from "./calendar";
import { analyzeAppeals, AppealsResult } from "./analyze";
import { AppealsParams, readAppealsParams } from "./params";
import { APPEALS_ANALYSIS_SHEET, APPEALS_PARAM_SHEET, APPEALS_SHEET, appealsSpec, HOLIDAY_SHEET, holidaySpec, parseDayType } from "./spec";

export interface HolidaysRead {
  overrides: DayOverride[];
  notes: string[];
}

/** The days a 节假日 sheet sets; rows it cannot read are notes naming the cell and the value. */
export function readHolidays(sheet: SheetLike | null | undefined): HolidaysRead {
  if (!sheet || sheet.values.length === 0) return { overrides: [], notes: [] };
  const t = readTable(sheet, holidaySpec);
  if (isReadError(t)) return { overrides: [], notes: [`“${sheet.name}”工作表未读取：${t.error}`] };
  if (t.missing.length) {
    return { overrides: [], notes: [`“${sheet.name}”工作表缺少“${t.missing.map((f) => f.header).join("”“")}”列，未读取 (the ${HOLIDAY_SHEET} sheet lacks a column; not read)`] };
  }
  const notes = t.issues.map((i) => `${sheet.name}!${i.address}“${i.header}”：${i.message}`);
  // 类型 (放假/上班, 是否工作日 是/否), else 是否放假 (是 = a day off), else every listed date is a day off
  const key = t.columns.type ? "type" : t.columns.off ? "off" : null;
  if (!key && t.rows.length) {
    notes.push(`“${sheet.name}”工作表没有“类型”列，所列日期均按放假计 (the ${HOLIDAY_SHEET} sheet has no 类型 column: every date listed is a day off)`);
  }
  const overrides: DayOverride[] = [];
  for (const row of t.rows) {
    const d = row.values.date;
    const raw = key ? row.values[key] : null;
    const typeText = raw === null || raw === undefined ? null : String(raw);
    const parsed = key ? parseDayType(typeText) : false;
    const work = parsed === null ? null : key === "off" ? !parsed : parsed;
    if (typeof d !== "number") continue; // a bad date is already a note
    if (work === null) {
      const header = t.columns[key!].header;
      notes.push(
        `${sheet.name}!${t.address(row.row, key!)}“${header}”为“${typeText ?? ""}”，应为“放假”或“上班”（或“是”“否”），此行未采用 (the type must be 放假 or 上班; row not used)`,
      );
      continue;
    }
    overrides.push({ serial: d, work, name: row.values.name === null ? undefined : String(row.values.name) });
  }
  return { overrides, notes };
}

export interface AppealsLoadInput {
  /** The register sheet. */
  register: SheetLike;
  /** Values of the 参数 sheet, if any. */
  params?: CellValue[][] | null;
  /** The 节假日 sheet, if any. */
  holidays?: SheetLike | null;
  /** As-of date (Excel serial). */
  asOf: number;
}

export interface AppealsLoaded {
  result: AppealsResult;
  table: Table;
  params: AppealsParams;
  calendar: WorkCalendar;
  /** Notes from reading the 参数 and 节假日 sheets (the result's own notes are in result.notes). */
  notes: string[];
}

/** Read and analyse a register. */
export function loadAppeals(input: AppealsLoadInput): AppealsLoaded | { error: string } {
  const table = readTable(input.register, appealsSpec);
  if (isReadError(table)) return { error: table.error };
  const missing = missingColumnsError(table);
  if (missing) return missing;
  const p = readAppealsParams(input.params ?? null, APPEALS_PARAM_SHEET);
  const h = readHolidays(input.holidays);
  const calendar = new WorkCalendar(p.params.mode, h.overrides);
  const result = analyzeAppeals(table, { asOf: input.asOf, params: p.params, calendar });
  return { result, table, params: p.params, calendar, notes: [...p.warnings, ...h.notes] };
}

/** The register among a workbook's sheets, by the one sheet chooser (诉求台账 preferred), or null. */
export function findRegister<S extends SheetLike>(sheets: readonly (S | null)[]): S | null {
  const chosen = chooseTable(sheets, [appealsSpec], { exclude: [APPEALS_ANALYSIS_SHEET], preferred: [APPEALS_SHEET] });
  return "error" in chosen ? null : (chosen.sheet as S);
}

/** A whole workbook's appeals (register, 参数, 节假日 found by name), or null when it has no register. */
export function workbookAppeals(sheets: readonly SheetLike[], asOf: number): AppealsLoaded | { error: string } | null {
  const register = findRegister(sheets);
  if (!register) return null;
  const byName = (n: string) => sheets.find((s) => s.name === n) ?? null;
  return loadAppeals({ register, params: byName(APPEALS_PARAM_SHEET)?.values ?? null, holidays: byName(HOLIDAY_SHEET), asOf });
}
