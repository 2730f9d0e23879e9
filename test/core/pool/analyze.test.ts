import { analyzePool, filterFirms, sortFirms, leaderView, poolJson, normalizeStatus, normalizeTier, readFirmList, exportModel, PoolReport, failed, poolInputFrom, filterOptions } from "../../../src/core/pool/analyze";
import { poolTemplate, POOL_TEMPLATE_HEADER, poolSpec } from "../../../src/core/pool/spec";
import { readTable, isReadError } from "../../../src/core/table";
import { poolValues, sheet, fill, FirmRow } from "./helpers";

function report(firms: FirmRow[], opts = {}, extra: { added?: unknown[][]; dropped?: unknown[][]; targets?: unknown[][] } = {}): PoolReport {
  const r = analyzePool(
    {
      pool: sheet("培育库", poolValues(firms)),
      added: extra.added ? sheet("新增规上", extra.added) : null,
      dropped: extra.dropped ? sheet("退规", extra.dropped) : null,
      targets: extra.targets ? sheet("目标", extra.targets) : null,
    },
    opts,
  );
  if (failed(r)) throw new Error(r.error);
  return r;
}

describe("projection and at-risk per firm (hand-computed)", () => {
  const r = report([
    { name: "甲 run-rate", tier: "拟进规", leader: "张", months: fill(10, 100) }, // 1000 → 1200
    { name: "乙 above", tier: "拟进规", leader: "李", months: [...fill(6, 350), ...fill(4, 300)] }, // 2100+1200=3300 → 3960
    { name: "丙 no revenue", tier: "拟进规", leader: "张" },
    { name: "丁 missing", tier: "专精特新", leader: "王", months: [150, 150, null, 150, 150, 150, null, 150, 150, 150] }, // 1200 → 1440
  ]);
  const by = Object.fromEntries(r.firms.map((f) => [f.name.split(" ")[0], f]));

  test("month is the last month with data", () => {
    expect(r.month).toBe(10);
    expect(r.monthSource).toBe("data");
  });
  test("run-rate: 1000 over 10 months → 1200, gap −800, at risk", () => {
    expect(by["甲"]).toMatchObject({ ytd: 1000, projection: 1200, gap: -800, atRisk: true, method: "run-rate", progress: 0.5 });
  });
  test("already above the line: not at risk, projected to cross", () => {
    expect(by["乙"]).toMatchObject({ ytd: 3300, projection: 3960, gap: 1960, atRisk: false, progress: 1 });
    expect(r.summary.projectedToCross).toBe(1);
  });
  test("no revenue yet: YTD 0, projection 0, gap −2000, at risk, noted", () => {
    expect(by["丙"]).toMatchObject({ ytd: 0, ytdSource: "none", projection: 0, gap: -2000, atRisk: true });
    expect(by["丙"].notes.join()).toMatch(/尚无营业收入/);
  });
  test("blank months inside the range count as 0 and are flagged", () => {
    // 专精特新: not measured against the 2000 万 line, so never at risk (issue 13); its months still count
    expect(by["丁"]).toMatchObject({ ytd: 1200, projection: 1440, gap: -560, missingMonths: [3, 7], atRisk: false, measured: false, avgPerMonth: 150 });
    expect(by["丁"].notes[0]).toMatch(/3月、7月未填报/);
  });
  test("blank status is 培育中", () => {
    expect(r.firms.every((f) => f.status === "培育中")).toBe(true);
    expect(r.summary.byStatus).toEqual({ 培育中: 4, 已入规: 0, 退库: 0 });
    expect(r.summary.byTier).toEqual({ 拟进规: 3, 高成长性: 0, 专精特新: 1, "专精特新“小巨人”": 0 });
  });
});

