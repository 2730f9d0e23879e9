import { evaluateFirms, AcreFirmInput } from "../../../src/core/acre/evaluate";
import { resultSheet, toJson, readLastYear, summarySheet } from "../../../src/core/acre/result";
import { defaultParams } from "../../../src/core/acre/params";
import type { CellValue } from "../../../src/core/num";

const firms: AcreFirmInput[] = [
  { name: "乙", uscc: "B2", scale: "规上", land: 20, tax: 100, revenue: 3000, valueAdded: 300, energy: 1000, employees: 20 },
  { name: "甲", uscc: "A1", scale: "规上", land: 10, tax: 100, revenue: 1000, valueAdded: 300, energy: 1000, employees: 10 },
  { name: "小", uscc: null, scale: "规下", land: 2, tax: 10 },
  { name: "丁", uscc: null, scale: "规下", land: 5, tax: 10 },
];
const ev = evaluateFirms(firms);

describe("result sheet", () => {
  test("header, ranked order, out-of-scope firms kept at the end with their reason", () => {
    const { rows, numberFormats, formulas } = resultSheet(ev);
    expect(rows[0]).toEqual([
      "企业名称",
      "统一社会信用代码",
      "规模",
      "评价池",
      "用地面积(亩)",
      "实缴税金(万元)",
      "营业收入(万元)",
      "工业增加值(万元)",
      "综合能耗(吨标煤)",
      "年平均从业人员",
      "亩均税收(万元/亩)",
      "亩均营业收入(万元/亩)",
      "单位能耗税收(万元/吨标煤)",
      "全员劳动生产率(万元/人)",
      "亩均税收得分",
      "亩均营业收入得分",
      "单位能耗税收得分",
      "全员劳动生产率得分",
      "加减分",
      "综合得分",
      "排名",
      "排名等级",
      "调整",
      "调整原因",
      "最终等级",
      "政策导向",
      "是否参评",
      "未参评原因",
      "说明",
      "数据行",
    ]);
    expect(numberFormats).toHaveLength(rows[0].length);
    expect(formulas).toBe(false);
    expect(rows.map((r) => r[0])).toEqual(["企业名称", "甲", "乙", "丁", "小"]);
    const jia = rows[1];
    expect(jia.slice(10, 14)).toEqual([10, 100, 0.1, 30]);
    expect(jia.slice(18, 29)).toEqual([0, jia[19], 1, "B", null, null, "B", "鼓励提升", "是", null, null]); // N = 2: bounds 0, 1, 2
    expect(rows[4][26]).toBe("否");
    expect(rows[4][27]).toMatch(/不足 3 亩/);
    expect(rows[4][29]).toBe(3);
  });
  test("formula option: indicator columns as JX formulas over the same row, in the given names (formula cells, not strings)", () => {
    const { rows, formulas } = resultSheet(ev, { formulaName: (id) => `JX.${id}` });
    expect(formulas).toBe(true);
    // columns: E land, F tax, G revenue, H value added, I energy, J employees
    expect(rows[1].slice(10, 14)).toEqual([{ formula: "JX.ACRE_TAX(F2,E2)" }, { formula: "JX.ACRE_REVENUE(G2,E2)" }, { formula: "JX.ENERGY_TAX(F2,I2)" }, { formula: "JX.LABOR_PRODUCTIVITY(H2,J2)" }]);
    expect(rows[2][10]).toEqual({ formula: "JX.ACRE_TAX(F3,E3)" });
    // an indicator that cannot be computed stays blank rather than a formula error
    expect(rows[3][12]).toBeNull();
  });
  test("labour productivity over revenue when the parameter says so", () => {
    const e = evaluateFirms(firms, { ...defaultParams(), laborNumerator: "revenue" });
    const { rows } = resultSheet(e, { formulaName: (id) => `JX.${id}` });
    expect(rows[1][13]).toEqual({ formula: "JX.LABOR_PRODUCTIVITY(G2,J2)" });
  });
  test("summary sheet lists aggregates, grade counts and benchmarks", () => {
    const s = summarySheet(ev);
    expect(s[1]).toEqual(["参评企业数(户)", 3, 2, 1]);
    expect(s[2][0]).toBe("亩均税收(万元/亩)");
    expect(s[2][1]).toBeCloseTo(210 / 35, 12);
    expect(s).toContainEqual(["规上", 0, 1, 1, 0, 0, 2, 2]);
  });
});

describe("JSON", () => {
  test("shape of `jx acre --json`", () => {
    const j = toJson(ev);
    expect(Object.keys(j)).toEqual(["method", "aggregates", "grades", "firms"]);
    expect(Object.keys(j.aggregates.all)).toEqual(["taxPerMu", "revenuePerMu"]);
    expect(Object.keys(j.aggregates.aboveScale)).toEqual(["taxPerMu", "revenuePerMu", "taxPerTce", "laborProductivity"]);
    expect(j.aggregates.aboveScale.taxPerMu).toBeCloseTo(200 / 30, 12);
    expect(j.grades).toEqual({ 规上: { A: 0, B: 1, C: 1, D: 0, 不定等级: 0 }, 规下: { A: 0, B: 1, C: 0, D: 0, 不定等级: 0 } });
    expect(j.firms[2]).toEqual({
      name: "小",
      uscc: null,
      scale: "规下",
      score: null,
      rank: null,
      grade: null,
      inScope: false,
      reason: expect.stringMatching(/3 亩/),
      bonus: 0,
      rankGrade: null,
      adjustment: null,
      inZone: false,
    });
    expect(Object.keys(j.firms[0])).toEqual(["name", "uscc", "scale", "score", "rank", "grade", "inScope", "reason", "bonus", "rankGrade", "adjustment", "inZone"]);
    expect(j.method).toMatchObject({ method: "ratio", shares: [0.2, 0.45, 0.3, 0.05], separatePools: true });
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
  test("one key 全部 when the scales are ranked together", () => {
    const j = toJson(evaluateFirms(firms, { ...defaultParams(), separatePools: false }));
    expect(Object.keys(j.grades)).toEqual(["全部"]);
  });
});

describe("last year's result sheet", () => {
  test("reads this tool's own result sheet", () => {
    const { rows } = resultSheet(ev);
    const last = readLastYear({ name: "2021", startRow: 1, startCol: 1, values: rows as CellValue[][] });
    expect(last).toEqual([
      { name: "甲", uscc: "A1", grade: "B" },
      { name: "乙", uscc: "B2", grade: "C" },
      { name: "丁", uscc: null, grade: "B" },
      { name: "小", uscc: null, grade: null },
    ]);
  });
  test("any table with 企业名称 and 评价等级 (A类 …)", () => {
    const last = readLastYear({ name: "x", startRow: 3, startCol: 1, values: [["单位名称", "评价等级"], ["甲", "A类"]] });
    expect(last).toEqual([{ name: "甲", uscc: null, grade: "A" }]);
  });
  test("no grade column → an error value", () => {
    expect(readLastYear({ name: "x", startRow: 1, startCol: 1, values: [["企业名称", "统一社会信用代码"], ["甲", "1"]] })).toHaveProperty("error");
  });
});
