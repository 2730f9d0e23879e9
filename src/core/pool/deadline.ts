/**
 * The deadline month of 升规 (入规截止月份): the month by which a 拟进规 firm's cumulative revenue
 * must reach 2000 万元. Annual 升规 is decided on the year's revenue and local batches close in
 * November–December, so the default is 12; a county whose batch closes in November sets 11.
 * Precedence: the option (`--by-month`, the pane's box) > the 参数 sheet row 入规截止月份 (参数 | 值)
 * > the 目标 sheet row 入规截止月份 (年度目标) > 12. The option must be 1–12 and not before the
 * report month (else unusable input); a sheet value that is not is reported and not used.
 */
import { parseNumber, toHalfWidth } from "../num";
import { columnLetters, ReadError, SheetLike } from "../table";
import { findTarget, Targets } from "../monitor/targets";
import { DEFAULT_DEADLINE_MONTH } from "./projection";

export const DEADLINE_PARAM = "入规截止月份";
/** The workbook's 参数 sheet (参数 | 值), shared with the per-mu evaluation. */
export const PARAMS_SHEET = "参数";
export type DeadlineSource = "option" | "params" | "targets" | "default";

const squash = (s: unknown) => toHalfWidth(String(s ?? "")).replace(/\s+/g, "");

/** The 参数 sheet's 入规截止月份 row (参数 | 值): its value as written and its row, or null. */
function paramsRow(sheet: SheetLike | null | undefined): { value: unknown; address: string } | null {
  if (!sheet) return null;
  for (let r = 0; r < sheet.values.length; r++) {
    const line = sheet.values[r] ?? [];
    const c = line.findIndex((v) => typeof v === "string" && squash(v) === DEADLINE_PARAM);
    if (c >= 0) {
      // the 值 cell, to the right of the name
      return { value: line[c + 1] ?? null, address: `${sheet.name}!${columnLetters(sheet.startCol + c + 1)}${sheet.startRow + r}` };
    }
  }
  return null;
}

/** A month 1–12 from a cell ("11", 11, "11月"), or null. */
function monthValue(raw: unknown): number | null {
  const text = typeof raw === "string" ? toHalfWidth(raw).trim().replace(/月份?$/, "") : raw;
  const p = parseNumber(text as never);
  return p.kind === "number" && Number.isInteger(p.value) && p.value >= 1 && p.value <= 12 ? p.value : null;
}

export function deadlineMonth(
  month: number,
  option: number | undefined,
  params: SheetLike | null | undefined,
  targets: Targets | null,
): { byMonth: number; source: DeadlineSource; notes: string[] } | ReadError {
  const notes: string[] = [];
  if (option !== undefined) {
    if (!(Number.isInteger(option) && option >= 1 && option <= 12)) return { error: `入规截止月份应为 1–12 的整数：${option} (--by-month must be an integer 1–12)` };
    if (option < month) return { error: `入规截止月份 ${option} 早于报告月份 ${month}，应为 ${month}–12 (--by-month ${option} is before the report month ${month})` };
    return { byMonth: option, source: "option", notes };
  }
  const fromSheet = (value: unknown, where: string, source: DeadlineSource) => {
    const m = monthValue(value);
    if (m === null) {
      notes.push(`${where}“${DEADLINE_PARAM}”的值“${String(value ?? "")}”应为 1–12 的整数，未采用 (the deadline month is not an integer 1–12; not used)`);
      return null;
    }
    if (m < month) {
      notes.push(`${where}“${DEADLINE_PARAM}”为 ${m} 月，早于报告月份 ${month} 月，未采用 (the deadline is before the report month; not used)`);
      return null;
    }
    return { byMonth: m, source, notes };
  };
  const p = paramsRow(params);
  if (p) {
    const got = fromSheet(p.value, `参数表 ${p.address} `, "params");
    if (got) return got;
  }
  const t = findTarget(targets, "deadlineMonth");
  if (t) {
    // the cell as written: a month is not an amount (“11月” is read as 11, and quoted as written when it is not a month)
    const got = fromSheet(t.writtenTarget, `目标表第 ${t.row} 行 `, "targets");
    if (got) return got;
  }
  return { byMonth: DEFAULT_DEADLINE_MONTH, source: "default", notes };
}
