/**
 * The 校验报告 sheet: what the pane's 写入报告 button and `jx validate --report` write.
 * The only sheet whose values validation writes. Each finding links to its cell.
 */
import { formula, type CellValue, type Formula, type OutValue } from "../num";
import { RuleSet, SEVERITY_LABEL, ValidationResult, verdictText } from "./engine";

export const REPORT_SHEET = "校验报告";

export const REPORT_HEADER = ["规则 (rule)", "级别 (severity)", "单元格 (cell)", "说明 (message)", "值 (value)", "已说明 (explained)", "规则名称 (title)"];

/** 1-based row of REPORT_HEADER in the report sheet. */
export const REPORT_HEADER_ROW = 5;

/**
 * An internal link to a cell, =HYPERLINK("#'10月'!C2","C2"): a formula Jingxin builds, the sheet
 * name quoted inside its string (so a sheet named like a formula stays a name).
 */
export function cellLink(sheet: string, cell: string): Formula {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return formula(`HYPERLINK("#${quoted.replace(/"/g, '""')}!${cell}","${cell}")`);
}

/** A value as it is (the port writes every string as text). */
function literal(v: CellValue | undefined): CellValue {
  return v === undefined || v === null ? "" : v;
}

/** The report's rows: every value text or number; the links are the only formulas. */
export function reportRows(result: ValidationResult, ruleSet: RuleSet, generatedAt?: string): OutValue[][] {
  const title = new Map(ruleSet.rules.map((r) => [r.id, r.title]));
  const rows: OutValue[][] = [
    ["校验报告 (validation report)", verdictText(result)],
    ["工作表 (sheet)", result.sheet, "规则集 (rules)", `${ruleSet.title} (${ruleSet.id})`, "数据行数 (rows)", result.rowCount],
    ["错误 (errors)", result.counts.error, "提示 (warnings)", result.counts.warning, "已说明 (explained)", result.counts.explained],
    [
      generatedAt ? `生成时间 (generated) ${generatedAt}` : "",
      "",
      ...(result.previous ? ["上月报表 (last month)", result.previous.sheet] : []),
      ...(result.lastYear ? ["上年报表 (last year)", result.lastYear.sheet] : []),
    ],
    REPORT_HEADER,
  ];
  for (const f of result.findings) {
    rows.push([
      f.rule,
      SEVERITY_LABEL[f.severity],
      cellLink(f.sheet, f.cell),
      literal(f.message),
      literal(f.value),
      f.severity === "warning" ? (f.explained ? "是" : "否") : "",
      title.get(f.rule) ?? "",
    ]);
  }
  if (result.skipped.length > 0 || result.notes.length > 0) {
    rows.push([]);
    for (const s of result.skipped) rows.push([s.rule, "未运行 (not run)", "", literal(s.reason), "", "", title.get(s.rule) ?? ""]);
    for (const n of result.notes) rows.push(["", "注 (note)", "", literal(n)]);
  }
  return rows;
}

