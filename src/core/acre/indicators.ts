/**
 * The per-mu indicators (domain.md "The per-mu method"): what each one divides, its label and
 * unit. Per firm and for county aggregates (ratios of sums) the same definition is used.
 */
import { acreRevenue, acreTax, energyTax, laborProductivity } from "../indicators";
import { divide, Result } from "../result";

export type IndicatorKey =
  | "taxPerMu"
  | "revenuePerMu"
  | "taxPerTce"
  | "laborProductivity"
  | "techPerMu"
  | "revenuePerTce"
  | "rndIntensity"
  | "valueAddedPerMu"
  | "valueAddedPerTce"
  | "valueAddedPerEmission"
  | "taxPerKwh";

/** Data fields of the per-mu table used by the indicators. */
export type DataKey = "land" | "tax" | "revenue" | "valueAdded" | "energy" | "employees" | "rnd" | "techInvestment" | "emissions" | "electricity";

export type LaborNumerator = "valueAdded" | "revenue";

export interface IndicatorDef {
  key: IndicatorKey;
  /** zh-CN name, as the 参数 sheet and the result sheet write it. */
  label: string;
  unit: string;
  /** Number format of the indicator column. */
  format: string;
  numerator(labor: LaborNumerator): DataKey;
  denominator: DataKey;
  compute(numerator: number, denominator: number): Result<number>;
  /** Function id of the JX custom function computing it (args: numerator, denominator), if any. */
  functionId?: string;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { key: "taxPerMu", label: "亩均税收", unit: "万元/亩", format: "0.00", numerator: () => "tax", denominator: "land", compute: acreTax, functionId: "ACRE_TAX" },
  {
    key: "revenuePerMu",
    label: "亩均营业收入",
    unit: "万元/亩",
    format: "0.00",
    numerator: () => "revenue",
    denominator: "land",
    compute: acreRevenue,
    functionId: "ACRE_REVENUE",
  },
  { key: "taxPerTce", label: "单位能耗税收", unit: "万元/吨标煤", format: "0.000", numerator: () => "tax", denominator: "energy", compute: energyTax, functionId: "ENERGY_TAX" },
  {
    key: "laborProductivity",
    label: "全员劳动生产率",
    unit: "万元/人",
    format: "0.00",
    numerator: (labor) => labor,
    denominator: "employees",
    compute: laborProductivity,
    functionId: "LABOR_PRODUCTIVITY",
  },
  { key: "techPerMu", label: "亩均技改投资", unit: "万元/亩", format: "0.00", numerator: () => "techInvestment", denominator: "land", compute: acreRevenue },
  { key: "revenuePerTce", label: "单位能耗营业收入", unit: "万元/吨标煤", format: "0.00", numerator: () => "revenue", denominator: "energy", compute: energyTax },
  { key: "rndIntensity", label: "研发经费投入强度", unit: "", format: "0.00%", numerator: () => "rnd", denominator: "revenue", compute: (a, b) => divide(a, b, "营业收入", "revenue") },
  // the 黄岩 indicators (评价方案 黄岩2022, docs/acre.md)
  { key: "valueAddedPerMu", label: "亩均增加值", unit: "万元/亩", format: "0.00", numerator: () => "valueAdded", denominator: "land", compute: acreRevenue },
  { key: "valueAddedPerTce", label: "单位能耗增加值", unit: "万元/吨标煤", format: "0.000", numerator: () => "valueAdded", denominator: "energy", compute: energyTax },
  {
    key: "valueAddedPerEmission",
    label: "单位排放增加值",
    unit: "万元/吨",
    format: "0.00",
    numerator: () => "valueAdded",
    denominator: "emissions",
    compute: (a, b) => divide(a, b, "主要污染物排放量", "emissions"),
  },
  { key: "taxPerKwh", label: "单位用电税收", unit: "万元/万千瓦时", format: "0.000", numerator: () => "tax", denominator: "electricity", compute: (a, b) => divide(a, b, "用电量", "electricity") },
];

export const INDICATOR_KEYS: readonly IndicatorKey[] = INDICATORS.map((d) => d.key);

export function indicatorDef(key: IndicatorKey): IndicatorDef {
  return INDICATORS.find((d) => d.key === key)!;
}

/** zh-CN label of each data field (for reasons and messages). */
export const DATA_LABELS: Record<DataKey, string> = {
  land: "用地面积",
  tax: "实缴税金",
  revenue: "营业收入",
  valueAdded: "工业增加值",
  energy: "综合能耗",
  employees: "年平均从业人员",
  rnd: "研发经费",
  techInvestment: "技改投资",
  emissions: "主要污染物排放量",
  electricity: "用电量",
};

/** Header with unit, e.g. 亩均税收(万元/亩). */
export function indicatorHeader(d: IndicatorDef): string {
  return d.unit ? `${d.label}(${d.unit})` : d.label;
}
