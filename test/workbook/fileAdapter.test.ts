import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { createFilePort, loadFilePort, FilePort, FileChange } from "../../src/workbook/fileAdapter";

// What every adapter does alike is the port contract (test/workbook/contract); here: exceljs and .xlsx specifics.

async function roundTrip(port: FilePort): Promise<FilePort> {
  return loadFilePort(await port.toBuffer(), "rt.xlsx");
}

async function wbRoundTrip(wb: ExcelJS.Workbook): Promise<FilePort> {
  return loadFilePort(new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function zipText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`no ${path} in zip; have ${Object.keys(zip.files).join(", ")}`);
  return f.async("string");
}

describe("readSheet: Office.js values representation", () => {
  test("round trip of plain values through toBuffer/loadFilePort; null and missing cells read as \"\"", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("数据", [
      ["企业名称", "产值", "规上"],
      ["甲公司", 1234.5, true],
      ["乙公司", null, false],
      ["丙公司"],
    ]);
    const back = await roundTrip(port);
    expect(await back.listSheets()).toEqual(["数据"]);
    const s = await back.readSheet("数据");
    expect(s).toEqual({
      name: "数据",
      startRow: 1,
      startCol: 1,
      values: [
        ["企业名称", "产值", "规上"],
        ["甲公司", 1234.5, true],
        ["乙公司", "", false],
        ["丙公司", "", ""],
      ],
    });
  });

  test("the used range starts at the first non-empty row and column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C3").value = "h1";
    ws.getCell("E3").value = "h2";
    ws.getCell("D5").value = 7;
    ws.getCell("B1").style = { font: { bold: true } }; // a styled but empty cell is not used
    const s = (await (await wbRoundTrip(wb)).readSheet("S"))!;
    expect(s.startRow).toBe(3);
    expect(s.startCol).toBe(3);
    expect(s.values).toEqual([
      ["h1", "", "h2"],
      ["", "", ""],
      ["", 7, ""],
    ]);
  });

  test("merged cells: only the top-left holds the value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("M");
    ws.getCell("A1").value = "本月";
    ws.mergeCells("A1:B2");
    ws.getCell("C1").value = "x";
    ws.getCell("A3").value = 1;
    for (const port of [createFilePort(wb), await wbRoundTrip(wb)]) {
      const s = (await port.readSheet("M"))!;
      expect(s.values).toEqual([
        ["本月", "", "x"],
        ["", "", ""],
        [1, "", ""],
      ]);
    }
  });

  test("dates become 1900-system serials (2023-01-05 = 44931, 1900-03-01 = 61, noon = .5)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("D");
    ws.getCell("A1").value = new Date(Date.UTC(2023, 0, 5));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("A2").value = new Date(Date.UTC(1900, 2, 1));
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    ws.getCell("A3").value = new Date(Date.UTC(2023, 0, 5, 12, 0, 0));
    ws.getCell("A3").numFmt = "yyyy-mm-dd hh:mm";
    const s = (await (await wbRoundTrip(wb)).readSheet("D"))!;
    expect(s.values).toEqual([[44931], [61], [44931.5]]);
  });

  test("formulas read as their cached results, including 0, false and errors; no result → \"\"", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("F");
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = { formula: "A1*3", result: 6 } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: "A1-2", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = { formula: "A1>5", result: false } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("E1").value = { formula: "A1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("F1").value = { formula: "\"同比\"&A1", result: "同比2" } as ExcelJS.CellFormulaValue;
    ws.getCell("G1").value = { formula: "A1+1" } as ExcelJS.CellFormulaValue;
    const s = (await (await wbRoundTrip(wb)).readSheet("F"))!;
    expect(s.values).toEqual([[2, 6, 0, false, "#DIV/0!", "同比2", ""]]);
  });

  test("error values, rich text and hyperlinks read as text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("T");
    ws.getCell("A1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("B1").value = { richText: [{ text: "枞阳", font: { bold: true } }, { text: "海螺" }] };
    ws.getCell("C1").value = { text: "平台", hyperlink: "https://example.com" };
    for (const port of [createFilePort(wb), await wbRoundTrip(wb)]) {
      expect((await port.readSheet("T"))!.values).toEqual([["#N/A", "枞阳海螺", "平台"]]);
    }
  });
});

