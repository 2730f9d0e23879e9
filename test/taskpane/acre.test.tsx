/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import * as ExcelJS from "exceljs";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { AcreTab } from "../../src/taskpane/acre/AcreTab";
import { evaluateInWorkbook, formulaNameFor } from "../../src/taskpane/acre/actions";
import { makeAcreSample } from "../../src/core/acre/sampleData";
import type { WorkbookPort } from "../../src/workbook/port";
import { HEADER, small } from "../core/acre/fixture";
import { press } from "./settle";

(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function workbook(rows: unknown[][], extra?: (wb: ExcelJS.Workbook) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("亩均数据").addRows(rows);
  extra?.(wb);
  return wb;
}

function mount(port: WorkbookPort, displayLanguage?: () => string) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <AcreTab port={port} displayLanguage={displayLanguage} />
    </FluentProvider>,
  );
}

const sheetValues = (port: FilePort, name: string) => {
  const ws = port.workbook.getWorksheet(name)!;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe("AcreTab over the file adapter", () => {
  test("the data sheet is found by the one sheet chooser: a per-mu table not named 亩均数据, behind an active monthly report", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("10月").addRows([
      ["企业名称", "统一社会信用代码", "本月工业总产值(万元)", "1-本月工业总产值(万元)"],
      ["甲公司", "91340700F00000001A", 100, 1000],
    ]);
    wb.addWorksheet("2023年评价数据").addRows(small);
    const port = createFilePort(wb);
    jest.spyOn(port, "activeSheet").mockResolvedValue("10月");
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("2023年评价数据"));
    await press("评价 (evaluate)");
    expect(screen.getByTestId("status").textContent).toMatch(/已评价 \d+ 户/);
  });

  test("evaluate: result sheet written as a table, input untouched, grades/aggregates/out-of-scope shown; 参数 offered", async () => {
    const port = createFilePort(workbook(small));
    const before = JSON.stringify(sheetValues(port, "亩均数据"));
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("亩均数据"));
    await press("评价 (evaluate)");
    await screen.findByTestId("aggregates");

    expect(JSON.stringify(sheetValues(port, "亩均数据"))).toBe(before);
    const ws = port.workbook.getWorksheet("亩均评价结果")!;
    expect(ws).toBeDefined();
    expect(ws.getCell("A1").value).toBe("企业名称");
    expect(ws.getCell("A2").value).toBe("甲");
    expect(ws.getCell("Y2").value).toBe("A"); // 最终等级: N = 3 → bounds round(0.6)=1, round(1.95)=2, round(2.85)=3
    expect((ws.getCell("T2").value as number)).toBeCloseTo(133.958333, 5);
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toContain("JxAcreResult");
    expect(port.workbook.getWorksheet("参数")).toBeUndefined();

    expect(screen.getByTestId("count-规上-A").textContent).toContain("1 户");
    expect(screen.getByTestId("count-规下-B").textContent).toContain("1 户");
    const tax = within(screen.getByTestId("agg-taxPerMu")).getAllByRole("cell");
    expect(tax.map((c) => c.textContent)).toEqual(["亩均税收（万元/亩）", "6.00", "6.00"]);
    const items = screen.getAllByTestId("out-of-scope-item").map((b) => b.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/第 5 行 零能耗.*综合能耗为 0/);
    expect(items[1]).toMatch(/第 8 行 小厂.*不足 3 亩/);
    expect(screen.getByTestId("status").textContent).toMatch(/已评价 5 户、未参评 2 户/);

    // no 参数 sheet: the defaults were used; one click records them
    await press(within(screen.getByTestId("no-params")).getByRole("button", { name: "创建参数表 (create 参数)" }));
    await waitFor(() => expect(screen.queryByTestId("no-params")).toBeNull());
    expect(port.workbook.getWorksheet("参数")!.getCell("A2").value).toBe("亩均评价方法");
    expect(port.workbook.getWorksheet("参数")!.getCell("B2").value).toBe("比值法");
  });

  test("the template button creates 亩均数据 (canonical header) and 参数, and never overwrites", async () => {
    const port = createFilePort(new ExcelJS.Workbook());
    port.workbook.addWorksheet("Sheet1");
    mount(port);
    await press("创建模板 (template)");
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/已创建/));
    expect(sheetValues(port, "亩均数据")[0]).toEqual([...HEADER, "研发经费(万元)", "技改投资(万元)"]);
    port.workbook.getWorksheet("亩均数据")!.getCell("A2").value = "已有数据";
    await press("创建模板 (template)");
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/已存在，未改动/));
    expect(port.workbook.getWorksheet("亩均数据")!.getCell("A2").value).toBe("已有数据");
  });

  test("parameters from the 参数 sheet are used (ranked together, other hints)", async () => {
    const port = createFilePort(
      workbook(small, (wb) =>
        wb.addWorksheet("参数").addRows([
          ["参数", "值"],
          ["规上规下分开排名", "否"],
          ["B类政策导向", "引导提升"],
        ]),
      ),
    );
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("亩均数据"));
    await press("评价 (evaluate)");
    await screen.findByTestId("grades-全部");
    expect(screen.queryByTestId("grades-规上")).toBeNull();
    expect(screen.getByTestId("params-line").textContent).toContain("合并排名");
    const ws = port.workbook.getWorksheet("亩均评价结果")!;
    const hints = [];
    for (let r = 2; r <= 8; r++) hints.push(ws.getCell(`Z${r}`).value);
    expect(hints).toContain("引导提升");
  });

  test("compare with last year's result sheet", async () => {
    const port = createFilePort(
      workbook(small, (wb) =>
        wb.addWorksheet("2021结果").addRows([
          ["企业名称", "统一社会信用代码", "等级"],
          ["甲", "A1", "C"],
          ["乙", "B2", "A"],
          ["关停厂", null, "D"],
        ]),
      ),
    );
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("亩均数据"));
    fireEvent.change(screen.getByLabelText("上年结果表 (last year's result)"), { target: { value: "2021结果" } });
    await press("评价 (evaluate)");
    await screen.findByTestId("comparison");
    expect(screen.getByTestId("cmp-up").textContent).toContain("甲 C→A");
    expect(screen.getByTestId("cmp-down").textContent).toContain("乙 A→B");
    expect(screen.getByTestId("cmp-removed").textContent).toContain("关停厂");
    expect(screen.getByTestId("cmp-added").textContent).toMatch(/新参评 \(new\) 3 户/);
  });

  test("定档调档: result columns, final-grade bars with 不定等级 apart, adjusted firms and their detail, last year by final grades", async () => {
    // 规下 pool, 10 亩 each, tax 10…50; f5 vetoed, f4 不定等级 → ranked N = 3 (f1 f2 f3): bounds 1, 2, 3
    const rows = [
      ["企业名称", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "一票否决", "否决原因", "调整等级", "调整原因", "不定等级", "不定等级原因"],
      ["f1", "规下", 10, 10, 100, null, null, "A", "领导小组定档", null, null],
      ["f2", "规下", 10, 20, 100, null, null, null, null, null, null],
      ["f3", "规下", 10, 30, 100, null, null, null, null, null, null],
      ["f4", "规下", 10, 40, 100, null, null, null, null, "是", "初创期"],
      ["f5", "规下", 10, 50, 100, "是", "重大安全事故", null, null, null, null],
    ];
    const port = createFilePort(
      workbook(rows, (wb) =>
        wb.addWorksheet("上年").addRows([
          ["企业名称", "最终等级"],
          ["f1", "C"],
          ["f4", "B"],
          ["f5", "A"],
        ]),
      ),
    );
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("亩均数据"));
    fireEvent.change(screen.getByLabelText("上年结果表 (last year's result)"), { target: { value: "上年" } });
    await press("评价 (evaluate)");
    await screen.findByTestId("adjusted");

    // the result sheet carries 排名等级, 调整, 调整原因, 最终等级
    const res = sheetValues(port, "亩均评价结果");
    const h = res[0] as string[];
    const line = (name: string) => res.find((r) => r[0] === name)!;
    const cols = (name: string) => ["排名等级", "调整", "调整原因", "最终等级"].map((c) => line(name)[h.indexOf(c)] ?? null);
    expect(cols("f1")).toEqual(["C", "调整等级", "领导小组定档", "A"]);
    expect(cols("f5")).toEqual([null, "一票否决", "重大安全事故", "D"]);
    expect(cols("f4")).toEqual([null, "不定等级", "初创期", null]);

    // grade bars count final grades; 不定等级 apart
    expect(screen.getByTestId("count-规下-A").textContent).toContain("2 户（50.0%）"); // of the 4 graded: 不定等级 is not in the shares
    expect(screen.getByTestId("count-规下-B").textContent).toContain("1 户");
    expect(screen.getByTestId("count-规下-D").textContent).toContain("1 户");
    expect(screen.getByTestId("count-规下-不定等级").textContent).toMatch(/不定等级 1 户/);
    expect(within(screen.getByTestId("grades-规下")).getByText(/定级 4 户，不定等级 1 户/)).toBeTruthy();

    const items = screen.getAllByTestId("adjusted-item").map((b) => b.textContent);
    expect(items).toEqual([
      "f1：调整等级，排名等级 C → 最终等级 A；领导小组定档",
      "f4：不定等级，排名等级 — → 最终等级 不定等级；初创期",
      "f5：一票否决，排名等级 — → 最终等级 D；重大安全事故",
    ]);
    fireEvent.click(screen.getAllByTestId("adjusted-item")[0]);
    const detail = await screen.findByTestId("firm-detail");
    expect(within(detail).getByTestId("detail-排名等级").textContent).toBe("C");
    expect(within(detail).getByTestId("detail-调整").textContent).toBe("调整等级");
    expect(within(detail).getByTestId("detail-调整原因").textContent).toBe("领导小组定档");
    expect(within(detail).getByTestId("detail-最终等级").textContent).toBe("A");
    expect(within(detail).getByTestId("detail-排名").textContent).toBe("3");
    fireEvent.change(screen.getByLabelText("企业明细 (firm detail)"), { target: { value: "6" } });
    await waitFor(() => expect(within(screen.getByTestId("firm-detail")).getByTestId("detail-排名").textContent).toBe("不参与排名"));

    // last year compared on final grades
    expect(screen.getByTestId("cmp-up").textContent).toContain("f1 C→A");
    expect(screen.getByTestId("cmp-down").textContent).toContain("f5 A→D");
    expect(screen.getByTestId("cmp-removed").textContent).toContain("f4（上年 B；不定等级：初创期）");
  });

  test("a missing column is an error, nothing is written", async () => {
    const port = createFilePort(workbook([["企业名称", "规模", "用地面积(亩)"], ["甲", "规上", 10]]));
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("亩均数据"));
    await press("评价 (evaluate)");
    expect((await screen.findByTestId("error")).textContent).toMatch(/缺少必需列“实缴税金\(万元\)”/);
    expect(port.workbook.getWorksheet("亩均评价结果")).toBeUndefined();
  });

  test("policy hints are editable and saved into 参数", async () => {
    const port = createFilePort(workbook(small));
    mount(port);
    await waitFor(() => expect((screen.getByLabelText("数据表 (data sheet)") as HTMLSelectElement).value).toBe("亩均数据"));
    await press("评价 (evaluate)");
    const d = await screen.findByLabelText("D类政策导向");
    expect((d as HTMLInputElement).value).toBe("整治提升");
    fireEvent.change(d, { target: { value: "限期整改" } });
    await press("保存到参数表 (save to 参数)");
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/政策导向已保存/));
    const rows = sheetValues(port, "参数");
    expect(rows.find((r) => r[0] === "D类政策导向")![1]).toBe("限期整改");
  });
});

