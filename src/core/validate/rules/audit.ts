/**
 * The audit rules of the national online reporting system (联网直报 审核公式) for the monthly
 * report: 本月 = 1-本月 − 上月累计, every firm of last month reports again (应报未报), new firms
 * (a note), 出口交货值 ≤ 工业销售产值, 产销率 in range, the kind and the region of the credit
 * code, and 上年同期 = what was filed last year. Sources: docs/validation.md.
 */
import { normalizeCode, usccKind, USCC_CHARSET } from "../../ids";
import { CellValue, toHalfWidth } from "../../num";
import { showInUnit, Table, TableRow } from "../../table";
import type { Rule, RuleContext } from "../engine";
import { DEFAULT_SALES_RATIO } from "../workbook";
import { roundHalfUp } from "../../round";
import { decimalsOf, fmt, normalizeName, pct } from "./common";

const EPS = 1e-9;

/** Rows of a table keyed by credit code and by name, to find a firm in another month's table. */
export interface FirmIndex {
  byCode: Map<string, TableRow>;
  byName: Map<string, TableRow>;
}

const indexCache = new WeakMap<Table, FirmIndex>();

export function firmIndex(t: Table): FirmIndex {
  let idx = indexCache.get(t);
  if (idx) return idx;
  idx = { byCode: new Map(), byName: new Map() };
  for (const r of t.rows) {
    if (r.values.uscc) {
      const c = normalizeCode(r.values.uscc);
      if (!idx.byCode.has(c)) idx.byCode.set(c, r);
    }
    if (r.values.name) {
      const n = normalizeName(r.values.name);
      if (!idx.byName.has(n)) idx.byName.set(n, r);
    }
  }
  indexCache.set(t, idx);
  return idx;
}

/** The same firm in another table: by credit code, then by name. */
export function sameFirm(idx: FirmIndex, row: TableRow): TableRow | undefined {
  const code = row.values.uscc ? normalizeCode(row.values.uscc) : "";
  return (code && idx.byCode.get(code)) || (row.values.name ? idx.byName.get(normalizeName(row.values.name)) : undefined);
}

/** A text cell as written, for messages. */
function written(raw: CellValue | undefined): string {
  return raw === null || raw === undefined ? "" : String(raw).trim();
}

/** A figure of another month's table as it stands in its cell (its header's unit, 万元 in brackets). */
function shownIn(t: Table, key: string, value: number): string {
  const c = t.columns[key];
  return c ? showInUnit(value, c.unit, c.target) : fmt(value);
}

function numberOf(row: TableRow, key: string): number | null {
  const v = row.values[key];
  return typeof v === "number" ? v : null;
}

/**
 * Whether a figure equals what the other side of an identity gives, to the precision written:
 * compared at the coarser of the two sides' decimals (the other side's own are those of its
 * finest figure), within half a unit there. 5000 − 4500 = 500: 本月 500 is right, 501 is not;
 * 5000.3 − 4500.1 = 500.2: 本月 500.2 or 500 (written as an integer) is right, 500.4 is not.
 */
function agrees(figure: number, other: number, ...otherWritten: number[]): boolean {
  const d = Math.min(decimalsOf(figure), Math.max(...otherWritten.map(decimalsOf)));
  return Math.abs(figure - other) <= 0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(figure), Math.abs(other));
}

/** A row whose 说明 says the firm left the statistics (退规): not compared with last month. */
export function retiredRow(row: TableRow): boolean {
  return typeof row.values.note === "string" && row.values.note.includes("退规");
}

function firmLabel(row: TableRow): string {
  const name = row.values.name ? `“${row.values.name}”` : "";
  const code = row.values.uscc ? `（${row.values.uscc}）` : "";
  return name + code || `第 ${row.row} 行`;
}

/** Every row of the table is of January (the report month is 1). */
function januaryOnly(ctx: RuleContext): boolean {
  return ctx.table.rows.length > 0 && ctx.table.rows.every((r) => ctx.monthOf(r) === 1);
}

