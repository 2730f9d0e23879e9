/**
 * The 17 JX custom functions for WPS 表格 (since WPS 12.1.0.20540; synchronous calls only):
 * the SAME engine-neutral implementations (the function table, src/functions/table.ts) that
 * Excel and the HyperFormula workbench call, registered with `wps.AddCustomFunction("JX", id, fn)` as the
 * wpsjs templates do. Formula syntax: `JX.YOY_GROWTH(B2, C2)`; names are the ASCII ids (WPS
 * accepts only `^[a-zA-Z_][a-zA-Z0-9_]*$`); the Chinese names and descriptions are in
 * functions.json (./metadata.ts), which WPS shows in 插入函数 › 用户定义.
 *
 * Results: one cell → a plain value; several cells → a 2-D array (whether WPS spills it is
 * unverified, see docs/wps.md). Errors: see toWpsCell, the one place they are translated.
 */
import { FUNCTION_IDS, FUNCTIONS, FunctionId } from "../functions/table";
import type { Out, OutValue } from "../functions/broadcast";
import { isError } from "../core/result";

export const WPS_NAMESPACE = "JX";

/**
 * A core result cell → what a WPS custom function returns. WPS documents no way for a custom
 * function to return an error value (its typings have XlCVError, but nothing says a function
 * may return one), so a CellError becomes its error text — "#DIV/0!", "#N/A", "#VALUE!",
 * "#NUM!" — which the cell shows as text: ISERROR/IFERROR do not see it as an error. This is
 * the only place the mapping lives; when WPS documents error values, change it here.
 */
export function toWpsCell(v: Out): number | string | boolean {
  return isError(v) ? v.error : v;
}

/** A core result → a WPS result: one cell (a 1×1 result too) as a plain value, else a matrix. */
export function toWps(v: OutValue): unknown {
  if (!Array.isArray(v)) return toWpsCell(v);
  if (v.length === 1 && v[0].length === 1) return toWpsCell(v[0][0]);
  return v.map((row) => row.map(toWpsCell));
}

/** The function WPS calls for an id: raw arguments to the implementation, the result translated. */
export function wpsFunction(id: FunctionId): (...args: unknown[]) => unknown {
  const f = FUNCTIONS[id].impl;
  return (...args: unknown[]) => toWps(f(...args));
}

export interface WpsFunctionHost {
  AddCustomFunction?: (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: unknown) => void;
}

/**
 * Register the functions; returns the names registered. A WPS older than 12.1.0.20540 has no
 * `AddCustomFunction`: nothing is registered, and the task pane still works.
 */
export function registerWpsFunctions(host: WpsFunctionHost | undefined): string[] {
  if (!host || typeof host.AddCustomFunction !== "function") return [];
  for (const id of FUNCTION_IDS) host.AddCustomFunction(WPS_NAMESPACE, id, wpsFunction(id));
  return [...FUNCTION_IDS];
}
