/**
 * WorkbookPort over WPS 表格's ET object model: the only code in Jingxin that touches it
 * (the types it may use are in ./et.ts).
 *
 * The object model is synchronous: each property read or call blocks the pane until WPS
 * answers. The port's methods are async over it, and large reads and writes go in row chunks
 * (`chunkCells` cells each) with a yield to the host between chunks, so the pane repaints and
 * WPS stays responsive on a 100 000-row sheet.
 *
 * Host differences it hides (see docs/wps.md; verified on the fake only):
 *  - indices are 1-based; `Sheets.Item` is only ever called with an index;
 *  - `Range.Value2` is a bare value for one cell and a 2-D array for several; empty cells are
 *    undefined/null there and "" here;
 *  - `UsedRange` also counts cells that only have a format (a highlight), so reads trim empty
 *    edge rows and columns (the Office adapter asks Excel for values only);
 *  - colours are BGR numbers (`Interior.Color`), "#RRGGBB" in the port;
 *  - `Sheets.Add()` may return null: the new sheet is then the active one.
 * Highlighted cells' original fills are kept in memory and, when given a `storage`
 * (Application.PluginStorage), there too, so 清除标记 still restores them after the pane is
 * reloaded within the same WPS session (PluginStorage does not outlive WPS).
 */
import { CellUpdate, CellValue, ChartSpec, SheetValues, WorkbookPort, WriteSheetOptions, WriteValue, isFormula } from "../workbook/port";
import {
  LIST_SHEET,
  expandAddresses,
  inlineListSource,
  noSheet,
  protectText,
  rangeAddress,
  rectangular,
  tableHeaders,
  toBgr,
  uniqueTableName,
} from "../workbook/adapterUtil";
import { ET, EtApplication, EtRange, EtWorksheet } from "./et";

export interface WpsPortOptions {
  /** Cells per read or write chunk (default 50 000). */
  chunkCells?: number;
  /** Awaited between chunks so WPS and the pane can run (default: a macrotask). */
  yieldToHost?: () => Promise<void>;
  /** Application.PluginStorage or alike: keeps saved fills across pane reloads. */
  storage?: { getItem(key: string): string | null | undefined; setItem(key: string, value: string): void };
}

/** A saved fill: null = none; else the BGR colour and the pattern. */
type SavedFill = { c: number; p: number } | null;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const NO_WORKBOOK = "WPS 中没有打开的工作簿，请先打开或新建一个表格 (no workbook is open in WPS; open or create one first)";

/**
 * Error cells through a COM-style bridge arrive as the error's SCODE (0x800A07D0 + the
 * XlCVError number: #N/A = 2042 → -2146826246). Unverified in WPS (docs/wps.md); these exact
 * integers are no statistic, so they are read as the error's text, never as a number.
 */
const ERROR_SCODES: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

/** A cell as WPS gives it → a port value. */
function portValue(v: unknown): string | number | boolean {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? (ERROR_SCODES[v] ?? v) : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** `Range.Value2` of an nr × nc range → rows of port values. */
function gridOf(v: unknown, nr: number, nc: number): CellValue[][] {
  if (!Array.isArray(v)) {
    if (nr !== 1 || nc !== 1) throw new Error(`WPS 返回的区域值不是 ${nr}×${nc} 的数组 (WPS returned no ${nr}×${nc} array)`);
    return [[portValue(v)]];
  }
  const out: CellValue[][] = new Array(nr);
  for (let r = 0; r < nr; r++) {
    const row = (v as unknown[][])[r] ?? [];
    const line: CellValue[] = new Array(nc);
    for (let c = 0; c < nc; c++) line[c] = portValue(row[c]);
    out[r] = line;
  }
  return out;
}

/** A port value → what goes into `Value2`: only a `{ formula }` as a formula; every string as text (protected). */
function wpsCell(v: WriteValue | undefined, textColumn: boolean): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (isFormula(v)) return "=" + v.formula.replace(/^=/, "");
  if (typeof v !== "string" || v === "") return v;
  return textColumn ? v : protectText(v);
}

