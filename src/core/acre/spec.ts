/**
 * The per-mu data table kind (亩均效益评价数据): one spec, read by core/table/readTable and
 * used by the acre evaluation, the pane, the CLI, validation and the template.
 *
 * Canonical headers (the template writes them in this order; the last two are optional):
 *   企业名称 | 统一社会信用代码 | 规模 | 用地面积(亩) | 实缴税金(万元) | 营业收入(万元) |
 *   工业增加值(万元) | 综合能耗(吨标煤) | 年平均从业人员 | 研发经费(万元) | 技改投资(万元)
 * 规模 holds 规上 or 规下. `required` marks the template's columns (all but the last two); the
 * evaluation itself only needs 企业名称, 规模, 用地面积 and the data of the indicators in use
 * (evaluate.ts/run.ts), so a table without e.g. 统一社会信用代码 can still be evaluated. Money in 万元 (元/千元/亿元 headers are converted); land in 亩
 * (a header 用地面积(平方米) or (公顷) is converted to 亩 by the table reader).
 */
import { FieldSpec, sharedField, TableSpec } from "../table";

/** Name of the data sheet the template creates. */
export const ACRE_SHEET = "亩均数据";
/** Name of the result sheet the evaluation writes. */
export const ACRE_RESULT_SHEET = "亩均评价结果";
/** The county summary `jx acre --out` writes beside the result. */
export const ACRE_SUMMARY_SHEET = "亩均评价汇总";
/** Name of the Excel table over the result sheet (ASCII: safe as a table name in every Excel). */
export const ACRE_RESULT_TABLE = "JxAcreResult";
/** Name of the parameter sheet. */
export const ACRE_PARAM_SHEET = "参数";

/** Values of the 规模 column. */
export const SCALES = ["规上", "规下"] as const;
export type Scale = (typeof SCALES)[number];

export const acreFields: FieldSpec[] = [
  sharedField("name", { required: true }),
  sharedField("uscc", { required: true }),
  { key: "scale", header: "规模", synonyms: ["企业规模", "规上/规下", "是否规上", "规模类型", "企业类型", "类型"], required: true, type: "text" },
  {
    key: "land",
    header: "用地面积(亩)",
    synonyms: ["用地面积", "土地面积", "占地面积", "用地", "实际用地面积", "用地面积合计", "土地使用面积"],
    required: true,
    type: "number",
    unit: "亩",
  },
  {
    key: "tax",
    header: "实缴税金(万元)",
    // negative after VAT-credit refunds: a 提示 in validation, a 0 score in the evaluation
    negativeAllowed: true,
    synonyms: ["实缴税金", "税收", "税收实际贡献", "实缴税收", "实际缴纳税金", "税金", "入库税金", "实缴税额", "纳税额", "税收收入"],
    required: true,
    type: "number",
    unit: "万元",
  },
  {
    key: "revenue",
    header: "营业收入(万元)",
    synonyms: ["营业收入", "主营业务收入", "销售收入", "营收", "工业销售收入", "营业总收入"],
    required: true,
    type: "number",
    unit: "万元",
  },
  { key: "valueAdded", header: "工业增加值(万元)", synonyms: ["工业增加值", "增加值"], required: true, type: "number", unit: "万元" },
  { key: "energy", header: "综合能耗(吨标煤)", synonyms: ["综合能耗", "能耗", "能源消费量", "综合能源消费量", "总能耗"], required: true, type: "number", unit: "吨标煤" },
  {
    key: "employees",
    header: "年平均从业人员",
    synonyms: ["从业人员", "从业人员平均人数", "年平均职工人数", "职工人数", "从业人数", "平均从业人员", "年均从业人员"],
    required: true,
    type: "number",
  },
  { key: "rnd", header: "研发经费(万元)", synonyms: ["研发经费", "研发投入", "研发经费投入", "R&D经费", "研究与试验发展经费"], type: "number", unit: "万元" },
  { key: "techInvestment", header: "技改投资(万元)", synonyms: ["技改投资", "技术改造投资", "技改投入"], type: "number", unit: "万元" },
  // data of the 黄岩 indicators (评价方案 黄岩2022): optional
  // (headers without a bracketed unit: the unit table knows no 吨 or 千瓦时; docs/acre.md states the units)
  { key: "emissions", header: "主要污染物排放量", synonyms: ["污染物排放量", "排放量", "主要污染物排放"], type: "number" },
  { key: "electricity", header: "用电量", synonyms: ["工业用电量", "年用电量", "用电"], type: "number" },
  // optional columns of 定档调档 (docs/acre.md): absent column = feature off
  { key: "inZone", header: "是否经开区", synonyms: ["经开区", "是否开发区", "开发区", "是否在经开区", "是否园区", "是否经济开发区"], type: "text" },
  { key: "veto", header: "一票否决", synonyms: ["是否一票否决", "一票否决项"], type: "text" },
  { key: "vetoReason", header: "否决原因", synonyms: ["一票否决原因", "否决理由", "一票否决理由"], type: "text" },
  { key: "override", header: "调整等级", synonyms: ["调档等级", "调整后等级", "定档等级", "调档"], type: "text" },
  { key: "overrideReason", header: "调整原因", synonyms: ["调档原因", "调整理由", "调档理由", "调整等级原因"], type: "text" },
  { key: "ungraded", header: "不定等级", synonyms: ["是否不定等级", "不定级"], type: "text" },
  { key: "ungradedReason", header: "不定等级原因", synonyms: ["不定等级理由", "不定级原因"], type: "text" },
  { key: "bonus", header: "加分", synonyms: ["附加分", "附加分值", "加分值"], type: "number" },
  { key: "penalty", header: "减分", synonyms: ["扣分", "减分值", "扣分值"], type: "number" },
  { key: "vatRefund", header: "留抵退税(万元)", synonyms: ["留抵退税", "增值税留抵退税", "留抵退税额"], type: "number", unit: "万元" },
];

