/** The months of the year available to monitoring: a firm found in each month's sheet, its month pair. */
import type { FirmMonth, MonthData } from "./types";

export interface MonthHistory {
  /** The report month. */
  month: number;
  /** The sheet of month k, if any. */
  data(k: number): MonthData | undefined;
  /** A firm's row in month k's sheet (USCC first, then name). */
  find(k: number, f: FirmMonth): FirmMonth | null;
  /** Can month k's output vs the same month last year be known (column, or YTD differences)? */
  knowable(k: number): boolean;
  /** A firm's output in month k and in the same month last year. */
  pair(k: number, f: FirmMonth): { now: number; last: number } | null;
}

/** A firm's key in another month's sheet: USCC first, then name. */
function matcher(data: MonthData): (f: FirmMonth) => FirmMonth | null {
  const byUscc = new Map<string, FirmMonth>();
  const byName = new Map<string, FirmMonth>();
  for (const f of data.firms) {
    if (f.uscc && !byUscc.has(f.uscc)) byUscc.set(f.uscc, f);
    if (!byName.has(f.name)) byName.set(f.name, f);
  }
  return (f) => (f.uscc && byUscc.get(f.uscc)) || byName.get(f.name) || null;
}

/** The current month and the earlier ones (later duplicates of a month and later months ignored). */
export function monthHistory(cur: MonthData, earlier: MonthData[] = []): MonthHistory {
  const m = cur.month;
  const byMonth = new Map<number, MonthData>();
  byMonth.set(m, cur);
  for (const d of earlier) if (d.month < m && !byMonth.has(d.month)) byMonth.set(d.month, d);
  const matchers = new Map<number, (f: FirmMonth) => FirmMonth | null>();
  const find = (k: number, f: FirmMonth): FirmMonth | null => {
    if (k === m) return f;
    const d = byMonth.get(k);
    if (!d) return null;
    let fn = matchers.get(k);
    if (!fn) matchers.set(k, (fn = matcher(d)));
    return fn(f);
  };
  return {
    month: m,
    data: (k) => byMonth.get(k),
    find,
    knowable(k) {
      const d = byMonth.get(k);
      if (!d) return false;
      return (!!d.has.outputMonth || k === 1 || byMonth.has(k - 1)) && (!!d.has.outputMonthLastYear || k === 1 || byMonth.has(k - 1));
    },
    pair(k, f) {
      const x = find(k, f);
      if (!x) return null;
      const prev = k === 1 ? null : find(k - 1, f);
      const now = x.outputMonth ?? (k === 1 ? x.outputYtd : prev && x.outputYtd !== null && prev.outputYtd !== null ? x.outputYtd - prev.outputYtd : null);
      const last =
        x.outputMonthLastYear ??
        (k === 1 ? x.outputYtdLastYear : prev && x.outputYtdLastYear !== null && prev.outputYtdLastYear !== null ? x.outputYtdLastYear - prev.outputYtdLastYear : null);
      return now === null || last === null ? null : { now, last };
    },
  };
}
