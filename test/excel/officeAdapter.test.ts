import { createOfficePort, protectText } from "../../src/excel/officeAdapter";
import { fakeContext, newBook, newSheet, cellOf, FakeBook, FakeOptions, Value, NOT_LOADED } from "./fakeExcel";
import { OfficeMockObject } from "office-addin-mock";

// What every adapter does alike is the port contract (test/workbook/contract); here: syncs, chunks, requirement sets, settings.
const all = () => true;

function setup(book: FakeBook, opts: FakeOptions = {}, portOpts: { chunkCells?: number; supports?: (v: string) => boolean } = {}) {
  const fake = fakeContext(book, opts);
  const port = createOfficePort(fake.run, { supports: all, ...portOpts });
  return { port, fake, book };
}

function table(rows: number, cols = 3): Value[][] {
  const out: Value[][] = [["企业名称", "产值", "增速"].concat(Array.from({ length: Math.max(0, cols - 3) }, (_, i) => `列${i + 4}`)).slice(0, cols)];
  for (let i = 1; i <= rows; i++) out.push([`企业${i}`, i * 10, i / 100, ...Array.from({ length: Math.max(0, cols - 3) }, () => i)].slice(0, cols));
  return out;
}

test("the mock behaves like Office: a property read before load+sync is an error string", async () => {
  const m = new OfficeMockObject({ values: [[1]] });
  expect(m.values).toBe(NOT_LOADED);
  m.load("values");
  await m.sync();
  await new Promise((r) => setImmediate(r));
  expect(m.values).toEqual([[1]]);
});

describe("reads: ≤ 2 syncs whatever the size", () => {
  test("readSheet of a 10-row and a 10 000-row sheet take the same 2 syncs and return every value", async () => {
    const small = table(10);
    const large = table(10000);
    const counts: number[] = [];
    for (const rows of [small, large]) {
      const { port, fake } = setup(newBook([newSheet("月报", rows)]));
      const s = await port.readSheet("月报");
      counts.push(fake.state.syncs);
      expect(s).toEqual({ name: "月报", startRow: 1, startCol: 1, values: rows });
    }
    expect(counts).toEqual([2, 2]);
  });

  test("readSheets loads every sheet and syncs once for all of them (2 in total); missing → null, empty → no rows", async () => {
    const book = newBook([newSheet("甲", table(10)), newSheet("乙", table(10000)), newSheet("空"), newSheet("偏移", [["h"], [1]], { r: 2, c: 1 })]);
    const { port, fake } = setup(book);
    const [a, b, missing, empty, offset] = await port.readSheets(["甲", "乙", "无此表", "空", "偏移"]);
    expect(fake.state.syncs).toBe(2);
    expect(a!.values).toHaveLength(11);
    expect(b!.values).toHaveLength(10001);
    expect(missing).toBeNull();
    expect(empty).toEqual({ name: "空", startRow: 1, startCol: 1, values: [] });
    expect(offset).toEqual({ name: "偏移", startRow: 3, startCol: 2, values: [["h"], [1]] });
  });

  test("values null past Excel's cell limit: read in row chunks, one sync per chunk", async () => {
    const rows = table(10000);
    const { port, fake } = setup(newBook([newSheet("大表", rows)]), { nullValuesAbove: 5000 }, { chunkCells: 3000 });
    const s = await port.readSheet("大表");
    expect(s!.values).toEqual(rows);
    // 10 001 rows × 3 columns, 1000 rows per chunk → 11 chunks, after the 2 syncs of a normal read.
    expect(fake.state.syncs).toBe(2 + 11);
  });

  test("a payload-size error (Excel on the web) falls back to chunks", async () => {
    const rows = table(10000);
    const { port, fake } = setup(newBook([newSheet("大表", rows)]), { payloadLimitCells: 6000 }, { chunkCells: 6000 });
    const s = await port.readSheet("大表");
    expect(s!.values).toEqual(rows);
    // names, the failed read, dimensions, then 2000-row chunks (10 001 rows → 6 chunks)
    expect(fake.state.syncs).toBe(3 + 6);
  });

  test("listSheets and activeSheet take one sync each", async () => {
    const book = newBook([newSheet("一"), newSheet("二")]);
    book.active = "二";
    const { port, fake } = setup(book);
    expect(await port.listSheets()).toEqual(["一", "二"]);
    expect(fake.state.syncs).toBe(1);
    expect(await port.activeSheet()).toBe("二");
    expect(fake.state.syncs).toBe(2);
    expect(await port.workbookName()).toBe("测试.xlsx");
  });
});

