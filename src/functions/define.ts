/**
 * The shape of the function tables. Each family of JX functions (families/*.ts) declares its
 * functions in ONE table beside their implementation, in HyperFormula's plugin style: id →
 * parameters, English and zh-CN texts, documented errors, the engine-neutral implementation.
 * table.ts merges the families; everything else — the Excel registration (functions.ts),
 * functions.json and functions-zh-cn.json (metadata.ts), the HyperFormula plugin, WPS — is
 * generated from it.
 */
import type { Result } from "../core/result";
import { numeric } from "./args";
import type { OutValue } from "./broadcast";

/** The errors a function can return for bad input (besides errors propagated from its arguments). */
export type DocumentedError = "#N/A" | "#VALUE!" | "#NUM!" | "#DIV/0!";

/**
 * How a parameter takes ranges: "each" = elementwise (⟂), "range" = read as a whole (a list or
 * table), "single" = one cell only.
 */
export interface ParamSpec {
  name: string;
  kind: "each" | "range" | "single";
  optional?: boolean;
}

export interface ParamDef extends ParamSpec {
  /** English description (functions.json). */
  description: string;
  /** zh-CN description (functions-zh-cn.json, WPS). */
  zh: string;
}

export interface FunctionDef {
  /** English description (functions.json). */
  description: string;
  /** zh-CN name (a valid Excel function name, never a built-in) and description. */
  zh: { name: string; description: string };
  params: readonly ParamDef[];
  /** Shape of the result: "each" = the common shape of the ⟂ arguments; "rows" = one cell per row of the first argument; "single" = one cell. */
  result: "each" | "rows" | "single";
  errors: readonly DocumentedError[];
  /** Raw cell values in (arguments in the order of params), a cell value, CellError or matrix out. */
  impl: (...args: unknown[]) => OutValue;
}

export type FunctionFamily = Record<string, FunctionDef>;

/** Errors of a numeric function: blank → #N/A, text → #VALUE!, meaningless input → #NUM!, zero denominator → #DIV/0!. */
export const ALL_ERRORS = ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!"] as const;

/** A function of numeric ⟂ arguments only: its core function applied elementwise to the parsed numbers. */
export function numericFunction(def: Omit<FunctionDef, "impl" | "result">, core: (...n: number[]) => Result<unknown>): FunctionDef {
  return { ...def, result: "each", impl: numeric(def.params.map((p) => p.name), core) };
}
