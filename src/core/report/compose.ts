/**
 * 分析材料: the bureau's written report, drafted from the same core results the tabs show.
 * Fixed sentence templates (plain government Chinese, no commentary); a section is present
 * only when the workbook has its data. Every sentence keeps the figures it states, so a test
 * (and a reader) can trace each number to its source.
 */
import type { AppealsJson } from "../appeals/report";
import type { MonitorParams, MonitorResult, RuleId, TargetProgress } from "../monitor/types";
import { RULES } from "../monitor/types";
import { roundHalfUp } from "../round";
import { rateText } from "../appeals/analyze";
import { targetKeyOf } from "../monitor/targets";
import { amount, growth, indicator, pct, points, yi } from "./format";
import { DEFAULT_TOP1_SHARE } from "./params";
import type { poolJson } from "../pool/json";
import type { AcreJson } from "../acre/result";

/** The `jx pool --json` document: the report reads the very JSON the command prints. */
export type PoolDoc = ReturnType<typeof poolJson>;

/** The `jx acre --json` document (the parts this report reads). */
export type AcreDoc = Pick<AcreJson, "aggregates" | "grades" | "firms">;

export type AppealsDoc = Pick<AppealsJson, "asOf" | "total" | "closed" | "closureRate" | "open" | "returned" | "cards" | "satisfaction"> & {
  /** 参数 办结率小数位数: the decimals the appeals tab writes its rates with (truncated); default 1. */
  rateDecimals?: number;
};

/** Where a section's figures come from: shown in the document's closing table (sheet, month, as-of date). */
export interface Source {
  part: string;
  sheet: string;
  /** The period as the reader should see it (e.g. "1-10月", "年度目标", "截至2023-10-20"). */
  period: string;
  /** The report month the figures are for (null for data without a month: 亩均, 诉求). */
  month: number | null;
  /** The as-of date (YYYY-MM-DD) the report was drafted at; null when none was given. */
  asOf: string | null;
}

export interface ReportInput {
  monitor: MonitorResult | null;
  pool: PoolDoc | null;
  acre: AcreDoc | null;
  appeals: AppealsDoc | null;
  sources: Source[];
  /** The as-of date (YYYY-MM-DD) of the report. */
  asOf?: string | null;
  /** 参数: the top firm's share from which "主要依靠X一家带动" is written (default 0.3). */
  top1Share?: number;
}

export interface Sentence {
  text: string;
  /** The figures stated, by name, as computed (before formatting). */
  figures: Record<string, number | string | null>;
}

export type SectionId = "economy" | "pool" | "acre" | "appeals" | "warnings";

export interface Section {
  id: SectionId;
  heading: string;
  sentences: Sentence[];
}

export interface Report {
  title: string;
  month: number | null;
  /** The as-of date (YYYY-MM-DD): the document's date and the sources table's 截至日期. */
  asOf: string | null;
  sections: Section[];
  sources: Source[];
}


const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const COUNT_UNITS = new Set(["户", "个", "家", "人", "项"]);
/** The 目标 row the pool part reports when the workbook has a pool (one figure, said once). */
const isNetTarget = (x: TargetProgress) => targetKeyOf(x.name) === "netNewFirms";
const say = (text: string, figures: Sentence["figures"] = {}): Sentence => ({ text, figures });

/** The months a cumulative figure covers, in a table: "1-10月"; "1月" for January. */
export function monthSpan(month: number): string {
  return month === 1 ? "1月" : `1-${month}月`;
}

/** "1至10月份" (the seed's wording); "1月份" for January. */
export function periodWords(month: number): string {
  return month === 1 ? "1月份" : `1至${month}月份`;
}

