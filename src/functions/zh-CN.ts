/**
 * zh-CN names and descriptions of the custom functions, keyed by function id. The build writes
 * dist/functions-zh-cn.json from this table and functions.json (same ids); test/functions/
 * metadata.test.ts checks every function and parameter is translated. Names: Unicode letters,
 * digits, _ and . only, never an Excel built-in name.
 */
export interface FunctionTranslation {
  name: string;
  description: string;
  parameters: Record<string, string>;
}

export const zhCN: Record<string, FunctionTranslation> = {
  YOY_GROWTH: {
    name: "同比增速",
    description: "同比增长率（小数）：(本期 − 上年同期) ÷ 上年同期。上年同期为 0 → #DIV/0!，为负数 → #NUM!。",
    parameters: { current: "本期值，或一个区域。", previous: "上年同期值，或同样大小的区域。" },
  },
  TARGET_RATE: {
    name: "目标完成率",
    description: "完成率（小数）：实际 ÷ 目标。目标为 0 → #DIV/0!。",
    parameters: { actual: "实际完成值，或一个区域。", target: "目标值，或同样大小的区域。" },
  },
  TIME_PROGRESS: {
    name: "序时进度",
    description: "序时进度：月份 1–12 → 月份 ÷ 12；1901 年以后的日期 → 当年已过天数 ÷ 全年天数（含闰年）。",
    parameters: { month_or_date: "月份（1–12 的整数）或日期。" },
  },
  PROGRESS_GAP: {
    name: "超欠序时进度",
    description: "超（+）/欠（−）序时进度：完成率 − 序时进度，以小数表示的百分点（0.225 = 22.5 个百分点）。",
    parameters: { actual: "累计完成值。", target: "全年目标。", month_or_date: "已过月数（1–12）或截止日期。" },
  },
  CONTRIBUTION: {
    name: "增长贡献率",
    description: "增长贡献率：部分的增量 ÷ 总量的增量。总量无变化 → #DIV/0!。",
    parameters: { part_now: "部分本期值。", part_before: "部分上期（上年同期）值。", total_now: "总量本期值。", total_before: "总量上期（上年同期）值。" },
  },
  PULL: {
    name: "拉动增长",
    description: "拉动增长：部分的增量 ÷ 上期总量，以小数表示的百分点。上期总量为负数 → #NUM!。",
    parameters: { part_now: "部分本期值。", part_before: "部分上期（上年同期）值。", total_before: "总量上期（上年同期）值。" },
  },
  MU: {
    name: "平方米折亩",
    description: "面积换算：平方米 × 15 ÷ 10000 = 亩。面积为负数 → #NUM!。",
    parameters: { square_metres: "面积（平方米），或一个区域。" },
  },
  ACRE_TAX: {
    name: "亩均税收",
    description: "亩均税收（万元/亩）：税收 ÷ 用地面积。用地为 0 → #DIV/0!，为负数 → #NUM!。",
    parameters: { tax: "实缴税收（万元）。", land_mu: "用地面积（亩）。" },
  },
  ACRE_REVENUE: {
    name: "亩均营业收入",
    description: "亩均营业收入（万元/亩）：营业收入 ÷ 用地面积。用地为 0 → #DIV/0!，为负数 → #NUM!。",
    parameters: { revenue: "营业收入（万元）。", land_mu: "用地面积（亩）。" },
  },
  ENERGY_TAX: {
    name: "单位能耗税收",
    description: "单位能耗税收（万元/吨标煤）：税收 ÷ 综合能耗。能耗为 0 → #DIV/0!，为负数 → #NUM!。",
    parameters: { tax: "实缴税收（万元）。", energy_tce: "综合能耗（吨标准煤）。" },
  },
  LABOR_PRODUCTIVITY: {
    name: "全员劳动生产率",
    description: "全员劳动生产率（万元/人）：工业增加值（或营业收入）÷ 年平均从业人员。人数为 0 → #DIV/0!，为负数 → #NUM!。",
    parameters: { amount: "工业增加值或营业收入（万元）。", employees: "年平均从业人员（人）。" },
  },
  ACRE_SCORE: {
    name: "亩均综合得分",
    description: "亩均效益综合得分（对标法）：每行（一户企业）Σ min(指标值 ÷ 基准值, 封顶倍数) × 权重。",
    parameters: {
      values: "指标值区域，每行一户企业，每列一个指标。",
      benchmarks: "各指标的基准值，一行，列数与指标值相同。",
      weights: "各指标的权重，一行，列数与指标值相同。",
      cap: "可选：每项比值的封顶倍数（如 2）；省略则不封顶。",
    },
  },
  ACRE_GRADE: {
    name: "亩均评价等级",
    description: "按得分在参评企业中的排名分 A/B/C/D 类（默认 20%/45%/30%/5%，并列取较好等级）。",
    parameters: {
      score: "要评定的得分，或一组得分。",
      peer_scores: "参评企业得分区域（空白和文本不计）。",
      shares: "可选：等级比例，3 个单元格（A、B、C，其余为 D）或合计为 1 的 4 个单元格。",
    },
  },
  USCC_VALID: {
    name: "信用代码校验",
    description: "检查 18 位统一社会信用代码（GB 32100-2015）的字符和校验位：正确为 TRUE，否则 FALSE；空白 → #N/A。",
    parameters: { code: "统一社会信用代码，或一个区域（不区分大小写，忽略首尾空格）。" },
  },
  APPEAL_CARD: {
    name: "诉求督办牌",
    description: "未办结的超期诉求按超期天数给出督办牌：空（未超期或已办结）、蓝牌（1 天起）、黄牌（4 天起）、红牌（11 天起）。",
    parameters: {
      due_date: "办理期限（日期）。",
      as_of: "统计日期（如 TODAY()）。",
      closed_date: "可选：办结日期；已办结的诉求不挂牌（超期办结另计）。未办结则留空。",
      thresholds: "可选：蓝、黄、红牌的超期天数下限（3 个单元格，默认 1、4、11）。",
      working_days: "可选：TRUE 按国家法定节假日和调休上班日计工作日；默认 FALSE，按自然日。",
    },
  },
  SCALE_PROJECTION: {
    name: "全年营收预测",
    description: "预测全年营业收入（万元）：累计 × 12 ÷ 月数；给出上年 12 个月数据时按上年季节结构推算。",
    parameters: {
      ytd_revenue: "本年累计营业收入（万元）。",
      months: "已过月数（1–12 的整数）。",
      last_year_monthly: "可选：上年 1–12 月各月营业收入（12 个单元格的一行或一列）。",
    },
  },
  SCALE_GAP: {
    name: "进规差距",
    description: "预测全年营业收入 − 规上标准（默认 2000 万元）；≥ 0 表示有望进规。",
    parameters: {
      ytd_revenue: "本年累计营业收入（万元）。",
      months: "已过月数（1–12 的整数）。",
      threshold: "可选：规上标准（万元），默认 2000。",
      last_year_monthly: "可选：上年 1–12 月各月营业收入（12 个单元格的一行或一列）。",
    },
  },
};

export default zhCN;
