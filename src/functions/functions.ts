/**
 * Jingxin custom functions (Excel). Thin wrappers: every function hands its raw arguments to
 * the engine-neutral implementation in impl.ts (the same code the HyperFormula workbench
 * runs) and translates the result for Excel. English descriptions live here; zh-CN names and
 * descriptions live in zh-CN.ts, keyed by the same ids.
 *
 * A ⟂ argument accepts a range: the function is applied elementwise over same-shaped ranges
 * (a single value broadcasts) and the result spills. Errors: blank required cell → #N/A,
 * non-numeric text → #VALUE!, meaningless input → #NUM!, zero denominator → #DIV/0!.
 * custom-functions-metadata-plugin generates functions.json from these tags and appends the
 * CustomFunctions.associate calls.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { impl } from "./impl";
import { toExcel, toExcelMatrix } from "./excel-errors";

/**
 * Year-on-year growth as a decimal: (current − previous) / previous. Previous 0 → #DIV/0!, negative → #NUM!.
 * @customfunction YOY_GROWTH
 * @param current This period's value, or a range of them.
 * @param previous The same period last year, or a range of the same shape.
 * @returns Growth rate (0.059 = 5.9%); spills for ranges.
 */
export function yoyGrowth(current: any[][], previous: any[][]): any[][] {
  return toExcelMatrix(impl.YOY_GROWTH(current, previous), [current, previous]);
}

/**
 * Completion rate as a decimal: actual / target. Target 0 → #DIV/0!.
 * @customfunction TARGET_RATE
 * @param actual Actual value, or a range.
 * @param target Target value, or a range of the same shape.
 * @returns Completion rate (1.108 = 110.8%).
 */
export function targetRate(actual: any[][], target: any[][]): any[][] {
  return toExcelMatrix(impl.TARGET_RATE(actual, target), [actual, target]);
}

/**
 * Time progress (序时进度): a month 1–12 gives month/12; an Excel date from 1901 gives day of year / days in that year.
 * @customfunction TIME_PROGRESS
 * @param month_or_date A month number 1–12, or a date.
 * @returns Share of the year elapsed (0.833 for October).
 */
export function timeProgress(month_or_date: any): any {
  return toExcel(impl.TIME_PROGRESS(month_or_date));
}

/**
 * Ahead of (+) or behind (−) time progress: actual / target − time progress, in percentage points as a decimal.
 * @customfunction PROGRESS_GAP
 * @param actual Actual value to date, or a range.
 * @param target Annual target, or a range.
 * @param month_or_date Months elapsed (1–12) or the as-of date, or a range.
 * @returns Gap in percentage points as a decimal (0.225 = +22.5 pp).
 */
export function progressGap(actual: any[][], target: any[][], month_or_date: any[][]): any[][] {
  return toExcelMatrix(impl.PROGRESS_GAP(actual, target, month_or_date), [actual, target, month_or_date]);
}

/**
 * Contribution to growth: (part_now − part_before) / (total_now − total_before). Zero change of the total → #DIV/0!.
 * @customfunction CONTRIBUTION
 * @param part_now The part this period.
 * @param part_before The part in the comparison period.
 * @param total_now The total this period.
 * @param total_before The total in the comparison period.
 * @returns Contribution rate as a decimal.
 */
export function contribution(part_now: any[][], part_before: any[][], total_now: any[][], total_before: any[][]): any[][] {
  return toExcelMatrix(impl.CONTRIBUTION(part_now, part_before, total_now, total_before), [part_now, part_before, total_now, total_before]);
}

/**
 * Pull on growth: (part_now − part_before) / total_before, percentage points as a decimal. Negative total_before → #NUM!.
 * @customfunction PULL
 * @param part_now The part this period.
 * @param part_before The part in the comparison period.
 * @param total_before The total in the comparison period.
 * @returns Pull in percentage points as a decimal.
 */
export function pull(part_now: any[][], part_before: any[][], total_before: any[][]): any[][] {
  return toExcelMatrix(impl.PULL(part_now, part_before, total_before), [part_now, part_before, total_before]);
}

/**
 * Square metres to mu (亩): m² × 15 / 10000. Negative area → #NUM!.
 * @customfunction MU
 * @param square_metres Area in square metres, or a range.
 * @returns Area in mu.
 */
export function mu(square_metres: any[][]): any[][] {
  return toExcelMatrix(impl.MU(square_metres), [square_metres]);
}

/**
 * Tax per mu (亩均税收), 10k yuan per mu. Land 0 → #DIV/0!, negative → #NUM!.
 * @customfunction ACRE_TAX
 * @param tax Tax paid, 10k yuan.
 * @param land_mu Land used, mu.
 * @returns 10k yuan per mu.
 */
export function acreTax(tax: any[][], land_mu: any[][]): any[][] {
  return toExcelMatrix(impl.ACRE_TAX(tax, land_mu), [tax, land_mu]);
}

/**
 * Revenue per mu (亩均营业收入), 10k yuan per mu. Land 0 → #DIV/0!, negative → #NUM!.
 * @customfunction ACRE_REVENUE
 * @param revenue Operating revenue, 10k yuan.
 * @param land_mu Land used, mu.
 * @returns 10k yuan per mu.
 */
export function acreRevenue(revenue: any[][], land_mu: any[][]): any[][] {
  return toExcelMatrix(impl.ACRE_REVENUE(revenue, land_mu), [revenue, land_mu]);
}

