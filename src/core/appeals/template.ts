/**
 * What `jx template appeals` and the pane's 新建诉求台账 button write: the 诉求台账 sheet
 * (header, formats, drop-downs for 诉求类别 and 满意度), the 参数 rows with the editable
 * 诉求类别 list in column E, and an empty 节假日 sheet.
 */
import type { CellValue } from "../num";
import { appealsParamRows, CATEGORY_LIST_COL, categoryListCells, categoryListSource } from "./params";
import { APPEALS_PARAM_SHEET, APPEALS_SHEET, APPEALS_TEMPLATE_HEADER, DAY_TYPES, HOLIDAY_SHEET, HOLIDAY_TEMPLATE_HEADER, SATISFACTION_LEVELS } from "./spec";

export interface TemplateSheet {
  name: string;
  rows: CellValue[][];
  options: {
    tableName?: string;
    numberFormats?: (string | null)[];
    validationLists?: Record<number, string[]>;
    validationSources?: Record<number, string>;
  };
}

const DATE_FORMAT = "yyyy-mm-dd";
const DATE_HEADERS = new Set(["受理日期", "办结日期", "重办截止日期", "回访日期"]);

export function registerTemplate(): TemplateSheet {
  const h = APPEALS_TEMPLATE_HEADER;
  return {
    name: APPEALS_SHEET,
    rows: [[...h], []],
    options: {
      tableName: "JxAppeals",
      numberFormats: h.map((x) => (DATE_HEADERS.has(x) ? DATE_FORMAT : x === "办理时限(工作日)" ? "0" : x === "编号" || x === "统一社会信用代码" ? "@" : null)),
      validationLists: { [h.indexOf("满意度")]: [...SATISFACTION_LEVELS] },
      validationSources: { [h.indexOf("诉求类别")]: categoryListSource(APPEALS_PARAM_SHEET) },
    },
  };
}

/** A new 参数 sheet: 参数 | 值 | 说明 rows, and the category list in column E. */
export function paramsTemplate(): TemplateSheet {
  const params = [["参数", "值", "说明"], ...appealsParamRows()];
  const list = categoryListCells();
  const rows: CellValue[][] = [];
  for (let i = 0; i < Math.max(params.length, list.length); i++) {
    const line: CellValue[] = [...(params[i] ?? [null, null, null])];
    while (line.length < CATEGORY_LIST_COL - 1) line.push(null);
    line.push(list[i] ?? null);
    rows.push(line);
  }
  return { name: APPEALS_PARAM_SHEET, rows, options: { numberFormats: ["@", null, "@", null, "@"] } };
}

export function holidaysTemplate(): TemplateSheet {
  return {
    name: HOLIDAY_SHEET,
    rows: [[...HOLIDAY_TEMPLATE_HEADER], []],
    options: { tableName: "JxHolidays", numberFormats: [DATE_FORMAT, null, "@"], validationLists: { 1: [...DAY_TYPES] } },
  };
}

export function appealsTemplate(): TemplateSheet[] {
  return [registerTemplate(), paramsTemplate(), holidaysTemplate()];
}
