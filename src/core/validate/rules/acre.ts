/**
 * Rules of the per-mu evaluation data (亩均效益评价数据): land, scope (the evaluation's own 规下
 * minimum land from the 参数 sheet, and the 经开区 exception), tax vs revenue, a negative tax
 * (提示), energy and employees, the 定档调档 columns (a reason for each adjustment), plus the
 * common ones. The table kind is the per-mu engineer's acreSpec.
 */
import type { CellValue } from "../../num";
import { parseGrade } from "../../acre/compare";
import { readParams } from "../../acre/params";
import { landToMu } from "../../acre/fromTable";
import { acreSpec, NON_NEGATIVE_KEYS, parseScale, parseYes, Scale } from "../../acre/spec";
import type { TableRow } from "../../table";
import type { Rule, RuleContext, RuleSet } from "../engine";
import { duplicateRule, fmt, negativeRule, parseRule, rateRule, requiredRule, totalRule, usccCheckRule, usccFormatRule } from "./common";

/** Below-scale firms using less land than this (亩) are outside the evaluation: the default of 参数 规下企业用地下限(亩). */
export const MIN_BELOW_SCALE_LAND = readParams(null).params.minLandBelowScale;

const NUMBER_KEYS = acreSpec.fields.filter((f) => f.type === "number").map((f) => f.key);

/** The evaluation's parameters: the 参数 sheet's rows when given, else the defaults. */
function evaluationParams(ctx: RuleContext) {
  return readParams(ctx.options.paramSheet ?? null).params;
}
const scaleOf = (row: TableRow): Scale | null => parseScale(row.raw.scale);

const scale: Rule<{ header: string; text: string }> = {
  id: "A-SCALE",
  severity: "error",
  title: "规模无法识别",
  gloss: "scale not recognised",
  reads: ["scale"],
  message: (p) => `“${p.header}”应为“规上”或“规下”，实际为“${p.text}” (scale must be 规上 or 规下, found ${p.text})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const t = ctx.str(row, "scale");
      if (t !== null && scaleOf(row) === null) emit({ row: row.row, key: "scale" }, { header: ctx.header("scale"), text: t });
    }
  },
};

const land: Rule<{ header: string; value: number }> = {
  id: "A-LAND",
  severity: "error",
  title: "用地面积应大于 0",
  gloss: "land must be positive",
  reads: ["land"],
  message: (p) => `“${p.header}”应大于 0，实际为 ${fmt(p.value)} (land must be greater than 0, found ${fmt(p.value)})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const v = ctx.num(row, "land");
      if (v !== null && v <= 0) emit({ row: row.row, key: "land" }, { header: ctx.header("land"), value: v });
    }
  },
};

const scope: Rule<{ value: number; min: number; typed: number }> = {
  id: "A-SCOPE",
  severity: "warning",
  title: "规下企业用地不足参评下限，不在评价范围",
  gloss: "below-scale firm under the minimum land: outside the evaluation",
  reads: ["land", "scale"],
  message: (p) =>
    `规下企业用地 ${p.typed !== p.value ? `${fmt(p.typed)} 平方米（${fmt(p.value)} 亩）` : `${fmt(p.value)} 亩`}，不足 ${fmt(p.min)} 亩，不在评价范围，请核实或移出 (below-scale firm with ${fmt(p.value)} 亩 < ${fmt(p.min)} 亩 is outside the evaluation; verify or remove it)`,
  check(ctx, emit) {
    // the evaluation's 规下企业用地下限(亩), on the land in 亩 as the evaluation reads it (用地面积单位)
    const params = evaluationParams(ctx);
    const min = params.minLandBelowScale;
    const toMu = landToMu(ctx.table, params);
    for (const row of ctx.table.rows) {
      const typed = ctx.num(row, "land");
      const v = typed === null ? null : toMu(typed);
      if (v !== null && v > 0 && v < min && scaleOf(row) === "规下" && parseYes(row.raw.inZone) !== true) emit({ row: row.row, key: "land" }, { value: v, min, typed: typed! });
    }
  },
};