export function createWpsPort(app: EtApplication, options: WpsPortOptions = {}): WorkbookPort {
  const chunkCells = Math.max(1, options.chunkCells ?? 50_000);
  const yieldToHost = options.yieldToHost ?? macrotask;
  const storage = options.storage;
  /** Per sheet: address → fill before the first highlight. */
  const saved = new Map<string, Map<string, SavedFill>>();

  const book = () => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new Error(NO_WORKBOOK);
    return wb;
  };

  const allSheets = (): EtWorksheet[] => {
    const sheets = book().Sheets;
    const out: EtWorksheet[] = [];
    for (let i = 1, n = sheets.Count; i <= n; i++) out.push(sheets.Item(i));
    return out;
  };

  /** A sheet by name; like WPS and Excel, case-insensitively when there is no exact match. */
  const findSheet = (name: string): EtWorksheet | null => {
    const all = allSheets();
    const names = all.map((ws) => ws.Name);
    let i = names.indexOf(name);
    if (i < 0) i = names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    return i < 0 ? null : all[i];
  };

  const sheetOrThrow = (name: string): EtWorksheet => {
    const ws = findSheet(name);
    if (!ws) throw new Error(noSheet(name));
    return ws;
  };

  /** Add a sheet after the last one, leaving the active sheet as it was. */
  const addSheet = (name: string): EtWorksheet => {
    const sheets = book().Sheets;
    const before = app.ActiveSheet;
    const count = sheets.Count;
    const ws = (count > 0 ? sheets.Add(undefined, sheets.Item(count)) : sheets.Add()) ?? app.ActiveSheet;
    if (!ws) throw new Error(`无法新建工作表“${name}” (cannot add sheet ${name})`);
    ws.Name = name;
    if (before) before.Activate();
    return ws;
  };

  /** Screen updating off during a write; restored whatever happens. */
  const quietly = async <T>(work: () => Promise<T>): Promise<T> => {
    const was = app.ScreenUpdating;
    app.ScreenUpdating = false;
    try {
      return await work();
    } finally {
      app.ScreenUpdating = was;
    }
  };

  /** The values of a rectangle, read in row chunks with a yield between them. */
  const readBlock = async (ws: EtWorksheet, row: number, col: number, nr: number, nc: number): Promise<CellValue[][]> => {
    const rowsPer = Math.max(1, Math.floor(chunkCells / nc));
    const out: CellValue[][] = [];
    for (let r = 0; r < nr; r += rowsPer) {
      if (r > 0) await yieldToHost();
      const n = Math.min(rowsPer, nr - r);
      const part = gridOf(ws.Range(rangeAddress(row + r, col, n, nc)).Value2, n, nc);
      for (const line of part) out.push(line);
    }
    return out;
  };

  /** A grid written from (row, col) in row chunks with a yield between them. */
  const writeBlock = async (ws: EtWorksheet, row: number, col: number, grid: (string | number | boolean)[][], width: number): Promise<void> => {
    const rowsPer = Math.max(1, Math.floor(chunkCells / width));
    for (let r = 0; r < grid.length; r += rowsPer) {
      if (r > 0) await yieldToHost();
      const part = grid.slice(r, r + rowsPer);
      ws.Range(rangeAddress(row + r, col, part.length, width)).Value2 = part;
    }
  };

  /** The used range with values (empty edge rows and columns dropped), as the port returns it. */
  const readWorksheet = async (ws: EtWorksheet): Promise<SheetValues> => {
    const name = ws.Name;
    const used = ws.UsedRange;
    const row = used.Row;
    const col = used.Column;
    const values = await readBlock(ws, row, col, used.Rows.Count, used.Columns.Count);
    let top = 0;
    let bottom = values.length - 1;
    const filled = (line: CellValue[]) => line.some((v) => v !== "");
    while (top <= bottom && !filled(values[top])) top++;
    while (bottom >= top && !filled(values[bottom])) bottom--;
    if (top > bottom) return { name, startRow: 1, startCol: 1, values: [] };
    const rows = values.slice(top, bottom + 1);
    const width = rows[0].length;
    let left = 0;
    let right = width - 1;
    const colFilled = (c: number) => rows.some((line) => line[c] !== "");
    while (!colFilled(left)) left++;
    while (!colFilled(right)) right--;
    const trimmed = left === 0 && right === width - 1 ? rows : rows.map((line) => line.slice(left, right + 1));
    return { name, startRow: row + top, startCol: col + left, values: trimmed };
  };

  const tableNamesExcept = (sheet: EtWorksheet | null): string[] => {
    const names: string[] = [];
    for (const ws of allSheets()) {
      if (sheet && ws.Name === sheet.Name) continue;
      const lists = ws.ListObjects;
      for (let i = 1, n = lists.Count; i <= n; i++) names.push(lists.Item(i).Name);
    }
    return names;
  };

  /** Clear a sheet for rewriting: tables, merges, validations, values and formats. */
  const clearSheet = (ws: EtWorksheet) => {
    const lists = ws.ListObjects;
    for (let i = lists.Count; i >= 1; i--) lists.Item(i).Delete();
    const cells = ws.Cells;
    cells.UnMerge();
    cells.Validation.Delete();
    cells.Clear();
  };

  /** A table over a written range; WPS without ListObjects.Add keeps the values as a plain range. */
  const addTable = (ws: EtWorksheet, range: EtRange, name: string): boolean => {
    const lists = ws.ListObjects;
    const add = typeof lists.Add === "function" ? lists.Add : lists._Add;
    try {
      const table = add.call(lists, ET.xlSrcRange, range, undefined, ET.xlYes);
      table.Name = name;
      return true;
    } catch {
      return false;
    }
  };

  /** The list sheet and its next free column, creating the (hidden) sheet when missing. */
  const listColumn = async (): Promise<{ ws: EtWorksheet; col: number }> => {
    const existing = findSheet(LIST_SHEET);
    if (existing) {
      const used = await readWorksheet(existing);
      return { ws: existing, col: used.values.length === 0 ? 1 : used.startCol + used.values[0].length };
    }
    const ws = addSheet(LIST_SHEET);
    ws.Visible = ET.xlSheetHidden;
    return { ws, col: 1 };
  };

  const storageKey = (sheet: string) => `jingxin.highlight.${book().Name}.${sheet}`;

  const savedFor = (sheet: string): Map<string, SavedFill> => {
    let mem = saved.get(sheet);
    if (!mem) {
      const raw = storage?.getItem(storageKey(sheet));
      mem = new Map(raw ? (Object.entries(JSON.parse(raw)) as [string, SavedFill][]) : []);
      saved.set(sheet, mem);
    }
    return mem;
  };

  const persist = (sheet: string, mem: Map<string, SavedFill>) => {
    storage?.setItem(storageKey(sheet), JSON.stringify(Object.fromEntries(mem)));
  };

  const port: WorkbookPort = {
    kind: "wps",
    canChart: true,

    async workbookName() {
      return app.ActiveWorkbook?.Name ?? "";
    },

    async listSheets() {
      return allSheets()
        .map((ws) => ws.Name)
        .filter((n) => n !== LIST_SHEET);
    },

    async activeSheet() {
      if (!app.ActiveWorkbook) return null;
      return app.ActiveSheet?.Name ?? null;
    },

    async readSheet(name) {
      const ws = findSheet(name);
      return ws ? readWorksheet(ws) : null;
    },

    async readSheets(names) {
      const out: (SheetValues | null)[] = [];
      for (const n of names) {
        const ws = findSheet(n);
        out.push(ws ? await readWorksheet(ws) : null);
      }
      return out;
    },

    writeSheet: (sheet, rows, opts: WriteSheetOptions = {}) =>
      quietly(async () => {
        const existing = findSheet(sheet);
        const taken = opts.tableName ? tableNamesExcept(existing) : [];
        let ws: EtWorksheet;
        if (existing) {
          ws = existing;
          clearSheet(ws);
        } else {
          ws = addSheet(sheet);
        }
        const name = ws.Name;
        saved.delete(name);
        storage?.setItem(storageKey(name), "{}");

        const { width } = rectangular(rows);
        const height = rows.length;
        const formats = opts.numberFormats ?? [];
        if (height > 0 && width > 0) {
          // Number formats first, so text columns ("@") receive the strings as text.
          if (height > 1) {
            formats.forEach((fmt, c) => {
              if (fmt && c < width) ws.Range(rangeAddress(2, c + 1, height - 1, 1)).NumberFormat = fmt;
            });
          }
          const grid = rows.map((r) => {
            const line = new Array<string | number | boolean>(width);
            for (let c = 0; c < width; c++) line[c] = wpsCell(r[c], formats[c] === "@");
            return line;
          });
          // Table headers must be unique text; written as the table will show them.
          if (opts.tableName) grid[0] = tableHeaders(rows[0], width).map((h) => protectText(h));
          await writeBlock(ws, 1, 1, grid, width);
          if (opts.tableName) {
            // Excel and WPS need at least one data row under the header.
            addTable(ws, ws.Range(rangeAddress(1, 1, Math.max(2, height), width)), uniqueTableName(opts.tableName, taken));
          }
        }

        const lists = Object.entries(opts.validationLists ?? {});
        let listSheet: { ws: EtWorksheet; col: number } | null = null;
        for (const [key, items] of lists) {
          const c = Number(key) + 1;
          let source = inlineListSource(items);
          if (source === null) {
            // Too long for an inline list: the items go into a hidden sheet of their own.
            listSheet = listSheet ?? (await listColumn());
            const at = listSheet.col++;
            const cells = listSheet.ws.Range(rangeAddress(1, at, items.length, 1));
            cells.NumberFormat = "@";
            cells.Value2 = items.map((i) => [i]);
            source = `=${LIST_SHEET}!${rangeAddress(1, at, items.length, 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
          }
          const target = ws.Range(rangeAddress(2, c, Math.max(1, height - 1), 1)).Validation;
          target.Delete();
          target.Add(ET.xlValidateList, ET.xlValidAlertStop, ET.xlBetween, source);
        }
        for (const [key, source] of Object.entries(opts.validationSources ?? {})) {
          const target = ws.Range(rangeAddress(2, Number(key) + 1, Math.max(1, height - 1), 1)).Validation;
          target.Delete();
          target.Add(ET.xlValidateList, ET.xlValidAlertStop, ET.xlBetween, `=${source}`);
        }
        if (opts.activate) ws.Activate();
      }),

    writeCells: (sheet, updates: CellUpdate[]) =>
      quietly(async () => {
        const ws = sheetOrThrow(sheet);
        for (const u of updates) ws.Range(u.address).Value2 = [[wpsCell(u.value, false)]];
      }),

    appendRows: (sheet, rows, header) =>
      quietly(async () => {
        const ws = findSheet(sheet) ?? addSheet(sheet);
        const used = await readWorksheet(ws);
        let block: WriteValue[][] = rows;
        let row = 1;
        let col = 1;
        if (used.values.length > 0) {
          row = used.startRow + used.values.length;
          col = used.startCol;
        } else if (header && header.length > 0) {
          block = [header, ...rows];
        }
        const { width } = rectangular(block);
        if (block.length === 0 || width === 0) return;
        const grid = block.map((r) => {
          const line = new Array<string | number | boolean>(width);
          for (let c = 0; c < width; c++) line[c] = wpsCell(r[c], false);
          return line;
        });
        await writeBlock(ws, row, col, grid, width);
      }),

    async selectCell(sheet, address) {
      const ws = sheetOrThrow(sheet);
      ws.Activate();
      ws.Range(address).Select();
    },

    async highlight(sheet, addresses, color) {
      const bgr = toBgr(color);
      const ws = sheetOrThrow(sheet);
      const name = ws.Name;
      const mem = savedFor(name);
      for (const a of expandAddresses(addresses)) {
        const interior = ws.Range(a).Interior;
        if (!mem.has(a)) mem.set(a, interior.Pattern === ET.xlNone ? null : { c: Number(interior.Color), p: Number(interior.Pattern) });
        interior.Color = bgr;
      }
      persist(name, mem);
    },

    async clearHighlight(sheet) {
      const ws = findSheet(sheet);
      if (!ws) return;
      const name = ws.Name;
      const mem = savedFor(name);
      for (const [a, prev] of mem) {
        const interior = ws.Range(a).Interior;
        if (prev === null) {
          interior.Pattern = ET.xlNone;
        } else {
          interior.Color = prev.c;
          interior.Pattern = prev.p;
        }
      }
      mem.clear();
      persist(name, mem);
    },

    async upsertChart(sheet, spec: ChartSpec) {
      const ws = sheetOrThrow(sheet);
      const shapes = ws.Shapes;
      for (let i = shapes.Count; i >= 1; i--) {
        const s = shapes.Item(i);
        if (s.Name === spec.name) s.Delete();
      }
      const type = spec.type === "line" ? ET.xlLine : spec.type === "bar" ? ET.xlBarClustered : ET.xlColumnClustered;
      try {
        const anchor = ws.Range(spec.anchor);
        // Shapes.AddChart2 (ChartObjects.Add is reported not to work in WPS); style -1 = default.
        const shape = shapes.AddChart2(-1, type, Number(anchor.Left), Number(anchor.Top), 480, 288);
        shape.Name = spec.name;
        const chart = shape.Chart;
        chart.SetSourceData(ws.Range(spec.dataRange), ET.xlColumns);
        chart.HasTitle = true;
        chart.ChartTitle.Text = spec.title;
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`WPS 未能在“${ws.Name}”创建图表“${spec.title}”，表中数据已写入 (WPS could not create the chart ${spec.title} on ${ws.Name}; the data is written): ${why}`);
      }
    },
  };
  return port;
}
