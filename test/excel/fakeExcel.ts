/**
 * A small in-memory Excel behind an Office.js-shaped request context, for the Office adapter's
 * tests. It keeps the two rules that matter:
 *  - commands are queued and run at `context.sync()` (in order); a property that was not loaded
 *    and synced reads as "Error, property was not loaded" (office-addin-mock's wording);
 *  - every round trip is counted.
 * The used range (the read path) is an office-addin-mock `OfficeMockObject`; collections,
 * writes and formats are plain objects (office-addin-mock does not model collections).
 */
import { OfficeMockObject } from "office-addin-mock";

export const NOT_LOADED = "Error, property was not loaded";

export type Value = string | number | boolean;

export interface FakeCell {
  value: Value;
  formula?: string;
  numberFormat?: string;
  /** null = no fill */
  fill: string | null;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  visibility: string;
  validations: { address: string; source: string }[];
  charts: { name: string; type: string; range: string; title: string; anchor: string }[];
  merged: boolean;
}

export interface FakeBook {
  name: string;
  sheets: FakeSheet[];
  tables: { name: string; sheet: string; address: string }[];
  /** Workbook settings (Excel.SettingCollection): stored with the document. */
  settings?: Record<string, unknown>;
  active: string;
  selected: string | null;
}

export interface FakeOptions {
  /** Used ranges with more cells come back with values null (Excel's ~5M-cell behaviour). */
  nullValuesAbove?: number;
  /**
   * A sync that reads or writes more cells than this fails with RequestPayloadSizeLimitExceeded
   * (Excel on the web: 5 MB per request and per response). Default 500 000 cells.
   */
  payloadLimitCells?: number;
}

/** The cell budget standing in for Excel's 5 MB request limit, unless a test sets its own. */
export const DEFAULT_PAYLOAD_LIMIT_CELLS = 500_000;

/**
 * Why Excel would refuse this formula (the text after "="), or null when it parses: an empty
 * formula, unbalanced parentheses or quotes, a trailing operator, or a character no formula
 * has outside a string (full-width punctuation such as “：”, “，”, “（”).
 */
