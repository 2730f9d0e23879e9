/**
 * Full-year revenue projection for the cultivation pool (domain.md §2). The pool pane and the
 * SCALE_PROJECTION / SCALE_GAP cell functions call exactly these, so they never disagree.
 */
import { cellError, divide, isError, Result } from "../result";
import { finite } from "../indicators";

/** Annual main-business revenue threshold of an above-scale firm, 万元. */
export const SCALE_THRESHOLD = 2000;

/**
 * Projected full-year revenue.
 * - run-rate: ytd × 12 / months;
 * - seasonal, when `lastYearMonthly` holds 12 numbers (months 1–12 of last year): ytd divided
 *   by the share of last year's months 1..m in last year's total.
 * Seasonal falls back to run-rate when any of the 12 months is missing (null / non-finite),
 * when last year's total is 0, or when months 1..m of last year are 0.
 * Errors: months not an integer 1–12 → #NUM!; `lastYearMonthly` not 12 values → #VALUE!;
 * a negative monthly value → #NUM!.
 */
export function projectFullYear(ytd: number, months: number, lastYearMonthly?: (number | null)[] | null): Result<number> {
  if (lastYearMonthly && lastYearMonthly.length !== 12) {
    return cellError("#VALUE!", `上年月度数据应为 12 个月，实际 ${lastYearMonthly.length} 个 (last year's monthly values must be 12, got ${lastYearMonthly.length})`);
  }
  if (!(Number.isInteger(months) && months >= 1 && months <= 12)) {
    return cellError("#NUM!", "月数应为 1–12 的整数 (months must be an integer 1–12)");
  }
  if (lastYearMonthly) {
    const complete = lastYearMonthly.every((x) => typeof x === "number" && Number.isFinite(x));
    if (lastYearMonthly.some((x) => typeof x === "number" && x < 0)) {
      return cellError("#NUM!", "上年月度数据含负数 (last year's monthly values include a negative number)");
    }
    if (complete) {
      const m = lastYearMonthly as number[];
      const total = m.reduce((a, b) => a + b, 0);
      const part = m.slice(0, months).reduce((a, b) => a + b, 0);
      if (total > 0 && part > 0 && Number.isFinite(total)) {
        const share = part / total;
        return divide(ytd, share);
      }
    }
  }
  return finite((ytd * 12) / months);
}

/** Projection − threshold (default 2000 万元): ≥ 0 means on track to become above-scale. */
export function scaleGap(ytd: number, months: number, threshold: number = SCALE_THRESHOLD, lastYearMonthly?: (number | null)[] | null): Result<number> {
  const p = projectFullYear(ytd, months, lastYearMonthly);
  return isError(p) ? p : finite(p - threshold);
}

/**
 * a ≥ b, allowing for binary floating-point noise (not a rounding rule): typed amounts such as
 * 280.3 + 56.45 + … that make 2000.00 万元 exactly sum to 1999.9999999999998 in a double, and such
 * a firm has reached the line. The slack, 10⁻⁹ of the line (0.02 元 at 2000 万元), is far below
 * any amount a report states.
 */
export const atLeast = (a: number, b: number): boolean => a >= b - 1e-9 * Math.max(1, Math.abs(b));

/** Default deadline month of 升规: the year's end (annual 升规 is decided on the full year's revenue). */
export const DEFAULT_DEADLINE_MONTH = 12;

export interface ScalePace {
  /** YTD ≥ threshold: the firm has reached the line (可申报入规). */
  reached: boolean;
  /** Months after the report month up to the deadline month (0 when none is left). */
  monthsLeft: number;
  /** (threshold − YTD) / monthsLeft; null once reached or when no month is left. */
  neededPerMonth: number | null;
  /** YTD / months reported; null when no month was reported. */
  avgPerMonth: number | null;
  /** Not reached and the projection falls short of the line: at risk (the projection decides, as JX.SCALE_GAP). */
  short: boolean;
  /** Not reached and the pace still needed is above the firm's own average (behind the deadline's pace). */
  behindPace: boolean;
}

/**
 * How a firm stands against the 2000 万元 line by a deadline month: the one rule the pool tab
 * and monitoring's below-scale warning share. `monthsReported` (default `month`) is how many
 * months the YTD is made of, for the firm's own average; `projection` is the firm's full-year
 * projection (projectFullYear), null when none.
 */
export function scalePace(
  ytd: number,
  month: number,
  deadline: number = DEFAULT_DEADLINE_MONTH,
  projection: number | null = null,
  monthsReported: number = month,
  threshold: number = SCALE_THRESHOLD,
): ScalePace {
  const reached = atLeast(ytd, threshold);
  const monthsLeft = Math.max(0, deadline - month);
  const neededPerMonth = reached || monthsLeft === 0 ? null : (threshold - ytd) / monthsLeft + 0;
  const avgPerMonth = monthsReported > 0 ? ytd / monthsReported + 0 : null;
  return {
    reached,
    monthsLeft,
    neededPerMonth,
    avgPerMonth,
    short: !reached && (projection === null || !atLeast(projection, threshold)),
    behindPace: !reached && (neededPerMonth === null || avgPerMonth === null || neededPerMonth > avgPerMonth),
  };
}
