/**
 * The county figures of one month: totals with same-basis growth, targets against 序时进度,
 * contribution and concentration, the monthly series. Pure.
 */
import type { NetNewFigure } from "../netNewFirms";
import { contribution, pull, targetRate, timeProgress, yoyGrowth } from "../indicators";
import { isError, Result } from "../result";
import { NOT_TARGETS, Targets } from "./targets";
import type { MonthHistory } from "./history";
import type { Concentration, ContributionRow, FirmField, FirmMonth, MonthData, MonthlyPoint, TargetProgress, Totals } from "./types";

export const val = (r: Result<number>): number | null => (isError(r) ? null : r);
const sum = (xs: number[]) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};
/** Σ of a field over firms, blanks as 0. */
export const total = (firms: FirmMonth[], key: FirmField) => {
  let s = 0;
  for (let i = 0; i < firms.length; i++) s += firms[i][key] ?? 0;
  return s;
};

export interface SameBasis {
  now: number;
  before: number;
  n: number;
  growth: number | null;
  excluded: string[];
}

/** Same-basis growth of field `now` over `before`: only firms with both values. */
export function sameBasis(firms: FirmMonth[], now: FirmField, before: FirmField): SameBasis {
  let a = 0;
  let b = 0;
  let n = 0;
  const excluded: string[] = [];
  for (const f of firms) {
    const x = f[now];
    const y = f[before];
    if (x === null || y === null) {
      excluded.push(f.name);
      continue;
    }
    a += x;
    b += y;
    n++;
  }
  return { now: a, before: b, n, growth: n ? val(yoyGrowth(a, b)) : null, excluded };
}

/** County totals of the month's report; `out` is the same-basis output the growth and contribution use. */
export function countyTotals(cur: MonthData): { totals: Totals; out: SameBasis; notes: string[] } {
  const firms = cur.firms;
  const notes: string[] = [];
  const out = sameBasis(firms, "outputYtd", "outputYtdLastYear");
  const has = (k: FirmField) => !!cur.has[k];
  const optionalGrowth = (now: FirmField, before: FirmField) => (has(now) && has(before) ? sameBasis(firms, now, before).growth : null);
  const totals: Totals = {
    outputMonth: total(firms, "outputMonth"),
    outputYtd: total(firms, "outputYtd"),
    outputYtdLastYear: out.before,
    growth: out.growth,
    valueAddedYtd: has("valueAddedYtd") ? total(firms, "valueAddedYtd") : null,
    revenueYtd: has("revenueYtd") ? total(firms, "revenueYtd") : null,
    sameBasisFirms: out.n,
    excludedFirms: out.excluded,
    monthGrowth: optionalGrowth("outputMonth", "outputMonthLastYear"),
    valueAddedGrowthCurrentPrices: optionalGrowth("valueAddedYtd", "valueAddedYtdLastYear"),
    revenueGrowth: optionalGrowth("revenueYtd", "revenueYtdLastYear"),
    firms: firms.length,
  };
  if (out.excluded.length) {
    notes.push(
      `同口径增速只计入 1-本月与上年同期均有数值的 ${out.n} 户企业，未计入 ${out.excluded.length} 户：${out.excluded.join("、")} (same-basis growth counts the ${out.n} firms with both values; ${out.excluded.length} left out)`,
    );
  }
  return { totals, out, notes };
}

