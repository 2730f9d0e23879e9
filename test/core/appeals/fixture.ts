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

/**
 * The example, hand-computed across the 2023 National Day holiday (9/29–10/6 off, Sat 10/7
 * and Sun 10/8 worked), as of Fri 2023-10-20.
 */
export const october: Row[] = [
  // due: 9/29–10/6 off → Sat 10/7 (1), Sun 10/8 (2), Mon 10/9 (3); overdue 10/10–13, 10/16–20 = 9 → 黄牌
  { id: "A1", firm: "甲公司", unit: "县经信局", category: "融资信贷", town: "经开区", leader: "张县长", received: "2023-09-28", limit: 3 },
  // due Mon 10/23: not yet due
  { id: "A2", firm: "丙公司", unit: "县自然资源局", category: "用地用房", town: "汤沟镇", received: "2023-10-16", limit: 5 },
  // due Thu 9/28; overdue 10/7, 10/8, 10/9–13, 10/16–20 = 12 → 红牌
  { id: "A3", firm: "乙公司", unit: "县经信局", category: "融资信贷", town: "经开区", leader: "张县长", received: "2023年9月25日", limit: 3 },
  // due Wed 10/18 (12, 13, 16, 17, 18); overdue 19, 20 = 2 → 蓝牌
  { id: "A4", firm: "丁公司", unit: "县人社局", category: "用工招工", received: serial("2023-10-11"), limit: 5 },
  // due Wed 9/27, closed that day: 5 working days to close
  { id: "A5", firm: "戊公司", unit: "县自然资源局", category: "用地用房", received: "2023-09-20", limit: 5, closed: "2023-09-27", satisfaction: "满意" },
  // due Tue 10/10 (9/28, 10/7, 10/8, 10/9, 10/10); closed Thu 10/12: late (超期办结), 7 working days, no card
  { id: "A6", firm: "甲公司", unit: "县自然资源局", category: "融资信贷", received: "2023-09-27", limit: 5, closed: "2023-10-12", satisfaction: "非常满意" },
  // closed 10/11: 2 working days (10/10, 10/11)
  { id: "A7", firm: "己公司", unit: "县人社局", category: "用工招工", received: "2023-10-09", limit: 3, closed: "2023-10-11", satisfaction: "满意" },
  // closed but rated 不满意 → 退回重办, not closed; 重办截止日期 10/25 not reached → no card
  { id: "A8", firm: "庚公司", unit: "县人社局", category: "用工招工", received: "2023-09-26", limit: 3, closed: "2023-10-08", satisfaction: "不满意", redoDue: "2023-10-25" },
];

