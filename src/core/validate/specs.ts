/**
 * The monthly industrial report (月报 / 一套表) table kind, defined once: read by
 * core/table/readTable for validation, monitoring, the pane, the CLI and the template.
 * Amounts in 万元 (a header unit such as “(千元)” is converted on reading).
 */
import { FieldSpec, sharedField, TableSpec } from "../table";

/** Field keys of the monthly report. */
export const MONTHLY_KEYS = {
  name: "name",
  uscc: "uscc",
  outputMonth: "outputMonth",
  outputYtd: "outputYtd",
  outputYtdLastYear: "outputYtdLastYear",
  valueAddedYtd: "valueAddedYtd",
  revenueYtd: "revenueYtd",
  employees: "employees",
  note: "note",
  month: "month",
  outputMonthLastYear: "outputMonthLastYear",
  valueAddedYtdLastYear: "valueAddedYtdLastYear",
  revenueYtdLastYear: "revenueYtdLastYear",
  salesMonth: "salesMonth",
  salesYtd: "salesYtd",
  exportMonth: "exportMonth",
  exportYtd: "exportYtd",
} as const;
export type MonthlyKey = keyof typeof MONTHLY_KEYS;

/** Synonyms of “1-本月” (year to date) as headers write it; dashes are normalised by normalizeHeader. */
function ytd(item: string, extra: string[] = []): string[] {
  return [`${item}1-本月`, `${item}累计`, `累计${item}`, `本年累计${item}`, `本年${item}累计`, `${item}本年累计`, ...extra];
}

const money = (f: Omit<FieldSpec, "type" | "unit">): FieldSpec => ({ ...f, type: "number", unit: "万元" });

export const monthlySpec: TableSpec = {
  kind: "monthly",
  title: "月报",
  fields: [
    sharedField("name", { required: true }),
    sharedField("uscc", { required: true }),
    money({
      key: "outputMonth",
      header: "本月工业总产值",
      synonyms: ["工业总产值本月", "本月工业总产值(当年价格)", "工业总产值(当年价格)本月", "本月产值", "工业总产值当月", "当月工业总产值"],
      required: true,
    }),
    money({ key: "outputYtd", header: "1-本月工业总产值", synonyms: ytd("工业总产值", ["1-本月产值", "累计产值"]), required: true }),
    money({
      key: "outputYtdLastYear",
      header: "上年同期1-本月工业总产值",
      synonyms: ["上年同期累计工业总产值", "上年同期工业总产值累计", "工业总产值上年同期累计", "上年同期1-本月产值", "工业总产值上年同期1-本月", "上年同期工业总产值1-本月", "上年同期累计产值",
      // 上年同期 alone, beside 本月 | 1-本月 (also as a two-row header 工业总产值 / 上年同期), is the year to date
      "上年同期工业总产值", "工业总产值上年同期"],
    }),
    money({ key: "valueAddedYtd", header: "1-本月工业增加值", synonyms: ytd("工业增加值") }),
    money({ key: "revenueYtd", header: "1-本月营业收入", synonyms: [...ytd("营业收入"), ...ytd("主营业务收入"), "营业收入本年累计"] }),
    {
      key: "employees",
      header: "从业人员",
      synonyms: ["从业人员平均人数", "从业人员期末人数", "从业人员数", "期末从业人员", "平均从业人员", "从业人数", "用工人数"],
      type: "number",
    },
    sharedField("note"),
    sharedField("month"),
    money({
      key: "outputMonthLastYear",
      header: "上年同期本月工业总产值",
      synonyms: ["上年同期工业总产值本月", "上年本月工业总产值", "工业总产值上年同期本月", "上年同月工业总产值", "上年同期本月产值"],
    }),
    money({
      key: "valueAddedYtdLastYear",
      header: "上年同期1-本月工业增加值",
      synonyms: ["上年同期累计工业增加值", "上年同期工业增加值累计", "工业增加值上年同期累计", "工业增加值上年同期1-本月", "上年同期工业增加值", "工业增加值上年同期"],
    }),
    money({
      key: "revenueYtdLastYear",
      header: "上年同期1-本月营业收入",
      synonyms: [
        "上年同期累计营业收入",
        "上年同期营业收入累计",
        "营业收入上年同期累计",
        "营业收入上年同期1-本月",
        "上年同期1-本月主营业务收入",
        "上年同期累计主营业务收入",
        "上年同期营业收入",
        "营业收入上年同期",
        "上年同期主营业务收入",
        "主营业务收入上年同期",
      ],
    }),
    money({
      key: "salesMonth",
      header: "本月工业销售产值",
      synonyms: ["工业销售产值本月", "本月工业销售产值(当年价格)", "工业销售产值(当年价格)本月", "本月销售产值", "工业销售产值当月", "当月工业销售产值"],
    }),
    money({ key: "salesYtd", header: "1-本月工业销售产值", synonyms: ytd("工业销售产值", ["1-本月销售产值", "累计销售产值", "销售产值累计"]) }),
    money({ key: "exportMonth", header: "本月出口交货值", synonyms: ["出口交货值本月", "出口交货值当月", "当月出口交货值"] }),
    money({ key: "exportYtd", header: "1-本月出口交货值", synonyms: ytd("出口交货值") }),
  ],
};

/** The template's canonical header row, in order (the 新建模板 button and `jx template monthly`). */
export const MONTHLY_TEMPLATE_HEADERS: readonly string[] = [
  "企业名称",
  "统一社会信用代码",
  "本月工业总产值",
  "1-本月工业总产值",
  "上年同期1-本月工业总产值",
  "1-本月工业增加值",
  "1-本月营业收入",
  "从业人员",
  "说明",
];

/** Optional columns the reader also recognises. */
export const MONTHLY_OPTIONAL_HEADERS: readonly string[] = [
  "月份",
  "上年同期本月工业总产值",
  "上年同期1-本月工业增加值",
  "上年同期1-本月营业收入",
  "本月工业销售产值",
  "1-本月工业销售产值",
  "本月出口交货值",
  "1-本月出口交货值",
];

/** Per-column number formats of the template (text code, amounts with 2 decimals, headcount integer). */
export const MONTHLY_TEMPLATE_FORMATS: readonly (string | null)[] = ["@", "@", "0.00", "0.00", "0.00", "0.00", "0.00", "0", "@"];
