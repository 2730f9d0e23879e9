/**
 * Whole-table per-mu evaluation (亩均效益评价): scope (scope.ts), per-firm indicators, then per
 * pool the benchmarks, scores and grades (pools.ts), the county aggregates (aggregates.ts) and
 * the grade counts. Rules: docs/acre.md.
 */
import { isError } from "../result";
import { aggregatesOf } from "./aggregates";
import { indicatorDef, IndicatorKey } from "./indicators";
import { AcreEvaluation, AcreFirmInput, Adjustment, FirmResult, PoolName } from "./model";
import { AcreParams, allIndicatorsInUse, defaultParams } from "./params";
import { gradePool, poolBenchmarks, scorePool } from "./pools";
import { bonusOf, reasonText, scopeOf, toData, usesOf } from "./scope";
import { parseScale, SCALES } from "./spec";

export type { AcreEvaluation, AcreFirmInput, Adjustment, AdjustmentKind, Aggregates, FirmResult, GradeCounts, PoolName, ScopeCode } from "./model";
export { firmsFromTable } from "./fromTable";
export { compareWithLastYear, parseGrade } from "./compare";
export type { Comparison, GradeChange, LastYearFirm } from "./compare";

/** The adjustment of an in-scope firm: 一票否决 first, then 不定等级, then 调整等级 (validation notes a firm with several). */
function adjustmentOf(f: AcreFirmInput): Adjustment | null {
  if (f.veto) return { kind: "veto", reason: f.vetoReason ?? "" };
  if (f.ungraded) return { kind: "ungraded", reason: f.ungradedReason ?? "" };
  if (f.override) return { kind: "override", reason: f.overrideReason ?? "" };
  return null;
}

/** Evaluate firms (already read) with the given parameters. */
export function evaluateFirms(inputs: AcreFirmInput[], params: AcreParams = defaultParams()): AcreEvaluation {
  const notes: string[] = [];
  const uses = usesOf(params);
  // indicators shown (those in use for any scale), computed for every firm where possible
  const shown = allIndicatorsInUse(params).map(indicatorDef);
  const firms: FirmResult[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const f = inputs[i];
    const scale = parseScale(f.scale);
    const data = toData(f, params);
    const scope = scopeOf(f, scale, data, params, uses);
    const indicators: Partial<Record<IndicatorKey, number>> = {};
    for (const d of shown) {
      const x = data[d.numerator(params.laborNumerator)];
      const y = data[d.denominator];
      if (x === null || y === null) continue;
      const v = d.compute(x, y);
      if (!isError(v)) indicators[d.key] = v;
    }
    firms[i] = {
      row: f.row ?? i + 1,
      name: f.name && String(f.name).trim() !== "" ? String(f.name).trim() : null,
      uscc: f.uscc && String(f.uscc).trim() !== "" ? String(f.uscc).trim() : null,
      scale,
      pool: scope ? null : params.separatePools ? scale : "全部",
      inScope: !scope,
      reason: scope ? reasonText(scope[0], scope[1], params) : null,
      scopeCode: scope ? scope[0] : null,
      data,
      taxPaid: typeof f.tax === "number" && Number.isFinite(f.tax) ? f.tax : null,
      vatRefund: typeof f.vatRefund === "number" && Number.isFinite(f.vatRefund) ? f.vatRefund : null,
      inZone: f.inZone === true,
      indicators,
      parts: {},
      score: null,
      bonus: bonusOf(f),
      rank: null,
      rankGrade: null,
      grade: null,
      adjustment: scope ? null : adjustmentOf(f),
      overrideGrade: f.override ?? null,
      hint: null,
      notes: f.unread ? [...f.unread] : [],
    };
    for (const u of f.unread ?? []) notes.push(u);
  }

  const pools: PoolName[] = params.separatePools ? [...SCALES] : ["全部"];
  const benchmarks: AcreEvaluation["benchmarks"] = {};
  const ranges: AcreEvaluation["ranges"] = {};
  const grades: AcreEvaluation["grades"] = {};
  const poolSizes: AcreEvaluation["poolSizes"] = {};
  for (const pool of pools) {
    const members = firms.filter((f) => f.pool === pool);
    const b = poolBenchmarks(members, pool, params, notes);
    benchmarks[pool] = b.benchmarks;
    ranges[pool] = b.ranges;
    scorePool(members, pool, b, uses, params, notes);
    const { counts, ranked } = gradePool(members, params);
    grades[pool] = counts;
    poolSizes[pool] = ranked;
  }

  const inScope = firms.filter((f) => f.inScope);
  return {
    params,
    pools,
    benchmarks,
    ranges,
    firms,
    aggregates: {
      all: aggregatesOf(inScope, params),
      aboveScale: aggregatesOf(
        inScope.filter((f) => f.scale === "规上"),
        params,
      ),
      belowScale: aggregatesOf(
        inScope.filter((f) => f.scale === "规下"),
        params,
      ),
    },
    grades,
    poolSizes,
    inScope: inScope.length,
    outOfScope: firms.length - inScope.length,
    notes,
  };
}
