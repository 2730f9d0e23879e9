import { analyzeMonth, MonitorResult, MonthData } from "../../../src/core/monitor/analyze";
import { loadMonitor, LoadOptions } from "../../../src/core/monitor/load";
import { countySheets, monthRows, SheetData } from "./fixture";

function load(opts: Partial<LoadOptions> & { sheets: SheetData[] }) {
  const l = loadMonitor(opts);
  if ("error" in l) throw new Error(l.error);
  return l;
}
function run(opts: Partial<LoadOptions> & { sheets: SheetData[] }): MonitorResult {
  return analyzeMonth(load(opts).input);
}
const byRule = (r: MonitorResult, rule: string) => r.warnings.filter((w) => w.rule === rule).map((w) => [w.firm, w.value]);

describe("the 12-firm county at 10月", () => {
  const r = run({ sheets: countySheets() });

  test("picks the latest month sheet and its month from the sheet name", () => {
    expect(r.month).toBe(10);
    expect(r.sheet).toBe("10月");
  });

  test("totals: Σ firms, same-basis growth leaves out the entrant and says so", () => {
    expect(r.totals.outputMonth).toBe(5300);
    expect(r.totals.outputYtd).toBe(53300);
    expect(r.totals.outputYtdLastYear).toBe(47000);
    expect(r.totals.growth).toBeCloseTo(4800 / 47000, 12); // 10.2%, not 53300/47000 − 1 = 13.4%
    expect(r.totals.sameBasisFirms).toBe(11);
    expect(r.totals.excludedFirms).toEqual(["新源电子"]);
    expect(r.notes.join("\n")).toMatch(/新源电子/);
    expect(r.totals.valueAddedYtd).toBeCloseTo(13525, 9);
    expect(r.totals.revenueYtd).toBe(52800);
    expect(r.totals.firms).toBe(12);
    // month: 5300 − 300 (entrant) = 5000 vs 2500 + 400 + 200×9 = 4700 … F4 200 → 2500+400+200+7×200+200 = 4700
    expect(r.totals.monthGrowth).toBeCloseTo(5000 / 4700 - 1, 12);
    // value added LY = 0.25 × 47000; this year same-basis = 13525 − 0.25 × 1500
    expect(r.totals.valueAddedGrowthCurrentPrices).toBeCloseTo((13525 - 375) / 11750 - 1, 12);
    expect(r.totals.revenueGrowth).toBeNull(); // no 上年同期1-本月营业收入 column
  });

  test("every warning rule fires on its firm, and only there", () => {
    expect(r.rulesRun.sort()).toEqual(["below-scale", "month-drop", "three-month-decline", "va-rate-shift", "ytd-decline"]);
    expect(r.rulesSkipped).toEqual([]);
    expect(byRule(r, "ytd-decline")).toEqual([["铜陵精工", expect.closeTo(-0.15, 12)]]);
    expect(byRule(r, "month-drop")).toEqual([["铜陵精工", 0.5]]);
    // F2 is named 铜陵精工机械 in 1–8月: matched by USCC. F7 is down in months 9–10 only.
    expect(byRule(r, "three-month-decline")).toEqual([["铜陵精工", -0.5]]);
    expect(byRule(r, "va-rate-shift")).toEqual([["枞阳化工", expect.closeTo(0.1, 12)]]);
    // revenue pace: 1500 × 12 / 10 = 1800 < 2000 (F6 revenue 150 a month; F3 entered in June)
    expect(byRule(r, "below-scale").sort()).toEqual([
      ["安德食品", 1800],
      ["新源电子", 1800],
    ]);
    expect(r.warnings).toHaveLength(6);
  });

  test("warnings are listed by severity, errors first, and carry the firm's row", () => {
    const sev = r.warnings.map((w) => w.severity);
    expect(sev).toEqual(["error", "error", "error", "warning", "warning", "warning"]);
    const f2 = r.warnings.find((w) => w.rule === "month-drop")!;
    expect(f2.row).toBe(3); // header row 1, 海螺水泥 row 2, 铜陵精工 row 3
    expect(f2.uscc).toBe("91340700F00000002A");
    expect(f2.message).toMatch(/50\.0%/);
  });

  test("contribution: 贡献率 = Δfirm/Δtotal, 拉动 = Δfirm/total last year; sums to 100% of the change", () => {
    const c = r.contribution;
    expect(c.map((x) => x.firm)).not.toContain("新源电子");
    expect(c).toHaveLength(11);
    expect(c[0]).toMatchObject({ firm: "海螺水泥", delta: 5000 });
    expect(c[0].contribution).toBeCloseTo(5000 / 4800, 12);
    expect(c[0].pull).toBeCloseTo(5000 / 47000, 12);
    expect(c[0].share).toBeCloseTo(30000 / 53300, 12);
    expect(c[1]).toMatchObject({ firm: "长江建材", delta: 500 });
    expect(c[c.length - 1]).toMatchObject({ firm: "铜陵精工", delta: -600 });
    expect(c[c.length - 1].contribution).toBeCloseTo(-0.125, 12);
    expect(c.reduce((s, x) => s + (x.contribution as number), 0)).toBeCloseTo(1, 12);
    expect(c.reduce((s, x) => s + (x.pull as number), 0)).toBeCloseTo(r.totals.growth as number, 12);
  });

  test("concentration: the dominant firm's share and the top 5", () => {
    expect(r.concentration.top1Firm).toBe("海螺水泥");
    expect(r.concentration.top1).toBeCloseTo(30000 / 53300, 12); // 56.3%
    expect(r.concentration.top5).toBeCloseTo((30000 + 3400 + 2500 + 2000 + 2000) / 53300, 12); // 74.9%
  });

  test("targets with the seed's 1–10月 figures: investment 39.16 亿 vs 37 → 105.8%, 序时 83.3%, +22.5 pp", () => {
    const t = Object.fromEntries(r.targets.map((x) => [x.name, x]));
    expect(Object.keys(t)).toEqual(["规上工业总产值", "工业增加值增速", "工业投资", "技改投资", "净增规上企业数"]);
    const inv = t["工业投资"];
    expect(inv.kind).toBe("总量");
    expect(inv.actual).toBeCloseTo(391600, 6);
    expect(inv.target).toBe(370000);
    expect(inv.rate).toBeCloseTo(1.0584, 4);
    expect(inv.timeProgress).toBeCloseTo(0.8333, 4);
    expect(inv.gap).toBeCloseTo(0.225, 3);
    expect(t["技改投资"].rate).toBeCloseTo(6.52 / 6.9, 12);
    expect(t["技改投资"].gap).toBeCloseTo(6.52 / 6.9 - 10 / 12, 12); // +11.2 pp
    // 增速: actual − target in points: 0.1% − 8% = −7.9 pp
    expect(t["工业增加值增速"]).toMatchObject({ kind: "增速", rate: null });
    expect(t["工业增加值增速"].gap).toBeCloseTo(-0.079, 12);
    // output from the firms: 53300 万 vs 145 亿
    expect(t["规上工业总产值"]).toMatchObject({ actual: 53300, target: 1450000, source: "firms" });
    expect(t["规上工业总产值"].gap).toBeCloseTo(53300 / 1450000 - 10 / 12, 12);
    expect(t["净增规上企业数"].rate).toBeCloseTo(16 / 18, 12);
  });

  test("monthly series from the month sheets (this year vs last)", () => {
    expect(r.monthly).toHaveLength(10);
    expect(r.monthly[0]).toEqual({ month: 1, output: 3000 + 400 + 250 + 200 * 8, outputLastYear: 2500 + 400 + 200 * 9 });
    expect(r.monthly[9]).toEqual({ month: 10, output: 5300, outputLastYear: 4700 });
  });
});

