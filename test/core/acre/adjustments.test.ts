/**
 * 定档调档 and the method rows of issue 14, on hand-computed pools (docs/acre.md).
 *
 * The 规下 pool: ten firms on 10 亩 each paying 10, 20, …, 100 万元 → benchmark 亩均税收 =
 * Σ550 / Σ100 亩 = 5.5, so firm fk (tax 10k) scores 100·(k)/5.5 = 18.1818·k; with N = 10 the
 * bounds are round(2) = 2, round(6.5) = 7, round(9.5) = 10 (A 2, B 5, C 3, D 0); with N = 9 they
 * are round(1.8) = 2, round(5.85) = 6, round(8.55) = 9.
 */
import { evaluateFirms, AcreFirmInput, FirmResult } from "../../../src/core/acre/evaluate";
import { defaultParams, AcreParams, readParams, paramRows, presetParams } from "../../../src/core/acre/params";
import { toJson, resultSheet, readLastYear } from "../../../src/core/acre/result";
import { runAcre } from "../../../src/core/acre/run";
import { compareWithLastYear } from "../../../src/core/acre/compare";
import { above, threeAbove } from "./fixture";
import type { CellValue } from "../../../src/core/num";

const params = (patch: Partial<AcreParams> = {}): AcreParams => ({ ...defaultParams(), ...patch });
const ten = (patch: Record<string, Partial<AcreFirmInput>> = {}): AcreFirmInput[] =>
  Array.from({ length: 10 }, (_, i) => {
    const name = `f${i + 1}`;
    return { name, scale: "规下", land: 10, tax: 10 * (i + 1), ...patch[name] };
  });
const by = (firms: FirmResult[], name: string) => firms.find((f) => f.name === name)!;
const grades = (firms: FirmResult[]) => Object.fromEntries(firms.map((f) => [f.name, [f.rank, f.rankGrade, f.grade]]));

describe("no adjustment: the ranking alone", () => {
  const ev = evaluateFirms(ten());
  test("benchmark 5.5, scores 18.18·k, A 2 / B 5 / C 3; rankGrade = grade, no adjustment", () => {
    expect(ev.benchmarks.规下!.taxPerMu).toBeCloseTo(5.5, 12);
    expect(by(ev.firms, "f10").score).toBeCloseTo(1000 / 5.5, 9);
    expect(ev.grades.规下).toEqual({ A: 2, B: 5, C: 3, D: 0, 不定等级: 0 });
    for (const f of ev.firms) {
      expect(f.grade).toBe(f.rankGrade);
      expect(f.adjustment).toBeNull();
      expect(f.bonus).toBe(0);
    }
  });
});

describe("一票否决", () => {
  const ev = evaluateFirms(ten({ f10: { veto: true, vetoReason: "发生较大安全生产事故" } }));
  test("the best firm vetoed: D whatever its score, out of the ranking; the nine others ranked with N = 9", () => {
    const f10 = by(ev.firms, "f10");
    expect(f10.score).toBeCloseTo(1000 / 5.5, 9); // still scored
    expect([f10.rank, f10.rankGrade, f10.grade]).toEqual([null, null, "D"]);
    expect(f10.adjustment).toEqual({ kind: "veto", reason: "发生较大安全生产事故" });
    expect(f10.hint).toBe("整治提升");
    expect(ev.poolSizes.规下).toBe(9);
    expect(grades(ev.firms)).toMatchObject({ f9: [1, "A", "A"], f8: [2, "A", "A"], f7: [3, "B", "B"], f4: [6, "B", "B"], f3: [7, "C", "C"], f1: [9, "C", "C"] });
    expect(ev.grades.规下).toEqual({ A: 2, B: 4, C: 3, D: 1, 不定等级: 0 });
  });
  test("the vetoed firm still counts in the benchmark and the county aggregates", () => {
    expect(ev.benchmarks.规下!.taxPerMu).toBeCloseTo(5.5, 12);
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(5.5, 12);
    expect(ev.aggregates.all.firms).toBe(10);
  });
});

