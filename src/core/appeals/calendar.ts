/**
 * The working-day calendar of the appeals register: the State Council's public holidays and
 * make-up working days (调休) from the maintained `chinese-days` package, overridden day by day
 * by a 节假日 sheet the staff keep, or plain calendar days (计时方式 = 自然日).
 *
 * The package's published data file (dist/chinese-days.json: holidays, workdays) is read
 * directly rather than through its date functions, which shift a day on machines west of UTC,
 * and whose range function leaves the make-up weekends out unless asked.
 *
 * Dates are Excel serials (1900 system, whole days). `workdaysAfter(a, b)` counts the working
 * days d with a < d ≤ b; `addWorkdays(a, n)` is the n-th working day after a.
 */
import data from "chinese-days/dist/chinese-days.json";
import { dateToExcelSerial, serialToIso } from "../table";

export type CountingMode = "工作日" | "自然日";
export const COUNTING_MODES: readonly CountingMode[] = ["工作日", "自然日"];

const HOLIDAYS = (data as { holidays: Record<string, string> }).holidays;
const WORKDAYS = (data as { workdays: Record<string, string> }).workdays;

/** Years whose holidays the package knows (2004 … the last year published when it was released). */
export const KNOWN_YEARS: ReadonlySet<number> = new Set(Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));
const KNOWN_SORTED = [...KNOWN_YEARS].sort((a, b) => a - b);
export const FIRST_KNOWN_YEAR = KNOWN_SORTED[0];
export const LAST_KNOWN_YEAR = KNOWN_SORTED[KNOWN_SORTED.length - 1];

/** A day the 节假日 sheet sets: a working day (true) or a day off (false). */
export interface DayOverride {
  serial: number;
  work: boolean;
  name?: string;
}

/** 0 = Sunday … 6 = Saturday, for serials from 1900-03-01 on. */
function weekday(serial: number): number {
  return (((serial - 1) % 7) + 7) % 7;
}

/** Whether a day is a working day on the official calendar alone (no overrides). */
export function officialWorkday(serial: number): boolean {
  const iso = serialToIso(serial);
  if (WORKDAYS[iso] !== undefined) return true;
  if (HOLIDAYS[iso] !== undefined) return false;
  const w = weekday(serial);
  return w !== 0 && w !== 6;
}

/** The official name of a holiday or make-up working day ("国庆节"), or "" for an ordinary day. */
export function officialDayName(serial: number): string {
  const iso = serialToIso(serial);
  const raw = WORKDAYS[iso] ?? HOLIDAYS[iso];
  return raw ? raw.split(",")[1] ?? raw : "";
}

const SPAN = 800; // days built around a requested day when the table grows

export class WorkCalendar {
  readonly mode: CountingMode;
  private readonly overrides: Map<number, boolean>;
  /** Years the 节假日 sheet covers: treated as known. */
  private readonly sheetYears: Set<number>;
  private lo = 0;
  private hi = -1;
  /** cum[i] = working days in [lo, lo + i). */
  private cum = new Int32Array(1);
  /** Working days of [lo, hi], ascending. */
  private work = new Int32Array(0);

  constructor(mode: CountingMode = "工作日", overrides: readonly DayOverride[] = []) {
    this.mode = mode;
    this.overrides = new Map(overrides.map((o) => [Math.floor(o.serial), o.work]));
    this.sheetYears = new Set(overrides.map((o) => yearOf(o.serial)));
  }

  isWorkday(serial: number): boolean {
    if (this.mode === "自然日") return true;
    const s = Math.floor(serial);
    const o = this.overrides.get(s);
    return o !== undefined ? o : officialWorkday(s);
  }

  private ensure(from: number, to: number): void {
    if (from >= this.lo && to <= this.hi) return;
    const lo = this.hi < this.lo ? from - SPAN : Math.min(this.lo, from - SPAN);
    const hi = this.hi < this.lo ? to + SPAN : Math.max(this.hi, to + SPAN);
    const n = hi - lo + 1;
    const cum = new Int32Array(n + 1);
    const work: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = this.isWorkday(lo + i);
      cum[i + 1] = cum[i] + (w ? 1 : 0);
      if (w) work.push(lo + i);
    }
    this.lo = lo;
    this.hi = hi;
    this.cum = cum;
    this.work = Int32Array.from(work);
  }

  /** Working days d with a < d ≤ b (negative, −count of b < d ≤ a, when b < a). Calendar days in 自然日 mode. */
  workdaysAfter(a: number, b: number): number {
    const x = Math.floor(a);
    const y = Math.floor(b);
    if (this.mode === "自然日") return y - x;
    if (y < x) return -this.workdaysAfter(y, x);
    this.ensure(x, y);
    return this.cum[y + 1 - this.lo] - this.cum[x + 1 - this.lo];
  }

  /** The n-th working day after `start` (n ≥ 1); `start` itself for n ≤ 0. Calendar days in 自然日 mode. */
  addWorkdays(start: number, n: number): number {
    const s = Math.floor(start);
    const k = Math.floor(n);
    if (k <= 0) return s;
    if (this.mode === "自然日") return s + k;
    // at least one working day in 7 calendar days is a safe bound for any real calendar
    this.ensure(s, s + k * 3 + 30);
    const before = this.cum[s + 1 - this.lo]; // working days ≤ start
    const idx = before + k - 1;
    if (idx < this.work.length) return this.work[idx];
    this.ensure(s, s + k * 7 + 60);
    return this.work[this.cum[s + 1 - this.lo] + k - 1];
  }

  /** Whether a year's holidays are known (the package's years, or any year the 节假日 sheet lists). */
  knowsYear(year: number): boolean {
    return this.mode === "自然日" || KNOWN_YEARS.has(year) || this.sheetYears.has(year);
  }

  /** Notes for the years between two dates whose holidays are unknown (zh-CN, English gloss). */
  unknownYearNotes(from: number, to: number): string[] {
    if (this.mode === "自然日" || !(to >= from)) return [];
    const out: string[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      if (this.knowsYear(y)) continue;
      out.push(
        `日历中没有 ${y} 年的法定节假日安排（内置日历收录 ${FIRST_KNOWN_YEAR}–${LAST_KNOWN_YEAR} 年），${y} 年按周一至周五为工作日计算；国务院公布后请在“节假日”工作表补录 ` +
          `(the calendar has no public holidays for ${y} (built-in: ${FIRST_KNOWN_YEAR}–${LAST_KNOWN_YEAR}); Monday–Friday are counted as working days; add the published days to the 节假日 sheet)`,
      );
    }
    return out;
  }
}

export function yearOf(serial: number): number {
  return Number(serialToIso(serial).slice(0, 4));
}

/** The built-in calendar (no 节假日 sheet), shared by the cell function. */
let builtIn: WorkCalendar | null = null;
export function builtInCalendar(): WorkCalendar {
  if (!builtIn) builtIn = new WorkCalendar("工作日");
  return builtIn;
}

/** A date written exactly as YYYY-MM-DD (the CLI's --as-of) → its serial; null when not a real date. */
export function isoDateSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const s = dateToExcelSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  return serialToIso(s) === m[0] ? s : null;
}