describe("writeSheet", () => {
  test("replacing a sheet clears it fully and keeps the other sheets and the sheet order", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("甲").getCell("A1").value = "a";
    const old = wb.addWorksheet("乙");
    old.getCell("A1").value = "旧";
    old.getCell("Z99").value = "远处";
    old.mergeCells("B2:C3");
    wb.addWorksheet("丙").getCell("B2").value = 3;
    const port = await wbRoundTrip(wb);
    await port.writeSheet("乙", [["新"], [1]]);
    const back = await roundTrip(port);
    expect(await back.listSheets()).toEqual(["甲", "乙", "丙"]);
    expect((await back.readSheet("乙"))!.values).toEqual([["新"], [1]]);
    expect((await back.readSheet("甲"))!.values).toEqual([["a"]]);
    expect(await back.readSheet("丙")).toMatchObject({ startRow: 2, startCol: 2, values: [[3]] });
  });

  test("only a { formula } becomes a formula; a string starting with \"=\" is kept as text", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("F", [["x", "y"], [2, { formula: "=A2*2" }]]);
    await port.writeSheet("T", [["x", "y"], [2, "=A2*2"]]);
    const back = await roundTrip(port);
    const f = back.workbook.getWorksheet("F")!.getCell("B2");
    expect(f.formula).toBe("A2*2");
    expect(back.workbook.getWorksheet("T")!.getCell("B2").value).toBe("=A2*2");
    expect(await zipText(await port.toBuffer(), "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  test.each([['=HYPERLINK("http://evil.example/x","x")'], ["=cmd|' /C calc'!A0"], ["+1+1"], ["-1"], ["@A1"]])(
    "writeCells and appendRows store %s as text (no formula from data)",
    async (text) => {
      const port = createFilePort(new ExcelJS.Workbook());
      await port.writeSheet("培育库", [["企业名称"], ["甲"]]);
      await port.writeCells("培育库", [{ address: "A2", value: text }]);
      await port.appendRows("变动记录", [[text, "退库", text]], ["企业名称", "变动", "原因"]);
      const back = await roundTrip(port);
      expect(back.workbook.getWorksheet("培育库")!.getCell("A2").value).toBe(text);
      expect(back.workbook.getWorksheet("变动记录")!.getCell("A2").value).toBe(text);
      expect(back.workbook.getWorksheet("变动记录")!.getCell("C2").value).toBe(text);
      expect((await back.readSheet("变动记录"))!.values[1]).toEqual([text, "退库", text]);
    },
  );

  test("number formats apply to the data rows of each column", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("N", [["代码", "产值", "增速"], ["0123", 1.5, 0.059]], { numberFormats: ["@", "0.00", "0.0%"] });
    const ws = (await roundTrip(port)).workbook.getWorksheet("N")!;
    expect(ws.getCell("A2").numFmt).toBe("@");
    expect(ws.getCell("B2").numFmt).toBe("0.00");
    expect(ws.getCell("C2").numFmt).toBe("0.0%");
    expect(ws.getCell("C1").numFmt).toBeUndefined();
  });

  test("a table re-opens with a valid unique name and headers that equal the header cells", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    const rows = [
      ["企业", "企业", 2023, null],
      ["甲", 1, 2, 3],
      ["乙", 4, 5, 6],
    ];
    await port.writeSheet("结果", rows, { tableName: "亩均 结果" });
    await port.writeSheet("结果2", [["a", "b"]], { tableName: "亩均 结果" });
    const bytes = await port.toBuffer();
    const back = await loadFilePort(bytes);
    expect((await back.readSheet("结果"))!.values).toEqual([
      ["企业", "企业2", "2023", "列4"],
      ["甲", 1, 2, 3],
      ["乙", 4, 5, 6],
    ]);
    const zip = await JSZip.loadAsync(bytes);
    const tableFiles = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).sort();
    expect(tableFiles).toHaveLength(2);
    const xml = await Promise.all(tableFiles.map((f) => zipText(bytes, f)));
    const names = xml.map((x) => /<table [^>]*\bname="([^"]+)"/.exec(x)![1]).sort();
    expect(names).toEqual(["亩均_结果", "亩均_结果_2"]);
    const first = xml.find((x) => /name="亩均_结果"/.test(x))!;
    expect(first).toMatch(/ref="A1:D3"/);
    const cols = [...first.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(cols).toEqual(["企业", "企业2", "2023", "列4"]);
    // A header-only table gets one empty data row (Excel refuses a table without one).
    const second = xml.find((x) => /name="亩均_结果_2"/.test(x))!;
    expect(second).toMatch(/ref="A1:B2"/);
    // Re-saving the re-opened workbook keeps both tables.
    const again = await JSZip.loadAsync(await back.toBuffer());
    expect(Object.keys(again.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))).toHaveLength(2);
  });

  test("data-validation lists: short lists inline, long ones in a hidden sheet", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    const long = Array.from({ length: 60 }, (_, i) => `县领导${i + 1}`);
    await port.writeSheet(
      "库",
      [
        ["企业", "层级", "包保领导"],
        ["甲", "拟进规", "县领导1"],
        ["乙", "高成长性", "县领导2"],
      ],
      { validationLists: { 1: ["拟进规", "高成长性"], 2: long } },
    );
    const bytes = await port.toBuffer();
    const sheetXml = await zipText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<dataValidation [^>]*sqref="B2:B3"[^>]*>\s*<formula1>&quot;拟进规,高成长性&quot;<\/formula1>/);
    expect(sheetXml).toMatch(/<dataValidation [^>]*sqref="C2:C3"[^>]*>\s*<formula1>jx_lists!\$A\$1:\$A\$60<\/formula1>/);
    const back = await loadFilePort(bytes);
    expect(await back.listSheets()).toEqual(["库"]);
    expect(back.workbook.getWorksheet("jx_lists")!.state).toBe("hidden");
    expect((await back.readSheet("jx_lists"))!.values.map((r) => r[0])).toEqual(long);
  });

  test("activate makes the sheet the active one after a round trip", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("一", [["a"]]);
    await port.writeSheet("二", [["b"]], { activate: true });
    expect(await (await roundTrip(port)).activeSheet()).toBe("二");
  });
});

