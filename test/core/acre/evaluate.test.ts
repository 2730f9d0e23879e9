import { evaluateFirms, AcreFirmInput, firmsFromTable, compareWithLastYear, FirmResult } from "../../../src/core/acre/evaluate";
import { defaultParams, AcreParams } from "../../../src/core/acre/params";
import { ratioScore } from "../../../src/core/acre/score";
import { acreSpec } from "../../../src/core/acre/spec";
import { readTable, isReadError } from "../../../src/core/table";
import { above, threeAbove } from "./fixture";

const below = (name: string, land: number | null, tax: number | null): AcreFirmInput => ({ name, scale: "规下", land, tax, revenue: 100 });

function params(patch: Partial<AcreParams> = {}): AcreParams {
  return { ...defaultParams(), ...patch };
}
const byName = (firms: FirmResult[], name: string) => firms.find((f) => f.name === name)!;


describe("ratio method (defaults)", () => {
  const ev = evaluateFirms(threeAbove);
  test("benchmarks are the pool's ratios of sums", () => {
    const b = ev.benchmarks["规上"]!;
    expect(b.taxPerMu).toBeCloseTo(6, 12);
    expect(b.revenuePerMu).toBeCloseTo(125, 12);
    expect(b.taxPerTce).toBeCloseTo(0.096, 12);
    expect(b.laborProductivity).toBeCloseTo(20, 12);
  });
  test("scores by hand: 50·x/6 + 25·x/125 + 15·x/0.096 + 10·x/20", () => {
    // 甲: 50·10/6 + 25·100/125 + 15·0.1/0.096 + 10·30/20 = 83.333 + 20 + 15.625 + 15
    expect(byName(ev.firms, "甲").score).toBeCloseTo(133.958333, 5);
    expect(byName(ev.firms, "乙").score).toBeCloseTo(41.666667 + 30 + 15.625 + 7.5, 5);
    expect(byName(ev.firms, "丙").score).toBeCloseTo(33.333333 + 20 + 12.5 + 10, 5);
    expect(byName(ev.firms, "甲").parts).toEqual({ taxPerMu: expect.closeTo(83.3333, 3), revenuePerMu: 20, taxPerTce: expect.closeTo(15.625, 9), laborProductivity: 15 });
  });
  test("ranks and grades (N = 3: bounds 1, 2, 3)", () => {
    expect(ev.firms.map((f) => [f.name, f.rank, f.grade, f.hint])).toEqual([
      ["甲", 1, "A", "优先发展"],
      ["乙", 2, "B", "鼓励提升"],
      ["丙", 3, "C", "帮扶转型"],
    ]);
    expect(ev.grades).toEqual({ 规上: { A: 1, B: 1, C: 1, D: 0, 不定等级: 0 }, 规下: { A: 0, B: 0, C: 0, D: 0, 不定等级: 0 } });
  });
  test("the table score equals ACRE_SCORE (ratioScore over all indicators) for every firm", () => {
    const b = ev.benchmarks["规上"]!;
    for (const f of ev.firms) {
      const keys = ["taxPerMu", "revenuePerMu", "taxPerTce", "laborProductivity"] as const;
      const cell = ratioScore(
        keys.map((k) => f.indicators[k]!),
        keys.map((k) => b[k]!),
        [50, 25, 15, 10],
      );
      expect(f.score).toBeCloseTo(cell as number, 10);
    }
  });
  test("county aggregates are ratios of sums, not means of firm ratios", () => {
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(6, 12); // mean of ratios would be 6.33
    expect(ev.aggregates.aboveScale).toMatchObject({ revenuePerMu: 125, laborProductivity: 20, firms: 3 });
    expect(ev.aggregates.aboveScale.taxPerTce).toBeCloseTo(0.096, 12);
  });
  test("a firm at the pool level scores 100; N = 1 is graded B (round(0.2) = 0)", () => {
    const one = evaluateFirms([above("独", 7, 21, 700, 90, 300, 3)]);
    expect(one.firms[0].score).toBeCloseTo(100, 10);
    expect(one.firms[0]).toMatchObject({ rank: 1, grade: "B" });
  });
});