const negativeTax: Rule<{ header: string; value: number; refund: number | null }> = {
  id: "A-TAX-NEG",
  severity: "warning",
  title: "实缴税金为负",
  gloss: "negative tax",
  reads: ["tax"],
  message: (p, ctx) =>
    p.refund !== null && p.value + p.refund >= 0
      ? `“${p.header}”为负数（${ctx.shown("tax", p.value)}），常见于增值税留抵退税后；税收口径为加回留抵退税，评价税收 = ${ctx.shown("tax", p.value)} + 留抵退税 ${ctx.shown("tax", p.refund)} = ${ctx.shown("tax", p.value + p.refund)}，按此计分，请核实 (negative tax ${ctx.shown("tax", p.value)}; with 税收口径 加回留抵退税 the tax scored is ${ctx.shown("tax", p.value + p.refund)}; please verify)`
      : `“${p.header}”为负数（${ctx.shown("tax", p.value)}），常见于增值税留抵退税后；企业仍参评，税收类指标按 0 分计，汇总按实际数，请核实 (negative tax ${ctx.shown("tax", p.value)}, common after VAT-credit refunds: the firm stays in scope, its tax indicators score 0, the aggregates use it as reported; please verify)`,
  check(ctx, emit) {
    // 税收口径 of the evaluation (参数 sheet): with 加回留抵退税 the refund is added before scoring
    const addRefund = evaluationParams(ctx).taxBasis === "addRefund" && !!ctx.table.columns.vatRefund;
    for (const row of ctx.table.rows) {
      const v = ctx.num(row, "tax");
      if (v !== null && v < 0) emit({ row: row.row, key: "tax" }, { header: ctx.header("tax"), value: v, refund: addRefund ? (ctx.num(row, "vatRefund") ?? 0) : null });
    }
  },
};

/** The 定档调档 columns: which one a row uses, and its reason column. */
const ADJUSTMENTS = [
  { key: "veto", reason: "vetoReason", label: "一票否决", reasonLabel: "否决原因", on: (row: TableRow) => parseYes(row.raw.veto) === true },
  { key: "ungraded", reason: "ungradedReason", label: "不定等级", reasonLabel: "不定等级原因", on: (row: TableRow) => parseYes(row.raw.ungraded) === true },
  { key: "override", reason: "overrideReason", label: "调整等级", reasonLabel: "调整原因", on: (row: TableRow) => parseGrade(row.raw.override as CellValue) !== null },
] as const;

const adjustmentReason: Rule<{ label: string; reasonLabel: string }> = {
  id: "A-ADJ-REASON",
  severity: "error",
  title: "调整未填写原因",
  gloss: "adjustment without a reason",
  reads: [], // optional columns: nothing to check (and nothing to report as skipped) without them
  message: (p) => `${p.label}须填写“${p.reasonLabel}”（报领导小组的依据）(${p.label} needs a reason in ${p.reasonLabel})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      for (const a of ADJUSTMENTS) {
        if (ctx.table.columns[a.key] && a.on(row) && (ctx.str(row, a.reason) ?? "").trim() === "") emit({ row: row.row, key: a.key }, { label: a.label, reasonLabel: a.reasonLabel });
      }
    }
  },
};

const adjustmentValue: Rule<{ header: string; text: string; expected: string }> = {
  id: "A-ADJ-VALUE",
  severity: "error",
  title: "定档调档列的值无法识别",
  gloss: "unreadable value in an adjustment column",
  reads: [],
  message: (p) => `“${p.header}”应为${p.expected}，实际为“${p.text}” (${p.header} must be ${p.expected === "A、B、C 或 D" ? "A, B, C or D" : "是 or 否"}, found ${p.text})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      for (const key of ["inZone", "veto", "ungraded", "override"]) {
        const t = ctx.table.columns[key] ? ctx.str(row, key) : null;
        if (t === null || t.trim() === "") continue;
        const ok = key === "override" ? parseGrade(t) !== null : parseYes(t) !== null;
        if (!ok) emit({ row: row.row, key }, { header: ctx.header(key), text: t, expected: key === "override" ? "A、B、C 或 D" : "“是”或“否”" });
      }
    }
  },
};

