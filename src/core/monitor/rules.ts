/**
 * The early-warning rules, one function each: a rule reads only the columns it needs and is
 * skipped (with the reason) when the sheet lacks them. Pure.
 */
import { yoyGrowth } from "../indicators";
import { projectFullYear, scalePace } from "../pool/projection";
import { val } from "./figures";
import type { MonthHistory } from "./history";
import { FirmField, FirmMonth, MonitorParams, MonthData, RuleId, RULES, Warning } from "./types";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Ctx {
  cur: MonthData;
  history: MonthHistory;
  params: MonitorParams;
  warn(f: FirmMonth, rule: RuleId, value: number, message: string): void;
}

/** A rule: a reason it cannot run, or null after it has run (warnings through ctx.warn). */
type Rule = (ctx: Ctx) => string | null;

const has = (cur: MonthData, ...ks: FirmField[]) => ks.every((k) => !!cur.has[k]);

/**
 * below-scale: the pool's rule (scalePace) on 1-本月营业收入 — not reached the line and the
 * run-rate projection below it — so the pool tab and monitoring never disagree about a firm; the
 * message gives the pace still needed to the deadline month against the firm's average.
 */
const belowScale: Rule = ({ cur, params, warn }) => {
  if (!has(cur, "revenueYtd")) return "缺少“1-本月营业收入”列 (no 1-本月营业收入 column)";
  const n = (x: number) => x.toFixed(0);
  for (const f of cur.firms) {
    if (f.revenueYtd === null) continue;
    const p = val(projectFullYear(f.revenueYtd, cur.month));
    const pace = scalePace(f.revenueYtd, cur.month, params.byMonth, p, cur.month, params.scaleLine);
    if (p === null || !pace.short) continue;
    const need =
      pace.neededPerMonth === null
        ? `已到入规截止月份 ${params.byMonth} 月，尚差 ${n(params.scaleLine - f.revenueYtd)} 万元 (the deadline month has come; ${n(params.scaleLine - f.revenueYtd)} short)`
        : `至 ${params.byMonth} 月尚需月均 ${n(pace.neededPerMonth)} 万元，本年月均 ${n(pace.avgPerMonth ?? 0)} 万元 (needs ${n(pace.neededPerMonth)} a month to month ${params.byMonth}, averages ${n(pace.avgPerMonth ?? 0)})`;
    warn(f, "below-scale", p, `按进度全年营业收入约 ${n(p)} 万元，低于 ${params.scaleLine} 万元，有退规风险；${need} (projected revenue ${n(p)} 万元 is below ${params.scaleLine})`);
  }
  return null;
};

/** month-drop: this month < monthDrop × same month last year. */
const monthDrop: Rule = ({ cur, params, warn }) => {
  if (!has(cur, "outputMonthLastYear")) return "缺少“上年同期本月工业总产值”列 (no 上年同期本月工业总产值 column)";
  for (const f of cur.firms) {
    if (f.outputMonth === null || f.outputMonthLastYear === null || f.outputMonthLastYear <= 0) continue;
    const r = f.outputMonth / f.outputMonthLastYear;
    if (r < params.monthDrop) {
      warn(f, "month-drop", r, `本月产值为上年同月的 ${pct(r)}，低于 ${pct(params.monthDrop)} (this month's output is ${pct(r)} of the same month last year)`);
    }
  }
  return null;
};

/** ytd-decline: YTD growth < −ytdDecline. */
const ytdDecline: Rule = ({ cur, params, warn }) => {
  if (!has(cur, "outputYtdLastYear")) return "缺少“上年同期1-本月工业总产值”列 (no 上年同期1-本月工业总产值 column)";
  for (const f of cur.firms) {
    if (f.outputYtd === null || f.outputYtdLastYear === null || f.outputYtdLastYear <= 0) continue;
    const g = val(yoyGrowth(f.outputYtd, f.outputYtdLastYear));
    if (g !== null && g < -params.ytdDecline) {
      warn(f, "ytd-decline", g, `1-本月产值同比下降 ${pct(-g)}，超过 ${pct(params.ytdDecline)} (YTD output down ${pct(-g)} YoY)`);
    }
  }
  return null;
};

