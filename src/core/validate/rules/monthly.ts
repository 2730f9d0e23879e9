/**
 * Rules of the monthly industrial report (月报 / 一套表), amounts in 万元.
 */
import { SCALE_THRESHOLD } from "../../pool/projection";
import type { Rule, RuleSet } from "../engine";
import { monthlySpec } from "../specs";
import { auditRules, firmIndex, newFirmsNote, retiredRow, sameFirm } from "./audit";
import { duplicateRule, fmt, negativeRule, parseRule, pct, rateRule, requiredRule, totalRule, usccCheckRule, usccFormatRule } from "./common";

const NUMBER_KEYS = monthlySpec.fields.filter((f) => f.type === "number").map((f) => f.key);

/** Fields that must be filled when their column is there (0 when there is nothing to report). */
export const MONTHLY_REQUIRED_CELLS = ["name", "uscc", "outputMonth", "outputYtd", "outputYtdLastYear", "valueAddedYtd", "revenueYtd", "employees"];

/** This period vs the same period last year. */
export const YOY_PAIRS: Array<[string, string]> = [
  ["outputYtd", "outputYtdLastYear"],
  ["outputMonth", "outputMonthLastYear"],
  ["valueAddedYtd", "valueAddedYtdLastYear"],
  ["revenueYtd", "revenueYtdLastYear"],
];

const EPS = 1e-9;
const tol = (x: number) => EPS * Math.max(1, Math.abs(x));

/** A unit mix-up the ratio this/last suggests: ~10, ~10 000 or the inverse (within a factor 10^0.15 ≈ 1.41). */
export function unitSuspicion(ratio: number): 1 | 4 | -1 | -4 | null {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return null;
  const k = Math.log10(ratio);
  for (const e of [1, 4, -1, -4] as const) if (Math.abs(k - e) <= 0.15) return e;
  return null;
}

const monthGtYtd: Rule<{ month: string; ytd: string; m: number; y: number }> = {
  id: "M-MONTH-GT-YTD",
  severity: "error",
  title: "本月值大于1-本月累计",
  gloss: "this month exceeds the year to date",
  reads: ["outputMonth", "outputYtd"],
  message: (p) => `“${p.month}”${fmt(p.m)} 大于“${p.ytd}”${fmt(p.y)} (this month ${fmt(p.m)} exceeds the year to date ${fmt(p.y)})`,
  check(ctx, emit) {
    const pairs = [["outputMonth", "outputYtd"], ["outputMonthLastYear", "outputYtdLastYear"]].filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const m = ctx.num(row, a);
        const y = ctx.num(row, b);
        if (m !== null && y !== null && m > y + tol(y)) emit({ row: row.row, key: a }, { month: ctx.header(a), ytd: ctx.header(b), m, y });
      }
    }
  },
};

const vaGtOutput: Rule<{ va: string; out: string; v: number; o: number }> = {
  id: "M-VA-GT-OUT",
  severity: "error",
  title: "工业增加值大于工业总产值",
  gloss: "value added exceeds gross output",
  reads: ["valueAddedYtd", "outputYtd"],
  message: (p) => `“${p.va}”${fmt(p.v)} 大于“${p.out}”${fmt(p.o)} (value added ${fmt(p.v)} exceeds gross output ${fmt(p.o)})`,
  check(ctx, emit) {
    const pairs = [["valueAddedYtd", "outputYtd"], ["valueAddedYtdLastYear", "outputYtdLastYear"]].filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const v = ctx.num(row, a);
        const o = ctx.num(row, b);
        if (v !== null && o !== null && v > o + tol(o)) emit({ row: row.row, key: a }, { va: ctx.header(a), out: ctx.header(b), v, o });
      }
    }
  },
};

const ytdDecrease: Rule<{ header: string; now: number; before: number; prevRow: number; prevSheet: string }> = {
  id: "M-YTD-DECREASE",
  severity: "error",
  title: "1-本月累计小于上月累计",
  gloss: "year to date below last month's year to date",
  reads: ["outputYtd"],
  needs: ["previous"],
  message: (p) =>
    `“${p.header}”${fmt(p.now)} 小于上月累计 ${fmt(p.before)}（${p.prevSheet} 第 ${p.prevRow} 行）(year to date ${fmt(p.now)} is below last month's ${fmt(p.before)}, ${p.prevSheet} row ${p.prevRow})`,
  check(ctx, emit) {
    const prev = ctx.options.previous!;
    const idx = firmIndex(prev);
    const keys = ["outputYtd", "valueAddedYtd", "revenueYtd"].filter((k) => ctx.table.columns[k] && prev.columns[k]);
    for (const row of ctx.table.rows) {
      if (ctx.monthOf(row) === 1 || retiredRow(row)) continue; // January starts a new year; a 退规 row is not compared
      const p = sameFirm(idx, row);
      if (!p) continue;
      for (const k of keys) {
        const now = ctx.num(row, k);
        const before = typeof p.values[k] === "number" ? (p.values[k] as number) : null;
        if (now !== null && before !== null && now < before - tol(before)) {
          emit({ row: row.row, key: k }, { header: ctx.header(k), now, before, prevRow: p.row, prevSheet: prev.sheet });
        }
      }
    }
  },
};

