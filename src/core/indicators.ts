/**
 * Industrial-operation and per-mu indicators (domain.md §1, §4). Pure: numbers in,
 * Result<number> out; rates are decimals (0.225, never 22.5). Argument parsing (blank →
 * #N/A, text → #VALUE!) happens before these are called; here only #NUM! (meaningless input)
 * and #DIV/0! (zero denominator), in that order.
 */
import { cellError, divide, isError, Result } from "./result";
import { firstError } from "./round";

const num = (message: string) => cellError("#NUM!", message);

/** A finite number, or #NUM! when the arithmetic overflowed. */
export function finite(x: number): Result<number> {
  return Number.isFinite(x) ? x + 0 : num("结果超出数值范围 (result out of range)");
}

/** numerator / denominator: zero → #DIV/0! (message naming the denominator), overflow → #NUM!. */
export function ratio(numerator: number, denominator: number, what: string, english: string): Result<number> {
  return divide(numerator, denominator, what, english);
}

/** A base (denominator) that must not be negative: negative → #NUM!, zero → #DIV/0!. */
function ratioOverBase(numerator: number, base: number, what: string, english: string): Result<number> {
  if (base < 0) return num(`${what}为负数，比值无意义 (${english} is negative)`);
  return ratio(numerator, base, what, english);
}

/** 同比增速 = (current − previous) / previous. Base 0 → #DIV/0!, negative base → #NUM!. */
export function yoyGrowth(current: number, previous: number): Result<number> {
  if (previous < 0) return num("上年同期为负数，不计算增速 (negative base: growth not meaningful)");
  const d = finite(current - previous);
  return isError(d) ? d : ratio(d, previous, "上年同期", "the same period last year");
}

/** 完成率 = actual / target. */
export function targetRate(actual: number, target: number): Result<number> {
  return ratio(actual, target, "目标", "the target");
}

/** 增长贡献率 = Δpart / Δtotal. */
export function contribution(partNow: number, partBefore: number, totalNow: number, totalBefore: number): Result<number> {
  const dPart = finite(partNow - partBefore);
  const dTotal = finite(totalNow - totalBefore);
  return firstError(dPart, dTotal) ?? ratio(dPart as number, dTotal as number, "总量增量", "the change of the total");
}

/** 拉动 = Δpart / total_before (a decimal read as percentage points); negative base → #NUM!. */
export function pull(partNow: number, partBefore: number, totalBefore: number): Result<number> {
  const dPart = finite(partNow - partBefore);
  return isError(dPart) ? dPart : ratioOverBase(dPart, totalBefore, "上期总量", "the previous total");
}

/** Square metres → 亩 (1 亩 = 10000/15 m²). Negative area → #NUM!. */
export function mu(squareMetres: number): Result<number> {
  if (squareMetres < 0) return num("面积为负数 (negative area)");
  return finite((squareMetres * 15) / 10000);
}

/** 亩均税收, 万元/亩. */
export function acreTax(tax: number, landMu: number): Result<number> {
  return ratioOverBase(tax, landMu, "用地面积", "the land area");
}

/** 亩均营业收入, 万元/亩. */
export function acreRevenue(revenue: number, landMu: number): Result<number> {
  return ratioOverBase(revenue, landMu, "用地面积", "the land area");
}

/** 单位能耗税收, 万元/吨标煤. */
export function energyTax(tax: number, energyTce: number): Result<number> {
  return ratioOverBase(tax, energyTce, "能耗", "the energy use");
}

/** 全员劳动生产率, 万元/人. */
export function laborProductivity(amount: number, employees: number): Result<number> {
  return ratioOverBase(amount, employees, "从业人员", "the number of employees");
}

// ---------------------------------------------------------------- dates (Excel 1900 system)

// Dates live in table/dates.ts (the one date module); re-exported for the functions.
import { FIRST_DATE_SERIAL, LAST_DATE_SERIAL, excelSerialToYMD, dateToExcelSerial, isLeapYear } from "./table/dates";
export { FIRST_DATE_SERIAL, LAST_DATE_SERIAL, excelSerialToYMD, excelSerialToDate, dateToExcelSerial, isLeapYear } from "./table/dates";
export type { YMD } from "./table/dates";

/** Day of the year (1 = 1 Jan) and the number of days in that year, for a date serial ≥ 367. */
export function dayOfYear(serial: number): Result<{ day: number; daysInYear: number }> {
  const s = dateSerial(serial, "日期", "the date");
  if (isError(s)) return s;
  const ymd = excelSerialToYMD(s)!;
  return { day: s - dateToExcelSerial(ymd.year, 1, 1) + 1, daysInYear: isLeapYear(ymd.year) ? 366 : 365 };
}

/** A date argument: a serial from 1901-01-01 to 9999-12-31 (time dropped), else #NUM!. */
export function dateSerial(serial: number, what: string, english: string): Result<number> {
  if (!(serial >= FIRST_DATE_SERIAL && serial < LAST_DATE_SERIAL + 1)) {
    return num(`${what}不是 1901-01-01 至 9999-12-31 之间的日期 (${english} is not a date from 1901 to 9999)`);
  }
  return Math.floor(serial);
}

/**
 * 序时进度: a month 1–12 → m/12; a date serial (≥ 367, i.e. from 1901) → day of year / days
 * in that year. Anything else → #NUM!.
 */
export function timeProgress(monthOrSerial: number): Result<number> {
  if (Number.isInteger(monthOrSerial) && monthOrSerial >= 1 && monthOrSerial <= 12) return monthOrSerial / 12;
  if (monthOrSerial >= FIRST_DATE_SERIAL) {
    const d = dayOfYear(monthOrSerial);
    return isError(d) ? d : d.day / d.daysInYear;
  }
  return num("应为 1–12 的月份或 1901 年以后的日期 (expected a month 1–12 or a date from 1901)");
}

/** 超/欠序时进度 = completion − time progress (percentage points as a decimal). */
export function progressGap(actual: number, target: number, monthOrSerial: number): Result<number> {
  const progress = timeProgress(monthOrSerial);
  const rate = targetRate(actual, target);
  const e = firstError(progress, rate);
  if (e) return e;
  return finite((rate as number) - (progress as number));
}