describe("调整等级 (定档调档)", () => {
  const ev = evaluateFirms(ten({ f1: { override: "B", overrideReason: "当年技改投入大" } }));
  test("applied after the ranking: the firm keeps its place, the others' grades do not move", () => {
    const f1 = by(ev.firms, "f1");
    expect([f1.rank, f1.rankGrade, f1.grade]).toEqual([10, "C", "B"]);
    expect(f1.adjustment).toEqual({ kind: "override", reason: "当年技改投入大" });
    expect(f1.hint).toBe("鼓励提升");
    expect(grades(ev.firms)).toMatchObject({ f10: [1, "A", "A"], f9: [2, "A", "A"], f4: [7, "B", "B"], f3: [8, "C", "C"], f2: [9, "C", "C"] });
    expect(ev.grades.规下).toEqual({ A: 2, B: 6, C: 2, D: 0, 不定等级: 0 });
    expect(ev.poolSizes.规下).toBe(10);
  });
});

describe("不定等级", () => {
  const ev = evaluateFirms(ten({ f5: { ungraded: true, ungradedReason: "初创期企业" } }));
  test("scored, not graded, out of the ranking's N; hint 参照B类", () => {
    const f5 = by(ev.firms, "f5");
    expect(f5.score).toBeCloseTo(500 / 5.5, 9);
    expect([f5.rank, f5.rankGrade, f5.grade]).toEqual([null, null, null]);
    expect(f5.adjustment).toEqual({ kind: "ungraded", reason: "初创期企业" });
    expect(f5.hint).toMatch(/^不定等级，参照B类/);
    expect(ev.poolSizes.规下).toBe(9);
    // N = 9: f10 1, f9 2 (A); f8 3, f7 4, f6 5, f4 6 (B); f3 7, f2 8, f1 9 (C)
    expect(grades(ev.firms)).toMatchObject({ f6: [5, "B", "B"], f4: [6, "B", "B"], f3: [7, "C", "C"], f1: [9, "C", "C"] });
    expect(ev.grades.规下).toEqual({ A: 2, B: 4, C: 3, D: 0, 不定等级: 1 });
  });
  test("JSON: grade null, adjustment ungraded, grades count 不定等级", () => {
    const j = toJson(ev);
    expect(j.firms[4]).toMatchObject({ name: "f5", grade: null, rankGrade: null, rank: null, adjustment: { kind: "ungraded", reason: "初创期企业" } });
    expect(j.grades.规下).toEqual({ A: 2, B: 4, C: 3, D: 0, 不定等级: 1 });
  });
});

describe("加分 and 减分", () => {
  const ev = evaluateFirms(ten({ f1: { bonus: 100 }, f10: { penalty: 90 } }));
  test("score = Σ indicator scores + 加分 − 减分, before the ranking", () => {
    const f1 = by(ev.firms, "f1");
    const f10 = by(ev.firms, "f10");
    expect(f1.bonus).toBe(100);
    expect(f1.score).toBeCloseTo(100 / 5.5 + 100, 9); // 118.18
    expect(f1.parts.taxPerMu).toBeCloseTo(100 / 5.5, 9); // the indicator score itself unchanged
    expect(f10.bonus).toBe(-90);
    expect(f10.score).toBeCloseTo(1000 / 5.5 - 90, 9); // 91.82
    // order: f9 163.6, f8 145.5, f7 127.3, f1 118.2, f6 109.1, f10 91.8, f5 90.9, f4, f3, f2
    expect(grades(ev.firms)).toMatchObject({ f9: [1, "A", "A"], f8: [2, "A", "A"], f7: [3, "B", "B"], f1: [4, "B", "B"], f10: [6, "B", "B"], f5: [7, "B", "B"], f4: [8, "C", "C"], f2: [10, "C", "C"] });
    expect(toJson(ev).firms[0]).toMatchObject({ name: "f1", bonus: 100, score: expect.closeTo(118.1818, 3) });
  });
});

describe("是否经开区: the 3 亩 rule does not apply in the zone", () => {
  test("a 规下 firm on 2 亩 is in scope when in the zone, out of scope otherwise", () => {
    const firms: AcreFirmInput[] = [
      { name: "区内", scale: "规下", land: 2, tax: 11, inZone: true },
      { name: "区外", scale: "规下", land: 2, tax: 11, inZone: false },
      { name: "大", scale: "规下", land: 20, tax: 99 },
    ];
    const ev = evaluateFirms(firms);
    expect(by(ev.firms, "区内")).toMatchObject({ inScope: true, inZone: true });
    expect(by(ev.firms, "区外")).toMatchObject({ inScope: false, scopeCode: "belowMinLand", inZone: false });
    // benchmark over 区内 + 大: 110 / 22 亩 = 5; 区内 scores 100·5.5/5 = 110
    expect(ev.benchmarks.规下!.taxPerMu).toBeCloseTo(5, 12);
    expect(by(ev.firms, "区内").score).toBeCloseTo(110, 9);
    expect(toJson(ev).firms.map((f) => f.inZone)).toEqual([true, false, false]);
  });
});

