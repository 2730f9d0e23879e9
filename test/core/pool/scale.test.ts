/**
 * 小升规 the way it is decided (issue 13): cumulative revenue against 2000 万, the pace still
 * needed to the deadline month, the firm's own average, 上年已超, and the tiers with their own
 * criteria left out of the 2000 万 line. Every figure below is computed by hand in the comment.
 */
import { analyzePool, failed, poolJson, PoolOptions, PoolReport } from "../../../src/core/pool/analyze";
import { exportModel } from "../../../src/core/pool/export";
import { scalePace } from "../../../src/core/pool/projection";
import { poolValues, sheet, fill, FirmRow } from "./helpers";

const FIRMS: FirmRow[] = [
  { name: "at-line", tier: "拟进规", months: fill(10, 200) }, // 2000: reached
  { name: "just-below", tier: "拟进规", months: fill(10, 190) }, // 1900: 100 short
  { name: "far-below", tier: "拟进规", months: fill(10, 100) }, // 1000: 1000 short, projection 1200
  { name: "october-1686", tier: "拟进规", months: [...fill(9, 168), 174] }, // 1686: projection 2023.2, avg 168.6
  { name: "zjtx-below", tier: "专精特新", lastYear: 2500, months: fill(10, 150) }, // 1500 → 1800; own criteria
  { name: "last-year-above", tier: "拟进规", lastYear: 2100, months: fill(10, 150) }, // 1500 this year, 2100 last year
  { name: "entered-at-line", tier: "拟进规", status: "已入规", months: fill(10, 250) }, // 2500, already 已入规
];

function run(opts: PoolOptions = {}, extra: { targets?: unknown[][]; params?: unknown[][] } = {}, firms = FIRMS): PoolReport {
  const r = analyzePool(
    {
      pool: sheet("培育库", poolValues(firms)),
      targets: extra.targets ? sheet("目标", extra.targets) : null,
      params: extra.params ? sheet("参数", extra.params) : null,
    },
    opts,
  );
  if (failed(r)) throw new Error(r.error);
  return r;
}
const firm = (r: PoolReport, name: string) => r.firms.find((f) => f.name === name)!;

describe("per firm, deadline 12 (the default): reached, 尚需月均, 月均, at risk", () => {
  const r = run();
  test("the deadline is December unless told otherwise", () => {
    expect(r.month).toBe(10);
    expect(r.byMonth).toBe(12);
    expect(r.byMonthSource).toBe("default");
  });
  test("at the line (YTD = 2000): reached, nothing more needed, never at risk", () => {
    expect(firm(r, "at-line")).toMatchObject({ reached: true, neededPerMonth: null, avgPerMonth: 200, atRisk: false, lastYearAbove: false });
  });
  test("just below with 2 months left: (2000 − 1900) / 2 = 50 a month, against 190", () => {
    expect(firm(r, "just-below")).toMatchObject({ reached: false, neededPerMonth: 50, avgPerMonth: 190, projection: 2280, atRisk: false, behindPace: false });
  });
  test("far below: (2000 − 1000) / 2 = 500 a month, against 100; projection 1200 → at risk", () => {
    expect(firm(r, "far-below")).toMatchObject({ reached: false, neededPerMonth: 500, avgPerMonth: 100, projection: 1200, gap: -800, atRisk: true, behindPace: true });
  });
  test("1686 by October: 157 a month to December, averages 168.6 → on pace", () => {
    const f = firm(r, "october-1686");
    expect(f.neededPerMonth).toBe(157);
    expect(f.avgPerMonth).toBeCloseTo(168.6, 12);
    expect(f).toMatchObject({ atRisk: false, behindPace: false });
  });
  test("a 专精特新 firm below 2000 is not measured against the line; its growth is shown instead", () => {
    const f = firm(r, "zjtx-below");
    expect(f).toMatchObject({ measured: false, reached: false, atRisk: false, neededPerMonth: null, lastYearAbove: false, avgPerMonth: 150, projection: 1800, growthBasis: "projected" });
    expect(f.growth).toBeCloseTo(1800 / 2500 - 1, 12); // −28 %
  });
  test("last year already above 2000: flagged (check for 申报) though this year's YTD is 1500", () => {
    expect(firm(r, "last-year-above")).toMatchObject({ lastYearAbove: true, reached: false, neededPerMonth: 250, avgPerMonth: 150, atRisk: true });
  });
  test("summary: reached and lastYearAbove count 拟进规 firms 培育中; projectedToCross includes reached ones", () => {
    // reached: at-line (entered-at-line is 已入规). projectedToCross: at-line 2400, just-below 2280, october-1686 2023.2.
    expect(r.summary).toMatchObject({ reached: 1, lastYearAbove: 1, projectedToCross: 3 });
    expect(r.summary.detail.atRisk).toBe(2); // far-below, last-year-above (1800)
  });
  test("JSON carries the contract fields", () => {
    const j = poolJson(r);
    expect(j.byMonth).toBe(12);
    expect(j.summary).toMatchObject({ reached: 1, lastYearAbove: 1 });
    expect(j.firms.find((f) => f.name === "just-below")).toMatchObject({ reached: false, neededPerMonth: 50, avgPerMonth: 190, lastYearAbove: false });
    expect(j.firms.find((f) => f.name === "zjtx-below")).toMatchObject({ reached: false, atRisk: false, neededPerMonth: null, lastYearAbove: false });
  });
  test("the 培育库汇总 sheet: the deadline, reached and 上年已超 in the summary; pace per 拟进规 firm; 专精特新 by its own figures", () => {
    const e = exportModel(r);
    const row = (label: string) => e.rows.find((x) => x[0] === label);
    expect(row("已达标，可申报入规")?.[1]).toBe(1);
    expect(row("上年营业收入已超 2000 万")?.[1]).toBe(1);
    expect(row("入规截止月份")?.[1]).toBe(12);
    const measured = e.rows.slice(3).map((x) => x.slice(4, 11)).filter((x) => typeof x[0] === "string");
    expect(measured.find((x) => x[0] === "at-line")).toEqual(["at-line", 2400, 2000, 2000, null, 200, "已达规模标准，可申报入规 (reached the line: apply)"]);
    expect(measured.find((x) => x[0] === "far-below")?.slice(0, 6)).toEqual(["far-below", 1200, 2000, 1000, 500, 100]);
    expect(measured.map((x) => x[0])).not.toContain("zjtx-below");
    expect(e.rows[3].slice(12, 15)).toEqual(["zjtx-below", "专精特新", 1500]);
  });
});

