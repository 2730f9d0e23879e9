/**
 * What validation takes from the rest of the workbook besides the checked sheet: last month's
 * sheet (month m − 1), the same month of last year, the 退规 list and the 参数 rows
 * 行政区划代码 / 产销率下限 / 产销率上限. The month of each sheet is read by core/table's
 * resolver (sheetPeriod); nothing here parses a sheet name itself.
 */
import { normalizeCode } from "../ids";
import { CellValue, parseNumber, toHalfWidth } from "../num";
import { isReadError, readTable, SheetLike, sheetPeriod, SheetPeriod, Table, TableSpec } from "../table";
import { normalizeName } from "./rules/common";

export const PARAM_SHEET = "参数";

/** Names and codes listed in a 退规 sheet (normalised), and the sheet. */
export interface RetiredList {
  sheet: string;
  names: Set<string>;
  codes: Set<string>;
}

/** 产销率 = 工业销售产值 / 工业总产值 outside this range is a 提示 (参数 rows 产销率下限 / 产销率上限). */
export const DEFAULT_SALES_RATIO = { low: 0.7, high: 1.3 } as const;
export const REGION_PARAM = "行政区划代码";
export const SALES_RATIO_LOW_PARAM = "产销率下限";
export const SALES_RATIO_HIGH_PARAM = "产销率上限";
/** Both ends in one row: 产销率范围 | 0.7-1.3 (or 70%–130%, 70%~130%); the rows above win. */
export const SALES_RATIO_RANGE_PARAM = "产销率范围";
const SALES_RATIO_RANGE_ALIASES = [SALES_RATIO_RANGE_PARAM, "产销率区间", "产销率合理范围", "产销率合理区间"];

/** A sheet of the workbook read as a table of the kind, with its report period. */
export interface PeriodTable {
  sheet: SheetLike;
  table: Table;
  period: SheetPeriod;
}

/** The sheets (other than `exclude`) that hold a complete table of the kind, with their periods. */
export function periodTables(sheets: (SheetLike | null | undefined)[], spec: TableSpec, exclude: string[] = []): PeriodTable[] {
  const out: PeriodTable[] = [];
  for (const sheet of sheets) {
    if (!sheet || exclude.includes(sheet.name)) continue;
    const table = readTable(sheet, spec);
    if (isReadError(table) || table.missing.length > 0) continue;
    out.push({ sheet, table, period: sheetPeriod(sheet, table) });
  }
  return out;
}

/**
 * The table for a month: same month; when both years are known they must be equal (a sheet of
 * the right year wins over one without a year; among years, the latest). `yearRequired`: only
 * sheets that state a year (last year's table).
 */
export function tableForMonth<T extends { period: SheetPeriod }>(cands: T[], month: number, year: number | null, yearRequired = false): T | null {
  let best: T | null = null;
  const rank = (p: T) => (p.period.year === null ? 0 : year !== null ? 2 : 1 + p.period.year / 1e4);
  for (const c of cands) {
    if (c.period.month !== month) continue;
    if (year !== null && c.period.year !== null && c.period.year !== year) continue;
    if (yearRequired && c.period.year === null) continue;
    if (!best || rank(c) > rank(best)) best = c;
  }
  return best;
}

/** The month before m (m − 1, or December of the year before). */
export function monthBefore(month: number, year: number | null): { month: number; year: number | null } {
  return month > 1 ? { month: month - 1, year } : { month: 12, year: year === null ? null : year - 1 };
}

/**
 * Last month's sheet by the sheet names alone (the pane preselects it before reading any sheet):
 * the name of month m − 1 of the checked sheet's name (or of `month`), or null.
 */
export function previousSheetByName(names: string[], current: string, month?: number | null): string | null {
  const named = (name: string) => ({ name, period: sheetPeriod({ name, startRow: 1, startCol: 1, values: [] }) });
  const here = named(current).period;
  const m = month ?? here.month;
  if (!m) return null;
  const before = monthBefore(m, here.year);
  return tableForMonth(names.filter((n) => n !== current).map(named), before.month, before.year)?.name ?? null;
}

