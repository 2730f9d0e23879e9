/**
 * Rules of the per-mu evaluation data (亩均效益评价数据): land, scope, tax vs revenue, energy
 * and employees, plus the common ones. The table kind is the per-mu engineer's acreSpec.
 */
import { acreSpec, parseScale, Scale } from "../../acre/spec";
import type { TableRow } from "../../table";
import type { Rule, RuleContext, RuleSet } from "../engine";
import { duplicateRule, fmt, negativeRule, parseRule, rateRule, requiredRule, totalRule, usccCheckRule, usccFormatRule } from "./common";

/** Below-scale firms using less land than this (亩) are outside the evaluation. */
export const MIN_BELOW_SCALE_LAND = 3;

const NUMBER_KEYS = acreSpec.fields.filter((f) => f.type === "number").map((f) => f.key);
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

const scope: Rule<{ value: number }> = {
  id: "A-SCOPE",
  severity: "warning",
  title: "规下企业用地不足 3 亩，不在评价范围",
  gloss: "below-scale firm under 3 亩: outside the evaluation",
  reads: ["land", "scale"],
  message: (p) =>
    `规下企业用地 ${fmt(p.value)} 亩，不足 ${MIN_BELOW_SCALE_LAND} 亩，不在评价范围，请核实或移出 (below-scale firm with ${fmt(p.value)} 亩 < ${MIN_BELOW_SCALE_LAND} 亩 is outside the evaluation; verify or remove it)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const v = ctx.num(row, "land");
      if (v !== null && v > 0 && v < MIN_BELOW_SCALE_LAND && scaleOf(row) === "规下") emit({ row: row.row, key: "land" }, { value: v });
    }
  },
};

const taxGtRevenue: Rule<{ tax: number; revenue: number }> = {
  id: "A-TAX-GT-REV",
  severity: "error",
  title: "实缴税金大于营业收入",
  gloss: "tax exceeds revenue",
  reads: ["tax", "revenue"],
  message: (p) => `实缴税金 ${fmt(p.tax)} 大于营业收入 ${fmt(p.revenue)}，请核对单位 (tax ${fmt(p.tax)} exceeds revenue ${fmt(p.revenue)}; check the units)`,
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
  negativeRule("A", NUMBER_KEYS),
  scale,
  land,
  scope,
  taxGtRevenue,
  energy,
  employees,
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
