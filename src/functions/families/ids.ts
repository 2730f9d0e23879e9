/**
 * Identifiers: the unified social credit code check (GB 32100-2015). The table is the one
 * place this function is declared (see ../define.ts).
 */
import { toHalfWidth } from "../../core/num";
import { usccValid } from "../../core/ids";
import { cellError, isError } from "../../core/result";
import { propagated } from "../../core/round";
import { broadcast, OutValue, single } from "../broadcast";
import { FunctionFamily } from "../define";

function usccValidCell(code: unknown): OutValue {
  return broadcast([code], (x) => {
    const v = single(x);
    if (isError(v)) return propagated(v);
    if (v === null || v === undefined || (typeof v === "string" && toHalfWidth(v).trim() === "")) {
      return cellError("#N/A", "缺少统一社会信用代码 (the code is blank)");
    }
    return typeof v === "boolean" ? false : usccValid(v);
  });
}

export const idFunctions = {
  USCC_VALID: {
    description: "Whether an 18-character unified social credit code (GB 32100-2015) has valid characters and check character.",
    zh: { name: "信用代码校验", description: "检查 18 位统一社会信用代码（GB 32100-2015）的字符和校验位：正确为 TRUE，否则 FALSE；空白 → #N/A。" },
    params: [
      { name: "code", kind: "each", description: "The code, or a range of codes (case and surrounding spaces are ignored).", zh: "统一社会信用代码，或一个区域（不区分大小写，忽略首尾空格）。" },
    ],
    result: "each",
    errors: ["#N/A", "#VALUE!"],
    impl: usccValidCell,
  },
} satisfies FunctionFamily;
