/**
 * Parameters of the per-mu evaluation, kept in the workbook's 参数 sheet: a two-column
 * 参数 | 值 layout (a third column 说明 is a note for staff and is not read). Rows whose
 * name this module does not know are left alone, so other features may keep their own
 * parameters on the same sheet. Defaults: domain.md "The per-mu method".
 */
import { CellValue, parseNumber, toHalfWidth } from "../num";
import { isError } from "../result";
import { normalizeShares, Grade } from "./grade";
import { INDICATORS, IndicatorKey, LaborNumerator } from "./indicators";
import { Scale, SCALES } from "./spec";

export type Method = "ratio" | "minmax";
export type BenchmarkRule = "pool" | "fixed";
export type LandUnit = "亩" | "平方米";
/** 缺项处理: a missing indicator leaves the firm out (不参评), scores the pool's average score for it (按池平均分, 黄岩) or scores 0 (按零分). */
export type MissingPolicy = "exclude" | "poolAverage" | "zero";
/** 税收口径: the tax used is 实缴税金, or 实缴税金 + 留抵退税 (加回留抵退税). */
export type TaxBasis = "paid" | "addRefund";
/** 分档方式: by rank shares (按比例) or by score lines (按分数线). */
export type GradingMode = "shares" | "lines";
/** 评价方案: Jingxin's defaults, or a published method (docs/acre.md cites each). */
export type PresetName = "默认" | "黄岩2022";

/** A cell value as written (no undefined): the port's representation. */
export type OutCell = CellValue;

export type PerIndicator = Partial<Record<IndicatorKey, number>>;

export interface AcreParams {
  /** ratio: Σ wᵢ·xᵢ/bᵢ (黄岩/淮安); minmax: Σ wᵢ·[20 + 80 (x − min)/(max − min)]/100 (旌德). */
  method: Method;
  /** Weights per scale; an indicator is in use for a scale when its weight is > 0. */
  weights: Record<Scale, PerIndicator>;
  /** pool: the evaluated pool's ratio of sums; fixed: the values in `fixedBenchmarks`. */
  benchmark: BenchmarkRule;
  fixedBenchmarks: Record<Scale, PerIndicator>;
  /** Cap on xᵢ/bᵢ per indicator (2 = at most twice the weight); absent = none. Ratio method only. */
  caps: PerIndicator;
  /** Class shares A, B, C, D (sum 1). */
  shares: number[];
  /** Rank 规上 and 规下 in separate pools (default) or together in one pool 全部. */
  separatePools: boolean;
  /** Coverage: 规下 firms need at least this many 亩. */
  minLandBelowScale: number;
  /** Unit of the land column when its header names none. */
  landUnit: LandUnit;
  /** Numerator of 全员劳动生产率: 工业增加值 (NBS) or 营业收入. */
  laborNumerator: LaborNumerator;
  /** Policy hint per grade. */
  hints: Record<Grade, string>;
  /** 缺项处理. */
  missing: MissingPolicy;
  /** 税收口径. */
  taxBasis: TaxBasis;
  /** 分档方式. */
  grading: GradingMode;
  /** A类分数线, B类分数线, C类分数线 (按分数线: A if score ≥ A's line …, else D). */
  scoreLines: [number, number, number];
  /** 评价方案 the parameters come from. */
  preset: PresetName;
}

export const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

export function defaultParams(): AcreParams {
  return {
    method: "ratio",
    weights: {
      规上: { taxPerMu: 50, revenuePerMu: 25, taxPerTce: 15, laborProductivity: 10 },
      规下: { taxPerMu: 100 },
    },
    benchmark: "pool",
    fixedBenchmarks: { 规上: {}, 规下: {} },
    caps: {},
    shares: [0.2, 0.45, 0.3, 0.05],
    separatePools: true,
    minLandBelowScale: 3,
    landUnit: "亩",
    laborNumerator: "valueAdded",
    hints: { A: "优先发展", B: "鼓励提升", C: "帮扶转型", D: "整治提升" },
    missing: "exclude",
    taxBasis: "paid",
    grading: "shares",
    // Jingxin's choice (no published line found): 100 is the pool's own level under 比值法
    scoreLines: [120, 90, 60],
    preset: "默认",
  };
}

