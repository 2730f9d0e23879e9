/** Firms of a per-mu table read with acreSpec, for evaluateFirms. */
import { convertUnit, normalizeHeader, Table, TableRow } from "../table";
import { DataKey } from "./indicators";
import { AcreFirmInput } from "./model";
import { AcreParams, defaultParams } from "./params";
import { DATA_KEYS } from "./scope";
import { parseGrade } from "./compare";
import { parseYes } from "./spec";
import { CellValue } from "../num";

/** Firms of a per-mu table (read with acreSpec); the land column follows `landUnit` when its header names no unit. */
export function firmsFromTable(table: Table, params: AcreParams = defaultParams()): AcreFirmInput[] {
  const landCol = table.columns.land;
  const landHasUnit = landCol ? normalizeHeader(landCol.header).unit !== "" : true;
  const convertLand = !landHasUnit && params.landUnit === "平方米";
  const invalidByRow = new Map<number, Partial<Record<DataKey, string>>>();
  for (const issue of table.issues) {
    if (!(DATA_KEYS as string[]).includes(issue.key)) continue;
    const m = invalidByRow.get(issue.row) ?? {};
    m[issue.key as DataKey] = `${issue.address} ${issue.message}`;
    invalidByRow.set(issue.row, m);
  }
  return table.rows.map((r: TableRow) => {
    const v = r.values;
    const n = (k: string) => (typeof v[k] === "number" ? (v[k] as number) : null);
    const t = (k: string) => (v[k] === null || v[k] === undefined ? null : String(v[k]));
    const reason = (k: string) => (t(k)?.trim() ? t(k)!.trim() : null);
    const land = n("land");
    return {
      row: r.row,
      name: t("name"),
      uscc: t("uscc"),
      scale: t("scale"),
      land: land !== null && convertLand ? convertUnit(land, "平方米", "亩") : land,
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
      invalid: invalidByRow.get(r.row),
    };
  });
}
