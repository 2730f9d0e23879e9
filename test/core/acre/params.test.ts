import { defaultParams, paramRows, readParams, describeParams, indicatorsInUse } from "../../../src/core/acre/params";

const rowsWith = (edits: Record<string, unknown>) =>
  paramRows().map((r) => (typeof r[0] === "string" && r[0] in edits ? [r[0], edits[r[0]] as never, r[2]] : r));

describe("参数 sheet", () => {
  test("defaults: weights 50/25/15/10, 规下 亩均税收 100, shares 20/45/30/5, separate pools, 3 亩", () => {
    const p = defaultParams();
    expect(p.weights.规上).toEqual({ taxPerMu: 50, revenuePerMu: 25, taxPerTce: 15, laborProductivity: 10 });
    expect(p.weights.规下).toEqual({ taxPerMu: 100 });
    expect(p.shares).toEqual([0.2, 0.45, 0.3, 0.05]);
    expect(p).toMatchObject({ method: "ratio", benchmark: "pool", separatePools: true, minLandBelowScale: 3, landUnit: "亩", laborNumerator: "valueAdded" });
    expect(p.hints.A).toBe("优先发展");
    expect(p.hints.D).toBe("整治提升");
    expect(indicatorsInUse(p, "规下")).toEqual(["taxPerMu"]);
  });
  test("written rows read back to the defaults; a two-column 参数 | 值 layout", () => {
    const rows = paramRows();
    expect(rows[0].slice(0, 2)).toEqual(["参数", "值"]);
    expect(rows).toContainEqual(["规上权重:亩均税收", 50, expect.anything()]);
    const r = readParams(rows);
    expect(r.found).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.params).toEqual(defaultParams());
    expect(rows[r.hintRows.D! - 1]).toEqual(["D类政策导向", "整治提升", null]);
  });
  test("no sheet → defaults, not found", () => {
    expect(readParams(null)).toEqual({ params: defaultParams(), found: false, warnings: [], hintRows: {} });
    expect(readParams([["其他参数", 1]]).found).toBe(false);
  });
  test("staff edits: method, weights, pools, shares in percent, land unit, labour numerator, hint, cap", () => {
    const r = readParams([
      ...rowsWith({
        亩均评价方法: "极差法",
        "规上权重:亩均税收": 60,
        "规上权重:全员劳动生产率": "",
        规上规下分开排名: "否",
        A类比例: "10%",
        B类比例: "40%",
        C类比例: "40%",
        D类比例: "10%",
        用地面积单位: "㎡",
        劳动生产率分子: "营业收入",
        A类政策导向: "要素优先保障",
      }),
      ["封顶倍数：亩均税收", 2],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.params.method).toBe("minmax");
    expect(r.params.weights.规上).toEqual({ taxPerMu: 60, revenuePerMu: 25, taxPerTce: 15 });
    expect(r.params.separatePools).toBe(false);
    expect(r.params.shares).toEqual([0.1, 0.4, 0.4, 0.1]);
    expect(r.params.landUnit).toBe("平方米");
    expect(r.params.laborNumerator).toBe("revenue");
    expect(r.params.hints.A).toBe("要素优先保障");
    expect(r.params.caps).toEqual({ taxPerMu: 2 });
  });
  test("shares typed as 20/45/30/5 are percentages", () => {
    expect(readParams(rowsWith({ A类比例: 20, B类比例: 45, C类比例: 30, D类比例: 5 })).params.shares).toEqual([0.2, 0.45, 0.3, 0.05]);
  });
  test("invalid values fall back to the default with a warning naming the row", () => {
    const r = readParams(rowsWith({ 亩均评价方法: "随便", A类比例: 0.5, "规下企业用地下限(亩)": "三亩" }));
    expect(r.params.method).toBe("ratio");
    expect(r.params.shares).toEqual([0.2, 0.45, 0.3, 0.05]);
    expect(r.params.minLandBelowScale).toBe(3);
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[0]).toMatch(/亩均评价方法.*第 2 行/);
  });
  test("all weights of a scale zero → default weights with a warning", () => {
    const r = readParams(rowsWith({ "规下权重:亩均税收": 0 }));
    expect(r.params.weights.规下).toEqual({ taxPerMu: 100 });
    expect(r.warnings.join()).toMatch(/规下/);
  });
  test("fixed benchmarks are read", () => {
    const r = readParams(rowsWith({ 亩均基准值: "固定值", "规上基准值:亩均税收": 14.05 }));
    expect(r.params.benchmark).toBe("fixed");
    expect(r.params.fixedBenchmarks.规上).toEqual({ taxPerMu: 14.05 });
  });
  test("describeParams records what was used", () => {
    expect(describeParams(defaultParams())).toMatchObject({
      method: "ratio",
      indicators: ["taxPerMu", "revenuePerMu", "taxPerTce", "laborProductivity"],
      weights: { 规下: { taxPerMu: 100 } },
      shares: [0.2, 0.45, 0.3, 0.05],
      separatePools: true,
    });
  });
});