export function formulaProblem(formula: string): string | null {
  const f = formula.slice(1);
  if (f.trim() === "") return "empty formula";
  let depth = 0;
  let i = 0;
  let last = "";
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      const end = f.indexOf(ch, i + 1);
      if (end < 0) return `unclosed ${ch}`;
      i = end + 1;
      // "" inside a string is an escaped quote: the loop reopens it
      last = ch;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return "unbalanced )";
    else if (!/[\p{L}\p{N}\s+\-*/^&=<>(),.:;!$%{}[\]#_\\@?|~]/u.test(ch)) return `unexpected character ${ch}`;
    if (!/\s/.test(ch)) last = ch;
    i++;
  }
  if (depth !== 0) return "unbalanced (";
  if (/[+\-*/^&=<>,(:]/.test(last)) return `ends with ${last}`;
  return null;
}

const key = (r: number, c: number) => `${r},${c}`;

export function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseCell(a: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new Error(`bad address ${a}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

export function addr(r: number, c: number, nr = 1, nc = 1): string {
  const tl = `${colLetters(c)}${r + 1}`;
  return nr === 1 && nc === 1 ? tl : `${tl}:${colLetters(c + nc - 1)}${r + nr}`;
}

export function newSheet(name: string, rows: Value[][] = [], at = { r: 0, c: 0 }): FakeSheet {
  const s: FakeSheet = { name, cells: new Map(), visibility: "Visible", validations: [], charts: [], merged: false };
  rows.forEach((row, i) => row.forEach((v, j) => v !== "" && s.cells.set(key(at.r + i, at.c + j), { value: v, fill: null })));
  return s;
}

export function newBook(sheets: FakeSheet[]): FakeBook {
  return { name: "测试.xlsx", sheets, tables: [], active: sheets[0]?.name ?? "", selected: null };
}

export function cellOf(sheet: FakeSheet, a: string): FakeCell | undefined {
  const { r, c } = parseCell(a);
  return sheet.cells.get(key(r, c));
}

function usedBox(s: FakeSheet): { r0: number; c0: number; r1: number; c1: number } | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [k, cell] of s.cells) {
    if (cell.value === "" && !cell.formula) continue;
    const [r, c] = k.split(",").map(Number);
    if (r < r0) r0 = r;
    if (c < c0) c0 = c;
    if (r > r1) r1 = r;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

function grid(s: FakeSheet, r0: number, c0: number, nr: number, nc: number): Value[][] {
  const out: Value[][] = [];
  for (let r = 0; r < nr; r++) {
    const line: Value[] = [];
    for (let c = 0; c < nc; c++) line.push(s.cells.get(key(r0 + r, c0 + c))?.value ?? "");
    out.push(line);
  }
  return out;
}

class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A request context over a FakeBook; `syncs` counts round trips, `calls` records API calls. */
export function fakeContext(book: FakeBook, opts: FakeOptions = {}) {
  let queue: (() => void)[] = [];
  let mocks: OfficeMockObject[] = [];
  let pendingCells = 0;
  /** An error Excel raises for the whole batch at the next sync (an unparsable formula). */
  let pendingFailure: OfficeError | null = null;
  /** What becomes readable after the next sync (isNullObject of the *OrNullObject proxies). */
  let onSynced: (() => void)[] = [];
  const calls: string[] = [];
  const state = { syncs: 0 };

  const sheetNamed = (name: string): FakeSheet => {
    const s = book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return s;
  };

  /** `isNullObject` of a *OrNullObject proxy: Excel sets it at the sync; reading it earlier throws. */
  function nullAfterSync(target: object, isNull: boolean | (() => boolean)) {
    let value: boolean | null = null;
    Object.defineProperty(target, "isNullObject", {
      get: () => {
        if (value === null) throw new OfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available before context.sync().");
        return value;
      },
      configurable: true,
    });
    onSynced.push(() => (value = typeof isNull === "function" ? isNull() : isNull));
  }

  /** A proxy property: NOT_LOADED until loaded and synced. */
  function loadable<T extends object>(target: T, props: Record<string, () => unknown>) {
    for (const p of Object.keys(props)) (target as Record<string, unknown>)[p] = NOT_LOADED;
    return (what?: string | string[]) => {
      const names = what === undefined ? Object.keys(props) : (Array.isArray(what) ? what : what.split(",")).map((x) => x.trim());
      queue.push(() => {
        for (const n of names) {
          if (!(n in props)) throw new Error(`fake: cannot load ${n}`);
          (target as Record<string, unknown>)[n] = props[n]();
        }
      });
      return target;
    };
  }

  function fillProxy(getSheet: () => FakeSheet, a: string) {
    const cell = () => {
      const s = getSheet();
      const { r, c } = parseCell(a);
      let x = s.cells.get(key(r, c));
      if (!x) s.cells.set(key(r, c), (x = { value: "", fill: null }));
      return x;
    };
    let color: unknown = NOT_LOADED;
    const f: Record<string, unknown> = { pattern: NOT_LOADED };
    Object.defineProperty(f, "color", {
      get: () => color,
      set: (v: string) => {
        color = v;
        calls.push(`fill.color ${a} ${v}`);
        queue.push(() => (cell().fill = v));
      },
    });
    f.load = (what = "color,pattern") => {
      const names = what.split(",").map((x) => x.trim());
      queue.push(() => {
        for (const n of names) {
          // Excel reports white for a cell without fill; the pattern tells them apart.
          if (n === "color") color = cell().fill ?? "#FFFFFF";
          else if (n === "pattern") f.pattern = cell().fill === null ? "None" : "Solid";
          else throw new Error(`fake: cannot load fill.${n}`);
        }
      });
      return f;
    };
    f.clear = () => {
      calls.push(`fill.clear ${a}`);
      queue.push(() => (cell().fill = null));
    };
    return f;
  }

  /** The first function name of a formula that is not ASCII (outside string literals), or null. */
  function localizedName(f: string): string | null {
    const code = f.replace(/"(?:[^"]|"")*"/g, '""');
    for (const m of code.matchAll(/([A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)\s*\(/g)) if ([...m[1]].some((ch) => ch.charCodeAt(0) > 127)) return m[1];
    return null;
  }

  function rangeProxy(getSheet: () => FakeSheet, r0: number | null, c0: number, nr: number, nc: number, label: string) {
    const whole = r0 === null;
    const rg: Record<string, unknown> = {};
    const forEachCell = (fn: (s: FakeSheet, r: number, c: number) => void) => {
      const s = getSheet();
      for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) fn(s, (r0 ?? 0) + r, c0 + c);
    };
    const setGrid = (what: "values" | "formulas" | "numberFormat", v: unknown[][]) => {
      if (!Array.isArray(v) || v.length !== nr || v.some((line) => !Array.isArray(line) || line.length !== nc)) {
        throw new Error(`fake: ${what} of ${label} must be ${nr}×${nc}`);
      }
      if (what === "formulas") {
        // `range.formulas` is Excel's English (invariant) formula language: a localized function
        // name (=JX.亩均税收(…)) belongs to `formulasLocal`, and Excel fails the batch.
        for (const line of v) for (const x of line) if (typeof x === "string" && x.startsWith("=")) {
          const local = localizedName(x);
          if (local) throw Object.assign(new Error(`fake: ${label}: "${local}" is not a function name of the invariant formula language (use formulasLocal)`), { code: "InvalidArgument" });
        }
      }
      calls.push(`${what} ${label}`);
      pendingCells += nr * nc;
      if (what !== "numberFormat") {
        for (const line of v) {
          for (const x of line) {
            const problem = typeof x === "string" && x.startsWith("=") && x.length > 1 ? formulaProblem(x) : null;
            if (problem) pendingFailure ??= new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${label}: ${JSON.stringify(x)}: ${problem})`);
          }
        }
      }
      queue.push(() =>
        forEachCell((s, r, c) => {
          const x = v[r - (r0 ?? 0)][c - c0] as Value;
          let cell = s.cells.get(key(r, c));
          if (!cell) s.cells.set(key(r, c), (cell = { value: "", fill: null }));
          if (what === "numberFormat") cell.numberFormat = String(x);
          else if (typeof x === "string" && x.startsWith("=") && x.length > 1 && cell.numberFormat !== "@") {
            cell.formula = x;
            cell.value = "";
          } else if (typeof x === "string" && x.startsWith("'")) {
            cell.formula = undefined;
            cell.value = x.slice(1);
          } else if (typeof x === "string" && cell.numberFormat !== "@" && /^-?\d+(\.\d+)?$/.test(x)) {
            // Excel's typed-input parsing: an unprotected numeric string becomes a number.
            cell.formula = undefined;
            cell.value = Number(x);
          } else {
            cell.formula = undefined;
            cell.value = x;
          }
        }),
      );
    };
    for (const p of ["values", "formulas", "numberFormat"] as const) {
      let stored: unknown = NOT_LOADED;
      Object.defineProperty(rg, p, {
        get: () => stored,
        set: (v: unknown[][]) => setGrid(p, v),
        configurable: true,
      });
      if (p === "values") {
        rg.load = (what: string) => {
          if (what !== "values") throw new Error(`fake: range.load(${what}) not modelled`);
          pendingCells += nr * nc;
          queue.push(() => (stored = grid(getSheet(), r0 ?? 0, c0, nr, nc)));
          return rg;
        };
      }
    }
    rg.format = { fill: whole ? null : fillProxy(getSheet, addr(r0!, c0)) };
    rg.dataValidation = {
      clear: () => {
        calls.push(`dataValidation.clear ${label}`);
        queue.push(() => {
          const s = getSheet();
          s.validations = whole ? [] : s.validations.filter((v) => v.address !== label);
        });
      },
      set rule(rule: { list: { source: string } }) {
        calls.push(`dataValidation.rule ${label}`);
        queue.push(() => getSheet().validations.push({ address: label, source: rule.list.source }));
      },
    };
    rg.conditionalFormats = { clearAll: () => calls.push(`conditionalFormats.clearAll ${label}`) };
    rg.unmerge = () => {
      calls.push(`unmerge ${label}`);
      queue.push(() => (getSheet().merged = false));
    };
    rg.clear = (applyTo: string) => {
      calls.push(`clear(${applyTo}) ${label}`);
      queue.push(() => {
        if (whole) getSheet().cells.clear();
        else forEachCell((s, r, c) => s.cells.delete(key(r, c)));
      });
    };
    rg.select = () => {
      calls.push(`select ${label}`);
      queue.push(() => (book.selected = `${getSheet().name}!${label}`));
    };
    rg.__address = label;
    return rg;
  }

  function usedRangeMock(getSheet: () => FakeSheet) {
    // Built when requested; the read path never writes in the same batch.
    const s = getSheet();
    const box = usedBox(s);
    if (!box) {
      const m = new OfficeMockObject({ values: [], rowIndex: 0, columnIndex: 0, address: "", rowCount: 0, columnCount: 0 });
      nullAfterSync(m, true);
      return m;
    }
    const nr = box.r1 - box.r0 + 1;
    const nc = box.c1 - box.c0 + 1;
    const big = opts.nullValuesAbove !== undefined && nr * nc > opts.nullValuesAbove;
    const m = new OfficeMockObject({
      rowIndex: box.r0,
      columnIndex: box.c0,
      address: `${s.name}!${addr(box.r0, box.c0, nr, nc)}`,
      rowCount: nr,
      columnCount: nc,
    });
    (m as unknown as { setValue(n: string, v: unknown): void }).setValue("values", big ? null : grid(s, box.r0, box.c0, nr, nc));
    nullAfterSync(m, false);
    const load = m.load.bind(m);
    (m as unknown as { load: (p: string) => unknown }).load = (p: string) => {
      if (/values/.test(p)) pendingCells += nr * nc;
      return load(p);
    };
    mocks.push(m);
    return m;
  }

  function sheetProxy(name: string | (() => FakeSheet)) {
    const get = typeof name === "string" ? () => sheetNamed(name) : name;
    const ws: Record<string, unknown> = {};
    ws.load = loadable(ws, { name: () => get().name });
    ws.activate = () => {
      calls.push("activate");
      queue.push(() => (book.active = get().name));
    };
    ws.getRange = (a?: string) => {
      if (a === undefined) return rangeProxy(get, null, 0, 0, 0, "(all)");
      const [p, q] = a.split(":");
      const tl = parseCell(p);
      const br = q ? parseCell(q) : tl;
      return rangeProxy(get, tl.r, tl.c, br.r - tl.r + 1, br.c - tl.c + 1, addr(tl.r, tl.c, br.r - tl.r + 1, br.c - tl.c + 1));
    };
    ws.getRangeByIndexes = (r: number, c: number, nr: number, nc: number) => rangeProxy(get, r, c, nr, nc, addr(r, c, nr, nc));
    ws.getUsedRangeOrNullObject = (valuesOnly?: boolean) => {
      if (valuesOnly !== true) throw new Error("fake: expected getUsedRangeOrNullObject(true)");
      // Resolving the sheet now mirrors Excel failing the batch for a missing sheet.
      try {
        return usedRangeMock(get);
      } catch (e) {
        queue.push(() => {
          throw e;
        });
        return new OfficeMockObject({ rowIndex: 0, columnIndex: 0, rowCount: 0 });
      }
    };
    Object.defineProperty(ws, "visibility", {
      set: (v: string) => queue.push(() => (get().visibility = v)),
      get: () => NOT_LOADED,
    });
    const tables = {
      add: (range: { __address: string }, hasHeaders: boolean) => {
        calls.push(`tables.add ${range.__address} ${hasHeaders}`);
        const t = { name: "" as string };
        let assigned = "";
        Object.defineProperty(t, "name", { set: (v: string) => (assigned = v), get: () => assigned });
        queue.push(() => {
          const n = assigned || `表${book.tables.length + 1}`;
          if (book.tables.some((x) => x.name.toLowerCase() === n.toLowerCase())) throw new OfficeError("InvalidArgument", `table name ${n} taken`);
          book.tables.push({ name: n, sheet: get().name, address: range.__address });
        });
        return t;
      },
    };
    ws.tables = tables;
    const charts: Record<string, unknown> = { items: NOT_LOADED };
    charts.load = (p: string) => {
      if (p !== "items/name") throw new Error(`fake: charts.load(${p})`);
      queue.push(() => {
        charts.items = get().charts.map((c) => ({
          name: c.name,
          delete: () => {
            calls.push(`chart.delete ${c.name}`);
            queue.push(() => (get().charts = get().charts.filter((x) => x !== c)));
          },
        }));
      });
    };
    charts.add = (type: string, range: { __address: string }, seriesBy: string) => {
      calls.push(`charts.add ${type} ${range.__address} ${seriesBy}`);
      const chart = { type, range: range.__address, name: "", title: "", anchor: "" };
      queue.push(() => get().charts.push(chart));
      return {
        set name(v: string) {
          chart.name = v;
        },
        title: {
          set text(v: string) {
            chart.title = v;
          },
        },
        setPosition: (a: string) => (chart.anchor = a),
      };
    };
    ws.charts = charts;
    return ws;
  }

  const worksheets: Record<string, unknown> = { items: NOT_LOADED };
  worksheets.load = (p: string) => {
    if (p !== "items/name") throw new Error(`fake: worksheets.load(${p})`);
    queue.push(() => (worksheets.items = book.sheets.map((s) => ({ name: s.name }))));
  };
  worksheets.getItem = (name: string) => sheetProxy(name);
  worksheets.getActiveWorksheet = () => sheetProxy(() => sheetNamed(book.active));
  worksheets.add = (name: string) => {
    calls.push(`worksheets.add ${name}`);
    queue.push(() => {
      if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", name);
      book.sheets.push(newSheet(name));
    });
    return sheetProxy(name);
  };

  const tables: Record<string, unknown> = { items: NOT_LOADED };
  tables.load = (p: string) => {
    if (p.replace(/\s/g, "") !== "items/name,items/worksheet/name") throw new Error(`fake: tables.load(${p})`);
    queue.push(() => {
      tables.items = book.tables.map((t) => ({
        name: t.name,
        worksheet: { name: t.sheet },
        delete: () => {
          calls.push(`table.delete ${t.name}`);
          queue.push(() => (book.tables = book.tables.filter((x) => x !== t)));
        },
      }));
    });
  };

  tables.getItem = (name: string) => ({
    delete: () => {
      calls.push(`table.delete ${name}`);
      queue.push(() => {
        const t = book.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new OfficeError("ItemNotFound", `table ${name}`);
        book.tables = book.tables.filter((x) => x !== t);
      });
    },
  });

  const settings = {
    add: (key: string, value: unknown) => {
      calls.push(`settings.add ${key}`);
      queue.push(() => (book.settings = { ...book.settings, [key]: JSON.parse(JSON.stringify(value)) }));
    },
    getItemOrNullObject: (key: string) => {
      const item: Record<string, unknown> = { value: NOT_LOADED };
      nullAfterSync(item, () => !(!!book.settings && key in book.settings));
      item.load = () => {
        queue.push(() => {
          const has = !!book.settings && key in book.settings;
          item.value = has ? JSON.parse(JSON.stringify(book.settings![key])) : null;
        });
        return item;
      };
      return item;
    },
  };

  const workbook: Record<string, unknown> = { worksheets, tables, settings };
  workbook.load = loadable(workbook, { name: () => book.name });

  const context = {
    workbook,
    application: {
      suspendApiCalculationUntilNextSync: () => calls.push("suspendApiCalculationUntilNextSync"),
      suspendScreenUpdatingUntilNextSync: () => calls.push("suspendScreenUpdatingUntilNextSync"),
    },
    async sync() {
      state.syncs++;
      const ops = queue;
      const ms = mocks;
      const cells = pendingCells;
      const failure = pendingFailure;
      const synced = onSynced;
      queue = [];
      mocks = [];
      pendingCells = 0;
      pendingFailure = null;
      onSynced = [];
      if (cells > (opts.payloadLimitCells ?? DEFAULT_PAYLOAD_LIMIT_CELLS)) {
        throw new OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      }
      if (failure) throw failure;
      for (const op of ops) op();
      for (const f of synced) f();
      await Promise.all(ms.map((m) => m.sync()));
      // office-addin-mock updates loaded properties a few microtasks after sync() resolves.
      await new Promise((r) => setImmediate(r));
    },
  };
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => batch(context as unknown as Excel.RequestContext);
  return { context, run, calls, state };
}