/** Each 目标 row with a target (but 退规企业数 and 入规截止月份) against 序时进度; the output's actual is the firms' sum. */
export function targetProgress(targets: Targets | null | undefined, month: number, outputYtd: number, netNew?: NetNewFigure | null): TargetProgress[] {
  const progress = timeProgress(month) as number;
  const rows: TargetProgress[] = [];
  for (const t of targets?.items ?? []) {
    if ((t.key !== null && NOT_TARGETS.has(t.key)) || t.target === null) continue;
    const fromFirms = t.key === "output";
    // 净增规上: the one figure the pool tab shows too (the ledger when there is a pool).
    const fromPool = t.key === "netNewFirms" && netNew?.source === "pool";
    const actual = fromFirms ? outputYtd : fromPool ? netNew!.value : t.actual;
    let rate: number | null = null;
    let gap: number | null = null;
    if (actual !== null) {
      if (t.kind === "总量") {
        rate = val(targetRate(actual, t.target));
        gap = rate === null ? null : rate - progress;
      } else {
        gap = actual - t.target;
      }
    }
    // 工业增加值增速 is at comparable prices: its actual is the typed 1-本月完成 only, never the
    // current-price growth of the firms' 增加值 columns (现价增速).
    const note =
      actual === null && t.key === "valueAddedGrowth"
        ? `“${t.name}”为可比价增速，请在目标表“1-本月完成”填写统计部门公布的数；现价增速不作完成数 (comparable-price growth: type the published figure in 1-本月完成; the current-price growth is not its actual)`
        : null;
    rows.push({ name: t.name, kind: t.kind, unit: fromFirms ? "万元" : t.unit, actual, target: t.target, rate, timeProgress: progress, gap, source: fromFirms ? "firms" : fromPool ? "pool" : "sheet", row: t.row, note });
  }
  return rows;
}

/** Every same-basis firm's share, Δ, 贡献率 and 拉动, the largest contribution first. */
export function contributionRows(firms: FirmMonth[], outputYtd: number, out: SameBasis): ContributionRow[] {
  const rows: ContributionRow[] = [];
  for (const f of firms) {
    if (f.outputYtd === null || f.outputYtdLastYear === null) continue;
    rows.push({
      firm: f.name,
      uscc: f.uscc,
      row: f.row,
      share: outputYtd > 0 ? f.outputYtd / outputYtd : 0,
      delta: f.outputYtd - f.outputYtdLastYear,
      contribution: val(contribution(f.outputYtd, f.outputYtdLastYear, out.now, out.before)),
      pull: val(pull(f.outputYtd, f.outputYtdLastYear, out.before)),
    });
  }
  const dir = out.now - out.before < 0 ? -1 : 1;
  rows.sort((a, b) => dir * (b.delta - a.delta) || b.share - a.share || a.row - b.row);
  return rows;
}

/** Top-1 and top-5 shares of the county's YTD output. */
export function concentrationOf(firms: FirmMonth[], outputYtd: number): Concentration {
  const ytds = firms.filter((f) => f.outputYtd !== null).map((f) => ({ name: f.name, v: f.outputYtd as number }));
  ytds.sort((a, b) => b.v - a.v);
  return outputYtd > 0 && ytds.length
    ? { top1: ytds[0].v / outputYtd, top5: sum(ytds.slice(0, 5).map((x) => x.v)) / outputYtd, top1Firm: ytds[0].name }
    : { top1: null, top5: null, top1Firm: null };
}

/** County output per month 1..m (this year vs last) from the sheets available. */
export function monthlySeries(history: MonthHistory): MonthlyPoint[] {
  const monthly: MonthlyPoint[] = [];
  for (let k = 1; k <= history.month; k++) {
    const d = history.data(k);
    if (!d) {
      monthly.push({ month: k, output: null, outputLastYear: null });
      continue;
    }
    const prev = history.data(k - 1);
    const output = d.has.outputMonth ? total(d.firms, "outputMonth") : k === 1 ? total(d.firms, "outputYtd") : prev ? total(d.firms, "outputYtd") - total(prev.firms, "outputYtd") : null;
    const outputLastYear = d.has.outputMonthLastYear
      ? total(d.firms, "outputMonthLastYear")
      : k === 1
        ? total(d.firms, "outputYtdLastYear")
        : prev
          ? total(d.firms, "outputYtdLastYear") - total(prev.firms, "outputYtdLastYear")
          : null;
    monthly.push({ month: k, output, outputLastYear });
  }
  return monthly;
}
