/**
 * A workbook's content as comparable text, to prove what an action changed: every sheet (in tab
 * order, with its state, merges and hidden rows) and every cell's value (formulas included) and
 * style (fill, font, border, number format …). A blank cell without style counts as absent.
 */
import * as ExcelJS from "exceljs";

/** JSON with sorted keys (a style rebuilt in another key order is the same style). */
export function stable(x: unknown): string {
  return JSON.stringify(x, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

function isEmptyStyle(s: unknown): boolean {
  return !s || Object.values(s as object).every((v) => v === undefined || (typeof v === "object" && v !== null && Object.keys(v).length === 0));
}

export interface SheetSnapshot {
  /** state, merges, hidden rows. */
  layout: string;
  /** address → {value, style} as stable JSON. */
  cells: Map<string, string>;
}

export type Snapshot = Map<string, SheetSnapshot>;

export function snapshot(wb: ExcelJS.Workbook): Snapshot {
  const out: Snapshot = new Map();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, string>();
    const hidden: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) hidden.push(r);
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value ?? null;
        if (value === null && isEmptyStyle(cell.style)) return;
        cells.set(cell.address, stable({ value, style: cell.style ?? {} }));
      });
    });
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).sort();
    out.set(ws.name, { layout: stable({ state: ws.state, merges, hidden }), cells });
  }
  return out;
}

export interface Diff {
  added: string[];
  removed: string[];
  /** Sheets present before and after whose layout changed. */
  layout: string[];
  /** Per sheet present before and after: the addresses whose value or style changed (or appeared/vanished). */
  cells: Record<string, string[]>;
}

export function diff(before: Snapshot, after: Snapshot): Diff {
  const d: Diff = { added: [], removed: [], layout: [], cells: {} };
  for (const name of after.keys()) if (!before.has(name)) d.added.push(name);
  for (const [name, b] of before) {
    const a = after.get(name);
    if (!a) {
      d.removed.push(name);
      continue;
    }
    if (a.layout !== b.layout) d.layout.push(name);
    const changed: string[] = [];
    for (const [addr, v] of b.cells) if (a.cells.get(addr) !== v) changed.push(addr);
    for (const addr of a.cells.keys()) if (!b.cells.has(addr)) changed.push(addr);
    if (changed.length) d.cells[name] = changed.sort(byAddress);
  }
  return d;
}

/** Sheet order of addresses: by row, then column. */
export function byAddress(x: string, y: string): number {
  const p = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return [Number(m[2]), m[1].length, m[1]] as const;
  };
  const [r1, l1, c1] = p(x);
  const [r2, l2, c2] = p(y);
  return r1 - r2 || l1 - l2 || (c1 < c2 ? -1 : c1 > c2 ? 1 : 0);
}

/** Only the values of one cell of a snapshot (for messages). */
export function cellOf(s: Snapshot, sheet: string, address: string): { value: unknown; style: unknown } | null {
  const v = s.get(sheet)?.cells.get(address);
  return v ? (JSON.parse(v) as { value: unknown; style: unknown }) : null;
}

/** Load .xlsx bytes into a new exceljs workbook. */
export async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
