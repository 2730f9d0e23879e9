/**
 * Parameters of the appeals analysis, kept in the workbook's 参数 sheet (参数 | 值 | 说明 rows,
 * shared with the other features: rows this module does not know are left alone), and the
 * editable 诉求类别 list the register's drop-down refers to (a column of the same sheet headed
 * 诉求类别). Defaults: domain.md "Appeal supervision cards and time limits".
 */
import { CellValue, parseNumber, toHalfWidth } from "../num";
import { CountingMode } from "./calendar";
import { APPEALS_PARAM_SHEET, DEFAULT_CATEGORIES } from "./spec";

export type Card = "蓝牌" | "黄牌" | "红牌";
export const CARDS: readonly Card[] = ["蓝牌", "黄牌", "红牌"];

export interface AppealsParams {
  /** 工作日 (the official calendar with 调休) or 自然日. */
  mode: CountingMode;
  /** Lower bounds, in days overdue, of 蓝牌, 黄牌, 红牌 (default 1, 4, 11). */
  cardBounds: [number, number, number];
  /** A category with at least this many appeals is a recurring one (一类问题). */
  recurringMin: number;
  /** Decimals of a percent the closure rate is written to (truncated: 1460/1466 → 99.5%). */
  rateDecimals: number;
}

export function defaultAppealsParams(): AppealsParams {
  return { mode: "工作日", cardBounds: [1, 4, 11], recurringMin: 3, rateDecimals: 1 };
}

const NAMES = {
  mode: "计时方式",
  blue: "蓝牌超期天数",
  yellow: "黄牌超期天数",
  red: "红牌超期天数",
  recurring: "一类问题件数",
  decimals: "办结率小数位数",
};

/** Other names staff may type for each parameter (compared without spaces and brackets). */
const ALIASES: Record<keyof typeof NAMES, string[]> = {
  mode: ["计时方式", "诉求计时方式", "办理时限计时方式", "时限计算方式"],
  blue: ["蓝牌超期天数", "蓝牌", "蓝牌天数", "蓝牌起始天数", "蓝牌超期工作日", "蓝牌超期", "蓝牌起点", "蓝牌下限"],
  yellow: ["黄牌超期天数", "黄牌", "黄牌天数", "黄牌起始天数", "黄牌超期工作日", "黄牌超期", "黄牌起点", "黄牌下限"],
  red: ["红牌超期天数", "红牌", "红牌天数", "红牌起始天数", "红牌超期工作日", "红牌超期", "红牌起点", "红牌下限"],
  recurring: ["一类问题件数", "一类问题最少件数", "一类问题阈值", "同类诉求件数", "一类问题", "一类问题数", "一类问题标准", "同类问题件数"],
  decimals: ["办结率小数位数", "办结率小数位", "比率小数位数"],
};

export const CATEGORY_LIST_HEADER = "诉求类别";
/** Column (1-based) of the 诉求类别 list on a 参数 sheet the template writes, and its rows. */
export const CATEGORY_LIST_COL = 5;
export const CATEGORY_LIST_ROWS = 100;

function key(raw: CellValue): string {
  return toHalfWidth(String(raw ?? "")).replace(/\s+/g, "").replace(/\([^)]*\)/g, "").replace(/[:：]/g, "");
}

function text(raw: CellValue): string {
  return toHalfWidth(String(raw ?? "")).trim();
}

type OutCell = string | number | null;

/** The appeals rows of a 参数 sheet (no header), with their notes. */
export function appealsParamRows(p: AppealsParams = defaultAppealsParams()): OutCell[][] {
  return [
    [NAMES.mode, p.mode, "工作日：按国务院节假日安排（含调休上班日）和“节假日”工作表计算；自然日：按日历天数 (working days on the official calendar | calendar days)"],
    [NAMES.blue, p.cardBounds[0], "超期未办结达到此天数挂蓝牌 (days overdue from which an open appeal gets a blue card)"],
    [NAMES.yellow, p.cardBounds[1], "超期达到此天数挂黄牌 (… a yellow card)"],
    [NAMES.red, p.cardBounds[2], "超期达到此天数挂红牌 (… a red card)"],
    [NAMES.recurring, p.recurringMin, "同一诉求类别达到此件数列为“一类问题” (a category with this many appeals is recurring)"],
    [NAMES.decimals, p.rateDecimals, "办结率按此位数截尾书写，如 1460/1466 写作 99.5% (the closure rate is truncated to these decimals of a percent)"],
  ];
}

