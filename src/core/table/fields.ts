/**
 * THE shared columns (one place): the fields several table kinds have — 企业名称,
 * 统一社会信用代码, 乡镇/园区, 月份, 说明 — with one list of synonyms each, so a header read as
 * 企业名称 in one kind is read so in every kind. A table kind takes them with `sharedField`
 * and declares only its own columns.
 */
import type { FieldSpec } from "./read";

export type SharedKey = "name" | "uscc" | "town" | "month" | "note";

export const SHARED_FIELDS: Record<SharedKey, FieldSpec> = {
  name: {
    key: "name",
    header: "企业名称",
    synonyms: ["单位名称", "单位详细名称", "企业(单位)名称", "企业单位名称", "企业全称", "单位全称", "法人单位名称", "纳税人名称", "企业", "名称"],
    type: "text",
  },
  uscc: {
    key: "uscc",
    header: "统一社会信用代码",
    synonyms: ["社会信用代码", "信用代码", "统一信用代码", "统一社会信用代码/组织机构代码", "组织机构代码", "纳税人识别号"],
    type: "text",
  },
  town: { key: "town", header: "乡镇/园区", synonyms: ["乡镇", "园区", "所属乡镇", "乡镇园区", "所在乡镇", "乡镇(园区)", "所属园区"], type: "text" },
  month: { key: "month", header: "月份", synonyms: ["报告月份", "统计月份", "报告期", "截至月份"], type: "text" },
  note: { key: "note", header: "说明", synonyms: ["备注", "情况说明", "异常说明", "核实说明", "说明(异常原因)", "原因说明"], type: "text" },
};

/** A shared field for a table kind, with the kind's own required flag (and nothing else changed). */
export function sharedField(key: SharedKey, options: { required?: boolean } = {}): FieldSpec {
  const f = SHARED_FIELDS[key];
  return { ...f, synonyms: [...(f.synonyms ?? [])], ...(options.required ? { required: true } : {}) };
}
