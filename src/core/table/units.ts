/**
 * THE unit table (one place): every unit Jingxin converts, for headers (“产值（千元）”), cells
 * (“1.1亿”) and the 目标 sheet's 单位 column. Money converts to 万元, land to 亩, energy to
 * 吨标煤; counts (户, 人 …) and % are kept as they are. A unit-like text that is not in the
 * table (万美元, 万吨 …) is reported, never silently read as the canonical unit
 * (headers.ts → `unknownUnit`; read.ts makes a required column unusable, skips an optional one).
 *
 * No imports: num.ts (cell parsing) and headers.ts (header parsing) both build on it.
 */

export type UnitDimension = "money" | "land" | "energy" | "count" | "percent";

export interface UnitDef {
  /** Canonical spelling, e.g. 万元, 平方米, 吨标煤. */
  name: string;
  dimension: UnitDimension;
  /** Value in the dimension's base unit = value × num / den (base: 万元, 亩, 吨标煤; 1 for counts and %). */
  num: number;
  den: number;
  /** Other spellings (after removing spaces): ㎡ for 平方米, 吨标准煤 for 吨标煤 … */
  aliases?: string[];
  /** Spellings a cell may end with (“1.1亿”, “300万”) besides the name. */
  cellSuffixes?: string[];
}

/** The table. Ratios are rationals so conversions stay exact (1200 元 = 0.12 万元). */
export const UNITS: readonly UnitDef[] = [
  { name: "元", dimension: "money", num: 1, den: 10000, aliases: ["人民币元", "元人民币"] },
  { name: "千元", dimension: "money", num: 1, den: 10 },
  { name: "万元", dimension: "money", num: 1, den: 1, aliases: ["万", "人民币万元", "万元人民币"], cellSuffixes: ["万"] },
  { name: "百万元", dimension: "money", num: 100, den: 1, cellSuffixes: ["百万"] },
  { name: "千万元", dimension: "money", num: 1000, den: 1, cellSuffixes: ["千万"] },
  { name: "亿元", dimension: "money", num: 10000, den: 1, aliases: ["亿"], cellSuffixes: ["亿"] },
  { name: "亩", dimension: "land", num: 1, den: 1 },
  { name: "平方米", dimension: "land", num: 15, den: 10000, aliases: ["㎡", "m2", "m²", "平米", "M2"] },
  { name: "公顷", dimension: "land", num: 15, den: 1, aliases: ["ha"] },
  { name: "吨标煤", dimension: "energy", num: 1, den: 1, aliases: ["吨标准煤", "tce", "吨标准煤(tce)"] },
  { name: "千克标煤", dimension: "energy", num: 1, den: 1000, aliases: ["千克标准煤", "公斤标准煤", "公斤标煤", "kgce"] },
  { name: "万吨标煤", dimension: "energy", num: 10000, den: 1, aliases: ["万吨标准煤"] },
  { name: "户", dimension: "count", num: 1, den: 1 },
  { name: "家", dimension: "count", num: 1, den: 1 },
  { name: "个", dimension: "count", num: 1, den: 1 },
  { name: "人", dimension: "count", num: 1, den: 1 },
  { name: "项", dimension: "count", num: 1, den: 1 },
  { name: "%", dimension: "percent", num: 1, den: 1, aliases: ["％", "百分比", "百分点"] },
];

const BY_SPELLING = new Map<string, UnitDef>();
for (const u of UNITS) for (const s of [u.name, ...(u.aliases ?? [])]) BY_SPELLING.set(s, u);

const clean = (text: string) => text.replace(/[\s\u3000]+/g, "").replace(/^单位[:：]?/, "");

/** The unit a text names (canonical entry), or null when the table does not know it. */
export function unitOf(text: string | null | undefined): UnitDef | null {
  if (text === null || text === undefined) return null;
  const s = clean(text);
  return BY_SPELLING.get(s) ?? BY_SPELLING.get(s.toLowerCase()) ?? null;
}

/** The canonical spelling of a known unit ("㎡" → 平方米, "亿" → 亿元), else "". */
export function canonicalUnit(text: string | null | undefined): string {
  return unitOf(text)?.name ?? "";
}

/**
 * Whether a text (a header's bracket, a 单位 cell) looks like a unit at all: a known unit, or a
 * short text ending in a measure word (万美元, 万吨, 千瓦时 …). “当年价格”, “组织机构代码” are not.
 */
export function looksLikeUnit(text: string): boolean {
  const s = clean(text);
  if (s === "") return false;
  if (BY_SPELLING.has(s)) return true;
  return s.length <= 8 && /(元|美元|欧元|港元|币|吨|亩|米|公顷|公里|瓦|千瓦时|度|克|煤|升|人|户|家|个|项|台|辆|件|%|％|tce|kgce|kWh)$/i.test(s);
}

export function isMoneyUnit(unit: string): boolean {
  return unitOf(unit)?.dimension === "money";
}

export function isCountUnit(unit: string): boolean {
  return unitOf(unit)?.dimension === "count";
}

/**
 * Whether a value in `from` can be read into a column whose canonical unit is `to`: same
 * dimension, or no canonical unit (then any known unit is kept as written).
 */
export function convertible(from: string, to: string | undefined): boolean {
  const f = unitOf(from);
  if (!f) return false;
  if (!to) return true;
  const t = unitOf(to);
  return !!t && t.dimension === f.dimension;
}

function ratio(from: string, to: string | undefined): [number, number] {
  if (!to || !from || from === to) return [1, 1];
  const f = unitOf(from);
  const t = unitOf(to);
  if (!f || !t || f.dimension !== t.dimension) return [1, 1];
  return [f.num * t.den, f.den * t.num];
}

/** Factor converting a value in `from` to `to`; 1 when equal, unknown or of another dimension. */
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

/** The units a column in `target` may be written in (its dimension's), or every unit when it has none. */
export function unitsLike(target: string | undefined): string[] {
  const t = target ? unitOf(target) : null;
  return UNITS.filter((u) => !t || u.dimension === t.dimension).map((u) => u.name);
}

/** Money suffixes a cell may carry, longest first (千万元 before 万元 before 元). */
export const CELL_MONEY_SUFFIXES: ReadonlyArray<{ suffix: string; unit: UnitDef }> = UNITS.filter((u) => u.dimension === "money")
  .flatMap((u) => [u.name, ...(u.cellSuffixes ?? [])].map((suffix) => ({ suffix, unit: u })))
  .sort((a, b) => b.suffix.length - a.suffix.length);

/** A number for messages: at most 10 significant digits, no binary noise. */
export function formatAmount(n: number): string {
  return String(Number(n.toPrecision(10)));
}

/**
 * A column's value for a message, as it stands in the cell: in the header's unit, with the
 * canonical figure in brackets when the unit differs — “2890000 千元（289000 万元）”.
 * `value` is what the reader gives (already in the canonical unit `to`).
 */
export function showInUnit(value: number, from: string, to: string | undefined): string {
  if (!from || !to || from === to || !convertible(from, to)) return formatAmount(value);
  const written = convertUnit(value, to, from);
  return `${formatAmount(written)} ${from}（${formatAmount(value)} ${to}）`;
}
