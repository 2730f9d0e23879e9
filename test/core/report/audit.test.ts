/**
 * 分析材料, second look against issue 17: rates as the appeals tab writes them (truncated, 参数
 * 办结率小数位数), the sources' month and as-of date, 净增规上 kept when there is no pool, every
 * target behind 序时进度, the 一家带动 threshold (≥ 30 %, a 参数 row), the pool's reached firms
 * inside the projected ones. Expected figures are summed here from the cells (exceljs) or by hand.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { loadFilePort } from "../../../src/workbook/fileAdapter";
import { composeReport, Report, reportLines } from "../../../src/core/report/compose";
import { gatherReport, GatherOptions } from "../../../src/core/report/gather";
import type { SheetLike } from "../../../src/core/table";
import type { CellValue } from "../../../src/core/num";
import { register } from "../appeals/fixture";
import { MONTHLY_HEADER } from "../monitor/fixture";

const SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "jingxin-sample.xlsx");

async function sampleSheets(keep?: string[]): Promise<SheetLike[]> {
  const port = await loadFilePort(fs.readFileSync(SAMPLE));
  const names = (await port.listSheets()).filter((n) => !keep || keep.includes(n));
  return (await port.readSheets(names)).filter((s): s is NonNullable<typeof s> => s !== null);
}
const sheet = (name: string, values: CellValue[][]): SheetLike => ({ name, startRow: 1, startCol: 1, values });
const draft = (sheets: SheetLike[], opts: GatherOptions = {}) => composeReport(gatherReport(sheets, opts).input);
const text = (r: Report, id: string) => (r.sections.find((s) => s.id === id)?.sentences ?? []).map((x) => x.text).join("");

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
});
/** The 目标 sheet's row for an indicator: 年度目标 (C) and 1-本月完成 (E), as typed. */
function targetRow(name: string) {
  const t = wb.getWorksheet("目标")!;
  for (let r = 2; r <= t.rowCount; r++) {
    if (t.getRow(r).getCell(1).value === name) return { goal: t.getRow(r).getCell(3).value as number, done: t.getRow(r).getCell(5).value as number | null };
  }
  throw new Error(name);
}
/** Σ 1-本月工业总产值 of the 10月 sheet (header in row 2, column D). */
function outputYtd(): { total: number; top: number; topName: string } {
  const ws = wb.getWorksheet("10月")!;
  expect(ws.getRow(2).getCell(4).value).toBe("1-本月工业总产值");
  let total = 0;
  let top = 0;
  let topName = "";
  for (let r = 3; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(4).value;
    if (typeof v !== "number") continue;
    total += v;
    if (v > top) [top, topName] = [v, String(ws.getRow(r).getCell(1).value)];
  }
  return { total, top, topName };
}
const p1 = (x: number) => (Math.round(x * 1000) / 10).toFixed(1);

describe("企业诉求: rates written as the appeals tab writes them", () => {
  /** n appeals received 2023-10-09 with 30 working days, the first `closed` closed on 2023-10-10. */
  function appeals(n: number, closed: number, satisfaction: (i: number) => string | undefined = () => undefined): SheetLike {
    return register(
      Array.from({ length: n }, (_, i) => ({ id: `A${i + 1}`, received: "2023-10-09", limit: 30, closed: i < closed ? "2023-10-10" : undefined, satisfaction: i < closed ? satisfaction(i) : undefined })),
    );
  }

  test("1466 collected, 1460 closed → 办结率99.5% (truncated); satisfaction 2 of 3 → 66.6%, not 66.7%", () => {
    // 满意 and 非常满意 count as satisfied, 基本满意 does not: 2 satisfied of 3 surveyed = 66.66…%.
    const levels = ["满意", "非常满意", "基本满意"];
    const r = draft([appeals(1466, 1460, (i) => levels[i])], { asOf: "2023-10-20" });
    expect(r.sections.map((s) => s.heading)).toEqual(["一、企业诉求"]);
    expect(text(r, "appeals")).toBe("截至2023年10月20日，收集企业问题1466个，办结1460个，办结率99.5%。正在办理6个。回访测评3个，满意率66.6%。");
  });

  test("参数 办结率小数位数 = 2: 1460/1466 = 99.5907…% → 99.59%, as jx appeals writes it", () => {
    const params = sheet("参数", [["参数", "值"], ["办结率小数位数", 2]]);
    const r = draft([appeals(1466, 1460), params], { asOf: "2023-10-20" });
    expect(text(r, "appeals")).toContain("办结率99.59%。");
  });

  test("a workbook with only an appeals register: no note about a missing monthly report", () => {
    const g = gatherReport([appeals(3, 3)], { asOf: "2023-10-20" });
    expect(g.notes).toEqual([]);
    expect(g.input.appeals?.total).toBe(3);
  });
});

