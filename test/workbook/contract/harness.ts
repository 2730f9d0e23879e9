/**
 * One harness per WorkbookPort adapter, for the port contract suite (suite.ts): each opens a
 * port over a workbook seeded with the same sheets and can look into the workbook behind it
 * (fills, formulas, validations, tables) the way the adapter's host stores them — exceljs for
 * the file adapter, the Office.js fake (test/excel/fakeExcel.ts), the ET fake (test/wps/fakeEt.ts).
 */
import * as ExcelJS from "exceljs";
import type { WorkbookPort } from "../../../src/workbook/port";
import { createFilePort } from "../../../src/workbook/fileAdapter";
import { createOfficePort } from "../../../src/excel/officeAdapter";
import { createWpsPort } from "../../../src/wps/wpsAdapter";
import { fromBgr, toBgr } from "../../../src/workbook/adapterUtil";
import * as office from "../../excel/fakeExcel";
import * as et from "../../wps/fakeEt";
import { ET } from "../../../src/wps/et";

export type Seed = string | number | boolean;

export interface SeedSheet {
  name: string;
  rows?: Seed[][];
  /** 1-based top-left of rows (default A1). */
  at?: { row: number; col: number };
  /** address → "#RRGGBB" */
  fills?: Record<string, string>;
}

export interface Opened {
  port: WorkbookPort;
  /** "#RRGGBB" of a cell's solid fill; null when it has none. */
  fill(sheet: string, address: string): string | null;
  /** A cell's formula ("=A2*2"); null when it holds a value. */
  formula(sheet: string, address: string): string | null;
  /** List validation of a range: the inline items ("a,b") or the reference ("=jx_lists!$A$1:$A$9"); null if none. */
  validation(sheet: string, address: string): string | null;
  hidden(sheet: string): boolean;
  /** Tables of the workbook as [name, sheet], sorted by name. */
  tables(): [string, string][];
}

export interface Harness {
  name: string;
  open(sheets: SeedSheet[], opts?: { active?: string }): Opened;
}

const byName = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export const fileHarness: Harness = {
  name: "file adapter (exceljs)",
  open(sheets, opts = {}) {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name);
      const at = s.at ?? { row: 1, col: 1 };
      (s.rows ?? []).forEach((line, i) => line.forEach((v, j) => v !== "" && (ws.getCell(at.row + i, at.col + j).value = v)));
      for (const [a, color] of Object.entries(s.fills ?? {})) ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + color.slice(1) } };
    }
    if (opts.active) wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, visibility: "visible", firstSheet: 0, activeTab: sheets.findIndex((s) => s.name === opts.active) } as ExcelJS.WorkbookView];
    const port = createFilePort(wb, "测试.xlsx");
    const ws = (name: string) => {
      const w = wb.getWorksheet(name);
      if (!w) throw new Error(`no sheet ${name}`);
      return w;
    };
    return {
      port,
      fill(sheet, a) {
        const f = ws(sheet).getCell(a).fill as ExcelJS.FillPattern | undefined;
        return f && f.type === "pattern" && f.pattern === "solid" && f.fgColor?.argb ? `#${f.fgColor.argb.slice(2).toUpperCase()}` : null;
      },
      formula(sheet, a) {
        const f = ws(sheet).getCell(a).formula;
        return f ? `=${f}` : null;
      },
      validation(sheet, a) {
        const v = (ws(sheet) as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model[a];
        if (!v) return null;
        const f = v.formulae[0];
        return f.startsWith('"') ? f.slice(1, -1) : `=${f}`;
      },
      hidden: (sheet) => ws(sheet).state === "hidden",
      tables() {
        const out: [string, string][] = [];
        wb.eachSheet((w) => {
          for (const t of w.getTables() as unknown as { name?: string; table?: { name?: string } }[]) out.push([t.name ?? t.table?.name ?? "", w.name]);
        });
        return out.sort(byName);
      },
    };
  },
};

export const officeHarness: Harness = {
  name: "Office adapter (fake Excel)",
  open(sheets, opts = {}) {
    const book = office.newBook(
      sheets.map((s) => {
        const at = s.at ?? { row: 1, col: 1 };
        const sheet = office.newSheet(s.name, s.rows ?? [], { r: at.row - 1, c: at.col - 1 });
        for (const [a, color] of Object.entries(s.fills ?? {})) {
          const { r, c } = { r: Number(/\d+/.exec(a)![0]) - 1, c: colIndex(a) };
          const k = `${r},${c}`;
          const cell = sheet.cells.get(k) ?? { value: "", fill: null };
          cell.fill = color;
          sheet.cells.set(k, cell);
        }
        return sheet;
      }),
    );
    if (opts.active) book.active = opts.active;
    const fake = office.fakeContext(book);
    const port = createOfficePort(fake.run, { supports: () => true });
    const sheet = (name: string) => {
      const s = book.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    };
    return {
      port,
      fill: (s, a) => office.cellOf(sheet(s), a)?.fill ?? null,
      formula: (s, a) => office.cellOf(sheet(s), a)?.formula ?? null,
      validation: (s, a) => sheet(s).validations.find((v) => v.address === a)?.source ?? null,
      hidden: (s) => sheet(s).visibility === "Hidden",
      tables: () => book.tables.map((t) => [t.name, t.sheet] as [string, string]).sort(byName),
    };
  },
};

export const wpsHarness: Harness = {
  name: "WPS adapter (fake ET)",
  open(sheets, opts = {}) {
    const book = et.newBook(
      sheets.map((s) => {
        const sheet = et.newSheet(s.name, s.rows ?? [], s.at);
        for (const [a, color] of Object.entries(s.fills ?? {})) {
          const k = `${Number(/\d+/.exec(a)![0])},${colIndex(a) + 1}`;
          const cell = sheet.cells.get(k) ?? { color: et.WHITE, pattern: ET.xlNone };
          cell.color = toBgr(color);
          cell.pattern = ET.xlSolid;
          sheet.cells.set(k, cell);
        }
        return sheet;
      }),
    );
    if (opts.active) book.active = opts.active;
    const app = new et.FakeEt(book);
    // Small chunks, so the suite also runs the chunked paths.
    const port = createWpsPort(app, { chunkCells: 7, yieldToHost: () => Promise.resolve() });
    return {
      port,
      fill(s, a) {
        const cell = et.cellOf(app.named(s), a);
        return !cell || cell.pattern === ET.xlNone ? null : fromBgr(cell.color);
      },
      formula: (s, a) => et.cellOf(app.named(s), a)?.formula ?? null,
      validation: (s, a) => app.named(s).validations.find((v) => v.address === a)?.formula1 ?? null,
      hidden: (s) => app.named(s).visible === ET.xlSheetHidden,
      tables: () => book.sheets.flatMap((s) => s.tables.map((t) => [t.name, s.name] as [string, string])).sort(byName),
    };
  },
};

function colIndex(a: string): number {
  let c = 0;
  for (const ch of /^[A-Z]+/i.exec(a)![0].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export const HARNESSES: Harness[] = [fileHarness, officeHarness, wpsHarness];
