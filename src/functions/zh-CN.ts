/**
 * zh-CN names and descriptions of the custom functions, keyed by function id: a view of the
 * function table (table.ts), where each function's Chinese texts are declared beside its
 * English ones. Names: Unicode letters, digits, _ and . only, never an Excel built-in name.
 */
import { FUNCTION_IDS, FUNCTIONS } from "./table";

export interface FunctionTranslation {
  name: string;
  description: string;
  parameters: Record<string, string>;
}

export const zhCN: Record<string, FunctionTranslation> = Object.fromEntries(
  FUNCTION_IDS.map((id) => {
    const f = FUNCTIONS[id];
    return [id, { name: f.zh.name, description: f.zh.description, parameters: Object.fromEntries(f.params.map((p) => [p.name, p.zh])) }];
  }),
);

export default zhCN;
