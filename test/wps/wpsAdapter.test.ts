/**
 * What is specific to the WPS adapter (the shared behaviour is the port contract,
 * test/workbook/contract): chunked reads and writes that yield to WPS, BGR colours, WPS quirks
 * (Sheets.Add returning null, no open workbook), screen updating, charts, saved fills in
 * PluginStorage. All on the ET fake — nothing here ran in a real WPS.
 */
import { createWpsPort, WpsPortOptions } from "../../src/wps/wpsAdapter";
import { ET } from "../../src/wps/et";
import { FakeEt, FakeEtOptions, FakeBook, newBook, newSheet, cellOf, Value, WHITE } from "./fakeEt";

function table(rows: number): Value[][] {
  const out: Value[][] = [["企业名称", "产值", "增速"]];
  for (let i = 1; i <= rows; i++) out.push([`企业${i}`, i * 10, i / 100]);
  return out;
}

function setup(book: FakeBook, fake: FakeEtOptions = {}, opts: WpsPortOptions = {}) {
  const app = new FakeEt(book, fake);
  const yields = { n: 0 };
  const port = createWpsPort(app, { yieldToHost: async () => void yields.n++, ...opts });
  return { app, port, yields, book };
}

describe("the fake is strict where WPS is", () => {
  test("1-based sheet indices; a name is refused; a deleted sheet's object throws on use", () => {
    const app = new FakeEt(newBook([newSheet("一"), newSheet("二")]));
    const sheets = app.ActiveWorkbook!.Sheets;
    expect(sheets.Item(1).Name).toBe("一");
    expect(() => sheets.Item(0)).toThrow(/下标越界/);
    expect(() => sheets.Item(3)).toThrow(/下标越界/);
    expect(() => sheets.Item("一" as unknown as number)).toThrow(/index/);
    const two = sheets.Item(2);
    app.book.sheets.pop();
    expect(() => two.Name).toThrow(/no longer exists/);
  });

  test("Value2: a bare value for one cell, an array for several; typed-input parsing; assigned arrays must fit", () => {
    const app = new FakeEt(newBook([newSheet("S", [[1, "a"]])]));
    const ws = app.ActiveWorkbook!.Sheets.Item(1);
    expect(ws.Range("A1").Value2).toBe(1);
    expect(ws.Range("A1:C1").Value2).toEqual([[1, "a", undefined]]);
    ws.Range("A2:F2").Value2 = [["00123", "'00123", "TRUE", "=A1", "+1+1", "-5"]];
    expect(ws.Range("A2:C2").Value2).toEqual([[123, "00123", true]]);
    expect(cellOf(app.named("S"), "D2")!.formula).toBe("=A1");
    expect(cellOf(app.named("S"), "E2")!.formula).toBe("=+1+1");
    expect(ws.Range("F2").Value2).toBe(-5);
    expect(() => (ws.Range("A3:B3").Value2 = [[1]])).toThrow(/1×2/);
  });

  test("colours are BGR numbers; no fill reads white with pattern xlNone", () => {
    const app = new FakeEt(newBook([newSheet("S")]));
    const cell = app.ActiveWorkbook!.Sheets.Item(1).Range("B2").Interior;
    expect([cell.Color, cell.Pattern]).toEqual([WHITE, ET.xlNone]);
    expect(() => (cell.Color = "#FF0000")).toThrow(/BGR/);
    cell.Color = 0x0000ff; // red in BGR
    expect(cell.Pattern).toBe(ET.xlSolid);
  });
});

describe("reads and writes in chunks, yielding to WPS between them", () => {
  test("10 001 rows × 3 with 3 000-cell chunks: 11 reads, 10 yields, every value", async () => {
    const rows = table(10000);
    const { port, yields } = setup(newBook([newSheet("大表", rows)]), {}, { chunkCells: 3000 });
    expect((await port.readSheet("大表"))!.values).toEqual(rows);
    expect(yields.n).toBe(10);
  });

  test("a write of 10 001 rows goes in chunks too; the read back is identical", async () => {
    const rows = table(10000);
    const { port, yields, app } = setup(newBook([newSheet("Sheet1")]), {}, { chunkCells: 30_000 });
    await port.writeSheet("结果", rows);
    expect(yields.n).toBe(1); // 10 001 rows, 10 000 per chunk
    expect(app.ScreenUpdating).toBe(true);
    yields.n = 0;
    expect((await port.readSheet("结果"))!.values).toEqual(rows);
  });

  test("the default chunk (50 000 cells) reads a small sheet in one go, without yielding", async () => {
    const { port, yields } = setup(newBook([newSheet("S", table(100))]));
    await port.readSheet("S");
    expect(yields.n).toBe(0);
  });
});

