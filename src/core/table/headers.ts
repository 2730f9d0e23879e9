/**
 * Header text normalisation and unit recognition. One place decides when two headers
 * mean the same column: "1—本月工业总产值（万元）" and "1-本月工业总产值" do.
 */
import { toHalfWidth } from "../num";

export interface NormalizedHeader {
  /** The header without spaces, units or punctuation variants. */
  name: string;
  /** A unit given in brackets or after a slash, e.g. 万元, 亩, 平方米; "" when none. */
  unit: string;
}

const UNIT_WORDS = ["万元", "千元", "亿元", "元", "亩", "平方米", "㎡", "m2", "m²", "公顷", "吨标煤", "吨标准煤", "tce", "人", "户", "%", "个"];

export function normalizeHeader(raw: unknown): NormalizedHeader {
  if (raw === null || raw === undefined) return { name: "", unit: "" };
  let s = toHalfWidth(String(raw)).replace(/[\s\r\n]+/g, "");
  // dash variants between 1 and 本月 (1—本月, 1~本月, 1至本月, 1－本月)
  s = s.replace(/[—–−~～]/g, "-").replace(/^(上年同期)?1至/, "$11-").replace(/(1)至(本月|\d+月)/g, "$1-$2");
  let unit = "";
  const br = /[(\[【]([^)\]】]*)[)\]】]/g;
  s = s.replace(br, (_m, inner: string) => {
    const u = inner.replace(/^单位[:：]?/, "");
    if (UNIT_WORDS.includes(u) && !unit) unit = u;
    return "";
  });
  const slash = /[/／]([^/／]+)$/.exec(s);
  if (slash && UNIT_WORDS.includes(slash[1])) {
    unit = unit || slash[1];
    s = s.slice(0, slash.index);
  }
  s = s.replace(/[:：*＊#]/g, "");
  // A month written into the header stands for the report month: 1-10月工业总产值 is
  // 1-本月工业总产值, 10月工业总产值 is 本月工业总产值 — only with more text after it, so a
  // pool's 10月 column stays itself.
  s = s.replace(/(^|[^\d])1-(\d{1,2})月(?!份)/, "$11-本月").replace(/^(上年同期)?(\d{1,2})月(?=[^\d份])/, "$1本月");
  return { name: s, unit: unit === "㎡" || unit === "m2" || unit === "m²" ? "平方米" : unit === "吨标准煤" ? "吨标煤" : unit };
}

/** Units as rationals of the canonical unit, so conversions stay exact (1200 元 = 0.12 万元). */
const MONEY: Record<string, [number, number]> = { 元: [1, 10000], 千元: [1, 10], 万元: [1, 1], 百万元: [100, 1], 千万元: [1000, 1], 亿元: [10000, 1] };

/** A money unit the readers convert (元, 千元, 万元, 百万元, 千万元, 亿元). */
export function isMoneyUnit(unit: string): boolean {
  return unit in MONEY;
}
const LAND: Record<string, [number, number]> = { 平方米: [15, 10000], 亩: [1, 1], 公顷: [15, 1] };

function ratio(from: string, to: string | undefined): [number, number] {
  if (!to || !from || from === to) return [1, 1];
  for (const table of [MONEY, LAND]) {
    if (from in table && to in table) return [table[from][0] * table[to][1], table[from][1] * table[to][0]];
  }
  return [1, 1];
}

/** Factor converting a value in `from` to the canonical unit `to`; 1 when unknown or equal. */
export function unitFactor(from: string, to: string | undefined): number {
  const [n, d] = ratio(from, to);
  return n / d;
}

/** Convert a value from one unit to another exactly (multiply, then divide). */
export function convertUnit(value: number, from: string, to: string | undefined): number {
  const [n, d] = ratio(from, to);
  // 15 significant digits drop the binary noise of the product (39.16 亿元 → 391600, not 391599.99999999994).
  return n === d ? value : Number(((value * n) / d).toPrecision(15));
}