// 规上 pool of evaluate.test.ts (甲 乙 丙: benchmarks 6, 125, 0.096, 20) plus a fourth firm

describe("negative tax (after VAT-credit refunds)", () => {
  const ev = evaluateFirms([...threeAbove, above("负", 10, -40, 1000, 200, 500, 10)]);
  const neg = by(ev.firms, "负");
  test("stays in scope; its tax indicators score 0, never negative", () => {
    expect(neg.inScope).toBe(true);
    expect(neg.indicators.taxPerMu).toBeCloseTo(-4, 12);
    expect(neg.parts.taxPerMu).toBe(0);
    expect(neg.parts.taxPerTce).toBe(0);
    // Σrevenue 6000 / Σland 50 = 120 → 25·100/120; Σva 1000 / Σemployees 50 = 20 → 10·20/20
    expect(neg.parts.revenuePerMu).toBeCloseTo((25 * 100) / 120, 9);
    expect(neg.parts.laborProductivity).toBeCloseTo(10, 9);
    expect(neg.score).toBeCloseTo((25 * 100) / 120 + 10, 9);
    expect(neg.notes.join()).toMatch(/实缴税金为负（-40 万元）.*0 分/);
  });
  test("benchmarks and aggregates use the tax as reported (Σtax 200 / Σland 50 = 4)", () => {
    expect(ev.benchmarks.规上!.taxPerMu).toBeCloseTo(4, 12);
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(4, 12);
    expect(ev.aggregates.aboveScale.taxPerTce).toBeCloseTo(200 / 3000, 12);
    // 甲 on the lower benchmark: 50·10/4
    expect(by(ev.firms, "甲").parts.taxPerMu).toBeCloseTo(125, 9);
  });
});

describe("税收口径 = 加回留抵退税", () => {
  test("the tax used is 实缴税金 + 留抵退税; the result sheet shows both and the 评价税收", () => {
    const firms: AcreFirmInput[] = [
      { name: "退税", scale: "规下", land: 10, tax: -20, vatRefund: 50 },
      { name: "普通", scale: "规下", land: 10, tax: 30 },
    ];
    const ev = evaluateFirms(firms, params({ taxBasis: "addRefund" }));
    expect(by(ev.firms, "退税").data.tax).toBe(30);
    expect(by(ev.firms, "退税").taxPaid).toBe(-20);
    expect(by(ev.firms, "退税").score).toBeCloseTo(100, 9);
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(3, 12);
    const sheet = resultSheet(ev);
    const h = sheet.rows[0];
    expect(h.slice(4, 7)).toEqual(["实缴税金(万元)", "留抵退税(万元)", "用地面积(亩)"]);
    expect(h).toContain("评价税收(万元)");
    const row = sheet.rows.find((r) => r[0] === "退税")!;
    expect(row.slice(4, 6)).toEqual([-20, 50]);
    expect(row[h.indexOf("评价税收(万元)")]).toBe(30);
    // default 实缴税金: the refund is ignored and the negative tax scores 0
    const paid = evaluateFirms(firms);
    expect(by(paid.firms, "退税").data.tax).toBe(-20);
    expect(by(paid.firms, "退税").score).toBe(0);
  });
});

