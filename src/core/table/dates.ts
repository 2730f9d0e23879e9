/**
 * THE date module (one place): Excel serials (1900 date system, with Excel's fictitious
 * 1900-02-29 = serial 60) ↔ calendar dates, exceljs Date objects ↔ serials, and date cells as
 * staff type them — full dates (2023-01-05, 2023/1/5, 2023年1月5日, 20230105) and month-precision
 * dates (2023年3月, 2023.3, 2023-03, 2023/3), read as the 1st of that month.
 */
import { toHalfWidth } from "../num";

/** Serial of 1901-01-01: everything before it is "before 1901" for date arguments. */
export const FIRST_DATE_SERIAL = 367;
/** Serial of 9999-12-31, the last date Excel knows. */
export const LAST_DATE_SERIAL = 2958465;

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30); // serial 0 for serials ≥ 61
/** Serial of 1970-01-01 (the Unix epoch). */
const UNIX_EPOCH_SERIAL = 25569;

export interface YMD {
  year: number;
  month: number;
  day: number;
}

/**
 * Excel serial (1900 date system) → calendar date. Serial 60 is Excel's fictitious
 * 1900-02-29; serials 1–59 are 1900-01-01 … 1900-02-28; serials ≥ 61 map normally.
 * A time fraction is dropped. Returns null outside 1 … 2958465.
 */
export function excelSerialToYMD(serial: number): YMD | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (s < 1 || s > LAST_DATE_SERIAL) return null;
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date(EPOCH + (s < 60 ? s + 1 : s) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Excel serial → a JS Date at UTC midnight; null outside Excel's range and for the fictitious 1900-02-29. */
export function excelSerialToDate(serial: number): Date | null {
  const ymd = excelSerialToYMD(serial);
  if (!ymd || (ymd.month === 2 && ymd.day === 29 && ymd.year === 1900)) return null;
  return new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day));
}

/** Calendar date → Excel serial (dates before 1900-03-01 follow Excel's numbering too). */
export function dateToExcelSerial(year: number, month: number, day: number): number {
  if (year === 1900 && month === 2 && day === 29) return 60; // Excel's fictitious day, the inverse of excelSerialToYMD(60)
  const days = Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS);
  return days < 61 ? days - 1 : days;
}

/**
 * The serial of a Date as exceljs gives it (UTC, time as a fraction). exceljs maps serials to
 * Dates linearly from 1899-12-30, so this is its exact inverse: a serial read and written back
 * is unchanged (for serials ≥ 61 the Date is also the right calendar day).
 */
export function jsDateToSerial(d: Date): number {
  return d.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

/**
 * The serial of an ISO 8601 date-time as an .xlsx `t="d"` cell holds it (2023-03-15T08:30:00,
 * 2023-03-15): the calendar day and time written, in no time zone. `new Date(text)` would read
 * the date-time form in the machine's zone (in China 2023-03-15T00:00 is the 14th at 16:00 UTC).
 * Null when the text is no such date.
 */
export function isoToSerial(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!valid(y, mo, d)) return null;
  const seconds = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0);
  if (seconds >= 86400) return null;
  return dateToExcelSerial(y, mo, d) + seconds / 86400;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "2023-03-15" for a serial (" 08:30" added with `withTime`); the 1900 bug honoured (60 → 1900-02-29). */
export function serialToIso(serial: number, withTime = false): string {
  const ymd = excelSerialToYMD(serial);
  if (!ymd) return String(serial);
  const day = `${pad(ymd.year, 4)}-${pad(ymd.month)}-${pad(ymd.day)}`;
  if (!withTime) return day;
  const minutes = Math.round((serial - Math.floor(serial)) * 24 * 60);
  return `${day} ${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The month (1–12) of a date serial from 1901 on, else null. */
export function monthOfSerial(serial: number): number | null {
  return serial >= FIRST_DATE_SERIAL ? excelSerialToYMD(serial)?.month ?? null : null;
}

export type ParsedDate =
  | { kind: "date"; serial: number; /** "month": only year and month were written (read as the 1st). */ precision: "day" | "month" }
  | { kind: "blank" }
  | { kind: "invalid"; message: string };

const FULL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_ONLY = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?(?:份)?$/;

function valid(y: number, m: number, d: number): boolean {
  if (y === 1900 && m === 2 && d === 29) return true; // typed into Excel it is serial 60
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * A date cell: an Excel serial, a full date as text, or a month-precision date (text, or a
 * number such as 2023.3 that Excel stored when “2023.3” was typed: 2023.1 reads as January; a
 * number 20230105 reads as that date; a number past 9999-12-31 is not a date).
 */
export function parseDate(raw: unknown): ParsedDate {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < 1) return { kind: "invalid", message: `${raw} 不是有效日期 (not a valid date)` };
    const ym = /^(\d{4})\.(\d{1,2})$/.exec(String(raw));
    if (ym && Number(ym[1]) >= 1990 && Number(ym[1]) <= 2100 && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) {
      return { kind: "date", serial: dateToExcelSerial(Number(ym[1]), Number(ym[2]), 1), precision: "month" };
    }
    if (raw > LAST_DATE_SERIAL) {
      // beyond Excel's last date: 20230928 typed without separators (Excel stores it as a number)
      const c = COMPACT.exec(String(raw));
      if (c && valid(Number(c[1]), Number(c[2]), Number(c[3]))) return { kind: "date", serial: dateToExcelSerial(Number(c[1]), Number(c[2]), Number(c[3])), precision: "day" };
      return { kind: "invalid", message: `${raw} 不是有效日期，请写作 2023-01-05 (not a valid date; write it as 2023-01-05)` };
    }
    return { kind: "date", serial: Math.floor(raw), precision: "day" };
  }
  const text = toHalfWidth(String(raw)).trim();
  // a time of day after the date (exported registers: 2023-09-28 10:30:00) is dropped
  const s = text.replace(/^(\S+)\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, "$1").replace(/\s+/g, "");
  if (s === "") return { kind: "blank" };
  const m = FULL.exec(s) || COMPACT.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) return { kind: "date", serial: dateToExcelSerial(y, mo, d), precision: "day" };
  }
  const mm = MONTH_ONLY.exec(s);
  if (mm && valid(Number(mm[1]), Number(mm[2]), 1)) return { kind: "date", serial: dateToExcelSerial(Number(mm[1]), Number(mm[2]), 1), precision: "month" };
  return { kind: "invalid", message: `“${String(raw).trim()}”不是有效日期，请写作 2023-01-05 (not a valid date; write it as 2023-01-05)` };
}

/** The local calendar day of `now` (default: this machine's clock) as an Excel serial. */
export function todaySerial(now: Date = new Date()): number {
  return dateToExcelSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The local calendar day of `now` as YYYY-MM-DD (as-of dates, record dates, report dates). */
export function todayIso(now: Date = new Date()): string {
  return serialToIso(todaySerial(now));
}