describe("writeSheet", () => {
  test("a new sheet with table, formats and lists: 2 syncs, calculation and screen updating suspended", async () => {
    const { port, fake, book } = setup(newBook([newSheet("原有", [["x"]])]));
    await port.writeSheet(
      "结果",
      [
        ["代码", "产值", "层级"],
        ["00123", 1.5, "拟进规"],
        ["913407001234567890", 2, "高成长性"],
      ],
      { tableName: "结果 表", numberFormats: ["@", "0.00", null], validationLists: { 2: ["拟进规", "高成长性"] }, activate: true },
    );
    expect(fake.state.syncs).toBe(2);
    expect(fake.calls).toContain("suspendApiCalculationUntilNextSync");
    expect(fake.calls).toContain("suspendScreenUpdatingUntilNextSync");
    expect(fake.calls).toContain("tables.add A1:C3 true");
    // one assignment for all the values
    expect(fake.calls.filter((c) => c.startsWith("formulas "))).toEqual(["formulas A1:C3"]);
    // formats are queued before the values, so text columns receive text
    expect(fake.calls.indexOf("numberFormat A2:A3")).toBeLessThan(fake.calls.indexOf("formulas A1:C3"));
    const s = book.sheets.find((x) => x.name === "结果")!;
    expect(cellOf(s, "A2")!.value).toBe("00123");
    expect(cellOf(s, "A3")!.value).toBe("913407001234567890");
    expect(cellOf(s, "B2")!.numberFormat).toBe("0.00");
    expect(book.tables).toEqual([{ name: "结果_表", sheet: "结果", address: "A1:C3" }]);
    expect(s.validations).toEqual([{ address: "C2:C3", source: "拟进规,高成长性" }]);
    expect(book.active).toBe("结果");
    expect(book.sheets.map((x) => x.name)).toEqual(["原有", "结果"]);
  });

  test("after a read of the same port, writing takes 1 sync (the read saw the sheet and table names)", async () => {
    const book = newBook([newSheet("数据", table(10)), newSheet("结果", table(5))]);
    book.tables.push({ name: "结果表", sheet: "结果", address: "A1:C6" });
    const { port, fake } = setup(book);
    await port.readSheets(["数据"]);
    const before = fake.state.syncs;
    await port.writeSheet("结果", [["a", "b"], [1, 2]], { tableName: "结果表" });
    await port.writeSheet("新表", [["c"], [3]], { tableName: "结果表" });
    expect(fake.state.syncs - before).toBe(2);
    expect(book.tables.map((t) => [t.name, t.sheet])).toEqual([
      ["结果表", "结果"],
      ["结果表_2", "新表"],
    ]);
    expect(cellOf(book.sheets.find((x) => x.name === "结果")!, "A2")!.value).toBe(1);
  });

  test("a stale look-up (the workbook changed after the read) fails before writing and is retried with a fresh one", async () => {
    const book = newBook([newSheet("数据", table(3)), newSheet("结果", table(3))]);
    book.tables.push({ name: "结果表", sheet: "结果", address: "A1:C4" });
    const { port } = setup(book);
    await port.readSheets(["数据"]);
    // the user deletes 结果 and its table, and adds a sheet named 新表, behind the port's back
    book.sheets = book.sheets.filter((x) => x.name !== "结果");
    book.tables = [];
    book.sheets.push(newSheet("新表", [["旧"]]));
    await port.writeSheet("结果", [["a"], [1]], { tableName: "结果表" });
    await port.writeSheet("新表", [["b"], [2]]);
    expect(book.sheets.map((x) => x.name)).toEqual(["数据", "新表", "结果"]);
    expect(book.tables.map((t) => t.name)).toEqual(["结果表"]);
    expect(cellOf(book.sheets.find((x) => x.name === "新表")!, "A1")!.value).toBe("b");
    expect(cellOf(book.sheets.find((x) => x.name === "结果")!, "A2")!.value).toBe(1);
  });

  test("replacing a sheet clears it (tables, merges, validations, formats) and keeps its place; table names stay unique", async () => {
    const old = newSheet("结果", table(50));
    const book = newBook([newSheet("甲"), old, newSheet("乙")]);
    book.tables.push({ name: "结果表", sheet: "结果", address: "A1:C51" }, { name: "别的表", sheet: "乙", address: "A1:B2" });
    const { port, fake } = setup(book);
    await port.writeSheet("结果", [["a", "b"], [1, 2]], { tableName: "别的表" });
    expect(fake.state.syncs).toBe(2);
    for (const call of ["table.delete 结果表", "unmerge (all)", "dataValidation.clear (all)", "conditionalFormats.clearAll (all)", "clear(All) (all)"]) {
      expect(fake.calls).toContain(call);
    }
    expect(fake.calls).not.toContain("table.delete 别的表");
    expect(book.sheets.map((x) => x.name)).toEqual(["甲", "结果", "乙"]);
    const s = book.sheets[1];
    expect(s.cells.size).toBe(4);
    expect(book.tables.map((t) => t.name).sort()).toEqual(["别的表", "别的表_2"]);
    // reads back what was written
    expect((await port.readSheet("结果"))!.values).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
  });

  test("a header-only table still gets one data row; requirement sets are guarded", async () => {
    const { port, fake, book } = setup(newBook([]), {}, { supports: (v) => v === "1.1" });
    await port.writeSheet("空表", [["a", "b"]], { tableName: "T1", validationLists: { 0: ["x"] } });
    expect(fake.calls).toContain("tables.add A1:B2 true");
    expect(fake.calls).not.toContain("suspendApiCalculationUntilNextSync");
    expect(fake.calls).not.toContain("suspendScreenUpdatingUntilNextSync");
    expect(book.sheets[0].validations).toEqual([]);
  });

  test("a list too long for an inline source goes into a hidden list sheet", async () => {
    const { port, fake, book } = setup(newBook([]));
    const leaders = Array.from({ length: 80 }, (_, i) => `领导${i + 1}`);
    await port.writeSheet("库", [["企业", "包保领导"], ["甲", "领导1"]], { validationLists: { 1: leaders } });
    expect(fake.state.syncs).toBe(2);
    const lists = book.sheets.find((s) => s.name === "jx_lists")!;
    expect(lists.visibility).toBe("Hidden");
    expect(cellOf(lists, "A80")!.value).toBe("领导80");
    expect(book.sheets[0].validations).toEqual([{ address: "B2", source: "=jx_lists!$A$1:$A$80" }]);
    expect(await port.listSheets()).toEqual(["库"]);
  });
});

