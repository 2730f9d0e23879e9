/**
 * Rules of the appeals register (诉求台账): required cells, dates that cannot be (办结 before
 * 受理 …), 办理时限 a whole number of days, a 满意度 outside the five ratings, a duplicate 编号,
 * and a stated rate in a summary block (RATE), plus the credit-code rules. The table kind is
 * core/appeals' appealsSpec; one firm may file many appeals, so only 编号 must be unique.
 */
import { appealsSpec, parseSatisfaction, SATISFACTION_LEVELS } from "../../appeals";
import { serialToIso } from "../../table";
import type { Rule, RuleSet } from "../engine";
import { fmt, parseRule, rateRule, requiredRule, usccCheckRule, usccFormatRule } from "./common";

const duplicateId: Rule<{ first: number; header: string; id: string }> = {
  id: "AP-DUP",
  severity: "error",
  title: "诉求编号重复",
  gloss: "duplicate appeal number",
  reads: ["id"],
  message: (p) => `“${p.header}”${p.id} 与第 ${p.first} 行重复 (appeal number ${p.id} repeats row ${p.first})`,
  check(ctx, emit) {
    const seen = new Map<string, number>();
    for (const row of ctx.table.rows) {
      const id = ctx.str(row, "id");
      if (id === null) continue;
      const k = id.replace(/\s+/g, "").toUpperCase();
      const first = seen.get(k);
      if (first !== undefined) emit({ row: row.row, key: "id" }, { first, header: ctx.header("id"), id });
      else seen.set(k, row.row);
    }
  },
};

/** Pairs of dates where the second cannot come before the first. */
const ORDER: Array<[string, string]> = [
  ["received", "closed"],
  ["closed", "redoDue"],
  ["closed", "visit"],
];

const dateOrder: Rule<{ header: string; date: string; before: string; beforeDate: string }> = {
  id: "AP-DATE",
  severity: "error",
  title: "日期先后不可能",
  gloss: "impossible date order",
  reads: ["received", "closed"],
  message: (p) => `“${p.header}”${p.date} 早于“${p.before}”${p.beforeDate} (${p.header} ${p.date} is before ${p.before} ${p.beforeDate})`,
  check(ctx, emit) {
    const pairs = ORDER.filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const x = ctx.num(row, a);
        const y = ctx.num(row, b);
        if (x !== null && y !== null && y < x) {
          emit({ row: row.row, key: b }, { header: ctx.header(b), date: serialToIso(y), before: ctx.header(a), beforeDate: serialToIso(x) });
        }
      }
    }
  },
};

const limit: Rule<{ header: string; value: number }> = {
  id: "AP-LIMIT",
  severity: "error",
  title: "办理时限应为正整数",
  gloss: "time limit must be a positive whole number of days",
  reads: ["limit"],
  message: (p) => `“${p.header}”应为正整数（天），实际为 ${fmt(p.value)} (the time limit must be a positive whole number of days, found ${fmt(p.value)})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const v = ctx.num(row, "limit");
      if (v !== null && !(Number.isInteger(v) && v > 0)) emit({ row: row.row, key: "limit" }, { header: ctx.header("limit"), value: v });
    }
  },
};

const satisfaction: Rule<{ header: string; text: string }> = {
  id: "AP-SAT",
  severity: "error",
  title: "满意度不在允许范围",
  gloss: "rating not one of the five levels",
  reads: ["satisfaction"],
  message: (p) => `“${p.header}”应为 ${SATISFACTION_LEVELS.join("、")} 之一，实际为“${p.text}” (the rating must be one of ${SATISFACTION_LEVELS.join(", ")}; found ${p.text})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const t = ctx.str(row, "satisfaction");
      if (t !== null && parseSatisfaction(t) === null) emit({ row: row.row, key: "satisfaction" }, { header: ctx.header("satisfaction"), text: t });
    }
  },
};

const ratedOpen: Rule<{ header: string; closed: string }> = {
  id: "AP-SAT-OPEN",
  severity: "warning",
  title: "未办结诉求已有满意度",
  gloss: "an open appeal has a rating",
  reads: ["satisfaction", "closed"],
  message: (p) => `已填“${p.header}”但“${p.closed}”为空：回访测评应在办结之后，请核实 (a rating without a closing date: check the register)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      if (ctx.str(row, "satisfaction") !== null && (row.raw.closed === null || row.raw.closed === undefined || row.raw.closed === "")) {
        emit({ row: row.row, key: "satisfaction" }, { header: ctx.header("satisfaction"), closed: ctx.header("closed") });
      }
    }
  },
};

export const appealsRules: Rule[] = [
  requiredRule("AP", ["id", "name", "category", "content", "unit", "received", "limit"]),
  usccFormatRule("AP"),
  usccCheckRule("AP"),
  duplicateId,
  parseRule("AP"),
  limit,
  dateOrder,
  satisfaction,
  ratedOpen,
  rateRule(),
];

export const appealsRuleSet: RuleSet = {
  id: "appeals",
  title: "诉求台账",
  gloss: "appeals register",
  spec: appealsSpec,
  rules: appealsRules,
  noteKey: "note",
};
