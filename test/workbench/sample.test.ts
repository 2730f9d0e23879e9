/**
 * samples/jingxin-sample.xlsx (the workbench's default workbook, `npm run sample`):
 * deterministic, committed up to date, small, and holding what the issue promises — the seed's
 * per-mu aggregates, a 38-firm pool with leaders, the 2023 targets, valid codes except the one
 * planted defect, and the planted monthly-report defects found by validation at their cells.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { loadFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { readTable, isReadError, Table } from "../../src/core/table";
import { monthlySpec } from "../../src/core/validate/specs";
import { RULE_SETS, validateSheet, isUnusable } from "../../src/core/validate";
import { usccValid, orgCodeValid } from "../../src/core/ids";
import { targetsTemplate } from "../../src/core/monitor/targets";

const root = path.join(__dirname, "..", "..");
const SAMPLE = path.join(root, "samples", "jingxin-sample.xlsx");

function generate(out: string): Buffer {
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "make-sample.js"), "--out", out], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`make-sample failed:\n${r.stdout}\n${r.stderr}`);
  return fs.readFileSync(out);
}

let port: FilePort;
beforeAll(async () => {
  port = await loadFilePort(fs.readFileSync(SAMPLE), "jingxin-sample.xlsx");
});

/** Data rows of a sheet as header → value records (header row `headerRow`, 1-based; 合计 rows left out). */
async function records(sheet: string, headerRow = 1): Promise<Record<string, unknown>[]> {
  const s = (await port.readSheet(sheet))!;
  const header = s.values[headerRow - s.startRow] as string[];
  return s.values
    .slice(headerRow - s.startRow + 1)
    .filter((r) => r[0] !== "合计")
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe("sample workbook generation", () => {
  test("is deterministic: a fresh run writes the committed file byte for byte (else: npm run sample)", () => {
    // The committed file was written by an earlier run, at another time: equal bytes mean no
    // clock, locale or randomness leaks into the file.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-sample-"));
    try {
      const fresh = generate(path.join(dir, "sample.xlsx"));
      expect(Buffer.compare(fresh, fs.readFileSync(SAMPLE))).toBe(0);
      expect(fresh.length).toBeLessThan(1024 * 1024);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("sample workbook content", () => {
  test("sheets in order", async () => {
    expect(await port.listSheets()).toEqual(["10月", "9月", "8月", "亩均数据", "培育库", "目标", "函数示例"]);
  });

  test("monthly report: 117 firms under the canonical headers, 上年同期 summing to the seed's 104.5 亿元", async () => {
    const sheet = (await port.readSheet("10月"))!;
    const table = readTable(sheet, monthlySpec) as Table;
    expect(isReadError(table)).toBe(false);
    expect(table.missing).toEqual([]);
    expect(table.headerRow).toBe(2);
    expect(table.rows).toHaveLength(117);
    const ly = table.rows.reduce((s, r) => s + (r.values.outputYtdLastYear as number), 0);
    expect(ly).toBeCloseTo(1045000, 2);
    const names = table.rows.map((r) => r.values.name as string);
    expect(new Set(names).size).toBe(117);
    for (const n of names) expect(n).toMatch(/公司$/);
  });

  test("every USCC is valid (check character and organisation code) except the planted one at B9 of 10月", async () => {
    for (const [name, headerRow] of [["10月", 2], ["9月", 2], ["亩均数据", 1], ["培育库", 1]] as const) {
      const rows = await records(name, headerRow);
      rows.forEach((r, i) => {
        const code = String(r["统一社会信用代码"]);
        const address = `B${headerRow + 1 + i}`;
        if (name === "10月" && address === "B9") {
          expect(usccValid(code)).toBe(false);
          expect(code).toHaveLength(18);
        } else {
          expect([name, address, usccValid(code), orgCodeValid(code)]).toEqual([name, address, true, true]);
        }
      });
    }
  });

  test("per-mu data: 103 规上 + 118 规下 whose ratios of sums are the seed's county figures", async () => {
    const rows = await records("亩均数据");
    const n = (r: Record<string, unknown>, h: string) => r[h] as number;
    const above = rows.filter((r) => r["规模"] === "规上");
    const below = rows.filter((r) => r["规模"] === "规下");
    expect([above.length, below.length]).toEqual([103, 118]);
    const sum = (rs: Record<string, unknown>[], h: string) => rs.reduce((s, r) => s + n(r, h), 0);
    expect((sum(rows, "实缴税金(万元)") / sum(rows, "用地面积(亩)")).toFixed(1)).toBe("7.6");
    expect((sum(rows, "营业收入(万元)") / sum(rows, "用地面积(亩)")).toFixed(1)).toBe("83.9");
    expect((sum(above, "实缴税金(万元)") / sum(above, "综合能耗(吨标煤)")).toFixed(3)).toBe("0.069");
    expect((sum(above, "工业增加值(万元)") / sum(above, "年平均从业人员")).toFixed(1)).toBe("36.8");
    for (const r of below) expect(n(r, "用地面积(亩)")).toBeGreaterThanOrEqual(3);
  });

  test("pool: 38 拟进规 firms, each with a leader; 30 培育中, 6 已入规, 2 退库", async () => {
    const rows = await records("培育库");
    expect(rows).toHaveLength(38);
    for (const r of rows) {
      expect(r["培育层级"]).toBe("拟进规");
      expect(String(r["包保领导"]).trim()).not.toBe("");
    }
    const count = (s: string) => rows.filter((r) => r["状态"] === s).length;
    expect([count("培育中"), count("已入规"), count("退库")]).toEqual([30, 6, 2]);
  });

  test("targets: the seed's 2023 plan", async () => {
    const rows = (await port.readSheet("目标"))!.values;
    const plan = targetsTemplate().map((r) => r.slice(0, 4).map((v) => (v === null ? "" : v)));
    expect(rows.map((r) => r.slice(0, 4))).toEqual(plan);
    expect(rows.find((r) => r[0] === "规上工业总产值")!.slice(2, 4)).toEqual([145, "亿元"]);
    expect(rows.find((r) => r[0] === "净增规上企业数")![2]).toBe(18);
  });

  test("validation of 10月 finds the planted defects at their cells, and no other error", async () => {
    const r = validateSheet((await port.readSheet("10月"))!, RULE_SETS, "auto", { previousSheet: (await port.readSheet("9月"))! });
    if (isUnusable(r)) throw new Error(r.error);
    expect(r.ruleSet.id).toBe("monthly");
    const hits = r.result.findings.map((f) => `${f.rule} ${f.cell}`);
    for (const planted of ["M-NUM C17", "M-VA-GT-OUT F25", "M-USCC-CHK B9", "M-UNIT C33", "M-UNIT D33", "M-YOY D44", "M-PACE G90"]) {
      expect(hits).toContain(planted);
    }
    expect(r.result.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(["M-NUM C17", "M-VA-GT-OUT F25"]);
    // 本月 = 1-本月 − 上月累计 to the cent for every firm but the planted 千元 row
    expect(hits.filter((h) => h.startsWith("M-MONTH-IDENTITY"))).toEqual(["M-MONTH-IDENTITY C33"]);
    // The two explained swings (说明 filled) do not block; the unexplained one does.
    expect(r.result.findings.filter((f) => f.rule === "M-YOY" && f.explained).map((f) => f.row)).toEqual(expect.arrayContaining([52, 63]));
    expect(r.result.ready).toBe(false);
  });
});