describe("rules whose input is absent are not run, and the report says which", () => {
  test("only the current month's sheet: no three-month rule", () => {
    const r = run({ sheets: countySheets().filter((s) => s.name === "10月") });
    expect(r.rulesRun).not.toContain("three-month-decline");
    expect(r.rulesSkipped.map((s) => s.rule)).toEqual(["three-month-decline"]);
    expect(r.rulesSkipped[0].reason).toMatch(/8月、9月/);
    expect(r.targets).toEqual([]);
    expect(r.notes.join()).toMatch(/目标/);
  });

  test("without 上年同期本月 and 上年同期1-本月工业增加值: month-drop and va-rate-shift skipped; three-month rule uses YTD differences", () => {
    const r = run({ sheets: countySheets(10, { withoutMonthLastYear: true, withoutValueAddedLastYear: true }) });
    expect(r.rulesSkipped.map((s) => s.rule).sort()).toEqual(["month-drop", "va-rate-shift"]);
    expect(byRule(r, "three-month-decline")).toEqual([["铜陵精工", -0.5]]);
    expect(r.totals.monthGrowth).toBeNull();
    expect(r.monthly[9]).toEqual({ month: 10, output: 5300, outputLastYear: 4700 });
  });

  test("without 9月 the three-month rule cannot run even with the 上年同期本月 column", () => {
    const r = run({ sheets: countySheets().filter((s) => s.name !== "9月") });
    expect(r.rulesSkipped.map((s) => s.rule)).toEqual(["three-month-decline"]);
  });

  test("in February the three-month rule is not run", () => {
    const r = run({ sheets: countySheets(2) });
    expect(r.month).toBe(2);
    expect(r.rulesSkipped[0]).toMatchObject({ rule: "three-month-decline" });
    expect(r.rulesSkipped[0].reason).toMatch(/不足 3 个月/);
  });
});