export function composeReport(input: ReportInput): Report {
  const month = input.monitor?.month ?? input.pool?.month ?? null;
  const sections: Section[] = [];
  const add = (id: SectionId, title: string, sentences: Sentence[]) => {
    if (sentences.length) sections.push({ id, heading: `${NUMERALS[sections.length]}、${title}`, sentences });
  };
  // 净增规上 is the pool part's figure; without a pool it stays with the other targets.
  const saidInPool = input.pool !== null;
  if (input.monitor) add("economy", "工业经济运行", economy(input.monitor, input.top1Share ?? DEFAULT_TOP1_SHARE, saidInPool));
  if (input.pool) add("pool", "小升规与培育库", pool(input.pool));
  if (input.acre) add("acre", "亩均效益评价", acre(input.acre));
  if (input.appeals) add("appeals", "企业诉求", appeals(input.appeals));
  // A report of the monthly figures alone is one part: its warnings close that part.
  const alarms = warnings(input.monitor, input.pool, saidInPool);
  if (sections.length === 1 && sections[0]!.id === "economy") sections[0]!.sentences.push(...alarms);
  else add("warnings", "预警与问题", alarms);
  return {
    title: month ? `${periodWords(month)}工业经济运行分析材料` : "工业经济运行分析材料",
    month,
    asOf: input.asOf ?? input.appeals?.asOf ?? null,
    sections,
    sources: input.sources,
  };
}

// ------------------------------------------------------------------------ 1. 工业经济运行

function economy(r: MonitorResult, top1Share: number, netSaidInPool: boolean): Sentence[] {
  const t = r.totals;
  const out: Sentence[] = [];
  // The output target, when there is one, is said in the same sentence as the output.
  const outTarget = r.targets.find((x) => x.kind === "总量" && targetKeyOf(x.name) === "output" && x.rate !== null);
  out.push(
    say(`${periodWords(r.month)}，规上工业总产值实现${yi(t.outputYtd)}亿元${t.growth === null ? "" : `，${growth(t.growth)}`}${outTarget ? `，${ofTarget(outTarget)}` : ""}。`, {
      outputYtd: t.outputYtd,
      growth: t.growth,
      target: outTarget?.target ?? null,
      rate: outTarget?.rate ?? null,
      gap: outTarget?.gap ?? null,
    }),
  );
  // Value added: the official growth is at comparable prices, so only a typed 增速 is stated.
  const vaTarget = r.targets.find((x) => x.kind === "增速" && targetKeyOf(x.name) === "valueAddedGrowth" && x.source === "sheet" && x.actual !== null);
  if ((t.valueAddedYtd ?? 0) > 0 || vaTarget) {
    const parts: string[] = [];
    if (t.valueAddedYtd !== null && t.valueAddedYtd > 0) parts.push(`规上工业增加值实现${yi(t.valueAddedYtd)}亿元`);
    if (vaTarget) parts.push(`${parts.length ? "" : "规上工业增加值"}增速${pct(vaTarget.actual!)}`);
    out.push(say(`${parts.join("，")}。`, { valueAddedYtd: t.valueAddedYtd, valueAddedGrowth: vaTarget?.actual ?? null }));
  }
  for (const x of r.targets) {
    if (x.actual === null || x === outTarget || (netSaidInPool && isNetTarget(x))) continue;
    if (x.kind === "总量" && x.rate !== null) {
      const done = COUNT_UNITS.has(x.unit) ? `${x.actual}${x.unit}` : amount(x.actual);
      out.push(say(`${x.name}完成${done}，${ofTarget(x)}。`, { name: x.name, actual: x.actual, target: x.target, rate: x.rate, gap: x.gap }));
    } else if (x.kind === "增速" && x !== vaTarget) {
      const diff = x.gap === null ? "" : Math.abs(x.gap) < 0.0005 ? "，与年度目标持平" : `，${x.gap > 0 ? "高于" : "低于"}年度目标${points(x.gap)}`;
      out.push(say(`${x.name}${pct(x.actual)}${diff}。`, { name: x.name, actual: x.actual, target: x.target, gap: x.gap }));
    }
  }
  const c = r.concentration;
  if (c.top1 !== null && c.top1Firm && c.top1 >= top1Share) {
    out.push(say(`工业产值主要依靠${c.top1Firm}一家带动，占全县规上工业总产值的${pct(c.top1)}。`, { top1Firm: c.top1Firm, top1: c.top1 }));
  }
  return out;
}