describe("writeCells, appendRows, selectCell, charts", () => {
  test("writeCells: one sync; missing sheet → clear message", async () => {
    const { port, fake, book } = setup(newBook([newSheet("库", [["企业", "状态"], ["甲", "培育中"]])]));
    await port.writeCells("库", [
      { address: "B2", value: "已入规" },
      { address: "C2", value: { formula: "=1+1" } },
      { address: "A2", value: null },
    ]);
    expect(fake.state.syncs).toBe(1);
    expect(cellOf(book.sheets[0], "B2")!.value).toBe("已入规");
    expect(cellOf(book.sheets[0], "C2")!.formula).toBe("=1+1");
    expect(cellOf(book.sheets[0], "A2")!.value).toBe("");
    await expect(port.writeCells("无", [{ address: "A1", value: 1 }])).rejects.toThrow("工作表“无”不存在 (sheet 无 does not exist)");
  });

  test("appendRows: 2 syncs; creates the sheet with its header, then appends under the used range", async () => {
    const { port, fake, book } = setup(newBook([newSheet("其他")]));
    await port.appendRows("变动记录", [["2023-01-05", "甲"]], ["日期", "企业名称"]);
    expect(fake.state.syncs).toBe(2);
    await port.appendRows("变动记录", [["2023-02-01", "乙"], ["2023-02-02", "丙"]], ["日期", "企业名称"]);
    expect(fake.state.syncs).toBe(4);
    const s = (await port.readSheet("变动记录"))!;
    expect(s.values).toEqual([
      ["日期", "企业名称"],
      ["2023-01-05", "甲"],
      ["2023-02-01", "乙"],
      ["2023-02-02", "丙"],
    ]);
    expect(book.sheets.map((x) => x.name)).toEqual(["其他", "变动记录"]);
  });

  test("selectCell activates and selects in one sync", async () => {
    const { port, fake, book } = setup(newBook([newSheet("一"), newSheet("二")]));
    await port.selectCell("二", "C5");
    expect(fake.state.syncs).toBe(1);
    expect(book.active).toBe("二");
    expect(book.selected).toBe("二!C5");
  });

  test("upsertChart replaces the chart of the same name", async () => {
    const { port, fake, book } = setup(newBook([newSheet("图", table(12))]));
    const spec = { name: "产值走势", type: "line" as const, title: "产值", dataRange: "A1:B13", anchor: "E2" };
    await port.upsertChart!("图", spec);
    await port.upsertChart!("图", { ...spec, title: "产值（更新）" });
    expect(fake.state.syncs).toBe(4);
    expect(fake.calls).toContain("charts.add Line A1:B13 Columns");
    expect(fake.calls).toContain("chart.delete 产值走势");
    expect(book.sheets[0].charts).toEqual([{ name: "产值走势", type: "Line", range: "A1:B13", title: "产值（更新）", anchor: "E2" }]);
  });
});

