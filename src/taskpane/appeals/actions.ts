/**
 * What the 企业诉求 tab does with the workbook, over the port only (no React, no Office.*):
 * analyse = one readSheets (register, 参数, 节假日); write 诉求分析 = one writeSheet (+ a chart in
 * Excel); mark / clear = the port's highlight / clearHighlight (the validation tab's mechanism);
 * create the template sheets that are missing, never overwriting one.
 */
import type { SheetValues, WorkbookPort } from "../../workbook/port";
import {
  APPEALS_ANALYSIS_SHEET,
  APPEALS_PARAM_SHEET,
  APPEALS_SHEET,
  AppealsLoaded,
  appealsParamRows,
  analysisSheet,
  findRegister,
  CATEGORY_LIST_COL,
  categoryListCells,
  HOLIDAY_SHEET,
  holidaysTemplate,
  loadAppeals,
  overdueList,
  paramsTemplate,
  readAppealsParams,
  registerTemplate,
} from "../../core/appeals";
import type { Card } from "../../core/appeals";
import { columnLetters } from "../../workbook/port";

/** Fills of the 编号 cells 标记超期 writes, by card. */
export const CARD_FILLS: Record<Card, string> = { 蓝牌: "#9BC2E6", 黄牌: "#FFE699", 红牌: "#FF7C80" };

/** The register sheet to offer first: 诉求台账, else the first sheet whose header reads as a register. */
export function defaultRegister(sheets: (SheetValues | null)[]): string | null {
  return findRegister(sheets)?.name ?? null;
}

export async function analyseInWorkbook(port: WorkbookPort, sheet: string, asOf: number): Promise<AppealsLoaded | { error: string }> {
  const [register, params, holidays] = await port.readSheets([sheet, APPEALS_PARAM_SHEET, HOLIDAY_SHEET]);
  if (!register) return { error: `找不到工作表“${sheet}” (sheet ${sheet} not found)` };
  return loadAppeals({ register, params: params?.values ?? null, holidays: holidays ?? null, asOf });
}

/** Write 诉求分析 (and in Excel its chart by unit, replaced in place). Returns whether a chart was drawn. */
export async function writeAnalysis(port: WorkbookPort, loaded: AppealsLoaded): Promise<boolean> {
  const out = analysisSheet(loaded.result);
  await port.writeSheet(APPEALS_ANALYSIS_SHEET, out.rows, { numberFormats: out.numberFormats, activate: true });
  if (!port.canChart || !port.upsertChart) return false;
  for (const c of out.charts) await port.upsertChart(APPEALS_ANALYSIS_SHEET, c);
  return out.charts.length > 0;
}

/** The 编号 cell of a register row. */
export function idCell(loaded: AppealsLoaded, row: number): string {
  return `${columnLetters(loaded.table.columns.id.col)}${row}`;
}

/** Colour the overdue appeals' 编号 cells by card (previous fills remembered by the port). */
export async function markOverdue(port: WorkbookPort, loaded: AppealsLoaded): Promise<number> {
  const sheet = loaded.result.sheet;
  await port.clearHighlight(sheet);
  const list = overdueList(loaded.result);
  for (const card of ["蓝牌", "黄牌", "红牌"] as const) {
    const cells = list.filter((a) => a.card === card).map((a) => idCell(loaded, a.row));
    if (cells.length) await port.highlight(sheet, cells, CARD_FILLS[card]);
  }
  return list.length;
}

/**
 * Create what is missing of the template: the 诉求台账 sheet, the appeals rows of 参数 (appended
 * below other features' rows) and its 诉求类别 list (column E, when that column is free), the
 * 节假日 sheet. Existing sheets are never overwritten.
 */
export async function createTemplate(port: WorkbookPort): Promise<{ created: string[]; existed: string[] }> {
  const names = await port.listSheets();
  const created: string[] = [];
  const existed: string[] = [];
  const [params] = await port.readSheets([APPEALS_PARAM_SHEET]);
  if (!params) {
    const t = paramsTemplate();
    await port.writeSheet(t.name, t.rows, t.options);
    created.push(APPEALS_PARAM_SHEET);
  } else {
    const read = readAppealsParams(params.values);
    const c = CATEGORY_LIST_COL - params.startCol;
    const listFree = params.values.every((r) => r[c] === undefined || r[c] === null || r[c] === "");
    if (!read.found) await port.appendRows(APPEALS_PARAM_SHEET, appealsParamRows());
    if (read.categories.length === 0 && listFree) {
      const col = columnLetters(CATEGORY_LIST_COL);
      await port.writeCells(APPEALS_PARAM_SHEET, categoryListCells().map((v, i) => ({ address: `${col}${i + 1}`, value: v })));
    }
    if (!read.found || read.categories.length === 0) created.push(`${APPEALS_PARAM_SHEET}（补充诉求参数）`);
    else existed.push(APPEALS_PARAM_SHEET);
  }
  for (const t of [holidaysTemplate(), registerTemplate()]) {
    if (names.includes(t.name)) existed.push(t.name);
    else {
      await port.writeSheet(t.name, t.rows, { ...t.options, activate: t.name === APPEALS_SHEET });
      created.push(t.name);
    }
  }
  return { created, existed };
}
