/** Builders for pool sheets in tests: values as the port reads them. */
import type { SheetLike } from "../../../src/core/table";

export const HEADER = ["企业名称", "统一社会信用代码", "乡镇/园区", "培育层级", "包保领导", "入库日期", "状态", "上年营业收入", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)];

export interface FirmRow {
  name: string;
  uscc?: string;
  town?: string;
  tier?: string;
  leader?: string;
  status?: string;
  lastYear?: number;
  /** Monthly revenue m1.. (null/undefined = blank). */
  months?: (number | null | undefined)[];
  /** Last year's 12 months (adds 上年1月…上年12月 columns when any row has them). */
  ly?: (number | null)[];
}

export function poolValues(firms: FirmRow[]): (string | number | null)[][] {
  const withLy = firms.some((f) => f.ly);
  const header = withLy ? [...HEADER, ...Array.from({ length: 12 }, (_, i) => `上年${i + 1}月`)] : [...HEADER];
  const rows = firms.map((f) => {
    const months = Array.from({ length: 12 }, (_, i) => f.months?.[i] ?? null);
    const base = [f.name, f.uscc ?? null, f.town ?? null, f.tier ?? null, f.leader ?? null, null, f.status ?? null, f.lastYear ?? null, ...months];
    return withLy ? [...base, ...Array.from({ length: 12 }, (_, i) => f.ly?.[i] ?? null)] : base;
  });
  return [header, ...rows];
}

export function sheet(name: string, values: unknown[][]): SheetLike {
  return { name, startRow: 1, startCol: 1, values: values as SheetLike["values"] };
}

export const fill = (n: number, v: number) => Array.from({ length: n }, () => v);
