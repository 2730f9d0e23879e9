/**
 * Fixture workbooks for validation (提交前校验): realistic Chinese headers, one seeded defect per
 * rule and clean tables, plus a corrupt file, an empty sheet and headers on row 3 under a merged
 * title. Tests build them into a temp dir at test time (no binaries committed):
 *
 *   node -e 'require("./scripts/load-ts").requireTs(require.resolve("./scripts/make-validate-fixtures.ts")).main(process.argv.slice(1))' test/fixtures/validate
 *
 * Each sheet lists its expected findings as [rule id, cell] so tests assert them exactly.
 * Amounts in 万元. All firm names are fictitious.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { usccCheckChar, USCC_CHARSET } from "../src/core/ids";
import { MONTHLY_TEMPLATE_HEADERS } from "../src/core/validate/specs";

export type Cell = string | number | null;

export interface FixtureSheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
  /** [rule, cell] of every finding, any order. */
  expected?: Array<[string, string]>;
}

export interface FixtureBook {
  file: string;
  sheets: FixtureSheet[];
}

/** A valid 统一社会信用代码 for a sequence number (Tongling, Zongyang: 340722; an enterprise: 91). */
export function uscc(n: number, head = "91340722"): string {
  let body = "";
  let k = n;
  for (let i = 0; i < 6; i++) {
    body = USCC_CHARSET[k % 31] + body;
    k = Math.floor(k / 31);
  }
  const first17 = `${head}MA2${body}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong check character. */
export function badCheck(code: string): string {
  const right = code[17];
  const wrong = USCC_CHARSET[(USCC_CHARSET.indexOf(right) + 1) % 31];
  return code.slice(0, 17) + wrong;
}

const FIRMS = ["枞阳海螺水泥", "金誉金属材料", "万华板业", "枞阳毛巾", "东星汽车部件", "凯达汽车内饰", "迈力医疗器械", "锦庭家纺", "旗山电子", "九鼎新材料", "金阳建材", "长江船舶", "铜都纺织", "浮山食品", "义津机械", "汤沟农产品"];
const firm = (i: number) => `安徽${FIRMS[i % FIRMS.length]}${i >= FIRMS.length ? i : ""}有限公司`;

// ---------- monthly report ----------

interface MonthlyRow {
  name: string;
  code: string;
  month: Cell;
  ytd: Cell;
  ytdLy: Cell;
  va: Cell;
  rev: Cell;
  emp: Cell;
  note: Cell;
}

function good(i: number, over: Partial<MonthlyRow> = {}): MonthlyRow {
  return { name: firm(i), code: uscc(1000 + i), month: 500, ytd: 5000, ytdLy: 4800, va: 1200, rev: 5200, emp: 120, note: "", ...over };
}

const asCells = (r: MonthlyRow): Cell[] => [r.name, r.code, r.month, r.ytd, r.ytdLy, r.va, r.rev, r.emp, r.note];

function numeric(v: Cell): number {
  return typeof v === "number" ? v : 0;
}

function totalRow(rows: MonthlyRow[], label = "合计"): Cell[] {
  const sum = (k: keyof MonthlyRow) => rows.reduce((s, r) => s + numeric(r[k] as Cell), 0);
  return [label, null, sum("month"), sum("ytd"), sum("ytdLy"), sum("va"), sum("rev"), sum("emp"), null];
}

/** 10月 with one defect per monthly rule (header on row 4 under a 报送率 summary block). */
export function monthlyDefects(): FixtureSheet {
  const rows: MonthlyRow[] = [
    good(0), // 5 clean
    good(1, { emp: null }), // 6 M-REQ H6
    good(2, { code: uscc(1002).slice(0, 17) }), // 7 M-USCC-FMT B7
    good(3, { code: badCheck(uscc(1003)) }), // 8 M-USCC-CHK B8
    good(4, { code: uscc(1000) }), // 9 M-DUP B9 (same code as row 5)
    good(5, { ytd: "5200万元" }), // 10 M-NUM D10
    good(6, { month: -10 }), // 11 M-NEG C11
    good(7, { va: 6000 }), // 12 M-VA-GT-OUT F12
    good(8, { month: 5100 }), // 13 M-MONTH-GT-YTD C13
    good(9, { ytdLy: 3000 }), // 14 M-YOY D14 (+66.7%, not explained)
    good(10, { ytdLy: 7500, note: "主要客户订单减少，产量下降" }), // 15 M-YOY D15 (−33.3%, explained)
    good(11, { ytd: 50000, ytdLy: 4900 }), // 16 M-UNIT D16 (≈10.2×: 千元?)
    good(12, { rev: 1500 }), // 17 M-PACE G17 (1500 × 12/10 = 1800 < 2000)
    good(13), // 18 M-YTD-DECREASE D18 (9月: 5100)
  ];
  const total = totalRow(rows);
  total[7] = numeric(total[7]) + 1; // 19 M-TOTAL H19
  return {
    name: "10月",
    rows: [
      ["应报企业数", "已报企业数", "报送率"],
      [14, 13, 0.933], // RATE C2: 13/14 = 92.86% → 92.9%
      [],
      [...MONTHLY_TEMPLATE_HEADERS],
      ...rows.map(asCells),
      total,
    ],
    expected: [
      ["RATE", "C2"],
      ["M-REQ", "H6"],
      ["M-USCC-FMT", "B7"],
      ["M-USCC-CHK", "B8"],
      ["M-DUP", "B9"],
      ["M-NUM", "D10"],
      ["M-NEG", "C11"],
      ["M-VA-GT-OUT", "F12"],
      ["M-MONTH-GT-YTD", "C13"],
      ["M-YOY", "D14"],
      ["M-YOY", "D15"],
      ["M-UNIT", "D16"],
      ["M-PACE", "G17"],
      ["M-TOTAL", "H19"],
    ],
  };
}

/** 9月 of the same firms: year to date 4500, except row 18's firm (5100 > its 10月 5000). */
export function monthlyPrevious(): FixtureSheet {
  const rows = Array.from({ length: 14 }, (_, i) => good(i, { month: 450, ytd: i === 13 ? 5100 : 4500, ytdLy: 4300, va: 1000, rev: i === 12 ? 1300 : 4700 }));
  rows[2].code = uscc(1002).slice(0, 17);
  rows[3].code = badCheck(uscc(1003));
  rows[4].code = uscc(1000);
  return { name: "9月", rows: [[...MONTHLY_TEMPLATE_HEADERS], ...rows.map(asCells), totalRow(rows)] };
}

/** A clean 10月 with header variants, text numbers and full-width digits: no finding. */
export function monthlyClean(): FixtureSheet {
  const rows: MonthlyRow[] = [good(0), good(1, { ytd: "5,000" }), good(2, { emp: "１２０" }), good(3, { ytdLy: 4600 }), good(4, { rev: 2400, ytd: 2300, va: 600, ytdLy: 2200 })];
  const numbers = rows.map((r) => ({ ...r, ytd: r.ytd === "5,000" ? 5000 : r.ytd, emp: r.emp === "１２０" ? 120 : r.emp }));
  return {
    name: "2023年10月",
    rows: [
      ["单位详细名称", "统一社会信用代码", "本月工业总产值(万元)", "1—本月工业总产值（万元）", "上年同期累计工业总产值", "工业增加值累计", "营业收入累计", "从业人员平均人数", "备注"],
      ...rows.map(asCells),
      totalRow(numbers),
    ],
    expected: [],
  };
}

/** Headers on row 3 under a merged title; the month comes from the title (1-10月). */
export function monthlyTitled(): FixtureSheet {
  const rows = [good(0), good(1, { rev: 1200, ytd: 1300, ytdLy: 1250, va: 300, month: 130 }), good(2)];
  return {
    name: "Sheet1",
    merges: ["A1:I1", "A2:I2"],
    rows: [["枞阳县2023年1-10月规上工业企业主要经济指标"], ["填报单位：枞阳县经济和信息化局　　　单位：万元"], [...MONTHLY_TEMPLATE_HEADERS], ...rows.map(asCells)],
    expected: [["M-PACE", "G5"]],
  };
}

/** A two-row header with merged group cells (工业总产值 over 本月 | 1-本月 | 上年同期1-本月). */
export function monthlyTwoRowHeader(): FixtureSheet {
  const rows = [good(0), good(1, { va: 5200 })];
  return {
    name: "两行表头",
    merges: ["A1:A2", "B1:B2", "C1:E1", "H1:H2", "I1:I2"],
    rows: [
      ["企业名称", "统一社会信用代码", "工业总产值", null, null, "工业增加值", "营业收入", "从业人员", "说明"],
      [null, null, "本月", "1-本月", "上年同期1-本月", "1-本月", "1-本月", null, null],
      ...rows.map(asCells),
    ],
    expected: [["M-VA-GT-OUT", "F4"]],
  };
}

/** The monthly report without its 1-本月工业总产值 column: unusable (exit 2). */
export function monthlyMissingColumn(): FixtureSheet {
  const header = MONTHLY_TEMPLATE_HEADERS.filter((h) => h !== "1-本月工业总产值");
  const rows = [good(0), good(1)].map((r) => asCells(r).filter((_, i) => i !== 3));
  return { name: "10月", rows: [header, ...rows] };
}

/** An appeals summary: the seed's 1466 collected, 1460 closed, closure rate stated 99.5%. */
export function appealsSummary(): Cell[][] {
  return [
    ["诉求办理情况", null, null],
    ["收集问题数", "办结数", "办结率"],
    [1466, 1460, 0.995],
  ];
}

// ---------- the audit rules (联网直报): a workbook of two months, last year and a 退规 list ----------

/** The template's columns, then 工业销售产值 and 出口交货值, then 说明. */
export const AUDIT_HEADERS = [...MONTHLY_TEMPLATE_HEADERS.filter((h) => h !== "说明"), "本月工业销售产值", "1-本月工业销售产值", "1-本月出口交货值", "说明"];

interface AuditRow {
  i: number;
  code?: string;
  month: Cell;
  ytd: Cell;
  ytdLy: Cell;
  va: Cell;
  rev: Cell;
  emp: Cell;
  salesMonth: Cell;
  salesYtd: Cell;
  exportYtd: Cell;
  note?: Cell;
}

const auditCells = (r: AuditRow): Cell[] => [firm(r.i), r.code ?? uscc(5000 + r.i), r.month, r.ytd, r.ytdLy, r.va, r.rev, r.emp, r.salesMonth, r.salesYtd, r.exportYtd, r.note ?? ""];

/** October of a clean firm: 5000 to date, 500 this month (September: 4500), 4800 a year ago. */
const october = (i: number, o: Partial<AuditRow> = {}): AuditRow => ({ i, month: 500, ytd: 5000, ytdLy: 4800, va: 1200, rev: 5200, emp: 120, salesMonth: 490, salesYtd: 4900, exportYtd: 300, ...o });
const september = (i: number, o: Partial<AuditRow> = {}): AuditRow => ({ i, month: 450, ytd: 4500, ytdLy: 4320, va: 1080, rev: 4680, emp: 120, salesMonth: 441, salesYtd: 4410, exportYtd: 270, ...o });
const lastOctober = (i: number, o: Partial<AuditRow> = {}): AuditRow => ({ i, month: 480, ytd: 4800, ytdLy: 4500, va: 1150, rev: 5000, emp: 118, salesMonth: 470, salesYtd: 4700, exportYtd: 280, ...o });

/** Firm 5 is an individual business (92), firm 6 registered in the city (340700), not the county. */
const AUDIT_CODES: Record<number, string> = { 5: uscc(5005, "92340722"), 6: uscc(5006, "91340700") };
const withCode = (r: AuditRow): AuditRow => (AUDIT_CODES[r.i] ? { ...r, code: AUDIT_CODES[r.i] } : r);

/**
 * 2023年10月 checked against 2023年9月 (found as month 10 − 1), 2022年10月 (last year), the
 * 退规企业 list and the 参数 row 行政区划代码 340722: one case per audit rule, clean firms, a
 * firm that stopped producing (zeros and 说明 停产), a new firm (a note) and a firm that left
 * (退规, listed). `expected` holds [rule, sheet!cell].
 */
export function auditBook(): { sheets: FixtureSheet[]; expected: Array<[string, string]> } {
  const now = [
    october(0), // 2 clean
    october(1), // 3 clean
    october(2, { month: 520 }), // 4 M-MONTH-IDENTITY C4: 5000 − 4500 = 500
    october(3, { exportYtd: 5000 }), // 5 M-EXPORT-GT-SALES K5: 5000 > 4900
    october(4, { salesYtd: 3000 }), // 6 M-SALES-RATIO J6: 3000 / 5000 = 60%
    october(5), // 7 M-USCC-KIND B7: 92…
    october(6), // 8 M-USCC-REGION B8: 340700
    october(7, { ytdLy: 4750 }), // 9 M-LAST-YEAR E9: filed 4800 in 2022年10月
    october(8, { month: 0, ytd: 4500, salesMonth: 0, salesYtd: 4410, exportYtd: 270, va: 1080, rev: 4680, note: "停产" }), // 10 clean: stopped, reports zeros
    october(9), // 11 new this month: a note, no finding
  ].map(withCode);
  const before = [...Array.from({ length: 9 }, (_, i) => september(i)), september(10), september(12)].map(withCode); // firm 10 (row 11) 应报未报; firm 12 退规
  const lastYear = [...Array.from({ length: 9 }, (_, i) => lastOctober(i)), lastOctober(10)].map(withCode);
  return {
    sheets: [
      { name: "2023年10月", rows: [AUDIT_HEADERS, ...now.map(auditCells)] },
      { name: "2023年9月", rows: [AUDIT_HEADERS, ...before.map(auditCells)] },
      { name: "2022年10月", rows: [AUDIT_HEADERS, ...lastYear.map(auditCells)] },
      { name: "退规企业", rows: [["企业名称", "统一社会信用代码", "退规原因"], [firm(12), uscc(5012), "营业收入低于 2000 万元"]] },
      { name: "参数", rows: [["参数", "值", "说明"], ["行政区划代码", "340722", "枞阳县"]] },
    ],
    expected: [
      ["M-MONTH-IDENTITY", "2023年10月!C4"],
      ["M-EXPORT-GT-SALES", "2023年10月!K5"],
      ["M-SALES-RATIO", "2023年10月!J6"],
      ["M-USCC-KIND", "2023年10月!B7"],
      ["M-USCC-REGION", "2023年10月!B8"],
      ["M-LAST-YEAR", "2023年10月!E9"],
      ["M-NOT-REPORTED", "2023年9月!A11"],
    ],
  };
}

// ---------- per-mu data ----------

export const ACRE_HEADERS = ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员", "研发经费(万元)", "技改投资(万元)"];

export function acreDefects(): FixtureSheet {
  const above = (i: number, o: Partial<Record<string, Cell>> = {}): Cell[] => {
    const r: Record<string, Cell> = { name: firm(i), code: uscc(2000 + i), scale: "规上", land: 50, tax: 300, rev: 8000, va: 2000, energy: 1500, emp: 200, rnd: 100, tech: 500, ...o };
    return [r.name, r.code, r.scale, r.land, r.tax, r.rev, r.va, r.energy, r.emp, r.rnd, r.tech];
  };
  const below = (i: number, o: Partial<Record<string, Cell>> = {}): Cell[] => above(i, { scale: "规下", land: 10, tax: 20, rev: 900, va: 200, energy: null, emp: 30, rnd: null, tech: null, ...o });
  const rows: Cell[][] = [
    above(0), // 2 clean
    below(1), // 3 clean (below scale, no energy)
    above(2, { land: null }), // 4 A-REQ D4
    above(3, { code: "91340722MA2I0000X1" }), // 5 A-USCC-FMT B5 (I is not used)
    above(4, { code: badCheck(uscc(2004)) }), // 6 A-USCC-CHK B6
    above(5, { name: firm(0) }), // 7 A-DUP A7 (same name as row 2)
    above(6, { tax: "三百" }), // 8 A-NUM E8
    above(7, { rnd: -5 }), // 9 A-NEG J9
    above(8, { scale: "中型" }), // 10 A-SCALE C10
    above(9, { land: 0 }), // 11 A-LAND D11
    below(10, { land: 2.5 }), // 12 A-SCOPE D12
    below(11, { tax: 1000, rev: 800 }), // 13 A-TAX-GT-REV E13
    above(12, { energy: 0 }), // 14 A-ENERGY H14
    below(13, { emp: 0 }), // 15 A-EMP I15
  ];
  const sums: Cell[] = ACRE_HEADERS.map((_, c) => (c < 3 ? null : rows.reduce((s, r) => s + numeric(r[c]), 0)));
  sums[0] = "合计";
  sums[5] = numeric(sums[5]) + 100; // 16 A-TOTAL F16
  return {
    name: "亩均数据",
    rows: [ACRE_HEADERS, ...rows, sums],
    expected: [
      ["A-REQ", "D4"],
      ["A-USCC-FMT", "B5"],
      ["A-USCC-CHK", "B6"],
      ["A-DUP", "A7"],
      ["A-NUM", "E8"],
      ["A-NEG", "J9"],
      ["A-SCALE", "C10"],
      ["A-LAND", "D11"],
      ["A-SCOPE", "D12"],
      ["A-TAX-GT-REV", "E13"],
      ["A-ENERGY", "H14"],
      ["A-EMP", "I15"],
      ["A-TOTAL", "F16"],
    ],
  };
}

// ---------- cultivation pool ----------

export const POOL_HEADERS = ["企业名称", "统一社会信用代码", "乡镇/园区", "培育层级", "包保领导", "入库日期", "状态", "上年营业收入", "1月", "2月", "3月"];

export function poolDefects(): FixtureSheet {
  const r = (i: number, o: Partial<Record<string, Cell>> = {}): Cell[] => {
    const v: Record<string, Cell> = { name: firm(i), code: uscc(3000 + i), town: "枞阳镇", tier: "拟进规", leader: "张县长", date: "2023-01-05", status: "培育中", ly: 1500, m1: 120, m2: 130, m3: 150, ...o };
    return [v.name, v.code, v.town, v.tier, v.leader, v.date, v.status, v.ly, v.m1, v.m2, v.m3];
  };
  return {
    name: "培育库",
    rows: [
      POOL_HEADERS,
      r(0), // 2 clean
      r(1, { tier: null }), // 3 P-REQ D3
      r(2, { code: `${uscc(3002)}00` }), // 4 P-USCC-FMT B4 (20 characters)
      r(3, { code: badCheck(uscc(3003)) }), // 5 P-USCC-CHK B5
      r(4, { code: uscc(3000) }), // 6 P-DUP B6
      r(5, { m3: "12O" }), // 7 P-NUM K7 (letter O)
      r(6, { ly: -100 }), // 8 P-NEG H8
      r(7, { tier: "规上培育" }), // 9 P-TIER D9
      r(8, { status: "暂停" }), // 10 P-STATUS G10
      r(9, { leader: null }), // 11 P-LEADER E11
      r(10, { tier: "专精特新“小巨人”", leader: null }), // 12 clean: only 拟进规 needs a leader
      r(11, { date: "2023-02-30" }), // 13 P-NUM F13 (no such date)
    ],
    expected: [
      ["P-REQ", "D3"],
      ["P-USCC-FMT", "B4"],
      ["P-USCC-CHK", "B5"],
      ["P-DUP", "B6"],
      ["P-NUM", "K7"],
      ["P-NEG", "H8"],
      ["P-TIER", "D9"],
      ["P-STATUS", "G10"],
      ["P-LEADER", "E11"],
      ["P-NUM", "F13"],
    ],
  };
}

// ---------- large tables (benchmark) ----------

/** n clean monthly rows (deterministic), header first. */
export function monthlyRows(n: number): Cell[][] {
  const out: Cell[][] = [[...MONTHLY_TEMPLATE_HEADERS]];
  for (let i = 0; i < n; i++) {
    const ytd = 3000 + ((i * 7919) % 5000);
    out.push([`企业${i}有限公司`, uscc(100000 + i), Math.round(ytd / 10), ytd, Math.round(ytd / (1 + ((i % 50) - 20) / 100)), Math.round(ytd / 4), ytd + 200, 50 + (i % 400), i % 97 === 0 ? "新投产" : ""]);
  }
  return out;
}

// ---------- workbooks ----------

export const BOOKS: FixtureBook[] = [
  { file: "monthly-defects.xlsx", sheets: [monthlyDefects(), monthlyPrevious()] },
  { file: "monthly-clean.xlsx", sheets: [monthlyClean()] },
  { file: "monthly-title.xlsx", sheets: [monthlyTitled(), monthlyTwoRowHeader()] },
  { file: "monthly-missing-column.xlsx", sheets: [monthlyMissingColumn()] },
  { file: "acre.xlsx", sheets: [acreDefects()] },
  { file: "pool.xlsx", sheets: [poolDefects()] },
  { file: "empty.xlsx", sheets: [{ name: "Sheet1", rows: [] }] },
  { file: "monthly-audit.xlsx", sheets: auditBook().sheets },
];

/** An exceljs workbook of the given sheets (fixed dates, so the bytes are reproducible). */
export function buildWorkbook(sheets: FixtureSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2023, 10, 1));
  wb.created = fixed;
  wb.modified = fixed;
  wb.creator = "jingxin fixtures";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

/** Write every fixture workbook (and a corrupt one) into dir; returns their paths by file name. */
export async function writeFixtures(dir: string): Promise<Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  for (const b of BOOKS) {
    const p = path.join(dir, b.file);
    await buildWorkbook(b.sheets).xlsx.writeFile(p);
    out[b.file] = p;
  }
  const corrupt = path.join(dir, "corrupt.xlsx");
  fs.writeFileSync(corrupt, "PK\u0003\u0004 这不是一个有效的 xlsx 文件 (not a real xlsx)");
  out["corrupt.xlsx"] = corrupt;
  return out;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const dir = argv[0] ?? path.join(__dirname, "..", "test", "fixtures", "validate");
  const files = await writeFixtures(dir);
  for (const f of Object.values(files)) process.stdout.write(`${f}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e) + "\n");
    process.exitCode = 1;
  });
}