describe("deadline months 10, 11, 12", () => {
  test.each([
    // [byMonth, just-below needed, far-below needed, october-1686 needed, 1686 behind pace]
    [12, 50, 500, 157, false],
    [11, 100, 1000, 314, true], // 314 in November against 168.6 a month: the pane must not call it on track
    [10, null, null, null, true], // no month left
  ])("by month %i", (byMonth, justBelow, farBelow, oct, behind) => {
    const r = run({ byMonth });
    expect(r.byMonth).toBe(byMonth);
    expect(firm(r, "just-below").neededPerMonth).toBe(justBelow);
    expect(firm(r, "far-below").neededPerMonth).toBe(farBelow);
    expect(firm(r, "october-1686").neededPerMonth).toBe(oct);
    expect(firm(r, "october-1686").behindPace).toBe(behind);
    // the at-risk flag is the projection's, whatever the deadline
    expect(firm(r, "october-1686").atRisk).toBe(false);
    expect(firm(r, "at-line")).toMatchObject({ reached: true, neededPerMonth: null });
  });
  test("an option before the report month, or outside 1–12, is unusable", () => {
    const pool = sheet("培育库", poolValues(FIRMS));
    expect(analyzePool({ pool }, { byMonth: 9 })).toEqual({ error: expect.stringMatching(/早于报告月份 10/) });
    expect(analyzePool({ pool }, { byMonth: 13 })).toEqual({ error: expect.stringMatching(/1–12/) });
  });
});

describe("the deadline from the workbook: 参数 > 目标 > 12", () => {
  const targets = [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["净增规上企业数", "总量", 18, "户", null], ["入规截止月份", "总量", 11, "月", null]];
  const params = [["参数", "值", "说明"], ["入规截止月份", 10, "本县批次 10 月截止"]];
  test("the 目标 sheet row 入规截止月份 (年度目标)", () => {
    const r = run({}, { targets });
    expect([r.byMonth, r.byMonthSource]).toEqual([11, "targets"]);
    expect(firm(r, "october-1686").neededPerMonth).toBe(314);
    expect(r.summary.target).toBe(18);
  });
  test("the 参数 sheet row wins over 目标; the option over both", () => {
    expect(run({}, { targets, params }).byMonth).toBe(10);
    expect(run({ byMonth: 12 }, { targets, params })).toMatchObject({ byMonth: 12, byMonthSource: "option" });
  });
  test("a sheet value before the report month is noted with its cell and not used", () => {
    const r = run({}, { params: [["参数", "值"], ["入规截止月份", 9]] });
    expect(r.byMonth).toBe(12);
    expect(r.notes.join("\n")).toMatch(/参数表 参数!B2 “入规截止月份”为 9 月，早于报告月份 10 月/);
  });
  test("a sheet value that is not a month is noted as written", () => {
    const r = run({}, { params: [["参数", "值"], ["入规截止月份", "年底"]] });
    expect(r.byMonth).toBe(12);
    expect(r.notes.join("\n")).toMatch(/“年底”应为 1–12 的整数/);
  });
});

