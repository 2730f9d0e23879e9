/**
 * The 目标 (annual targets) sheet: one table kind, one reader. Used by the monitoring tab
 * (completion vs 序时进度) and by the pool tab (净增规上企业数 target, 退规企业数 count).
 *
 * Columns: 指标 | 类型 (总量 or 增速) | 年度目标 | 单位 (亿元, 万元, %, 户) | 1-本月完成.
 * Amounts are converted to 万元 by 单位; a percentage becomes a decimal (8 → 0.08, "8%" → 0.08; a
 * row whose 年度目标 is already a decimal, 0.08, is read as decimals);
 * counts (户, 个, 家) stay as they are.
 */
import { CellValue, toHalfWidth } from "../num";
import { canonicalUnit, convertUnit, isCountUnit, isMoneyUnit, isReadError, ReadError, readTable, SheetLike, TableSpec } from "../table";

export const TARGETS_SHEET = "目标";

export const targetsSpec: TableSpec = {
  kind: "targets",
  title: "目标",
  fields: [
    { key: "name", header: "指标", synonyms: ["指标名称", "目标指标", "项目", "主要指标"], required: true, type: "text" },
    { key: "kind", header: "类型", synonyms: ["目标类型", "指标类型"], type: "text" },
    { key: "target", header: "年度目标", synonyms: ["全年目标", "年度目标值", "目标值", "目标", "年度计划"], required: true, type: "number" },
    { key: "unit", header: "单位", synonyms: ["计量单位"], type: "text" },
    { key: "actual", header: "1-本月完成", synonyms: ["1-本月实际", "累计完成", "本年累计完成", "完成", "1-本月"], type: "number" },
  ],
};

export type TargetKind = "总量" | "增速";

/** Canonical indicators the monitoring and pool tabs know by name. */
export type TargetKey = "output" | "valueAddedGrowth" | "investment" | "techInvestment" | "netNewFirms" | "droppedFirms" | "deadlineMonth";

/** Names (after normalisation) for each canonical indicator; the first is the template's. */
export const TARGET_NAMES: Record<TargetKey, string[]> = {
  output: ["规上工业总产值", "工业总产值", "规模以上工业总产值"],
  valueAddedGrowth: ["工业增加值增速", "规上工业增加值增速", "工业增加值增长", "规上工业增加值增长", "增加值增速"],
  investment: ["工业投资", "工业固定资产投资", "工业投资额"],
  techInvestment: ["技改投资", "工业技改投资", "技术改造投资"],
  netNewFirms: ["净增规上企业数", "净增规上工业企业数", "净增规上企业", "规上企业净增数", "净增规上工业企业"],
  droppedFirms: ["退规企业数", "退规企业", "退规数"],
  /** A parameter, not a target: the month by which a pool firm must reach 2000 万 (年度目标 = the month). */
  deadlineMonth: ["入规截止月份", "入规截止月", "升规截止月份", "升规截止月"],
};

/** Rows of the 目标 sheet that are not targets to complete (counts or parameters the pool reads). */
export const NOT_TARGETS: ReadonlySet<TargetKey> = new Set<TargetKey>(["droppedFirms", "deadlineMonth"]);

export interface Target {
  /** The 指标 text as written. */
  name: string;
  /** The canonical indicator, or null for a row the tabs do not know (still reported). */
  key: TargetKey | null;
  kind: TargetKind;
  /** The 单位 text ("亿元", "%", "户" …); "" when blank. */
  unit: string;
  /** 年度目标 converted (万元 / decimal / count); null when blank or unreadable. */
  target: number | null;
  /** 1-本月完成 converted likewise; null when blank or unreadable. */
  actual: number | null;
  /** The 年度目标 cell as written (before conversion), for a message or a row that is not an amount (入规截止月份 “11月”). */
  writtenTarget: CellValue;
  /** 1-based sheet row. */
  row: number;
}

export interface Targets {
  sheet: string;
  items: Target[];
  /** Problems with cells, each with its address, zh-CN first with an English gloss. */
  issues: { address: string; message: string }[];
}

