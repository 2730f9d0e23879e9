/**
 * THE report month (one resolver, one precedence), used by validation, the pool, monitoring,
 * the pane and the CLI alike:
 *   1. the option (CLI --month, the pane's month box);
 *   2. the table's 月份 column (its largest month; several months → a note);
 *   3. a cell above the header: `月份：10`, `报告月份` + a cell, or a title such as
 *      `2023年1-10月规模以上工业企业主要指标` (a full date such as 报出日期 2023年11月5日 is not a month);
 *   4. the sheet name (`10月`, `1-10月`, `2023年10月`).
 * A kind may add its own last resort after these (the pool: the last month with data).
 */
import { toHalfWidth } from "../num";
import { monthOfSerial, parseDate } from "./dates";
import { columnLetters } from "./read";
import type { SheetLike, Table } from "./read";

/** The month (1–12) written in a text or a number: "10月", "1-10月", "2023年10月", 10. */
export function monthFromText(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1 && raw <= 12 ? raw : null;
  if (typeof raw !== "string") return null;
  const s = toHalfWidth(raw).replace(/\s+/g, "");
  // 10月, 1-10月, 2023年10月; a whole text 10, 2023.10, 2023-10, 2023/10; 十月 (a sheet named so)
  const m = /(?:^|[^\d])(\d{1,2})月(?:份)?/.exec(s) || /^(?:(?:19|20)\d\d[-./])?(\d{1,2})$/.exec(s);
  if (!m) {
    const cn = /^(?:(?:19|20)\d\d年)?(十[一二]?|[一二三四五六七八九])月份?$/.exec(s);
    return cn ? CN_MONTHS.indexOf(cn[1]) + 1 : null;
  }
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : null;
}

const CN_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** The month of a 月份 cell: 10, "10月", "2023年10月", "2023-10", or a date (Excel serial) in that month. */
export function monthOfValue(raw: unknown): number | null {
  const m = monthFromText(raw);
  if (m !== null) return m;
  if (typeof raw === "number" || typeof raw === "string") {
    // through the date module: a serial, 20231005, or 2023.1 as Excel keeps a typed “2023.1” (January)
    const d = parseDate(raw);
    if (d.kind === "date") return monthOfSerial(d.serial);
  }
  return null;
}

export type MonthSource = "option" | "column" | "above" | "sheet";

export interface ReportMonth {
  month: number;
  source: MonthSource;
  /** Where it was found, zh-CN with English gloss: “--month”, “月份列 E3”, “单元格 A1”, “工作表名“10月””. */
  from: string;
  notes: string[];
}

/** A month in the cells above the header row (0-based, exclusive): a 月份 label, else a title with a month. */
export function monthAboveHeader(sheet: SheetLike, headerRow: number): { month: number; address: string } | null {
  const last = Math.min(headerRow, sheet.values.length);
  let title: { month: number; address: string } | null = null;
  for (let r = 0; r < last; r++) {
    const line = sheet.values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v !== "string" && typeof v !== "number") continue;
      const text = toHalfWidth(String(v)).replace(/\s+/g, "");
      const address = `${columnLetters(sheet.startCol + c)}${sheet.startRow + r}`;
      const label = /^(?:报告|统计|填报)?月份[:：]?(.*)$/.exec(text);
      if (label) {
        let m = label[1] ? monthOfValue(label[1]) : null;
        for (let d = c + 1; m === null && d < line.length && d <= c + 3; d++) {
          if (line[d] !== null && line[d] !== "") m = monthOfValue(line[d]);
        }
        if (m !== null) return { month: m, address };
        continue;
      }
      // A title: “2023年1-10月…”; not a full date (2023年11月5日) nor a date label (填报日期：2023年11月), not a number cell.
      if (!title && typeof v === "string" && text.includes("月") && !/月\d{1,2}日/.test(text) && !/(?:日期|时间)[:：]/.test(text)) {
        const m = monthFromText(text);
        if (m !== null) title = { month: m, address };
      }
    }
  }
  return title;
}

