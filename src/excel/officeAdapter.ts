/// <reference types="office-js" />
/**
 * WorkbookPort over Office.js: the only code in Jingxin that touches `Excel.*`.
 *
 * Sync budget (round trips per call; tests count them):
 *   listSheets / activeSheet / workbookName / selectCell / writeCells / clearHighlight: 1
 *   readSheet(s): 2 (sheet names, then every used range loaded at once), whatever the size,
 *     up to Excel's limits; above them (values null past ~5 000 000 cells, or a payload-size
 *     error on the web) the used range is read in row chunks, one sync per chunk
 *   writeSheet: 1 after a read of this port (the sheet and table names it saw), else 2 (names
 *     and tables, then everything written in one batch with calculation and screen updating
 *     suspended); a stale look-up fails the batch before it writes, and the write is retried
 *     with a fresh one; appendRows: 2; highlight: 2; upsertChart: 2
 */
import { CellUpdate, CellValue, ChartSpec, SheetValues, WorkbookPort, WriteSheetOptions, WriteValue, isFormula } from "../workbook/port";
export { protectText } from "../workbook/adapterUtil";
import {
  LIST_SHEET,
  expandAddresses,
  inlineListSource,
  noSheet,
  normalizeColor,
  protectText,
  rectangular,
  tableHeaders,
  uniqueTableName,
} from "../workbook/adapterUtil";

/** The `Excel.run` seam: tests pass a function that hands the batch a mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficePortOptions {
  /** Whether the host supports an ExcelApi requirement set version ("1.9"). */
  supports?: (version: string) => boolean;
  /**
   * Cells per chunk: of a read, when a used range is too large for one response (default
   * 100 000, ~2 MB); of a write, always (default 200 000 cells of values and number formats,
   * under Excel on the web's 5 MB per request).
   */
  chunkCells?: number;
}

/** Sheet names and tables (name, sheet) of a workbook. */
interface Lookup {
  sheets: string[];
  tables: { name: string; sheet: string }[];
}

function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

function defaultSupports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

function errorCode(e: unknown): string {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : "";
}

function isPayloadLimit(e: unknown): boolean {
  const text = `${errorCode(e)} ${e instanceof Error ? e.message : ""}`;
  return /PayloadSizeLimit|payload size|response size/i.test(text);
}


/** A port value → what goes into `range.formulas`: only a `{ formula }` as a formula; every string as text. */
function officeCell(v: WriteValue | undefined, textColumn: boolean): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (isFormula(v)) return "=" + v.formula.replace(/^=/, "");
  if (typeof v !== "string" || v === "") return v;
  return textColumn ? v : protectText(v);
}

