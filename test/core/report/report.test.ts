/**
 * 分析材料 on the sample workbook, sentence by sentence, against figures computed here directly
 * from the cells with exceljs (not through Jingxin's readers), plus the seed's published
 * per-mu figures; then the conventions (亿元, %, 个百分点, truncation) and the section rules.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";
import { loadFilePort } from "../../../src/workbook/fileAdapter";
import { composeReport, Report, reportLines } from "../../../src/core/report/compose";
import { gatherReport } from "../../../src/core/report/gather";
import { amount, growth, indicator, pct, points } from "../../../src/core/report/format";
import type { SheetLike } from "../../../src/core/table";
import * as fs from "fs";

const SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "jingxin-sample.xlsx");

async function sheetsOf(buf: Uint8Array): Promise<SheetLike[]> {
  const port = await loadFilePort(buf);
  return (await port.readSheets(await port.listSheets())).filter((s): s is NonNullable<typeof s> => s !== null);
}

/** Column values under an exact header text (header row found by that text), numbers only. */
function column(ws: ExcelJS.Worksheet, header: string): Array<{ row: number; value: unknown }> {
  for (let r = 1; r <= 5; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      if (row.getCell(c).value === header) {
        const out: Array<{ row: number; value: unknown }> = [];
        for (let k = r + 1; k <= ws.rowCount; k++) out.push({ row: k, value: ws.getRow(k).getCell(c).value });
        return out;
      }
    }
  }
  throw new Error(`no header ${header}`);
}
const num = (v: unknown) => (typeof v === "number" ? v : null);

let report: Report;
let wb: ExcelJS.Workbook;
const text = (id: string) => report.sections.find((s) => s.id === id)!.sentences.map((x) => x.text).join("");

beforeAll(async () => {
  const buf = fs.readFileSync(SAMPLE);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const g = gatherReport(await sheetsOf(buf));
  report = composeReport(g.input);
});

test("the sample's report has the five parts, in order, and a sources table", () => {
  // The sample has no appeals register: that part is absent, the others are numbered 一…四.
  expect(report.sections.map((s) => s.heading)).toEqual(["一、工业经济运行", "二、小升规与培育库", "三、亩均效益评价", "四、预警与问题"]);
  expect(report.title).toBe("1至10月份工业经济运行分析材料");
  expect(report.sources.map((s) => [s.part, s.sheet])).toEqual([
    ["工业经济运行", "10月"],
    ["目标任务", "目标"],
    ["小升规与培育库", "培育库"],
    ["亩均效益评价", "亩均数据"],
  ]);
});

test("工业经济运行: output, growth, value added and each target from the cells", () => {
  const ws = wb.getWorksheet("10月")!;
  const ytd = column(ws, "1-本月工业总产值");
  const last = column(ws, "上年同期1-本月工业总产值");
  const va = column(ws, "1-本月工业增加值");
  let total = 0;
  let sameNow = 0;
  let sameLast = 0;
  ytd.forEach((c, i) => {
    const v = num(c.value);
    if (v === null) return;
    total += v;
    const l = num(last[i]!.value);
    if (l !== null) {
      sameNow += v;
      sameLast += l;
    }
  });
  const vaTotal = va.reduce((a, c) => a + (num(c.value) ?? 0), 0);
  const yoy = sameNow / sameLast - 1;
  // 目标 sheet: 145 亿元 for output, 8% VA growth with 7.5 typed, 49 亿 investment with 41.2 done, 9 亿 技改 with 7.1.
  const t = wb.getWorksheet("目标")!;
  const target = (name: string) => {
    for (let r = 2; r <= t.rowCount; r++) if (t.getRow(r).getCell(1).value === name) return { goal: num(t.getRow(r).getCell(3).value)!, done: num(t.getRow(r).getCell(5).value) };
    throw new Error(name);
  };
  const out = target("规上工业总产值");
  const inv = target("工业投资");
  const tech = target("技改投资");
  const vaT = target("工业增加值增速");
  const progress = 10 / 12;
  const s = text("economy");
  expect(s).toContain(`1至10月份，规上工业总产值实现${(total / 10000).toFixed(2)}亿元，同比增长${(yoy * 100).toFixed(1)}%`);
  expect(s).toContain(`为年度目标（${out.goal.toFixed(2)}亿元）的${((total / 10000 / out.goal) * 100).toFixed(1)}%，低于序时进度${((progress - total / 10000 / out.goal) * 100).toFixed(1)}个百分点`);
  expect(s).toContain(`规上工业增加值实现${(vaTotal / 10000).toFixed(2)}亿元，增速${vaT.done!.toFixed(1)}%。`);
  expect(s).toContain(`工业投资完成${inv.done!.toFixed(2)}亿元，为年度目标（${inv.goal.toFixed(2)}亿元）的${((inv.done! / inv.goal) * 100).toFixed(1)}%，超序时进度${((inv.done! / inv.goal - progress) * 100).toFixed(1)}个百分点。`);
  expect(s).toContain(`技改投资完成${tech.done!.toFixed(2)}亿元，为年度目标（${tech.goal.toFixed(2)}亿元）的${((tech.done! / tech.goal) * 100).toFixed(1)}%，低于序时进度`);
  // The largest firm (row 3 of the sheet) carries a third of the county: said plainly.
  const top = Math.max(...ytd.map((c) => num(c.value) ?? 0));
  const topName = ws.getRow(ytd.find((c) => c.value === top)!.row).getCell(1).value;
  expect(top / total).toBeGreaterThan(0.3);
  expect(s).toContain(`工业产值主要依靠${topName}一家带动，占全县规上工业总产值的${((top / total) * 100).toFixed(1)}%。`);
  // 净增规上 is said once, in the pool part.
  expect(s).not.toMatch(/净增/);
});