describe("ranking boundaries", () => {
  // 规下 firms on 10 亩 each, tax 10·k → distinct scores
  const pool = (n: number) => Array.from({ length: n }, (_, i) => below(`F${i + 1}`, 10, 10 * (n - i)));
  const grades = (n: number) => evaluateFirms(pool(n)).firms.map((f) => f.grade).join("");
  test("N = 7: A round(1.4)=1, A+B round(4.55)=5, A+B+C round(6.65)=7", () => {
    expect(grades(7)).toBe("ABBBBCC");
  });
  test("N = 10: 2 / round(6.5)=7 half up / round(9.5)=10", () => {
    expect(grades(10)).toBe("AABBBBBCCC");
    expect(evaluateFirms(pool(10)).grades["规下"]).toEqual({ A: 2, B: 5, C: 3, D: 0, 不定等级: 0 });
  });
  test("N = 20: D is the last one", () => {
    expect(grades(20)).toBe("AAAA" + "B".repeat(9) + "C".repeat(6) + "D");
  });
  test("ties share the better rank and grade", () => {
    const ev = evaluateFirms([below("a", 5, 40), below("b", 5, 40), below("c", 5, 20), below("d", 5, 20)]);
    // bench 120/20 = 6; scores 133.3, 133.3, 66.7, 66.7; N = 4 → bounds 1, 3, 4
    expect(ev.firms.map((f) => [f.rank, f.grade])).toEqual([
      [1, "A"],
      [1, "A"],
      [3, "B"],
      [3, "B"],
    ]);
  });
});

describe("scope", () => {
  test("zero energy: an above-scale firm is out of scope (missing data), the others are scored without it", () => {
    const ev = evaluateFirms([...threeAbove, above("零能耗", 10, 500, 1000, 300, 0, 10)]);
    const z = byName(ev.firms, "零能耗");
    expect(z).toMatchObject({ inScope: false, score: null, rank: null, grade: null, scopeCode: "zeroDenominator" });
    expect(z.reason).toContain("综合能耗为 0");
    // benchmarks unchanged: the zero-energy firm's tax and land are not in the pool
    expect(ev.benchmarks["规上"]!.taxPerMu).toBeCloseTo(6, 12);
    expect(byName(ev.firms, "甲").score).toBeCloseTo(133.958333, 5);
    expect(ev.aggregates.all.taxPerMu).toBeCloseTo(6, 12);
    expect(ev.outOfScope).toBe(1);
  });
  test("zero energy does not matter for a below-scale firm scored on 亩均税收 only", () => {
    const ev = evaluateFirms([{ ...below("规下零能耗", 5, 10), energy: 0 }]);
    expect(ev.firms[0].inScope).toBe(true);
  });
  test("reasons: below 3 亩, no land, missing data, unknown scale, no name; exactly 3 亩 is in", () => {
    const ev = evaluateFirms([
      below("小", 2.9, 10),
      below("刚好", 3, 10),
      below("无地", null, 10),
      below("零地", 0, 10),
      below("缺税", 5, null),
      above("缺能耗", 10, 100, 1000, 300, null, 10),
      { name: "怪", scale: "中型", land: 10, tax: 10 },
      { name: null, scale: "规下", land: 10, tax: 10 },
    ]);
    const r = ev.firms.map((f) => [f.inScope, f.scopeCode]);
    expect(r).toEqual([
      [false, "belowMinLand"],
      [true, null],
      [false, "noLand"],
      [false, "noLand"],
      [false, "missingData"],
      [false, "missingData"],
      [false, "noScale"],
      [false, "noName"],
    ]);
    expect(ev.firms[0].reason).toMatch(/不足 3 亩/);
    expect(ev.firms[4].reason).toMatch(/实缴税金/);
    expect(ev.firms[5].reason).toMatch(/综合能耗/);
    expect(ev.firms[6].reason).toMatch(/中型/);
    expect(ev.inScope).toBe(1);
  });
  test("the coverage rule is a parameter", () => {
    const ev = evaluateFirms([below("小", 2.9, 10)], params({ minLandBelowScale: 2 }));
    expect(ev.firms[0].inScope).toBe(true);
  });
});