describe("缺项处理", () => {
  const firms = [...threeAbove, above("缺", 10, 60, 1000, 200, null, 10)];
  test("不参评 (default): the firm with a blank 综合能耗 is out of scope", () => {
    const ev = evaluateFirms(firms);
    expect(by(ev.firms, "缺")).toMatchObject({ inScope: false, scopeCode: "missingData" });
  });
  // in scope: Σtax 300 / Σland 50 = 6, Σrevenue 6000 / 50 = 120, 单位能耗税收 over the three that have it 240/2500, Σva 1000 / 50 = 20
  const base = 50 * (6 / 6) + (25 * 100) / 120 + (10 * 20) / 20;
  test("按零分: the missing indicator scores 0, noted", () => {
    const ev = evaluateFirms(firms, params({ missing: "zero" }));
    const f = by(ev.firms, "缺");
    expect(f.inScope).toBe(true);
    expect(ev.benchmarks.规上!.taxPerTce).toBeCloseTo(0.096, 12);
    expect(f.parts.taxPerTce).toBe(0);
    expect(f.score).toBeCloseTo(base, 9);
    expect(f.notes.join()).toMatch(/按零分.*单位能耗税收 0 分/);
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(6, 12);
    expect(ev.aggregates.aboveScale.taxPerTce).toBeCloseTo(0.096, 12);
  });
  test("按零分 with 综合能耗 0: in scope, and its tax does not inflate the county's 单位能耗税收", () => {
    const ev = evaluateFirms([...threeAbove, above("零能耗", 10, 60, 1000, 200, 0, 10)], params({ missing: "zero" }));
    const f = by(ev.firms, "零能耗");
    expect([f.inScope, f.parts.taxPerTce]).toEqual([true, 0]);
    expect(ev.aggregates.aboveScale.taxPerTce).toBeCloseTo(240 / 2500, 12);
    expect(ev.aggregates.aboveScale.taxPerMu).toBeCloseTo(300 / 50, 12);
  });
  test("按池平均分 (黄岩): the average of the others' scores for it, (15.625 + 15.625 + 12.5) / 3", () => {
    const ev = evaluateFirms(firms, params({ missing: "poolAverage" }));
    const f = by(ev.firms, "缺");
    expect(f.parts.taxPerTce).toBeCloseTo(43.75 / 3, 9);
    expect(f.score).toBeCloseTo(base + 43.75 / 3, 9);
    expect(f.notes.join()).toMatch(/按本池平均分.*单位能耗税收 14\.5833 分/);
    // the others are unchanged by the estimate
    expect(by(ev.firms, "甲").parts.taxPerTce).toBeCloseTo(15.625, 9);
  });
  test("with 按池平均分 an absent column is missing data for every firm, not an error", () => {
    const values = [
      ["企业名称", "规模", "用地面积(亩)", "实缴税金(万元)"],
      ["甲", "规下", 10, 50],
      ["乙", "规下", 10, 30],
    ];
    const run = runAcre({ data: { name: "亩均数据", startRow: 1, startCol: 1, values }, params: [["缺项处理", "按池平均分"]] });
    expect("error" in run).toBe(false);
    const strict = runAcre({ data: { name: "亩均数据", startRow: 1, startCol: 1, values: values.map((r) => r.slice(0, 3)) } });
    expect(strict).toEqual({ error: expect.stringContaining("实缴税金") });
  });
});

describe("分档方式 = 按分数线", () => {
  test("A if score ≥ A's line, …, else D; the rank is still given", () => {
    // 甲 133.96, 乙 94.79, 丙 75.83
    const ev = evaluateFirms(threeAbove, params({ grading: "lines", scoreLines: [120, 90, 80] }));
    expect(ev.firms.map((f) => [f.name, f.rank, f.rankGrade, f.grade])).toEqual([
      ["甲", 1, "A", "A"],
      ["乙", 2, "B", "B"],
      ["丙", 3, "D", "D"],
    ]);
    expect(ev.grades.规上).toEqual({ A: 1, B: 1, C: 0, D: 1, 不定等级: 0 });
  });
  test("a score equal to a line on paper reaches it, though binary arithmetic lands just below", () => {
    // Σtax 300 / Σland 42 = 50/7: 乙 8 万元/亩 → 100·8·7/50 = 112, 丁 4 → 56, 甲 and 戊 10 → 140
    const firms: AcreFirmInput[] = [
      { name: "甲", scale: "规下", land: 10, tax: 100 },
      { name: "乙", scale: "规下", land: 10, tax: 80 },
      { name: "丙", scale: "规下", land: 10, tax: 60 },
      { name: "丁", scale: "规下", land: 10, tax: 40 },
      { name: "戊", scale: "规下", land: 2, tax: 20, inZone: true },
    ];
    const ev = evaluateFirms(firms, params({ grading: "lines", scoreLines: [112, 84, 56] }));
    expect(by(ev.firms, "乙").score).toBeCloseTo(112, 9);
    expect(ev.firms.map((f) => [f.name, f.grade])).toEqual([
      ["甲", "A"],
      ["乙", "A"],
      ["丙", "B"],
      ["丁", "C"],
      ["戊", "A"],
    ]);
    expect(ev.grades.规下).toEqual({ A: 3, B: 1, C: 1, D: 0, 不定等级: 0 });
    // just below a line on paper stays below it
    const below = evaluateFirms(firms, params({ grading: "lines", scoreLines: [112.0001, 84.0001, 56.0001] }));
    expect(below.firms.map((f) => f.grade)).toEqual(["A", "B", "C", "D", "A"]);
  });
  test("read from the 参数 sheet; lines out of order fall back with a warning", () => {
    const r = readParams([
      ["分档方式", "按分数线"],
      ["A类分数线", 110],
      ["B类分数线", 95],
      ["C类分数线", 70],
    ]);
    expect(r.params.grading).toBe("lines");
    expect(r.params.scoreLines).toEqual([110, 95, 70]);
    const bad = readParams([["A类分数线", 50], ["B类分数线", 95]]);
    expect(bad.params.scoreLines).toEqual([120, 90, 60]);
    expect(bad.warnings.join()).toMatch(/A类分数线 ≥ B类分数线/);
  });
});

