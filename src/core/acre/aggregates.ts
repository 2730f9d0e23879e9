/** County aggregates (domain.md §4): ratios of sums over the in-scope firms, never means of firm ratios. */
import { DataKey } from "./indicators";
import { Aggregates, FirmResult } from "./model";
import { AcreParams } from "./params";

/** Ratio of sums Σnum/Σden over firms having both (den summed only where num is present); null when Σden is 0. */
function ratioOfSums(firms: FirmResult[], num: DataKey, den: DataKey): number | null {
  let a = 0;
  let b = 0;
  for (let i = 0; i < firms.length; i++) {
    const d = firms[i].data;
    const x = d[num];
    const y = d[den];
    if (x === null || y === null) continue;
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

