/**
 * CellError → what Excel shows: `new CustomFunctions.Error(code, message)` (a message only for
 * #VALUE! and #N/A, the two Excel displays). Outside Excel (tests, Node) `CustomFunctions` is
 * undefined and the CellError object itself is returned.
 */
import { CellError, isError } from "../core/result";
import type { Out, OutValue } from "./broadcast";

const CODE_NAMES: Record<string, string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
  "#NULL!": "nullReference",
  "#NAME?": "invalidName",
  "#REF!": "invalidReference",
};

function runtime(): typeof CustomFunctions | undefined {
  return typeof CustomFunctions === "undefined" ? undefined : CustomFunctions;
}

export function toExcelError(e: CellError): unknown {
  const cf = runtime();
  if (!cf || typeof cf.Error !== "function") return e;
  const code = (cf.ErrorCode as unknown as Record<string, CustomFunctions.ErrorCode>)?.[CODE_NAMES[e.error] ?? "invalidValue"] ?? (e.error as CustomFunctions.ErrorCode);
  return e.error === "#VALUE!" || e.error === "#N/A" ? new cf.Error(code, e.message) : new cf.Error(code);
}

function cell(v: Out): unknown {
  return isError(v) ? toExcelError(v) : v;
}

/** A single-cell result. */
export function toExcel(v: OutValue): unknown {
  return Array.isArray(v) ? cell(v[0][0]) : cell(v);
}

/**
 * A result for a function declared to return a matrix (`any[][]`): a single cell becomes 1×1.
 * Excel always passes ranges (2-D arrays) for such functions' range parameters; a JavaScript
 * caller that passes only plain values (`args` without an array) gets a plain value back.
 */
export function toExcelMatrix(v: OutValue, args?: unknown[]): unknown[][] {
  if (args && !args.some(Array.isArray) && !Array.isArray(v)) return cell(v) as unknown[][];
  return Array.isArray(v) ? v.map((row) => row.map(cell)) : [[cell(v)]];
}