describe("数据来源: sheet, month and as-of date", () => {
  test("each source names its sheet, its month (1-10月) and the as-of date", async () => {
    const r = draft(await sampleSheets(), { asOf: "2023-11-05" });
    expect(r.asOf).toBe("2023-11-05");
    expect(r.sources.map((s) => [s.part, s.sheet, s.month, s.asOf])).toEqual([
      ["工业经济运行", "10月", 10, "2023-11-05"],
      ["目标任务", "目标", 10, "2023-11-05"],
      ["小升规与培育库", "培育库", 10, "2023-11-05"],
      ["亩均效益评价", "亩均数据", null, "2023-11-05"],
    ]);
    const lines = reportLines(r);
    expect(lines.slice(lines.indexOf("数据来源") + 1)).toEqual([
      "工业经济运行：工作表“10月”，1-10月，截至2023-11-05",
      "目标任务：工作表“目标”，年度目标，截至2023-11-05",
      "小升规与培育库：工作表“培育库”，1-10月，截至2023-11-05",
      "亩均效益评价：工作表“亩均数据”，评价年度数据，截至2023-11-05",
    ]);
  });
});

describe("工业经济运行 and 预警与问题: targets from the 目标 sheet", () => {
  test("without a pool the 目标 row 净增规上企业数 is stated with the other targets (3 of 18 → 16.7 %)", async () => {
    const net = targetRow("净增规上企业数");
    const r = draft(await sampleSheets(["10月", "目标"]));
    const rate = net.done! / net.goal;
    expect(text(r, "economy")).toContain(`净增规上企业数完成${net.done}户，为年度目标（${net.goal}户）的${p1(rate)}%，低于序时进度${p1(10 / 12 - rate)}个百分点。`);
    // With the pool, it is the pool part's figure and said there only.
    const all = draft(await sampleSheets());
    expect(text(all, "economy")).not.toMatch(/净增/);
    expect(text(all, "pool")).toMatch(/净增3家/);
  });

  test("every target behind 序时进度 is listed, furthest first, and a growth target below its goal is said", async () => {
    const { total } = outputYtd();
    const tech = targetRow("技改投资");
    const out = targetRow("规上工业总产值");
    const va = targetRow("工业增加值增速");
    const techGap = 10 / 12 - tech.done! / tech.goal;
    const outGap = 10 / 12 - total / 10000 / out.goal;
    expect(techGap).toBeGreaterThan(outGap);
    const r = draft(await sampleSheets());
    const w = text(r, "warnings");
    expect(w).toContain(`完成进度低于序时进度的目标2项：技改投资（低于${p1(techGap)}个百分点）、规上工业总产值（低于${p1(outGap)}个百分点），其中技改投资差距最大。`);
    expect(w).toContain(`工业增加值增速${va.done!.toFixed(1)}%，低于年度目标${(va.goal - va.done!).toFixed(1)}个百分点。`);
    // 工业投资 is ahead of 序时进度: not among them.
    expect(w).not.toMatch(/工业投资（/);
  });
});

describe("工业产值主要依靠X一家带动: top-1 share ≥ 30 % (参数 一家带动占比)", () => {
  /** A county of firms with these 1-10月 outputs (万元), the first the largest. */
  const county = (...ytd: number[]) =>
    sheet("10月", [MONTHLY_HEADER, ...ytd.map((v, i) => [`企业${"甲乙丙丁"[i]}`, null, v / 10, v, v, null, v, 10, null])]);

  test("exactly 30 % is said, 29.9 % is not", () => {
    // 3000 of 3000 + 2500 + 2500 + 2000 = 10 000 → 30 %; 2990 of 10 000 → 29.9 %.
    expect(text(draft([county(3000, 2500, 2500, 2000)]), "economy")).toContain("工业产值主要依靠企业甲一家带动，占全县规上工业总产值的30.0%。");
    expect(text(draft([county(2990, 2500, 2500, 2010)]), "economy")).not.toMatch(/一家带动/);
  });

  test("the 参数 sheet's 一家带动占比 sets the line (35 % / 30 / 0.25), a bad value keeps 30 % with a note", async () => {
    const { total, top, topName } = outputYtd();
    const share = top / total; // 32.8 %: between 30 % and 35 %
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.35);
    const sample = await sampleSheets(["10月"]);
    const withParam = (v: CellValue) => gatherReport([...sample, sheet("参数", [["参数", "值"], ["一家带动占比", v]])]);
    expect(text(composeReport(withParam("35%").input), "economy")).not.toMatch(/一家带动/);
    expect(text(composeReport(withParam(30).input), "economy")).toContain(`工业产值主要依靠${topName}一家带动，占全县规上工业总产值的${p1(share)}%。`);
    expect(text(composeReport(withParam(0.25).input), "economy")).toContain(`${topName}一家带动`);
    const bad = withParam("很高");
    expect(bad.input.top1Share).toBe(0.3);
    expect(bad.notes.join("")).toMatch(/参数!B2.*一家带动占比.*很高/);
  });
});

