/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import * as ExcelJS from "exceljs";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import type { WorkbookPort } from "../../src/workbook/port";
import { ValidateTab, freeSheetName, ERROR_FILL, WARNING_FILL } from "../../src/taskpane/validate/ValidateTab";
import { MONTHLY_TEMPLATE_HEADERS } from "../../src/core/validate";
import { auditBook, buildWorkbook, monthlyDefects, monthlyPrevious, monthlyRows, FixtureSheet } from "../../scripts/make-validate-fixtures";
import { press } from "./settle";

// jsdom has no ResizeObserver (Fluent's MessageBar uses one).
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function mount(port: WorkbookPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ValidateTab port={port} />
    </FluentProvider>,
  );
}

function filePort(sheets: FixtureSheet[] = [monthlyDefects(), monthlyPrevious()]): FilePort {
  return createFilePort(buildWorkbook(sheets), "一套表.xlsx");
}

/** Every value of every sheet (what validation must never change). */
const valuesOf = (wb: ExcelJS.Workbook, names = wb.worksheets.map((w) => w.name)) =>
  JSON.stringify(names.map((n) => wb.getWorksheet(n)!.getSheetValues()));
/** The fill of every cell in A1:K25 of a sheet. */
const fillsOf = (ws: ExcelJS.Worksheet) => {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= 25; r++) for (let c = 1; c <= 11; c++) out[ws.getCell(r, c).address] = ws.getCell(r, c).style?.fill ?? null;
  return JSON.stringify(out);
};

const enabled = (el: HTMLElement) => !(el as HTMLButtonElement).disabled && el.getAttribute("aria-disabled") !== "true";
const runButton = () => screen.getByRole("button", { name: /开始校验/ });
const findings = () => screen.getAllByTestId("finding").map((b) => b.textContent!);

async function runAndWait() {
  await press(runButton());
  return screen.findByTestId("verdict");
}

