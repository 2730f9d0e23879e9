/**
 * Cultivation pool (培育库): the full-year revenue projection and the gap to the above-scale
 * line — the same projection.ts the pane's pool uses. The table is the one place these
 * functions are declared (see ../define.ts).
 */
import { projectFullYear, scaleGap } from "../../core/pool/projection";
import { Result } from "../../core/result";
import { firstError } from "../../core/round";
import { omitted, readList, readNumbers } from "../args";
import { broadcast, OutValue } from "../broadcast";
import { FunctionFamily } from "../define";

function lastYear(x: unknown): Result<(number | null)[]> | undefined {
  return omitted(x) ? undefined : readList(x, "last_year_monthly", "null");
}

function scaleProjection(ytd: unknown, months: unknown, lastYearMonthly: unknown): OutValue {
  const ly = lastYear(lastYearMonthly);
  return broadcast([ytd, months], (y, m) => {
    const n = readNumbers([y, m], ["ytd_revenue", "months"]);
    const e = firstError(n, ly);
    if (e) return e;
    const [yy, mm] = n as number[];
    return projectFullYear(yy, mm, ly as (number | null)[] | undefined);
  });
}

function scaleGapCell(ytd: unknown, months: unknown, threshold: unknown, lastYearMonthly: unknown): OutValue {
  const ly = lastYear(lastYearMonthly);
  return broadcast([ytd, months, threshold], (y, m, t) => {
    const n = readNumbers([y, m, t], ["ytd_revenue", "months", "threshold"], [false, false, true]);
    const e = firstError(n, ly);
    if (e) return e;
    const [yy, mm, tt] = n as (number | undefined)[];
    return scaleGap(yy!, mm!, tt, ly as (number | null)[] | undefined);
  });
}

export const poolFunctions = {
  SCALE_PROJECTION: {
    description: "Projected full-year revenue: YTD × 12 / months, or seasonal with last year's 12 monthly values.",
    zh: { name: "全年营收预测", description: "预测全年营业收入（万元）：累计 × 12 ÷ 月数；给出上年 12 个月数据时按上年季节结构推算。" },
    params: [
      { name: "ytd_revenue", kind: "each", description: "Revenue to date, 10k yuan.", zh: "本年累计营业收入（万元）。" },
      { name: "months", kind: "each", description: "Months elapsed, an integer 1–12.", zh: "已过月数（1–12 的整数）。" },
      { name: "last_year_monthly", kind: "range", optional: true, description: "Optional: last year's revenue of months 1–12 (a 12-cell row or column).", zh: "可选：上年 1–12 月各月营业收入（12 个单元格的一行或一列）。" },
    ],
    result: "each",
    errors: ["#N/A", "#VALUE!", "#NUM!"],
    impl: scaleProjection,
  },
  SCALE_GAP: {
    description: "Projected full-year revenue minus the above-scale threshold (default 2000, in 10k yuan); ≥ 0 means on track.",
    zh: { name: "进规差距", description: "预测全年营业收入 − 规上标准（默认 2000 万元）；≥ 0 表示有望进规。" },
    params: [
      { name: "ytd_revenue", kind: "each", description: "Revenue to date, 10k yuan.", zh: "本年累计营业收入（万元）。" },
      { name: "months", kind: "each", description: "Months elapsed, an integer 1–12.", zh: "已过月数（1–12 的整数）。" },
      { name: "threshold", kind: "each", optional: true, description: "Optional threshold, 10k yuan (default 2000).", zh: "可选：规上标准（万元），默认 2000。" },
      { name: "last_year_monthly", kind: "range", optional: true, description: "Optional: last year's revenue of months 1–12 (a 12-cell row or column).", zh: "可选：上年 1–12 月各月营业收入（12 个单元格的一行或一列）。" },
    ],
    result: "each",
    errors: ["#N/A", "#VALUE!", "#NUM!"],
    impl: scaleGapCell,
  },
} satisfies FunctionFamily;