/** How a sheet was found, for the result and the CLI note. */
export function foundBy(p: PeriodTable): string {
  return `自动识别：${p.period.from.replace(/\)$/, "; found automatically)")}`;
}

function textOf(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : toHalfWidth(String(v)).trim();
}

/** The 退规 list: every name and credit code written in sheets whose name contains 退规. */
export function retiredList(sheets: (SheetLike | null | undefined)[]): RetiredList | undefined {
  const found = sheets.filter((s): s is SheetLike => !!s && s.name.includes("退规"));
  if (found.length === 0) return undefined;
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const s of found) {
    for (const line of s.values) {
      for (const v of line ?? []) {
        const t = textOf(v);
        if (!t) continue;
        names.add(normalizeName(t));
        codes.add(normalizeCode(t));
      }
    }
  }
  return { sheet: found.map((s) => s.name).join("、"), names, codes };
}

export interface AuditParams {
  region?: string;
  salesRatio: { low: number; high: number };
  /** Problems with typed values (the default was used), zh-CN + English. */
  warnings: string[];
}

/** A 行政区划代码: six digits (half-width). */
export function isRegionCode(v: unknown): boolean {
  return /^\d{6}$/.test(textOf(v as CellValue));
}

/** The validation rows of a 参数 sheet (参数 | 值); other rows are left to their features. */
export function readAuditParams(values: CellValue[][] | null | undefined): AuditParams {
  const out: AuditParams = { salesRatio: { ...DEFAULT_SALES_RATIO }, warnings: [] };
  if (!values) return out;
  const rows = new Map<string, { value: CellValue; row: number }>();
  values.forEach((line, i) => {
    const name = textOf(line?.[0]).replace(/\s+/g, "");
    if (name && !rows.has(name) && textOf(line?.[1]) !== "") rows.set(name, { value: line[1], row: i + 1 });
  });
  const bad = (name: string, e: { value: CellValue; row: number }, expected: string) =>
    out.warnings.push(`参数“${name}”(第 ${e.row} 行) 的值“${textOf(e.value)}”无效，应为${expected}，未使用 (invalid value for ${name}; not used)`);
  const region = rows.get(REGION_PARAM);
  if (region) {
    if (isRegionCode(region.value)) out.region = textOf(region.value);
    else bad(REGION_PARAM, region, " 6 位数字（如 340722）");
  }
  // 70 or 70% both mean 0.7 (a ratio above 10 is read as a percentage)
  const asRatio = (v: CellValue): number | undefined => {
    const p = parseNumber(v);
    return p.kind === "number" && p.value > 0 ? (p.value > 10 ? p.value / 100 : p.value) : undefined;
  };
  const ratio = (name: string): number | undefined => {
    const e = rows.get(name);
    if (!e) return undefined;
    const r = asRatio(e.value);
    if (r === undefined) bad(name, e, "正数（如 0.7 或 70%）");
    return r;
  };
  let range: number[] = [];
  const rangeName = SALES_RATIO_RANGE_ALIASES.find((n) => rows.has(n)) ?? SALES_RATIO_RANGE_PARAM;
  const r = rows.get(rangeName);
  if (r) {
    const ends = textOf(r.value).split(/\s*[-–—~～至到]\s*/).map(asRatio);
    if (ends.length === 2 && ends.every((x) => x !== undefined)) range = ends as number[];
    else bad(rangeName, r, "下限-上限（如 0.7-1.3 或 70%-130%）");
  }
  const low = ratio(SALES_RATIO_LOW_PARAM) ?? range[0];
  const high = ratio(SALES_RATIO_HIGH_PARAM) ?? range[1];
  const next = { low: low ?? out.salesRatio.low, high: high ?? out.salesRatio.high };
  if (next.low < next.high) out.salesRatio = next;
  else out.warnings.push(`参数“${SALES_RATIO_LOW_PARAM}”应小于“${SALES_RATIO_HIGH_PARAM}”，已用默认 70%–130% (the low end must be below the high end; the default is used)`);
  return out;
}