describe("pools", () => {
  const mixed = [...threeAbove, below("a", 10, 80), below("b", 10, 40)];
  test("separate pools: own benchmarks, ranks and counts", () => {
    const ev = evaluateFirms(mixed);
    expect(ev.benchmarks["规下"]!.taxPerMu).toBeCloseTo(6, 12); // 120 / 20
    expect(byName(ev.firms, "a")).toMatchObject({ pool: "规下", rank: 1 });
    expect(byName(ev.firms, "a").score).toBeCloseTo(100 * 8 / 6, 10);
    expect(byName(ev.firms, "甲")).toMatchObject({ pool: "规上", rank: 1 });
    expect(ev.grades).toEqual({ 规上: { A: 1, B: 1, C: 1, D: 0, 不定等级: 0 }, 规下: { A: 0, B: 1, C: 1, D: 0, 不定等级: 0 } }); // N = 2: bounds 0, 1, 2
  });
  test("ranked together: one pool 全部, benchmark of each indicator over the firms using it", () => {
    const ev = evaluateFirms(mixed, params({ separatePools: false }));
    expect(ev.pools).toEqual(["全部"]);
    expect(Object.keys(ev.grades)).toEqual(["全部"]);
    expect(ev.benchmarks["全部"]!.taxPerMu).toBeCloseTo(360 / 60, 12);
    expect(ev.benchmarks["全部"]!.revenuePerMu).toBeCloseTo(125, 12); // 规上 firms only
    // scores 甲 133.96, 乙 94.79, 丙 75.83, a 133.33, b 66.67 (规下 weights: 亩均税收 100 against 6)
    expect(ev.firms.map((f) => f.rank)).toEqual([1, 3, 4, 2, 5]);
    expect(ev.grades["全部"]).toEqual({ A: 1, B: 2, C: 2, D: 0, 不定等级: 0 }); // N = 5: bounds 1, 3, 5
  });
});

describe("min–max method", () => {
  test("w·[20 + 80 (x − min)/(max − min)]/100", () => {
    const ev = evaluateFirms([below("a", 10, 20), below("b", 10, 60), below("c", 10, 100)], params({ method: "minmax" }));
    expect(ev.firms.map((f) => f.score)).toEqual([20, 60, 100]);
    expect(ev.ranges["规下"]!.taxPerMu).toEqual([2, 10]);
  });
  test("max = min gives every firm the full weight", () => {
    const ev = evaluateFirms([below("a", 10, 50), below("b", 20, 100)], params({ method: "minmax" }));
    expect(ev.firms.map((f) => f.score)).toEqual([100, 100]);
    expect(ev.firms.map((f) => [f.rank, f.grade])).toEqual([
      [1, "B"],
      [1, "B"],
    ]);
  });
  test("above-scale firms: sum over the four indicators", () => {
    const ev = evaluateFirms(threeAbove, params({ method: "minmax" }));
    // 甲: tax/mu 10 (max) → 50; rev/mu 100 (min) → 5; tax/tce 0.1 (max) → 15; LP 30 (max) → 10
    expect(byName(ev.firms, "甲").score).toBeCloseTo(80, 10);
    // 丙: 4 (min) → 10; 100 (min) → 5; 0.08 (min) → 3; 20: 10·[20 + 80·5/15]/100 = 4.6667
    expect(byName(ev.firms, "丙").score).toBeCloseTo(10 + 5 + 3 + 10 * (20 + 80 / 3) / 100, 10);
  });
});