const norm = (s: string) => toHalfWidth(s).replace(/[\s“”"'《》]/g, "");

/** The canonical key of an indicator name, or null. */
export function targetKeyOf(name: string): TargetKey | null {
  const n = norm(name);
  for (const key of Object.keys(TARGET_NAMES) as TargetKey[]) {
    if (TARGET_NAMES[key].some((s) => norm(s) === n)) return key;
  }
  return null;
}

/** A 单位 text in the unit table's spelling (亿 → 亿元, ％ → %); an unknown one as written. */
function normUnit(u: string): string {
  const s = toHalfWidth(u).replace(/[\s()（）]/g, "");
  return canonicalUnit(s) || s;
}

/**
 * Convert a value read by the table reader to the tabs' convention by its unit. `raw` tells
 * whether the cell was written as "8%" (already a decimal after parsing) or as 8 (to be /100).
 */
function convert(value: number, raw: CellValue, unit: string, decimals = false): number | { message: string } {
  if (unit === "%") {
    const written = typeof raw === "string" && /[%％]/.test(raw);
    return written || decimals ? value : value / 100;
  }
  if (isMoneyUnit(unit)) return convertUnit(value, unit, "万元");
  // 月: the 入规截止月份 row (a month, read as it stands)
  if (unit === "" || isCountUnit(unit) || unit === "月") return value;
  return { message: `单位“${unit}”无法识别，应为 亿元、万元、%、户、月 (unknown unit ${unit}; expected 亿元, 万元, %, 户, 月)` };
}

/** The template: header and the seed's 2023 plan (枞阳县经信局). */
export function targetsTemplate(): (string | number | null)[][] {
  return [
    ["指标", "类型", "年度目标", "单位", "1-本月完成"],
    ["规上工业总产值", "总量", 145, "亿元", null],
    ["工业增加值增速", "增速", 8, "%", null],
    ["工业投资", "总量", 49, "亿元", null],
    ["技改投资", "总量", 9, "亿元", null],
    ["净增规上企业数", "总量", 18, "户", null],
    ["退规企业数", "总量", null, "户", null],
  ];
}

/** Read a 目标 sheet. A sheet without a recognisable header gives a ReadError. */
export function readTargets(sheet: SheetLike): Targets | ReadError {
  const table = readTable(sheet, targetsSpec);
  if (isReadError(table)) return table;
  if (table.missing.length) {
    return {
      error: `目标表缺少必需列${table.missing.map((f) => `“${f.header}”`).join("、")} (the targets sheet lacks ${table.missing.map((f) => f.header).join(", ")})`,
    };
  }
  const issues = table.issues.map((i) => ({ address: i.address, message: i.message }));
  const items: Target[] = [];
  const headerUnit = (key: string) => normUnit(table.columns[key]?.unit ?? "");
  for (const r of table.rows) {
    const name = r.values.name;
    if (typeof name !== "string" || name.trim() === "") continue;
    const unitText = typeof r.values.unit === "string" ? r.values.unit.trim() : "";
    const kindText = typeof r.values.kind === "string" ? norm(r.values.kind) : "";
    const key = targetKeyOf(name);
    const unitFor = (field: string) => normUnit(unitText) || headerUnit(field) || (key === "valueAddedGrowth" || kindText === "增速" ? "%" : "");
    const kind: TargetKind =
      kindText === "增速" || kindText === "增长" || kindText === "增幅" ? "增速" : kindText === "总量" ? "总量" : unitFor("target") === "%" || /增速|增长|增幅/.test(name) ? "增速" : "总量";
    // A % row whose 年度目标 is a plain number strictly between −1 and 1 (0.08) is written in
    // decimals — what Excel stores when "8%" is typed into a cell, or a decimal typed by hand; no
    // annual growth target is below one point. Its 1-本月完成 is then a decimal as well.
    const t = r.values.target;
    const decimals = unitFor("target") === "%" && typeof t === "number" && typeof r.raw.target === "number" && t !== 0 && Math.abs(t) < 1;
    const read = (field: "target" | "actual"): number | null => {
      const v = r.values[field];
      if (typeof v !== "number") return null;
      const c = convert(v, r.raw[field] as CellValue, unitFor(field), decimals && typeof r.raw[field] === "number");
      if (typeof c === "number") return c;
      issues.push({ address: table.address(r.row, "unit"), message: c.message });
      return null;
    };
    items.push({ name: name.trim(), key, kind, unit: unitText, target: read("target"), actual: read("actual"), writtenTarget: (r.raw.target ?? null) as CellValue, row: r.row });
  }
  return { sheet: sheet.name, items, issues };
}

/** The row for an indicator, by canonical key ("netNewFirms") or by a name ("净增规上企业数"). */
export function findTarget(targets: Targets | null | undefined, nameOrKey: string): Target | null {
  if (!targets) return null;
  const key = (nameOrKey in TARGET_NAMES ? nameOrKey : targetKeyOf(nameOrKey)) as TargetKey | null;
  const n = norm(nameOrKey);
  return targets.items.find((t) => (key ? t.key === key : norm(t.name) === n)) ?? null;
}

/**
 * The converted value of an indicator: its 年度目标 (default) or its 1-本月完成.
 * `targetValue(targets, "净增规上企业数")` → 18; `targetValue(targets, "退规企业数", "actual")` → count so far.
 * null when the row or the value is missing.
 */
export function targetValue(targets: Targets | null | undefined, nameOrKey: string, field: "target" | "actual" = "target"): number | null {
  const t = findTarget(targets, nameOrKey);
  return t ? t[field] : null;
}
