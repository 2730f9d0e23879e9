/**
 * The cell function's supervision card (JX.APPEAL_CARD) and the check of a stated rate against
 * its numerator and denominator (used by validation's RATE rule).
 */
import { cellError, divide, isError, Result } from "../result";
import { dateSerial } from "../indicators";
import { denoise, firstError, roundHalfUp } from "../round";
import { builtInCalendar } from "./calendar";

export type AppealCard = "" | "蓝牌" | "黄牌" | "红牌";

/** Lower bounds, in days overdue, of 蓝牌, 黄牌, 红牌. */
export const DEFAULT_CARD_BOUNDS: readonly number[] = [1, 4, 11];

/**
 * The card of an appeal that is still open: days overdue = as-of − due, in calendar days, or
 * with `workingDays` the working days after the due date up to the as-of date on the built-in
 * official calendar (holidays and make-up working days). A closed appeal (a closing date given)
 * has no card: "" (closed late is 超期办结, counted apart). Not overdue or below the first bound → "".
 * Errors: a date before 1901 → #NUM!; bounds that are not 3 numbers → #VALUE!; bounds not
 * positive and non-decreasing → #NUM!.
 */
export function appealCard(
  due: number,
  asOf: number,
  closed?: number | null,
  bounds?: readonly number[] | null,
  workingDays?: boolean | null,
): Result<AppealCard> {
  const b = bounds ?? DEFAULT_CARD_BOUNDS;
  if (b.length !== 3 || !b.every((x) => Number.isFinite(x))) {
    return cellError("#VALUE!", "挂牌天数下限应为 3 个数值（蓝、黄、红）(the card bounds must be 3 numbers: blue, yellow, red)");
  }
  const d = dateSerial(due, "办理期限", "the due date");
  const a = dateSerial(asOf, "统计日期", "the as-of date");
  const c = closed === undefined || closed === null ? undefined : dateSerial(closed, "办结日期", "the closing date");
  const e = firstError(d, a, c);
  if (e) return e;
  if (!(b[0] > 0 && b[0] <= b[1] && b[1] <= b[2])) {
    return cellError("#NUM!", "挂牌天数下限应为正数且依次不减 (the card bounds must be positive and non-decreasing)");
  }
  if (c !== undefined) return "";
  const late = workingDays ? builtInCalendar().workdaysAfter(d as number, a as number) : (a as number) - (d as number);
  return cardForDays(late, b) ?? "";
}

/** The card for a number of days overdue, by the lower bounds of 蓝牌, 黄牌, 红牌. */
export function cardForDays(days: number, bounds: readonly number[]): Exclude<AppealCard, ""> | null {
  return days >= bounds[2] ? "红牌" : days >= bounds[1] ? "黄牌" : days >= bounds[0] ? "蓝牌" : null;
}

/**
 * Whether a rate stated at `decimals` decimals of a percent (0.995 = "99.5%", decimals 1)
 * matches numerator / denominator rounded half up the same way. 1460/1466 = 99.59% → 99.6%, so
 * 0.995 does not match and 0.996 does. Errors: decimals not an integer 0–10 → #NUM!;
 * denominator 0 → #DIV/0!.
 */
export function statedRateMatches(numerator: number, denominator: number, statedRate: number, decimals: number): Result<boolean> {
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 10)) {
    return cellError("#NUM!", "小数位数应为 0–10 的整数 (decimals must be an integer 0–10)");
  }
  const rate = divide(numerator, denominator);
  if (isError(rate)) return rate;
  return roundHalfUp(rate * 100, decimals) === roundHalfUp(denoise(statedRate * 100), decimals);
}
