/**
 * Monthly operation monitoring (经济运行监测预警, domain.md §1): county totals with same-basis
 * growth (同口径), annual targets against 序时进度, early warnings per firm, contribution and
 * concentration. Pure: typed rows in, a result out; amounts in 万元, rates as decimals.
 * The figures are in figures.ts, the month lookups in history.ts, the warning rules in rules.ts.
 */
import { concentrationOf, contributionRows, countyTotals, monthlySeries, targetProgress } from "./figures";
import { monthHistory } from "./history";
import { runRules } from "./rules";
import { DEFAULT_PARAMS, MonitorInput, MonitorParams, MonitorResult } from "./types";

export * from "./types";

export function analyzeMonth(input: MonitorInput): MonitorResult {
  const params: MonitorParams = { ...DEFAULT_PARAMS, ...input.params, severity: { ...DEFAULT_PARAMS.severity, ...input.params?.severity } };
  const cur = input.current;
  const { totals, out, notes } = countyTotals(cur);
  const targets = targetProgress(input.targets, cur.month, totals.outputYtd, input.netNewFirms);
  if (!input.targets) notes.push("未找到目标表，不计算目标完成情况 (no 目标 sheet: target completion not computed)");
  for (const t of targets) if (t.note) notes.push(t.note);
  const history = monthHistory(cur, input.earlier);
  const { warnings, rulesRun, rulesSkipped } = runRules(cur, history, params);
  return {
    month: cur.month,
    sheet: cur.sheet,
    totals,
    targets,
    warnings,
    rulesRun,
    rulesSkipped,
    contribution: contributionRows(cur.firms, totals.outputYtd, out),
    concentration: concentrationOf(cur.firms, totals.outputYtd),
    monthly: monthlySeries(history),
    notes,
    params,
  };
}
