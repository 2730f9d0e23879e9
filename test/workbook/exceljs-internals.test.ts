/**
 * Guard on the private exceljs internals the in-memory adapter (src/workbook/fileAdapter.ts)
 * relies on, with exceljs pinned: a version bump that changes them fails here, not in a county
 * office. (The streaming reader, src/workbook/streamRead.ts, reads the zip and XML itself and
 * relies on none.)
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";

test("exceljs is pinned at 4.4.0 (exact, in package.json and installed)", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  expect(pkg.dependencies.exceljs).toBe("4.4.0");
   
  expect(require("exceljs/package.json").version).toBe("4.4.0");
});

test("Worksheet.orderNo (writeSheet keeps a replaced sheet's tab position)", () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("a");
  const b = wb.addWorksheet("b");
  const order = (w: ExcelJS.Worksheet) => (w as unknown as { orderNo: number }).orderNo;
  expect([order(wb.getWorksheet("a")!), order(b)]).toEqual([1, 2]);
});

test("Worksheet.dataValidations.add(range, validation) (validation lists)", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("s");
  const dv = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void; model: Record<string, unknown> } }).dataValidations;
  expect(typeof dv.add).toBe("function");
  dv.add("A2:A5", { type: "list", allowBlank: true, formulae: ['"x,y"'] });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  expect(JSON.stringify((back.getWorksheet("s") as unknown as { dataValidations: { model: unknown } }).dataValidations.model)).toContain("x,y");
});

test("getTables() items carry the table name (as `name` or `table.name`)", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("s");
  ws.addTable({ name: "T1", ref: "A1", headerRow: true, columns: [{ name: "a" }], rows: [[1]] } as ExcelJS.TableProperties);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const book of [wb, back]) {
    const t = book.getWorksheet("s")!.getTables() as unknown as { name?: string; table?: { name?: string } }[];
    expect(t.map((x) => x.name ?? x.table?.name)).toEqual(["T1"]);
  }
});
