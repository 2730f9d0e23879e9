/**
 * The appeals register (诉求台账) table kind and the 节假日 sheet, defined once: read by
 * core/table/readTable for the analysis, validation, the pane, the CLI and the template.
 *
 * Canonical headers (the template writes them in this order):
 *   编号 | 企业名称 | 统一社会信用代码 | 乡镇/园区 | 诉求类别 | 诉求内容 | 承办单位 | 包联领导 |
 *   受理日期 | 办理时限(工作日) | 办结日期 | 满意度 | 备注 [| 重办截止日期 | 回访日期]
 */
import { toHalfWidth } from "../num";
import { FieldSpec, sharedField, TableSpec } from "../table";

export const APPEALS_SHEET = "诉求台账";
export const HOLIDAY_SHEET = "节假日";
export const APPEALS_PARAM_SHEET = "参数";
export const APPEALS_ANALYSIS_SHEET = "诉求分析";

/** The five ratings, best first. 不满意 and 非常不满意 send an appeal back (退回重办). */
export const SATISFACTION_LEVELS = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFIED: readonly Satisfaction[] = ["非常满意", "满意"];
export const SENT_BACK: readonly Satisfaction[] = ["不满意", "非常不满意"];

/** Categories the template offers (an editable list on the 参数 sheet). */
export const DEFAULT_CATEGORIES = ["融资信贷", "用地用房", "用工招工", "水电气保障", "政策兑现", "审批办证", "物流运输", "市场开拓", "科技创新", "安全环保", "基础设施", "其他"];

function withSynonyms(f: FieldSpec, more: string[]): FieldSpec {
  return { ...f, synonyms: [...(f.synonyms ?? []), ...more] };
}

/** Shared columns (企业名称 → key "name", 统一社会信用代码, 乡镇/园区, 说明/备注) come from core/table/fields. */
export const appealsSpec: TableSpec = {
  kind: "appeals",
  title: "诉求台账",
  fields: [
    { key: "id", header: "编号", synonyms: ["诉求编号", "诉求单号", "工单编号", "工单号", "诉求号", "登记编号"], required: true, type: "text" },
    withSynonyms(sharedField("name", { required: true }), ["诉求企业", "反映企业"]),
    sharedField("uscc"),
    sharedField("town"),
    { key: "category", header: "诉求类别", synonyms: ["诉求类型", "问题类别", "问题类型", "诉求分类", "类别"], type: "text" },
    { key: "content", header: "诉求内容", synonyms: ["诉求事项", "问题描述", "诉求描述", "反映问题", "具体诉求", "诉求"], type: "text" },
    { key: "unit", header: "承办单位", synonyms: ["责任单位", "办理单位", "承办部门", "责任部门", "牵头单位", "交办单位"], required: true, type: "text" },
    { key: "leader", header: "包联领导", synonyms: ["联系领导", "包保领导", "包联县领导", "包联人", "帮扶领导", "包联责任人"], type: "text" },
    { key: "received", header: "受理日期", synonyms: ["受理时间", "登记日期", "收集日期", "交办日期", "提出日期", "反映日期"], required: true, type: "date" },
    { key: "limit", header: "办理时限(工作日)", synonyms: ["办理时限", "时限", "办结时限", "时限(工作日)", "办理期限(工作日)", "承诺时限", "时限要求", "办理时限要求"], required: true, type: "number" },
    { key: "closed", header: "办结日期", synonyms: ["办结时间", "完成日期", "办理完成日期", "结办日期", "办结"], required: true, type: "date" },
    { key: "satisfaction", header: "满意度", synonyms: ["满意度评价", "回访满意度", "评价结果", "企业评价", "满意度测评"], type: "text" },
    withSynonyms(sharedField("note"), ["办理情况"]),
    { key: "redoDue", header: "重办截止日期", synonyms: ["重办期限", "重办时限", "重办截止时间", "退回重办截止日期", "重新办理截止日期"], type: "date" },
    { key: "visit", header: "回访日期", synonyms: ["回访时间"], type: "date" },
  ],
};

/** The template's header row, in order. */
export const APPEALS_TEMPLATE_HEADER: readonly string[] = [
  "编号",
  "企业名称",
  "统一社会信用代码",
  "乡镇/园区",
  "诉求类别",
  "诉求内容",
  "承办单位",
  "包联领导",
  "受理日期",
  "办理时限(工作日)",
  "办结日期",
  "满意度",
  "备注",
  "重办截止日期",
  "回访日期",
];

/** The 节假日 sheet: one row per day the staff set (a holiday, or a make-up working day). */
export const holidaySpec: TableSpec = {
  kind: "holidays",
  title: "节假日",
  fields: [
    { key: "date", header: "日期", synonyms: ["日期(年月日)", "放假日期", "调整日期", "节假日日期"], required: true, type: "date" },
    // optional: a sheet listing dates only lists days off
    { key: "type", header: "类型", synonyms: ["放假/上班", "上班/放假", "休息/上班", "上班/休息", "是否上班", "是否工作日", "日期类型", "放假安排", "安排", "性质", "休/班", "班/休", "状态"], type: "text" },
    // the same question asked the other way round: 是 = a day off
    { key: "off", header: "是否放假", synonyms: ["是否休息", "是否节假日", "是否休假", "是否休息日"], type: "text" },
    { key: "name", header: "说明", synonyms: ["名称", "节日", "节假日名称", "备注"], type: "text" },
  ],
};

export const HOLIDAY_TEMPLATE_HEADER: readonly string[] = ["日期", "类型", "说明"];
export const DAY_TYPES = ["放假", "上班"] as const;

/** A 类型 cell → true (a working day), false (a day off), null (not understood). */
export function parseDayType(raw: string | null): boolean | null {
  if (raw === null) return null;
  const t = toHalfWidth(raw).replace(/\s+/g, "").replace(/[()（）]/g, "").toLowerCase();
  if (/^(上班|班|工作|工作日|调休上班|上班调休|补班|补班日|调班|补休上班|正常上班|是|workday|working|work|workingday)$/.test(t)) return true;
  if (/^(放假|休|休息|休息日|休假|节假日|假日|假期|假|公休|法定节假日|法定假日|调休|调休放假|放假调休|否|holiday|off|dayoff)$/.test(t)) return false;
  return null;
}
