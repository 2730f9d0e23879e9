import * as fs from "fs";
import { poolValues, fill, FirmRow } from "../core/pool/helpers";
import { jx, tempDir, writeXlsx } from "./helpers";

const tmp = tempDir("jx-pool-");

// 20 pool firms 已入规, 1 退库, 3 培育中; 新增规上 lists 6 more (plus 2 already in the pool); 退规 lists 10.
const firms: FirmRow[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ name: `入规${i + 1}`, uscc: `U${i + 1}`, tier: "拟进规", leader: "县长", status: "已入规", months: fill(10, 220) })),
  { name: "退库甲", tier: "高成长性", leader: "副县长", status: "退库", months: fill(10, 20) },
  { name: "在培A", tier: "拟进规", leader: "副县长", status: "培育中", months: fill(10, 100) }, // 1000 → 1200, gap −800
  { name: "在培B", tier: "专精特新", leader: "县长", status: "培育中", months: [...fill(9, 200), null] }, // 1800 → 2160, gap +160, 10月 blank
  { name: "在培C", tier: "专精特新“小巨人”", leader: "副县长", status: "培育中" }, // no revenue yet
];
const added = [["序号", "企业名称", "统一社会信用代码"], ...Array.from({ length: 6 }, (_, i) => [i + 1, `外部${i + 1}`, `X${i + 1}`]), [7, "入规3", "U3"], [8, "别名", "U4"]];
const dropped = [["序号", "企业名称"], ...Array.from({ length: 10 }, (_, i) => [i + 1, `退规${i + 1}`])];

