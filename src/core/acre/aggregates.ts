/** County aggregates (domain.md §4): ratios of sums over the in-scope firms, never means of firm ratios. */
import { DataKey } from "./indicators";
import { Aggregates, FirmResult } from "./model";
import { AcreParams } from "./params";

/**
 * Ratio of sums Σnum/Σden over firms having both, with a denominator other than 0 (a firm with no
 * energy has no 单位能耗税收: its tax must not inflate the county's; such a firm is in scope only
 * under 缺项处理 按池平均分 | 按零分, or as a 规下 firm not scored on energy); null when Σden is 0.
 */
function ratioOfSums(firms: FirmResult[], num: DataKey, den: DataKey): number | null {
  let a = 0;
  let b = 0;
  for (let i = 0; i < firms.length; i++) {
    const d = firms[i].data;
    const x = d[num];
    const y = d[den];
    if (x === null || y === null || y === 0) continue;
    a += x;
    b += y;
  }
  return b > 0 ? a / b : null;
}

export function aggregatesOf(firms: FirmResult[], params: AcreParams): Aggregates {
  return {
    taxPerMu: ratioOfSums(firms, "tax", "land"),
    revenuePerMu: ratioOfSums(firms, "revenue", "land"),
    taxPerTce: ratioOfSums(firms, "tax", "energy"),
    laborProductivity: ratioOfSums(firms, params.laborNumerator, "employees"),
    firms: firms.length,
  };
}

