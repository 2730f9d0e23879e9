/**
 * What the 亩均评价 tab does with the workbook, over the port only (no React, no Office.*):
 * evaluate = one readSheets (data, 参数, last year) + one writeSheet of the result, whatever
 * the number of firms. A missing 参数 sheet means the defaults; the tab offers to create it
 * (createParams) rather than spending round trips on it during every first evaluation.
 */
import type { CellUpdate, CellValue, SheetValues, WorkbookPort } from "../../workbook/port";
import { columnLetters } from "../../workbook/port";
import { runAcre, AcreRun } from "../../core/acre/run";
import { resultSheet } from "../../core/acre/result";
import { paramRows, hintParamName, readParams, GRADES } from "../../core/acre/params";
import type { Grade } from "../../core/acre/grade";
import { ACRE_PARAM_SHEET, ACRE_RESULT_SHEET, ACRE_RESULT_TABLE, ACRE_SHEET, ACRE_TEMPLATE_HEADER, SCALES } from "../../core/acre/spec";

/**
 * The JX function name to write in a formula, whatever the Office display language: the English
 * id (JX.ACRE_TAX). The adapter writes through `range.formulas`, which is Excel's English
 * (invariant) formula language; Excel then shows the name in the user's language (JX.亩均税收
 * under a Chinese UI). A localized name there is refused (it belongs to `formulasLocal`).
 */
export function formulaNameFor(displayLanguage: string): (functionId: string) => string | null {
  void displayLanguage;
  return (id) => `JX.${id}`;
}

export interface EvaluateOptions {
  sheet: string;
  lastYearSheet?: string | null;
  /** Write the indicator columns as JX formulas in these names (Excel only). */
  formulaName?: ((functionId: string) => string | null) | null;
}

export type EvaluateOutcome = (AcreRun & { written: number }) | { error: string };

export async function evaluateInWorkbook(port: WorkbookPort, opts: EvaluateOptions): Promise<EvaluateOutcome> {
  const names = [opts.sheet, ACRE_PARAM_SHEET, ...(opts.lastYearSheet ? [opts.lastYearSheet] : [])];
  const [data, params, lastYear] = await port.readSheets(names);
  if (!data) return { error: `找不到工作表“${opts.sheet}” (sheet ${opts.sheet} not found)` };
  if (opts.lastYearSheet && !lastYear) return { error: `找不到上年结果表“${opts.lastYearSheet}” (sheet ${opts.lastYearSheet} not found)` };
  const run = runAcre({ data: asSheet(data), params: params ? params.values : null, lastYear: lastYear ? asSheet(lastYear) : null });
  if ("error" in run) return run;
  const out = resultSheet(run.evaluation, { formulaName: opts.formulaName ?? undefined });
  await port.writeSheet(ACRE_RESULT_SHEET, out.rows, { tableName: ACRE_RESULT_TABLE, numberFormats: out.numberFormats, activate: true });
  return { ...run, written: out.rows.length - 1 };
}

/**
 * Record the per-mu parameters (the defaults) in the 参数 sheet: a new sheet, or rows appended
 * below other features' parameters when the sheet exists without per-mu rows. Returns false
 * when the sheet already holds per-mu parameters (nothing written).
 */
export async function createParams(port: WorkbookPort): Promise<boolean> {
  const [sheet] = await port.readSheets([ACRE_PARAM_SHEET]);
  if (sheet && readParams(sheet.values).found) return false;
  if (sheet && sheet.values.length > 0) await port.appendRows(ACRE_PARAM_SHEET, paramRows().slice(1));
  else await port.writeSheet(ACRE_PARAM_SHEET, paramRows(), { numberFormats: ["@", null, "@"] });
  return true;
}

function asSheet(s: SheetValues) {
  return { name: s.name, startRow: s.startRow, startCol: s.startCol, values: s.values };
}

/** Create the 亩均数据 template (header, 规模 list) and the 参数 sheet when missing; never overwrite. */
export async function createTemplate(port: WorkbookPort): Promise<{ created: string[]; existed: string[] }> {
  const sheets = await port.listSheets();
  const created: string[] = [];
  const existed: string[] = [];
  if (sheets.includes(ACRE_SHEET)) existed.push(ACRE_SHEET);
  else {
    // header + one blank row (an Excel table needs a data row); same layout as `jx template acre`
    await port.writeSheet(ACRE_SHEET, [[...ACRE_TEMPLATE_HEADER], []], {
      tableName: "JxAcreData",
      numberFormats: ACRE_TEMPLATE_HEADER.map((h, i) => (i < 3 ? "@" : h === "年平均从业人员" ? "0" : "0.00")),
      validationLists: { [ACRE_TEMPLATE_HEADER.indexOf("规模")]: [...SCALES] },
      activate: true,
    });
    created.push(ACRE_SHEET);
  }
  if (await createParams(port)) created.push(ACRE_PARAM_SHEET);
  else existed.push(ACRE_PARAM_SHEET);
  return { created, existed };
}

/**
 * Save edited policy hints into the 参数 sheet: rows that exist are updated in place, missing
 * ones appended. `hintRows` are 1-based indices within the values of the sheet as read.
 */
export async function saveHints(port: WorkbookPort, hints: Record<Grade, string>): Promise<void> {
  const [sheet] = await port.readSheets([ACRE_PARAM_SHEET]);
  if (!sheet || !readParams(sheet.values).found) {
    await createParams(port);
    return saveHints(port, hints);
  }
  const read = readParams(sheet.values);
  const updates: CellUpdate[] = [];
  const append: CellValue[][] = [];
  for (const g of GRADES) {
    const i = read.hintRows[g];
    if (i) updates.push({ address: `${columnLetters(sheet.startCol + 1)}${sheet.startRow + i - 1}`, value: hints[g] });
    else append.push([hintParamName(g), hints[g]]);
  }
  if (updates.length) await port.writeCells(ACRE_PARAM_SHEET, updates);
  if (append.length) await port.appendRows(ACRE_PARAM_SHEET, append);
}

