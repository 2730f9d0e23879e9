/**
 * Formulas in the workbench: the workbook's cells go into HyperFormula with the JX plugin
 * (the same plugin the function tests use), every formula is computed, and its result is
 * stored back into the exceljs cell as the cached value — what Excel does on recalculation —
 * so the pane, reading values through the file port, sees the computed results.
 *
 * Workbench only: HyperFormula is GPL-3.0 and never part of the add-in (dist/).
 */
import type * as ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "./jxPlugin";
import { jsDateToSerial } from "../core/table/dates";

export type ComputedValue = string | number | boolean | { error: string } | null;

export interface Calc {
  /** null when the workbook has no formula (nothing to compute). */
  engine: HyperFormula | null;
  /** Sheets in the engine, by name. */
  sheetIds: Map<string, number>;
  /** Formula cells computed. */
  formulas: number;
  /** Sheets left out of the engine because the workbook is large (their formulas keep cached values). */
  skipped: string[];
}

/** Above this many cells in all, only the sheets holding formulas go into the engine. */
export const MAX_ENGINE_CELLS = 400_000;


/** An exceljs cell → what HyperFormula takes ("=…" for a formula). */
export function rawContent(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (cell.isMerged && cell.master !== cell) return null;
  const formula = (cell as unknown as { formula?: string }).formula;
  if (formula) return "=" + formula;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return /^[=']/.test(v) ? "'" + v : v;
  if (v instanceof Date) return jsDateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if ("text" in o) return String(o.text ?? "");
    if ("result" in o) return o.result as RawCellContent;
  }
  return String(v);
}

function sheetContents(ws: ExcelJS.Worksheet): { rows: RawCellContent[][]; formulas: number; cells: number } {
  const rows: RawCellContent[][] = [];
  let formulas = 0;
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: RawCellContent[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const raw = rawContent(cell);
      if (raw === null) return;
      line[c - 1] = raw;
      cells++;
      if (typeof raw === "string" && raw.startsWith("=")) formulas++;
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    rows[r - 1] = line;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { rows, formulas, cells };
}

/** HyperFormula's value → a plain value (errors as { error: "#DIV/0!" }). */
export function plainValue(v: unknown): ComputedValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * Compute every formula of the workbook and store the results as the cells' cached values.
 * The previous engine (if any) is destroyed by the caller via disposeCalc.
 */
export function recalculate(wb: ExcelJS.Workbook): Calc {
  const contents = wb.worksheets.map((ws) => ({ ws, ...sheetContents(ws) }));
  const formulas = contents.reduce((n, s) => n + s.formulas, 0);
  if (formulas === 0) return { engine: null, sheetIds: new Map(), formulas: 0, skipped: [] };
  const total = contents.reduce((n, s) => n + s.cells, 0);
  const included = total <= MAX_ENGINE_CELLS ? contents : contents.filter((s) => s.formulas > 0);
  const skipped = contents.filter((s) => !included.includes(s)).map((s) => s.ws.name);
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of included) sheets[s.ws.name] = s.rows;
  // Full precision, as Excel stores it (the sheet view rounds for display only).
  const engine = createEngine(sheets, { smartRounding: false });
  const sheetIds = new Map<string, number>();
  for (const s of included) {
    const id = engine.getSheetId(s.ws.name);
    if (id === undefined) continue;
    sheetIds.set(s.ws.name, id);
    s.rows.forEach((line, r) => {
      line.forEach((raw, c) => {
        if (typeof raw !== "string" || !raw.startsWith("=")) return;
        const cell = s.ws.getCell(r + 1, c + 1);
        const result = plainValue(engine.getCellValue({ sheet: id, row: r, col: c }));
        cell.value = { formula: raw.slice(1), result: (result ?? "") as ExcelJS.CellFormulaValue["result"] } as ExcelJS.CellFormulaValue;
      });
    });
  }
  return { engine, sheetIds, formulas, skipped };
}

/** The engine's value of a cell (1-based row/col), or undefined when the sheet is not in the engine. */
export function computedAt(calc: Calc | null, sheet: string, row: number, col: number): ComputedValue | undefined {
  if (!calc || !calc.engine) return undefined;
  const id = calc.sheetIds.get(sheet);
  if (id === undefined) return undefined;
  return plainValue(calc.engine.getCellValue({ sheet: id, row: row - 1, col: col - 1 }));
}

export function disposeCalc(calc: Calc | null): void {
  if (calc && calc.engine) calc.engine.destroy();
}