/** "为年度目标（145.00亿元）的80.8%，低于序时进度2.5个百分点". */
function ofTarget(x: TargetProgress): string {
  const target = COUNT_UNITS.has(x.unit) ? `${x.target}${x.unit}` : amount(x.target);
  const pace = x.gap === null ? "" : Math.abs(x.gap) < 0.0005 ? "，与序时进度持平" : `，${x.gap > 0 ? "超" : "低于"}序时进度${points(x.gap)}`;
  return `为年度目标（${target}）的${pct(x.rate!)}${pace}`;
}

// ------------------------------------------------------------------------ 2. 小升规与培育库

function pool(p: PoolDoc): Sentence[] {
  const s = p.summary;
  const out: Sentence[] = [];
  // More out than in is a net decrease (净减), never "净增-3家".
  let net = `新增规上工业企业${s.added}家【其中：${s.net < 0 ? `净减${-s.net}` : `净增${s.net}`}家、退规${s.droppedOut}家】`;
  if (s.target !== null && s.target > 0) net += s.net >= s.target ? `，已完成年度净增${s.target}家的目标` : `，距年度净增${s.target}家的目标尚差${s.target - s.net}家`;
  out.push(say(`${net}。`, { added: s.added, net: s.net, droppedOut: s.droppedOut, target: s.target }));

  const total = Object.values(s.byStatus).reduce((a, b) => a + b, 0);
  const tiers = Object.entries(s.byTier).filter(([, n]) => n > 0);
  const statuses = Object.entries(s.byStatus).filter(([, n]) => n > 0);
  const detail = [tiers.map(([k, n]) => `${k}${n}户`).join("、"), statuses.map(([k, n]) => `${k}${n}户`).join("、")].filter(Boolean);
  out.push(say(`培育库共有企业${total}户${detail.length ? `，其中：${detail.join("；")}` : ""}。`, { total, ...s.byTier, ...s.byStatus }));

  const atRisk = p.firms.filter((f) => f.atRisk).length;
  // projectedToCross counts the firms that have already reached the line too: said so.
  const reached = s.reached ? `（其中已达规模标准${s.reached}家）` : "";
  out.push(
    say(`拟进规培育企业中，预计年内可达规模标准${s.projectedToCross}家${reached}，${atRisk}家预计达不到规模标准。`, { reached: s.reached ?? null, projectedToCross: s.projectedToCross, atRisk }),
  );
  if (s.lastYearAbove) out.push(say(`上年营业收入已达规模标准的企业${s.lastYearAbove}家，应及时申报入规。`, { lastYearAbove: s.lastYearAbove }));
  return out;
}

// ------------------------------------------------------------------------ 3. 亩均效益评价

function acre(a: AcreDoc): Sentence[] {
  const out: Sentence[] = [];
  const graded = a.firms.filter((f) => f.inScope);
  const above = graded.filter((f) => f.scale === "规上").length;
  const below = graded.filter((f) => f.scale === "规下").length;
  out.push(say(`参评企业${graded.length}户，规上企业${above}户、规下企业${below}户。`, { firms: graded.length, aboveScale: above, belowScale: below }));

  const all = a.aggregates.all;
  const up = a.aggregates.aboveScale;
  const items: Array<[string, number | null, string, string]> = [
    ["亩均税收", all.taxPerMu, "万元/亩", "所有参评企业"],
    ["亩均销售收入", all.revenuePerMu, "万元/亩", "所有参评企业"],
    ["单位能耗税收", up.taxPerTce, "万元/吨标煤", "规上企业"],
    ["全员劳动生产率", up.laborProductivity, "万元/人", "规上企业"],
  ];
  const stated = items.filter(([, v]) => v !== null);
  if (stated.length) {
    out.push(
      say(`全县亩均评价结果为：${stated.map(([n, v, u, who]) => `${n}${indicator(v!)}${u}【${who}】`).join("、")}。`, {
        taxPerMu: all.taxPerMu,
        revenuePerMu: all.revenuePerMu,
        taxPerTce: up.taxPerTce,
        laborProductivity: up.laborProductivity,
      }),
    );
  }
  const counts: Record<string, number> = {};
  for (const byGrade of Object.values(a.grades)) for (const [g, n] of Object.entries(byGrade)) counts[g] = (counts[g] ?? 0) + n;
  const letters = ["A", "B", "C", "D"].filter((g) => counts[g] !== undefined);
  if (letters.length) {
    const ungraded = counts["不定等级"] ? `，不定等级${counts["不定等级"]}户` : "";
    out.push(say(`其中：${letters.map((g) => `${g}类企业${counts[g]}户`).join("、")}${ungraded}。`, counts));
  }
  return out;
}

