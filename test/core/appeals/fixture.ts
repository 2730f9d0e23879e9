import type { CellValue } from "../../../src/core/num";
import { APPEALS_TEMPLATE_HEADER, loadAppeals, AppealsLoaded, isoDateSerial } from "../../../src/core/appeals";
import type { SheetLike } from "../../../src/core/table";

/** One appeal as a test writes it; dates as the staff type them ("2023-09-28"). */
export interface Row {
  id: string;
  firm?: string;
  town?: string;
  category?: string;
  unit?: string;
  leader?: string;
  received?: CellValue;
  limit?: CellValue;
  closed?: CellValue;
  satisfaction?: string;
  redoDue?: CellValue;
}

export function register(rows: Row[], name = "诉求台账"): SheetLike {
  const h = APPEALS_TEMPLATE_HEADER;
  const values: CellValue[][] = [[...h]];
  for (const r of rows) {
    const line: CellValue[] = new Array(h.length).fill(null);
    const set = (header: string, v: CellValue | undefined) => (line[h.indexOf(header)] = v ?? null);
    set("编号", r.id);
    set("企业名称", r.firm ?? `企业${r.id}`);
    set("乡镇/园区", r.town ?? null);
    set("诉求类别", r.category ?? null);
    set("诉求内容", `诉求${r.id}`);
    set("承办单位", r.unit ?? "县经信局");
    set("包联领导", r.leader ?? null);
    set("受理日期", r.received ?? null);
    set("办理时限(工作日)", r.limit ?? null);
    set("办结日期", r.closed ?? null);
    set("满意度", r.satisfaction ?? null);
    set("重办截止日期", r.redoDue ?? null);
    values.push(line);
  }
  return { name, startRow: 1, startCol: 1, values };
}

export function serial(iso: string): number {
  const s = isoDateSerial(iso);
  if (s === null) throw new Error(`bad date ${iso}`);
  return s;
}

export function analyse(rows: Row[], asOf: string, extra: { params?: CellValue[][]; holidays?: CellValue[][] } = {}): AppealsLoaded {
  const l = loadAppeals({
    register: register(rows),
    asOf: serial(asOf),
    params: extra.params ?? null,
    holidays: extra.holidays ? { name: "节假日", startRow: 1, startCol: 1, values: extra.holidays } : null,
  });
  if ("error" in l) throw new Error(l.error);
  return l;
}