const adjustmentMany: Rule<{ labels: string }> = {
  id: "A-ADJ-MULTI",
  severity: "warning",
  title: "一户企业有多项调整",
  gloss: "more than one adjustment for a firm",
  reads: [], // optional columns: nothing to check (and nothing to report as skipped) without them
  message: (p) => `同时填写了${p.labels}：按一票否决、不定等级、调整等级的顺序只采用第一项 (several adjustments: only the first of veto, 不定等级, override applies)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const on = ADJUSTMENTS.filter((a) => ctx.table.columns[a.key] && a.on(row));
      if (on.length > 1) emit({ row: row.row, key: on[1].key }, { labels: on.map((a) => `“${a.label}”`).join("、") });
    }
  },
};

const taxGtRevenue: Rule<{ tax: number; revenue: number }> = {
  id: "A-TAX-GT-REV",
  severity: "error",
  title: "实缴税金大于营业收入",
  gloss: "tax exceeds revenue",
  reads: ["tax", "revenue"],
  message: (p, ctx) => `实缴税金 ${ctx.shown("tax", p.tax)} 大于营业收入 ${ctx.shown("revenue", p.revenue)}，请核对单位 (tax ${ctx.shown("tax", p.tax)} exceeds revenue ${ctx.shown("revenue", p.revenue)}; check the units)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const t = ctx.num(row, "tax");
      const r = ctx.num(row, "revenue");
      if (t !== null && r !== null && t > r + 1e-9 * Math.max(1, Math.abs(r))) emit({ row: row.row, key: "tax" }, { tax: t, revenue: r });
    }
  },
};

/** A positive value for above-scale firms (blank or ≤ 0 is an error); for others only ≤ 0 when filled. */
function positive(ctx: RuleContext, row: TableRow, key: string, aboveOnly: boolean): number | "blank" | null {
  const v = ctx.num(row, key);
  const above = scaleOf(row) === "规上";
  if (v === null) {
    const raw = row.raw[key];
    const isBlank = raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
    return above && isBlank ? "blank" : null; // an unparseable cell is reported by A-NUM
  }
  if (v <= 0 && (above || !aboveOnly)) return v;
  return null;
}

const energy: Rule<{ header: string; value: number | "blank" }> = {
  id: "A-ENERGY",
  severity: "error",
  title: "规上企业综合能耗应大于 0",
  gloss: "energy use of an above-scale firm must be positive",
  reads: ["energy", "scale"],
  message: (p) =>
    p.value === "blank"
      ? `规上企业“${p.header}”不能为空 (energy use of an above-scale firm is blank)`
      : `规上企业“${p.header}”应大于 0，实际为 ${fmt(p.value)} (energy use of an above-scale firm must be positive, found ${fmt(p.value)})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const v = positive(ctx, row, "energy", true);
      if (v !== null) emit({ row: row.row, key: "energy" }, { header: ctx.header("energy"), value: v });
    }
  },
};

const employees: Rule<{ header: string; value: number | "blank" }> = {
  id: "A-EMP",
  severity: "error",
  title: "从业人员应大于 0",
  gloss: "employees must be positive",
  reads: ["employees"],
  message: (p) =>
    p.value === "blank"
      ? `规上企业“${p.header}”不能为空 (employees of an above-scale firm is blank)`
      : `“${p.header}”应大于 0，实际为 ${fmt(p.value)} (employees must be positive, found ${fmt(p.value)})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const v = positive(ctx, row, "employees", false);
      if (v !== null) emit({ row: row.row, key: "employees" }, { header: ctx.header("employees"), value: v });
    }
  },
};

export const acreRules: Rule[] = [
  requiredRule("A", ["name", "uscc", "scale", "land", "tax", "revenue"]),
  usccFormatRule("A"),
  usccCheckRule("A"),
  duplicateRule("A"),
  parseRule("A"),
  negativeRule("A", NON_NEGATIVE_KEYS), // 实缴税金 may be negative: a 提示, A-TAX-NEG
  scale,
  land,
  scope,
  negativeTax,
  taxGtRevenue,
  energy,
  employees,
  adjustmentReason,
  adjustmentValue,
  adjustmentMany,
  totalRule("A", NUMBER_KEYS),
  rateRule(),
];

export const acreRuleSet: RuleSet = {
  id: "acre",
  title: "亩均数据",
  gloss: "per-mu evaluation data",
  spec: acreSpec,
  rules: acreRules,
  noteKey: "note",
};