// ------------------------------------------------------------------------ 4. 企业诉求

function appeals(q: AppealsDoc): Sentence[] {
  const out: Sentence[] = [];
  // Rates as the appeals tab writes them: truncated at 参数 办结率小数位数 (1460/1466 → 99.5%).
  const d = q.rateDecimals ?? 1;
  const rate = q.closureRate === null ? "" : `，办结率${rateText(q.closureRate, d)}`;
  out.push(say(`截至${dateWords(q.asOf)}，收集企业问题${q.total}个，办结${q.closed}个${rate}。`, { total: q.total, closed: q.closed, closureRate: q.closureRate }));
  const carded = q.cards.蓝牌 + q.cards.黄牌 + q.cards.红牌;
  if (q.open > 0) {
    const overdue = carded ? `，其中超期未办理${carded}个（蓝牌${q.cards.蓝牌}个、黄牌${q.cards.黄牌}个、红牌${q.cards.红牌}个）` : "";
    out.push(say(`正在办理${q.open}个${overdue}。`, { open: q.open, overdue: carded, ...q.cards }));
  }
  if (q.returned > 0) out.push(say(`因企业不满意退回重办${q.returned}个。`, { returned: q.returned }));
  if (q.satisfaction.surveyed > 0 && q.satisfaction.rate !== null) {
    out.push(say(`回访测评${q.satisfaction.surveyed}个，满意率${rateText(q.satisfaction.rate, d)}。`, { surveyed: q.satisfaction.surveyed, satisfactionRate: q.satisfaction.rate }));
  }
  return out;
}

/** "2023-10-20" → "2023年10月20日". */
function dateWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

// ------------------------------------------------------------------------ 5. 预警与问题

/** "…的N户" phrases per warning rule, with the thresholds the analysis used. */
function ruleWords(id: RuleId, p: MonitorParams): string {
  const n = (x: number) => String(roundHalfUp(x * 100, 1));
  switch (id) {
    case "below-scale":
      return "营业收入进度低于规上标准的";
    case "month-drop":
      return `本月产值不足上年同月${n(p.monthDrop)}%的`;
    case "ytd-decline":
      return `累计产值同比下降超过${n(p.ytdDecline)}%的`;
    case "three-month-decline":
      return `连续${p.declineMonths}个月产值同比下降的`;
    case "va-rate-shift":
      return `增加值率较上年变动超过${n(p.vaRateShift)}个百分点的`;
  }
}
const MAX_NAMES = 10;
const names = (xs: string[]) => (xs.length > MAX_NAMES ? `${xs.slice(0, MAX_NAMES).join("、")}等` : xs.join("、"));