describe("all adjustments together", () => {
  const ev = evaluateFirms(
    ten({
      f10: { veto: true, vetoReason: "重大环境污染事件" },
      f9: { ungraded: true, ungradedReason: "重大项目建设期" },
      f1: { override: "A", overrideReason: "领导小组定档" },
      f2: { bonus: 20, penalty: 5 },
      f3: { land: 2, inZone: true },
    }),
  );
  test("N = 8 ranked (veto and 不定等级 out); override after the ranking; bonus in the score; zone firm in scope", () => {
    expect(ev.poolSizes.规下).toBe(8);
    // benchmark over all ten: Σtax 550 / Σland (90 + 2) = 5.978…
    expect(ev.benchmarks.规下!.taxPerMu).toBeCloseTo(550 / 92, 12);
    const f3 = by(ev.firms, "f3");
    expect(f3.inScope).toBe(true);
    expect(f3.score).toBeCloseTo((100 * 15) / (550 / 92), 9); // 30 / 2 亩 = 15 万元/亩
    expect(by(ev.firms, "f2").score).toBeCloseTo((100 * 2) / (550 / 92) + 15, 9);
    // N = 8: bounds round(1.6) = 2, round(5.2) = 5, round(7.6) = 8; scores: f3 250.9, f8 133.8, f7 117.1, f6 100.4, f5 83.6, f4 66.9, f2 48.5, f1 16.7
    expect(grades(ev.firms)).toEqual({
      f1: [8, "C", "A"],
      f2: [7, "C", "C"],
      f3: [1, "A", "A"],
      f4: [6, "C", "C"],
      f5: [5, "B", "B"],
      f6: [4, "B", "B"],
      f7: [3, "B", "B"],
      f8: [2, "A", "A"],
      f9: [null, null, null],
      f10: [null, null, "D"],
    });
    expect(ev.grades.规下).toEqual({ A: 3, B: 3, C: 2, D: 1, 不定等级: 1 });
  });
  test("result sheet: 排名等级, 调整, 调整原因, 最终等级", () => {
    const { rows } = resultSheet(ev);
    const h = rows[0];
    const col = (name: string) => h.indexOf(name);
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    for (const name of ["排名等级", "调整", "调整原因", "最终等级"]) expect(col(name)).toBeGreaterThan(0);
    expect([row("f1")[col("排名等级")], row("f1")[col("调整")], row("f1")[col("调整原因")], row("f1")[col("最终等级")]]).toEqual(["C", "调整等级", "领导小组定档", "A"]);
    expect([row("f10")[col("排名等级")], row("f10")[col("调整")], row("f10")[col("最终等级")]]).toEqual([null, "一票否决", "D"]);
    expect([row("f9")[col("调整")], row("f9")[col("调整原因")], row("f9")[col("最终等级")]]).toEqual(["不定等级", "重大项目建设期", null]);
    expect(row("f2")[col("加减分")]).toBe(15);
  });
  test("the comparison with last year uses final grades (read back from 最终等级)", () => {
    const { rows } = resultSheet(ev);
    const last = readLastYear({ name: "上年", startRow: 1, startCol: 1, values: rows as CellValue[][] });
    if ("error" in last) throw new Error(last.error);
    expect(last.find((f) => f.name === "f1")!.grade).toBe("A");
    expect(last.find((f) => f.name === "f10")!.grade).toBe("D");
    const now = evaluateFirms(ten());
    const c = compareWithLastYear(now, last);
    // f1: last year A (override), now C → down; f10: last year D (veto), now A → up; f9 was ungraded → added
    expect(c.down).toContainEqual({ name: "f1", uscc: null, from: "A", to: "C" });
    expect(c.up).toContainEqual({ name: "f10", uscc: null, from: "D", to: "A" });
    expect(c.added.map((a) => a.name)).toEqual(["f9"]);
  });
});

