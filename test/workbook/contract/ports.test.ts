/**
 * The WorkbookPort contract, run against every adapter (harness.ts): the same reads, writes,
 * highlights and restores give the same results on the file adapter, the Office adapter (on
 * its Excel fake) and the WPS adapter (on its ET fake). Adapter-specific behaviour (round
 * trips, sync counts, .xlsx bytes, host quirks) stays in test/workbook/fileAdapter.test.ts,
 * test/excel/officeAdapter.test.ts and test/wps/wpsAdapter.test.ts.
 */
import { HARNESSES, Harness } from "./harness";

describe.each(HARNESSES.map((h) => [h.name, h] as [string, Harness]))("WorkbookPort contract: %s", (_name, h) => {
  describe("reads", () => {
    test("values in the Office.js representation: blanks and missing cells read as \"\", rows padded to the used width", async () => {
      const { port } = h.open([{ name: "数据", rows: [["企业名称", "产值", "规上"], ["甲公司", 1234.5, true], ["乙公司", "", false], ["丙公司"]] }]);
      expect(await port.readSheet("数据")).toEqual({
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

    test("the used range starts at the first cell with a value; a cell with only a fill is not used", async () => {
      const { port } = h.open([{ name: "S", rows: [["h1", "", "h2"], ["", "", ""], ["", 7, ""]], at: { row: 3, col: 3 }, fills: { B1: "#FFFF00", H20: "#FF0000" } }]);
      expect(await port.readSheet("S")).toEqual({
        name: "S",
        startRow: 3,
        startCol: 3,
        values: [
          ["h1", "", "h2"],
          ["", "", ""],
          ["", 7, ""],
        ],
      });
    });

    test("an empty sheet reads as no rows, a missing one as null; readSheets keeps the order asked", async () => {
      const { port } = h.open([{ name: "甲", rows: [["a"]] }, { name: "空" }]);
      expect(await port.readSheet("空")).toEqual({ name: "空", startRow: 1, startCol: 1, values: [] });
      expect(await port.readSheet("没有")).toBeNull();
      const got = await port.readSheets(["没有", "空", "甲"]);
      expect(got.map((s) => s && s.name)).toEqual([null, "空", "甲"]);
      expect(got[2]!.values).toEqual([["a"]]);
    });

    test("a large sheet reads whole, every value in place", async () => {
      const rows = [["企业", "产值", "增速"], ...Array.from({ length: 500 }, (_, i) => [`企业${i + 1}`, i * 10, i / 100])];
      const { port } = h.open([{ name: "大表", rows }]);
      expect((await port.readSheet("大表"))!.values).toEqual(rows);
    });

    test("sheet names match case-insensitively and are reported as they are", async () => {
      const { port } = h.open([{ name: "Data", rows: [["x"]] }]);
      expect((await port.readSheet("data"))!.name).toBe("Data");
    });

    test("listSheets in workbook order; activeSheet", async () => {
      const { port } = h.open([{ name: "一" }, { name: "二" }, { name: "三" }], { active: "二" });
      expect(await port.listSheets()).toEqual(["一", "二", "三"]);
      expect(await port.activeSheet()).toBe("二");
      expect(typeof (await port.workbookName())).toBe("string");
    });
  });

  describe("writeSheet", () => {
    test("a new sheet goes last; replacing one clears it fully and keeps its place and the other sheets", async () => {
      const { port } = h.open([{ name: "甲", rows: [["a"]] }, { name: "乙", rows: [["旧", "旧2"], ["", ""], ["", "远处"]] }, { name: "丙", rows: [[3]], at: { row: 2, col: 2 } }]);
      await port.writeSheet("乙", [["新"], [1]]);
      await port.writeSheet("丁", [["d"]]);
      expect(await port.listSheets()).toEqual(["甲", "乙", "丙", "丁"]);
      expect((await port.readSheet("乙"))!.values).toEqual([["新"], [1]]);
      expect((await port.readSheet("甲"))!.values).toEqual([["a"]]);
      expect(await port.readSheet("丙")).toMatchObject({ startRow: 2, startCol: 2, values: [[3]] });
      expect((await port.readSheet("丁"))!.values).toEqual([["d"]]);
    });

    test("text that looks like a number, date, boolean, error or formula stays the text written", async () => {
      const { port, formula } = h.open([{ name: "Sheet1" }]);
      const texts = ["00123", "913407001234567890", "1月5日", "TRUE", "#N/A", "=SUM(A1)", "'引号", "-5", " 前导空格"];
      await port.writeSheet("T", [texts, [1, 2.5, true, false, "", "普通", null, 0, "x"]]);
      expect((await port.readSheet("T"))!.values).toEqual([texts, [1, 2.5, true, false, "", "普通", "", 0, "x"]]);
      expect(formula("T", "F1")).toBeNull();
    });

    test("only a { formula } Jingxin built is written as a formula; a string starting with \"=\" is text", async () => {
      const { port, formula } = h.open([{ name: "Sheet1" }]);
      await port.writeSheet("F", [["x", "y"], [2, { formula: "=A2*2" }]]);
      await port.writeSheet("T", [["x", "y"], [2, "=A2*2"]]);
      expect(formula("F", "B2")).toBe("=A2*2");
      expect(formula("T", "B2")).toBeNull();
      expect((await port.readSheet("T"))!.values).toEqual([["x", "y"], [2, "=A2*2"]]);
    });

    test("a text column (number format @) keeps leading zeros", async () => {
      const { port } = h.open([{ name: "Sheet1" }]);
      await port.writeSheet("N", [["代码", "产值"], ["0123", 1.5]], { numberFormats: ["@", "0.00"] });
      expect((await port.readSheet("N"))!.values).toEqual([["代码", "产值"], ["0123", 1.5]]);
    });

    test("a table gets a valid name unique in the workbook, and headers that are unique text", async () => {
      const { port, tables } = h.open([{ name: "Sheet1" }]);
      await port.writeSheet("结果", [["企业", "企业", 2023, null], ["甲", 1, 2, 3], ["乙", 4, 5, 6]], { tableName: "亩均 结果" });
      await port.writeSheet("结果2", [["a", "b"], [1, 2]], { tableName: "亩均 结果" });
      expect((await port.readSheet("结果"))!.values).toEqual([
        ["企业", "企业2", "2023", "列4"],
        ["甲", 1, 2, 3],
        ["乙", 4, 5, 6],
      ]);
      expect(tables()).toEqual([
        ["亩均_结果", "结果"],
        ["亩均_结果_2", "结果2"],
      ]);
      // rewriting a sheet replaces its table, the name is free again
      await port.writeSheet("结果", [["k"], [1]], { tableName: "亩均 结果" });
      expect(tables()).toEqual([
        ["亩均_结果", "结果"],
        ["亩均_结果_2", "结果2"],
      ]);
    });

    test("validation lists: short ones inline, long ones in the hidden jx_lists sheet (not listed)", async () => {
      const { port, validation, hidden } = h.open([{ name: "Sheet1" }]);
      const long = Array.from({ length: 60 }, (_, i) => `县领导${i + 1}`);
      await port.writeSheet("库", [["企业", "层级", "包保领导"], ["甲", "拟进规", "县领导1"], ["乙", "高成长性", "县领导2"]], { validationLists: { 1: ["拟进规", "高成长性"], 2: long } });
      expect(validation("库", "B2:B3")).toBe("拟进规,高成长性");
      expect(validation("库", "C2:C3")).toBe("=jx_lists!$A$1:$A$60");
      expect(hidden("jx_lists")).toBe(true);
      expect(await port.listSheets()).toEqual(["Sheet1", "库"]);
      expect((await port.readSheet("jx_lists"))!.values.map((r) => r[0])).toEqual(long);
      // a second long list goes into the next column
      await port.writeSheet("库2", [["h"], ["x"]], { validationLists: { 0: long.map((l) => l + "甲") } });
      expect(validation("库2", "A2")).toBe("=jx_lists!$B$1:$B$60");
    });

    test("validation sources: a drop-down whose items are cells of the workbook", async () => {
      const { port, validation } = h.open([{ name: "参数", rows: [["类别"], ["企业用工"], ["融资"]] }]);
      await port.writeSheet("台账", [["编号", "诉求类别"], [1, "融资"], [2, ""]], { validationSources: { 1: "'参数'!$A$2:$A$101" } });
      expect(validation("台账", "B2:B3")).toBe("='参数'!$A$2:$A$101");
      expect(validation("台账", "A2:A3")).toBeNull();
    });

    test("names match case-insensitively: writing \"data\" rewrites \"Data\"", async () => {
      const { port } = h.open([{ name: "Sheet1" }]);
      await port.writeSheet("Data", [["a"]]);
      await port.writeSheet("data", [["b"]]);
      expect(await port.listSheets()).toEqual(["Sheet1", "Data"]);
      expect(await port.readSheet("DATA")).toMatchObject({ name: "Data", values: [["b"]] });
    });

    test("activate makes the written sheet the active one", async () => {
      const { port } = h.open([{ name: "一" }], { active: "一" });
      await port.writeSheet("二", [["b"]], { activate: true });
      expect(await port.activeSheet()).toBe("二");
    });
  });

  describe("writeCells, appendRows, selectCell", () => {
    test("writeCells writes values and formulas and clears cells; a missing sheet is a clear error", async () => {
      const { port, formula } = h.open([{ name: "S", rows: [["a", "b"], [1, 2]] }]);
      await port.writeCells("S", [
        { address: "B2", value: 20 },
        { address: "A2", value: null },
        { address: "C2", value: { formula: "B2+1" } },
        { address: "D1", value: "00123" },
      ]);
      expect(formula("S", "C2")).toBe("=B2+1");
      // C2's formula is not computed here (no engine): a used cell that reads "".
      expect((await port.readSheet("S"))!.values).toEqual([
        ["a", "b", "", "00123"],
        ["", 20, "", ""],
      ]);
      await expect(port.writeCells("无", [{ address: "A1", value: 1 }])).rejects.toThrow("工作表“无”不存在 (sheet 无 does not exist)");
    });

    test.each([['=HYPERLINK("http://evil.example/x","点此")'], ["=cmd|' /C calc'!A0"], ["+1+1"], ["-2+3"], ["@SUM(A1)"]])(
      "no formula from data: writeCells and appendRows write %s as text (a firm name, a typed 退库 reason)",
      async (text) => {
        const { port, formula } = h.open([{ name: "培育库", rows: [["企业名称"], ["甲"]] }]);
        await port.writeCells("培育库", [{ address: "A2", value: text }]);
        await port.appendRows("变动记录", [[text, "退库", text]], ["企业名称", "变动", "原因"]);
        expect(formula("培育库", "A2")).toBeNull();
        expect(formula("变动记录", "A2")).toBeNull();
        expect(formula("变动记录", "C2")).toBeNull();
        expect((await port.readSheet("培育库"))!.values).toEqual([["企业名称"], [text]]);
        expect((await port.readSheet("变动记录"))!.values).toEqual([["企业名称", "变动", "原因"], [text, "退库", text]]);
      },
    );

    test("appendRows creates the sheet with its header, then appends under the used range, from its first column", async () => {
      const { port } = h.open([{ name: "B列", rows: [["h"], [1]], at: { row: 2, col: 2 } }]);
      await port.appendRows("变动记录", [["2023-01-05", "甲", "层级"]], ["日期", "企业名称", "字段"]);
      await port.appendRows("变动记录", [["2023-02-01", "乙", "状态"], ["2023-02-02", "丙", "00123"]], ["日期", "企业名称", "字段"]);
      expect((await port.readSheet("变动记录"))!.values).toEqual([
        ["日期", "企业名称", "字段"],
        ["2023-01-05", "甲", "层级"],
        ["2023-02-01", "乙", "状态"],
        ["2023-02-02", "丙", "00123"],
      ]);
      await port.appendRows("B列", [[2], [3]]);
      expect(await port.readSheet("B列")).toEqual({ name: "B列", startRow: 2, startCol: 2, values: [["h"], [1], [2], [3]] });
    });

    test("selectCell makes the sheet active; a missing sheet is a clear error", async () => {
      const { port } = h.open([{ name: "一" }, { name: "二" }], { active: "一" });
      await port.selectCell("二", "C5");
      expect(await port.activeSheet()).toBe("二");
      await expect(port.selectCell("无", "A1")).rejects.toThrow(/工作表“无”不存在/);
    });
  });

  describe("highlight / clearHighlight", () => {
    test("restores exactly: an own fill comes back, no fill stays none; highlighting again keeps the originals", async () => {
      const { port, fill } = h.open([{ name: "S", rows: [["a", "b"], ["c", "d"]], fills: { A1: "#FF0000", B2: "#FFFFFF" } }]);
      await port.highlight("S", ["A1", "A2", "C3", "B2"], "#FFC7CE");
      expect(["A1", "A2", "C3", "B2", "B1"].map((a) => fill("S", a))).toEqual(["#FFC7CE", "#FFC7CE", "#FFC7CE", "#FFC7CE", null]);
      await port.highlight("S", ["A1", "B1"], "yellow");
      expect(["A1", "B1"].map((a) => fill("S", a))).toEqual(["#FFFF00", "#FFFF00"]);
      await port.clearHighlight("S");
      expect(["A1", "A2", "C3", "B2", "B1"].map((a) => fill("S", a))).toEqual(["#FF0000", null, null, "#FFFFFF", null]);
      // the values were never touched
      expect((await port.readSheet("S"))!.values).toEqual([["a", "b"], ["c", "d"]]);
    });

    test("ranges expand to their cells; a second clear is a no-op; a bad colour changes nothing", async () => {
      const { port, fill } = h.open([{ name: "S", rows: [["a"], [1]] }]);
      await port.highlight("S", ["A1:B2"], "FC7");
      expect(["A1", "B1", "A2", "B2"].map((a) => fill("S", a))).toEqual(["#FFCC77", "#FFCC77", "#FFCC77", "#FFCC77"]);
      await port.clearHighlight("S");
      await port.clearHighlight("S");
      expect(["A1", "B1", "A2", "B2"].map((a) => fill("S", a))).toEqual([null, null, null, null]);
      await expect(port.highlight("S", ["A1"], "not-a-colour")).rejects.toThrow(/颜色/);
      expect(fill("S", "A1")).toBeNull();
      await expect(port.highlight("无", ["A1"], "red")).rejects.toThrow(/工作表“无”不存在/);
    });

    test("after a sheet is rewritten, clearing restores nothing of the old cells", async () => {
      const { port, fill } = h.open([{ name: "S", rows: [["a"]] }]);
      await port.highlight("S", ["A1"], "red");
      await port.writeSheet("S", [["b"]]);
      await port.clearHighlight("S");
      expect(fill("S", "A1")).toBeNull();
      expect((await port.readSheet("S"))!.values).toEqual([["b"]]);
    });
  });
});