describe("jx pool --json", () => {
  test("the contract: keys, values; seed check 26 − 10 = 16; file bytes unchanged", async () => {
    const file = await writeXlsx(tmp("pool.xlsx"), { 培育库: poolValues(firms), 新增规上: added, 退规: dropped });
    const before = fs.readFileSync(file);
    const { code, out, err } = await jx("pool", file, "--json");
    expect(code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(["month", "byMonth", "summary", "firms"]);
    expect(j.month).toBe(10);
    expect(j.byMonth).toBe(12);
    expect(j.summary).toEqual({
      byTier: { 拟进规: 21, 高成长性: 1, 专精特新: 1, "专精特新“小巨人”": 1 },
      byStatus: { 培育中: 3, 已入规: 20, 退库: 1 },
      projectedToCross: 0, // 在培B (专精特新) is not measured against 2000 万; 在培A is short
      added: 26,
      removed: 1,
      droppedOut: 10,
      net: 16,
      target: 18,
      reached: 0,
      lastYearAbove: 0,
    });
    expect(j.firms).toHaveLength(24);
    const pace = { reached: false, neededPerMonth: null, avgPerMonth: null, lastYearAbove: false };
    expect(j.firms[0]).toEqual({ name: "入规1", tier: "拟进规", status: "已入规", leader: "县长", ytd: 2200, projection: 2640, gap: 640, atRisk: false, ...pace, reached: true, avgPerMonth: 220 });
    expect(j.firms.slice(21)).toEqual([
      // (2000 − 1000) / 2 months left to December = 500 a month, against 100 a month so far
      { name: "在培A", tier: "拟进规", status: "培育中", leader: "副县长", ytd: 1000, projection: 1200, gap: -800, atRisk: true, ...pace, neededPerMonth: 500, avgPerMonth: 100 },
      // 9 months reported (10月 blank): 1800 / 9 = 200
      { name: "在培B", tier: "专精特新", status: "培育中", leader: "县长", ytd: 1800, projection: 2160, gap: 160, atRisk: false, ...pace, avgPerMonth: 200 },
      { name: "在培C", tier: "专精特新“小巨人”", status: "培育中", leader: "副县长", ytd: 0, projection: 0, gap: -2000, atRisk: false, ...pace },
    ]);
    // notes (the blank 10月, no revenue yet) go to stderr, stdout stays JSON
    expect(err).toMatch(/10月未填报/);
  });

  test("--month, --target and --dropped override the workbook", async () => {
    const targets = [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["净增规上企业数", "总量", 20, "户", null], ["退规企业数", "总量", null, "户", 7]];
    const file = await writeXlsx(tmp("pool-opts.xlsx"), { 培育库: poolValues(firms), 新增规上: added, 目标: targets });
    let j = JSON.parse((await jx("pool", file, "--json")).out);
    expect(j.summary).toMatchObject({ droppedOut: 7, net: 19, target: 20 });
    j = JSON.parse((await jx("pool", file, "--json", "--month", "6", "--target", "18", "--dropped", "10")).out);
    expect(j.month).toBe(6);
    expect(j.summary).toMatchObject({ droppedOut: 10, net: 16, target: 18 });
    // month 6: 在培A 600 × 12 / 6 = 1200; 在培B 1200 × 2 = 2400
    expect(j.firms[21]).toMatchObject({ ytd: 600, projection: 1200 });
    expect(j.firms[22]).toMatchObject({ ytd: 1200, projection: 2400, gap: 400, atRisk: false });
  });

  test("--sheet picks the pool; seasonal projection with 上年 months", async () => {
    const ly = [...fill(6, 50), ...fill(6, 150)];
    const file = await writeXlsx(tmp("pool-sheet.xlsx"), { 说明: [["本工作簿"]], 我的库: poolValues([{ name: "S", tier: "拟进规", months: fill(6, 100), ly }]) });
    const { code, out } = await jx("pool", file, "--sheet", "我的库", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).firms[0]).toMatchObject({ ytd: 600, projection: 2400, gap: 400, atRisk: false });
  });

  test("without --sheet or a 培育库 sheet: the sheet whose header reads as a pool", async () => {
    const targets = [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["净增规上企业数", "总量", 20, "户", null]];
    const file = await writeXlsx(tmp("pool-pick.xlsx"), { 目标: targets, Sheet1: poolValues([{ name: "A", months: fill(4, 100) }]) });
    const { code, out } = await jx("pool", file, "--json");
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.summary.target).toBe(20);
    expect(j.firms[0]).toMatchObject({ name: "A", ytd: 400, projection: 1200 });
  });

  test("text output: summary lines and the firms by gap", async () => {
    const file = await writeXlsx(tmp("pool-text.xlsx"), { 培育库: poolValues(firms), 新增规上: added, 退规: dropped });
    const { code, out } = await jx("pool", file);
    expect(code).toBe(0);
    expect(out).toMatch(/净增规上 \(net\)：新增 26 − 退规 10 = 16，目标 18（88\.9%）/);
    const rows = out.split("\n").filter((l) => /^在培|^入规1 /.test(l));
    expect(rows[0]).toBe("在培C | 专精特新“小巨人” | 培育中 | 副县长 | 0.0 | 0.0 | 增速 — | — | —");
    expect(rows[1]).toMatch(/^在培A .* -800\.0 \| 500\.0 \| 100\.0 \| 预警/);
  });

  test("text output: a 专精特新 firm shows its growth and R&D share (研发经费 200 / 上年营业收入 5000 = 4.0 %), 拟进规 the deadline's note", async () => {
    const values = poolValues([
      { name: "专精Z", tier: "专精特新", lastYear: 5000, months: fill(10, 450) }, // 4500 → 5400 projected: +8.0 %
      { name: "拟进Y", tier: "拟进规", months: fill(10, 190) }, // 1900 by October, deadline October: 100 short
    ]);
    values[0].push("研发经费");
    values[1].push(200);
    const file = await writeXlsx(tmp("pool-own.xlsx"), { 培育库: values });
    const { code, out } = await jx("pool", file, "--by-month", "10");
    expect(code).toBe(0);
    const line = (name: string) => out.split("\n").find((l) => l.startsWith(name + " "));
    expect(line("专精Z")).toBe("专精Z | 专精特新 | 培育中 | — | 4,500.0 | 5,400.0 | 增速 8.0% | — | 450.0 | 研发经费占比 4.0% (R&D share)");
    expect(line("拟进Y")).toMatch(/\| 2,280\.0 \| 280\.0 \| — \| 190\.0 \| 已到入规截止月份 10 月，尚差 100\.0 万元/);
  });
});

