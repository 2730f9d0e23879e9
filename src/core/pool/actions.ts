/**
 * Pool actions as pure plans: mark 已入规, 退库 (with a reason), change tier, and undo a change
 * from its 变动记录 row. A plan is the cell updates for the pool sheet plus the 变动记录 rows to
 * append; the pane (or any face) applies it through the port. Nothing is changed without a
 * record: every update has its row (日期, 企业名称, 字段, 原值, 新值, 原因).
 */
import { CellValue } from "../num";
import { isReadError, normalizeHeader, readTable, sharedField, SheetLike, Table, TableSpec } from "../table";
import { serialToIso } from "../table/dates";
import { normalizeStatus, normalizeTier, PoolFirm } from "./analyze";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, POOL_STATUSES, POOL_TIERS, poolSpec } from "./spec";

export interface ActionError {
  error: string;
}

export interface PoolChangePlan {
  /** The pool sheet. */
  sheet: string;
  updates: { address: string; value: CellValue }[];
  /** Sheet the records go to (变动记录) and its header. */
  logSheet: string;
  logHeader: string[];
  records: CellValue[][];
}

export type ChangeField = "status" | "tier";

const FIELD_HEADER: Record<ChangeField, string> = { status: "状态", tier: "培育层级" };

export function isActionError(x: unknown): x is ActionError {
  return typeof x === "object" && x !== null && "error" in x && !("updates" in x);
}