describe("evaluateInWorkbook", () => {
  test("the 221-firm sample: one read and one write whatever the firm count", async () => {
    const s = makeAcreSample(2021);
    const port = createFilePort(workbook([s.header, ...s.rows]));
    const calls: string[] = [];
    const counted = new Proxy(port, {
      get(t, k, r) {
        const v = Reflect.get(t, k, r);
        return typeof v === "function" ? (...a: unknown[]) => (calls.push(String(k)), v.apply(t, a)) : v;
      },
    });
    const out = await evaluateInWorkbook(counted, { sheet: "亩均数据" });
    if ("error" in out) throw new Error(out.error);
    expect(calls).toEqual(["readSheets", "writeSheet"]);
    expect(out.written).toBe(221);
    expect(out.evaluation.aggregates.all.taxPerMu).toBeCloseTo(7.6, 9);
  });
  test("formula names are the English ids whatever the display language (range.formulas is the invariant language)", () => {
    expect(formulaNameFor("zh-CN")("ACRE_TAX")).toBe("JX.ACRE_TAX");
    expect(formulaNameFor("en-US")("ACRE_TAX")).toBe("JX.ACRE_TAX");
  });
});

describe("over the Office adapter (office-addin-mock)", () => {
  // imported lazily so the file adapter tests above do not depend on it
  const { createOfficePort } = jest.requireActual("../../src/excel/officeAdapter") as typeof import("../../src/excel/officeAdapter");
  const { fakeContext, newBook, newSheet, cellOf } = jest.requireActual("../excel/fakeExcel") as typeof import("../excel/fakeExcel");

  async function evaluateWithSyncs(rows: unknown[][], withParams: boolean, formulas = false) {
    const sheets = [newSheet("亩均数据", rows as never)];
    if (withParams) sheets.push(newSheet("参数", [["参数", "值"], ["亩均评价方法", "比值法"]]));
    const book = newBook(sheets);
    const fake = fakeContext(book);
    const port = createOfficePort(fake.run, { supports: () => true });
    const before = fake.state.syncs;
    const inputBefore = JSON.stringify([...sheets[0].cells.entries()]);
    const out = await evaluateInWorkbook(port, { sheet: "亩均数据", formulaName: formulas ? formulaNameFor("zh-CN") : null });
    if ("error" in out) throw new Error(out.error);
    return { syncs: fake.state.syncs - before, book, out, inputBefore };
  }

  test("the sync count does not depend on the firm count (10 vs 221 vs 2000 firms)", async () => {
    const s = makeAcreSample(2021);
    const big = [s.header, ...Array.from({ length: 2000 }, (_, i) => s.rows[i % s.rows.length])];
    const counts = [];
    for (const withParams of [true, false]) {
      for (const rows of [[s.header, ...s.rows.slice(0, 10)], [s.header, ...s.rows], big]) counts.push((await evaluateWithSyncs(rows, withParams)).syncs);
    }
    expect(new Set(counts).size).toBe(1);
    // one readSheets (2) + one writeSheet (1, using the names the read saw): the issue's ≤ 3
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  test("the result sheet holds the expected values; the input range is untouched", async () => {
    const { book, out, inputBefore } = await evaluateWithSyncs(small, true);
    expect(out.written).toBe(7);
    const input = book.sheets.find((x) => x.name === "亩均数据")!;
    expect(JSON.stringify([...input.cells.entries()])).toBe(inputBefore);
    expect(cellOf(input, "H5")!.value).toBe(0);
    const res = book.sheets.find((x) => x.name === "亩均评价结果")!;
    expect(cellOf(res, "A2")!.value).toBe("甲");
    expect(cellOf(res, "Y2")!.value).toBe("A");
    expect(Number(cellOf(res, "T2")!.value)).toBeCloseTo(133.958333, 5);
    expect(book.tables.map((t) => t.name)).toContain("JxAcreResult");
  });

  test("formula option under a Chinese UI: indicator cells are JX formulas with the English ids (through range.formulas)", async () => {
    const { book } = await evaluateWithSyncs(small, true, true);
    const res = book.sheets.find((x) => x.name === "亩均评价结果")!;
    const k2 = cellOf(res, "K2")!;
    expect(k2.formula).toBe("=JX.ACRE_TAX(F2,E2)");
  });

  test("the fake Excel refuses a localized function name in range.formulas (as Excel does)", async () => {
    const fake = fakeContext(newBook([]));
    const port = createOfficePort(fake.run, { supports: () => true });
    await expect(port.writeSheet("F", [["x"], [{ formula: "JX.亩均税收(F2,E2)" }]])).rejects.toThrow(/亩均税收.*formulasLocal/);
    // a Chinese text in a string literal is no function name
    await port.writeSheet("G", [["x"], [{ formula: 'HYPERLINK("#\'10月\'!A1","去(看)")' }]]);
  });
});
