/**
 * One evaluation run over sheet values, shared by the pane and the CLI: read the 参数 values,
 * read the data table with acreSpec, evaluate, and compare with last year's result if given.
 * Unusable input (no header, a needed column missing) is an error value, never a throw.
 */
import { CellValue } from "../num";
import { isReadError, ParseIssue, readTable, SheetLike, Table } from "../table";
import { chooseTable } from "../table/kinds";
import { compareWithLastYear, Comparison } from "./compare";
import { evaluateFirms } from "./evaluate";
import { firmsFromTable } from "./fromTable";
import { AcreEvaluation } from "./model";
import { DataKey, indicatorDef } from "./indicators";
import { indicatorsInUse, ParamsRead, readParams } from "./params";
import { readLastYear } from "./result";
import { ACRE_RESULT_SHEET, ACRE_SHEET, ACRE_SUMMARY_SHEET, acreFields, acreSpec, parseScale, Scale, SCALES } from "./spec";

/**
 * The per-mu data sheet, by the one sheet chooser: 亩均数据 first, else the sheet whose header reads
 * best as per-mu data (a monthly report or a pool is never taken for one); never a sheet Jingxin
 * wrote (亩均评价结果, 亩均评价汇总). The report and the 亩均评价 tab use it.
 */
export function findAcreData<S extends SheetLike>(sheets: readonly (S | null)[]): S | null {
  const chosen = chooseTable(sheets, [acreSpec], { preferred: [ACRE_SHEET], exclude: [ACRE_RESULT_SHEET, ACRE_SUMMARY_SHEET] });
  return "sheet" in chosen ? (chosen.sheet as S) : null;
}

export interface AcreRunInput {
  data: SheetLike;
  /** Values of the 参数 sheet, null when there is none (defaults). */
  params?: CellValue[][] | null;
  /** Last year's result sheet, for the comparison. */
  lastYear?: SheetLike | null;
}

export interface AcreRun {
  evaluation: AcreEvaluation;
  table: Table;
  paramsRead: ParamsRead;
  comparison: Comparison | null;
  /** Why the comparison could not be made (last year's sheet unreadable). */
  lastYearError: string | null;
  /** Cells that could not be read (their firms are out of scope with the reason). */
  issues: ParseIssue[];
}

/**
 * Columns the evaluation needs with these parameters: 企业名称, 规模, 用地面积 and the data of
 * the indicators in use for the scales present (a table of 规下 firms needs no 综合能耗).
 */
export function neededColumns(paramsRead: ParamsRead, scales: readonly Scale[] = SCALES): string[] {
  const keys: string[] = ["name", "scale", "land"];
  for (const s of scales) {
    for (const k of indicatorsInUse(paramsRead.params, s)) {
      const d = indicatorDef(k);
      for (const key of [d.numerator(paramsRead.params.laborNumerator), d.denominator] as DataKey[]) if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

export function runAcre(input: AcreRunInput): AcreRun | { error: string } {
  const paramsRead = readParams(input.params ?? null);
  const table = readTable(input.data, acreSpec);
  if (isReadError(table)) return table;
  const present = SCALES.filter((s) => table.rows.some((r) => parseScale(r.values.scale) === s));
  const absent = neededColumns(paramsRead, present).filter((k) => !table.columns[k]);
  // with 缺项处理 按池平均分 | 按零分 only 企业名称, 规模 and 用地面积 are required: an absent column is missing data for every firm
  const lenient = paramsRead.params.missing !== "exclude";
  const missing = lenient ? absent.filter((k) => k === "name" || k === "scale" || k === "land") : absent;
  if (missing.length) {
    const headers = missing.map((k) => acreFields.find((f) => f.key === k)!.header);
    return {
      error: `工作表“${input.data.name}”缺少必需列${headers.map((h) => `“${h}”`).join("、")} (required column${headers.length > 1 ? "s" : ""} ${headers.join(", ")} missing)`,
    };
  }
  const evaluation = evaluateFirms(firmsFromTable(table, paramsRead.params), paramsRead.params);
  // the reading's own notes first: a skipped column in an unknown unit, the footer that ends the table
  evaluation.notes.unshift(...table.notes);
  const header = (k: string) => acreFields.find((f) => f.key === k)!.header;
  if (lenient && absent.length > missing.length) {
    const h = absent.filter((k) => !missing.includes(k)).map(header);
    evaluation.notes.push(`缺少列${h.map((x) => `“${x}”`).join("、")}，相关指标按缺项处理计分 (column${h.length > 1 ? "s" : ""} ${h.join(", ")} absent: scored by the 缺项处理 policy)`);
  }
  if (paramsRead.params.taxBasis === "addRefund" && !table.columns.vatRefund) {
    evaluation.notes.push(`税收口径为“加回留抵退税”，但没有“${header("vatRefund")}”列，税收按实缴税金计 (no 留抵退税 column: the tax is as paid)`);
  }
  let comparison: Comparison | null = null;
  let lastYearError: string | null = null;
  if (input.lastYear) {
    const last = readLastYear(input.lastYear);
    if ("error" in last) lastYearError = last.error;
    else comparison = compareWithLastYear(evaluation, last);
  }
  return { evaluation, table, paramsRead, comparison, lastYearError, issues: table.issues };
}
