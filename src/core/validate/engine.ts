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
import { monthFromSheet, monthOfValue } from "../table/month";

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
  /** Last month's table (same kind), for the “YTD never decreases” rule. */
  previous?: Table;
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

/** Where a hit points: a field of a table row, or an explicit sheet cell. */
export type Target = { row: number; key: string } | { row: number; col: number; value?: CellValue };

export type Emit<P> = (at: Target, params: P) => void;

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
  /** Inputs besides the table the rule needs; without them it is not run. */
  needs?: Array<"month" | "previous" | "sheet">;
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
    for (const need of rule.needs ?? []) {
      if (need === "month" && !options.month && !monthKey && !options.defaultMonth) {
        skipped.push({
          rule: rule.id,
          reason: "未知报告月份（可用 --month、“月份”列、标题单元格或工作表名如“10月”给出），未运行 (report month unknown; give --month, a 月份 column, a title cell or a sheet name like 10月; rule not run)",
        });
        return;
      }
      if (need === "previous" && !options.previous) {
        skipped.push({ rule: rule.id, reason: "未提供上月报表，未运行 (last month's table not given; rule not run)" });
        return;
      }
      if (need === "sheet" && !options.sheet) {
        skipped.push({ rule: rule.id, reason: "未提供工作表数据，未运行 (sheet values not given; rule not run)" });
        return;
      }
    }
    const emit: Emit<unknown> = (at, params) => {
      let col: number;
      let value: CellValue;
      if ("key" in at) {
        col = table.columns[at.key]?.col ?? 0;
        value = findRow(table, at.row)?.raw[at.key] ?? null;
      } else {
        col = at.col;
        value = at.value ?? null;
      }
      const f: Finding & { col: number; order: number } = {
        rule: rule.id,
        severity: rule.severity,
        sheet: table.sheet,
        cell: `${columnLetters(col)}${at.row}`,
        row: at.row,
        message: rule.message(params, ctx),
        col,
        order,
      };
      if (value !== null && value !== undefined && value !== "") f.value = value;
      if (rule.severity === "warning") {
        const r = noteKey ? findRow(table, at.row) : undefined;
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
  const notes = [...table.notes];
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
  return fit ? ruleSets.find((x) => x.spec === fit.spec) ?? null : null;
}

export interface SheetValidation {
  result: ValidationResult;
  table: Table;
  ruleSet: RuleSet;
}

/**
 * Read a sheet with a rule set (or the detected one) and validate it. Unusable input (no header,
 * a required column missing) is returned as { error }.
 */
export function validateSheet(
  sheet: SheetLike,
  ruleSets: RuleSet[],
  choice: RuleSetId | "auto" = "auto",
  options: Omit<ValidateOptions, "sheet" | "defaultMonth"> & { previousSheet?: SheetLike } = {},
): SheetValidation | Unusable {
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
  let previous = options.previous;
  if (!previous && options.previousSheet) {
    const p = readTable(options.previousSheet, ruleSet.spec);
    if (isReadError(p)) return { error: `上月报表：${p.error} (last month's table)` };
    const pm = missingColumnsError(p);
    if (pm) return { error: `上月报表：${pm.error} (last month's table)` };
    previous = p;
  }
  const defaultMonth = monthFromSheet(sheet, table.headerRow) ?? undefined;
  const { previousSheet: _p, ...rest } = options;
  const result = validate(table, ruleSet, { ...rest, previous, defaultMonth, sheet });
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