/**
 * Published methods (docs/acre.md cites each): the parameters each one sets. 黄岩2022 — 黄岩区
 * 2022年度工业企业综合评价得分计算说明: 规上 亩均税收 30, 亩均增加值 20, 单位能耗增加值 20, 单位排放增加值
 * 10, 全员劳动生产率 10 (工业增加值/年平均职工人数), R&D经费占主营业务收入比重 10; 规下 亩均税收 50,
 * 单位用电税收 50; score = Σ 指标值/基准值 × 权重 (no cap); a firm without emission data gets the
 * pool's average score of that indicator.
 */
export const PRESETS: Record<Exclude<PresetName, "默认">, (p: AcreParams) => void> = {
  黄岩2022: (p) => {
    p.method = "ratio";
    p.weights = {
      规上: { taxPerMu: 30, valueAddedPerMu: 20, valueAddedPerTce: 20, valueAddedPerEmission: 10, laborProductivity: 10, rndIntensity: 10 },
      规下: { taxPerMu: 50, taxPerKwh: 50 },
    };
    p.caps = {};
    p.laborNumerator = "valueAdded";
    p.missing = "poolAverage";
  },
};

/** The parameters of a preset (默认 = defaultParams()). */
export function presetParams(name: PresetName): AcreParams {
  const p = defaultParams();
  if (name !== "默认") {
    PRESETS[name](p);
    p.preset = name;
  }
  return p;
}

/** Indicators with a positive weight for a scale, in display order. */
export function indicatorsInUse(params: AcreParams, scale: Scale): IndicatorKey[] {
  return INDICATORS.map((d) => d.key).filter((k) => (params.weights[scale][k] ?? 0) > 0);
}

/** Indicators in use for any scale, in display order. */
export function allIndicatorsInUse(params: AcreParams): IndicatorKey[] {
  return INDICATORS.map((d) => d.key).filter((k) => SCALES.some((s) => (params.weights[s][k] ?? 0) > 0));
}

// ---------------------------------------------------------------- the 参数 sheet

export const PARAM_HEADER = ["参数", "值", "说明"];

const METHOD_NAMES: Record<Method, string> = { ratio: "比值法", minmax: "极差法" };
const BENCHMARK_NAMES: Record<BenchmarkRule, string> = { pool: "评价池比值", fixed: "固定值" };
const LABOR_NAMES: Record<LaborNumerator, string> = { valueAdded: "工业增加值", revenue: "营业收入" };

const N = {
  method: "亩均评价方法",
  benchmark: "亩均基准值",
  separate: "规上规下分开排名",
  minLand: "规下企业用地下限(亩)",
  landUnit: "用地面积单位",
  labor: "劳动生产率分子",
  share: (g: Grade) => `${g}类比例`,
  hint: (g: Grade) => `${g}类政策导向`,
  weight: (s: Scale, label: string) => `${s}权重:${label}`,
  fixed: (s: Scale, label: string) => `${s}基准值:${label}`,
  cap: (label: string) => `封顶倍数:${label}`,
  preset: "评价方案",
  missing: "缺项处理",
  taxBasis: "税收口径",
  grading: "分档方式",
  line: (g: Grade) => `${g}类分数线`,
};

const MISSING_NAMES: Record<MissingPolicy, string> = { exclude: "不参评", poolAverage: "按池平均分", zero: "按零分" };
const TAX_BASIS_NAMES: Record<TaxBasis, string> = { paid: "实缴税金", addRefund: "加回留抵退税" };
const GRADING_NAMES: Record<GradingMode, string> = { shares: "按比例", lines: "按分数线" };

/** Name of a grade's policy-hint row in the 参数 sheet. */
export function hintParamName(g: Grade): string {
  return N.hint(g);
}

