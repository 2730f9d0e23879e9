/**
 * Validation before submission: the engine, the three rule sets and the monthly-report spec.
 */
export * from "./engine";
export * from "./specs";
export * from "./report";
export * from "./workbook";
export { monthlyRuleSet, monthlyRules, YOY_PAIRS, unitSuspicion } from "./rules/monthly";
export { acreRuleSet, acreRules, MIN_BELOW_SCALE_LAND } from "./rules/acre";
export { poolRuleSet, poolRules } from "./rules/pool";
export { appealsRuleSet, appealsRules } from "./rules/appeals";
export { rateRule, rateWrittenAs, statedRate, decimalsOf, normalizeName } from "./rules/common";
export { auditRules, LAST_YEAR_PAIRS } from "./rules/audit";
import { monthlyRuleSet } from "./rules/monthly";
import { acreRuleSet } from "./rules/acre";
import { poolRuleSet } from "./rules/pool";
import { appealsRuleSet } from "./rules/appeals";
import type { RuleSet } from "./engine";

/** All rule sets, in detection-tie order. */
export const RULE_SETS: RuleSet[] = [monthlyRuleSet, acreRuleSet, poolRuleSet, appealsRuleSet];
