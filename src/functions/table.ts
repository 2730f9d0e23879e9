/**
 * All JX functions: the family tables merged, in the documented order. Every consumer — Excel
 * (functions.ts, metadata.ts), the HyperFormula workbench (workbench/jxPlugin.ts), WPS
 * (wps/functions.ts, wps/metadata.ts) — reads this table; nothing restates it.
 */
import { safe } from "./args";
import type { FunctionDef } from "./define";
import { acreFunctions } from "./families/acre";
import { appealFunctions } from "./families/appeals";
import { idFunctions } from "./families/ids";
import { indicatorFunctions } from "./families/indicators";
import { poolFunctions } from "./families/pool";

const families = { ...indicatorFunctions, ...acreFunctions, ...idFunctions, ...appealFunctions, ...poolFunctions };

export type FunctionId = keyof typeof families;

/** id → definition; every implementation wrapped so that it never throws (an exception → #VALUE!). */
export const FUNCTIONS: Record<FunctionId, FunctionDef> = Object.fromEntries(
  Object.entries(families as Record<string, FunctionDef>).map(([id, def]) => [id, { ...def, impl: safe(def.impl) }]),
) as Record<FunctionId, FunctionDef>;

export const FUNCTION_IDS = Object.keys(FUNCTIONS) as FunctionId[];