describe("scalePace (the rule monitoring shares)", () => {
  test("hand-computed", () => {
    expect(scalePace(1686, 10, 11, 2023.2)).toMatchObject({ reached: false, monthsLeft: 1, neededPerMonth: 314, short: false, behindPace: true });
    expect(scalePace(2000, 10, 12, 2400)).toMatchObject({ reached: true, neededPerMonth: null, short: false, behindPace: false });
    expect(scalePace(1000, 10, 12, 1200)).toMatchObject({ neededPerMonth: 500, avgPerMonth: 100, short: true });
    expect(scalePace(0, 10, 12, 0, 0)).toMatchObject({ neededPerMonth: 1000, avgPerMonth: null, short: true });
  });
});

describe("R&D share for 专精特新 where the table has 研发经费", () => {
  test("研发经费 / 上年营业收入; no column, no figure", () => {
    const values = poolValues([{ name: "Z", tier: "专精特新", lastYear: 5000, months: fill(10, 450) }]);
    values[0].push("研发经费");
    values[1].push(200);
    const r = analyzePool({ pool: sheet("培育库", values) });
    if (failed(r)) throw new Error(r.error);
    expect(r.firms[0].rdShare).toBeCloseTo(0.04, 12);
    expect(run().firms.every((f) => f.rdShare === null)).toBe(true);
  });
});

describe("audit: exactly 2000 as typed, the deadline month itself, tiers written with their level", () => {
  // Ten typed two-decimal months whose decimal sum is exactly 2000.00 万元 (280.3 + 56.45 + 343.8 +
  // 186.91 + 380.36 + 139 + 156.88 + 282.4 + 43.8 + 130.1 = 2000.00); added as doubles in sheet
  // order they give 1999.9999999999998.
  const typed2000 = [280.3, 56.45, 343.8, 186.91, 380.36, 139, 156.88, 282.4, 43.8, 130.1];
  test("a firm whose typed months make exactly 2000.00 has reached the line (not 'needs 0.0 a month')", () => {
    expect(typed2000.reduce((a, b) => a + b, 0)).toBeLessThan(2000); // the double sum, for the record
    const r = run({}, {}, [{ name: "typed-2000", tier: "拟进规", months: typed2000 }]);
    expect(r.firms[0]).toMatchObject({ reached: true, neededPerMonth: null, atRisk: false });
    expect(r.firms[0].ytd).toBeCloseTo(2000, 9);
    expect(r.summary).toMatchObject({ reached: 1, projectedToCross: 1 });
  });
  test("one 元 short of the line is not reached: 1999.9999 万元 needs 0.0001 / 2 a month", () => {
    const r = run({}, {}, [{ name: "one-yuan-short", tier: "拟进规", months: [...fill(9, 200), 199.9999] }]);
    expect(r.firms[0].reached).toBe(false);
    expect(r.firms[0].neededPerMonth).toBeCloseTo(0.00005, 9);
  });
  test("deadline month = report month: no month left, so 尚需月均 is null and the list says what is still short", () => {
    // 1900 by October, deadline October: 100 short, nothing left to earn it in; projection 2280 → not at risk
    const r = run({ byMonth: 10 }, {}, [{ name: "just-below", tier: "拟进规", months: fill(10, 190) }]);
    const f = r.firms[0];
    expect(f).toMatchObject({ reached: false, neededPerMonth: null, avgPerMonth: 190, atRisk: false, behindPace: true });
    const hint = exportModel(r).rows[3][10];
    expect(hint).toMatch(/^已到入规截止月份 10 月，尚差 100\.0 万元/);
    expect(hint).not.toMatch(/所需月均高于本年月均/);
  });
  test("December: the YTD is the year; 1992 is at risk (projection 1992), 2040 reached; no month is left for either", () => {
    const r = run({}, {}, [
      { name: "dec-1992", tier: "拟进规", months: fill(12, 166) },
      { name: "dec-2040", tier: "拟进规", months: fill(12, 170) },
    ]);
    expect([r.month, r.byMonth]).toEqual([12, 12]);
    expect(firm(r, "dec-1992")).toMatchObject({ ytd: 1992, projection: 1992, gap: -8, reached: false, neededPerMonth: null, avgPerMonth: 166, atRisk: true });
    expect(firm(r, "dec-2040")).toMatchObject({ ytd: 2040, reached: true, neededPerMonth: null, atRisk: false });
    expect(r.summary).toMatchObject({ reached: 1, projectedToCross: 1 });
  });
  test.each([
    ["省级专精特新", "专精特新"],
    ["市级专精特新企业", "专精特新"],
    ["专精特新中小企业", "专精特新"],
    ["国家级专精特新“小巨人”企业", "专精特新“小巨人”"],
    ["国家级专精特新小巨人", "专精特新“小巨人”"],
    ["高成长性企业", "高成长性"],
  ])("a tier written %s is %s: not measured against 2000 万", (written, tier) => {
    const r = run({}, {}, [{ name: "x", tier: written, lastYear: 2500, months: fill(10, 150) }]);
    expect(r.firms[0]).toMatchObject({ tier, measured: false, reached: false, atRisk: false, neededPerMonth: null, lastYearAbove: false });
    expect(r.summary.byTier[tier]).toBe(1);
    expect(r.summary).toMatchObject({ reached: 0, lastYearAbove: 0, projectedToCross: 0 });
    expect(r.firms[0].notes.join()).not.toMatch(/unknown tier/);
  });
});

