/**
 * Jingxin custom functions (Excel): registers every function of the table (table.ts) with
 * `CustomFunctions.associate`. Each wrapper hands Excel's raw arguments to the engine-neutral
 * implementation (the same code the HyperFormula workbench and WPS run) and translates the
 * result for Excel. functions.json / functions-zh-cn.json come from the same table (metadata.ts).
 *
 * A ⟂ argument accepts a range: the function is applied elementwise over same-shaped ranges
 * (a single value broadcasts) and the result spills. Errors: blank required cell → #N/A,
 * non-numeric text → #VALUE!, meaningless input → #NUM!, zero denominator → #DIV/0!.
 */
import { toExcel, toExcelMatrix } from "./excel-errors";
import { FUNCTION_IDS, FunctionId, FUNCTIONS } from "./table";

/** The function Excel calls for an id: a single-cell result as a value, others as a matrix that spills. */
export function excelFunction(id: FunctionId): (...args: unknown[]) => unknown {
  const { impl, result } = FUNCTIONS[id];
  return result === "single" ? (...args) => toExcel(impl(...args)) : (...args) => toExcelMatrix(impl(...args), args);
}

export function registerExcelFunctions(): void {
  for (const id of FUNCTION_IDS) CustomFunctions.associate(id, excelFunction(id));
}

if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.associate === "function") registerExcelFunctions();