/** Rows of the 参数 sheet (header first) holding `params`. */
export function paramRows(params: AcreParams = defaultParams()): OutCell[][] {
  const rows: OutCell[][] = [PARAM_HEADER];
  rows.push([N.method, METHOD_NAMES[params.method], "比值法：Σ权重×指标值/基准值；极差法：权重×[20+80×(x−最小值)/(最大值−最小值)]/100 (ratio | min–max)"]);
  rows.push([N.benchmark, BENCHMARK_NAMES[params.benchmark], "评价池比值：本池企业合计数之比（如Σ税收/Σ用地）；固定值：填写下方“基准值”行 (pool ratio of sums | fixed)"]);
  rows.push([N.separate, params.separatePools ? "是" : "否", "是：规上、规下分别排名评级；否：合并排名 (rank the two scales separately)"]);
  rows.push([N.minLand, params.minLandBelowScale, "用地少于此面积的规下企业不参评 (below-scale firms on less land are out of scope)"]);
  rows.push([N.landUnit, params.landUnit, "用地列表头未注明单位时采用：亩 或 平方米 (unit of the land column when its header names none)"]);
  rows.push([N.labor, LABOR_NAMES[params.laborNumerator], "全员劳动生产率的分子：工业增加值 或 营业收入 (numerator of labour productivity)"]);
  for (const [i, g] of GRADES.entries()) rows.push([N.share(g), params.shares[i], i === 0 ? "按排名划分等级的比例，合计 100% (class shares by rank)" : null]);
  for (const s of SCALES) {
    for (const d of INDICATORS) {
      rows.push([N.weight(s, d.label), params.weights[s][d.key] ?? 0, d.key === INDICATORS[0].key ? "权重为 0 的指标不参与评价 (a zero weight leaves the indicator out)" : null]);
    }
  }
  for (const s of SCALES) {
    for (const d of INDICATORS) {
      if ((params.weights[s][d.key] ?? 0) <= 0 && params.fixedBenchmarks[s][d.key] === undefined) continue;
      rows.push([N.fixed(s, d.label), params.fixedBenchmarks[s][d.key] ?? null, `仅当“${N.benchmark}”为固定值时使用，${d.unit || "比值"} (used with fixed benchmarks)`]);
    }
  }
  for (const d of INDICATORS) {
    const inUse = SCALES.some((s) => (params.weights[s][d.key] ?? 0) > 0);
    if (!inUse && params.caps[d.key] === undefined) continue;
    rows.push([N.cap(d.label), params.caps[d.key] ?? null, "指标值/基准值的上限，如 2 即最多得 2 倍权重；空白为不封顶 (cap on value/benchmark; blank = none)"]);
  }
  for (const g of GRADES) rows.push([N.hint(g), params.hints[g], null]);
  // rows of 定档调档 and the published methods (docs/acre.md), after the older rows
  rows.push([N.preset, params.preset, `默认 | ${Object.keys(PRESETS).join(" | ")}：选用已发布的评价办法，其设定的参数以方案为准 (a published method; the parameters it sets follow it)`]);
  rows.push([N.missing, MISSING_NAMES[params.missing], "指标数据缺失的企业：不参评 | 按池平均分（该项得本池平均分，黄岩）| 按零分 (a missing indicator: out of scope | the pool's average score | 0)"]);
  rows.push([N.taxBasis, TAX_BASIS_NAMES[params.taxBasis], "实缴税金 | 加回留抵退税（实缴税金+留抵退税，需“留抵退税”列）(tax as paid | paid + VAT credit refund)"]);
  rows.push([N.grading, GRADING_NAMES[params.grading], "按比例：按排名比例分 A/B/C/D；按分数线：得分 ≥ A类分数线为 A，依次类推 (by rank shares | by score lines)"]);
  for (const [i, g] of GRADES.slice(0, 3).entries()) rows.push([N.line(g), params.scoreLines[i], i === 0 ? "仅当分档方式为按分数线时使用，A ≥ B ≥ C (used with score lines)" : null]);
  return rows;
}