const yoy: Rule<{ header: string; now: number; base: number; growth: number; threshold: number }> = {
  id: "M-YOY",
  severity: "warning",
  title: "同比增速异常，须说明",
  gloss: "unusual year-on-year change; explain it",
  reads: [],
  readsAny: YOY_PAIRS,
  message: (p) =>
    `“${p.header}”同比${p.growth >= 0 ? "增长" : "下降"} ${pct(Math.abs(p.growth))}（本期 ${fmt(p.now)}，上年同期 ${fmt(p.base)}），超过 ±${pct(p.threshold, 0)}，请在“说明”列说明原因 ` +
    `(year-on-year ${p.growth >= 0 ? "+" : "−"}${pct(Math.abs(p.growth))}, beyond ±${pct(p.threshold, 0)}: explain it in 说明)`,
  check(ctx, emit) {
    const pairs = YOY_PAIRS.filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    const th = ctx.yoyThreshold;
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const now = ctx.num(row, a);
        const base = ctx.num(row, b);
        if (now === null || base === null || !(base > 0) || now < 0) continue;
        const growth = now / base - 1;
        if (Math.abs(growth) > th + EPS && unitSuspicion(now / base) === null) {
          emit({ row: row.row, key: a }, { header: ctx.header(a), now, base, growth, threshold: th });
        }
      }
    }
  },
};

const UNIT_TEXT: Record<1 | 4 | -1 | -4, [string, string]> = {
  1: ["约为上年同期的 10 倍：本期是否按千元填报？", "≈10× last year: entered in 千元 instead of 万元?"],
  4: ["约为上年同期的 10000 倍：本期是否按元填报？", "≈10 000× last year: entered in 元 instead of 万元?"],
  [-1]: ["约为上年同期的 1/10：本期或上年同期的单位是否有误（千元/万元）？", "≈1/10 of last year: 千元 vs 万元 in this or last year's figure?"],
  [-4]: ["约为上年同期的 1/10000：本期或上年同期的单位是否有误（元/万元）？", "≈1/10 000 of last year: 元 vs 万元 in this or last year's figure?"],
};

const unit: Rule<{ header: string; now: number; base: number; k: 1 | 4 | -1 | -4 }> = {
  id: "M-UNIT",
  severity: "warning",
  title: "疑似单位错误（千元/元/万元?）",
  gloss: "suspected unit mix-up (千元/元/万元?)",
  reads: [],
  readsAny: YOY_PAIRS,
  message: (p) => `“${p.header}”${fmt(p.now)} ${UNIT_TEXT[p.k][0]}（上年同期 ${fmt(p.base)}）(${UNIT_TEXT[p.k][1]} last year ${fmt(p.base)})`,
  check(ctx, emit) {
    const pairs = YOY_PAIRS.filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const now = ctx.num(row, a);
        const base = ctx.num(row, b);
        if (now === null || base === null || !(base > 0) || !(now > 0)) continue;
        const k = unitSuspicion(now / base);
        if (k !== null) emit({ row: row.row, key: a }, { header: ctx.header(a), now, base, k });
      }
    }
  },
};

const pace: Rule<{ header: string; ytd: number; month: number; annual: number }> = {
  id: "M-PACE",
  severity: "warning",
  title: "营业收入进度低于规上标准",
  gloss: "revenue pace below the above-scale line",
  reads: ["revenueYtd"],
  needs: ["month"],
  message: (p) =>
    `按 1-${p.month} 月营业收入 ${fmt(p.ytd)} 万元推算，全年约 ${fmt(Math.round(p.annual * 10) / 10)} 万元，低于规上标准 ${SCALE_THRESHOLD} 万元 ` +
    `(at this pace the annual revenue is about ${fmt(Math.round(p.annual * 10) / 10)} 万元, below the ${SCALE_THRESHOLD} 万元 above-scale line)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const m = ctx.monthOf(row);
      const ytd = ctx.num(row, "revenueYtd");
      if (!m || ytd === null || ytd < 0) continue;
      const annual = (ytd * 12) / m;
      if (annual < SCALE_THRESHOLD - EPS) emit({ row: row.row, key: "revenueYtd" }, { header: ctx.header("revenueYtd"), ytd, month: m, annual });
    }
  },
};

export const monthlyRules: Rule[] = [
  requiredRule("M", MONTHLY_REQUIRED_CELLS, retiredRow), // a 退规 row needs its name and code, not figures
  usccFormatRule("M"),
  usccCheckRule("M"),
  duplicateRule("M"),
  parseRule("M"),
  negativeRule("M", NUMBER_KEYS),
  vaGtOutput,
  monthGtYtd,
  ytdDecrease,
  yoy,
  unit,
  totalRule("M", NUMBER_KEYS),
  pace,
  rateRule(),
  ...auditRules,
];

export const monthlyRuleSet: RuleSet = {
  id: "monthly",
  title: "月报",
  gloss: "monthly industrial report",
  spec: monthlySpec,
  rules: monthlyRules,
  noteKey: "note",
  notes: newFirmsNote,
};