test("小升规与培育库: the pool sheet's counts by tier and status", () => {
  const ws = wb.getWorksheet("培育库")!;
  const status = column(ws, "状态").filter((c) => c.value !== null && c.value !== "");
  const count = (v: string) => status.filter((c) => c.value === v).length;
  const s = text("pool");
  expect(s).toContain(`培育库共有企业${status.length}户，其中：拟进规${status.length}户；培育中${count("培育中")}户、已入规${count("已入规")}户、退库${count("退库")}户。`);
  // 已入规 firms of this year are the new 规上 firms; 退规 from the monthly reports; net = new − out.
  const m = /新增规上工业企业(\d+)家【其中：净增(\d+)家、退规(\d+)家】/.exec(s)!;
  expect(Number(m[1]) - Number(m[3])).toBe(Number(m[2]));
  expect(s).toMatch(/距年度净增18家的目标尚差\d+家/);
});

test("亩均效益评价: the seed's published figures (221 firms: 103 规上, 118 规下; 7.6 / 83.9 / 0.069 / 36.8)", () => {
  const s = text("acre");
  expect(s).toContain("参评企业221户，规上企业103户、规下企业118户。");
  expect(s).toContain(
    "全县亩均评价结果为：亩均税收7.6万元/亩【所有参评企业】、亩均销售收入83.9万元/亩【所有参评企业】、单位能耗税收0.069万元/吨标煤【规上企业】、全员劳动生产率36.8万元/人【规上企业】。",
  );
  // Rank shares 20/45/30/5 % in each pool (103 规上 and 118 规下), rounded per pool, then added.
  const per = (n: number) => [Math.round(n * 0.2), Math.round(n * 0.45), Math.round(n * 0.3), Math.round(n * 0.05)];
  const [a, b, c, d] = per(103).map((x, i) => x + per(118)[i]!);
  expect(s).toContain(`其中：A类企业${a}户、B类企业${b}户、C类企业${c}户、D类企业${d}户。`);
});

test("every figure in the text is the figure a sentence records (no number invented)", () => {
  for (const sec of report.sections) {
    for (const sentence of sec.sentences) {
      const stated = Object.values(sentence.figures).filter((v) => typeof v === "number");
      const numbers = sentence.text.match(/\d+(?:\.\d+)?/g) ?? [];
      if (numbers.length) expect(stated.length).toBeGreaterThan(0);
    }
  }
  expect(reportLines(report).join("\n")).not.toMatch(/NaN|Infinity|undefined|null/);
});

test("a workbook with only a monthly report gives only part 1, its warnings inside it", async () => {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(SAMPLE);
  const only = new ExcelJS.Workbook();
  const from = src.getWorksheet("10月")!;
  const to = only.addWorksheet("10月");
  from.eachRow({ includeEmpty: true }, (row, r) => {
    to.getRow(r).values = row.values as ExcelJS.CellValue[];
  });
  const buf = new Uint8Array(await only.xlsx.writeBuffer());
  const r = composeReport(gatherReport(await sheetsOf(buf)).input);
  expect(r.sections.map((s) => s.heading)).toEqual(["一、工业经济运行"]);
  expect(r.sources.map((s) => s.sheet)).toEqual(["10月"]);
  expect(r.sections[0]!.sentences.map((x) => x.text).join("")).toMatch(/^1至10月份，规上工业总产值实现\d+\.\d{2}亿元/);
});

test("the appeals part: 1466 collected, 1460 closed → 办结率99.5% (truncated, as the seed writes it)", () => {
  const r = composeReport({
    monitor: null,
    pool: null,
    acre: null,
    appeals: { asOf: "2023-10-20", total: 1466, closed: 1460, closureRate: 1460 / 1466, open: 6, returned: 1, cards: { 蓝牌: 1, 黄牌: 2, 红牌: 0 }, satisfaction: { surveyed: 4, satisfied: 3, rate: 0.75 } },
    sources: [{ part: "企业诉求", sheet: "诉求台账", period: "累计受理", month: null, asOf: "2023-10-20" }],
  });
  expect(r.sections.map((s) => s.heading)).toEqual(["一、企业诉求"]);
  expect(r.sections[0]!.sentences.map((x) => x.text).join("")).toBe(
    "截至2023年10月20日，收集企业问题1466个，办结1460个，办结率99.5%。正在办理6个，其中超期未办理3个（蓝牌1个、黄牌2个、红牌0个）。因企业不满意退回重办1个。回访测评4个，满意率75.0%。",
  );
});

test("number conventions: 亿元 with 2 decimals, 万元 below 1 亿, one-decimal rates, points", () => {
  expect(amount(1045000)).toBe("104.50亿元");
  expect(amount(391600)).toBe("39.16亿元");
  expect(amount(1070.705)).toBe("1070.71万元");
  expect(pct(0.0594)).toBe("5.9%");
  expect(pct(0.00049)).toBe("0.0%");
  expect(growth(0.259)).toBe("同比增长25.9%");
  expect(growth(-0.032)).toBe("同比下降3.2%");
  expect(growth(0.0004)).toBe("与上年同期持平");
  expect(points(-0.025067)).toBe("2.5个百分点");
  expect(indicator(7.6)).toBe("7.6");
  expect(indicator(0.0689999997)).toBe("0.069");
});