function findName(names: string[], wanted: string): string | null {
  if (names.includes(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower) ?? null;
}

export function createOfficePort(run: ExcelRun = defaultRun, options: OfficePortOptions = {}): WorkbookPort {
  const supports = options.supports ?? defaultSupports;
  const chunkCells = options.chunkCells ?? 100_000;
  const writeChunkCells = options.chunkCells ?? 200_000;
  /**
   * Per sheet: address → fill colour before the first highlight (null = no fill). Kept in memory
   * and, where workbook settings exist (ExcelApi 1.4), in the document too, so that 清除标记
   * still restores the fills after the pane was closed and reopened. An entry here (even empty)
   * means this session already knows what the document holds.
   */
  const saved = new Map<string, Map<string, string | null>>();
  const persist = supports("1.4");
  const settingKey = (sheet: string) => `jingxin.highlight.${sheet}`;
  const loadStored = (context: Excel.RequestContext, sheet: string) => {
    const item = context.workbook.settings.getItemOrNullObject(settingKey(sheet));
    item.load("value");
    return item;
  };

  const suspend = (context: Excel.RequestContext) => {
    if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
    if (supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  };

  /** Run a batch on one sheet; a missing sheet becomes a clear message. */
  const onSheet = <T>(sheet: string, batch: (context: Excel.RequestContext, ws: Excel.Worksheet) => Promise<T>): Promise<T> =>
    run(async (context) => {
      try {
        return await batch(context, context.workbook.worksheets.getItem(sheet));
      } catch (e) {
        if (errorCode(e) === "ItemNotFound") throw new Error(noSheet(sheet));
        throw e;
      }
    });

  /** Read a large rectangle in row chunks: one sync per chunk. */
  const readChunked = async (
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    rowIndex: number,
    columnIndex: number,
    rowCount: number,
    columnCount: number,
  ): Promise<CellValue[][]> => {
    const rowsPer = Math.max(1, Math.floor(chunkCells / Math.max(1, columnCount)));
    const out: CellValue[][] = new Array(rowCount);
    for (let r = 0; r < rowCount; r += rowsPer) {
      const n = Math.min(rowsPer, rowCount - r);
      const chunk = ws.getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount);
      chunk.load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk: Excel's per-request payload limit
      await context.sync();
      const values = chunk.values as CellValue[][];
      for (let i = 0; i < n; i++) out[r + i] = values[i];
    }
    return out;
  };

  /**
   * Write a grid at (row, col) in row chunks within the cell budget (Excel on the web refuses a
   * request over 5 MB, writes as well as reads): one sync per chunk but the last, which the
   * caller's sync sends with the rest of its batch. `formats[c]` is column c's number format
   * below the first row, set before the chunk's values so text columns ("@") receive text.
   */
  const writeGrid = async (
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    row: number,
    col: number,
    grid: (string | number | boolean)[][],
    formats: readonly (string | null | undefined)[] = [],
  ): Promise<void> => {
    const width = grid[0].length;
    const formatted = formats.map((f, c) => (f && c < width ? c : -1)).filter((c) => c >= 0);
    const rowsPer = Math.max(1, Math.floor(writeChunkCells / (width + formatted.length)));
    for (let r = 0; r < grid.length; r += rowsPer) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk: Excel's per-request payload limit
      if (r > 0) await context.sync();
      const n = Math.min(rowsPer, grid.length - r);
      const from = Math.max(r, 1); // the first row (a header) keeps the general format
      for (const c of formatted) {
        if (r + n > from) ws.getRangeByIndexes(row + from, col + c, r + n - from, 1).numberFormat = new Array(r + n - from).fill(null).map(() => [formats[c]!]);
      }
      ws.getRangeByIndexes(row + r, col, n, width).formulas = r === 0 && n === grid.length ? grid : grid.slice(r, r + n);
    }
  };

  /**
   * The sheet and table names seen by the last read or write of this port: writeSheet uses them
   * to skip its look-up round trip. If the workbook changed meanwhile, the batch fails before
   * it writes (ItemNotFound / ItemAlreadyExists) and writeSheet looks up again.
   */
  let known: Lookup | null = null;

  const readSheets = (names: string[]): Promise<(SheetValues | null)[]> =>
    names.length === 0
      ? Promise.resolve([])
      : run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name");
          const tables = context.workbook.tables;
          tables.load("items/name,items/worksheet/name");
          await context.sync();
          const all = sheets.items.map((s) => s.name);
          known = { sheets: all, tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })) };
          const actual = names.map((n) => findName(all, n));
          const load = (withValues: boolean) =>
            actual.map((name) => {
              if (name === null) return null;
              const ws = sheets.getItem(name);
              const used = ws.getUsedRangeOrNullObject(true);
              if (withValues) used.load("values,rowIndex,columnIndex,address,rowCount,columnCount");
              else used.load("rowIndex,columnIndex,address,rowCount,columnCount");
              return { ws, used, name };
            });
          let reads = load(true);
          let tooLarge = false;
          try {
            await context.sync();
          } catch (e) {
            if (!isPayloadLimit(e)) throw e;
            tooLarge = true;
            reads = load(false);
            await context.sync();
          }
          const out: (SheetValues | null)[] = [];
          for (const r of reads) {
            if (r === null) {
              out.push(null);
              continue;
            }
            const { used, ws, name } = r;
            if (used.isNullObject) {
              out.push({ name, startRow: 1, startCol: 1, values: [] });
              continue;
            }
            let values = tooLarge ? null : (used.values as CellValue[][] | null);
            if (!Array.isArray(values)) {
              values = await readChunked(context, ws, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
            }
            out.push({ name, startRow: used.rowIndex + 1, startCol: used.columnIndex + 1, values });
          }
          return out;
        });

  /** Write a whole sheet in one batch, given the sheet and table names of the workbook. */
  const writeBatch = async (context: Excel.RequestContext, names0: Lookup, sheet: string, rows: WriteValue[][], opts: WriteSheetOptions): Promise<void> => {
    const sheets = context.workbook.worksheets;
    suspend(context);
    const names = names0.sheets;
    const existing = findName(names, sheet);
    let ws: Excel.Worksheet;
    const taken: string[] = [];
    if (existing) {
      ws = sheets.getItem(existing);
      for (const t of names0.tables) {
        if (t.sheet === existing) context.workbook.tables.getItem(t.name).delete();
        else taken.push(t.name);
      }
      const all = ws.getRange();
      all.unmerge();
      if (supports("1.6")) all.conditionalFormats.clearAll();
      if (supports("1.8")) all.dataValidation.clear();
      all.clear("All");
    } else {
      for (const t of names0.tables) taken.push(t.name);
      ws = sheets.add(sheet);
    }
    saved.delete(existing ?? sheet);

    const { width } = rectangular(rows);
    const height = rows.length;
    const added = existing ? [] : [sheet];
    const tableName = opts.tableName && height > 0 && width > 0 ? uniqueTableName(opts.tableName, taken) : null;
    const formats = opts.numberFormats ?? [];
    if (height > 0 && width > 0) {
      const grid = rows.map((r) => {
        const line = new Array<string | number | boolean>(width);
        for (let c = 0; c < width; c++) line[c] = officeCell(r[c], formats[c] === "@");
        return line;
      });
      if (opts.tableName) {
        // Table headers must be unique text; write them as the table will show them.
        grid[0] = tableHeaders(rows[0], width).map((h) => protectText(h));
      }
      await writeGrid(context, ws, 0, 0, grid, formats);
      if (tableName) {
        // Excel needs at least one data row under the header.
        const table = ws.tables.add(ws.getRangeByIndexes(0, 0, Math.max(2, height), width), true);
        table.name = tableName;
      }
    }

    const lists = Object.entries(opts.validationLists ?? {});
    if (lists.length > 0 && supports("1.8")) {
      let listSheet: Excel.Worksheet | null = null;
      let listCol = 0;
      for (const [key, items] of lists) {
        const c = Number(key);
        const target = ws.getRangeByIndexes(1, c, Math.max(1, height - 1), 1);
        let source = inlineListSource(items);
        if (source === null) {
          // Too long for an inline list: the items go into a hidden sheet of their own.
          if (!listSheet) {
            if (names.includes(LIST_SHEET)) {
              listSheet = sheets.getItem(LIST_SHEET);
              const usedCols = listSheet.getUsedRangeOrNullObject(true);
              usedCols.load("columnIndex,columnCount");
              // eslint-disable-next-line office-addins/no-context-sync-in-loop -- once: only when the hidden list sheet is first needed
              await context.sync();
              listCol = usedCols.isNullObject ? 0 : usedCols.columnIndex + usedCols.columnCount;
              suspend(context);
            } else {
              listSheet = sheets.add(LIST_SHEET);
              listSheet.visibility = "Hidden";
              added.push(LIST_SHEET);
            }
          }
          const cells = listSheet.getRangeByIndexes(0, listCol, items.length, 1);
          cells.numberFormat = items.map(() => ["@"]);
          cells.values = items.map((i) => [i]);
          source = `=${LIST_SHEET}!$${colLetters(listCol + 1)}$1:$${colLetters(listCol + 1)}$${items.length}`;
          listCol++;
        }
        target.dataValidation.clear();
        target.dataValidation.rule = { list: { inCellDropDown: true, source } };
      }
    }
    const sources = Object.entries(opts.validationSources ?? {});
    if (sources.length > 0 && supports("1.8")) {
      for (const [key, source] of sources) {
        const target = ws.getRangeByIndexes(1, Number(key), Math.max(1, height - 1), 1);
        target.dataValidation.clear();
        target.dataValidation.rule = { list: { inCellDropDown: true, source: `=${source}` } };
      }
    }
    if (opts.activate) ws.activate();
    await context.sync();
    known = {
      sheets: [...names, ...added],
      tables: [...names0.tables.filter((t) => t.sheet !== existing), ...(tableName ? [{ name: tableName, sheet: existing ?? sheet }] : [])],
    };
  };

  const port: WorkbookPort = {
    kind: "excel",
    canChart: true,
    displayLanguage: () => (typeof Office !== "undefined" && Office.context?.displayLanguage) || "",

    workbookName: () =>
      run(async (context) => {
        if (!supports("1.7")) return "";
        context.workbook.load("name");
        await context.sync();
        return context.workbook.name;
      }),

    listSheets: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name).filter((n) => n !== LIST_SHEET);
      }),

    activeSheet: () =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        await context.sync();
        return ws.name;
      }),

    readSheet: async (name) => (await readSheets([name]))[0],

    readSheets,

    writeSheet: async (sheet, rows, opts: WriteSheetOptions = {}) => {
      const seen = known;
      if (seen) {
        try {
          return await run((context) => writeBatch(context, seen, sheet, rows, opts));
        } catch {
          known = null; // the workbook changed since the last look-up: look again
        }
      }
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const tables = context.workbook.tables;
        tables.load("items/name,items/worksheet/name");
        await context.sync();
        const fresh = { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })) };
        return writeBatch(context, fresh, sheet, rows, opts);
      });
    },

    writeCells: (sheet, updates: CellUpdate[]) =>
      onSheet(sheet, async (context, ws) => {
        for (const u of updates) {
          const v = officeCell(u.value, false);
          ws.getRange(u.address).formulas = [[v]];
        }
        await context.sync();
      }),

    appendRows: (sheet, rows, header) =>
      run(async (context) => {
        // Probe the sheet and its used range in one round trip; a missing sheet fails the
        // probe (ItemNotFound) and is created with the header in the second.
        let ws: Excel.Worksheet = context.workbook.worksheets.getItem(sheet);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount");
        let exists = true;
        try {
          await context.sync();
        } catch (e) {
          if (errorCode(e) !== "ItemNotFound") throw e;
          exists = false;
        }
        let block: WriteValue[][] = rows;
        let row = 0;
        let col = 0;
        if (!exists) ws = context.workbook.worksheets.add(sheet);
        if (exists && !used.isNullObject) {
          row = used.rowIndex + used.rowCount;
          col = used.columnIndex;
        } else if (header && header.length > 0) {
          block = [header, ...rows];
        }
        const { width } = rectangular(block);
        if (block.length === 0 || width === 0) {
          if (!exists) await context.sync();
          return;
        }
        suspend(context);
        const grid = block.map((r) => {
          const line = new Array<string | number | boolean>(width);
          for (let c = 0; c < width; c++) line[c] = officeCell(r[c], false);
          return line;
        });
        await writeGrid(context, ws, row, col, grid);
        await context.sync();
      }),

    selectCell: (sheet, address) =>
      onSheet(sheet, async (context, ws) => {
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),

    highlight: (sheet, addresses, color) =>
      onSheet(sheet, async (context, ws) => {
        const fillColor = normalizeColor(color);
        const mem = saved.get(sheet) ?? new Map<string, string | null>();
        const cells = expandAddresses(addresses);
        const withPattern = supports("1.9");
        const fills = cells.map((a) => ({ a, fill: ws.getRange(a).format.fill }));
        const fresh = fills.filter((f) => !mem.has(f.a));
        for (const f of fresh) f.fill.load(withPattern ? "color,pattern" : "color");
        // fills saved by an earlier session of the pane (still highlighted) are the originals
        const stored = !saved.has(sheet) && persist ? loadStored(context, sheet) : null;
        if (fresh.length > 0 || stored) await context.sync();
        const before = stored && !stored.isNullObject ? (stored.value as Record<string, string | null> | null) : null;
        for (const f of fresh) {
          const none = withPattern ? f.fill.pattern === "None" : !f.fill.color || f.fill.color.toUpperCase() === "#FFFFFF";
          mem.set(f.a, before && f.a in before ? before[f.a] : none ? null : f.fill.color);
        }
        for (const [a, prev] of Object.entries(before ?? {})) if (!mem.has(a)) mem.set(a, prev);
        saved.set(sheet, mem);
        for (const f of fills) f.fill.color = fillColor;
        if (persist) context.workbook.settings.add(settingKey(sheet), Object.fromEntries(mem));
        await context.sync();
      }),

    clearHighlight: async (sheet) => {
      let mem = saved.get(sheet);
      if (!mem && persist) {
        // the pane was reloaded since highlighting: the saved fills are in the workbook
        const stored = await run(async (context) => {
          const item = loadStored(context, sheet);
          await context.sync();
          return item.isNullObject ? null : (item.value as Record<string, string | null> | null);
        });
        mem = new Map(Object.entries(stored ?? {}));
      }
      if (!mem || mem.size === 0) {
        saved.set(sheet, new Map());
        return;
      }
      const restore = mem;
      await onSheet(sheet, async (context, ws) => {
        for (const [a, prev] of restore) {
          const fill = ws.getRange(a).format.fill;
          if (prev === null) fill.clear();
          else fill.color = prev;
        }
        if (persist) context.workbook.settings.add(settingKey(sheet), {});
        await context.sync();
      });
      saved.set(sheet, new Map());
    },

    upsertChart: (sheet, spec: ChartSpec) =>
      onSheet(sheet, async (context, ws) => {
        const charts = ws.charts;
        charts.load("items/name");
        await context.sync();
        for (const c of charts.items) if (c.name === spec.name) c.delete();
        const type = spec.type === "line" ? "Line" : spec.type === "bar" ? "BarClustered" : "ColumnClustered";
        const chart = charts.add(type, ws.getRange(spec.dataRange), "Columns");
        chart.name = spec.name;
        chart.title.text = spec.title;
        chart.setPosition(spec.anchor);
        await context.sync();
      }),
  };
  return port;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

