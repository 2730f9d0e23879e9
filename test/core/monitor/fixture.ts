/**
 * A hand-computed 12-firm county over 10 months (万元), shared by the core, CLI and pane tests.
 *
 * Monthly output this year / same month last year:
 *   F1 海螺水泥 (dominant)   3000 / 2500 every month
 *   F2 铜陵精工 (declining)   400 / 400 in months 1–7, 200 / 400 in months 8–10
 *                             (named “铜陵精工机械” in 1–8月: matched by USCC)
 *   F3 新源电子 (entrant)     300 from month 6, no 上年同期 (not in 1–5月)
 *   F4 长江建材               250 / 200
 *   F7 金牛纺织               200 / 200, but 150 / 200 in months 9–10 (two months down only)
 *   F5, F6, F8–F12            200 / 200
 * Value added = 0.25 × output both years, except F5 this year 0.35 × output (+10 pp).
 * Revenue = output, except F6: 150 a month.
 *
 * At 10月: outputMonth 5300; outputYtd 53300; same-basis 51800 vs 47000 → growth 4800/47000;
 * valueAddedYtd 13525; revenueYtd 52800.
 */
import { targetsTemplate } from "../../../src/core/monitor/targets";

export interface FixtureFirm {
  id: string;
  name: string;
  uscc: string;
  now: (m: number) => number | null;
  last: (m: number) => number | null;
  vaRate: number;
  vaRateLast: number;
  revenue?: (m: number) => number;
  nameIn?: (m: number) => string;
}

const steady = (v: number) => () => v;

export const FIRMS: FixtureFirm[] = [
  { id: "F1", name: "海螺水泥", uscc: "91340700F00000001A", now: steady(3000), last: steady(2500), vaRate: 0.25, vaRateLast: 0.25 },
  {
    id: "F2",
    name: "铜陵精工",
    uscc: "91340700F00000002A",
    now: (m) => (m <= 7 ? 400 : 200),
    last: steady(400),
    vaRate: 0.25,
    vaRateLast: 0.25,
    nameIn: (m) => (m <= 8 ? "铜陵精工机械" : "铜陵精工"),
  },
  { id: "F3", name: "新源电子", uscc: "91340700F00000003A", now: (m) => (m >= 6 ? 300 : null), last: () => null, vaRate: 0.25, vaRateLast: 0.25 },
  { id: "F4", name: "长江建材", uscc: "91340700F00000004A", now: steady(250), last: steady(200), vaRate: 0.25, vaRateLast: 0.25 },
  { id: "F5", name: "枞阳化工", uscc: "91340700F00000005A", now: steady(200), last: steady(200), vaRate: 0.35, vaRateLast: 0.25 },
  { id: "F6", name: "安德食品", uscc: "91340700F00000006A", now: steady(200), last: steady(200), vaRate: 0.25, vaRateLast: 0.25, revenue: () => 150 },
  { id: "F7", name: "金牛纺织", uscc: "91340700F00000007A", now: (m) => (m >= 9 ? 150 : 200), last: steady(200), vaRate: 0.25, vaRateLast: 0.25 },
  ...["浮山矿业", "白柳包装", "义津电器", "横埠机械", "钱桥竹木"].map(
    (name, i): FixtureFirm => ({ id: `F${8 + i}`, name, uscc: `91340700F${String(8 + i).padStart(8, "0")}A`, now: steady(200), last: steady(200), vaRate: 0.25, vaRateLast: 0.25 }),
  ),
];

/**
 * The monthly report's header row as the template writes it (MONTHLY_TEMPLATE_HEADERS in
 * src/core/validate/specs.ts). Spelled out here on purpose, once for the tests: the header
 * strings are the contract with the county's sheets, and a fixture that took them from the
 * code would follow a renamed header instead of catching it.
 */
export const MONTHLY_HEADER = [
  "企业名称",
  "统一社会信用代码",
  "本月工业总产值",
  "1-本月工业总产值",
  "上年同期1-本月工业总产值",
  "1-本月工业增加值",
  "1-本月营业收入",
  "从业人员",
  "说明",
];

/** The template's columns plus two optional ones the monitoring reads. */
export const HEADER = [...MONTHLY_HEADER, "上年同期本月工业总产值", "上年同期1-本月工业增加值"];

const cum = (f: (k: number) => number | null, m: number): number | null => {
  let s = 0;
  let any = false;
  for (let k = 1; k <= m; k++) {
    const v = f(k);
    if (v !== null) {
      s += v;
      any = true;
    }
  }
  return any ? s : null;
};

export interface FixtureOptions {
  /** Leave out 上年同期本月工业总产值 (and 上年同期1-本月工业增加值). */
  withoutMonthLastYear?: boolean;
  withoutValueAddedLastYear?: boolean;
}

/** Rows of month m's report: header first. */
export function monthRows(m: number, opts: FixtureOptions = {}): (string | number | null)[][] {
  const header = HEADER.filter(
    (h) => !(opts.withoutMonthLastYear && h === "上年同期本月工业总产值") && !(opts.withoutValueAddedLastYear && h === "上年同期1-本月工业增加值"),
  );
  const rows: (string | number | null)[][] = [header];
  for (const f of FIRMS) {
    const now = f.now(m);
    if (now === null) continue; // not yet above scale
    const ytd = cum(f.now, m)!;
    const ly = cum(f.last, m);
    const revenue = f.revenue ? cum(f.revenue, m)! : ytd;
    const full: Record<string, string | number | null> = {
      企业名称: f.nameIn ? f.nameIn(m) : f.name,
      统一社会信用代码: f.uscc,
      本月工业总产值: now,
      "1-本月工业总产值": ytd,
      "上年同期1-本月工业总产值": ly,
      "1-本月工业增加值": ytd * f.vaRate,
      "1-本月营业收入": revenue,
      从业人员: 100,
      说明: null,
      上年同期本月工业总产值: f.last(m),
      "上年同期1-本月工业增加值": ly === null ? null : ly * f.vaRateLast,
    };
    rows.push(header.map((h) => full[h]));
  }
  return rows;
}

/** The 2022 targets with the seed's 1–10月 figures (亿元), plus the 2023 template rows' shape. */
export function seedTargetRows(): (string | number | null)[][] {
  return [
    targetsTemplate()[0],
    ["规上工业总产值", "总量", 145, "亿元", null],
    ["工业增加值增速", "增速", 8, "%", 0.1],
    ["工业投资", "总量", 37, "亿元", 39.16],
    ["技改投资", "总量", 6.9, "亿元", 6.52],
    ["净增规上企业数", "总量", 18, "户", 16],
    ["退规企业数", "总量", null, "户", 10],
  ];
}

export interface SheetData {
  name: string;
  startRow: number;
  startCol: number;
  values: (string | number | null)[][];
}

/** Sheets "1月" … "{months}月" and 目标. */
export function countySheets(months = 10, opts: FixtureOptions = {}): SheetData[] {
  const sheets: SheetData[] = [];
  for (let m = 1; m <= months; m++) sheets.push({ name: `${m}月`, startRow: 1, startCol: 1, values: monthRows(m, opts) });
  sheets.push({ name: "目标", startRow: 1, startCol: 1, values: seedTargetRows() });
  return sheets;
}

/** The same sheets as an exceljs workbook (for the CLI and the file port). */
export async function countyWorkbook(sheets: SheetData[] = countySheets()): Promise<import("exceljs").Workbook> {
  const ExcelJS = (await import("exceljs")).default ?? (await import("exceljs"));
  const wb = new (ExcelJS as typeof import("exceljs")).Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow(r.map((v) => (v === null ? null : v)));
  }
  return wb;
}