/** Keys of the optional adjustment columns (not data of an indicator). */
export const ADJUSTMENT_KEYS = ["inZone", "veto", "vetoReason", "override", "overrideReason", "ungraded", "ungradedReason", "bonus", "penalty", "vatRefund"] as const;

/** Read a 是/否 cell (also Y/N, √, 1/0): true, false, or null when blank or unreadable. */
export function parseYes(raw: unknown): boolean | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).replace(/\s+/g, "").toLowerCase();
  if (s === "") return null;
  if (/^(是|y|yes|true|1|√|✓|在|经开区|有)$/.test(s)) return true;
  if (/^(否|n|no|false|0|×|不在|无)$/.test(s)) return false;
  return null;
}

export const acreSpec: TableSpec = { kind: "acre", title: "亩均数据", fields: acreFields };

/**
 * The number columns that cannot be negative (all but 实缴税金, `negativeAllowed`): validation calls
 * a negative value there an 错误 (A-NEG) and the evaluation does not score it — one list for both.
 */
export const NON_NEGATIVE_KEYS: readonly string[] = acreFields.filter((f) => f.type === "number" && !f.negativeAllowed).map((f) => f.key);

/** The canonical header row of the template, in order. */
export const ACRE_TEMPLATE_HEADER: string[] = acreFields.slice(0, 11).map((f) => f.header);

/** Read the 规模 cell: 规上/规下 (also 规模以上/规模以下, 是/否 under 是否规上, 上/下). null when unreadable. */
export function parseScale(raw: unknown): Scale | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).replace(/\s+/g, "");
  if (/^(规上|规模以上|规上企业|规模以上企业|规上工业|规上工业企业|上|是|Y|y|yes|above)$/.test(s)) return "规上";
  if (/^(规下|规模以下|规下企业|规模以下企业|规下工业|规下工业企业|下|否|N|n|no|below)$/.test(s)) return "规下";
  return null;
}