describe("评价方案 (presets)", () => {
  test("黄岩2022: the published weights, ratio method, missing indicator at the pool's average score", () => {
    const r = readParams([["评价方案", "黄岩2022"]]);
    expect(r.warnings).toEqual([]);
    expect(r.params.preset).toBe("黄岩2022");
    expect(r.params.weights).toEqual({
      规上: { taxPerMu: 30, valueAddedPerMu: 20, valueAddedPerTce: 20, valueAddedPerEmission: 10, laborProductivity: 10, rndIntensity: 10 },
      规下: { taxPerMu: 50, taxPerKwh: 50 },
    });
    expect(r.params.missing).toBe("poolAverage");
    expect(r.params.method).toBe("ratio");
  });
  test("the preset's rows win over typed rows it sets; paramRows writes them; an unknown name warns", () => {
    const r = readParams([
      ["评价方案", "黄岩2022"],
      ["规上权重:亩均税收", 50],
      ["缺项处理", "不参评"],
    ]);
    expect(r.params.weights.规上.taxPerMu).toBe(30);
    expect(r.params.missing).toBe("poolAverage");
    const again = readParams(paramRows(presetParams("黄岩2022")));
    expect(again.params).toEqual(r.params);
    const bad = readParams([["评价方案", "某县"]]);
    expect(bad.params.preset).toBe("默认");
    expect(bad.warnings.join()).toMatch(/评价方案.*某县/);
  });
  test("default parameters: 不参评, 实缴税金, 按比例, preset 默认 — all recorded in the JSON method", () => {
    const j = toJson(evaluateFirms(ten()));
    expect(j.method).toMatchObject({ preset: "默认", missing: "exclude", taxBasis: "paid", grading: "shares", scoreLines: [120, 90, 60] });
  });
});

describe("the optional columns read from a sheet (synonyms welcome; absent = off)", () => {
  const values = [
    ["企业名称", "规模", "用地面积(亩)", "实缴税金(万元)", "经开区", "一票否决", "否决原因", "调档等级", "调档原因", "不定等级", "不定等级原因", "附加分", "扣分", "留抵退税(万元)"],
    ["甲", "规下", 10, 100, "否", "是", "失信被执行", null, null, null, null, null, null, null],
    ["乙", "规下", 10, 80, "否", null, null, "A类", "并购重组", null, null, null, null, null],
    ["丙", "规下", 10, 60, null, null, null, null, null, "是", "公益性企业", null, null, null],
    ["丁", "规下", 2, 40, "是", null, null, null, null, null, null, 5, 2, 10],
    ["戊", "规下", 10, 20, null, "否", null, null, null, "否", null, null, null, null],
  ];
  const run = runAcre({ data: { name: "亩均数据", startRow: 1, startCol: 1, values }, params: [["税收口径", "加回留抵退税"]] });
  if ("error" in run) throw new Error(run.error);
  const j = toJson(run.evaluation);
  test("adjustments, zone, bonus and refund as typed", () => {
    expect(j.firms.map((f) => [f.name, f.inScope, f.inZone, f.bonus, f.rankGrade, f.grade, f.adjustment])).toEqual([
      ["甲", true, false, 0, null, "D", { kind: "veto", reason: "失信被执行" }],
      ["乙", true, false, 0, "B", "A", { kind: "override", reason: "并购重组" }], // N = 3 ranked: 丁 1 A, 乙 2 B, 戊 3 C
      ["丙", true, false, 0, null, null, { kind: "ungraded", reason: "公益性企业" }],
      ["丁", true, true, 3, "A", "A", null],
      ["戊", true, false, 0, "C", "C", null],
    ]);
    // 丁: tax 40 + refund 10 = 50 on 2 亩 → 25 万元/亩; Σtax 310 / Σland 42
    expect(run.evaluation.benchmarks.规下!.taxPerMu).toBeCloseTo(310 / 42, 12);
    expect(j.firms[3].score).toBeCloseTo((100 * 25) / (310 / 42) + 3, 9);
    expect(j.grades.规下).toEqual({ A: 2, B: 0, C: 1, D: 1, 不定等级: 1 });
  });
  test("a table without the optional columns is graded as before (no adjustment, bonus 0, not in the zone)", () => {
    const plain = runAcre({ data: { name: "亩均数据", startRow: 1, startCol: 1, values: values.map((r) => r.slice(0, 4)) } });
    if ("error" in plain) throw new Error(plain.error);
    for (const f of toJson(plain.evaluation).firms.filter((x) => x.inScope)) {
      expect(f.adjustment).toBeNull();
      expect(f.grade).toBe(f.rankGrade);
      expect(f.bonus).toBe(0);
    }
  });
});