describe("parameters", () => {
  test("thresholds and severities are parameters", () => {
    const r = run({ sheets: countySheets(), params: { ytdDecline: 0.04, monthDrop: 0.8, severity: { "ytd-decline": "error" } as never } });
    expect(byRule(r, "ytd-decline").map((x) => x[0]).sort()).toEqual(["金牛纺织", "铜陵精工"]);
    expect(byRule(r, "month-drop").map((x) => x[0]).sort()).toEqual(["金牛纺织", "铜陵精工"]);
    expect(r.warnings.find((w) => w.rule === "ytd-decline")!.severity).toBe("error");
    expect(r.params.vaRateShift).toBe(0.05);
  });
});

describe("report month", () => {
  const tenth = () => ({ name: "Sheet1", startRow: 1, startCol: 1, values: monthRows(10) });
  test("no month anywhere → error", () => {
    const l = loadMonitor({ sheets: [tenth()] });
    expect("error" in l && l.error).toMatch(/无法确定报告月份：请填写报告月份/);
  });
  test("--month wins over a 月份 column, which wins over the sheet name", () => {
    const values = monthRows(10);
    values[0].push("月份");
    for (let i = 1; i < values.length; i++) values[i].push("9月");
    const s = { name: "10月", startRow: 1, startCol: 1, values };
    expect(load({ sheets: [s] }).input.current.month).toBe(9);
    expect(load({ sheets: [s], month: 8 }).input.current.month).toBe(8);
  });
  test("a 月份 column holding a date (Excel serial) gives that date's month", () => {
    const values = monthRows(10);
    values[0].push("月份");
    for (let i = 1; i < values.length; i++) values[i].push(45200); // 2023-10-01
    expect(load({ sheets: [{ name: "Sheet1", startRow: 1, startCol: 1, values }] }).input.current.month).toBe(10);
  });
  test("a 月份 cell in the title rows", () => {
    const s = { name: "Sheet1", startRow: 1, startCol: 1, values: [["规上工业企业月报", null, "月份：", "2023年10月"], ...monthRows(10)] };
    const l = load({ sheets: [s] });
    expect(l.input.current.month).toBe(10);
    expect(l.table.headerRow).toBe(2);
  });
  test("--month picks that month's sheet among several", () => {
    const r = run({ sheets: countySheets(), month: 9 });
    expect(r.sheet).toBe("9月");
    expect(r.totals.outputYtd).toBe(53300 - 5300);
  });
  test("a sheet without the required columns is an error naming them", () => {
    const l = loadMonitor({ sheets: [{ name: "10月", startRow: 1, startCol: 1, values: [["企业名称", "统一社会信用代码", "本月工业总产值"], ["a", "b", 1]] }], sheet: "10月" });
    expect("error" in l && l.error).toMatch(/1-本月工业总产值/);
  });
});

describe("edge cases", () => {
  const empty: MonthData = { month: 3, sheet: "3月", firms: [], has: { outputMonth: true, outputYtd: true, outputYtdLastYear: true } };
  test("no firms: zeros, null rates, no warnings", () => {
    const r = analyzeMonth({ current: empty });
    expect(r.totals).toMatchObject({ outputYtd: 0, growth: null, firms: 0 });
    expect(r.concentration).toEqual({ top1: null, top5: null, top1Firm: null });
    expect(r.warnings).toEqual([]);
  });
  test("Δtotal = 0: 贡献率 null, 拉动 still defined", () => {
    const firm = (name: string, ytd: number, ly: number) => ({
      name,
      uscc: null,
      row: 2,
      outputMonth: 1,
      outputYtd: ytd,
      outputYtdLastYear: ly,
      valueAddedYtd: null,
      revenueYtd: null,
      outputMonthLastYear: null,
      valueAddedYtdLastYear: null,
      revenueYtdLastYear: null,
    });
    const r = analyzeMonth({ current: { ...empty, firms: [firm("a", 110, 100), firm("b", 90, 100)] } });
    expect(r.totals.growth).toBe(0);
    expect(r.contribution.map((c) => [c.firm, c.contribution, c.pull])).toEqual([
      ["a", null, 0.05], // 10 / 200
      ["b", null, -0.05],
    ]);
  });
});