/** three-month-decline: down YoY in each of the last declineMonths months. */
const threeMonthDecline: Rule = ({ cur, history, params, warn }) => {
  const m = cur.month;
  const span = Array.from({ length: params.declineMonths }, (_, i) => m - i);
  const missing = span.filter((k) => k < 1 || !history.data(k));
  const unknowable = span.filter((k) => k >= 1 && history.data(k) && !history.knowable(k));
  if (missing.length || unknowable.length) {
    const months = [...missing, ...unknowable].filter((k) => k >= 1).sort((a, b) => a - b);
    return m < params.declineMonths
      ? `报告月份为 ${m} 月，不足 ${params.declineMonths} 个月 (month ${m}: fewer than ${params.declineMonths} months)`
      : `缺少 ${months.map((k) => `${k}月`).join("、")} 的月度数据（需要对应工作表或“上年同期本月工业总产值”列）(no monthly data for month ${months.join(", ")}: add those sheets)`;
  }
  for (const f of cur.firms) {
    let down = true;
    let latest: number | null = null;
    for (const k of span) {
      const p = history.pair(k, f);
      if (!p || !(p.now < p.last)) {
        down = false;
        break;
      }
      if (k === m) latest = val(yoyGrowth(p.now, p.last));
    }
    if (down && latest !== null) {
      warn(f, "three-month-decline", latest, `${span[span.length - 1]}–${m} 月产值连续同比下降，本月 ${pct(latest)} (output down YoY in months ${span[span.length - 1]}–${m}; this month ${pct(latest)})`);
    }
  }
  return null;
};

/** va-rate-shift: |增加值/产值 − last year's| > vaRateShift. */
const vaRateShift: Rule = ({ cur, params, warn }) => {
  if (!has(cur, "valueAddedYtd", "valueAddedYtdLastYear", "outputYtdLastYear")) {
    return "缺少“上年同期1-本月工业增加值”或“1-本月工业增加值”列 (no value-added columns for both years)";
  }
  for (const f of cur.firms) {
    if (f.valueAddedYtd === null || f.valueAddedYtdLastYear === null || f.outputYtd === null || f.outputYtdLastYear === null) continue;
    if (f.outputYtd <= 0 || f.outputYtdLastYear <= 0) continue;
    const d = f.valueAddedYtd / f.outputYtd - f.valueAddedYtdLastYear / f.outputYtdLastYear;
    if (Math.abs(d) > params.vaRateShift) {
      warn(f, "va-rate-shift", d, `增加值率较上年${d > 0 ? "上升" : "下降"} ${(Math.abs(d) * 100).toFixed(1)} 个百分点 (value-added rate ${d > 0 ? "up" : "down"} ${(Math.abs(d) * 100).toFixed(1)} pp)`);
    }
  }
  return null;
};

/** In the order they run (the order rules are skipped in). */
const RULE_FNS: [RuleId, Rule][] = [
  ["below-scale", belowScale],
  ["month-drop", monthDrop],
  ["ytd-decline", ytdDecline],
  ["three-month-decline", threeMonthDecline],
  ["va-rate-shift", vaRateShift],
];

/** Run every rule: the warnings (errors first, then by rule, then by value), which ran, which were skipped and why. */
export function runRules(cur: MonthData, history: MonthHistory, params: MonitorParams): { warnings: Warning[]; rulesRun: RuleId[]; rulesSkipped: { rule: RuleId; reason: string }[] } {
  const warnings: Warning[] = [];
  const rulesRun: RuleId[] = [];
  const rulesSkipped: { rule: RuleId; reason: string }[] = [];
  const warn = (f: FirmMonth, rule: RuleId, value: number, message: string) =>
    warnings.push({ firm: f.name, uscc: f.uscc, row: f.row, rule, severity: params.severity[rule], value, message });
  for (const [id, rule] of RULE_FNS) {
    const reason = rule({ cur, history, params, warn });
    if (reason === null) rulesRun.push(id);
    else rulesSkipped.push({ rule: id, reason });
  }
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  warnings.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      order.get(a.rule)! - order.get(b.rule)! ||
      (a.rule === "va-rate-shift" ? Math.abs(b.value) - Math.abs(a.value) : a.value - b.value) ||
      a.row - b.row,
  );
  return { warnings, rulesRun, rulesSkipped };
}