describe("December and month precedence", () => {
  test("a December run projects to the YTD itself", () => {
    const r = report([
      { name: "A", months: fill(12, 170) }, // 2040
      { name: "B", months: fill(12, 160) }, // 1920
    ]);
    expect(r.month).toBe(12);
    expect(r.firms.map((f) => [f.projection, f.atRisk])).toEqual([
      [2040, false],
      [1920, true],
    ]);
  });
  test("--month beats the data: month 6 ignores later months", () => {
    const r = report([{ name: "A", months: fill(10, 100) }], { month: 6 });
    expect(r.monthSource).toBe("option");
    expect(r.firms[0]).toMatchObject({ ytd: 600, projection: 1200 });
  });
  test("a 月份 column beats the data; 1-本月营业收入 is used without month columns", () => {
    const values = [
      ["企业名称", "培育层级", "状态", "1-本月营业收入", "月份"],
      ["A", "拟进规", "培育中", 1500, "9月"],
      ["B", "拟进规", "培育中", 900, 9],
    ];
    const r = analyzePool({ pool: sheet("培育库", values) });
    if (failed(r)) throw new Error(r.error);
    expect(r).toMatchObject({ month: 9, monthSource: "column" });
    expect(r.firms.map((f) => [f.ytd, f.projection, f.gap, f.atRisk])).toEqual([
      [1500, 2000, 0, false],
      [900, 1200, -800, true],
    ]);
  });
  test("bad --month and no month at all are read errors", () => {
    expect(analyzePool({ pool: sheet("培育库", poolValues([{ name: "A", months: [1] }])) }, { month: 13 })).toEqual({ error: expect.stringMatching(/1–12/) });
    expect(analyzePool({ pool: sheet("培育库", poolValues([{ name: "A" }])) })).toEqual({ error: expect.stringMatching(/无法确定月份/) });
  });
  test("no revenue columns at all, or no name column → read error", () => {
    expect(analyzePool({ pool: sheet("x", [["企业名称", "培育层级", "状态"], ["A", "拟进规", "培育中"]]) })).toEqual({ error: expect.stringMatching(/1-本月营业收入/) });
    expect(analyzePool({ pool: sheet("x", [["培育层级", "状态", "1月"], ["拟进规", "培育中", 5]]) })).toEqual({ error: expect.stringMatching(/企业名称/) });
    expect(analyzePool({ pool: sheet("x", [["hello"], [1]]) })).toEqual({ error: expect.stringMatching(/找不到培育库表头/) });
  });
});

describe("seasonal projection with 上年1月…上年12月", () => {
  // Last year: months 1–6 at 50 (300), 7–12 at 150 (900): share by June = 0.25.
  const ly = [...fill(6, 50), ...fill(6, 150)];
  const r = report([
    { name: "S", months: fill(6, 100), ly }, // 600 / 0.25 = 2400
    { name: "R", months: fill(6, 100), ly: [...fill(11, 50), null] }, // incomplete → run-rate 1200
  ]);
  test("ytd / share of last year's months 1..m", () => {
    expect(r.firms[0]).toMatchObject({ ytd: 600, projection: 2400, gap: 400, method: "seasonal", atRisk: false });
  });
  test("incomplete last year falls back to run-rate", () => {
    expect(r.firms[1]).toMatchObject({ projection: 1200, method: "run-rate", atRisk: true });
  });
});

describe("summary: 新增 / 退库 / 退规 / 净增 vs target (seed: 26 new, 10 out, net 16)", () => {
  const firms: FirmRow[] = [
    ...Array.from({ length: 20 }, (_, i) => ({ name: `入规${i + 1}`, uscc: `U${i + 1}`, status: i % 2 ? "已入规" : "入规", tier: "拟进规", months: [300] })),
    { name: "退库甲", status: "退库", tier: "高成长性", months: [10] },
    { name: "在培乙", status: "培育中", tier: "专精特新“小巨人”", months: [500] },
  ];
  // 新增规上: 8 rows, one duplicates a pool firm by USCC, one by name → 6 more.
  const added = [["序号", "企业名称", "统一社会信用代码"], [1, "外部一", "X1"], [2, "外部二", "X2"], [3, "外部三", "X3"], [4, "外部四", "X4"], [5, "外部五", "X5"], [6, "外部六", "X6"], [7, "入规一号（同码）", "U3"], [8, "入规4", null]];
  const dropped = [["企业名称"], ...Array.from({ length: 10 }, (_, i) => [`退规${i + 1}`])];
  const targets = [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["净增规上企业数", "总量", 20, "户", null], ["退规企业数", "总量", null, "户", 7]];

  test("added 26 (20 pool + 6 listed), 退规 sheet 10 → net 16", () => {
    const s = report(firms, {}, { added, dropped, targets }).summary;
    // 在培乙 (小巨人, 500 in January → 6000) is tracked by its own criteria: not projected to cross 2000 万
    expect(s).toMatchObject({ added: 26, removed: 1, droppedOut: 10, net: 16, target: 20, projectedToCross: 0, reached: 0, lastYearAbove: 0 });
    expect(s.byStatus).toEqual({ 培育中: 1, 已入规: 20, 退库: 1 });
    expect(s.byTier).toEqual({ 拟进规: 20, 高成长性: 1, 专精特新: 0, "专精特新“小巨人”": 1 });
    expect(s.detail).toMatchObject({ addedFromPool: 20, addedFromSheet: 6, droppedSource: "sheet", targetSource: "targets", progress: 0.8 });
  });
  test("without the 退规 sheet: 目标 退规企业数 (1-本月完成); without 目标: 0 and target 18", () => {
    expect(report(firms, {}, { added, targets }).summary).toMatchObject({ droppedOut: 7, net: 19, target: 20 });
    expect(report(firms, {}, { added }).summary).toMatchObject({ droppedOut: 0, net: 26, target: 18 });
  });
  test("CLI options override the workbook", () => {
    expect(report(firms, { dropped: 12, target: 30 }, { added, dropped, targets }).summary).toMatchObject({ droppedOut: 12, net: 14, target: 30 });
  });
  test("JSON contract shape", () => {
    const j = poolJson(report(firms, {}, { added, dropped }));
    expect(Object.keys(j)).toEqual(["month", "byMonth", "summary", "firms"]);
    expect(Object.keys(j.summary)).toEqual(["byTier", "byStatus", "projectedToCross", "added", "removed", "droppedOut", "net", "target", "reached", "lastYearAbove"]);
    expect(Object.keys(j.firms[0])).toEqual(["name", "tier", "status", "leader", "ytd", "projection", "gap", "atRisk", "reached", "neededPerMonth", "avgPerMonth", "lastYearAbove"]);
    expect(j.byMonth).toBe(12);
    expect(j.firms[21]).toEqual({
      name: "在培乙", tier: "专精特新“小巨人”", status: "培育中", leader: null, ytd: 500, projection: 6000, gap: 4000, atRisk: false,
      reached: false, neededPerMonth: null, avgPerMonth: 500, lastYearAbove: false,
    });
  });
});