describe("highlight / clearHighlight", () => {
  test("the saved fills live in the document too: after the pane is reopened, clear still restores them, and highlighting again keeps the originals", async () => {
    const sheet = newSheet("月报", table(5));
    sheet.cells.get("1,0")!.fill = "#FF0000"; // A2 red
    const book = newBook([sheet]);
    const first = setup(book);
    await first.port.highlight("月报", ["A2", "C4"], "#FFC7CE");
    expect(first.fake.state.syncs).toBe(2); // no round trip added for the document copy
    // the pane is closed and reopened: a new port, nothing in memory
    const second = setup(book);
    await second.port.highlight("月报", ["A2", "B3"], "#FFFF00");
    expect(second.fake.state.syncs).toBe(2);
    const third = setup(book);
    await third.port.clearHighlight("月报");
    expect(["A2", "B3", "C4"].map((a) => cellOf(sheet, a)!.fill)).toEqual(["#FF0000", null, null]);
    // cleared: the document holds nothing more to restore
    const fourth = setup(book);
    await fourth.port.clearHighlight("月报");
    expect(fourth.fake.state.syncs).toBe(1);
    expect(cellOf(sheet, "A2")!.fill).toBe("#FF0000");
  });

  test("restores each original fill colour and clears cells that had none", async () => {
    const sheet = newSheet("月报", table(5));
    sheet.cells.get("1,0")!.fill = "#FF0000"; // A2 red
    sheet.cells.get("2,1")!.fill = "#FFFFFF"; // B3 explicitly white
    const { port, fake } = setup(newBook([sheet]));
    await port.highlight("月报", ["A2", "B3", "C4"], "#FFC7CE");
    expect(fake.state.syncs).toBe(2);
    expect(["A2", "B3", "C4"].map((a) => cellOf(sheet, a)!.fill)).toEqual(["#FFC7CE", "#FFC7CE", "#FFC7CE"]);
    // a second highlight of the same cells keeps the first saved colours (1 sync: nothing to load)
    await port.highlight("月报", ["A2"], "yellow");
    expect(fake.state.syncs).toBe(3);
    await port.clearHighlight("月报");
    expect(fake.state.syncs).toBe(4);
    expect(cellOf(sheet, "A2")!.fill).toBe("#FF0000");
    expect(cellOf(sheet, "B3")!.fill).toBe("#FFFFFF");
    expect(cellOf(sheet, "C4")!.fill).toBeNull();
    expect(fake.calls).toContain("fill.clear C4");
    // nothing left to restore: no round trip
    await port.clearHighlight("月报");
    expect(fake.state.syncs).toBe(4);
  });

  test("without the pattern property (ExcelApi < 1.9) white counts as no fill", async () => {
    const sheet = newSheet("S", [["a", "b"]]);
    sheet.cells.get("0,0")!.fill = "#00FF00";
    const { port } = setup(newBook([sheet]), {}, { supports: (v) => v < "1.9" });
    await port.highlight("S", ["A1:B1"], "#FFFF00");
    await port.clearHighlight("S");
    expect(cellOf(sheet, "A1")!.fill).toBe("#00FF00");
    expect(cellOf(sheet, "B1")!.fill).toBeNull();
  });
});

test("protectText keeps strings Excel would convert as text", () => {
  expect(protectText("00123")).toBe("'00123");
  expect(protectText("1月5日")).toBe("'1月5日");
  expect(protectText("#N/A")).toBe("'#N/A");
  expect(protectText("TRUE")).toBe("'TRUE");
  expect(protectText("企业名称")).toBe("企业名称");
});