const monthIdentity: Rule<{ month: string; ytd: string; m: string; y: string; before: string; expected: string; prevSheet: string; prevRow: number; january: boolean }> = {
  id: "M-MONTH-IDENTITY",
  severity: "warning",
  title: "本月值不等于本年累计减上月累计",
  gloss: "this month differs from the year to date minus last month's",
  reads: ["outputMonth", "outputYtd"],
  // in January the identity is 本月 = 1-本月: it needs no last month
  needs: (ctx) => (januaryOnly(ctx) ? [] : ["previous"]),
  message: (p) =>
    p.january
      ? `1 月“${p.month}”${p.m} 应等于“${p.ytd}”${p.y} (in January this month ${p.m} should equal the year to date ${p.y})`
      : `“${p.month}”${p.m} 不等于“${p.ytd}”${p.y} 减上月累计 ${p.before}（“${p.prevSheet}”第 ${p.prevRow} 行）= ${p.expected}；如上月数据有修订，请在“说明”列说明 ` +
        `(this month ${p.m} differs from the year to date ${p.y} − last month's ${p.before} (${p.prevSheet} row ${p.prevRow}) = ${p.expected}; if last month was revised, explain it in 说明)`,
  check(ctx, emit) {
    const prev = ctx.options.previous;
    const idx = prev ? firmIndex(prev) : null;
    for (const row of ctx.table.rows) {
      const m = ctx.num(row, "outputMonth");
      const y = ctx.num(row, "outputYtd");
      if (m === null || y === null || retiredRow(row)) continue;
      const base = { month: ctx.header("outputMonth"), ytd: ctx.header("outputYtd"), m: ctx.shown("outputMonth", m), y: ctx.shown("outputYtd", y), prevSheet: prev?.sheet ?? "" };
      if (ctx.monthOf(row) === 1) {
        if (!agrees(m, y, y)) emit({ row: row.row, key: "outputMonth" }, { ...base, before: "", expected: "", prevRow: 0, january: true });
        continue;
      }
      const p = prev && idx ? sameFirm(idx, row) : undefined;
      const before = p ? numberOf(p, "outputYtd") : null;
      if (!prev || !p || before === null) continue;
      const expected = Number((y - before).toPrecision(12));
      if (!agrees(m, expected, y, before)) {
        // shown in the unit of this month's column, as its cells are written
        emit({ row: row.row, key: "outputMonth" }, { ...base, before: shownIn(prev, "outputYtd", before), expected: ctx.shown("outputMonth", expected), prevRow: p.row, january: false });
      }
    }
  },
};


const notReported: Rule<{ firm: string; prevSheet: string; prevRow: number; retired: string | null }> = {
  id: "M-NOT-REPORTED",
  severity: "error",
  title: "应报未报",
  gloss: "a firm of last month has no row this month",
  reads: ["name"],
  needs: ["previous"],
  message: (p) =>
    `上月“${p.prevSheet}”第 ${p.prevRow} 行的企业${p.firm}本月没有数据行：停产企业照常报送（填 0，在“说明”注明停产）；已退规的企业列入${p.retired ? `“${p.retired}”` : "“退规”工作表"}或保留一行并在“说明”注明退规 ` +
    `(the firm of last month's sheet ${p.prevSheet} row ${p.prevRow} has no row this month: a firm that stopped producing still reports zeros with 说明 停产; one that left the statistics is listed in a 退规 sheet or given a row with 说明 退规)`,
  check(ctx, emit) {
    const prev = ctx.options.previous!;
    const idx = firmIndex(ctx.table);
    const retired = ctx.options.retired;
    const nameCol = prev.columns.name?.col ?? 1;
    for (const p of prev.rows) {
      if (!p.values.name && !p.values.uscc) continue;
      if (sameFirm(idx, p)) continue;
      if (retiredRow(p)) continue; // left last month
      if (retired && ((p.values.uscc && retired.codes.has(normalizeCode(p.values.uscc))) || (p.values.name && retired.names.has(normalizeName(p.values.name))))) continue;
      emit({ row: p.row, col: nameCol, value: p.raw.name ?? null, sheet: prev.sheet }, { firm: firmLabel(p), prevSheet: prev.sheet, prevRow: p.row, retired: retired?.sheet ?? null });
    }
  },
};