/**
 * Tax per tonne of standard coal (单位能耗税收), 10k yuan per tce. Energy 0 → #DIV/0!, negative → #NUM!.
 * @customfunction ENERGY_TAX
 * @param tax Tax paid, 10k yuan.
 * @param energy_tce Energy used, tonnes of standard coal equivalent.
 * @returns 10k yuan per tce.
 */
export function energyTax(tax: any[][], energy_tce: any[][]): any[][] {
  return toExcelMatrix(impl.ENERGY_TAX(tax, energy_tce), [tax, energy_tce]);
}

/**
 * Labour productivity (全员劳动生产率), 10k yuan per employee. Employees 0 → #DIV/0!, negative → #NUM!.
 * @customfunction LABOR_PRODUCTIVITY
 * @param amount Value added (or revenue), 10k yuan.
 * @param employees Average number of employees.
 * @returns 10k yuan per person.
 */
export function laborProductivity(amount: any[][], employees: any[][]): any[][] {
  return toExcelMatrix(impl.LABOR_PRODUCTIVITY(amount, employees), [amount, employees]);
}

/**
 * Per-mu score by the ratio-to-benchmark method: Σ min(value / benchmark, cap) × weight for each row (one firm per row).
 * @customfunction ACRE_SCORE
 * @param values Indicator values, one firm per row, one indicator per column.
 * @param benchmarks Benchmark of each indicator, a row as wide as values.
 * @param weights Weight of each indicator, a row as wide as values.
 * @param [cap] Optional cap on each value / benchmark ratio (e.g. 2); none if omitted.
 * @returns One score per row of values.
 */
export function acreScore(values: any[][], benchmarks: any[][], weights: any[][], cap?: any): any[][] {
  return toExcelMatrix(impl.ACRE_SCORE(values, benchmarks, weights, cap), [values, benchmarks, weights, cap]);
}

/**
 * Grade A/B/C/D by rank among peer scores (default shares 20%/45%/30%/5%; ties get the better grade).
 * @customfunction ACRE_GRADE
 * @param score The score to grade, or a range of scores.
 * @param peer_scores The scores of the pool (blanks and text are ignored).
 * @param [shares] Optional class shares: 3 cells (A, B, C; D is the rest) or 4 cells adding up to 1.
 * @returns "A", "B", "C" or "D".
 */
export function acreGrade(score: any[][], peer_scores: any[][], shares?: any[][]): any[][] {
  return toExcelMatrix(impl.ACRE_GRADE(score, peer_scores, shares), [score, peer_scores, shares]);
}

/**
 * Whether an 18-character unified social credit code (GB 32100-2015) has valid characters and check character.
 * @customfunction USCC_VALID
 * @param code The code, or a range of codes (case and surrounding spaces are ignored).
 * @returns TRUE or FALSE; blank → #N/A.
 */
export function usccValid(code: any[][]): any[][] {
  return toExcelMatrix(impl.USCC_VALID(code), [code]);
}
/** Former name of usccValid (not a separate custom function). */
export const usccValidCode = usccValid;

/**
 * Supervision card of an open, overdue appeal: "" (not overdue, or closed), 蓝牌 (from 1 day), 黄牌 (from 4), 红牌 (from 11).
 * @customfunction APPEAL_CARD
 * @param due_date The date the appeal is due.
 * @param as_of The as-of date (e.g. TODAY()).
 * @param [closed_date] The date the appeal was closed; a closed appeal has no card. Blank for an open appeal.
 * @param [thresholds] Optional lower bounds in days overdue of the three cards (3 cells; default 1, 4, 11).
 * @param [working_days] Optional: TRUE counts working days on the official Chinese calendar (holidays and make-up working days); default FALSE, calendar days.
 * @returns "", "蓝牌", "黄牌" or "红牌".
 */
export function appealCard(due_date: any[][], as_of: any[][], closed_date?: any[][], thresholds?: any[][], working_days?: any): any[][] {
  return toExcelMatrix(impl.APPEAL_CARD(due_date, as_of, closed_date, thresholds, working_days), [due_date, as_of, closed_date, thresholds]);
}

/**
 * Projected full-year revenue: YTD × 12 / months, or seasonal with last year's 12 monthly values.
 * @customfunction SCALE_PROJECTION
 * @param ytd_revenue Revenue to date, 10k yuan.
 * @param months Months elapsed, an integer 1–12.
 * @param [last_year_monthly] Optional: last year's revenue of months 1–12 (a 12-cell row or column).
 * @returns Projected full-year revenue, 10k yuan.
 */
export function scaleProjection(ytd_revenue: any[][], months: any[][], last_year_monthly?: any[][]): any[][] {
  return toExcelMatrix(impl.SCALE_PROJECTION(ytd_revenue, months, last_year_monthly), [ytd_revenue, months, last_year_monthly]);
}

/**
 * Projected full-year revenue minus the above-scale threshold (default 2000, in 10k yuan); ≥ 0 means on track.
 * @customfunction SCALE_GAP
 * @param ytd_revenue Revenue to date, 10k yuan.
 * @param months Months elapsed, an integer 1–12.
 * @param [threshold] Optional threshold, 10k yuan (default 2000).
 * @param [last_year_monthly] Optional: last year's revenue of months 1–12 (a 12-cell row or column).
 * @returns Projection − threshold, 10k yuan.
 */
export function scaleGap(ytd_revenue: any[][], months: any[][], threshold?: any[][], last_year_monthly?: any[][]): any[][] {
  return toExcelMatrix(impl.SCALE_GAP(ytd_revenue, months, threshold, last_year_monthly), [ytd_revenue, months, threshold, last_year_monthly]);
}