describe("the fake fails where Excel fails", () => {
  test("isNullObject cannot be read before the sync", async () => {
    const fake = fakeContext(newBook([newSheet("甲", [["x"]]), newSheet("空")]));
    const context = fake.context as unknown as Excel.RequestContext;
    const used = context.workbook.worksheets.getItem("甲").getUsedRangeOrNullObject(true);
    const none = context.workbook.worksheets.getItem("空").getUsedRangeOrNullObject(true);
    const setting = context.workbook.settings.getItemOrNullObject("nope");
    for (const o of [used, none, setting]) expect(() => o.isNullObject).toThrow(/not available before context.sync/);
    await context.sync();
    expect([used.isNullObject, none.isNullObject, setting.isNullObject]).toEqual([false, true, true]);
  });

  test("writes count towards the request payload limit, like reads", async () => {
    const fake = fakeContext(newBook([newSheet("甲")]), { payloadLimitCells: 1000 });
    const ctx = fake.context as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("甲").getRangeByIndexes(0, 0, 1001, 1).values = Array.from({ length: 1001 }, (_, i) => [i]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test.each([
    ["=1+", "ends with +"],
    ["=SUM((A1)", "unbalanced ("],
    ['="abc', 'unclosed "'],
    ["=退库：停产", "unexpected character ："],
  ])("a formula Excel rejects (%s) fails the batch and nothing of it is applied", async (formula, why) => {
    const book = newBook([newSheet("甲", [["原值", 1]])]);
    const fake = fakeContext(book);
    const ctx = fake.context as unknown as Excel.RequestContext;
    const ws = ctx.workbook.worksheets.getItem("甲");
    ws.getRange("B1").values = [[2]];
    ws.getRange("A1").formulas = [[formula]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringContaining(why) });
    expect([cellOf(book.sheets[0], "A1")!.value, cellOf(book.sheets[0], "B1")!.value]).toEqual(["原值", 1]);
  });

  test.each(['=SUM(A1:A3)*2', '=IF(A1>0,"是（正）","否")', "='10月'!B2", '=JX.YOY_GROWTH(B2,C2)', '="a""b"'])("a formula Excel parses (%s) is written", async (formula) => {
    const book = newBook([newSheet("甲")]);
    const fake = fakeContext(book);
    const ctx = fake.context as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("甲").getRange("A1").formulas = [[formula]];
    await ctx.sync();
    expect(cellOf(book.sheets[0], "A1")!.formula).toBe(formula);
  });
});

describe("large writes go in chunks within the payload limit", () => {
  test("writeSheet of 10 001 rows under a 6 000-cell limit: 1 500-row chunks (3 columns + 1 format column), every value written", async () => {
    const rows = table(10000);
    const { port, fake, book } = setup(newBook([newSheet("原有")]), { payloadLimitCells: 6000 }, { chunkCells: 6000 });
    await port.writeSheet("大表", rows, { numberFormats: [null, "0.00", null] });
    // the name look-up, then 7 chunks (10 001 / 1 500 → 7), the last sent with the rest of the batch
    expect(fake.state.syncs).toBe(1 + 7);
    expect(fake.calls.filter((c) => c.startsWith("formulas "))).toEqual(["A1:C1500", "A1501:C3000", "A3001:C4500", "A4501:C6000", "A6001:C7500", "A7501:C9000", "A9001:C10001"].map((a) => `formulas ${a}`));
    const s = book.sheets.find((x) => x.name === "大表")!;
    expect([cellOf(s, "A1")!.value, cellOf(s, "A10001")!.value, cellOf(s, "B10001")!.value, cellOf(s, "C5000")!.value]).toEqual(["企业名称", "企业10000", 100000, 49.99]);
    expect([cellOf(s, "B1")!.numberFormat, cellOf(s, "B2")!.numberFormat, cellOf(s, "B10001")!.numberFormat]).toEqual([undefined, "0.00", "0.00"]);
  });

  test("appendRows of 5 000 rows under a 3 000-cell limit goes in chunks under the used range", async () => {
    const rows = table(5000).slice(1);
    const { port, book } = setup(newBook([newSheet("变动记录", [["日期", "企业", "值"]])]), { payloadLimitCells: 3000 }, { chunkCells: 3000 });
    await port.appendRows("变动记录", rows);
    const s = book.sheets[0];
    expect([cellOf(s, "A2")!.value, cellOf(s, "A5001")!.value, cellOf(s, "B5001")!.value]).toEqual(["企业1", "企业5000", 50000]);
  });

  test("the same writeSheet in one request fails under that limit (why the chunks exist)", async () => {
    const { port } = setup(newBook([newSheet("原有")]), { payloadLimitCells: 6000 }, { chunkCells: 1_000_000 });
    await expect(port.writeSheet("大表", table(10000))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});
