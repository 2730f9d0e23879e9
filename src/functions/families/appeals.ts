/**
 * Appeals (企业诉求): the supervision card of an overdue appeal. The table is the one place
 * this function is declared (see ../define.ts).
 */
import { appealCard } from "../../core/appeals/card";
import { firstError } from "../../core/round";
import { omitted, readFlag, readList, readNumbers } from "../args";
import { broadcast, OutValue } from "../broadcast";
import { FunctionFamily } from "../define";

function appealCardCell(due: unknown, asOf: unknown, closed: unknown, thresholds: unknown, workingDays: unknown): OutValue {
  const bounds = omitted(thresholds) ? undefined : readList(thresholds, "thresholds", "required");
  const working = readFlag(workingDays, "working_days");
  return broadcast([due, asOf, closed], (d, a, c) => {
    const n = readNumbers([d, a, c], ["due_date", "as_of", "closed_date"], [false, false, true]);
    const e = firstError(n, bounds, working);
    if (e) return e;
    const [dd, aa, cc] = n as (number | undefined)[];
    return appealCard(dd!, aa!, cc, bounds as number[] | undefined, working as boolean);
  });
}

export const appealFunctions = {
  APPEAL_CARD: {
    description: "Supervision card of an open, overdue appeal: \"\" (not overdue, or closed), 蓝牌 (from 1 day), 黄牌 (from 4), 红牌 (from 11).",
    zh: { name: "诉求督办牌", description: "未办结的超期诉求按超期天数给出督办牌：空（未超期或已办结）、蓝牌（1 天起）、黄牌（4 天起）、红牌（11 天起）。" },
    params: [
      { name: "due_date", kind: "each", description: "The date the appeal is due.", zh: "办理期限（日期）。" },
      { name: "as_of", kind: "each", description: "The as-of date (e.g. TODAY()).", zh: "统计日期（如 TODAY()）。" },
      { name: "closed_date", kind: "each", optional: true, description: "The date the appeal was closed; a closed appeal has no card. Blank for an open appeal.", zh: "可选：办结日期；已办结的诉求不挂牌（超期办结另计）。未办结则留空。" },
      { name: "thresholds", kind: "range", optional: true, description: "Optional lower bounds in days overdue of the three cards (3 cells; default 1, 4, 11).", zh: "可选：蓝、黄、红牌的超期天数下限（3 个单元格，默认 1、4、11）。" },
      { name: "working_days", kind: "single", optional: true, description: "Optional: TRUE counts working days on the official Chinese calendar (holidays and make-up working days); default FALSE, calendar days.", zh: "可选：TRUE 按国家法定节假日和调休上班日计工作日；默认 FALSE，按自然日。" },
    ],
    result: "each",
    errors: ["#N/A", "#VALUE!", "#NUM!"],
    impl: appealCardCell,
  },
} satisfies FunctionFamily;
