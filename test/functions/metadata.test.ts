/**
 * Source-level check of the custom-function metadata: the JSDoc in src/functions/functions.ts
 * generates without errors (the same generator custom-functions-metadata-plugin runs), its ids
 * and parameters match the engine-neutral specs, and every function and parameter has a zh-CN
 * translation with a valid, unique name that is not an Excel built-in. (dist/functions.json is
 * tested after the build elsewhere.)
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import zhDefault, { zhCN } from "../../src/functions/zh-CN";
import { FUNCTION_IDS, SPECS } from "../../src/functions/impl";

interface Meta {
  functions: Array<{ id: string; name: string; description?: string; parameters: Array<{ name: string; description?: string; optional?: boolean; dimensionality?: string }>; result: { dimensionality?: string } }>;
}

/** Common Excel built-ins, English and the Chinese words a localised UI or WPS might use. */
const BUILT_INS = [
  "SUM", "AVERAGE", "COUNT", "COUNTA", "MAX", "MIN", "IF", "IFERROR", "ROUND", "INT", "ABS", "TODAY", "NOW", "DATE", "YEAR",
  "MONTH", "DAY", "TEXT", "VALUE", "VLOOKUP", "HLOOKUP", "XLOOKUP", "INDEX", "MATCH", "SUMIF", "SUMIFS", "COUNTIF", "RANK",
  "RANK.EQ", "PERCENTRANK", "GROWTH", "TREND", "FORECAST", "RATE", "DAYS", "EDATE", "NETWORKDAYS", "WORKDAY", "PRODUCT",
  "LEN", "LEFT", "RIGHT", "MID", "TRIM", "UPPER", "LOWER", "AND", "OR", "NOT", "CHOOSE", "PERCENTILE", "QUARTILE", "MEDIAN",
  "求和", "平均值", "计数", "最大值", "最小值", "条件求和", "条件计数", "查找", "纵向查找", "横向查找", "日期", "今天", "现在",
  "年", "月", "日", "四舍五入", "取整", "如果", "文本", "排名", "排位", "增长", "趋势", "预测", "百分比", "比率", "利率",
];
const NAME = /^\p{L}[\p{L}\p{N}_.]*$/u;

let meta: Meta;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"), false);
  expect(result.errors).toEqual([]);
  meta = JSON.parse(result.metadataJson);
}, 60000);

test("functions.ts declares exactly the implemented functions, with the specified parameters", () => {
  expect(meta.functions.map((f) => f.id).sort()).toEqual([...FUNCTION_IDS].sort());
  for (const f of meta.functions) {
    const spec = SPECS[f.id as keyof typeof SPECS];
    expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => "optional" in p && Boolean(p.optional)));
    // ranges reach the function as matrices; functions that can spill return matrices
    for (const [i, p] of spec.params.entries()) expect([f.id, p.name, f.parameters[i].dimensionality ?? "scalar"]).toEqual([f.id, p.name, p.kind === "single" ? "scalar" : "matrix"]);
    expect([f.id, f.result.dimensionality ?? "scalar"]).toEqual([f.id, spec.result === "single" ? "scalar" : "matrix"]);
    expect(f.description).toBeTruthy();
    for (const p of f.parameters) expect([f.id, p.name, Boolean(p.description)]).toEqual([f.id, p.name, true]);
  }
});

test("every function and parameter has a zh-CN name and description", () => {
  expect(zhDefault).toBe(zhCN);
  expect(Object.keys(zhCN).sort()).toEqual(meta.functions.map((f) => f.id).sort());
  for (const f of meta.functions) {
    const t = zhCN[f.id];
    expect(t.name.trim()).not.toBe("");
    expect(t.description.trim()).not.toBe("");
    expect(Object.keys(t.parameters).sort()).toEqual(f.parameters.map((p) => p.name).sort());
    for (const p of f.parameters) expect([f.id, p.name, t.parameters[p.name]?.trim().length > 0]).toEqual([f.id, p.name, true]);
  }
});

test("names are valid, unique and not Excel built-ins", () => {
  const zhNames = Object.values(zhCN).map((t) => t.name);
  const all = [...zhNames, ...meta.functions.map((f) => f.name)];
  for (const name of all) {
    expect([name, NAME.test(name), name.length <= 128]).toEqual([name, true, true]);
    expect(BUILT_INS.map((b) => b.toUpperCase())).not.toContain(name.toUpperCase());
  }
  expect(new Set(zhNames).size).toBe(zhNames.length);
  expect(new Set(all.map((n) => n.toUpperCase())).size).toBe(all.length);
});
