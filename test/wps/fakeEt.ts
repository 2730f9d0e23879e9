/**
 * A small in-memory WPS 表格 behind the ET object model, for the WPS adapter's tests. It
 * implements only the members in src/wps/et.ts (picked from et-jsapi-declare), and is strict
 * where WPS is, or is reported to be:
 *  - synchronous; indices are 1-based (`Sheets.Item(0)` and past `Count` throw);
 *  - a worksheet object whose sheet is gone throws on every property read, and
 *    `Sheets.Item(name)` is refused (the adapter looks sheets up by index);
 *  - `Range.Value2` is a bare value for one cell, a 2-D array for several (empty → undefined);
 *    an assigned array must have the range's shape;
 *  - text written to `Value2` is parsed like typed input: "00123" → 123, "TRUE" → true, "=…",
 *    "+…", "-…" (not a number) and "@…" → a formula, unless protected by a leading apostrophe
 *    or the cell's format is "@";
 *  - colours are BGR numbers; a cell without fill reads Color 16777215 (white) with Pattern
 *    xlNone; `UsedRange` also counts cells that only have a format;
 *  - `ListObjects` has only `_Add` (as in the typings); `Sheets.Add` may return null (option).
 */
import { ET, EtApplication, EtChart, EtInterior, EtListObject, EtListObjects, EtRange, EtShape, EtShapes, EtSheets, EtValidation, EtWorkbook, EtWorksheet } from "../../src/wps/et";
import { cellAddress, parseAddress } from "../../src/workbook/port";

export type Value = string | number | boolean;

export const WHITE = 0xffffff;

export interface FakeCell {
  value?: Value;
  formula?: string;
  numberFormat?: string;
  color: number;
  pattern: number;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  visible: number;
  validations: { address: string; formula1: string }[];
  tables: { name: string; address: string }[];
  charts: { name: string; type: number; range: string; title: string; left: number; top: number }[];
  merged: boolean;
}

export interface FakeBook {
  name: string;
  sheets: FakeSheet[];
  active: string;
  selected: string | null;
}

export interface FakeEtOptions {
  /** `Sheets.Add` returns null (reported of some WPS versions); the new sheet is active. */
  addReturnsNull?: boolean;
  /** No workbook open. */
  noWorkbook?: boolean;
}

const key = (r: number, c: number) => `${r},${c}`;

export function newSheet(name: string, rows: Value[][] = [], at = { row: 1, col: 1 }): FakeSheet {
  const s: FakeSheet = { name, cells: new Map(), visible: ET.xlSheetVisible, validations: [], tables: [], charts: [], merged: false };
  rows.forEach((line, i) => line.forEach((v, j) => v !== "" && s.cells.set(key(at.row + i, at.col + j), { value: v, color: WHITE, pattern: ET.xlNone })));
  return s;
}

export function newBook(sheets: FakeSheet[]): FakeBook {
  return { name: "测试.xlsx", sheets, active: sheets[0]?.name ?? "", selected: null };
}

export function cellOf(s: FakeSheet, address: string): FakeCell | undefined {
  const { row, col } = parseAddress(address);
  return s.cells.get(key(row, col));
}

function parseRange(a: string): { r0: number; c0: number; nr: number; nc: number } {
  const [p, q] = a.split(":");
  const tl = parseAddress(p);
  const br = q ? parseAddress(q) : tl;
  return { r0: Math.min(tl.row, br.row), c0: Math.min(tl.col, br.col), nr: Math.abs(br.row - tl.row) + 1, nc: Math.abs(br.col - tl.col) + 1 };
}

/** What typing `x` into a cell stores. */
function typed(x: unknown, cell: FakeCell): void {
  cell.formula = undefined;
  if (x === undefined || x === null || x === "") {
    cell.value = undefined;
  } else if (typeof x !== "string") {
    cell.value = x as Value;
  } else if (x.startsWith("'")) {
    cell.value = x.slice(1);
  } else if (cell.numberFormat === "@") {
    cell.value = x;
  } else if (/^-?\d+(\.\d+)?$/.test(x)) {
    cell.value = Number(x);
  } else if (/^[=+\-@]./.test(x)) {
    // "=…", and like typed input "+…", "-…" (not a plain number) and "@…", is a formula.
    cell.formula = x.startsWith("=") ? x : `=${x.replace(/^@/, "")}`;
    cell.value = undefined; // not computed by the fake
  } else if (/^(true|false)$/i.test(x)) {
    cell.value = x.toUpperCase() === "TRUE";
  } else {
    cell.value = x;
  }
}