/** Firms of this month not in last month's table: a note (new to the statistics), not a finding. */
export function newFirmsNote(ctx: RuleContext): string[] {
  const prev = ctx.options.previous;
  if (!prev || !ctx.table.columns.name) return [];
  const idx = firmIndex(prev);
  const fresh = ctx.table.rows.filter((r) => (r.values.name || r.values.uscc) && !sameFirm(idx, r));
  if (fresh.length === 0) return [];
  const shown = fresh.slice(0, 20).map((r) => `${r.values.name ?? r.values.uscc}（第 ${r.row} 行）`);
  const more = fresh.length > shown.length ? ` 等` : "";
  return [`新增：本月有 ${fresh.length} 家企业不在上月“${prev.sheet}”中：${shown.join("、")}${more} (${fresh.length} firm(s) new this month, not in last month's sheet ${prev.sheet})`];
}

const EXPORT_PAIRS: Array<[string, string]> = [
  ["exportYtd", "salesYtd"],
  ["exportMonth", "salesMonth"],
];

const exportGtSales: Rule<{ exp: string; sales: string; e: string; s: string }> = {
  id: "M-EXPORT-GT-SALES",
  severity: "error",
  title: "出口交货值大于工业销售产值",
  gloss: "export delivery value exceeds sales output",
  reads: [],
  readsAny: EXPORT_PAIRS,
  message: (p) =>
    `“${p.exp}”${p.e} 大于“${p.sales}”${p.s}：出口交货值是工业销售产值的一部分，请核对两项 ` +
    `(export delivery value ${p.e} exceeds sales output ${p.s}: exports are part of sales; check both figures)`,
  check(ctx, emit) {
    const pairs = EXPORT_PAIRS.filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const e = ctx.num(row, a);
        const s = ctx.num(row, b);
        if (e !== null && s !== null && e > s + EPS * Math.max(1, Math.abs(s))) {
          emit({ row: row.row, key: a }, { exp: ctx.header(a), sales: ctx.header(b), e: ctx.shown(a, e), s: ctx.shown(b, s) });
        }
      }
    }
  },
};

/** The ratio as a percent with as many decimals (1–4) as it takes to show it outside the range (69.99%, not 70.0%). */
function ratioShown(p: { ratio: number; low: number; high: number }): string {
  let d = 1;
  while (d < 4 && roundHalfUp(p.ratio * 100, d) >= roundHalfUp(p.low * 100, d) && roundHalfUp(p.ratio * 100, d) <= roundHalfUp(p.high * 100, d)) d++;
  return pct(p.ratio, d);
}

const salesRatio: Rule<{ sales: string; output: string; s: string; o: string; ratio: number; low: number; high: number }> = {
  id: "M-SALES-RATIO",
  severity: "warning",
  title: "产销率超出合理范围",
  gloss: "sales-to-output ratio out of range",
  reads: ["salesYtd", "outputYtd"],
  message: (p) =>
    `产销率 =“${p.sales}”${p.s} /“${p.output}”${p.o} = ${ratioShown(p)}，超出 ${pct(p.low, 0)}–${pct(p.high, 0)}，请核实或在“说明”列说明 ` +
    `(sales-to-output ratio ${ratioShown(p)} is outside ${pct(p.low, 0)}–${pct(p.high, 0)}; check it or explain it in 说明)`,
  check(ctx, emit) {
    const { low, high } = ctx.options.salesRatio ?? DEFAULT_SALES_RATIO;
    for (const row of ctx.table.rows) {
      const s = ctx.num(row, "salesYtd");
      const o = ctx.num(row, "outputYtd");
      if (s === null || o === null || !(o > 0) || s < 0) continue;
      const ratio = s / o;
      if (ratio < low - EPS || ratio > high + EPS) {
        emit({ row: row.row, key: "salesYtd" }, { sales: ctx.header("salesYtd"), output: ctx.header("outputYtd"), s: ctx.shown("salesYtd", s), o: ctx.shown("outputYtd", o), ratio, low, high });
      }
    }
  },
};

/** An 18-character code of valid characters (its format is the format rules' business). */
function wellFormedCode(row: TableRow): string | null {
  const raw = row.raw.uscc;
  if (typeof raw !== "string") return null;
  const c = normalizeCode(raw);
  if (c.length !== 18) return null;
  for (const ch of c) if (!USCC_CHARSET.includes(ch)) return null;
  return c;
}

