/**
 * Who is evaluated (domain.md §4, docs/acre.md): a firm is out of scope, with its reason, when
 * the name is blank; 规模 is not 规上/规下; the land is blank, not a number or ≤ 0 (无用地); a
 * 规下 firm has less than the minimum land (default 3 亩); a datum needed by an indicator in use
 * for its scale is blank or unreadable; or a denominator of such an indicator is 0 (e.g. 综合能耗 0
 * → 单位能耗税收 undefined: an industrial firm reporting zero energy is treated as missing data,
 * never scored 0 or ∞).
 */
import { DATA_LABELS, DataKey, indicatorDef, IndicatorKey } from "./indicators";
import { AcreFirmInput, ScopeCode } from "./model";
import { AcreParams, indicatorsInUse } from "./params";
import { Scale, SCALES } from "./spec";

export const DATA_KEYS: DataKey[] = ["land", "tax", "revenue", "valueAdded", "energy", "employees", "rnd", "techInvestment", "emissions", "electricity"];

export function reasonText(code: ScopeCode, detail: string, params: AcreParams): string {
  switch (code) {
    case "noName":
      return "缺少企业名称 (no firm name)";
    case "noScale":
      return `规模应为“规上”或“规下”${detail ? `，实为“${detail}”` : "，为空"} (scale must be 规上 or 规下)`;
    case "noLand":
      return `无用地面积${detail ? `：${detail}` : ""} (no land)`;
    case "belowMinLand":
      return `规下企业用地不足 ${params.minLandBelowScale} 亩（${detail} 亩）(below ${params.minLandBelowScale} 亩)`;
    case "missingData":
      return `数据缺失：${detail} (missing data)`;
    case "zeroDenominator":
      return `${detail} (zero denominator: treated as missing data)`;
  }
}

export function fmt(n: number): string {
  return String(Number(n.toPrecision(6)));
}

/** What the evaluation needs per scale, computed once: indicators in use with weight, numerator, denominator. */
export interface Use {
  key: IndicatorKey;
  weight: number;
  num: DataKey;
  den: DataKey;
  opts: { cap?: number };
}

export function usesOf(params: AcreParams): Record<Scale, Use[]> {
  const out = {} as Record<Scale, Use[]>;
  for (const s of SCALES) {
    out[s] = indicatorsInUse(params, s).map((k) => {
      const d = indicatorDef(k);
      return { key: k, weight: params.weights[s][k]!, num: d.numerator(params.laborNumerator), den: d.denominator, opts: params.caps[k] !== undefined ? { cap: params.caps[k] } : {} };
    });
  }
  return out;
}

/** Scope of one firm: null when in scope, else the code and its detail text. */
export function scopeOf(f: AcreFirmInput, scale: Scale | null, data: Record<DataKey, number | null>, params: AcreParams, uses: Record<Scale, Use[]>): [ScopeCode, string] | null {
  if (!f.name || String(f.name).trim() === "") return ["noName", ""];
  if (!scale) return ["noScale", f.scale === null || f.scale === undefined ? "" : String(f.scale)];
  if (data.land === null || data.land <= 0) {
    const why = f.invalid?.land ?? (data.land === null ? "" : `用地面积为 ${fmt(data.land)}`);
    return ["noLand", why];
  }
  if (scale === "规下" && data.land < params.minLandBelowScale && !f.inZone) return ["belowMinLand", fmt(data.land)];
  // 缺项处理 other than 不参评: a missing indicator is scored by the policy (pools.ts), the firm stays in
  if (params.missing !== "exclude") return null;
  let missing: DataKey[] | null = null;
  for (const u of uses[scale]) {
    for (const key of [u.num, u.den]) {
      if (data[key] === null && !(missing ??= []).includes(key)) missing.push(key);
    }
  }
  if (missing) return ["missingData", missingText(missing, f)];
  for (const u of uses[scale]) {
    if (data[u.den] === 0) return ["zeroDenominator", `${DATA_LABELS[u.den]}为 0，无法计算${indicatorDef(u.key).label}`];
  }
  return null;
}

/** The missing data as a list, with why a cell could not be read. */
export function missingText(keys: DataKey[], f: AcreFirmInput): string {
  return keys.map((k) => (f.invalid?.[k] ? `${DATA_LABELS[k]}（${f.invalid[k]}）` : DATA_LABELS[k])).join("、");
}

const num = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The data as used: the tax per 税收口径 (加回留抵退税: 实缴税金 + 留抵退税, a blank refund counting 0). */
export function toData(f: AcreFirmInput, params: AcreParams): Record<DataKey, number | null> {
  const tax = num(f.tax);
  return {
    land: num(f.land),
    tax: tax !== null && params.taxBasis === "addRefund" ? tax + (num(f.vatRefund) ?? 0) : tax,
    revenue: num(f.revenue),
    valueAdded: num(f.valueAdded),
    energy: num(f.energy),
    employees: num(f.employees),
    rnd: num(f.rnd),
    techInvestment: num(f.techInvestment),
    emissions: num(f.emissions),
    electricity: num(f.electricity),
  };
}

/** 加分 − 减分 (blank = 0). */
export function bonusOf(f: AcreFirmInput): number {
  return (num(f.bonus) ?? 0) - (num(f.penalty) ?? 0);
}