describe("WPS specifics", () => {
  test("error cells given as their SCODE read as the error's text, not as a number", async () => {
    const { port } = setup(newBook([newSheet("S", [[-2146826246, -2146826281, 2042, -5]])]));
    expect((await port.readSheet("S"))!.values).toEqual([["#N/A", "#DIV/0!", 2042, -5]]);
  });

  test("highlight writes the BGR number of the colour", async () => {
    const { port, app } = setup(newBook([newSheet("S", [["a"]])]));
    await port.highlight("S", ["A1"], "#FFC7CE");
    expect(cellOf(app.named("S"), "A1")!.color).toBe(0xcec7ff);
  });

  test("Sheets.Add returning null: the new (active) sheet is used, and the user's sheet is active again", async () => {
    const { port, book } = setup(newBook([newSheet("原有", [["x"]])]), { addReturnsNull: true });
    await port.writeSheet("结果", [["a"], [1]]);
    expect(book.sheets.map((s) => s.name)).toEqual(["原有", "结果"]);
    expect(book.active).toBe("原有");
    expect((await port.readSheet("结果"))!.values).toEqual([["a"], [1]]);
  });

  test("no open workbook: a clear message; the workbook name is empty and there is no active sheet", async () => {
    const { port } = setup(newBook([]), { noWorkbook: true });
    await expect(port.listSheets()).rejects.toThrow("WPS 中没有打开的工作簿");
    expect(await port.workbookName()).toBe("");
    expect(await port.activeSheet()).toBeNull();
  });

  test("screen updating is off while writing and restored after a failed write", async () => {
    const { port, app } = setup(newBook([newSheet("S")]));
    const seen: boolean[] = [];
    const port2 = createWpsPort(app, {
      yieldToHost: async () => void seen.push(app.ScreenUpdating),
      chunkCells: 1,
    });
    await port2.writeSheet("S", [["a"], ["b"]]);
    expect(seen).toEqual([false]);
    expect(app.ScreenUpdating).toBe(true);
    await expect(port.writeCells("无", [{ address: "A1", value: 1 }])).rejects.toThrow(/不存在/);
    expect(app.ScreenUpdating).toBe(true);
  });

  test("a sheet renamed or deleted by the user between calls is looked up afresh", async () => {
    const { port, book } = setup(newBook([newSheet("一", [["a"]]), newSheet("二", [["b"]])]));
    expect((await port.readSheet("二"))!.values).toEqual([["b"]]);
    book.sheets.shift();
    book.sheets[0].name = "改名";
    expect(await port.readSheet("二")).toBeNull();
    expect((await port.readSheet("改名"))!.values).toEqual([["b"]]);
  });

  test("upsertChart: Shapes.AddChart2 at the anchor; a chart of the same name is replaced", async () => {
    const { port, app } = setup(newBook([newSheet("图", table(12))]));
    const spec = { name: "产值走势", type: "line" as const, title: "产值", dataRange: "A1:B13", anchor: "E2" };
    await port.upsertChart!("图", spec);
    await port.upsertChart!("图", { ...spec, title: "产值（更新）" });
    await port.upsertChart!("图", { ...spec, name: "柱", type: "column" });
    expect(app.named("图").charts).toEqual([
      { name: "产值走势", type: ET.xlLine, range: "A1:B13", title: "产值（更新）", left: 4 * 54, top: 13.5 },
      { name: "柱", type: ET.xlColumnClustered, range: "A1:B13", title: "产值", left: 4 * 54, top: 13.5 },
    ]);
  });

  test("a chart WPS refuses: a clear message naming the sheet and chart, the data stays", async () => {
    const { port, app } = setup(newBook([newSheet("图", table(3))]));
    const ws = app.ActiveWorkbook!.Sheets.Item(1);
    const shapes = ws.Shapes;
    const proto = Object.getPrototypeOf(shapes) as { AddChart2: () => never };
    const spy = jest.spyOn(proto, "AddChart2").mockImplementation(() => {
      throw new Error("not implemented");
    });
    try {
      await expect(port.upsertChart!("图", { name: "c", type: "bar", title: "产值", dataRange: "A1:B4", anchor: "E2" })).rejects.toThrow(
        "WPS 未能在“图”创建图表“产值”，表中数据已写入",
      );
    } finally {
      spy.mockRestore();
    }
    expect((await port.readSheet("图"))!.values).toEqual(table(3));
  });

  test("saved fills survive a pane reload through PluginStorage; a cleared sheet leaves nothing to restore", async () => {
    const sheet = newSheet("月报", table(3));
    sheet.cells.get("2,1")!.color = 0x0000ff;
    sheet.cells.get("2,1")!.pattern = ET.xlSolid;
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const book = newBook([sheet]);
    await setup(book, {}, { storage }).port.highlight("月报", ["A2", "B3"], "#FFFF00");
    // the pane is reloaded: a new port, nothing in memory; highlighting again keeps the originals
    await setup(book, {}, { storage }).port.highlight("月报", ["A2", "C4"], "#FFC7CE");
    await setup(book, {}, { storage }).port.clearHighlight("月报");
    expect(["A2", "B3", "C4"].map((a) => cellOf(sheet, a)!.pattern === ET.xlNone ? null : cellOf(sheet, a)!.color)).toEqual([0x0000ff, null, null]);
    await setup(book, {}, { storage }).port.clearHighlight("月报");
    expect(cellOf(sheet, "A2")!.color).toBe(0x0000ff);
  });
});
