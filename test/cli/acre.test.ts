import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { makeAcreSample } from "../../src/core/acre/sampleData";
import { roundHalfUp } from "../../src/core/round";
import { small } from "../core/acre/fixture";
import { jx, tempDir, writeXlsx } from "./helpers";

const tmp = tempDir("jx-acre-");

describe("jx acre --json", () => {
  test("the contract: keys, hand-computed values, input bytes unchanged", async () => {
    const file = await writeXlsx(tmp("small.xlsx"), { 亩均数据: small });
    const before = fs.readFileSync(file);
    const { code, out, err } = await jx("acre", file, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(["method", "aggregates", "grades", "firms"]);
    expect(j.method).toMatchObject({
      method: "ratio",
      weights: { 规上: { taxPerMu: 50, revenuePerMu: 25, taxPerTce: 15, laborProductivity: 10 }, 规下: { taxPerMu: 100 } },
      shares: [0.2, 0.45, 0.3, 0.05],
      separatePools: true,
      minLandBelowScale: 3,
    });
    expect(Object.keys(j.aggregates)).toEqual(["all", "aboveScale"]);
    expect(Object.keys(j.aggregates.all)).toEqual(["taxPerMu", "revenuePerMu"]);
    expect(Object.keys(j.aggregates.aboveScale)).toEqual(["taxPerMu", "revenuePerMu", "taxPerTce", "laborProductivity"]);
    expect(j.aggregates.all.taxPerMu).toBeCloseTo(360 / 60, 12);
    expect(j.aggregates.all.revenuePerMu).toBeCloseTo(5600 / 60, 12);
    expect(j.aggregates.aboveScale.taxPerTce).toBeCloseTo(0.096, 12);
    expect(j.aggregates.aboveScale.laborProductivity).toBeCloseTo(20, 12);
    expect(j.grades).toEqual({ 规上: { A: 1, B: 1, C: 1, D: 0, 不定等级: 0 }, 规下: { A: 0, B: 1, C: 1, D: 0, 不定等级: 0 } });
    expect(j.firms).toHaveLength(7);
    for (const f of j.firms) expect(Object.keys(f)).toEqual(["name", "uscc", "scale", "score", "rank", "grade", "inScope", "reason", "bonus", "rankGrade", "adjustment", "inZone"]);
    expect(j.firms[0]).toEqual({
      name: "甲",
      uscc: "A1",
      scale: "规上",
      score: expect.closeTo(133.958333, 5),
      rank: 1,
      grade: "A",
      inScope: true,
      reason: null,
      bonus: 0,
      rankGrade: "A",
      adjustment: null,
      inZone: false,
    });
    expect(j.firms[3]).toMatchObject({ name: "零能耗", inScope: false, score: null, rank: null, grade: null, reason: expect.stringContaining("综合能耗为 0") });
    expect(j.firms[6]).toMatchObject({ name: "小厂", scale: "规下", inScope: false, reason: expect.stringContaining("不足 3 亩") });
  });

  test("the 221-firm sample reproduces the seed's four county figures", async () => {
    const s = makeAcreSample(2021);
    const file = await writeXlsx(tmp("sample.xlsx"), { 亩均数据: [s.header, ...s.rows] });
    const { code, out } = await jx("acre", file, "--json");
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(roundHalfUp(j.aggregates.all.taxPerMu, 1)).toBe(7.6);
    expect(roundHalfUp(j.aggregates.all.revenuePerMu, 1)).toBe(83.9);
    expect(roundHalfUp(j.aggregates.aboveScale.taxPerTce, 3)).toBe(0.069);
    expect(roundHalfUp(j.aggregates.aboveScale.laborProductivity, 1)).toBe(36.8);
    expect(j.firms).toHaveLength(221);
    expect(j.firms.filter((f: { scale: string }) => f.scale === "规上")).toHaveLength(103);
    expect(j.firms.every((f: { inScope: boolean }) => f.inScope)).toBe(true);
  });

  test("parameters from the 参数 sheet: ranked together → one key 全部", async () => {
    const file = await writeXlsx(tmp("together.xlsx"), {
      亩均数据: small,
      参数: [
        ["参数", "值"],
        ["规上规下分开排名", "否"],
      ],
    });
    const j = JSON.parse((await jx("acre", file, "--json")).out);
    expect(Object.keys(j.grades)).toEqual(["全部"]);
    expect(j.method.separatePools).toBe(false);
  });

  test("--sheet picks the data sheet; 用地面积(平方米) is converted", async () => {
    const file = await writeXlsx(tmp("sqm.xlsx"), {
      说明: [["本表为说明"]],
      数据: [
        ["单位名称", "规模", "用地面积(平方米)", "税收", "营业收入"],
        ["甲", "规下", 2000, 30, 100],
        ["乙", "规下", 1999, 30, 100],
      ],
    });
    const j = JSON.parse((await jx("acre", file, "--sheet", "数据", "--json")).out);
    expect(j.firms.map((f: { inScope: boolean }) => f.inScope)).toEqual([true, false]);
    expect(j.aggregates.all.taxPerMu).toBeCloseTo(10, 12); // 30 / 3 亩
  });
});

describe("jx acre --out", () => {
  test("writes the result workbook; refuses an existing file without --force; never the input", async () => {
    const file = await writeXlsx(tmp("in.xlsx"), { 亩均数据: small });
    const before = fs.readFileSync(file);
    const out = tmp("result.xlsx");
    const r = await jx("acre", file, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/亩均税收 6\.0 万元\/亩/);
    expect(r.out).toMatch(/第 5 行 零能耗/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["亩均评价结果", "亩均评价汇总", "参数"]);
    const ws = wb.getWorksheet("亩均评价结果")!;
    expect(ws.getCell("A2").value).toBe("甲");
    expect(ws.getCell("Y2").value).toBe("A"); // 最终等级
    expect(ws.getCell("AA8").value).toBe("否"); // 是否参评

    const again = await jx("acre", file, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已存在.*--force/);
    expect((await jx("acre", file, "--out", out, "--force")).code).toBe(0);

    const self = await jx("acre", file, "--out", file, "--force");
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/不能覆盖输入文件/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test("--last-year compares with a previous result", async () => {
    const last = await writeXlsx(tmp("2021.xlsx"), {
      亩均评价结果: [
        ["企业名称", "统一社会信用代码", "等级"],
        ["甲", "A1", "C"],
        ["关停厂", null, "D"],
      ],
    });
    const file = await writeXlsx(tmp("2022.xlsx"), { 亩均数据: small });
    const r = await jx("acre", file, "--last-year", last);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/↑ 甲 C→A/);
    expect(r.out).toMatch(/− 关停厂（上年 D）/);
  });
});

describe("jx acre errors (exit 2)", () => {
  test("missing file, missing column, unknown sheet", async () => {
    expect((await jx("acre", tmp("nope.xlsx"))).code).toBe(2);
    const noTax = await writeXlsx(tmp("notax.xlsx"), { 亩均数据: [["企业名称", "规模", "用地面积(亩)"], ["甲", "规上", 10]] });
    const r = await jx("acre", noTax, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/缺少必需列“实缴税金\(万元\)”/);
    const u = await jx("acre", noTax, "--sheet", "无此表");
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/找不到工作表/);
  });
});

describe("jx acre with the 定档调档 columns (issue 14 contract)", () => {
  // 规下 pool on 10 亩, tax 10…50 → benchmark 3; f5 vetoed, f4 不定等级; ranked N = 3 (f1 f2 f3), bounds 1, 2, 3
  const rows = [
    ["企业名称", "规模", "用地面积(亩)", "实缴税金(万元)", "是否经开区", "一票否决", "否决原因", "调整等级", "调整原因", "不定等级", "不定等级原因", "加分", "减分"],
    ["f1", "规下", 10, 10, "否", null, null, "A", "领导小组定档", null, null, null, null],
    ["f2", "规下", 10, 20, "否", null, null, null, null, null, null, 10, null],
    ["f3", "规下", 2, 30, "是", null, null, null, null, null, null, null, 5],
    ["f4", "规下", 10, 40, null, null, null, null, null, "是", "初创期", null, null],
    ["f5", "规下", 10, 50, null, "是", "重大安全事故", null, null, null, null, null, null],
  ];
  test("--json: bonus, rankGrade, grade, adjustment, inZone per firm; grades count final grades plus 不定等级", async () => {
    const file = await writeXlsx(tmp("adjust.xlsx"), { 亩均数据: rows });
    const { code, out } = await jx("acre", file, "--json");
    expect(code).toBe(0);
    const j = JSON.parse(out);
    // Σtax 150 / Σland 42: f3 (15 万元/亩 on 2 亩, in the zone) scores 100·15/(150/42) − 5
    const b = 150 / 42;
    expect(j.method.benchmarks.规下.taxPerMu).toBeCloseTo(b, 12);
    expect(j.firms.map((f: { name: string; bonus: number; rankGrade: string | null; grade: string | null; rank: number | null; inZone: boolean; adjustment: unknown }) => [f.name, f.bonus, f.rank, f.rankGrade, f.grade, f.inZone, f.adjustment])).toEqual([
      ["f1", 0, 3, "C", "A", false, { kind: "override", reason: "领导小组定档" }],
      ["f2", 10, 2, "B", "B", false, null],
      ["f3", -5, 1, "A", "A", true, null],
      ["f4", 0, null, null, null, false, { kind: "ungraded", reason: "初创期" }],
      ["f5", 0, null, null, "D", false, { kind: "veto", reason: "重大安全事故" }],
    ]);
    expect(j.firms[1].score).toBeCloseTo((100 * 2) / b + 10, 9);
    expect(j.firms[2].score).toBeCloseTo((100 * 15) / b - 5, 9);
    expect(j.grades).toEqual({ 规上: { A: 0, B: 0, C: 0, D: 0, 不定等级: 0 }, 规下: { A: 2, B: 1, C: 0, D: 1, 不定等级: 1 } });
  });
  test("text: final grades, 不定等级 and each adjustment with its reason", async () => {
    const file = await writeXlsx(tmp("adjust-text.xlsx"), { 亩均数据: rows });
    const { code, out } = await jx("acre", file);
    expect(code).toBe(0);
    expect(out).toContain("规下：A 2，B 1，C 0，D 1，不定等级 1（最终等级；参与排名 3 户）");
    expect(out).toContain("第 2 行 f1：调整等级，排名等级 C → 最终等级 A；领导小组定档");
    expect(out).toContain("第 6 行 f5：一票否决，排名等级 — → 最终等级 D；重大安全事故");
  });
});

describe("jx validate on 亩均数据 reads the evaluation's 参数", () => {
  test("规下企业用地下限 5 in 参数: the 4 亩 firm is an A-SCOPE 提示 in validate and out of scope in acre; a negative tax is a 提示", async () => {
    const data = [
      ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员"],
      ["四亩厂", "91340722MA2000001X", "规下", 4, 10, 300, 50, 20, 5],
      ["负税厂", "91340722MA20000027", "规下", 10, -5, 300, 50, 20, 5],
    ];
    const file = await writeXlsx(tmp("params-validate.xlsx"), { 亩均数据: data, 参数: [["参数", "值"], ["规下企业用地下限(亩)", 5]] });
    const v = await jx("validate", file, "--rules", "acre", "--json");
    const j = JSON.parse(v.out);
    const scope = j.findings.filter((f: { rule: string }) => f.rule === "A-SCOPE");
    expect(scope.map((f: { cell: string; message: string }) => [f.cell, f.message.slice(0, 18)])).toEqual([["D2", "规下企业用地 4 亩，不足 5 亩，"]]);
    const neg = j.findings.filter((f: { rule: string }) => f.rule === "A-TAX-NEG" || f.rule === "A-NEG");
    expect(neg.map((f: { rule: string; cell: string; severity: string }) => [f.rule, f.cell, f.severity])).toEqual([["A-TAX-NEG", "E3", "warning"]]);
    const a = JSON.parse((await jx("acre", file, "--json")).out);
    expect(a.firms.map((f: { inScope: boolean }) => f.inScope)).toEqual([false, true]);
  });
});