function keyOf(raw: CellValue): string {
  return toHalfWidth(String(raw ?? ""))
    .replace(/\s+/g, "")
    .replace(/[：:·\-—]/g, ":")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

function textOf(raw: CellValue): string {
  return toHalfWidth(String(raw ?? "")).trim();
}

const YES = new Set(["是", "y", "yes", "true", "1"]);
const NO = new Set(["否", "n", "no", "false", "0"]);

/**
 * Names staff may type for a parameter, besides the canonical ones written by paramRows:
 * 评价方法 for 亩均评价方法, A类占比/A级比例 for A类比例, 规上亩均税收权重 or 亩均税收权重(规上) for
 * 规上权重:亩均税收, 分开排名 for 规上规下分开排名, and the inverse 合并排名 (是 = one pool), or
 * 排名方式 = 分开 | 合并. Returns the canonical (keyOf) name and the value in its terms.
 */
export function canonicalParam(k: string, value: CellValue): { key: string; value: CellValue } | null {
  if (!k) return null;
  const key = (name: string) => ({ key: keyOf(name), value });
  if (/^(评价方法|评分方法|计分方法|亩均评价计分方法|亩均评分方法)$/.test(k)) return key(N.method);
  if (/^(基准值|基准值规则|基准值取值|亩均基准值规则|基准)$/.test(k)) return key(N.benchmark);
  if (/^(规上规下)?(是否)?(分开|分别|单独)(排名|评价|评级)$/.test(k) || /^规上(和|与)规下(是否)?(分开|分别)(排名|评价|评级)$/.test(k)) return key(N.separate);
  if (/^(规上规下)?(是否)?(合并|统一|一起)(排名|评价|评级)$/.test(k)) {
    const t = textOf(value).toLowerCase();
    return { key: keyOf(N.separate), value: YES.has(t) ? "否" : NO.has(t) ? "是" : value };
  }
  if (/^排名(方式|方法)$/.test(k)) {
    const t = textOf(value);
    return { key: keyOf(N.separate), value: /分开|分别|单独/.test(t) ? "是" : /合并|统一|一起/.test(t) ? "否" : value };
  }
  if (/^(规下(企业)?(用地|占地)(面积)?下限|规下(企业)?参评用地下限|参评用地下限|用地下限)(\(亩\))?$/.test(k)) return key(N.minLand);
  if (/^(用地单位|土地面积单位|用地面积的单位)$/.test(k)) return key(N.landUnit);
  if (/^(亩均)?(评价方案|评价办法|方案)$/.test(k)) return key(N.preset);
  if (/^(缺项|缺失指标|指标缺失|缺项指标)(处理|处理方式|规则)?$/.test(k)) return key(N.missing);
  if (/^(税收|计税|评价税收)(口径)$/.test(k)) return key(N.taxBasis);
  if (/^(分档|分类|定档|等级划分)(方式|方法|依据)$/.test(k)) return key(N.grading);
  const line = /^([ABCabc])(类|级|等|档)?(企业)?(分数线|最低分|得分线|分数下限)$/.exec(k);
  if (line) return key(N.line(line[1].toUpperCase() as Grade));
  const share = /^([ABCDabcd])(类|级|等|档)?(企业)?(比例|占比|比重)(\(%\))?$/.exec(k);
  if (share) return key(N.share(share[1].toUpperCase() as Grade));
  for (const s of SCALES) {
    for (const d of INDICATORS) {
      const l = d.label;
      if (k === keyOf(N.weight(s, l))) return { key: k, value };
      if (k === `${s}${l}权重` || k === `${s}企业${l}权重` || k === `${l}权重(${s})` || k === `${l}权重(${s}企业)` || k === `${s}:${l}权重` || k === `${s}权重${l}`) {
        return key(N.weight(s, l));
      }
      if (k === `${s}${l}基准值` || k === `${l}基准值(${s})` || k === `${s}:${l}基准值`) return key(N.fixed(s, l));
    }
  }
  for (const d of INDICATORS) {
    if (k === `${d.label}封顶倍数` || k === `封顶倍数(${d.label})` || k === `${d.label}封顶`) return key(N.cap(d.label));
  }
  return { key: k, value };
}

export interface ParamsRead {
  params: AcreParams;
  /** Whether the sheet held any per-mu parameter (false → it should be created/extended with defaults). */
  found: boolean;
  /** Problems with typed values (the default was used instead), zh-CN with English gloss. */
  warnings: string[];
  /** 1-based index (within the values read) of each grade's policy-hint row, when present (the pane edits them). */
  hintRows: Partial<Record<Grade, number>>;
}

/** Read the per-mu parameters from the values of a 参数 sheet; unknown rows are ignored, bad values fall back to defaults with a warning. */
export function readParams(values: CellValue[][] | null | undefined): ParamsRead {
  const params = defaultParams();
  const warnings: string[] = [];
  if (!values) return { params, found: false, warnings, hintRows: {} };
  const map = new Map<string, { value: CellValue; row: number }>();
  values.forEach((line, i) => {
    const alias = canonicalParam(keyOf(line?.[0] ?? null), line?.[1] ?? null);
    if (!alias) return;
    const { key: k, value } = alias;
    const prev = map.get(k);
    // the first non-blank value of a name wins (a name typed again below a blank row still counts)
    if (!prev || (textOf(prev.value) === "" && textOf(value) !== "")) map.set(k, { value, row: i + 1 });
  });
  let found = false;
  const get = (name: string) => {
    const e = map.get(keyOf(name));
    if (e) found = true;
    return e;
  };
  const bad = (name: string, e: { value: CellValue; row: number }, expected: string) =>
    warnings.push(`参数“${name}”(第 ${e.row} 行) 的值“${textOf(e.value)}”无效，应为${expected}，已用默认值 (invalid value for ${name}; the default is used)`);
  const num = (name: string, e: { value: CellValue; row: number } | undefined, min = 0): number | undefined | null => {
    if (!e) return undefined;
    const p = parseNumber(e.value);
    if (p.kind === "blank") return null;
    if (p.kind === "number" && p.value >= min) return p.value;
    bad(name, e, `不小于 ${min} 的数值`);
    return undefined;
  };
  const choice = <T extends string>(name: string, table: Record<string, T>, expected: string): T | undefined => {
    const e = get(name);
    if (!e || textOf(e.value) === "") return undefined;
    const v = table[textOf(e.value).toLowerCase()];
    if (v === undefined) bad(name, e, expected);
    return v;
  };

  params.method =
    choice(N.method, { 比值法: "ratio", 比值: "ratio", ratio: "ratio", 基准值法: "ratio", 极差法: "minmax", 极值法: "minmax", minmax: "minmax", "min-max": "minmax", 最大最小值法: "minmax" }, "比值法或极差法") ??
    params.method;
  params.benchmark = choice(N.benchmark, { 评价池比值: "pool", 池比值: "pool", 比值: "pool", pool: "pool", 固定值: "fixed", 固定: "fixed", fixed: "fixed" }, "评价池比值或固定值") ?? params.benchmark;
  const sep = choice(N.separate, { 是: "y", y: "y", yes: "y", true: "y", "1": "y", 分开: "y", 分别: "y", 否: "n", n: "n", no: "n", false: "n", "0": "n", 合并: "n" }, "是或否");
  if (sep) params.separatePools = sep === "y";
  const ml = num(N.minLand, get(N.minLand));
  if (typeof ml === "number") params.minLandBelowScale = ml;
  else if (ml === null) params.minLandBelowScale = 0;
  params.landUnit = choice(N.landUnit, { 亩: "亩", 平方米: "平方米", "㎡": "平方米", m2: "平方米", "m²": "平方米" }, "亩或平方米") ?? params.landUnit;
  params.laborNumerator = choice(N.labor, { 工业增加值: "valueAdded", 增加值: "valueAdded", valueadded: "valueAdded", 营业收入: "revenue", revenue: "revenue" }, "工业增加值或营业收入") ?? params.laborNumerator;

  // shares: read all four; invalid as a set → defaults with a warning
  const shareEntries = GRADES.map((g) => get(N.share(g)));
  if (shareEntries.some((e) => e)) {
    const vals = GRADES.map((g, i) => {
      const e = shareEntries[i];
      if (!e) return null;
      const p = parseNumber(e.value);
      return p.kind === "number" ? p.value : null;
    });
    let s: number[] | null = vals.every((v) => v !== null) ? (vals as number[]) : vals[3] === null && vals.slice(0, 3).every((v) => v !== null) ? (vals.slice(0, 3) as number[]) : null;
    if (s && s.some((v) => v > 1) && Math.abs(s.reduce((a, b) => a + b, 0) - 100) < 1e-9) s = s.map((v) => v / 100);
    const norm = s ? normalizeShares(s) : null;
    if (norm && !isError(norm)) params.shares = norm;
    else warnings.push(`等级比例无效${norm && isError(norm) ? `：${norm.message}` : ""}，已用默认 20%/45%/30%/5% (invalid class shares; the defaults are used)`);
  }

  for (const s of SCALES) {
    for (const d of INDICATORS) {
      const name = N.weight(s, d.label);
      const w = num(name, get(name));
      if (typeof w === "number" && w > 0) params.weights[s][d.key] = w;
      else if (w === null || w === 0) delete params.weights[s][d.key];
      const fname = N.fixed(s, d.label);
      const f = num(fname, get(fname));
      if (typeof f === "number") params.fixedBenchmarks[s][d.key] = f;
    }
  }
  for (const d of INDICATORS) {
    const name = N.cap(d.label);
    const c = num(name, get(name));
    if (typeof c === "number" && c > 0) params.caps[d.key] = c;
    else if (c === 0) warnings.push(`参数“${name}”为 0，视为不封顶 (a zero cap means no cap)`);
  }
  const hintRows: Partial<Record<Grade, number>> = {};
  for (const g of GRADES) {
    const e = get(N.hint(g));
    if (e) hintRows[g] = e.row;
    if (e && textOf(e.value) !== "") params.hints[g] = textOf(e.value);
  }
  params.missing = choice(N.missing, { 不参评: "exclude", 剔除: "exclude", 按池平均分: "poolAverage", 按平均分: "poolAverage", 平均分: "poolAverage", 按零分: "zero", 零分: "zero", 按0分: "zero" }, "不参评、按池平均分或按零分") ?? params.missing;
  params.taxBasis = choice(N.taxBasis, { 实缴税金: "paid", 实缴: "paid", 加回留抵退税: "addRefund", 含留抵退税: "addRefund", "实缴税金+留抵退税": "addRefund" }, "实缴税金或加回留抵退税") ?? params.taxBasis;
  params.grading = choice(N.grading, { 按比例: "shares", 比例: "shares", 按排名: "shares", 按分数线: "lines", 分数线: "lines", 按得分: "lines" }, "按比例或按分数线") ?? params.grading;
  const lines = GRADES.slice(0, 3).map((g) => num(N.line(g), get(N.line(g))));
  const typedLines = lines.map((v, i) => (typeof v === "number" ? v : params.scoreLines[i])) as [number, number, number];
  if (typedLines[0] >= typedLines[1] && typedLines[1] >= typedLines[2]) params.scoreLines = typedLines;
  else warnings.push(`分数线应满足 A类分数线 ≥ B类分数线 ≥ C类分数线（实为 ${typedLines.join("、")}），已用默认 ${params.scoreLines.join("、")} (score lines must be A ≥ B ≥ C; the defaults are used)`);
  const presetEntry = get(N.preset);
  const presetText = presetEntry ? textOf(presetEntry.value).replace(/\s+/g, "") : "";
  if (presetText !== "" && presetText !== "默认") {
    const name = (Object.keys(PRESETS) as Array<keyof typeof PRESETS>).find((n) => n === presetText || n.replace(/\d+$/, "") === presetText);
    if (name) {
      PRESETS[name](params);
      params.preset = name;
    } else bad(N.preset, presetEntry!, `默认或${Object.keys(PRESETS).join("、")}`);
  }
  for (const s of SCALES) {
    if (!Object.values(params.weights[s]).some((w) => (w ?? 0) > 0)) {
      warnings.push(`${s}企业没有权重大于 0 的指标，已用默认权重 (no indicator has a positive weight for ${s} firms; the default weights are used)`);
      params.weights[s] = { ...defaultParams().weights[s] };
    }
  }
  return { params, found, warnings, hintRows };
}

/** Parameters as recorded in a result (CLI JSON `method`, pane): plain data, English keys. */
export function describeParams(params: AcreParams) {
  return {
    method: params.method,
    indicators: allIndicatorsInUse(params),
    weights: { 规上: pick(params.weights.规上), 规下: pick(params.weights.规下) },
    benchmark: params.benchmark,
    caps: pick(params.caps),
    shares: [...params.shares],
    separatePools: params.separatePools,
    minLandBelowScale: params.minLandBelowScale,
    landUnit: params.landUnit,
    laborNumerator: params.laborNumerator,
    hints: { ...params.hints },
    preset: params.preset,
    missing: params.missing,
    taxBasis: params.taxBasis,
    grading: params.grading,
    scoreLines: [...params.scoreLines],
  };
}

function pick(p: PerIndicator): PerIndicator {
  const out: PerIndicator = {};
  for (const d of INDICATORS) if (p[d.key] !== undefined && (p[d.key] as number) !== 0) out[d.key] = p[d.key];
  return out;
}