describe("unreadable cells of the optional columns: ignored, named on the firm and in the notes", () => {
  const values = [
    ["企业名称", "规模", "用地面积(亩)", "实缴税金(万元)", "调整等级", "调整原因", "一票否决", "否决原因", "加分", "是否经开区"],
    ["甲", "规下", 10, 60, "A级", "领导小组定档", null, null, null, null],
    ["乙", "规下", 10, 40, "Ｂ", "定档", null, null, null, null],
    ["丙", "规下", 10, 20, "E", "x", "待定", null, "五分", null],
    ["丁", "规下", 2, 80, null, null, null, null, null, "区内?"],
  ];
  const run = runAcre({ data: { name: "亩均数据", startRow: 1, startCol: 1, values } });
  if ("error" in run) throw new Error(run.error);
  const ev = run.evaluation;
  test("A级 and full-width Ｂ are grades; E, 待定, 五分, 区内? are not applied", () => {
    // 丁 out (2 亩, not in the zone): Σtax 120 / Σland 30 = 4 → 甲 150, 乙 100, 丙 50; N = 3 → A 1, B 1, C 1
    expect(by(ev.firms, "丁")).toMatchObject({ inScope: false, scopeCode: "belowMinLand", inZone: false });
    expect(ev.firms.slice(0, 3).map((f) => [f.name, f.score, f.rankGrade, f.grade, f.adjustment?.kind ?? null])).toEqual([
      ["甲", 150, "A", "A", "override"],
      ["乙", 100, "B", "B", "override"],
      ["丙", 50, "C", "C", null],
    ]);
    expect(by(ev.firms, "丙").bonus).toBe(0);
  });
  test("each is named by cell and value as written, on its firm and in the evaluation's notes", () => {
    const c = by(ev.firms, "丙").notes.join("\n");
    expect(c).toMatch(/E4 调整等级“E”无法识别，应为A、B、C 或 D/);
    expect(c).toMatch(/G4 一票否决“待定”无法识别，应为“是”或“否”/);
    expect(c).toMatch(/I4 加分：/);
    expect(by(ev.firms, "丁").notes.join()).toMatch(/J5 是否经开区“区内\?”无法识别/);
    expect(ev.notes.filter((n) => /无法识别|加分：/.test(n))).toHaveLength(4);
    expect(by(ev.firms, "甲").notes).toEqual([]);
  });
});

describe("negative tax with 税收口径 = 加回留抵退税", () => {
  test("still negative after the refund: scores 0, the note names both parts; covered by the refund: scored", () => {
    // 评价税收: 负 −30 + 10 = −20, 正 −10 + 50 = 40, 普 60 (no refund) → Σ80 / Σ30 亩
    const firms: AcreFirmInput[] = [
      { name: "负", scale: "规下", land: 10, tax: -30, vatRefund: 10 },
      { name: "正", scale: "规下", land: 10, tax: -10, vatRefund: 50 },
      { name: "普", scale: "规下", land: 10, tax: 60 },
    ];
    const ev = evaluateFirms(firms, params({ taxBasis: "addRefund" }));
    expect(ev.benchmarks.规下!.taxPerMu).toBeCloseTo(8 / 3, 12);
    expect(by(ev.firms, "负").score).toBe(0);
    expect(by(ev.firms, "负").notes.join()).toMatch(/^评价税收（实缴税金 -30 \+ 留抵退税 10）为负（-20 万元），税收类指标按 0 分计/);
    expect(by(ev.firms, "正").score).toBeCloseTo((100 * 4) / (8 / 3), 9);
    expect(by(ev.firms, "正").notes).toEqual([]);
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(8 / 3, 12);
  });
});