function cellText(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Change one field of one firm. `value` must be a canonical tier / status; `date` is the
 * record's date (yyyy-mm-dd, given by the caller so the core stays pure).
 */
export function changeField(table: Table, firm: PoolFirm, field: ChangeField, value: string, date: string, reason = ""): PoolChangePlan | ActionError {
  const col = table.columns[field];
  if (!col) return { error: `培育库没有“${FIELD_HEADER[field]}”列，无法修改 (the pool has no ${FIELD_HEADER[field]} column)` };
  const allowed: readonly string[] = field === "status" ? POOL_STATUSES : POOL_TIERS;
  if (!allowed.includes(value)) return { error: `“${value}”不是有效的${FIELD_HEADER[field]}，应为 ${allowed.join("、")} (not a valid ${field})` };
  const row = table.rows.find((r) => r.row === firm.row);
  if (!row) return { error: `第 ${firm.row} 行不在培育库中 (row ${firm.row} is not in the pool)` };
  // The record keeps the cell's value exactly as written (spaces, numbers), so undo restores it.
  const old: CellValue = row.raw[field] ?? "";
  const current = field === "status" ? normalizeStatus(cellText(old)) : normalizeTier(cellText(old));
  if (current === value) return { error: `${firm.name}的${FIELD_HEADER[field]}已是“${value}” (already ${value})` };
  return {
    sheet: table.sheet,
    updates: [{ address: table.address(firm.row, field), value }],
    logSheet: CHANGE_LOG_SHEET,
    logHeader: [...CHANGE_LOG_HEADER],
    records: [[date, firm.name, FIELD_HEADER[field], old, value, reason]],
  };
}

/** Mark a firm 已入规 (entered the above-scale list). */
export function markEntered(table: Table, firm: PoolFirm, date: string, reason = ""): PoolChangePlan | ActionError {
  return changeField(table, firm, "status", "已入规", date, reason);
}

/** Remove a firm from the pool (退库); a reason is required. */
export function removeFromPool(table: Table, firm: PoolFirm, reason: string, date: string): PoolChangePlan | ActionError {
  if (!reason.trim()) return { error: "退库须填写原因 (a reason is required to remove a firm)" };
  return changeField(table, firm, "status", "退库", date, reason.trim());
}

/** Move a firm to another tier. */
export function changeTier(table: Table, firm: PoolFirm, tier: string, date: string, reason = ""): PoolChangePlan | ActionError {
  return changeField(table, firm, "tier", tier, date, reason);
}

/** The 变动记录 sheet as a table kind. */
export const changeLogSpec: TableSpec = {
  kind: "pool-log",
  title: "变动记录",
  fields: [
    { key: "date", header: "日期", synonyms: ["变动日期"], type: "date" },
    { ...sharedField("name", { required: true }), key: "firm" },
    { key: "field", header: "字段", synonyms: ["变动字段", "项目"], required: true, type: "text" },
    { key: "old", header: "原值", synonyms: ["变动前"], type: "text" },
    { key: "new", header: "新值", synonyms: ["变动后"], type: "text" },
    { key: "reason", header: "原因", synonyms: ["备注", "说明"], type: "text" },
  ],
};

export interface ChangeRecord {
  /** 1-based row in the 变动记录 sheet. */
  row: number;
  /** yyyy-mm-dd (or the text as written). */
  date: string;
  firm: string;
  field: string;
  /** The values as written in the record (not trimmed), so an undo restores them exactly. */
  old: CellValue;
  new: CellValue;
  reason: string;
}

/** Read the 变动记录 sheet, oldest first; an unreadable sheet → ActionError. */
export function readChangeLog(sheet: SheetLike): ChangeRecord[] | ActionError {
  const t = readTable(sheet, changeLogSpec);
  if (isReadError(t)) return t;
  return t.rows.map((r) => {
    const rawDate = r.raw.date;
    const serial = r.values.date;
    return {
      row: r.row,
      date: typeof serial === "number" ? serialToIso(serial) : cellText(rawDate),
      firm: cellText(r.raw.firm),
      field: cellText(r.raw.field),
      old: r.raw.old ?? "",
      new: r.raw.new ?? "",
      reason: cellText(r.raw.reason),
    };
  });
}

function fieldOfHeader(header: string): ChangeField | null {
  const n = normalizeHeader(header).name;
  for (const key of ["status", "tier"] as ChangeField[]) {
    const f = poolSpec.fields.find((x) => x.key === key)!;
    if ([f.header, ...(f.synonyms ?? [])].some((h) => normalizeHeader(h).name === n)) return key;
  }
  return null;
}

/**
 * Undo a recorded change: the firm's field goes back to the record's 原值, provided it still
 * holds the record's 新值 (else the change was superseded and undoing it would overwrite a later
 * one). The undo itself is recorded.
 */
export function undoChange(table: Table, firms: PoolFirm[], record: ChangeRecord, date: string): PoolChangePlan | ActionError {
  const field = fieldOfHeader(record.field);
  if (!field) return { error: `无法撤销“${record.field}”的变动 (cannot undo a change of ${record.field})` };
  const col = table.columns[field];
  if (!col) return { error: `培育库没有“${FIELD_HEADER[field]}”列 (the pool has no ${FIELD_HEADER[field]} column)` };
  const matches = firms.filter((f) => f.name === record.firm);
  if (matches.length === 0) return { error: `培育库中找不到“${record.firm}” (${record.firm} is not in the pool)` };
  if (matches.length > 1) return { error: `培育库中有 ${matches.length} 家“${record.firm}”，请手工处理 (several firms named ${record.firm})` };
  const firm = matches[0];
  const row = table.rows.find((r) => r.row === firm.row)!;
  const now: CellValue = row.raw[field] ?? "";
  const norm = (v: CellValue) => (field === "status" ? normalizeStatus(cellText(v)) : normalizeTier(cellText(v)) ?? "");
  if (norm(now) !== norm(record.new)) {
    return { error: `${firm.name}的${FIELD_HEADER[field]}现为“${cellText(now)}”，不是记录中的“${cellText(record.new)}”，已有后续变动，不能撤销 (the value changed since; not undone)` };
  }
  return {
    sheet: table.sheet,
    updates: [{ address: table.address(firm.row, field), value: record.old }],
    logSheet: CHANGE_LOG_SHEET,
    logHeader: [...CHANGE_LOG_HEADER],
    records: [[date, firm.name, FIELD_HEADER[field], now, record.old, `撤销 ${record.date} 的变动${record.reason ? `：${record.reason}` : ""} (undo)`]],
  };
}
