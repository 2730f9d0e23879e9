/**
 * The custom functions, engine-neutral: raw cell values in (number | string | boolean | null |
 * undefined | CellError | matrices of those), a cell value, a CellError or a matrix out.
 * Excel (functions.ts), HyperFormula (workbench/jxPlugin.ts) and WPS (wps/functions.ts) all
 * call exactly these. Views of the function table (table.ts, one table per family in
 * families/), which is where a function is declared.
 *
 * Argument errors, in this order: an error value in an argument propagates; a blank required
 * cell → #N/A; non-numeric text → #VALUE!; then the core function's own #NUM! and #DIV/0!.
 * No implementation throws: an unexpected exception becomes #VALUE!.
 */
import type { DocumentedError, ParamDef } from "./define";
import { FUNCTION_IDS, FunctionId, FUNCTIONS } from "./table";

export type { Out, OutValue } from "./broadcast";
export type { ParamSpec } from "./define";
export { FUNCTION_IDS, FUNCTIONS };
export type { FunctionId };

const view = <T>(pick: (id: FunctionId) => T) => Object.fromEntries(FUNCTION_IDS.map((id) => [id, pick(id)])) as Record<FunctionId, T>;

/** Parameters (name, kind, optional) and result shape of each function. */
export const SPECS: Record<FunctionId, { params: readonly ParamDef[]; result: "each" | "rows" | "single" }> = view((id) => ({
  params: FUNCTIONS[id].params,
  result: FUNCTIONS[id].result,
}));

/** The implementations, keyed by function id; arguments in the documented order. */
export const impl = view((id) => FUNCTIONS[id].impl);

/** The errors each function can return for bad input (besides errors propagated from its arguments). */
export const DOCUMENTED_ERRORS: Record<FunctionId, readonly DocumentedError[]> = view((id) => FUNCTIONS[id].errors);
