/** The pane's list: filters, sorting and the filter dropdowns' values. Pure. */
import { POOL_STATUSES, POOL_TIERS, squash } from "./spec";
import type { PoolFirm } from "./types";

const key = (s: string) => squash(s).toUpperCase();
export const zh = (a: string, b: string) => a.localeCompare(b, "zh-CN");

export interface PoolFilter {
  tier?: string | null;
  leader?: string | null;
  town?: string | null;
  status?: string | null;
  atRiskOnly?: boolean;
  /** Substring of the name or USCC. */
  text?: string;
}

/** Firms matching every given criterion (an empty or null criterion matches all). */
export function filterFirms(firms: PoolFirm[], f: PoolFilter): PoolFirm[] {
  const q = f.text ? key(f.text) : "";
  return firms.filter(
    (x) =>
      (!f.tier || x.tier === f.tier) &&
      (!f.leader || (x.leader ?? "未分配") === f.leader) &&
      (!f.town || x.town === f.town) &&
      (!f.status || x.status === f.status) &&
      (!f.atRiskOnly || x.atRisk) &&
      (!q || key(x.name).includes(q) || (x.uscc !== null && key(x.uscc).includes(q))),
  );
}

export type SortKey = "gap" | "projection" | "ytd" | "name" | "leader" | "row";

/** Sorted copy; nulls last in either direction; ties keep sheet order. Default: gap ascending (furthest short first). */
export function sortFirms(firms: PoolFirm[], by: SortKey = "gap", dir: "asc" | "desc" = "asc"): PoolFirm[] {
  const sign = dir === "asc" ? 1 : -1;
  const val = (f: PoolFirm): number | string | null => (by === "row" ? f.row : by === "name" ? f.name : by === "leader" ? f.leader : f[by]);
  return [...firms].sort((a, b) => {
    const va = val(a);
    const vb = val(b);
    if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : zh(String(va), String(vb));
    return c !== 0 ? sign * c : a.index - b.index;
  });
}

/** Distinct values for the filter dropdowns (tiers and statuses in canonical order first). */
export function filterOptions(firms: PoolFirm[]): { tiers: string[]; leaders: string[]; towns: string[]; statuses: string[] } {
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const ordered = (canon: readonly string[], xs: string[]) => [...canon.filter((c) => xs.includes(c)), ...xs.filter((x) => !canon.includes(x)).sort(zh)];
  return {
    tiers: ordered(POOL_TIERS, distinct(firms.map((f) => f.tier))),
    leaders: distinct(firms.map((f) => f.leader ?? "未分配")).sort((a, b) => (a === "未分配" ? 1 : b === "未分配" ? -1 : zh(a, b))),
    towns: distinct(firms.map((f) => f.town)).sort(zh),
    statuses: ordered(POOL_STATUSES, distinct(firms.map((f) => f.status))),
  };
}

