/**
 * The workbench's sheet model, in Node: formulas computed by HyperFormula + the JX plugin and
 * stored back as cached values (so the pane reads them through the port), number formats,
 * fills from highlight(), merged title cells, and what the formula bar parses.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { loadFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { recalculate, disposeCalc, computedAt, Calc } from "../../src/workbench/formulas";
import { cellView, formatNumber, generalNumber, mergeSpans, parseInput, serialToText } from "../../src/workbench/model";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "jingxin-sample.xlsx");

let port: FilePort;
let calc: Calc | null = null;
beforeEach(async () => {
  port = await loadFilePort(fs.readFileSync(SAMPLE), "jingxin-sample.xlsx");
});
afterEach(() => {
  disposeCalc(calc);
  calc = null;
});

/** Drop every formula's cached result, so only the engine can supply it. */
function forgetResults(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell as unknown as { formula?: string }).formula;
        if (f) cell.value = { formula: f } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
}

describe("recalculate", () => {
  test("computes the JX and SUM formulas of the sample and stores the results where the port reads them", async () => {
    forgetResults(port.workbook);
    expect((await port.readSheet("函数示例"))!.values[1][3]).toBe(""); // no cached result left
    calc = recalculate(port.workbook);
    expect(calc.formulas).toBe(3 * 8 + 7); // 8 SUMs in each monthly 合计 row + 7 examples
    const ex = (await port.readSheet("函数示例"))!.values;
    expect(ex[1][3]).toBeCloseTo(128 / 120 - 1, 12); // =JX.YOY_GROWTH(B2,C2)
    expect(ex[2][3]).toBeCloseTo(39.16 / 37, 12); // =JX.TARGET_RATE(B3,C3)
    expect(ex[3][3]).toBeCloseTo(10 / 12, 12); // =JX.TIME_PROGRESS(B4)
    expect(ex[4][3]).toBeCloseTo(39.16 / 37 - 10 / 12, 12); // =JX.PROGRESS_GAP(B5,C5,10): +22.5 pp, the seed's figure
    expect(ex[5][3]).toBeCloseTo(7.6, 12); // =JX.ACRE_TAX(B6,C6)
    expect(ex[6][3]).toBe(true); // =JX.USCC_VALID(B7)
    // 10月 合计 row: SUM over the 117 firms; the text cell "120万元" is not summed (as in Excel).
    const m = (await port.readSheet("10月"))!;
    const total = m.values[119 - m.startRow + 1];
    expect(total[0]).toBe("合计");
    const col = (c: number) => m.values.slice(2, 119).reduce((s: number, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);
    expect(total[4]).toBeCloseTo(1045000, 6); // 上年同期1-本月工业总产值
    expect(total[2]).toBeCloseTo(col(2), 6);
    expect(m.values[16][2]).toBe("120万元");
  });

  test("a formula typed through the port computes, errors become Excel errors, and inputs propagate", async () => {
    await port.writeCells("函数示例", [
      { address: "F2", value: { formula: "=JX.YOY_GROWTH(B2,C2)" } },
      { address: "F3", value: { formula: "=JX.YOY_GROWTH(B2,0)" } },
      { address: "F4", value: { formula: "=JX.YOY_GROWTH(B2,-5)" } },
    ]);
    calc = recalculate(port.workbook);
    let v = (await port.readSheet("函数示例"))!.values;
    expect(v[1][5]).toBeCloseTo(1 / 15, 12);
    expect(v[2][5]).toBe("#DIV/0!");
    expect(v[3][5]).toBe("#NUM!");
    const ws = port.workbook.getWorksheet("函数示例")!;
    expect(cellView(ws, 2, 6, calc)).toMatchObject({ text: "0.066666667", align: "right", input: "=JX.YOY_GROWTH(B2,C2)" });
    expect(cellView(ws, 3, 6, calc)).toMatchObject({ text: "#DIV/0!", isError: true });

    await port.writeCells("函数示例", [{ address: "C2", value: 100 }]);
    disposeCalc(calc);
    calc = recalculate(port.workbook);
    v = (await port.readSheet("函数示例"))!.values;
    expect(v[1][5]).toBeCloseTo(0.28, 12);
    expect(v[1][3]).toBeCloseTo(0.28, 12);
    expect(computedAt(calc, "函数示例", 2, 4)).toBeCloseTo(0.28, 12);
  });

  test("a workbook without formulas builds no engine", async () => {
    const bare = await loadFilePort(await port.toBuffer());
    for (const ws of [...bare.workbook.worksheets]) if (ws.name !== "培育库") bare.workbook.removeWorksheet(ws.id);
    const c = recalculate(bare.workbook);
    expect(c.engine).toBeNull();
    expect(c.formulas).toBe(0);
  });
});

describe("sheet view model", () => {
  test("cells show their number formats; the merged title spans the table", () => {
    calc = recalculate(port.workbook);
    const ws = port.workbook.getWorksheet("10月")!;
    expect(mergeSpans(ws).get("A1")).toEqual({ rows: 1, cols: 12 });
    expect(cellView(ws, 1, 1, calc, mergeSpans(ws))).toMatchObject({ colSpan: 12, bold: true });
    expect(cellView(ws, 17, 3, calc)).toMatchObject({ text: "120万元", align: "left" });
    expect(cellView(ws, 120, 5, calc).text).toBe("1045000.00"); // numFmt 0.00
    const ex = port.workbook.getWorksheet("函数示例")!;
    expect(cellView(ex, 2, 4, calc).text).toBe("6.7%"); // numFmt 0.0%
    expect(cellView(ex, 7, 4, calc).text).toBe("TRUE");
    const pool = port.workbook.getWorksheet("培育库")!;
    expect(cellView(pool, 2, 6, calc).text).toMatch(/^2023-0[1-3]-\d\d$/); // 入库日期, yyyy-mm-dd
  });

  test("highlight fills show in the view and clearHighlight restores the previous fill", async () => {
    const ws = port.workbook.getWorksheet("10月")!;
    expect(cellView(ws, 2, 1, null).fill).toBe("#DDEBF7"); // header fill
    expect(cellView(ws, 9, 2, null).fill).toBeUndefined();
    await port.highlight("10月", ["B9", "A2"], "#FFC7CE");
    expect(cellView(ws, 9, 2, null).fill).toBe("#FFC7CE");
    expect(cellView(ws, 2, 1, null).fill).toBe("#FFC7CE");
    await port.clearHighlight("10月");
    expect(cellView(ws, 9, 2, null).fill).toBeUndefined();
    expect(cellView(ws, 2, 1, null).fill).toBe("#DDEBF7");
  });

  test("formatNumber and generalNumber", () => {
    expect(formatNumber(1 / 15, "0.0%")).toBe("6.7%");
    expect(formatNumber(-0.0049, "0.0%")).toBe("-0.5%");
    expect(formatNumber(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(formatNumber(2.5, "0")).toBe("3");
    expect(formatNumber(45000, "yyyy-mm-dd")).toBe("2023-03-15");
    expect(formatNumber(0.1 + 0.2, undefined)).toBe("0.3");
    expect(generalNumber(1 / 15)).toBe("0.066666667");
    expect(generalNumber(1234567.891)).toBe("1234567.891");
    expect(generalNumber(123456789012)).toBe("1.23E+11");
    expect(generalNumber(-42)).toBe("-42");
    expect(serialToText(45000)).toBe("2023-03-15");
  });

  test("parseInput: a typed \"=…\" is a formula (said explicitly), numbers become numbers", () => {
    expect(parseInput("=JX.YOY_GROWTH(B2,C2)")).toEqual({ formula: "JX.YOY_GROWTH(B2,C2)" });
    expect(parseInput(" 100 ")).toBe(100);
    expect(parseInput("-1.5e3")).toBe(-1500);
    expect(parseInput("TRUE")).toBe(true);
    expect(parseInput("")).toBeNull();
    expect(parseInput("120万元")).toBe("120万元");
  });
});