describe("selectCell, onChange", () => {
  test("selectCell records the selection, sets the active cell and tells listeners", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("一", [["a"]]);
    await port.writeSheet("二", [["b"]]);
    const seen: FileChange[] = [];
    const off = port.onChange((c) => seen.push(c));
    await port.selectCell("二", "c5");
    expect(port.selection).toEqual({ sheet: "二", address: "C5" });
    expect(await port.activeSheet()).toBe("二");
    expect(port.workbook.getWorksheet("二")!.views[0]).toMatchObject({ activeCell: "C5" });
    await port.writeCells("一", [{ address: "A2", value: 1 }]);
    off();
    await port.writeCells("一", [{ address: "A3", value: 1 }]);
    expect(seen).toEqual([
      { kind: "select", sheet: "二" },
      { kind: "writeCells", sheet: "一" },
    ]);
    const back = await roundTrip(port);
    expect(await back.activeSheet()).toBe("二");
  });
});

describe("highlight / clearHighlight", () => {
  const red: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };

  test("restores exactly: an own fill comes back, no fill stays no fill; cells sharing a style are untouched", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const a of ["A1", "B1", "A2"]) ws.getCell(a).value = a;
    ws.getCell("A1").fill = red;
    ws.getCell("B1").style = { fill: red }; // after loading, A1 and B1 share one style object
    const port = await wbRoundTrip(wb);
    const sheet = port.workbook.getWorksheet("S")!;
    const before = JSON.parse(JSON.stringify(sheet.getCell("A1").fill));
    expect(before).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFF0000" } });
    const noneBefore = sheet.getCell("A2").fill;

    await port.highlight("S", ["A1", "A2", "C3"], "#FFC7CE");
    for (const a of ["A1", "A2", "C3"]) expect(sheet.getCell(a).fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(sheet.getCell("B1").fill).toMatchObject({ fgColor: { argb: "FFFF0000" } });
    // Highlighting again with another colour still restores the original.
    await port.highlight("S", ["A1"], "yellow");
    expect(sheet.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });

    await port.clearHighlight("S");
    expect(sheet.getCell("A1").fill).toEqual(before);
    expect(sheet.getCell("A2").fill).toEqual(noneBefore);
    expect(sheet.getCell("C3").fill).toBeUndefined();

    const back = (await roundTrip(port)).workbook.getWorksheet("S")!;
    expect(back.getCell("A1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFF0000" } });
    expect(back.getCell("B1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFF0000" } });
    expect(back.getCell("A2").fill?.type === "pattern" ? (back.getCell("A2").fill as ExcelJS.FillPattern).pattern : "none").toBe("none");
  });

  test("a highlighted workbook saved before clearing shows the highlight", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    await port.writeSheet("S", [["a"], [1]]);
    await port.highlight("S", ["A2"], "FFC7CE");
    const saved = (await roundTrip(port)).workbook.getWorksheet("S")!;
    expect(saved.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    await port.clearHighlight("S");
    expect(port.workbook.getWorksheet("S")!.getCell("A2").fill).toBeUndefined();
  });
});