describe("小升规与培育库: the reached firms are inside the projected ones", () => {
  test("培育中 拟进规 firms: reached (Σ months ≥ 2000), projected (run-rate ≥ 2000), short — from the cells", async () => {
    const ws = wb.getWorksheet("培育库")!;
    const header = ws.getRow(1).values as unknown[];
    const status = header.indexOf("状态");
    const first = header.indexOf("1月");
    let reached = 0;
    let cross = 0;
    let short = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(status).value !== "培育中") continue;
      const months = Array.from({ length: 12 }, (_, k) => row.getCell(first + k).value).filter((v): v is number => typeof v === "number");
      const ytd = months.reduce((a, b) => a + b, 0);
      if (ytd >= 2000) reached++;
      if (ytd >= 2000 || (ytd * 12) / months.length >= 2000) cross++;
      else short++;
    }
    const r = draft(await sampleSheets());
    expect(text(r, "pool")).toContain(`拟进规培育企业中，预计年内可达规模标准${cross}家（其中已达规模标准${reached}家），${short}家预计达不到规模标准。`);
  });
});

describe("wording at the edges", () => {
  test("January: 1月份 in the title and text, 1月 in the sources (not 1至1月份 / 1-1月)", () => {
    const jan = sheet("1月", [MONTHLY_HEADER, ["企业甲", null, 500, 500, 400, null, 500, 10, null]]);
    const r = draft([jan], { asOf: "2023-02-05" });
    expect(r.title).toBe("1月份工业经济运行分析材料");
    // 500 万元 = 0.05 亿元; (500 − 400) / 400 = 25 %.
    expect(text(r, "economy")).toMatch(/^1月份，规上工业总产值实现0\.05亿元，同比增长25\.0%。/);
    expect(reportLines(r)).toContain("工业经济运行：工作表“1月”，1月，截至2023-02-05");
  });

  test("more firms out than in: 净减, not 净增 with a minus sign", async () => {
    const g = gatherReport(await sampleSheets());
    const pool = g.input.pool!;
    // 1 new, 4 out: net −3, 21 short of the 18 target.
    g.input.pool = { ...pool, summary: { ...pool.summary, added: 1, droppedOut: 4, net: -3, target: 18 } };
    expect(text(composeReport(g.input), "pool")).toMatch(/^新增规上工业企业1家【其中：净减3家、退规4家】，距年度净增18家的目标尚差21家。/);
  });
});

test("an empty appeals register (the template) gives no 企业诉求 part, with a note", async () => {
  const g = gatherReport([...(await sampleSheets(["10月"])), register([])], { asOf: "2023-11-05" });
  expect(g.input.appeals).toBeNull();
  expect(g.notes.join("")).toMatch(/企业诉求部分未生成.*还没有诉求/);
  expect(composeReport(g.input).sections.map((s) => s.id)).toEqual(["economy"]);
});

test("预警与问题: each firm at risk of 退规 with its run-rate annual revenue in 万元 (1-10月营业收入 × 12 / 10 < 2000)", async () => {
  const ws = wb.getWorksheet("10月")!;
  const col = (ws.getRow(2).values as unknown[]).indexOf("1-本月营业收入");
  const risk: string[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(col).value;
    if (typeof v === "number" && v < 2000 && (v * 12) / 10 < 2000) risk.push(`${ws.getRow(r).getCell(1).value}（预计全年营业收入${((v * 12) / 10).toFixed(2)}万元）`);
  }
  expect(risk.length).toBeGreaterThan(0);
  expect(text(draft(await sampleSheets()), "warnings")).toContain(`有退规风险的企业${risk.length}户：${risk.join("、")}。`);
});