describe("normalisation, lists, leaders, filters, sorting", () => {
  test("tiers and statuses", () => {
    expect(normalizeTier('专精特新"小巨人"')).toBe("专精特新“小巨人”");
    expect(normalizeTier("小巨人")).toBe("专精特新“小巨人”");
    expect(normalizeTier(" 高成长 ")).toBe("高成长性");
    expect(normalizeTier("")).toBeNull();
    expect(normalizeStatus("已进规")).toBe("已入规");
    expect(normalizeStatus("已退库")).toBe("退库");
    expect(normalizeStatus(null)).toBe("培育中");
    expect(normalizeStatus("暂停")).toBe("暂停");
  });
  test("unknown status and tier are counted under their own name and noted", () => {
    const r = report([{ name: "A", status: "暂停", tier: "其他", months: [1] }]);
    expect(r.summary.byStatus["暂停"]).toBe(1);
    expect(r.summary.byTier["其他"]).toBe(1);
    expect(r.firms[0].atRisk).toBe(false);
    expect(r.firms[0].notes.join()).toMatch(/unknown status.*unknown tier/);
  });
  test("list sheet: a single 企业名称 column, totals skipped; no such column → error", () => {
    expect(readFirmList(sheet("新增规上", [["企业名称"], ["甲"], ["乙"], ["合计"]]))).toHaveLength(2);
    expect(readFirmList(sheet("新增规上", [["名单"], ["甲"]]))).toEqual({ error: expect.stringMatching(/企业名称/) });
  });
  const r = report([
    { name: "A", leader: "张三", town: "城关镇", tier: "拟进规", months: fill(10, 100) }, // gap −800
    { name: "B", leader: "李四", town: "经开区", tier: "拟进规", months: fill(10, 250) }, // 2500 → 3000, gap 1000
    { name: "C", leader: "张三", town: "经开区", tier: "专精特新", months: fill(10, 180) }, // 1800 → 2160, gap 160
    { name: "D", leader: null as unknown as string, town: "城关镇", tier: "高成长性", status: "退库", months: fill(10, 10) },
    { name: "E", leader: "李四", town: "城关镇", tier: "拟进规", status: "已入规", months: fill(10, 300) },
  ]);
  test("per-leader: firms and how many are on track", () => {
    const v = leaderView(r.firms).map((l) => [l.leader, l.firms.map((f) => f.name).join(""), l.inPool, l.onTrack, l.atRisk, l.entered, l.removed]);
    expect(v).toEqual([
      ["李四", "BE", 1, 1, 0, 1, 0],
      ["张三", "AC", 2, 0, 1, 0, 0], // C is 专精特新: not measured against the line
      ["未分配", "D", 0, 0, 0, 0, 1],
    ]);
  });
  test("filters combine; sort by gap ascending puts the furthest short first", () => {
    expect(filterFirms(r.firms, { town: "经开区" }).map((f) => f.name)).toEqual(["B", "C"]);
    expect(filterFirms(r.firms, { tier: "拟进规", leader: "李四" }).map((f) => f.name)).toEqual(["B", "E"]);
    expect(filterFirms(r.firms, { status: "退库" }).map((f) => f.name)).toEqual(["D"]);
    expect(filterFirms(r.firms, { leader: "未分配" }).map((f) => f.name)).toEqual(["D"]);
    expect(filterFirms(r.firms, { atRiskOnly: true }).map((f) => f.name)).toEqual(["A"]);
    expect(sortFirms(r.firms).map((f) => f.name)).toEqual(["D", "A", "C", "B", "E"]);
    expect(sortFirms(r.firms, "gap", "desc").map((f) => f.name)).toEqual(["E", "B", "C", "A", "D"]);
  });
  test("filter options in canonical order", () => {
    expect(filterOptions(r.firms)).toEqual({ tiers: ["拟进规", "高成长性", "专精特新"], leaders: ["李四", "张三", "未分配"], towns: ["城关镇", "经开区"], statuses: ["培育中", "已入规", "退库"] });
  });
  test("export model: summary, tiers, projections with chart ranges", () => {
    const e = exportModel(r);
    expect(e.rows[2].slice(0, 3)).toEqual(["指标", "数值", "完成率"]);
    const tierChart = e.charts.find((c) => c.name === "JX_PoolByTier")!;
    const [a, b] = tierChart.dataRange.match(/\d+/g)!.map(Number);
    expect(e.rows[a - 1].slice(0, 2)).toEqual(["培育层级", "企业数"]);
    expect(e.rows.slice(a, b).map((x) => x.slice(0, 2))).toEqual([["拟进规", 3], ["高成长性", 1], ["专精特新", 1], ["专精特新“小巨人”", 0]]);
    const proj = e.charts.find((c) => c.name === "JX_PoolProjection")!;
    // only the 拟进规 firms 培育中 stand against the line; C (专精特新) is listed by its own figures in M:Q
    expect(proj.dataRange).toBe("E3:G5");
    expect(e.rows.slice(3, 5).map((x) => x.slice(4, 7))).toEqual([["B", 3000, 2000], ["A", 1200, 2000]]);
    expect(e.rows[3].slice(12, 15)).toEqual(["C", "专精特新", 1800]);
  });
});

