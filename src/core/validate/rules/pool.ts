/**
 * Rules of the cultivation pool (培育库): tiers and statuses from the allowed lists, a leader
 * (包保领导) for every 拟进规 firm, plus the common ones. The table kind is the pool engineer's poolSpec.
 */
import { poolSpec, POOL_STATUSES, POOL_TIERS } from "../../pool/spec";
import { normalizeStatus, normalizeTier } from "../../pool/analyze";
import type { Rule, RuleSet } from "../engine";
import { duplicateRule, negativeRule, parseRule, rateRule, requiredRule, totalRule, usccCheckRule, usccFormatRule } from "./common";

const NUMBER_KEYS = poolSpec.fields.filter((f) => f.type === "number").map((f) => f.key);
const TIERS: readonly string[] = POOL_TIERS;
const STATUSES: readonly string[] = POOL_STATUSES;

const tier: Rule<{ header: string; text: string }> = {
  id: "P-TIER",
  severity: "error",
  title: "培育层级不在允许范围",
  gloss: "tier not in the allowed list",
  reads: ["tier"],
  message: (p) => `“${p.header}”应为 ${TIERS.join("、")} 之一，实际为“${p.text}” (the tier must be one of ${TIERS.join(", ")}; found ${p.text})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const t = ctx.str(row, "tier");
      if (t === null) continue;
      const n = normalizeTier(t);
      if (n !== null && !TIERS.includes(n)) emit({ row: row.row, key: "tier" }, { header: ctx.header("tier"), text: t });
    }
  },
};

const status: Rule<{ header: string; text: string }> = {
  id: "P-STATUS",
  severity: "error",
  title: "状态不在允许范围",
  gloss: "status not in the allowed list",
  reads: ["status"],
  message: (p) => `“${p.header}”应为 ${STATUSES.join("、")} 之一，实际为“${p.text}” (the status must be one of ${STATUSES.join(", ")}; found ${p.text})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const t = ctx.str(row, "status");
      if (t === null) continue;
      if (!STATUSES.includes(normalizeStatus(t))) emit({ row: row.row, key: "status" }, { header: ctx.header("status"), text: t });
    }
  },
};

const leader: Rule<{ header: string }> = {
  id: "P-LEADER",
  severity: "error",
  title: "拟进规企业缺包保领导",
  gloss: "a 拟进规 firm without a leader",
  reads: ["tier", "leader"],
  message: (p) => `拟进规企业须有“${p.header}” (every 拟进规 firm needs a leader, 包保领导)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      if (normalizeTier(ctx.str(row, "tier")) === "拟进规" && ctx.str(row, "leader") === null) emit({ row: row.row, key: "leader" }, { header: ctx.header("leader") });
    }
  },
};

export const poolRules: Rule[] = [
  requiredRule("P", ["name", "tier"]),
  usccFormatRule("P"),
  usccCheckRule("P"),
  duplicateRule("P"),
  parseRule("P"),
  negativeRule("P", NUMBER_KEYS),
  tier,
  status,
  leader,
  totalRule("P", NUMBER_KEYS),
  rateRule(),
];

export const poolRuleSet: RuleSet = {
  id: "pool",
  title: "培育库",
  gloss: "cultivation pool",
  spec: poolSpec,
  rules: poolRules,
  noteKey: "note",
};
