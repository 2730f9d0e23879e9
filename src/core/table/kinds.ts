/**
 * Every table kind Jingxin reads, for the sheet chooser (chooser.ts): a sheet is of the kind it
 * reads best as, so a monthly report is never taken for a pool. Not re-exported by
 * core/table/index (the specs live with their features and import core/table themselves).
 */
import { acreSpec } from "../acre/spec";
import { appealsSpec } from "../appeals/spec";
import { targetsSpec } from "../monitor/targets";
import { poolSpec } from "../pool/spec";
import { monthlySpec } from "../validate/specs";
import { ChooseOptions, chooseSheet, Chosen, classifySheet, KindFit, rankSheets } from "./chooser";
import type { SheetLike, TableSpec } from "./read";

/** In tie order: a header that fits two kinds equally is the first one's. */
export const TABLE_KINDS: readonly TableSpec[] = [monthlySpec, poolSpec, acreSpec, targetsSpec, appealsSpec];

const withKnown = (wanted: readonly TableSpec[]) => [...TABLE_KINDS.map((k) => wanted.find((w) => w.kind === k.kind) ?? k), ...wanted.filter((w) => !TABLE_KINDS.some((k) => k.kind === w.kind))];

/** chooseSheet over all known kinds (and the wanted ones): the sheet of a wanted kind, or why there is none. */
export function chooseTable(sheets: readonly (SheetLike | null)[], wanted: readonly TableSpec[], options: Omit<ChooseOptions, "kinds"> = {}): Chosen | { error: string } {
  return chooseSheet(sheets, wanted, { ...options, kinds: withKnown(wanted) });
}

/** rankSheets over all known kinds (and the wanted ones). */
export function rankTables(sheets: readonly (SheetLike | null)[], wanted: readonly TableSpec[], options: Omit<ChooseOptions, "kinds"> = {}) {
  return rankSheets(sheets, wanted, { ...options, kinds: withKnown(wanted) });
}

/** The kind a sheet reads best as, among all known kinds. */
export function kindOf(sheet: SheetLike): KindFit | null {
  return classifySheet(sheet, TABLE_KINDS);
}
