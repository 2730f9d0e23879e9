import * as fs from "fs";
import * as path from "path";
import * as crypto from "crypto";
import { execFile } from "child_process";
import * as ExcelJS from "exceljs";
import { writeFixtures, monthlyDefects, monthlyPrevious, acreDefects, poolDefects, buildWorkbook, auditBook } from "../../scripts/make-validate-fixtures";
import { jx as runJx, tempDir } from "./helpers";

const tmp = tempDir("jx-validate-");
let files: Record<string, string>;

beforeAll(async () => {
  files = await writeFixtures(tmp());
});

/** `jx validate …args` */
const jx = (...args: string[]) => runJx("validate", ...args);

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
const pairs = (json: { findings: { rule: string; cell: string }[] }) => json.findings.map((f) => [f.rule, f.cell]).sort();
/** monthly-defects.xlsx checked against its 9月: the seeded defects, the decreasing year to date, and 本月 ≠ 1-本月 − 上月累计 where the month is wrong. */
const withPrevious = () =>
  [...monthlyDefects().expected!, ["M-YTD-DECREASE", "D18"], ...["C11", "C13", "C16", "C18"].map((c) => ["M-MONTH-IDENTITY", c])].sort();

describe("jx validate", () => {
  test("--json: the contract, exactly; exit 1 when not ready; the input file's bytes unchanged", async () => {
    const file = files["monthly-defects.xlsx"];
    const before = sha(file);
    const { code, out, err } = await jx(file, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["ready", "rules", "sheet", "findings"]);
    expect(json.ready).toBe(false);
    expect(json.rules).toBe("monthly");
    expect(json.sheet).toBe("10月");
    // 9月 of the same workbook is last month's table, found by itself
    expect(pairs(json)).toEqual(withPrevious());
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(["rule", "severity", "sheet", "cell", "row", "message"]);
      expect(["error", "warning"]).toContain(f.severity);
      expect(f.sheet).toBe("10月");
      expect(Number(f.cell.replace(/^[A-Z]+/, ""))).toBe(f.row);
    }
    expect(json.findings.find((f: { rule: string }) => f.rule === "RATE")).toEqual({
      rule: "RATE",
      severity: "warning",
      sheet: "10月",
      cell: "C2",
      row: 2,
      message:
        "“报送率”所列 93.3% 与 13/14 = 92.857% 不符（按所列精度四舍五入为 92.9%，截断为 92.8%）；如分母口径不同，请说明 " +
        "(stated 93.3% does not match 13/14 = 92.857%: 92.9% rounded, 92.8% truncated; explain it if the base differs)",
    });
    expect(json.findings.find((f: { cell: string }) => f.cell === "B8").severity).toBe("warning");
    // the sheet used as last month and the rules not run are said on stderr, stdout stays pure JSON
    expect(err).toContain("提示 (note)：上月报表 (last month)：工作表“9月”，自动识别：工作表名“9月” (sheet name; found automatically)");
    expect(err).toContain("规则 M-LAST-YEAR 未提供上年同月报表");
    expect(sha(file)).toBe(before);
  });

  test("--previous-sheet in the same workbook and --previous FILE find the decreasing year to date", async () => {
    const file = files["monthly-defects.xlsx"];
    const same = JSON.parse((await jx(file, "--sheet", "10月", "--previous-sheet", "9月", "--json")).out);
    expect(pairs(same)).toEqual(withPrevious());
    // another workbook: 9月 is picked by the month (10 − 1)
    const copy = tmp("previous-copy.xlsx");
    fs.copyFileSync(file, copy);
    const other = JSON.parse((await jx(file, "--sheet", "10月", "--previous", copy, "--json")).out);
    expect(pairs(other)).toEqual(pairs(same));
  });

  test("--previous-sheet alone: that sheet is last month's, never the one checked", async () => {
    // 9月 comes first in this workbook: without the exclusion it would be checked against itself
    const file = tmp("previous-first.xlsx");
    await buildWorkbook([monthlyPrevious(), monthlyDefects()]).xlsx.writeFile(file);
    const { code, out } = await jx(file, "--previous-sheet", "9月", "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.sheet).toBe("10月");
    expect(pairs(json)).toContainEqual(["M-YTD-DECREASE", "D18"]);
  });

  test("the clean table: exit 0, 可以提交", async () => {
    const { code, out } = await jx(files["monthly-clean.xlsx"]);
    expect(code).toBe(0);
    expect(out).toContain("未发现问题 (no findings)");
    expect(out).toContain("结论 (verdict)：可以提交 (ready to submit)");
  });

  test("the table output lists findings by severity with cell addresses, rules not run, the verdict", async () => {
    const { code, out } = await jx(files["monthly-defects.xlsx"], "--sheet", "10月");
    expect(code).toBe(1);
    expect(out).toContain("错误 (errors)：9");
    expect(out).toContain("提示 (warnings)：10，已说明 1 (explained)");
    expect(out).toMatch(/\n {2}H19 {4}M-TOTAL +合计“从业人员”为 1561/);
    expect(out).toMatch(/D15 +M-YOY +\[已说明\] /);
    expect(out).toContain("未运行的规则 (rules not run)：");
    expect(out).toContain("结论 (verdict)：不能提交：有 9 个错误须修改");
  });

  test("--month, --rules, headers under a merged title, acre and pool", async () => {
    const titled = JSON.parse((await jx(files["monthly-title.xlsx"], "--sheet", "Sheet1", "--json")).out);
    expect(pairs(titled)).toEqual([["M-PACE", "G5"]]);
    // month 12: 1200 × 12/12 = 1200 < 2000 still; month 3: 1200 × 4 = 4800 ≥ 2000
    expect(pairs(JSON.parse((await jx(files["monthly-title.xlsx"], "--sheet", "Sheet1", "--month", "3", "--json")).out))).toEqual([]);
    const acre = await jx(files["acre.xlsx"], "--rules", "acre", "--json");
    expect(acre.code).toBe(1);
    expect(pairs(JSON.parse(acre.out))).toEqual([...acreDefects().expected!].sort());
    const pool = await jx(files["pool.xlsx"], "--json");
    expect(JSON.parse(pool.out).rules).toBe("pool");
    expect(pairs(JSON.parse(pool.out))).toEqual([...poolDefects().expected!].sort());
  });

  test("exit 2 on unusable input, with a message naming the problem", async () => {
    const cases: Array<[string[], RegExp]> = [
      [[tmp("nope.xlsx")], /找不到文件/],
      [[files["corrupt.xlsx"]], /已损坏|不是有效的 \.xlsx/],
      [[files["empty.xlsx"]], /没有可识别表头/],
      [[files["empty.xlsx"], "--sheet", "Sheet1"], /是空的/],
      [[files["monthly-missing-column.xlsx"]], /缺少必需列“1-本月工业总产值”/],
      [[files["monthly-clean.xlsx"], "--sheet", "不存在"], /找不到工作表“不存在”/],
      [[files["monthly-clean.xlsx"], "--month", "13"], /--month 应为 1–12/],
      [[files["monthly-clean.xlsx"], "--rules", "yearly"], /--rules 应为 monthly、acre、pool 或 appeals/],
    ];
    for (const [args, re] of cases) {
      const r = await jx(...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toMatch(re);
      expect(r.out).toBe("");
    }
  });

  test("--report writes a new file with a 校验报告 sheet and refuses to overwrite", async () => {
    const file = files["monthly-defects.xlsx"];
    const before = sha(file);
    const out = tmp("report.xlsx");
    const r = await jx(file, "--sheet", "10月", "--report", out);
    expect(r.code).toBe(1);
    expect(sha(file)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["10月", "9月", "校验报告"]);
    const ws = wb.getWorksheet("校验报告")!;
    expect(ws.getCell("A5").value).toBe("规则 (rule)");
    expect(ws.getCell("A6").value).toBe("M-REQ");
    expect(ws.getCell("C6").value).toMatchObject({ formula: `HYPERLINK("#'10月'!H6","H6")` });
    expect(ws.getCell("C4").value).toBe("上月报表 (last month)");
    expect(ws.getCell("D4").value).toBe("9月");
    const rate = ws.getColumn(1).values.indexOf("RATE");
    expect(ws.getCell(rate, 3).value).toMatchObject({ formula: `HYPERLINK("#'10月'!C2","C2")` });
    expect(ws.getCell(rate, 4).value).toMatch(/^“报送率”所列 93.3%/);
    expect(ws.getCell(rate, 5).value).toBe(0.933);
    // the data sheets' values are the input's
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(file);
    const vals = (w: ExcelJS.Workbook) => JSON.stringify(w.getWorksheet("10月")!.getSheetValues());
    expect(vals(wb)).toBe(vals(src));
    // a second run refuses to overwrite; the input itself is never a target
    const again = await jx(file, "--sheet", "10月", "--report", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/已存在；如需覆盖请加 --force/);
    const self = await jx(file, "--report", file, "--force");
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/不能覆盖输入文件/);
    expect(sha(file)).toBe(before);
  });

  test("the audit rules: last month and last year found in the workbook, 退规 and 参数 read; one finding per rule", async () => {
    const file = files["monthly-audit.xlsx"];
    const { code, out, err } = await jx(file, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["ready", "rules", "sheet", "findings"]);
    expect(json.sheet).toBe("2023年10月");
    expect(json.findings.map((f: { rule: string; sheet: string; cell: string }) => [f.rule, `${f.sheet}!${f.cell}`]).sort()).toEqual([...auditBook().expected].sort());
    expect(err).toContain("提示 (note)：上月报表 (last month)：工作表“2023年9月”");
    expect(err).toContain("提示 (note)：上年报表 (last year)：工作表“2022年10月”");
    expect(err).toMatch(/提示 \(note\)：新增：本月有 1 家企业不在上月“2023年9月”中/);
  });

  test("text output: a finding in last month's sheet is written with its sheet (2023年9月!A11), this sheet's cells alone", async () => {
    const { code, out } = await jx(files["monthly-audit.xlsx"]);
    expect(code).toBe(1);
    expect(out).toMatch(/\n {2}2023年9月!A11 M-NOT-REPORTED +上月“2023年9月”第 11 行的企业/);
    expect(out).toMatch(/\n {2}K5 {5}M-EXPORT-GT-SALES/);
  });

  test("--region wins over the 参数 row; --last-year FILE; a bad --region is exit 2", async () => {
    const file = files["monthly-audit.xlsx"];
    const region = JSON.parse((await jx(file, "--region", "340700", "--json")).out);
    expect(region.findings.filter((f: { rule: string }) => f.rule === "M-USCC-REGION").length).toBe(9);
    // last year in its own file: the sheet for the same month
    const { sheets } = auditBook();
    const split = tmp("audit-this-year.xlsx");
    const ly = tmp("audit-last-year.xlsx");
    await buildWorkbook(sheets.filter((s) => s.name !== "2022年10月")).xlsx.writeFile(split);
    await buildWorkbook([{ name: "2022年9月", rows: sheets[1].rows }, sheets[2]]).xlsx.writeFile(ly);
    const alone = JSON.parse((await jx(split, "--json")).out);
    expect(alone.findings.map((f: { rule: string }) => f.rule)).not.toContain("M-LAST-YEAR");
    const given = await jx(split, "--last-year", ly, "--json");
    expect(JSON.parse(given.out).findings.filter((f: { rule: string }) => f.rule === "M-LAST-YEAR").map((f: { cell: string }) => f.cell)).toEqual(["E9"]);
    expect(given.err).toContain(`提示 (note)：上年报表 (last year)：“${ly}”的工作表“2022年10月”`);
    for (const bad of ["34072", "34O722"]) {
      const r = await jx(file, "--region", bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--region 应为 6 位行政区划代码（如 340722），而不是“${bad}”`);
    }
    const missing = await jx(split, "--last-year", tmp("nope.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/上年工作簿 \(--last-year\)：.*找不到文件/);
  });

  test("the real entry: node bin/jx.js validate … --json", async () => {
    const root = path.join(__dirname, "..", "..");
    const bin = path.join(root, "bin", "jx.js");
    // bin/jx.js runs the bundle `npm run build` writes; bundle it here when it predates these sources.
    const { buildCli, stale } = require("../../scripts/build-cli");
    if (stale()) buildCli();
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [bin, "validate", files["monthly-clean.xlsx"], "--json"], { timeout: 120000 }, (error, stdout) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout });
      });
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ready: true, rules: "monthly", sheet: "2023年10月", findings: [] });
  }, 60000);
});
