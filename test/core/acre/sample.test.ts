import { makeAcreSample, SEED_FIGURES } from "../../../src/core/acre/sampleData";
import { evaluateFirms, firmsFromTable } from "../../../src/core/acre/evaluate";
import { acreSpec, ACRE_TEMPLATE_HEADER } from "../../../src/core/acre/spec";
import { readTable, isReadError } from "../../../src/core/table";
import { usccValid } from "../../../src/core/ids";
import { roundHalfUp } from "../../../src/core/round";

function evaluateSample(seed: number) {
  const s = makeAcreSample(seed);
  const t = readTable({ name: "亩均数据", startRow: 1, startCol: 1, values: [s.header, ...s.rows] }, acreSpec);
  if (isReadError(t)) throw new Error(t.error);
  expect(t.issues).toEqual([]);
  return { sample: s, ev: evaluateFirms(firmsFromTable(t)) };
}

describe("221-firm fixture (seed figures, domain.md §4)", () => {
  const { sample, ev } = evaluateSample(2021);
  test("103 above-scale + 118 below-scale firms, all in scope, canonical headers", () => {
    expect(sample.header).toEqual(ACRE_TEMPLATE_HEADER);
    expect(sample.header).toEqual(["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员", "研发经费(万元)", "技改投资(万元)"]);
    expect(sample.rows).toHaveLength(221);
    expect(sample.rows.filter((r) => r[2] === "规上")).toHaveLength(103);
    expect(sample.rows.filter((r) => r[2] === "规下")).toHaveLength(118);
    expect(ev.inScope).toBe(221);
    expect(ev.poolSizes).toEqual({ 规上: 103, 规下: 118 });
  });
  test("the evaluation reproduces 7.6, 83.9 (all firms), 0.069 and 36.8 (above-scale)", () => {
    expect(roundHalfUp(ev.aggregates.all.taxPerMu!, 1)).toBe(7.6);
    expect(roundHalfUp(ev.aggregates.all.revenuePerMu!, 1)).toBe(83.9);
    expect(roundHalfUp(ev.aggregates.aboveScale.taxPerTce!, 3)).toBe(0.069);
    expect(roundHalfUp(ev.aggregates.aboveScale.laborProductivity!, 1)).toBe(36.8);
  });
  test("plausible firms: 规上 revenue ≥ 2000 万元, 规下 below it and on ≥ 3 亩, value added < revenue, valid codes, unique names", () => {
    for (const r of sample.rows) {
      const [name, code, scale, land, , revenue, va] = r as [string, string, string, number, number, number, number];
      if (scale === "规上") expect(revenue).toBeGreaterThanOrEqual(2000);
      else {
        expect(revenue).toBeLessThan(2000);
        expect(land).toBeGreaterThanOrEqual(3);
      }
      expect(va).toBeLessThan(revenue);
      expect(usccValid(code)).toBe(true);
      expect(name).toMatch(/有限公司$/);
    }
    expect(new Set(sample.rows.map((r) => r[0])).size).toBe(221);
  });
  test("grades follow the 20/45/30/5 rule in each pool", () => {
    expect(ev.grades["规上"]).toEqual({ A: 21, B: 46, C: 31, D: 5, 不定等级: 0 }); // bounds round(20.6)=21, round(66.95)=67, round(97.85)=98
    expect(ev.grades["规下"]).toEqual({ A: 24, B: 53, C: 35, D: 6, 不定等级: 0 }); // bounds 24, round(76.7)=77, round(112.1)=112
  });
  test("deterministic per seed; the figures hold for other seeds too", () => {
    expect(makeAcreSample(2021)).toEqual(makeAcreSample(2021));
    expect(makeAcreSample(5).rows).not.toEqual(sample.rows);
    for (const seed of [1, 5, 99]) {
      const a = evaluateSample(seed).ev.aggregates;
      expect([roundHalfUp(a.all.taxPerMu!, 1), roundHalfUp(a.all.revenuePerMu!, 1), roundHalfUp(a.aboveScale.taxPerTce!, 3), roundHalfUp(a.aboveScale.laborProductivity!, 1)]).toEqual([
        SEED_FIGURES.taxPerMu,
        SEED_FIGURES.revenuePerMu,
        SEED_FIGURES.taxPerTce,
        SEED_FIGURES.laborProductivity,
      ]);
    }
  });
});