function warnings(m: MonitorResult | null, p: PoolDoc | null, netSaidInPool: boolean): Sentence[] {
  const out: Sentence[] = [];
  if (m && m.warnings.length) {
    const byRule = new Map<RuleId, Set<string>>();
    for (const w of m.warnings) {
      if (!byRule.has(w.rule)) byRule.set(w.rule, new Set());
      byRule.get(w.rule)!.add(w.firm);
    }
    const firms = new Set(m.warnings.map((w) => w.firm));
    const parts = RULES.filter((x) => byRule.has(x.id)).map((x) => `${ruleWords(x.id, m.params)}${byRule.get(x.id)!.size}户`);
    out.push(say(`运行监测预警企业${firms.size}户，其中：${parts.join("、")}。`, { firms: firms.size, ...Object.fromEntries([...byRule].map(([k, v]) => [k, v.size])) }));
    // Each firm at risk of 退规 with its projected annual revenue, in 万元 (a small firm's amount).
    const risk = m.warnings.filter((w) => w.rule === "below-scale");
    if (risk.length) {
      const listed = risk.slice(0, MAX_NAMES).map((w) => `${w.firm}（预计全年营业收入${amount(w.value)}）`);
      out.push(
        say(`有退规风险的企业${risk.length}户：${listed.join("、")}${risk.length > MAX_NAMES ? "等" : ""}。`, {
          belowScale: risk.length,
          ...Object.fromEntries(risk.map((w) => [w.firm, w.value])),
        }),
      );
    }
  }
  if (p) {
    const atRisk = p.firms.filter((f) => f.atRisk).map((f) => f.name);
    if (atRisk.length) out.push(say(`拟进规企业中预计年内达不到规模标准的${atRisk.length}家：${names(atRisk)}。`, { atRisk: atRisk.length }));
  }
  if (m) {
    // The weakest targets: every 总量 target behind 序时进度 (the furthest first), every 增速 target below its goal.
    const shown = (x: TargetProgress) => x.gap !== null && x.gap < -0.0005 && !(netSaidInPool && isNetTarget(x));
    const behind = m.targets.filter((x) => x.kind === "总量" && shown(x)).sort((a, b) => a.gap! - b.gap!);
    if (behind.length === 1) {
      const w = behind[0]!;
      out.push(say(`${w.name}完成进度低于序时进度${points(w.gap!)}，在各项目标中差距最大。`, { name: w.name, gap: w.gap }));
    } else if (behind.length > 1) {
      const list = behind.map((x) => `${x.name}（低于${points(x.gap!)}）`).join("、");
      out.push(
        say(`完成进度低于序时进度的目标${behind.length}项：${list}，其中${behind[0]!.name}差距最大。`, {
          behind: behind.length,
          ...Object.fromEntries(behind.map((x) => [x.name, x.gap])),
        }),
      );
    }
    const slow = m.targets.filter((x) => x.kind === "增速" && x.actual !== null && shown(x)).sort((a, b) => a.gap! - b.gap!);
    for (const x of slow) out.push(say(`${x.name}${pct(x.actual!)}，低于年度目标${points(x.gap!)}。`, { name: x.name, actual: x.actual, target: x.target, gap: x.gap }));
  }
  return out;
}

/** The closing table of the sources: one row a part (sheet, month, as-of date). */
export const SOURCE_HEADER = ["内容", "工作表", "月份", "截至日期"] as const;

export function sourceRow(s: Source): string[] {
  return [s.part, s.sheet, s.month === null ? "—" : monthSpan(s.month), s.asOf ?? "—"];
}

/** The report as plain lines: title, headings, one paragraph per section, then the sources. */
export function reportLines(r: Report): string[] {
  const lines = [r.title, ""];
  for (const s of r.sections) lines.push(s.heading, s.sentences.map((x) => x.text).join(""), "");
  if (r.sources.length) {
    lines.push("数据来源");
    for (const s of r.sources) lines.push(`${s.part}：工作表“${s.sheet}”，${s.period}${s.asOf ? `，截至${s.asOf}` : ""}`);
  }
  return lines;
}

/** The sheet the pane writes the text to (one paragraph a row, so it can be copied). */
export const REPORT_SHEET = "分析材料";

/** The 分析材料 sheet: the report's lines in column A, as text. */
export function reportSheetRows(r: Report): string[][] {
  return reportLines(r).map((line) => [line]);
}
