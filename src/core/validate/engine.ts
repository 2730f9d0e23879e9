/**
 * The validation engine: rules declared as data, run over a table read by core/table.
 * Pure: no I/O, never throws for bad data, never changes the table.
 *
 * A rule reads some columns (`reads`); when one of them is absent the rule is not run and the
 * result says so (`skipped`). A finding has a cell address; a 提示 (warning) on a row whose
 * 说明 is filled is "explained". Verdict: ready (可以提交) when there is no 错误 and every 提示
 * is explained — in a table without a 说明 column, 提示 are listed but do not block.
 */
import type { CellValue } from "../num";
import { classifySheet, showInUnit, columnLetters, FieldSpec, isReadError, readTable, ReadError, SheetLike, Table, TableRow, TableSpec } from "../table";
import { monthFromSheet, monthOfValue, sheetPeriod } from "../table/month";
import { foundBy, monthBefore, periodTables, PARAM_SHEET, readAuditParams, RetiredList, retiredList, tableForMonth } from "./workbook";

export type Severity = "error" | "warning";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "提示" };

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address without the sheet, e.g. "B3". */
  cell: string;
  /** 1-based sheet row. */
  row: number;
  /** zh-CN first, English gloss second. */
  message: string;
  /** The cell's value as read. */
  value?: CellValue;
  /** For a warning: the row's 说明 is filled. */
  explained?: boolean;
}

export interface ValidateOptions {
  /** The report month given by the user (CLI --month, pane input); wins over everything. */
  month?: number;
  /** The month found in a title cell or the sheet name; used when a row has no 月份. */
  defaultMonth?: number;
  /** Last month's table (same kind): 累计不减, 本月 = 1-本月 − 上月累计, 应报未报, 新增. */
  previous?: Table;
  /** The same month of last year (same kind), for 上年同期 = what was filed last year. */
  lastYear?: Table;
  /** Firms that left the statistics (a 退规 sheet): not 应报未报. */
  retired?: RetiredList;
  /** 行政区划代码 (6 digits): a credit code whose characters 3–8 differ is registered elsewhere. */
  region?: string;
  /** 产销率 range (default 0.7–1.3). */
  salesRatio?: { low: number; high: number };
  /** |YoY| above this is a 提示 (default 0.3 = 30%). */
  yoyThreshold?: number;
  /** The sheet's values (for rules that look beyond the table's columns, such as RATE). */
  sheet?: SheetLike;
  /** Values of the workbook's 参数 sheet, when it has one (the per-mu rules read its 规下企业用地下限). */
  paramSheet?: CellValue[][] | null;
}

export interface RuleContext {
  table: Table;
  options: ValidateOptions;
  yoyThreshold: number;
  /** The month of a row: options.month > the row's 月份 > options.defaultMonth; null if unknown. */
  monthOf(row: TableRow): number | null;
  /** The parsed number of a field (null when blank, unparseable or the column is absent). */
  num(row: TableRow, key: string): number | null;
  /** The parsed text of a field (null when blank or absent). */
  str(row: TableRow, key: string): string | null;
  header(key: string): string;
  /**
   * A value of a column for a message, as it stands in the cell: in the header's unit, the
   * canonical figure in brackets when that differs — “2890000 千元（289000 万元）” (units.ts showInUnit).
   */
  shown(key: string, value: number): string;
}

/** Where a hit points: a field of a table row, or an explicit sheet cell (of another sheet when `sheet` is given). */
export type Target = { row: number; key: string } | { row: number; col: number; value?: CellValue; sheet?: string };

export type Emit<P> = (at: Target, params: P) => void;

/** Inputs besides the table a rule may need. */
export type Need = "month" | "previous" | "sheet" | "lastYear" | "region";