describe("ValidateTab over the file adapter", () => {
  test("runs on the active sheet, groups findings by severity with counts, shows the verdict and rules not run", async () => {
    const port = filePort();
    mount(port);
    const verdict = await runAndWait();
    expect(verdict.textContent).toContain("不能提交");
    expect(verdict.textContent).toContain("有 9 个错误须修改");
    expect(screen.getByTestId("count-error").textContent).toBe("9");
    expect(screen.getByTestId("count-warning").textContent).toBe("10");
    expect(screen.getByTestId("count-explained").textContent).toContain("已说明 1");
    const errs = within(screen.getByTestId("group-error")).getAllByTestId("finding").map((b) => b.textContent!.slice(0, 30));
    expect(errs[0]).toMatch(/^H6M-REQ/);
    const warns = within(screen.getByTestId("group-warning")).getAllByTestId("finding").map((b) => b.textContent!.slice(0, 30));
    expect(warns[0]).toMatch(/^C2RATE/);
    expect(findings().some((t) => t.startsWith("D15M-YOY已说明"))).toBe(true);
    // last month's sheet is preselected (9月 for 10月) and named in the summary
    expect((screen.getByLabelText("上月工作表 (last month)") as HTMLSelectElement).value).toBe("9月");
    expect(screen.getByTestId("summary").textContent).toContain("月报（自动识别）");
    expect(screen.getByTestId("summary").textContent).toContain("上月 (last month)：9月");
    expect(findings().some((t) => t.startsWith("D18M-YTD-DECREASE"))).toBe(true);
    expect(screen.getByTestId("skipped").textContent).not.toContain("M-YTD-DECREASE");
    expect(screen.getByTestId("skipped").textContent).toContain("M-LAST-YEAR");
  });

  test("a progress bar shows while the sheet is read and validated", async () => {
    const inner = filePort();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const port: WorkbookPort = { ...inner, readSheets: async (names) => (await gate, inner.readSheets(names)) };
    mount(port);
    await waitFor(() => expect(enabled(runButton())).toBe(true));
    fireEvent.click(runButton()); // not press(): this test looks at the pane while it is busy
    expect(await screen.findByTestId("progress")).toBeTruthy();
    expect(enabled(runButton())).toBe(false);
    release();
    await screen.findByTestId("verdict");
    expect(screen.queryByTestId("progress")).toBeNull();
  });

  test("clicking a finding selects its cell in the workbook", async () => {
    const port = filePort();
    mount(port);
    await runAndWait();
    fireEvent.click(screen.getAllByTestId("finding").find((b) => b.textContent!.startsWith("H19"))!);
    await waitFor(() => expect(port.selection).toEqual({ sheet: "10月", address: "H19" }));
  });

  test("last month's sheet and the rule-set override", async () => {
    const port = filePort();
    mount(port);
    await waitFor(() => expect(enabled(runButton())).toBe(true));
    fireEvent.change(screen.getByLabelText("上月工作表 (last month)"), { target: { value: "" } });
    await runAndWait();
    // （无）: no last month
    expect(findings().some((t) => t.startsWith("D18M-YTD-DECREASE"))).toBe(false);
    expect(screen.getByTestId("skipped").textContent).toContain("M-YTD-DECREASE");
    fireEvent.change(screen.getByLabelText("上月工作表 (last month)"), { target: { value: "9月" } });
    await press(runButton());
    await waitFor(() => expect(findings().some((t) => t.startsWith("D18M-YTD-DECREASE"))).toBe(true));
    expect(screen.getByTestId("skipped").textContent).not.toContain("M-YTD-DECREASE");
    fireEvent.change(screen.getByLabelText("规则集 (rules)"), { target: { value: "pool" } });
    await press(runButton());
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toContain("培育库"));
  });

  test("highlight marks the offending cells; clear restores the previous fills exactly; values never change", async () => {
    const wb = buildWorkbook([monthlyDefects(), monthlyPrevious()]);
    const ws = wb.getWorksheet("10月")!;
    // a cell with its own fill before (an offending one) and one without
    ws.getCell("H6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
    const port = createFilePort(wb);
    const fills = fillsOf(ws); // (touches A1:K25 first, so getSheetValues sees the same rows before and after)
    const values = valuesOf(wb);
    mount(port);
    await runAndWait();
    expect(valuesOf(wb)).toBe(values);
    await press(/标记问题单元格/);
    // 9 error cells and 8 other warning cells of 10月
    await screen.findByText(/已标记 17 个单元格/);
    const argb = (a: string) => (ws.getCell(a).style.fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(argb("H6")).toBe("FF" + ERROR_FILL.slice(1));
    expect(argb("C2")).toBe("FF" + WARNING_FILL.slice(1)); // RATE is a 提示
    expect(argb("D14")).toBe("FF" + WARNING_FILL.slice(1));
    expect(ws.getCell("A5").style.fill).toBeUndefined();
    // highlighting twice keeps the original fills remembered
    await press(/标记问题单元格/);
    await waitFor(() => expect(enabled(screen.getByRole("button", { name: /清除标记/ }))).toBe(true));
    await press(/清除标记/);
    await screen.findByText(/已恢复原有格式/);
    expect(fillsOf(ws)).toBe(fills);
    expect(valuesOf(wb)).toBe(values);
  });

  test("写入报告 adds, then replaces, the 校验报告 sheet — the only sheet whose values it writes", async () => {
    const wb = buildWorkbook([monthlyDefects(), monthlyPrevious()]);
    const port = createFilePort(wb);
    const data = valuesOf(wb, ["10月", "9月"]);
    mount(port);
    await runAndWait();
    for (let i = 0; i < 2; i++) {
      await press(/写入报告/);
      await screen.findByText(/已写入“校验报告”工作表/);
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(["10月", "9月", "校验报告"]);
    const rep = wb.getWorksheet("校验报告")!;
    expect(rep.getCell("B1").value).toMatch(/^不能提交/);
    expect(rep.getCell("A6").value).toBe("M-REQ");
    expect(rep.getCell("C6").value).toMatchObject({ formula: `HYPERLINK("#'10月'!H6","H6")` });
    expect(valuesOf(wb, ["10月", "9月"])).toBe(data);
    // the report sheet is not offered for validation
    expect(within(screen.getByLabelText("工作表 (sheet)")).queryByText("校验报告")).toBeNull();
  });

  test("新建模板 writes the canonical header on a new sheet, never over an existing one", async () => {
    const wb = buildWorkbook([{ name: "月报", rows: [["已有数据"]] }, monthlyDefects()]);
    const port = createFilePort(wb);
    mount(port);
    await waitFor(() => expect(enabled(screen.getByRole("button", { name: /新建模板/ }))).toBe(true));
    await press(/新建模板/);
    await screen.findByText(/已新建月报模板工作表“月报\(2\)”/);
    expect(wb.getWorksheet("月报")!.getCell("A1").value).toBe("已有数据");
    const t = wb.getWorksheet("月报(2)")!;
    expect((t.getRow(1).values as unknown[]).slice(1)).toEqual([...MONTHLY_TEMPLATE_HEADERS]);
    expect(freeSheetName("月报", ["月报", "月报(2)"])).toBe("月报(3)");
    // the new sheet is selected; validating the empty template finds nothing
    await waitFor(() => expect((screen.getByLabelText("工作表 (sheet)") as HTMLSelectElement).value).toBe("月报(2)"));
    const verdict = await runAndWait();
    expect(verdict.textContent).toContain("可以提交");
  });

  test("the audit workbook: last month and last year found, 参数 read; the region box wins; 应报未报 points at last month's sheet", async () => {
    const port = createFilePort(buildWorkbook(auditBook().sheets));
    mount(port);
    await waitFor(() => expect(enabled(runButton())).toBe(true));
    await waitFor(() => expect((screen.getByLabelText("上月工作表 (last month)") as HTMLSelectElement).value).toBe("2023年9月"));
    await runAndWait();
    expect(screen.getByTestId("summary").textContent).toContain("上月 (last month)：2023年9月");
    expect(screen.getByTestId("summary").textContent).toContain("上年 (last year)：2022年10月");
    const cells = findings().map((t) => t.slice(0, 3));
    expect(findings().filter((t) => /M-USCC-REGION/.test(t)).map((t) => t.slice(0, 2))).toEqual(["B8"]);
    expect(cells).toContain("A11");
    expect(screen.getByText(/新增：本月有 1 家企业/)).toBeTruthy();
    fireEvent.click(screen.getAllByTestId("finding").find((b) => /M-NOT-REPORTED/.test(b.textContent!))!);
    await waitFor(() => expect(port.selection).toEqual({ sheet: "2023年9月", address: "A11" }));
    // a bad code is refused; 340700 flags the county's firms
    fireEvent.change(screen.getByLabelText("行政区划代码 (region)"), { target: { value: "34072" } });
    await press(runButton());
    expect((await screen.findByTestId("message")).textContent).toContain("行政区划代码应为 6 位数字");
    fireEvent.change(screen.getByLabelText("行政区划代码 (region)"), { target: { value: "340700" } });
    await runAndWait();
    await waitFor(() => expect(findings().filter((t) => /M-USCC-REGION/.test(t)).length).toBe(9));
  });

  test("自动 finds last month by a 月份 column", async () => {
    const header = ["企业名称", "统一社会信用代码", "月份", "本月工业总产值", "1-本月工业总产值"];
    const code = monthlyDefects().rows[4][1];
    const port = filePort([
      { name: "本月", rows: [header, ["安徽枞阳海螺水泥有限公司", code, 10, 500, 5000]] },
      { name: "上月", rows: [header, ["安徽枞阳海螺水泥有限公司", code, 9, 450, 4600]] },
    ]);
    mount(port);
    await waitFor(() => expect(enabled(runButton())).toBe(true));
    expect((screen.getByLabelText("上月工作表 (last month)") as HTMLSelectElement).value).toBe(":auto");
    await runAndWait();
    expect(screen.getByTestId("summary").textContent).toContain("上月 (last month)：上月");
    expect(findings().some((t) => t.startsWith("D2M-MONTH-IDENTITY"))).toBe(true);
  });

  test("unusable sheets and a bad month give a clear message, no verdict", async () => {
    const port = filePort([{ name: "封面", rows: [["2023年10月统计月报"], ["枞阳县经信局"]] }, monthlyDefects()]);
    mount(port);
    await waitFor(() => expect(enabled(runButton())).toBe(true));
    await press(runButton());
    expect((await screen.findByTestId("message")).textContent).toMatch(/找不到可识别的表头/);
    expect(screen.queryByTestId("verdict")).toBeNull();
    fireEvent.change(screen.getByLabelText("工作表 (sheet)"), { target: { value: "10月" } });
    fireEvent.change(screen.getByLabelText("月份 (month)"), { target: { value: "13" } });
    await press(runButton());
    expect((await screen.findByTestId("message")).textContent).toContain("月份应为 1–12");
    fireEvent.change(screen.getByLabelText("月份 (month)"), { target: { value: "12" } });
    await runAndWait();
    expect(screen.getByTestId("summary").textContent).toContain("12 月");
  });
});

describe("ValidateTab over the Office adapter (fake Excel on office-addin-mock): sync counts", () => {
  const { createOfficePort } = require("../../src/excel/officeAdapter") as typeof import("../../src/excel/officeAdapter");
  const { fakeContext, newBook, newSheet, cellOf } = require("../excel/fakeExcel") as typeof import("../excel/fakeExcel");

  const values = (rows: (string | number | null)[][]) => {
    const w = Math.max(...rows.map((r) => r.length));
    return rows.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? ""));
  };

  function office(rows: (string | number | null)[][]) {
    const book = newBook([newSheet("10月", values(rows)), newSheet("9月", values(monthlyPrevious().rows))]);
    const fake = fakeContext(book);
    return { book, fake, port: createOfficePort(fake.run, { supports: () => true }) };
  }

  test("a validation run reads in ≤ 2 syncs, the same for 14 and 10 000 rows", async () => {
    const syncs: number[] = [];
    for (const rows of [monthlyDefects().rows, monthlyRows(10000)]) {
      const { fake, port } = office(rows);
      const view = mount(port);
      await waitFor(() => expect(enabled(runButton())).toBe(true));
      fake.state.syncs = 0;
      await runAndWait();
      syncs.push(fake.state.syncs);
      view.unmount();
    }
    expect(syncs[0]).toBeLessThanOrEqual(2);
    expect(syncs[1]).toBe(syncs[0]);
  });

  test("select, highlight and clear through the Office adapter; values and fills restored", async () => {
    const rows = monthlyDefects().rows;
    const { book, port } = office(rows);
    const sheet = book.sheets[0];
    sheet.cells.set("5,7", { value: "", fill: "#00B0F0" }); // H6 (blank) had a fill before
    const snapshot = () => JSON.stringify([...sheet.cells.entries()].map(([k, c]) => [k, c.value, c.fill]));
    const before = snapshot();
    const valuesBefore = JSON.stringify([...sheet.cells.entries()].map(([k, c]) => [k, c.value]));
    mount(port);
    await runAndWait();
    fireEvent.click(screen.getAllByTestId("finding")[0]);
    await waitFor(() => expect(book.selected).toBe("10月!H6"));
    await waitFor(() => expect(enabled(screen.getByRole("button", { name: /标记问题单元格/ }))).toBe(true));
    await press(/标记问题单元格/);
    await screen.findByText(/已标记 17 个单元格/);
    expect(cellOf(sheet, "H6")!.fill).toBe(ERROR_FILL);
    expect(cellOf(sheet, "G17")!.fill).toBe(WARNING_FILL);
    await press(/清除标记/);
    await screen.findByText(/已恢复原有格式/);
    expect(snapshot()).toBe(before);
    expect(JSON.stringify([...sheet.cells.entries()].map(([k, c]) => [k, c.value]))).toBe(valuesBefore);
  });
});
