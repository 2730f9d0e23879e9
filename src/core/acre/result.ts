/**
 * What an evaluation writes and reports: the 亩均评价结果 sheet (values, or indicator columns
 * as JX formulas), the 亩均评价汇总 sheet (CLI), the JSON of `jx acre --json`, and the reader
 * of last year's result sheet for the comparison.
 */
import { CellValue, formula, OutValue } from "../num";
import { columnLetters, isReadError, readTable, sharedField, SheetLike, TableSpec } from "../table";
import { LastYearFirm, parseGrade } from "./compare";
import { AcreEvaluation, Adjustment, AdjustmentKind, FirmResult, GradeCounts, PoolName } from "./model";
import { Grade } from "./grade";
import { DataKey, indicatorDef, indicatorHeader, INDICATORS, IndicatorKey } from "./indicators";
import { allIndicatorsInUse, describeParams, GRADES, OutCell } from "./params";

/** Data columns copied into the result (indicator formulas refer to them on the same row). */
function dataColumns(ev: AcreEvaluation): DataKey[] {
  const keys: DataKey[] = ["land", "tax", "revenue", "valueAdded", "energy", "employees"];
  for (const k of allIndicatorsInUse(ev.params)) {
    const d = indicatorDef(k);
    for (const key of [d.numerator(ev.params.laborNumerator), d.denominator]) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

const DATA_HEADERS: Record<DataKey, string> = {
  land: "用地面积(亩)",
  tax: "实缴税金(万元)",
  revenue: "营业收入(万元)",
  valueAdded: "工业增加值(万元)",
  energy: "综合能耗(吨标煤)",
  employees: "年平均从业人员",
  rnd: "研发经费(万元)",
  techInvestment: "技改投资(万元)",
  emissions: "主要污染物排放量",
  electricity: "用电量",
};

const DATA_FORMATS: Record<DataKey, string> = {
  land: "0.00",
  tax: "0.00",
  revenue: "0.00",
  valueAdded: "0.00",
  energy: "0.00",
  employees: "0",
  rnd: "0.00",
  techInvestment: "0.00",
  emissions: "0.00",
  electricity: "0.00",
};

/** Headers of the result sheet (the reader of last year's sheet relies on 企业名称, 统一社会信用代码, 最终等级). */
export const RESULT_FIXED_HEADERS = {
  name: "企业名称",
  uscc: "统一社会信用代码",
  scale: "规模",
  pool: "评价池",
  bonus: "加减分",
  score: "综合得分",
  rank: "排名",
  rankGrade: "排名等级",
  adjustment: "调整",
  adjustmentReason: "调整原因",
  grade: "最终等级",
  hint: "政策导向",
  inScope: "是否参评",
  reason: "未参评原因",
  notes: "说明",
  row: "数据行",
};

/** The 调整 column's words. */
export const ADJUSTMENT_LABELS: Record<AdjustmentKind, string> = { veto: "一票否决", override: "调整等级", ungraded: "不定等级" };

export interface ResultSheet {
  rows: OutValue[][];
  numberFormats: (string | null)[];
  /** Whether any cell is a formula. */
  formulas: boolean;
}

export interface ResultOptions {
  /**
   * Write the indicator columns as JX formulas: given a function id (ACRE_TAX …), the name to
   * write after "=" (e.g. "JX.ACRE_TAX": the English id, written through the invariant formula language).
   */
  formulaName?: (functionId: string) => string | null;
}

/** Firms in the order of the result: in scope by pool then rank, then out of scope by row. */
export function resultOrder(ev: AcreEvaluation): FirmResult[] {
  const poolIndex = (p: PoolName | null) => (p === null ? 99 : ev.pools.indexOf(p));
  const inScope = ev.firms.filter((f) => f.inScope);
  inScope.sort((a, b) => poolIndex(a.pool) - poolIndex(b.pool) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
  return [...inScope, ...ev.firms.filter((f) => !f.inScope)];
}

/** The 亩均评价结果 sheet: one row per firm (out-of-scope firms included, with their reason). */
export function resultSheet(ev: AcreEvaluation, opts: ResultOptions = {}): ResultSheet {
  const data = dataColumns(ev);
  const refund = ev.params.taxBasis === "addRefund";
  const inds = allIndicatorsInUse(ev.params);
  const H = RESULT_FIXED_HEADERS;
  // with 加回留抵退税 the tax column is the 评价税收 (实缴税金 + 留抵退税), preceded by both
  const dataHeader = (k: DataKey) => (refund && k === "tax" ? "评价税收(万元)" : DATA_HEADERS[k]);
  const extra = refund ? [DATA_HEADERS.tax, "留抵退税(万元)"] : [];
  const header: OutCell[] = [
    H.name,
    H.uscc,
    H.scale,
    H.pool,
    ...extra,
    ...data.map(dataHeader),
    ...inds.map((k) => indicatorHeader(indicatorDef(k))),
    ...inds.map((k) => `${indicatorDef(k).label}得分`),
    H.bonus,
    H.score,
    H.rank,
    H.rankGrade,
    H.adjustment,
    H.adjustmentReason,
    H.grade,
    H.hint,
    H.inScope,
    H.reason,
    H.notes,
    H.row,
  ];
  const numberFormats: (string | null)[] = [
    "@",
    "@",
    null,
    null,
    ...extra.map(() => "0.00"),
    ...data.map((k) => DATA_FORMATS[k]),
    ...inds.map((k) => indicatorDef(k).format),
    ...inds.map(() => "0.00"),
    "0.00",
    "0.00",
    "0",
    null,
    null,
    "@",
    null,
    null,
    null,
    null,
    "@",
    "0",
  ];
  const firstData = 5 + extra.length; // 1-based column of the first data column
  const colOf = (k: DataKey) => columnLetters(firstData + data.indexOf(k));
  let formulas = false;
  const rows: OutValue[][] = [header];
  for (const f of resultOrder(ev)) {
    const r = rows.length + 1; // sheet row of this line
    const indicatorCells = inds.map((k): OutValue => {
      const d = indicatorDef(k);
      const v = f.indicators[k];
      if (v === undefined) return null;
      const name = d.functionId && opts.formulaName ? opts.formulaName(d.functionId) : null;
      if (!name) return v;
      formulas = true;
      return formula(`${name}(${colOf(d.numerator(ev.params.laborNumerator))}${r},${colOf(d.denominator)}${r})`);
    });
    rows.push([
      f.name,
      f.uscc,
      f.scale,
      f.pool,
      ...(refund ? [f.taxPaid, f.vatRefund] : []),
      ...data.map((k) => f.data[k]),
      ...indicatorCells,
      ...inds.map((k) => f.parts[k] ?? null),
      f.inScope ? f.bonus : null,
      f.score,
      f.rank,
      f.rankGrade,
      f.adjustment ? ADJUSTMENT_LABELS[f.adjustment.kind] : null,
      f.adjustment ? f.adjustment.reason : null,
      f.grade,
      f.hint,
      f.inScope ? "是" : "否",
      f.reason,
      f.notes.length ? f.notes.join("；") : null,
      f.row,
    ]);
  }
  return { rows, numberFormats, formulas };
}

const AGG_ROWS: Array<[keyof AcreEvaluation["aggregates"]["all"], string]> = [
  ["taxPerMu", "亩均税收(万元/亩)"],
  ["revenuePerMu", "亩均营业收入(万元/亩)"],
  ["taxPerTce", "单位能耗税收(万元/吨标煤)"],
  ["laborProductivity", "全员劳动生产率(万元/人)"],
];

/** The 亩均评价汇总 sheet: aggregates, grade counts and the benchmarks used. */
export function summarySheet(ev: AcreEvaluation): OutCell[][] {
  const rows: OutCell[][] = [["项目", "全部参评企业", "规上企业", "规下企业"]];
  rows.push(["参评企业数(户)", ev.aggregates.all.firms, ev.aggregates.aboveScale.firms, ev.aggregates.belowScale.firms]);
  for (const [k, label] of AGG_ROWS) rows.push([label, ev.aggregates.all[k], ev.aggregates.aboveScale[k], ev.aggregates.belowScale[k]]);
  rows.push(["未参评企业数(户)", ev.outOfScope, null, null]);
  rows.push([]);
  rows.push(["评价池", ...GRADES.map((g) => `${g}类(户)`), "不定等级(户)", "合计", "参与排名(户)"]);
  for (const p of ev.pools) {
    const c = ev.grades[p]!;
    rows.push([p, ...GRADES.map((g) => c[g]), c.不定等级, GRADES.reduce((a, g) => a + c[g], 0) + c.不定等级, ev.poolSizes[p] ?? 0]);
  }
  rows.push([]);
  rows.push(["评价池", "指标", "基准值", "权重"]);
  for (const p of ev.pools) {
    for (const d of INDICATORS) {
      const b = ev.benchmarks[p]?.[d.key];
      if (b === undefined) continue;
      const w = p === "全部" ? `${ev.params.weights.规上[d.key] ?? 0} / ${ev.params.weights.规下[d.key] ?? 0}` : ev.params.weights[p][d.key] ?? 0;
      rows.push([p, indicatorHeader(d), b, w]);
    }
  }
  if (ev.notes.length) {
    rows.push([]);
    for (const n of ev.notes) rows.push(["说明", n]);
  }
  return rows;
}

// ---------------------------------------------------------------- JSON (jx acre --json)

export interface AcreJson {
  method: ReturnType<typeof describeParams> & { benchmarks: Partial<Record<PoolName, Partial<Record<IndicatorKey, number>>>> };
  aggregates: {
    all: { taxPerMu: number | null; revenuePerMu: number | null };
    aboveScale: { taxPerMu: number | null; revenuePerMu: number | null; taxPerTce: number | null; laborProductivity: number | null };
  };
  /** Final grades per pool, plus "不定等级". */
  grades: Partial<Record<PoolName, GradeCounts>>;
  firms: Array<{
    name: string | null;
    uscc: string | null;
    scale: "规上" | "规下" | null;
    /** Σ indicator scores + 加分 − 减分. */
    score: number | null;
    rank: number | null;
    /** The final grade. */
    grade: Grade | null;
    inScope: boolean;
    reason: string | null;
    bonus: number;
    rankGrade: Grade | null;
    adjustment: Adjustment | null;
    inZone: boolean;
  }>;
}

/** The `--json` document: firms in input order. */
export function toJson(ev: AcreEvaluation): AcreJson {
  const a = ev.aggregates;
  const grades: AcreJson["grades"] = {};
  for (const p of ev.pools) grades[p] = { ...ev.grades[p]! };
  return {
    method: { ...describeParams(ev.params), benchmarks: ev.benchmarks },
    aggregates: {
      all: { taxPerMu: a.all.taxPerMu, revenuePerMu: a.all.revenuePerMu },
      aboveScale: {
        taxPerMu: a.aboveScale.taxPerMu,
        revenuePerMu: a.aboveScale.revenuePerMu,
        taxPerTce: a.aboveScale.taxPerTce,
        laborProductivity: a.aboveScale.laborProductivity,
      },
    },
    grades,
    firms: ev.firms.map((f) => ({
      name: f.name,
      uscc: f.uscc,
      scale: f.scale,
      score: f.score,
      rank: f.rank,
      grade: f.grade,
      inScope: f.inScope,
      reason: f.reason,
      bonus: f.bonus,
      rankGrade: f.rankGrade,
      adjustment: f.adjustment ? { kind: f.adjustment.kind, reason: f.adjustment.reason } : null,
      inZone: f.inZone,
    })),
  };
}

// ---------------------------------------------------------------- last year's result

export const acreResultSpec: TableSpec = {
  kind: "acreResult",
  title: "亩均评价结果",
  fields: [
    sharedField("name", { required: true }),
    sharedField("uscc"),
    { key: "grade", header: "最终等级", synonyms: ["等级", "评价等级", "评价结果", "类别", "分类", "亩均等级", "评价类别"], required: true, type: "text" },
  ],
};

/** Read last year's result sheet (this tool's or any table with 企业名称 and 等级 columns). */
export function readLastYear(sheet: SheetLike): LastYearFirm[] | { error: string } {
  const t = readTable(sheet, acreResultSpec);
  if (isReadError(t)) return t;
  if (t.missing.length) {
    return { error: `上年结果表“${sheet.name}”缺少列：${t.missing.map((f) => f.header).join("、")} (last year's result lacks columns)` };
  }
  return t.rows.map((r) => ({
    name: r.values.name === null ? null : String(r.values.name),
    uscc: r.values.uscc === null || r.values.uscc === undefined ? null : String(r.values.uscc),
    grade: parseGrade(r.values.grade as CellValue),
  }));
}