/**
 * The report month by the precedence above, or null when none is found. `table` gives the
 * 月份 column and the header row; without it only the option, the cells above row `headerRow`
 * (default: the first 15 rows) and the sheet name are looked at.
 */
export function resolveMonth(input: { sheet: SheetLike; table?: Table | null; option?: number | null; headerRow?: number }): ReportMonth | null {
  const { sheet, table, option } = input;
  const notes: string[] = [];
  if (option !== undefined && option !== null) {
    // The option wins, but a sheet that says another month is named: 10月's figures read as November would mislead.
    const own = resolveMonth({ sheet, table, headerRow: input.headerRow });
    if (own && own.month !== option) {
      notes.push(`按指定的 ${option} 月计算，但${own.from.replace(/ \(.*\)$/, "")} 写的是 ${own.month} 月，请确认所选工作表 (the month given, ${option}, is used, but the sheet says ${own.month}: check the sheet)`);
    }
    return { month: option, source: "option", from: "--month", notes };
  }
  if (table?.columns.month) {
    const months = new Map<number, number>();
    for (const r of table.rows) {
      const m = monthOfValue(r.raw.month ?? r.values.month);
      if (m !== null && !months.has(m)) months.set(m, r.row);
    }
    if (months.size) {
      const month = Math.max(...months.keys());
      if (months.size > 1) {
        const list = [...months.keys()].sort((a, b) => a - b).join("、");
        notes.push(`“月份”列的值不一致（${list}），按 ${month} 月计算 (the 月份 column holds several months; ${month} is used)`);
      }
      return { month, source: "column", from: `月份列 ${table.address(months.get(month)!, "month")} (月份 column)`, notes };
    }
  }
  const headerRow = table ? table.headerRow - sheet.startRow : input.headerRow ?? 15;
  const above = monthAboveHeader(sheet, headerRow);
  if (above) return { month: above.month, source: "above", from: `单元格 ${above.address} (cell above the header)`, notes };
  const byName = monthFromText(sheet.name);
  if (byName !== null) return { month: byName, source: "sheet", from: `工作表名“${sheet.name}” (sheet name)`, notes };
  return null;
}

/** The month written in a sheet (cells above the header, else its name), without option or column. */
export function monthFromSheet(sheet: SheetLike, headerRow?: number): number | null {
  return resolveMonth({ sheet, headerRow: headerRow === undefined ? undefined : headerRow - sheet.startRow })?.month ?? null;
}

/** The year written in a text: "2023年9月", "2023年1-10月…", "2023.9", "2023-09"; null when none. */
export function yearFromText(raw: unknown): number | null {
  if (typeof raw !== "string") return null;
  const s = toHalfWidth(raw).replace(/\s+/g, "");
  const m = /(?:^|[^\d])((?:19|20)\d\d)(?:年|[-./](?=\d{1,2}(?:[^\d]|$)))/.exec(s);
  return m ? Number(m[1]) : null;
}

/** The report period of a sheet: its month by resolveMonth, its year, and where the month was read. */
export interface SheetPeriod {
  month: number | null;
  year: number | null;
  /** resolveMonth's `from` (zh-CN + English), "" when no month was found. */
  from: string;
}

/**
 * A sheet's report month (resolveMonth, without an option) and year: the year written in the
 * 月份 column, else in a cell above the header (a title such as 2023年1-10月…), else in the
 * sheet name (2023年9月). Used to find last month's sheet (m − 1) and last year's (same m).
 */
export function sheetPeriod(sheet: SheetLike, table?: Table | null): SheetPeriod {
  const r = resolveMonth({ sheet, table: table ?? null });
  const texts: unknown[] = [];
  if (table?.columns.month) texts.push(...table.rows.slice(0, 5).map((row) => row.raw.month));
  const above = table ? table.headerRow - sheet.startRow : 15;
  for (let i = 0; i < above && i < sheet.values.length; i++) texts.push(...(sheet.values[i] ?? []));
  texts.push(sheet.name);
  let year: number | null = null;
  for (const t of texts) if ((year = yearFromText(t)) !== null) break;
  return { month: r?.month ?? null, year, from: r?.from ?? "" };
}
