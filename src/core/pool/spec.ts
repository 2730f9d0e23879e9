/**
 * The cultivation pool (培育库) table kind: one spec, read by core/table/readTable and used
 * by the pool pane, the CLI, validation and the template.
 *
 * Canonical headers (the template writes them in this order):
 *   企业名称 | 统一社会信用代码 | 乡镇/园区 | 培育层级 | 包保领导 | 入库日期 | 状态 | 上年营业收入 |
 *   1月 … 12月 [| 上年1月 … 上年12月] [| 研发经费 (last year's, for 专精特新's R&D share)]
 * or, instead of the months, 1-本月营业收入 with a 月份 column.
 * Amounts in 万元 (a header unit such as “(千元)” is converted).
 */
import { toHalfWidth } from "../num";
import { FieldSpec, sharedField, TableSpec } from "../table";

/** Tiers of the SME gradient pool, in display order. */
export const POOL_TIERS = ["拟进规", "高成长性", "专精特新", "专精特新“小巨人”"] as const;
export type PoolTier = (typeof POOL_TIERS)[number];

/** Tiers with criteria of their own, not measured against the 2000 万 line (only 拟进规 is). */
export const OWN_CRITERIA_TIERS: ReadonlySet<string> = new Set(POOL_TIERS.slice(1));

/** Is a firm of this tier measured against the 2000 万 line? 拟进规, and a blank or unknown tier. */
export const measuredTier = (tier: string | null): boolean => tier === null || !OWN_CRITERIA_TIERS.has(tier);

/** Statuses of a pool firm, in display order. */
export const POOL_STATUSES = ["培育中", "已入规", "退库"] as const;
export type PoolStatus = (typeof POOL_STATUSES)[number];

/** The above-scale line (2000 万元), defined once in projection.ts. */
export { SCALE_THRESHOLD } from "./projection";

/** Name of the pool sheet the template creates. */
export const POOL_SHEET = "培育库";
/** Name of the change-log sheet. */
export const CHANGE_LOG_SHEET = "变动记录";
export const CHANGE_LOG_HEADER = ["日期", "企业名称", "字段", "原值", "新值", "原因"] as const;
/** Optional list sheets: firms that became above-scale / dropped below the line this year. */
export const ADDED_SHEET = "新增规上";
export const DROPPED_SHEET = "退规";
export const SUMMARY_SHEET = "培育库汇总";

/** Keys of the monthly revenue fields: m1..m12 (this year), ly1..ly12 (last year). */
export const MONTH_KEYS = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);
export const LAST_YEAR_KEYS = Array.from({ length: 12 }, (_, i) => `ly${i + 1}`);

const REVENUE = ["营业收入", "主营业务收入", "营收"];
const CN_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** Other ways a month header is written: 一月, 一月份, 01月. */
function monthVariants(i: number): string[] {
  const cn = `${CN_MONTHS[i - 1]}月`;
  return [cn, `${cn}份`, ...(i < 10 ? [`0${i}月`, `0${i}月份`] : [])];
}

function monthField(i: number): FieldSpec {
  const m = `${i}月`;
  return {
    key: `m${i}`,
    header: m,
    synonyms: [`本年${m}`, `${i}月份`, ...REVENUE.map((r) => `${m}${r}`), ...monthVariants(i), ...monthVariants(i).map((v) => `本年${v}`)],
    type: "number",
    unit: "万元",
  };
}

function lastYearMonthField(i: number): FieldSpec {
  const m = `${i}月`;
  return {
    key: `ly${i}`,
    header: `上年${m}`,
    synonyms: [`上年${i}月份`, `上年同期${m}`, `去年${m}`, ...REVENUE.map((r) => `上年${m}${r}`), ...monthVariants(i).map((v) => `上年${v}`)],
    type: "number",
    unit: "万元",
  };
}