export interface AppealsParamsRead {
  params: AppealsParams;
  /** Whether the sheet holds any appeals parameter. */
  found: boolean;
  /** The categories of the 诉求类别 list (empty when there is none). */
  categories: string[];
  warnings: string[];
}

/** Read the appeals parameters and the category list from the values of a 参数 sheet. */
export function readAppealsParams(values: CellValue[][] | null | undefined, sheetName = APPEALS_PARAM_SHEET): AppealsParamsRead {
  const params = defaultAppealsParams();
  const warnings: string[] = [];
  if (!values) return { params, found: false, categories: [], warnings };
  const byName = new Map<string, keyof typeof NAMES>();
  for (const [k, list] of Object.entries(ALIASES)) for (const a of list) byName.set(key(a), k as keyof typeof NAMES);
  const seen = new Map<keyof typeof NAMES, { value: CellValue; row: number }>();
  values.forEach((line, i) => {
    const k = byName.get(key(line?.[0] ?? null));
    if (k && !seen.has(k) && text(line?.[1] ?? null) !== "") seen.set(k, { value: line![1], row: i + 1 });
  });
  const bad = (k: keyof typeof NAMES, e: { value: CellValue; row: number }, expected: string) =>
    warnings.push(`“${sheetName}”第 ${e.row} 行参数“${NAMES[k]}”的值“${text(e.value)}”无效，应为${expected}，已用默认值 (invalid value for ${NAMES[k]}; the default is used)`);
  const mode = seen.get("mode");
  if (mode) {
    const t = text(mode.value);
    // 工作日, 按工作日, 按工作日计算 …; 自然日, 日历日, 按自然日计 …
    const m = t.replace(/\s+/g, "").replace(/^按/, "").replace(/(计算|计)$/, "");
    if (/^(工作日|working ?days?)$/i.test(m)) params.mode = "工作日";
    else if (/^(自然日|日历日|calendar ?days?)$/i.test(m)) params.mode = "自然日";
    else bad("mode", mode, "工作日或自然日");
  }
  const bounds = [...params.cardBounds] as [number, number, number];
  (["blue", "yellow", "red"] as const).forEach((k, i) => {
    const e = seen.get(k);
    if (!e) return;
    const p = parseNumber(e.value);
    if (p.kind === "number" && Number.isInteger(p.value) && p.value >= 1) bounds[i] = p.value;
    else bad(k, e, "不小于 1 的整数");
  });
  if (bounds[0] <= bounds[1] && bounds[1] <= bounds[2]) params.cardBounds = bounds;
  else warnings.push(`“${sheetName}”中蓝、黄、红牌天数应依次不减（${bounds.join("、")}），已用默认 1、4、11 (the card bounds must not decrease; the defaults are used)`);
  const rec = seen.get("recurring");
  if (rec) {
    const p = parseNumber(rec.value);
    if (p.kind === "number" && Number.isInteger(p.value) && p.value >= 2) params.recurringMin = p.value;
    else bad("recurring", rec, "不小于 2 的整数");
  }
  const dec = seen.get("decimals");
  if (dec) {
    const p = parseNumber(dec.value);
    if (p.kind === "number" && Number.isInteger(p.value) && p.value >= 0 && p.value <= 4) params.rateDecimals = p.value;
    else bad("decimals", dec, "0–4 的整数");
  }
  return { params, found: seen.size > 0, categories: readCategories(values), warnings };
}



/** The 诉求类别 list: the non-blank cells under a header cell 诉求类别 in the first rows (column C or later). */
export function readCategories(values: CellValue[][]): string[] {
  for (let r = 0; r < Math.min(values.length, 15); r++) {
    const line = values[r] ?? [];
    for (let c = 2; c < line.length; c++) {
      if (!key(line[c]).startsWith(CATEGORY_LIST_HEADER)) continue;
      const out: string[] = [];
      for (let rr = r + 1; rr < values.length; rr++) {
        const t = text(values[rr]?.[c] ?? null);
        if (t && !out.includes(t)) out.push(t);
      }
      return out;
    }
  }
  return [];
}

/** The category-list column as the template writes it: header, then the default categories. */
export function categoryListCells(categories: readonly string[] = DEFAULT_CATEGORIES): string[] {
  return [`${CATEGORY_LIST_HEADER}（下拉列表，可增删）`, ...categories];
}

/** The drop-down source of the register's 诉求类别 column. */
export function categoryListSource(sheet = APPEALS_PARAM_SHEET): string {
  const col = String.fromCharCode(64 + CATEGORY_LIST_COL);
  return `'${sheet}'!$${col}$2:$${col}$${CATEGORY_LIST_ROWS + 1}`;
}