export class FakeEt implements EtApplication {
  ScreenUpdating = true;
  /** Every property read or method call on the object model (WPS round trips). */
  calls = 0;
  private sheetObjects = new WeakMap<FakeSheet, Worksheet>();

  constructor(
    public book: FakeBook,
    public options: FakeEtOptions = {},
  ) {}

  get ActiveWorkbook(): EtWorkbook | null {
    this.calls++;
    return this.options.noWorkbook ? null : new Workbook(this);
  }

  get ActiveSheet(): EtWorksheet | null {
    this.calls++;
    if (this.options.noWorkbook) return null;
    const s = this.book.sheets.find((x) => x.name === this.book.active);
    return s ? this.sheet(s) : null;
  }

  sheet(s: FakeSheet): Worksheet {
    let ws = this.sheetObjects.get(s);
    if (!ws) this.sheetObjects.set(s, (ws = new Worksheet(this, s)));
    return ws;
  }

  /** The fake sheet named exactly so (tests). */
  named(name: string): FakeSheet {
    const s = this.book.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }
}

class Workbook implements EtWorkbook {
  constructor(private app: FakeEt) {}
  get Name(): string {
    this.app.calls++;
    return this.app.book.name;
  }
  set Name(_v: string) {
    throw new Error("fake: Workbook.Name is read-only here");
  }
  get Sheets(): EtSheets {
    return new Sheets(this.app);
  }
}

class Sheets implements EtSheets {
  constructor(private app: FakeEt) {}
  get Count(): number {
    this.app.calls++;
    return this.app.book.sheets.length;
  }
  Item(index: number): EtWorksheet {
    this.app.calls++;
    if (typeof index !== "number") throw new Error("fake: Sheets.Item is called with a 1-based index here, not a name");
    const s = this.app.book.sheets[index - 1];
    if (!Number.isInteger(index) || index < 1 || !s) throw new Error(`下标越界 (Sheets.Item(${index}) of ${this.app.book.sheets.length} sheets)`);
    return this.app.sheet(s);
  }
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet | null {
    this.app.calls++;
    const book = this.app.book;
    let n = book.sheets.length + 1;
    while (book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const s = newSheet(`Sheet${n}`);
    const anchor = (After ?? Before) as Worksheet | undefined;
    const at = anchor ? book.sheets.indexOf(anchor.fake()) + (After ? 1 : 0) : 0;
    book.sheets.splice(at, 0, s);
    book.active = s.name; // like Excel, the new sheet becomes the active one
    return this.app.options.addReturnsNull ? null : this.app.sheet(s);
  }
}

class Worksheet implements EtWorksheet {
  constructor(
    private app: FakeEt,
    private s: FakeSheet,
  ) {}

  /** The sheet behind this object; throws like WPS when it was deleted. */
  fake(): FakeSheet {
    this.app.calls++;
    if (!this.app.book.sheets.includes(this.s)) throw new Error("fake: the worksheet object refers to a sheet that no longer exists");
    return this.s;
  }