describe("caps and fixed benchmarks", () => {
  const pool = [below("a", 10, 10), below("b", 10, 10), below("c", 10, 100)];
  test("no cap by default: 100 · 2.5 = 250", () => {
    expect(evaluateFirms(pool).firms.map((f) => f.score)).toEqual([25, 25, 250]);
  });
  test("cap 2 on 亩均税收: at most 2 × the weight", () => {
    expect(evaluateFirms(pool, params({ caps: { taxPerMu: 2 } })).firms.map((f) => f.score)).toEqual([25, 25, 200]);
  });
  test("fixed benchmark", () => {
    const p = params({ benchmark: "fixed", fixedBenchmarks: { 规上: {}, 规下: { taxPerMu: 5 } } });
    const ev = evaluateFirms(pool, p);
    expect(ev.benchmarks["规下"]!.taxPerMu).toBe(5);
    expect(ev.firms.map((f) => f.score)).toEqual([20, 20, 200]);
  });
  test("fixed rule without a value falls back to the pool ratio, with a note", () => {
    const ev = evaluateFirms(pool, params({ benchmark: "fixed" }));
    expect(ev.benchmarks["规下"]!.taxPerMu).toBe(4);
    expect(ev.notes.join()).toMatch(/固定基准值/);
  });
  test("a pool whose benchmark is 0 gives no scores, with a note, never NaN", () => {
    const ev = evaluateFirms([below("a", 10, 0), below("b", 10, 0)]);
    expect(ev.firms.map((f) => f.score)).toEqual([null, null]);
    expect(ev.firms.map((f) => f.grade)).toEqual([null, null]);
    expect(ev.notes.join()).toMatch(/基准值为 0/);
  });
});

describe("from a table", () => {
  test("用地面积(平方米) is converted to 亩; unreadable cells give the reason with the address", () => {
    const t = readTable(
      {
        name: "亩均数据",
        startRow: 1,
        startCol: 1,
        values: [
          ["单位名称", "规模", "用地面积(平方米)", "税收"],
          ["甲", "规下", 2000, 30],
          ["乙", "规下", 1999, 30],
          ["丙", "规下", 4000, "三十"],
        ],
      },
      acreSpec,
    );
    if (isReadError(t)) throw new Error(t.error);
    const ev = evaluateFirms(firmsFromTable(t));
    expect(ev.firms[0].data.land).toBeCloseTo(3, 12);
    expect(ev.firms.map((f) => f.inScope)).toEqual([true, false, false]);
    expect(ev.firms[2].reason).toMatch(/D4/);
    expect(ev.firms[2].row).toBe(4);
  });
  test("the 用地面积单位 parameter applies when the header names no unit", () => {
    const values = [
      ["企业名称", "规模", "用地面积", "实缴税金"],
      ["甲", "规下", 2000, 30],
    ];
    const t = readTable({ name: "s", startRow: 1, startCol: 1, values }, acreSpec);
    if (isReadError(t)) throw new Error(t.error);
    expect(firmsFromTable(t)[0].land).toBe(2000);
    expect(firmsFromTable(t, params({ landUnit: "平方米" }))[0].land).toBeCloseTo(3, 12);
  });
});

describe("compare with last year", () => {
  test("up, down, same, new and removed; matched by code, else by name", () => {
    const ev = evaluateFirms([
      { ...below("a", 10, 100), uscc: "X1" },
      { ...below("b 公司", 10, 50) },
      below("c", 10, 10),
      below("新", 10, 30),
      below("小", 1, 30),
    ]);
    // grades among 4: bounds 1, 3, 4 → a A, b B, 新 B, c C
    const cmp = compareWithLastYear(ev, [
      { name: "a 旧名", uscc: "X1", grade: "B" },
      { name: "b公司", uscc: null, grade: "B" },
      { name: "c", uscc: null, grade: "A" },
      { name: "小", uscc: null, grade: "D" },
      { name: "关停", uscc: null, grade: "C" },
    ]);
    expect(cmp.up).toEqual([{ name: "a", uscc: "X1", from: "B", to: "A" }]);
    expect(cmp.down).toEqual([{ name: "c", uscc: null, from: "A", to: "C" }]);
    expect(cmp.same).toBe(1);
    expect(cmp.added).toEqual([{ name: "新", uscc: null, grade: "B" }]);
    expect(cmp.removed.map((r) => [r.name, r.grade])).toEqual([
      ["小", "D"],
      ["关停", "C"],
    ]);
    expect(cmp.removed[0].reason).toMatch(/不足 3 亩/);
  });
});