describe("jx pool --by-month", () => {
  test("the deadline: --by-month > the 目标 sheet row 入规截止月份 > 12; before the report month or outside 1–12 → exit 2", async () => {
    const targets = [["指标", "类型", "年度目标", "单位", "1-本月完成"], ["入规截止月份", "总量", 11, "月", null]];
    const file = await writeXlsx(tmp("pool-by.xlsx"), { 培育库: poolValues(firms), 新增规上: added, 退规: dropped, 目标: targets });
    let j = JSON.parse((await jx("pool", file, "--json")).out);
    // 目标 says November: 在培A (1000 by October) needs 1000 in the one month left
    expect(j.byMonth).toBe(11);
    expect(j.firms[21]).toMatchObject({ name: "在培A", neededPerMonth: 1000, avgPerMonth: 100 });
    j = JSON.parse((await jx("pool", file, "--json", "--by-month", "12")).out);
    expect(j.byMonth).toBe(12);
    expect(j.firms[21]).toMatchObject({ neededPerMonth: 500 });
    j = JSON.parse((await jx("pool", file, "--json", "--by-month", "10")).out);
    expect(j.firms[21]).toMatchObject({ neededPerMonth: null, atRisk: true });
    for (const [arg, message] of [
      ["9", /早于报告月份 10/],
      ["13", /--by-month/],
      ["0", /--by-month/],
      ["x", /--by-month/],
    ] as [string, RegExp][]) {
      const { code, err, out } = await jx("pool", file, "--json", "--by-month", arg);
      expect([arg, code]).toEqual([arg, 2]);
      expect(err).toMatch(message);
      expect(out).toBe("");
    }
  });
});

describe("jx pool: exit 2 on unusable input", () => {
  test.each([
    ["a missing file", () => tmp("nope.xlsx"), [], /找不到文件/],
    ["a file that is not xlsx", () => { const f = tmp("x.xlsx"); fs.writeFileSync(f, "hello"); return f; }, [], /不是有效的 .xlsx/],
  ])("%s", async (_what, make, args, message) => {
    const { code, err } = await jx("pool", (make as () => string)(), ...(args as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message as RegExp);
  });

  test("bad options, missing sheet, no header, no revenue columns, no month", async () => {
    const file = await writeXlsx(tmp("bad.xlsx"), {
      培育库: poolValues([{ name: "A" }]),
      其他: [["随便", "什么"], [1, 2]],
      无收入: [["企业名称", "培育层级", "状态"], ["A", "拟进规", "培育中"]],
    });
    for (const [args, message] of [
      [["--month", "13"], /--month/],
      [["--month", "x"], /--month/],
      [["--target", "-1"], /--target/],
      [["--dropped", "1.5"], /--dropped/],
      [["--sheet", "没有"], /找不到工作表“没有”/],
      [["--sheet", "其他"], /找不到培育库表头/],
      [["--sheet", "无收入"], /1-本月营业收入/],
      [[], /无法确定月份/],
    ] as [string[], RegExp][]) {
      const { code, err, out } = await jx("pool", file, "--json", ...args);
      expect([args, code]).toEqual([args, 2]);
      expect(err).toMatch(message);
      expect(out).toBe("");
    }
    // with --month the same pool is usable: no revenue yet → 0, at risk
    const ok = await jx("pool", file, "--json", "--month", "3");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).firms[0]).toMatchObject({ ytd: 0, projection: 0, gap: -2000, atRisk: true });
  });
});