  get Name(): string {
    return this.fake().name;
  }
  set Name(v: string) {
    const s = this.fake();
    if (this.app.book.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new Error(`fake: a sheet named ${v} exists`);
    if (this.app.book.active === s.name) this.app.book.active = v;
    s.name = v;
  }
  get Visible(): Et.XlSheetVisibility {
    return this.fake().visible as Et.XlSheetVisibility;
  }
  set Visible(v: Et.XlSheetVisibility) {
    this.fake().visible = v as number;
  }
  Activate(): void {
    this.app.book.active = this.fake().name;
  }
  get UsedRange(): EtRange {
    const s = this.fake();
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = 0;
    let c1 = 0;
    for (const [k, cell] of s.cells) {
      const used = cell.value !== undefined || cell.formula !== undefined || cell.pattern !== ET.xlNone || cell.numberFormat !== undefined;
      if (!used) continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    // An empty sheet's used range is A1.
    return r1 === 0 ? new Range(this.app, this, 1, 1, 1, 1) : new Range(this.app, this, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  get Cells(): EtRange {
    this.fake();
    return new Range(this.app, this, 1, 1, 1048576, 16384);
  }
  Range(cell1: string): EtRange {
    this.fake();
    const { r0, c0, nr, nc } = parseRange(cell1);
    return new Range(this.app, this, r0, c0, nr, nc);
  }
  get ListObjects(): EtListObjects {
    return new ListObjects(this.app, this);
  }
  get Shapes(): EtShapes {
    return new Shapes(this.app, this);
  }
}

class Range implements EtRange {
  constructor(
    private app: FakeEt,
    private ws: Worksheet,
    readonly r0: number,
    readonly c0: number,
    readonly nr: number,
    readonly nc: number,
  ) {}

  get address(): string {
    const tl = cellAddress(this.r0, this.c0);
    return this.nr === 1 && this.nc === 1 ? tl : `${tl}:${cellAddress(this.r0 + this.nr - 1, this.c0 + this.nc - 1)}`;
  }
  private whole(): boolean {
    return this.nr === 1048576 && this.nc === 16384;
  }
  private cell(r: number, c: number, create = true): FakeCell | undefined {
    const s = this.ws.fake();
    let x = s.cells.get(key(r, c));
    if (!x && create) s.cells.set(key(r, c), (x = { color: WHITE, pattern: ET.xlNone }));
    return x;
  }
  private each(fn: (r: number, c: number) => void): void {
    for (let r = this.r0; r < this.r0 + this.nr; r++) for (let c = this.c0; c < this.c0 + this.nc; c++) fn(r, c);
  }

  get Row(): number {
    this.app.calls++;
    return this.r0;
  }
  get Column(): number {
    this.app.calls++;
    return this.c0;
  }
  get Rows(): Pick<Et.Range, "Count"> {
    this.app.calls++;
    return { Count: this.nr };
  }
  get Columns(): Pick<Et.Range, "Count"> {
    this.app.calls++;
    return { Count: this.nc };
  }
  get Left(): number {
    return (this.c0 - 1) * 54;
  }
  get Top(): number {
    return (this.r0 - 1) * 13.5;
  }

  get Value2(): string | unknown[] {
    if (this.whole()) throw new Error("fake: Value2 of the whole sheet is not modelled");
    const s = this.ws.fake();
    const at = (r: number, c: number) => s.cells.get(key(r, c))?.value;
    if (this.nr === 1 && this.nc === 1) return at(this.r0, this.c0) as string;
    const out: unknown[][] = [];
    for (let r = 0; r < this.nr; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < this.nc; c++) line.push(at(this.r0 + r, this.c0 + c));
      out.push(line);
    }
    return out;
  }
  set Value2(v: string | unknown[]) {
    this.ws.fake();
    const single = this.nr === 1 && this.nc === 1;
    let grid: unknown[][];
    if (Array.isArray(v)) {
      grid = v as unknown[][];
      if (grid.length !== this.nr || grid.some((line) => !Array.isArray(line) || line.length !== this.nc)) {
        throw new Error(`fake: Value2 of ${this.address} must be ${this.nr}×${this.nc}`);
      }
    } else if (single) {
      grid = [[v]];
    } else {
      throw new Error(`fake: a single value assigned to the ${this.nr}×${this.nc} range ${this.address}`);
    }
    this.each((r, c) => typed(grid[r - this.r0][c - this.c0], this.cell(r, c)!));
  }
  get Formula(): string {
    return this.cell(this.r0, this.c0, false)?.formula ?? "";
  }
  set Formula(v: string) {
    this.each((r, c) => typed(v, this.cell(r, c)!));
  }
  get NumberFormat(): string {
    return this.cell(this.r0, this.c0, false)?.numberFormat ?? "General";
  }
  set NumberFormat(v: string) {
    this.ws.fake();
    this.each((r, c) => (this.cell(r, c)!.numberFormat = v));
  }
  get Interior(): EtInterior {
    if (this.nr !== 1 || this.nc !== 1) throw new Error("fake: Interior is modelled for single cells only");
    const cell = () => this.cell(this.r0, this.c0)!;
    const app = this.app;
    return {
      get Color() {
        app.calls++;
        return cell().color;
      },
      set Color(v: number) {
        app.calls++;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0xffffff) throw new Error(`fake: Interior.Color takes a BGR number, not ${String(v)}`);
        cell().color = v;
        if (cell().pattern === ET.xlNone) cell().pattern = ET.xlSolid;
      },
      get Pattern() {
        app.calls++;
        return cell().pattern;
      },
      set Pattern(v: number) {
        app.calls++;
        cell().pattern = v;
        if (v === ET.xlNone) cell().color = WHITE;
      },
    };
  }
  get Validation(): EtValidation {
    const s = () => this.ws.fake();
    const address = this.whole() ? null : this.address;
    return {
      Add: (type: number, _alert?: number, _op?: number, formula1?: string) => {
        if (type !== ET.xlValidateList) throw new Error(`fake: validation type ${type} not modelled`);
        if (s().validations.some((x) => x.address === address)) throw new Error(`fake: ${address} already has a validation (Delete it first)`);
        s().validations.push({ address: address!, formula1: String(formula1) });
      },
      Delete: () => {
        s().validations = address === null ? [] : s().validations.filter((x) => x.address !== address);
      },
    };
  }
  Select(): boolean {
    this.app.book.selected = `${this.ws.fake().name}!${this.address}`;
    return true;
  }
  Clear(): boolean {
    const s = this.ws.fake();
    if (this.whole()) s.cells.clear();
    else this.each((r, c) => s.cells.delete(key(r, c)));
    return true;
  }
  UnMerge(): void {
    this.ws.fake().merged = false;
  }
}

class ListObjects implements EtListObjects {
  constructor(
    private app: FakeEt,
    private ws: Worksheet,
  ) {}
  get Count(): number {
    return this.ws.fake().tables.length;
  }
  Item(index: number): EtListObject {
    const s = this.ws.fake();
    const t = s.tables[index - 1];
    if (!t) throw new Error(`下标越界 (ListObjects.Item(${index}))`);
    return {
      get Name() {
        return t.name;
      },
      set Name(v: string) {
        t.name = v;
      },
      Delete: () => {
        s.tables = s.tables.filter((x) => x !== t);
      },
    };
  }
  _Add(SourceType?: number, Source?: EtRange, _link?: unknown, headers?: number): EtListObject {
    if (SourceType !== ET.xlSrcRange || !(Source instanceof Range) || headers !== ET.xlYes) throw new Error("fake: ListObjects._Add(xlSrcRange, range, , xlYes) only");
    const s = this.ws.fake();
    const book = this.app.book;
    const t = { name: `表${s.tables.length + 1}`, address: Source.address };
    s.tables.push(t);
    const taken = () => book.sheets.flatMap((x) => x.tables).filter((x) => x !== t);
    return {
      get Name() {
        return t.name;
      },
      set Name(v: string) {
        if (taken().some((x) => x.name.toLowerCase() === v.toLowerCase())) throw new Error(`fake: table name ${v} taken`);
        t.name = v;
      },
      Delete: () => {
        s.tables = s.tables.filter((x) => x !== t);
      },
    };
  }
}

class Shapes implements EtShapes {
  constructor(
    private app: FakeEt,
    private ws: Worksheet,
  ) {}
  get Count(): number {
    return this.ws.fake().charts.length;
  }
  private shape(c: FakeSheet["charts"][number]): EtShape {
    const s = this.ws.fake();
    const chart: EtChart = {
      SetSourceData: (src: EtRange) => {
        if (!(src instanceof Range)) throw new Error("fake: SetSourceData takes a Range");
        c.range = src.address;
      },
      get HasTitle() {
        return c.title !== "";
      },
      set HasTitle(_v: boolean) {},
      ChartTitle: {
        get Text() {
          return c.title;
        },
        set Text(v: string) {
          c.title = v;
        },
      },
    };
    return {
      get Name() {
        return c.name;
      },
      set Name(v: string) {
        c.name = v;
      },
      Delete: () => {
        s.charts = s.charts.filter((x) => x !== c);
      },
      Chart: chart,
    };
  }
  Item(index: number): EtShape {
    const c = this.ws.fake().charts[index - 1];
    if (!c) throw new Error(`下标越界 (Shapes.Item(${index}))`);
    return this.shape(c);
  }
  AddChart2(_style?: number, type?: number, left?: number, top?: number): EtShape {
    const s = this.ws.fake();
    const c = { name: `图表 ${s.charts.length + 1}`, type: Number(type), range: "", title: "", left: Number(left), top: Number(top) };
    s.charts.push(c);
    return this.shape(c);
  }
}