describe("sheet choice and template", () => {
  test("the one chooser: a sheet that reads as a pool (培育库 first); lists and 目标 by name; --sheet must exist", () => {
    const header = ["企业名称", "培育层级", "状态", "1月", "2月"];
    const pool = sheet("2023培育企业", [header, ["甲", "拟进规", "培育中", 100, 120]]);
    const named = sheet("培育库", [header, ["乙", "拟进规", "培育中", 100, 120]]);
    const targets = sheet("目标", [["指标", "年度目标"], ["净增规上企业数", 18]]);
    const dropped = sheet("退规", [["序号", "企业名称"], [1, "丙"]]);
    const a = poolInputFrom([sheet("封面", [["说明"]]), pool, targets, dropped]);
    expect("input" in a && [a.input.pool.name, a.input.targets?.name, a.input.dropped?.name, a.input.added]).toEqual(["2023培育企业", "目标", "退规", null]);
    const b = poolInputFrom([pool, named]);
    expect("input" in b && b.input.pool.name).toBe("培育库");
    expect(poolInputFrom([pool], "Nope")).toEqual({ error: "找不到工作表“Nope”；现有工作表：“2023培育企业” (sheets: 2023培育企业)", noPool: false });
  });
  test("the template header reads back as a pool with every canonical column", () => {
    const t = poolTemplate();
    expect(t.rows[0]).toEqual(POOL_TEMPLATE_HEADER);
    expect(t.validationLists).toEqual({ 3: ["拟进规", "高成长性", "专精特新", "专精特新“小巨人”"], 6: ["培育中", "已入规", "退库"] });
    expect(t.numberFormats[1]).toBe("@");
    const table = readTable(sheet("培育库", [t.rows[0], ["甲"]]), poolSpec);
    if (isReadError(table)) throw new Error(table.error);
    expect(table.missing).toEqual([]);
    expect(Object.keys(table.columns)).toEqual(["name", "uscc", "town", "tier", "leader", "entryDate", "status", "lastYearRevenue", ...Array.from({ length: 12 }, (_, i) => `m${i + 1}`)]);
  });
});

describe("a cell and the pane never disagree", () => {
  // Functions engineer's cell implementation (JX.SCALE_PROJECTION / JX.SCALE_GAP).
  const { impl } = require("../../../src/functions/impl") as typeof import("../../../src/functions/impl");
  const ly = [...fill(6, 50), ...fill(6, 150)];
  const r = report([
    { name: "run", months: [120, 95.5, null, 130.25, 88, 101, 99.9] },
    { name: "seasonal", months: [100, 90, 110, 105, 95, 100, 80], ly },
    { name: "none" },
  ]);
  test.each(r.firms.map((f) => [f.name, f] as const))("%s", (_n, f) => {
    const months = [[...Array.from({ length: 12 }, (_, i) => (f.name === "seasonal" ? ly[i] : null))]];
    const lyArg = f.name === "seasonal" ? months : undefined;
    expect(impl.SCALE_PROJECTION([[f.ytd]], [[r.month]], lyArg)).toEqual(f.projection);
    expect(impl.SCALE_GAP([[f.ytd]], [[r.month]], null, lyArg)).toEqual(f.gap);
  });
});