/** Why a rule was not run, per missing input (zh-CN, English). */
const NEED_REASON: Record<Need, string> = {
  month: "未知报告月份（可填写报告月份，或由“月份”列、标题单元格、工作表名如“10月”给出），未运行 (report month unknown; give the month, a 月份 column, a title cell or a sheet name like 10月; rule not run)",
  previous: "未提供上月报表（--previous、--previous-sheet，或本工作簿中上一月份的工作表如“9月”），未运行 (last month's table not given; rule not run)",
  sheet: "未提供工作表数据，未运行 (sheet values not given; rule not run)",
  lastYear: "未提供上年同月报表（--last-year 或名如“2022年10月”的工作表），未运行 (last year's table not given; rule not run)",
  region: "未设行政区划代码（--region、参数表“行政区划代码”行或任务窗格），未运行 (no 行政区划代码 given; rule not run)",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule set mixes rules of different parameter types
export interface Rule<P = any> {
  /** Stable short id, e.g. "M-YOY". */
  id: string;
  severity: Severity;
  /** zh-CN title, e.g. "同比增速异常". */
  title: string;
  /** English gloss of the title. */
  gloss: string;
  /** Columns the rule reads; if one is absent the rule is not run. */
  reads: string[];
  /** Alternatively: run when at least one group of columns is fully present. */
  readsAny?: string[][];
  /** Inputs besides the table the rule needs (or, as a function, needs for this table); without them it is not run. */
  needs?: Need[] | ((ctx: RuleContext) => Need[]);
  /** The message of one finding, zh-CN first, English gloss second. */
  message(params: P, ctx: RuleContext): string;
  /** Report each problem through emit. */
  check(ctx: RuleContext, emit: Emit<P>): void;
}

export type RuleSetId = "monthly" | "acre" | "pool" | "appeals";

export interface RuleSet {
  id: RuleSetId;
  /** zh-CN name, e.g. 月报. */
  title: string;
  gloss: string;
  spec: TableSpec;
  rules: Rule[];
  /** The field whose non-blank value explains a warning on its row. */
  noteKey?: string;
  /** Notes that are not findings (e.g. firms new this month), zh-CN + English. */
  notes?(ctx: RuleContext): string[];
}

/** A sheet used besides the checked one, and how it was chosen. */
export interface UsedSheet {
  sheet: string;
  /** zh-CN + English, e.g. "自动识别：工作表名“9月” (found by: sheet name)"; "指定 (given)". */
  how: string;
}

export interface Skipped {
  rule: string;
  reason: string;
}

export interface Counts {
  error: number;
  warning: number;
  /** Warnings whose row has a 说明. */
  explained: number;
  /** Warnings that block (only when the table has a 说明 column). */
  unexplained: number;
}

export interface ValidationResult {
  rules: RuleSetId;
  sheet: string;
  findings: Finding[];
  skipped: Skipped[];
  ready: boolean;
  counts: Counts;
  /** Why not ready (zh-CN + English); empty when ready. */
  reasons: string[];
  /** Notes about the header (duplicated columns, no 说明 column …). */
  notes: string[];
  /** The month used by month rules, when a single one applies. */
  month: number | null;
  /** Rows validated (data rows, without 合计 rows). */
  rowCount: number;
  /** Last month's sheet the month rules used (累计不减, 本月 identity, 应报未报), null when none. */
  previous: UsedSheet | null;
  /** Last year's sheet the 上年同期 rule used, null when none. */
  lastYear: UsedSheet | null;
}

export const DEFAULT_YOY_THRESHOLD = 0.3;

function isBlankText(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Run a rule set over a table. */
export function validate(table: Table, ruleSet: RuleSet, options: ValidateOptions = {}): ValidationResult {
  const yoyThreshold = options.yoyThreshold ?? DEFAULT_YOY_THRESHOLD;
  const monthKey = table.columns.month ? "month" : null;
  const ctx: RuleContext = {
    table,
    options,
    yoyThreshold,
    monthOf(row) {
      if (options.month) return options.month;
      if (monthKey) {
        const m = monthOfValue(row.raw[monthKey] as unknown);
        if (m) return m;
      }
      return options.defaultMonth ?? null;
    },
    num(row, key) {
      const v = row.values[key];
      return typeof v === "number" ? v : null;
    },
    str(row, key) {
      const v = row.values[key];
      return v === null || v === undefined ? null : String(v);
    },
    shown(key, value) {
      const c = table.columns[key];
      return c ? showInUnit(value, c.unit, c.target) : showInUnit(value, "", undefined);
    },
    header(key) {
      return table.columns[key]?.header ?? table.spec.fields.find((f) => f.key === key)?.header ?? key;
    },
  };
  const fieldHeader = (key: string) => table.spec.fields.find((f) => f.key === key)?.header ?? key;
  const noteKey = ruleSet.noteKey && table.columns[ruleSet.noteKey] ? ruleSet.noteKey : null;

  const has: Record<Need, boolean> = {
    month: !!(options.month || monthKey || options.defaultMonth),
    previous: !!options.previous,
    sheet: !!options.sheet,
    lastYear: !!options.lastYear,
    region: !!options.region,
  };
  const findings: Array<Finding & { col: number; order: number }> = [];
  const skipped: Skipped[] = [];
  ruleSet.rules.forEach((rule, order) => {
    const absent = rule.reads.filter((k) => !table.columns[k]);
    if (absent.length > 0) {
      skipped.push({ rule: rule.id, reason: `缺少列${absent.map((k) => `“${fieldHeader(k)}”`).join("、")}，未运行 (column ${absent.map(fieldHeader).join(", ")} absent; rule not run)` });
      return;
    }
    if (rule.readsAny && !rule.readsAny.some((g) => g.every((k) => table.columns[k]))) {
      const groups = rule.readsAny.map((g) => g.map(fieldHeader).join("+")).join(" / ");
      skipped.push({ rule: rule.id, reason: `缺少成对的列（${groups}），未运行 (none of the column pairs ${groups} present; rule not run)` });
      return;
    }
    const needs = typeof rule.needs === "function" ? rule.needs(ctx) : rule.needs ?? [];
    const missingNeed = needs.find((need) => !has[need]);
    if (missingNeed) {
      skipped.push({ rule: rule.id, reason: NEED_REASON[missingNeed] });
      return;
    }
    const emit: Emit<unknown> = (at, params) => {
      let col: number;
      let value: CellValue;
      let sheet = table.sheet;
      if ("key" in at) {
        col = table.columns[at.key]?.col ?? 0;
        value = findRow(table, at.row)?.raw[at.key] ?? null;
      } else {
        col = at.col;
        value = at.value ?? null;
        if (at.sheet) sheet = at.sheet;
      }
      const f: Finding & { col: number; order: number } = {
        rule: rule.id,
        severity: rule.severity,
        sheet,
        cell: `${columnLetters(col)}${at.row}`,
        row: at.row,
        message: rule.message(params, ctx),
        col,
        order,
      };
      if (value !== null && value !== undefined && value !== "") f.value = value;
      if (rule.severity === "warning") {
        const r = noteKey && sheet === table.sheet ? findRow(table, at.row) : undefined;
        f.explained = !!r && !isBlankText(r.raw[noteKey!]);
      }
      findings.push(f);
    };
    rule.check(ctx, emit);
  });

  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || a.row - b.row || a.col - b.col || a.order - b.order);
  const out: Finding[] = findings.map(({ col: _c, order: _o, ...f }) => f);
  const counts: Counts = { error: 0, warning: 0, explained: 0, unexplained: 0 };
  for (const f of out) {
    if (f.severity === "error") counts.error++;
    else {
      counts.warning++;
      if (f.explained) counts.explained++;
      else if (noteKey) counts.unexplained++;
    }
  }
  const reasons: string[] = [];
  if (counts.error > 0) reasons.push(`有 ${counts.error} 个错误须修改 (${counts.error} error(s) must be fixed)`);
  if (counts.unexplained > 0) {
    reasons.push(`有 ${counts.unexplained} 个提示未在“说明”列解释 (${counts.unexplained} warning(s) not explained in the 说明 column)`);
  }
  const notes = [...table.notes, ...(ruleSet.notes?.(ctx) ?? [])];
  if (!noteKey && counts.warning > 0 && ruleSet.noteKey) {
    notes.push("表中无“说明”列：提示仅供核实，不影响提交 (no 说明 column: warnings are listed but do not block)");
  }
  const months = new Set<number>();
  if (options.month) months.add(options.month);
  else for (const r of table.rows.slice(0, 1000)) {
    const m = ctx.monthOf(r);
    if (m) months.add(m);
  }
  return {
    rules: ruleSet.id,
    sheet: table.sheet,
    findings: out,
    skipped,
    ready: reasons.length === 0,
    counts,
    reasons,
    notes,
    month: months.size === 1 ? [...months][0] : null,
    rowCount: table.rows.length,
    previous: options.previous ? { sheet: options.previous.sheet, how: "指定 (given)" } : null,
    lastYear: options.lastYear ? { sheet: options.lastYear.sheet, how: "指定 (given)" } : null,
  };
}

function findRow(table: Table, row: number): TableRow | undefined {
  // Rows are in sheet order: binary search.
  for (const list of [table.rows, table.totalRows]) {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid].row;
      if (r === row) return list[mid];
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return undefined;
}

/** The report month of a sheet (a cell above the header, else its name): the one resolver's. */
export { monthFromSheet } from "../table/month";

export interface Unusable {
  /** zh-CN first, English gloss second. */
  error: string;
}

export function isUnusable(x: unknown): x is Unusable {
  return typeof x === "object" && x !== null && typeof (x as Unusable).error === "string" && !("findings" in x) && !("spec" in x);
}

/** The message naming missing required columns, or null. */
export function missingColumnsError(table: Table): Unusable | null {
  if (table.missing.length === 0) return null;
  const zh = table.missing.map((f: FieldSpec) => `“${f.header}”`).join("、");
  const en = table.missing.map((f: FieldSpec) => f.header).join(", ");
  return {
    error: `工作表“${table.sheet}”缺少必需列${zh}（${table.spec.title}） (sheet ${table.sheet}: required column ${en} of the ${table.spec.kind} table is missing)`,
  };
}

/**
 * Which rule set fits a sheet, from its header rows: the one whose table kind the sheet reads
 * best as (the chooser's classifySheet: most recognised columns, ties the complete one, then the
 * order given), so a monthly report missing a required column is still read as one and the
 * missing column named. Null when no header is recognised.
 */
export function detectRuleSet(sheet: SheetLike, ruleSets: RuleSet[]): RuleSet | null {
  const fit = classifySheet(sheet, ruleSets.map((x) => x.spec));
  return fit ? ruleSets.find((x) => x.spec === fit.spec || x.spec.kind === fit.spec.kind) ?? null : null;
}

export interface SheetValidation {
  result: ValidationResult;
  table: Table;
  ruleSet: RuleSet;
}

export interface SheetOptions extends Omit<ValidateOptions, "sheet" | "defaultMonth" | "retired" | "salesRatio"> {
  /** Last month's sheet, given (CLI --previous/--previous-sheet, the pane's box): wins over the one found. */
  previousSheet?: SheetLike;
  /**
   * Every sheet of the checked workbook (the checked one may be among them): last month's sheet
   * (month m − 1), last year's (a sheet named like 2022年10月), the 参数 rows and the 退规 list
   * are looked up there.
   */
  sheets?: (SheetLike | null | undefined)[];
  /** false: do not look for last month's sheet (the pane's “none”). Default true. */
  findPrevious?: boolean;
  /** The sheets of last month's workbook (CLI --previous FILE): month m − 1, else the checked sheet's name, else the first table. */
  previousSheets?: (SheetLike | null | undefined)[];
  /** The sheets of last year's workbook (CLI --last-year FILE): the one for the same month is used. */
  lastYearSheets?: (SheetLike | null | undefined)[];
  /** 产销率 range; default: the 参数 rows, else 0.7–1.3. */
  salesRatio?: { low: number; high: number };
}

/** A table given for last month or last year, read with the checked table's kind. */
function readOther(sheet: SheetLike, set: RuleSet, what: string): Table | Unusable {
  const t = readTable(sheet, set.spec);
  if (isReadError(t)) return { error: `${what}：${t.error}` };
  const missing = missingColumnsError(t);
  return missing ? { error: `${what}：${missing.error}` } : t;
}

/**
 * Read a sheet with a rule set (or the detected one) and validate it. Unusable input (no header,
 * a required column missing) is returned as { error }. With `sheets`, last month's and last
 * year's tables, the 参数 rows and the 退规 list are found in the workbook; the result says which
 * sheets were used.
 */
export function validateSheet(sheet: SheetLike, ruleSets: RuleSet[], choice: RuleSetId | "auto" = "auto", options: SheetOptions = {}): SheetValidation | Unusable {
  if (!sheet.values.length || sheet.values.every((r) => !r || r.every((v) => isBlankText(v)))) {
    return { error: `工作表“${sheet.name}”是空的 (sheet ${sheet.name} is empty)` };
  }
  const ruleSet = choice === "auto" ? detectRuleSet(sheet, ruleSets) : ruleSets.find((s) => s.id === choice);
  if (!ruleSet) {
    const kinds = ruleSets.map((s) => s.title).join("、");
    return {
      error: `工作表“${sheet.name}”的前 15 行中找不到可识别的表头（${kinds}）(no recognisable header of ${ruleSets.map((s) => s.id).join("/")} in the first 15 rows of sheet ${sheet.name})`,
    };
  }
  const table = readTable(sheet, ruleSet.spec);
  if (isReadError(table)) return { error: (table as ReadError).error };
  const missing = missingColumnsError(table);
  if (missing) return missing;
  const { previousSheet, previousSheets, sheets = [], findPrevious = true, lastYearSheets, salesRatio, ...rest } = options;
  const period = sheetPeriod(sheet, table);
  const month = options.month ?? period.month;
  const others = sheets.filter((s): s is SheetLike => !!s && s.name !== sheet.name && s.name !== previousSheet?.name);
  const candidates = ruleSet.id === "monthly" && sheets.length > 0 ? periodTables(others, ruleSet.spec) : [];
  const notes: string[] = [];

  let previous = options.previous;
  let previousHow = "指定 (given)";
  if (!previous && previousSheet) {
    const p = readOther(previousSheet, ruleSet, "上月报表 (last month's table)");
    if (isUnusable(p)) return p;
    previous = p;
  } else if (!previous && previousSheets) {
    const all = periodTables(previousSheets, ruleSet.spec);
    const before = month ? monthBefore(month, period.year) : null;
    const byMonth = before ? tableForMonth(all, before.month, before.year) : null;
    const found = byMonth ?? all.find((c) => c.sheet.name === sheet.name) ?? all[0];
    if (!found) {
      const names = previousSheets.filter((s): s is SheetLike => !!s).map((s) => `“${s.name}”`).join("、");
      return { error: `上月工作簿中找不到${ruleSet.title}工作表（现有 ${names || "无"}）(no ${ruleSet.id} sheet in last month's workbook)` };
    }
    previous = found.table;
    previousHow = byMonth ? foundBy(found) : found.sheet.name === sheet.name ? "与本表同名 (same sheet name)" : "上月工作簿中第一张月报表 (the first monthly table of last month's workbook)";
  } else if (!previous && findPrevious && month) {
    const before = monthBefore(month, period.year);
    const found = tableForMonth(candidates, before.month, before.year);
    if (found) {
      previous = found.table;
      previousHow = foundBy(found);
    }
  }

  let lastYear = options.lastYear;
  let lastYearHow = "指定 (given)";
  if (!lastYear && lastYearSheets) {
    const all = periodTables(lastYearSheets, ruleSet.spec);
    const found = (month ? tableForMonth(all, month, period.year === null ? null : period.year - 1) : null) ?? (all.length === 1 ? all[0] : null);
    if (!found) {
      const names = lastYearSheets.filter((s): s is SheetLike => !!s).map((s) => `“${s.name}”`).join("、");
      return {
        error: `上年报表 (--last-year) 中找不到${month ? ` ${month} 月的` : ""}${ruleSet.title}工作表（现有 ${names || "无"}）(no ${ruleSet.id} sheet for ${month ? `month ${month}` : "the month"} in last year's workbook)`,
      };
    }
    lastYear = found.table;
    lastYearHow = month && found.period.month === month ? foundBy(found) : "上年工作簿中唯一的月报表 (the only monthly table of last year's workbook)";
  } else if (!lastYear && month) {
    const found = tableForMonth(candidates.filter((c) => c.table !== previous), month, period.year === null ? null : period.year - 1, true);
    if (found && found.period.year !== period.year) {
      lastYear = found.table;
      lastYearHow = foundBy(found);
    }
  }

  // the 参数 sheet: given, else the workbook's (never the checked sheet itself)
  const paramSheet = options.paramSheet ?? (sheet.name === PARAM_SHEET ? null : (sheets.find((s) => s?.name === PARAM_SHEET)?.values ?? null));
  const params = readAuditParams(paramSheet);
  notes.push(...params.warnings);
  const defaultMonth = monthFromSheet(sheet, table.headerRow) ?? undefined;
  const result = validate(table, ruleSet, {
    ...rest,
    previous,
    lastYear,
    region: options.region ?? params.region,
    salesRatio: salesRatio ?? params.salesRatio,
    retired: retiredList(sheets),
    paramSheet,
    defaultMonth,
    sheet,
  });
  if (result.previous) result.previous.how = previousHow;
  if (result.lastYear) result.lastYear.how = lastYearHow;
  result.notes.push(...notes);
  return { result, table, ruleSet };
}

/** The verdict as a title (可以提交 / 不能提交) and its reasons. */
export function verdictParts(r: ValidationResult): { title: string; detail: string } {
  if (r.ready) {
    const detail = r.counts.warning > 0 ? `${r.counts.warning} 个提示${r.counts.explained === r.counts.warning ? "均已说明" : "仅供核实"}` : "";
    return { title: "可以提交 (ready to submit)", detail };
  }
  return { title: "不能提交 (not ready)", detail: r.reasons.join("；") };
}

/** The verdict in words: 可以提交 / 不能提交 with reasons. */
export function verdictText(r: ValidationResult): string {
  const { detail } = verdictParts(r);
  if (r.ready) return `可以提交${detail ? `（${detail}）` : ""} (ready to submit)`;
  return `不能提交：${detail} (not ready)`;
}