export const poolSpec: TableSpec = {
  kind: "pool",
  title: "培育库",
  fields: [
    sharedField("name", { required: true }),
    sharedField("uscc"),
    sharedField("town"),
    { key: "tier", header: "培育层级", synonyms: ["层级", "培育类别", "梯度层级", "类别", "培育库类别", "入库类别"], type: "text" },
    { key: "leader", header: "包保领导", synonyms: ["包保县领导", "领衔包保领导", "县干包保", "包保责任人", "包保人", "联系领导"], type: "text" },
    { key: "entryDate", header: "入库日期", synonyms: ["入库时间"], type: "date" },
    { key: "status", header: "状态", synonyms: ["培育状态", "企业状态"], type: "text" },
    {
      key: "lastYearRevenue",
      header: "上年营业收入",
      synonyms: ["上年主营业务收入", "上年度营业收入", "上年度主营业务收入", "上年营收", "上年全年营业收入"],
      type: "number",
      unit: "万元",
    },
    {
      key: "rdSpend",
      header: "研发经费",
      synonyms: ["研发费用", "研发经费投入", "上年研发经费", "上年研发费用", "R&D经费"],
      type: "number",
      unit: "万元",
    },
    ...Array.from({ length: 12 }, (_, i) => monthField(i + 1)),
    ...Array.from({ length: 12 }, (_, i) => lastYearMonthField(i + 1)),
    {
      key: "revenueYtd",
      header: "1-本月营业收入",
      synonyms: ["1-本月主营业务收入", "本年累计营业收入", "累计营业收入", "本年累计主营业务收入", "1-本月营收"],
      type: "number",
      unit: "万元",
    },
    sharedField("month"),
  ],
};

/** The canonical header row of the template, in order (months, no last-year months). */
export const POOL_TEMPLATE_HEADER: string[] = [
  "企业名称",
  "统一社会信用代码",
  "乡镇/园区",
  "培育层级",
  "包保领导",
  "入库日期",
  "状态",
  "上年营业收入",
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
];

/**
 * What the "新建培育库模板" button writes: the header and one blank data row (an Excel table
 * extends the row's formats and validation lists as rows are added), number formats, lists.
 */
export function poolTemplate(): { rows: string[][]; numberFormats: (string | null)[]; validationLists: Record<number, string[]> } {
  const header = POOL_TEMPLATE_HEADER;
  const numberFormats = header.map((h) => (h === "统一社会信用代码" ? "@" : h === "入库日期" ? "yyyy-mm-dd" : h === "上年营业收入" || /^\d+月$/.test(h) ? "#,##0.00" : null));
  return {
    rows: [header, []],
    numberFormats,
    validationLists: { [header.indexOf("培育层级")]: [...POOL_TIERS], [header.indexOf("状态")]: [...POOL_STATUSES] },
  };
}

const TIER_ALIASES: Record<string, string> = {
  拟进规: "拟进规",
  拟进规培育库: "拟进规",
  拟进规企业: "拟进规",
  高成长性: "高成长性",
  高成长: "高成长性",
  高成长性企业: "高成长性",
  高成长性培育库: "高成长性",
  专精特新: "专精特新",
  专精特新企业: "专精特新",
  专精特新培育库: "专精特新",
  专精特新小巨人: "专精特新“小巨人”",
  小巨人: "专精特新“小巨人”",
  小巨人培育库: "专精特新“小巨人”",
};

const STATUS_ALIASES: Record<string, string> = {
  培育中: "培育中",
  培育: "培育中",
  在库: "培育中",
  在培: "培育中",
  已入规: "已入规",
  入规: "已入规",
  已进规: "已入规",
  进规: "已入规",
  已升规: "已入规",
  退库: "退库",
  已退库: "退库",
  退出: "退库",
  已退出: "退库",
};

export const squash = (s: string) => toHalfWidth(s).replace(/[\s“”"'‘’「」『』《》]/g, "");

/** The level a 专精特新 or 小巨人 title is granted at, written before the tier: 国家级专精特新“小巨人”, 省级专精特新企业. */
const TIER_LEVEL = /^(国家级|国家|省级|省|市级|市|县级|县)/;

/**
 * The canonical tier of a cell text, or the trimmed text itself when unknown; null when blank.
 * The granting level (国家级/省级/市级/县级) and a trailing 中小企业/企业 are read through:
 * 省级专精特新中小企业 is a 专精特新 firm, 国家级专精特新“小巨人”企业 a 小巨人.
 */
export function normalizeTier(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  if ((POOL_TIERS as readonly string[]).includes(raw)) return raw;
  const k = squash(raw);
  return TIER_ALIASES[k] ?? TIER_ALIASES[k.replace(TIER_LEVEL, "").replace(/(中小)?企业$/, "")] ?? raw.trim();
}

/** The canonical status of a cell text; blank → 培育中; unknown → the trimmed text. */
export function normalizeStatus(raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw.trim() === "") return "培育中";
  if ((POOL_STATUSES as readonly string[]).includes(raw)) return raw;
  return STATUS_ALIASES[squash(raw)] ?? raw.trim();
}

/** A cell as text: trimmed, numbers as written; blank → null. */
export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null);
