/**
 * functions.json and functions-zh-cn.json, generated from the function table (table.ts). The
 * build (scripts/functions-metadata.js) writes them; the manifest serves the zh-CN file to
 * Chinese Excel through `<bt:Override Locale="zh-cn">`. The layout is the one
 * custom-functions-metadata wrote from JSDoc (keys in alphabetical order; a ⟂ or range
 * parameter and a spilling result are "matrix", a single cell has no dimensionality).
 */
import type { FunctionDef, ParamDef } from "./define";
import { FUNCTION_IDS, FUNCTIONS } from "./table";

export type MetadataLocale = "en" | "zh-CN";

interface ParamMeta {
  description: string;
  dimensionality?: "matrix";
  name: string;
  optional?: true;
  type: "any";
}
interface FunctionMeta {
  description: string;
  id: string;
  name: string;
  parameters: ParamMeta[];
  result: { dimensionality?: "matrix" };
}
export interface ExcelMetadata {
  allowCustomDataForDataTypeAny: true;
  functions: FunctionMeta[];
}

function param(p: ParamDef, locale: MetadataLocale): ParamMeta {
  return {
    description: locale === "en" ? p.description : p.zh,
    ...(p.kind === "single" ? {} : { dimensionality: "matrix" as const }),
    name: p.name,
    ...(p.optional ? { optional: true as const } : {}),
    type: "any",
  };
}

function fn(id: string, f: FunctionDef, locale: MetadataLocale): FunctionMeta {
  return {
    description: locale === "en" ? f.description : f.zh.description,
    id,
    name: locale === "en" ? id : f.zh.name,
    parameters: f.params.map((p) => param(p, locale)),
    result: f.result === "single" ? {} : { dimensionality: "matrix" },
  };
}

/** The metadata Excel reads, in English (functions.json) or zh-CN (functions-zh-cn.json). */
export function excelMetadata(locale: MetadataLocale): ExcelMetadata {
  return { allowCustomDataForDataTypeAny: true, functions: FUNCTION_IDS.map((id) => fn(id, FUNCTIONS[id], locale)) };
}

/** The two files as the build writes them. */
export function metadataFiles(): Record<"functions.json" | "functions-zh-cn.json", string> {
  return {
    "functions.json": JSON.stringify(excelMetadata("en"), null, 4),
    "functions-zh-cn.json": JSON.stringify(excelMetadata("zh-CN"), null, 2),
  };
}

/** Excel function names (as custom-functions-metadata checks them): a letter, then letters, 0-9, "_", ".". */
export const VALID_NAME = /^[\p{L}][\p{L}0-9_.]{0,127}$/u;

/** What would make Excel reject the metadata: invalid or repeated names, missing texts. */
export function metadataProblems(): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const id of FUNCTION_IDS) {
    const f = FUNCTIONS[id];
    for (const name of [id, f.zh.name]) {
      if (!VALID_NAME.test(name)) problems.push(`${id}: “${name}” is not a valid function name`);
      const other = seen.get(name.toUpperCase());
      if (other !== undefined && other !== id) problems.push(`${id}: the name “${name}” is also used by ${other}`);
      seen.set(name.toUpperCase(), id);
    }
    if (!f.description.trim() || !f.zh.description.trim()) problems.push(`${id}: a description is empty`);
    for (const p of f.params) if (!p.description.trim() || !p.zh.trim()) problems.push(`${id}: parameter ${p.name} has an empty description`);
  }
  return problems;
}
