/**
 * Monitoring's part of issue 13: the below-scale warning is the pool's rule (reached / 尚需月均 to
 * the same deadline month), so the two tabs never disagree about a firm; the current-price
 * growth of value added is labelled 现价增速 and never stands in for the comparable-price target.
 */
import { analyzeMonth, MonitorResult } from "../../../src/core/monitor/analyze";
import { loadMonitor } from "../../../src/core/monitor/load";
import { analysisSheet, toJson } from "../../../src/core/monitor/report";
import { analyzePool, failed } from "../../../src/core/pool/analyze";
import { countySheets, MONTHLY_HEADER, SheetData } from "./fixture";

const sheet = (name: string, values: (string | number | null)[][]): SheetData => ({ name, startRow: 1, startCol: 1, values });

/** A 10月 report whose firms have these 1-本月营业收入 (output = revenue, no 上年同期). */
function report(revenues: Record<string, number>): SheetData {
  const col = (h: string) => MONTHLY_HEADER.indexOf(h);
  const rows = Object.entries(revenues).map(([name, rev], i) => {
    const r: (string | number | null)[] = MONTHLY_HEADER.map(() => null);
    r[col("企业名称")] = name;
    r[col("统一社会信用代码")] = `91340700F0000000${i}A`;
    r[col("本月工业总产值")] = rev / 10;
    r[col("1-本月工业总产值")] = rev;
    r[col("1-本月营业收入")] = rev;
    r[col("从业人员")] = 50;
    return r;
  });
  return sheet("10月", [MONTHLY_HEADER, ...rows]);
}

function monitor(sheets: SheetData[]): MonitorResult {
  const l = loadMonitor({ sheets });
  if ("error" in l) throw new Error(l.error);
  return analyzeMonth(l.input);
}

const FIGURES = { "at-line": 2000, "just-below": 1900, "far-below": 1000, "october-1686": 1686, zero: 0 };

describe("below-scale: the pool's rule and deadline", () => {
  test("the same firms in the pool and in the monthly report: at risk in one ⇔ warned in the other", () => {
    const m = monitor([report(FIGURES)]);
    const warned = new Set(m.warnings.filter((w) => w.rule === "below-scale").map((w) => w.firm));
    const pool = analyzePool({
      pool: sheet("培育库", [["企业名称", "培育层级", "状态", "1-本月营业收入", "月份"], ...Object.entries(FIGURES).map(([n, v]) => [n, "拟进规", "培育中", v, 10])]),
    });
    if (failed(pool)) throw new Error(pool.error);
    expect(pool.firms.map((f) => [f.name, f.atRisk])).toEqual(Object.keys(FIGURES).map((n) => [n, warned.has(n)]));
    // hand: far-below 1000 → 1200, zero → 0 are short; 1686 → 2023.2, 1900 → 2280 and 2000 are not
    expect([...warned].sort()).toEqual(["far-below", "zero"]);
  });

  test("the message gives the pace to December against the firm's average", () => {
    const m = monitor([report({ "far-below": 1000 })]);
    // (2000 − 1000) / 2 = 500 a month, 1000 / 10 = 100 a month
    expect(m.warnings[0]).toMatchObject({ rule: "below-scale", value: 1200 });
    expect(m.warnings[0].message).toMatch(/至 12 月尚需月均 500 万元，本年月均 100 万元/);
    expect(m.params.byMonth).toBe(12);
  });

  test("the deadline comes from the 目标 sheet row 入规截止月份 (as in the pool), or the 参数 sheet first", () => {
    const targets = sheet("目标", [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["入规截止月份", "总量", 11, "月", null]]);
    let m = monitor([report({ "far-below": 1000 }), targets]);
    expect(m.params.byMonth).toBe(11);
    expect(m.warnings[0].message).toMatch(/至 11 月尚需月均 1000 万元/);
    // the deadline row is a parameter, not a target to complete
    expect(m.targets).toEqual([]);
    m = monitor([report({ "far-below": 1000 }), targets, sheet("参数", [["参数", "值"], ["入规截止月份", 10]])]);
    expect(m.params.byMonth).toBe(10);
    expect(m.warnings[0].message).toMatch(/已到入规截止月份 10 月，尚差 1000 万元/);
  });
});

describe("value added: 现价增速 is labelled so and is never the target's actual", () => {
  const withoutActual = () => {
    const sheets = countySheets();
    const t = sheets.find((s) => s.name === "目标")!;
    t.values = t.values.map((r) => (r[0] === "工业增加值增速" ? [r[0], r[1], r[2], r[3], null] : r));
    return sheets;
  };

  test("the typed 1-本月完成 is the actual (0.1 % in the seed fixture), whatever the current-price growth", () => {
    const m = monitor(countySheets());
    const va = m.targets.find((t) => t.name === "工业增加值增速")!;
    expect(va.actual).toBeCloseTo(0.001, 12);
    expect(va.note).toBeNull();
    // current prices: (13525 − 375) / 11750 − 1 = 11.9 %, a different figure kept apart
    expect(m.totals.valueAddedGrowthCurrentPrices).toBeCloseTo(13150 / 11750 - 1, 12);
  });

  test("no typed actual: blank, with a note — not the 11.9 % at current prices", () => {
    const m = monitor(withoutActual());
    const va = m.targets.find((t) => t.name === "工业增加值增速")!;
    expect(va).toMatchObject({ actual: null, gap: null, rate: null });
    expect(va.note).toMatch(/可比价增速.*1-本月完成/);
    expect(m.notes.join("\n")).toMatch(/现价增速不作完成数/);
    const j = toJson(m);
    expect(j.targets.find((t) => t.name === "工业增加值增速")!.actual).toBeNull();
    expect(j.totals.valueAddedGrowthCurrentPrices).toBeCloseTo(13150 / 11750 - 1, 12);
    const rows = analysisSheet(m).rows;
    expect(rows[4][0]).toMatch(/现价增速/);
    const target = rows.find((r) => r[6] === "工业增加值增速")!;
    expect(target[12]).toBeNull(); // 1-本月完成 (actual) column left blank
    expect(target[13]).toMatch(/无完成数：可比价增速/);
  });
});
