import * as fs from "fs";
import { countySheets, countyWorkbook, monthRows, seedTargetRows, SheetData } from "../core/monitor/fixture";
import { jx, tempDir } from "./helpers";

const tmp = tempDir("jx-monitor-");

async function write(name: string, sheets: SheetData[]): Promise<string> {
  const file = tmp(name);
  await (await countyWorkbook(sheets)).xlsx.writeFile(file);
  return file;
}

describe("jx monitor --json", () => {
  test("the contract: keys, values, decimals, 万元; file bytes unchanged", async () => {
    const file = await write("county.xlsx", countySheets());
    const before = fs.readFileSync(file);
    const { code, out } = await jx("monitor", file, "--json");
    expect(code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(["month", "totals", "targets", "warnings", "contribution", "concentration"]);
    expect(j.month).toBe(10);
    expect(Object.keys(j.totals)).toEqual(["outputMonth", "outputYtd", "outputYtdLastYear", "growth", "valueAddedYtd", "revenueYtd", "valueAddedGrowthCurrentPrices"]);
    expect(j.totals).toMatchObject({ outputMonth: 5300, outputYtd: 53300, outputYtdLastYear: 47000, valueAddedYtd: 13525, revenueYtd: 52800 });
    expect(j.totals.growth).toBeCloseTo(4800 / 47000, 12);

    const inv = j.targets.find((t: { name: string }) => t.name === "工业投资");
    expect(Object.keys(inv)).toEqual(["name", "kind", "actual", "target", "rate", "timeProgress", "gap"]);
    expect(inv.kind).toBe("总量");
    expect(inv.actual).toBeCloseTo(391600, 6);
    expect(inv.target).toBe(370000);
    expect(inv.rate).toBeCloseTo(1.058, 3);
    expect(inv.timeProgress).toBeCloseTo(0.833, 3);
    expect(inv.gap).toBeCloseTo(0.225, 3);
    const va = j.targets.find((t: { name: string }) => t.name === "工业增加值增速");
    expect(va).toMatchObject({ kind: "增速", rate: null });
    expect(va.gap).toBeCloseTo(-0.079, 12);
    expect(j.targets.map((t: { name: string }) => t.name)).not.toContain("退规企业数");

    expect(j.warnings).toHaveLength(6);
    for (const w of j.warnings) expect(Object.keys(w)).toEqual(["firm", "rule", "severity", "value"]);
    expect(j.warnings.slice(0, 3).every((w: { severity: string }) => w.severity === "error")).toBe(true);
    expect(j.warnings).toContainEqual({ firm: "铜陵精工", rule: "month-drop", severity: "error", value: 0.5 });

    expect(Object.keys(j.contribution[0])).toEqual(["firm", "share", "contribution", "pull"]);
    expect(j.contribution[0].firm).toBe("海螺水泥");
    expect(j.contribution[0].contribution).toBeCloseTo(5000 / 4800, 12);
    expect(j.contribution[0].pull).toBeCloseTo(5000 / 47000, 12);
    expect(j.contribution.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0)).toBeCloseTo(1, 12);
    expect(j.concentration.top1).toBeCloseTo(30000 / 53300, 12);
    expect(j.concentration.top5).toBeCloseTo(39900 / 53300, 12);
  });

  test("--sheet, --month, --targets SHEET", async () => {
    const sheets = countySheets(10).map((s) => (s.name === "目标" ? { ...s, name: "计划" } : s));
    const file = await write("renamed.xlsx", sheets);
    const none = JSON.parse((await jx("monitor", file, "--json")).out);
    expect(none.targets).toEqual([]);
    const r = await jx("monitor", file, "--sheet", "9月", "--targets", "计划", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.month).toBe(9);
    expect(j.totals.outputYtd).toBe(48000);
    expect(j.targets.find((t: { name: string }) => t.name === "工业投资").timeProgress).toBeCloseTo(0.75, 12);
    expect(JSON.parse((await jx("monitor", file, "--month", "8", "--json")).out).totals.outputYtd).toBe(53300 - 5300 - 5300) // 9月 also 5300;
  });

  test("--targets FILE", async () => {
    const file = await write("only10.xlsx", [{ name: "10月", startRow: 1, startCol: 1, values: monthRows(10) }]);
    const targets = await write("plan.xlsx", [{ name: "2022目标", startRow: 1, startCol: 1, values: seedTargetRows() }]);
    const r = await jx("monitor", file, "--targets", targets, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.targets.find((t: { name: string }) => t.name === "技改投资").rate).toBeCloseTo(6.52 / 6.9, 12);
    // only one month: the three-month rule is not run, and stderr says so
    expect(j.warnings.map((w: { rule: string }) => w.rule)).not.toContain("three-month-decline");
    expect(r.err).toMatch(/three-month-decline/);
  });

  test("--previous workbooks supply the earlier months", async () => {
    const file = await write("oct.xlsx", [{ name: "Sheet1", startRow: 1, startCol: 1, values: monthRows(10) }]);
    const prev = await write("aug-sep.xlsx", [
      { name: "8月", startRow: 1, startCol: 1, values: monthRows(8) },
      { name: "9月", startRow: 1, startCol: 1, values: monthRows(9) },
    ]);
    const j = JSON.parse((await jx("monitor", file, "--month", "10", "--previous", prev, "--json")).out);
    expect(j.warnings).toContainEqual({ firm: "铜陵精工", rule: "three-month-decline", severity: "warning", value: -0.5 });
  });
});

describe("jx monitor exit codes and text", () => {
  test("2 when no month can be determined", async () => {
    const file = await write("nomonth.xlsx", [{ name: "Sheet1", startRow: 1, startCol: 1, values: monthRows(10) }]);
    const r = await jx("monitor", file, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/--month/);
    expect((await jx("monitor", file, "--month", "10", "--json")).code).toBe(0);
  });

  test("2 on a missing file, a non-xlsx file, a bad --month, no report sheet, an unknown --sheet or --targets", async () => {
    expect((await jx("monitor", tmp("nope.xlsx"))).code).toBe(2);
    const junk = tmp("junk.xlsx");
    fs.writeFileSync(junk, "not a zip");
    expect((await jx("monitor", junk)).code).toBe(2);
    const file = await write("c2.xlsx", countySheets(3));
    expect((await jx("monitor", file, "--month", "13")).code).toBe(2);
    expect((await jx("monitor", file, "--sheet", "11月")).code).toBe(2);
    expect((await jx("monitor", file, "--targets", "没有这张表")).code).toBe(2);
    const empty = await write("empty.xlsx", [{ name: "说明", startRow: 1, startCol: 1, values: [["本工作簿没有数据"]] }]);
    const r = await jx("monitor", empty);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/月报/);
  });

  test("text output names the month, targets with ahead/behind marks, warnings and concentration", async () => {
    const file = await write("text.xlsx", countySheets());
    const r = await jx("monitor", file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/10月/);
    expect(r.out).toMatch(/工业投资.*105\.8%.*\+22\.5 个百分点 ▲ 超序时进度/);
    expect(r.out).toMatch(/工业增加值增速.*-7\.9 个百分点 ▼ 低于目标/);
    expect(r.out).toMatch(/铜陵精工.*month-drop/);
    expect(r.out).toMatch(/海螺水泥 占 56\.3%，前 5 户占 74\.9%/);
    expect(r.out).toMatch(/新源电子/); // the same-basis note
  });
});