describe("audit: the 目标 sheet's 入规截止月份 read as written", () => {
  const tgt = (v: unknown) => [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["入规截止月份", "总量", v, "月", null]];
  test("“11月” is November, as on the 参数 sheet", () => {
    const r = run({}, { targets: tgt("11月") });
    expect([r.byMonth, r.byMonthSource]).toEqual([11, "targets"]);
    expect(firm(r, "october-1686").neededPerMonth).toBe(314); // (2000 − 1686) / 1
  });
  test("a value that is no month is quoted as written, not as an empty string", () => {
    const r = run({}, { targets: tgt("年底") });
    expect(r.byMonth).toBe(12);
    expect(r.notes.join("\n")).toMatch(/目标表第 2 行 “入规截止月份”的值“年底”应为 1–12 的整数，未采用/);
  });
});

describe("audit: last year's revenue from its twelve months when 上年营业收入 is blank", () => {
  test("Σ 上年1月…12月 = 12 × 175 = 2100 ≥ 2000 → lastYearAbove; 11 months given → no figure", () => {
    const r = run({}, {}, [
      { name: "ly-months-2100", tier: "拟进规", months: fill(10, 150), ly: fill(12, 175) },
      { name: "ly-11-months", tier: "拟进规", months: fill(10, 150), ly: [...fill(11, 300), null] },
      { name: "ly-column-wins", tier: "拟进规", lastYear: 1900, months: fill(10, 150), ly: fill(12, 175) },
    ]);
    expect(firm(r, "ly-months-2100")).toMatchObject({ lastYearRevenue: 2100, lastYearAbove: true });
    expect(firm(r, "ly-11-months")).toMatchObject({ lastYearRevenue: null, lastYearAbove: false });
    expect(firm(r, "ly-column-wins")).toMatchObject({ lastYearRevenue: 1900, lastYearAbove: false });
    expect(r.summary.lastYearAbove).toBe(1);
  });
});

describe("audit: binary noise never decides a firm", () => {
  test("ten months of 168.6: YTD 1686, needs (2000 − 1686) / 1 = 314 in November, averages 168.6, projection 2023.2", () => {
    const r = run({ byMonth: 11 }, {}, [{ name: "p", tier: "拟进规", months: fill(10, 168.6) }]);
    expect(r.firms[0]).toMatchObject({ ytd: 1686, neededPerMonth: 314, avgPerMonth: 168.6, projection: 2023.2, atRisk: false, behindPace: true });
  });
  test("a seasonal projection of exactly 2000 (140 in January, last year's January 70 of 1000) is on the line, not at risk", () => {
    const ly = [70, ...fill(10, 85), 80]; // 70 + 850 + 80 = 1000
    expect(140 / (70 / 1000)).toBeLessThan(2000); // the double quotient, for the record
    const r = run({}, {}, [{ name: "s", tier: "拟进规", months: [140], ly }]);
    expect(r.firms[0].method).toBe("seasonal");
    expect(r.firms[0].projection).toBeCloseTo(2000, 9);
    expect(r.firms[0]).toMatchObject({ reached: false, atRisk: false });
    expect(r.summary.projectedToCross).toBe(1);
  });
});
