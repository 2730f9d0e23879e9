/**
 * The custom-function metadata generated from the function table (src/functions/metadata.ts):
 * - functions.json is exactly what Microsoft's generator (custom-functions-metadata, the one
 *   custom-functions-metadata-plugin runs) writes for the same functions declared in JSDoc;
 * - functions-zh-cn.json is the same file with the zh-CN names and descriptions;
 * - every name is valid, unique and not an Excel built-in.
 * (dist/functions.json is tested after the build in test/skeleton/bundle.test.ts.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import zhDefault, { zhCN } from "../../src/functions/zh-CN";
import { FUNCTION_IDS, FUNCTIONS } from "../../src/functions/table";
import { excelMetadata, metadataFiles, metadataProblems } from "../../src/functions/metadata";

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
const ISSUE_IDS = [
  "YOY_GROWTH", "TARGET_RATE", "TIME_PROGRESS", "PROGRESS_GAP", "CONTRIBUTION", "PULL", "MU", "ACRE_TAX", "ACRE_REVENUE",
  "ENERGY_TAX", "LABOR_PRODUCTIVITY", "ACRE_SCORE", "ACRE_GRADE", "USCC_VALID", "APPEAL_CARD", "SCALE_PROJECTION", "SCALE_GAP",
];

/** The table written as the JSDoc wrappers Microsoft's generator reads. */
function asJsDoc(): string {
  return FUNCTION_IDS.map((id) => {
    const f = FUNCTIONS[id];
    const tags = f.params.map((p) => ` * @param ${p.optional ? `[${p.name}]` : p.name} ${p.description}`);
    const args = f.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.kind === "single" ? "any" : "any[][]"}`);
    const ret = f.result === "single" ? "any" : "any[][]";
    return `/**\n * ${f.description}\n * @customfunction ${id}\n${tags.join("\n")}\n */\nexport function f_${id}(${args.join(", ")}): ${ret} {\n  return null as never;\n}\n`;
  }).join("\n");
}

test("the table has exactly the issue's 17 functions, in the documented order", () => {
  expect(FUNCTION_IDS).toEqual(ISSUE_IDS);
});

test("functions.json is what Microsoft's generator writes for the same declarations", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-meta-"));
  try {
    const file = path.join(dir, "functions.ts");
    fs.writeFileSync(file, asJsDoc());
    const result = await generateCustomFunctionsMetadata(file, false);
    expect(result.errors).toEqual([]);
    expect(metadataFiles()["functions.json"]).toBe(result.metadataJson);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60000);

test("ranges and spills: ⟂ and range parameters are matrices, a single cell is a scalar", () => {
  const en = excelMetadata("en");
  const by = (id: string) => en.functions.find((f) => f.id === id)!;
  expect(by("TIME_PROGRESS")).toEqual({
    description: FUNCTIONS.TIME_PROGRESS.description,
    id: "TIME_PROGRESS",
    name: "TIME_PROGRESS",
    parameters: [{ description: "A month number 1–12, or a date.", name: "month_or_date", type: "any" }],
    result: {},
  });
  expect(by("ACRE_SCORE").parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
    ["values", "matrix", false],
    ["benchmarks", "matrix", false],
    ["weights", "matrix", false],
    ["cap", "scalar", true],
  ]);
  expect(by("APPEAL_CARD").parameters.map((p) => p.name)).toEqual(["due_date", "as_of", "closed_date", "thresholds", "working_days"]);
  expect(by("APPEAL_CARD").result).toEqual({ dimensionality: "matrix" });
});

test("functions-zh-cn.json: the same functions with the zh-CN names and descriptions", () => {
  const en = excelMetadata("en");
  const zh = JSON.parse(metadataFiles()["functions-zh-cn.json"]) as typeof en;
  expect(zh.functions.map((f) => f.id)).toEqual(ISSUE_IDS);
  const yoy = zh.functions[0];
  expect([yoy.name, yoy.parameters.map((p) => p.description)]).toEqual(["同比增速", ["本期值，或一个区域。", "上年同期值，或同样大小的区域。"]]);
  for (const [i, f] of zh.functions.entries()) {
    const e = en.functions[i];
    // only the texts differ
    const strip = (x: typeof f) => ({ ...x, name: "", description: "", parameters: x.parameters.map((p) => ({ ...p, description: "" })) });
    expect(strip(f)).toEqual(strip(e));
    expect([f.id, /[\u4e00-\u9fff]/.test(f.name), /[\u4e00-\u9fff]/.test(f.description), f.description !== e.description]).toEqual([f.id, true, true, true]);
    for (const p of f.parameters) expect([f.id, p.name, /[\u4e00-\u9fff]/.test(p.description)]).toEqual([f.id, p.name, true]);
  }
});

test("the zh-CN view lists every function and parameter", () => {
  expect(zhDefault).toBe(zhCN);
  expect(Object.keys(zhCN)).toEqual(ISSUE_IDS);
  expect(zhCN.SCALE_GAP.parameters.threshold).toBe("可选：规上标准（万元），默认 2000。");
  for (const id of FUNCTION_IDS) expect(Object.keys(zhCN[id].parameters)).toEqual(FUNCTIONS[id].params.map((p) => p.name));
});

test("names are valid, unique and not Excel built-ins", () => {
  expect(metadataProblems()).toEqual([]);
  const zhNames = Object.values(zhCN).map((t) => t.name);
  const all = [...zhNames, ...FUNCTION_IDS];
  for (const name of all) {
    expect([name, NAME.test(name), name.length <= 128]).toEqual([name, true, true]);
    expect(BUILT_INS.map((b) => b.toUpperCase())).not.toContain(name.toUpperCase());
  }
  expect(new Set(zhNames).size).toBe(zhNames.length);
  expect(new Set(all.map((n) => n.toUpperCase())).size).toBe(all.length);
});
