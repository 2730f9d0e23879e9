/**
 * Indicators (工业指标): growth, completion, time progress, contribution and pull. The table is
 * the one place these functions are declared (see ../define.ts).
 */
import { contribution, progressGap, pull, targetRate, timeProgress, yoyGrowth } from "../../core/indicators";
import { isError } from "../../core/result";
import { readNumbers } from "../args";
import { guard, OutValue } from "../broadcast";
import { ALL_ERRORS, FunctionFamily, numericFunction } from "../define";

function timeProgressCell(x: unknown): OutValue {
  return guard(() => {
    const n = readNumbers([x], ["month_or_date"]);
    return isError(n) ? n : timeProgress(n[0]!);
  });
}

export const indicatorFunctions = {
  YOY_GROWTH: numericFunction(
    {
      description: "Year-on-year growth as a decimal: (current − previous) / previous. Previous 0 → #DIV/0!, negative → #NUM!.",
      zh: { name: "同比增速", description: "同比增长率（小数）：(本期 − 上年同期) ÷ 上年同期。上年同期为 0 → #DIV/0!，为负数 → #NUM!。" },
      params: [
        { name: "current", kind: "each", description: "This period's value, or a range of them.", zh: "本期值，或一个区域。" },
        { name: "previous", kind: "each", description: "The same period last year, or a range of the same shape.", zh: "上年同期值，或同样大小的区域。" },
      ],
      errors: ALL_ERRORS,
    },
    yoyGrowth,
  ),
  TARGET_RATE: numericFunction(
    {
      description: "Completion rate as a decimal: actual / target. Target 0 → #DIV/0!.",
      zh: { name: "目标完成率", description: "完成率（小数）：实际 ÷ 目标。目标为 0 → #DIV/0!。" },
      params: [
        { name: "actual", kind: "each", description: "Actual value, or a range.", zh: "实际完成值，或一个区域。" },
        { name: "target", kind: "each", description: "Target value, or a range of the same shape.", zh: "目标值，或同样大小的区域。" },
      ],
      errors: ALL_ERRORS,
    },
    targetRate,
  ),
  TIME_PROGRESS: {
    description: "Time progress (序时进度): a month 1–12 gives month/12; an Excel date from 1901 gives day of year / days in that year.",
    zh: { name: "序时进度", description: "序时进度：月份 1–12 → 月份 ÷ 12；1901 年以后的日期 → 当年已过天数 ÷ 全年天数（含闰年）。" },
    params: [
      { name: "month_or_date", kind: "single", description: "A month number 1–12, or a date.", zh: "月份（1–12 的整数）或日期。" },
    ],
    result: "single",
    errors: ["#N/A", "#VALUE!", "#NUM!"],
    impl: timeProgressCell,
  },
  PROGRESS_GAP: numericFunction(
    {
      description: "Ahead of (+) or behind (−) time progress: actual / target − time progress, in percentage points as a decimal.",
      zh: { name: "超欠序时进度", description: "超（+）/欠（−）序时进度：完成率 − 序时进度，以小数表示的百分点（0.225 = 22.5 个百分点）。" },
      params: [
        { name: "actual", kind: "each", description: "Actual value to date, or a range.", zh: "累计完成值。" },
        { name: "target", kind: "each", description: "Annual target, or a range.", zh: "全年目标。" },
        { name: "month_or_date", kind: "each", description: "Months elapsed (1–12) or the as-of date, or a range.", zh: "已过月数（1–12）或截止日期。" },
      ],
      errors: ALL_ERRORS,
    },
    progressGap,
  ),
  CONTRIBUTION: numericFunction(
    {
      description: "Contribution to growth: (part_now − part_before) / (total_now − total_before). Zero change of the total → #DIV/0!.",
      zh: { name: "增长贡献率", description: "增长贡献率：部分的增量 ÷ 总量的增量。总量无变化 → #DIV/0!。" },
      params: [
        { name: "part_now", kind: "each", description: "The part this period.", zh: "部分本期值。" },
        { name: "part_before", kind: "each", description: "The part in the comparison period.", zh: "部分上期（上年同期）值。" },
        { name: "total_now", kind: "each", description: "The total this period.", zh: "总量本期值。" },
        { name: "total_before", kind: "each", description: "The total in the comparison period.", zh: "总量上期（上年同期）值。" },
      ],
      errors: ALL_ERRORS,
    },
    contribution,
  ),
  PULL: numericFunction(
    {
      description: "Pull on growth: (part_now − part_before) / total_before, percentage points as a decimal. Negative total_before → #NUM!.",
      zh: { name: "拉动增长", description: "拉动增长：部分的增量 ÷ 上期总量，以小数表示的百分点。上期总量为负数 → #NUM!。" },
      params: [
        { name: "part_now", kind: "each", description: "The part this period.", zh: "部分本期值。" },
        { name: "part_before", kind: "each", description: "The part in the comparison period.", zh: "部分上期（上年同期）值。" },
        { name: "total_before", kind: "each", description: "The total in the comparison period.", zh: "总量上期（上年同期）值。" },
      ],
      errors: ALL_ERRORS,
    },
    pull,
  ),
} satisfies FunctionFamily;