const codeKind: Rule<{ code: string; prefix: string; kind: { zh: string; en: string } | null }> = {
  id: "M-USCC-KIND",
  severity: "warning",
  title: "统一社会信用代码不是企业法人",
  gloss: "credit code is not an enterprise legal person's",
  reads: ["uscc"],
  message: (p) =>
    p.prefix === "92"
      ? `统一社会信用代码“${p.code}”以 92 开头，是个体工商户，不是规上工业的法人单位；请核实 (a 92 code is an individual business (个体工商户), which is not a 规上 法人单位)`
      : `统一社会信用代码“${p.code}”以 ${p.prefix} 开头${p.kind ? `，登记为${p.kind.zh}` : ""}，不是企业法人（91）；请核实 ` +
        `(the code starts with ${p.prefix}${p.kind ? `, ${p.kind.en}` : ""}, not an enterprise legal person (91))`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const c = wellFormedCode(row);
      if (!c || c.startsWith("91")) continue;
      const kind = usccKind(c);
      emit({ row: row.row, key: "uscc" }, { code: written(row.raw.uscc), prefix: c.slice(0, 2), kind: kind ? { zh: kind.zh, en: kind.en } : null });
    }
  },
};

const codeRegion: Rule<{ code: string; found: string; region: string }> = {
  id: "M-USCC-REGION",
  severity: "warning",
  title: "统一社会信用代码登记地不在本地",
  gloss: "credit code registered elsewhere",
  reads: ["uscc"],
  needs: ["region"],
  message: (p) =>
    `统一社会信用代码“${p.code}”第 3–8 位为 ${p.found}，与本地行政区划代码 ${p.region} 不同：在外地登记，请核实是否属本地统计 ` +
    `(characters 3–8 are ${p.found}, not the local code ${p.region}: registered elsewhere)`,
  check(ctx, emit) {
    const region = toHalfWidth(ctx.options.region!).trim(); // ３４０７２２ typed in the pane is 340722
    for (const row of ctx.table.rows) {
      const c = wellFormedCode(row);
      if (c && c.slice(2, 8) !== region) emit({ row: row.row, key: "uscc" }, { code: written(row.raw.uscc), found: c.slice(2, 8), region });
    }
  },
};

/** This year's 上年同期 column and last year's column it repeats. */
export const LAST_YEAR_PAIRS: Array<[string, string]> = [
  ["outputYtdLastYear", "outputYtd"],
  ["outputMonthLastYear", "outputMonth"],
  ["valueAddedYtdLastYear", "valueAddedYtd"],
  ["revenueYtdLastYear", "revenueYtd"],
];

const lastYear: Rule<{ header: string; now: string; filedHeader: string; filed: string; sheet: string; row: number }> = {
  id: "M-LAST-YEAR",
  severity: "warning",
  title: "上年同期数与上年报表不符",
  gloss: "same period last year differs from what was filed last year",
  reads: [],
  readsAny: LAST_YEAR_PAIRS.map(([a]) => [a]),
  needs: ["lastYear"],
  message: (p) =>
    `“${p.header}”${p.now} 与上年报表“${p.sheet}”第 ${p.row} 行所报“${p.filedHeader}”${p.filed} 不同；如为同口径调整，请在“说明”列说明 ` +
    `(${p.now} differs from ${p.filed} filed last year in ${p.sheet} row ${p.row}; explain a revision in 说明)`,
  check(ctx, emit) {
    const ly = ctx.options.lastYear!;
    const idx = firmIndex(ly);
    const pairs = LAST_YEAR_PAIRS.filter(([a, b]) => ctx.table.columns[a] && ly.columns[b]);
    for (const row of ctx.table.rows) {
      const p = sameFirm(idx, row);
      if (!p) continue;
      for (const [a, b] of pairs) {
        const now = ctx.num(row, a);
        const filed = numberOf(p, b);
        if (now === null || filed === null || agrees(now, filed, filed)) continue;
        emit({ row: row.row, key: a }, { header: ctx.header(a), now: ctx.shown(a, now), filedHeader: ly.columns[b].header, filed: shownIn(ly, b, filed), sheet: ly.sheet, row: p.row });
      }
    }
  },
};

/** The audit rules, in the order they are listed in docs/validation.md. */
export const auditRules: Rule[] = [monthIdentity, notReported, exportGtSales, salesRatio, codeKind, codeRegion, lastYear];
