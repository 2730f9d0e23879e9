/**
 * The firm lists beside the pool: 新增规上 (firms that became above-scale this year) and 退规
 * (firms that dropped below the line). Read by name and code; a sheet with only a 企业名称
 * column is read too.
 */
import { isReadError, normalizeHeader, ReadError, readTable, sharedField, SheetLike, TableSpec } from "../table";
import { str } from "./spec";

/** A list sheet (新增规上 / 退规): 序号 | 企业名称 | 统一社会信用代码 | … */
export const firmListSpec: TableSpec = {
  kind: "firm-list",
  title: "企业名单",
  fields: [
    { key: "seq", header: "序号", synonyms: ["编号"], type: "text" },
    sharedField("name", { required: true }),
    sharedField("uscc"),
    sharedField("town"),
    { key: "date", header: "日期", synonyms: ["入规日期", "入规时间", "退规日期", "退规时间", "时间"], type: "text" },
    { key: "revenue", header: "营业收入", synonyms: ["主营业务收入", "上年营业收入"], type: "text" },
    { key: "reason", header: "原因", synonyms: ["退规原因", "备注", "说明"], type: "text" },
  ],
};

export interface ListedFirm {
  name: string;
  uscc: string | null;
  row: number;
}

/**
 * The firms of a list sheet. A sheet with only a 企业名称 column (too little for the header
 * finder) is read by that one header; a sheet without it → ReadError.
 */
export function readFirmList(sheet: SheetLike): ListedFirm[] | ReadError {
  const t = readTable(sheet, firmListSpec);
  if (!isReadError(t) && t.columns.name) {
    return t.rows.flatMap((r) => {
      const name = str(r.values.name);
      return name ? [{ name, uscc: str(r.values.uscc), row: r.row }] : [];
    });
  }
  const names = new Set([firmListSpec.fields[1].header, ...(firmListSpec.fields[1].synonyms ?? [])].map((h) => normalizeHeader(h).name));
  const scan = Math.min(sheet.values.length, 15);
  for (let r = 0; r < scan; r++) {
    const c = (sheet.values[r] ?? []).findIndex((v) => names.has(normalizeHeader(v).name));
    if (c < 0) continue;
    const out: ListedFirm[] = [];
    for (let k = r + 1; k < sheet.values.length; k++) {
      const name = str(sheet.values[k]?.[c]);
      if (name && !/^(合计|总计|小计)$/.test(name)) out.push({ name, uscc: null, row: sheet.startRow + k });
    }
    return out;
  }
  return { error: `工作表“${sheet.name}”中找不到“企业名称”列 (no 企业名称 column in sheet ${sheet.name})` };
}

