/** Firms of a per-mu table read with acreSpec, for evaluateFirms. */
import { convertUnit, normalizeHeader, Table, TableRow } from "../table";
import { DataKey } from "./indicators";
import { AcreFirmInput } from "./model";
import { AcreParams, defaultParams } from "./params";
import { DATA_KEYS } from "./scope";
import { parseGrade } from "./compare";
import { NON_NEGATIVE_KEYS, parseYes } from "./spec";
import { CellValue } from "../num";

/** The 是/否 and grade columns of 定档调档: key, whether a cell reads, what it should hold. */
const CHOICE_COLUMNS: Array<[string, (raw: CellValue) => boolean, string]> = [
  ["inZone", (x) => parseYes(x) !== null, "“是”或“否”"],
  ["veto", (x) => parseYes(x) !== null, "“是”或“否”"],
  ["ungraded", (x) => parseYes(x) !== null, "“是”或“否”"],
  ["override", (x) => parseGrade(x) !== null, "A、B、C 或 D"],
];

/**
 * The land read from the table, in 亩: a header naming its unit was converted by the table
 * reader; a header naming none follows the 参数 row 用地面积单位 (亩 | 平方米). Used by the
 * evaluation and by validation's A-SCOPE, so both measure the same land.
 */
export function landToMu(table: Table, params: AcreParams): (land: number) => number {
  const landCol = table.columns.land;
  const landHasUnit = landCol ? normalizeHeader(landCol.header).unit !== "" : true;
  return !landHasUnit && params.landUnit === "平方米" ? (land) => convertUnit(land, "平方米", "亩") : (land) => land;
}

/** A negative value where the data cannot be negative is unusable data, named with its cell; 缺项处理 decides (不参评 → out of scope). */
const NON_NEGATIVE = new Set(NON_NEGATIVE_KEYS);

/** Firms of a per-mu table (read with acreSpec); the land column follows `landUnit` when its header names no unit. */
export function firmsFromTable(table: Table, params: AcreParams = defaultParams()): AcreFirmInput[] {
  const toMu = landToMu(table, params);
  const invalidByRow = new Map<number, Partial<Record<DataKey, string>>>();
  for (const issue of table.issues) {
    if (!(DATA_KEYS as string[]).includes(issue.key)) continue;
    const m = invalidByRow.get(issue.row) ?? {};
    m[issue.key as DataKey] = `${issue.address} ${issue.message}`;
    invalidByRow.set(issue.row, m);
  }
  // unreadable cells of the optional columns: ignored, each named on its firm (never silently)
  const unreadByRow = new Map<number, string[]>();
  const unread = (row: number, text: string) => unreadByRow.set(row, [...(unreadByRow.get(row) ?? []), text]);
  for (const issue of table.issues) {
    if ((["bonus", "penalty", "vatRefund"] as string[]).includes(issue.key)) unread(issue.row, `${issue.address} ${issue.header}：${issue.message}，按空白计 (unreadable: taken as blank)`);
  }
  return table.rows.map((r: TableRow) => {
    const v = r.values;
    for (const [key, ok, expected] of CHOICE_COLUMNS) {
      const raw = v[key];
      if (raw === null || raw === undefined || String(raw).trim() === "" || ok(raw as CellValue)) continue;
      unread(r.row, `${table.address(r.row, key)} ${table.columns[key]?.header ?? key}“${String(raw)}”无法识别，应为${expected}，未采用 (unreadable, ignored)`);
    }
    for (const k of DATA_KEYS) {
      const x = v[k];
      if (!NON_NEGATIVE.has(k) || typeof x !== "number" || x >= 0) continue;
      const m = invalidByRow.get(r.row) ?? {};
      m[k] = `${table.address(r.row, k)} 为负数“${String(r.raw[k] ?? x)}”，不能参与评价（提交前校验列为错误）(negative: not used)`;
      invalidByRow.set(r.row, m);
    }
    const bad = invalidByRow.get(r.row);
    const n = (k: string) => (typeof v[k] === "number" && !bad?.[k as DataKey] ? (v[k] as number) : null);
    const t = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
    const reason = (k: string) => (t(k)?.trim() ? t(k)!.trim() : null);
    const land = n("land");
    return {
      row: r.row,
      name: t("name"),
      uscc: t("uscc"),
      scale: t("scale"),
      land: land !== null ? toMu(land) : land,
      tax: n("tax"),
      revenue: n("revenue"),
      valueAdded: n("valueAdded"),
      energy: n("energy"),
      employees: n("employees"),
      rnd: n("rnd"),
      techInvestment: n("techInvestment"),
      emissions: n("emissions"),
      electricity: n("electricity"),
      inZone: parseYes(v.inZone),
      veto: parseYes(v.veto),
      vetoReason: reason("vetoReason"),
      override: parseGrade(v.override as CellValue),
      overrideReason: reason("overrideReason"),
      ungraded: parseYes(v.ungraded),
      ungradedReason: reason("ungradedReason"),
      bonus: n("bonus"),
      penalty: n("penalty"),
      vatRefund: n("vatRefund"),
      invalid: bad,
      unread: unreadByRow.get(r.row),
    };
  });
}
