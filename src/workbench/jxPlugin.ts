/**
 * The Jingxin custom functions as a HyperFormula plugin (JX.YOY_GROWTH …), for tests, the
 * benchmark and the browser workbench. It calls the very implementations Excel calls
 * (src/functions/impl.ts). HyperFormula is GPL-3.0 and test/workbench-only: never import this
 * module from src/functions or src/taskpane.
 */
import {
  ArraySize,
  CellError as HFCellError,
  ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import { CellError, isError } from "../core/result";
import { FUNCTION_IDS, FunctionId, impl, Out, OutValue, SPECS } from "../functions/impl";

export const JX_PREFIX = "JX.";

const TO_HF: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};
const FROM_HF: Record<string, string> = Object.fromEntries(Object.entries(TO_HF).map(([k, v]) => [v, k]));

/** An error read from a cell keeps the original HyperFormula error, so it propagates unchanged. */
interface PropagatedError extends CellError {
  hf: HFCellError;
}

function scalarFromHF(v: unknown): unknown {
  if (v === EmptyValue) return null;
  if (v instanceof HFCellError) {
    const e: PropagatedError = { error: (FROM_HF[v.type] ?? "#VALUE!") as CellError["error"], message: v.message ?? "", hf: v };
    return e;
  }
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val;
  return v;
}

/** HyperFormula argument → the raw value impl.ts expects (a range → a matrix of rows). */
export function fromHF(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(scalarFromHF));
  return scalarFromHF(v);
}

function cellToHF(v: Out): unknown {
  if (!isError(v)) return v;
  const hf = (v as Partial<PropagatedError>).hf;
  return hf instanceof HFCellError ? hf : new HFCellError(TO_HF[v.error] ?? ErrorType.VALUE, v.message);
}

/** impl.ts result → HyperFormula value (a matrix → a SimpleRangeValue that spills). */
export function toHF(v: OutValue): unknown {
  if (!Array.isArray(v)) return cellToHF(v);
  if (v.length === 1 && v[0].length === 1) return cellToHF(v[0][0]);
  return SimpleRangeValue.onlyValues(v.map((row) => row.map(cellToHF)) as never);
}

type Ast = { procedureName: string; args: unknown[] };
type State = unknown;

export class JxPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  /** Result size predicted from the formula (HyperFormula reserves the spill range before evaluating). */
  jxSize(ast: Ast, state: State): ArraySize {
    const id = ast.procedureName.slice(JX_PREFIX.length) as FunctionId;
    const spec = SPECS[id];
    if (!spec || spec.result === "single") return ArraySize.scalar();
    const sizeOf = (i: number) => (i < ast.args.length ? this.arraySizeForAst(ast.args[i] as never, state as never) : ArraySize.scalar());
    if (spec.result === "rows") {
      const s = sizeOf(0);
      return new ArraySize(1, Math.max(1, s.height));
    }
    let w = 1;
    let h = 1;
    for (let i = 0; i < spec.params.length; i++) {
      if (spec.params[i].kind !== "each") continue;
      const s = sizeOf(i);
      if (s.width === 1 && s.height === 1) continue;
      if ((w !== 1 || h !== 1) && (w !== s.width || h !== s.height)) return ArraySize.scalar(); // shape mismatch → one #VALUE!
      w = s.width;
      h = s.height;
    }
    return new ArraySize(w, h);
  }

  /** Evaluate one JX function: arguments as HyperFormula evaluated them → impl.ts → back. */
  jxRun(ast: Ast, state: State): unknown {
    const id = ast.procedureName.slice(JX_PREFIX.length) as FunctionId;
    return this.runFunction(ast.args as never, state as never, this.metadata(ast.procedureName), (...args: unknown[]) => {
      const out = impl[id](...args.map(fromHF));
      if (Array.isArray(out) && (out.length > 1 || out[0].length > 1)) {
        const size = this.jxSize(ast, state);
        if (out.length > size.height || out[0].length > size.width) {
          return new HFCellError(ErrorType.VALUE, "结果区域大小无法预先确定 (the size of the result could not be determined from the formula)");
        }
      }
      return toHF(out) as never;
    }) as never;
  }
}

for (const id of FUNCTION_IDS) {
  JxPlugin.implementedFunctions[JX_PREFIX + id] = {
    method: "jxRun",
    sizeOfResultArrayMethod: "jxSize",
    vectorizationForbidden: true,
    parameters: SPECS[id].params.map((p) => ({ argumentType: FunctionArgumentType.ANY, ...("optional" in p && p.optional ? { optionalArg: true } : {}) })),
  };
}

let registered = false;

/**
 * Register the plugin once, under the same names in every language HyperFormula has registered;
 * a language registered later (e.g. enUS) gets the names on the next call.
 */
export function registerJxPlugin(): void {
  const names = Object.fromEntries(FUNCTION_IDS.map((id) => [JX_PREFIX + id, JX_PREFIX + id]));
  const codes = HyperFormula.getRegisteredLanguagesCodes();
  if (!registered) {
    HyperFormula.registerFunctionPlugin(JxPlugin as never, Object.fromEntries(codes.map((code) => [code, names])));
    registered = true;
    return;
  }
  for (const code of codes) {
    const language = HyperFormula.getLanguage(code) as unknown as { functions?: Record<string, string>; extendFunctions(f: Record<string, string>): void };
    if (language.functions?.[JX_PREFIX + FUNCTION_IDS[0]] === undefined) language.extendFunctions(names);
  }
}

/**
 * A HyperFormula engine with the JX functions: `sheets` maps sheet names to rows of cell
 * contents (formulas as "=…"), or is one sheet's rows.
 */
export function createEngine(sheets: Record<string, RawCellContent[][]> | RawCellContent[][], config: Partial<ConfigParams> = {}): HyperFormula {
  registerJxPlugin();
  const options = { licenseKey: "gpl-v3", ...config };
  return Array.isArray(sheets) ? HyperFormula.buildFromArray(sheets, options) : HyperFormula.buildFromSheets(sheets, options);
}
