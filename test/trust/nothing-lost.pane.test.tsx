/** @jest-environment jsdom */
/**
 * Nothing lost (2/2): the task pane's own buttons, over the file adapter, on the sample
 * workbook with the user's formatting on the very cells validation will flag.
 *   - 标记问题单元格 changes only the fills of the flagged cells of the checked sheet (values and
 *     every other style untouched); 清除标记 restores every fill exactly — also after saving and
 *     reopening the file; 写入报告 adds 校验报告 and changes nothing else.
 *   - 写入分析表 adds/replaces 运行分析 only; 新建目标表 creates 目标 only, and an existing 目标 is
 *     left alone until the overwrite is confirmed.
 */
import * as React from "react";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { render, screen, waitFor, cleanup } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { ValidateTab } from "../../src/taskpane/validate/ValidateTab";
import { MonitorTab } from "../../src/taskpane/monitor/MonitorTab";
import { isUnusable, REPORT_SHEET, RULE_SETS, validateSheet } from "../../src/core/validate";
import { ANALYSIS_SHEET } from "../../src/core/monitor/report";
import { TARGETS_SHEET } from "../../src/core/monitor/targets";
import { byAddress, cellOf, diff, load, snapshot } from "./snapshot";
import { press } from "../taskpane/settle";

// jsdom has no ResizeObserver (Fluent's MessageBar uses one) nor setImmediate.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
(globalThis as unknown as { setImmediate: unknown }).setImmediate ??= (fn: () => void) => setTimeout(fn, 0);

const SAMPLE = path.join(__dirname, "..", "..", "samples", "jingxin-sample.xlsx");
const SHEET = "10月";

afterEach(cleanup);

/** The cells validation flags on the sheet (what the pane shows), computed by the core. */
async function flaggedCells(wb: ExcelJS.Workbook): Promise<string[]> {
  const sheet = await createFilePort(wb).readSheet(SHEET);
  const v = validateSheet(sheet!, RULE_SETS);
  if (isUnusable(v)) throw new Error(v.error);
  return [...new Set(v.result.findings.map((f) => f.cell))].sort(byAddress);
}

/** The sample as the user has it: their own fills, fonts and formats on some flagged cells and beside them. */
async function userBook(): Promise<{ bytes: Buffer; flagged: string[] }> {
  const wb = await load(fs.readFileSync(SAMPLE));
  const flagged = await flaggedCells(wb);
  const ws = wb.getWorksheet(SHEET)!;
  const [a, b, c] = flagged;
  ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } };
  ws.getCell(a).font = { bold: true, color: { argb: "FF0000FF" } };
  ws.getCell(b).fill = { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FFFF0000" }, bgColor: { argb: "FF00FF00" } };
  ws.getCell(b).numFmt = "#,##0.000";
  ws.getCell(c).fill = { type: "gradient", gradient: "angle", degree: 45, stops: [{ position: 0, color: { argb: "FFFFFFFF" } }, { position: 1, color: { argb: "FF4472C4" } }] } as ExcelJS.Fill;
  ws.getCell(c).border = { top: { style: "thick", color: { argb: "FF000000" } } };
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } }; // not flagged: must stay
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { bytes, flagged };
}

const enabled = (name: RegExp) => {
  const b = screen.getByRole("button", { name }) as HTMLButtonElement;
  return !b.disabled && b.getAttribute("aria-disabled") !== "true";
};
/** Clicks once enabled; resolves when the pane is idle again. */
const click = press;

function mount(node: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

describe("validation: highlight, clear, report", () => {
  test("标记 changes only the fills of the flagged cells; 清除 restores every fill exactly, also after save and reopen", async () => {
    const { bytes, flagged } = await userBook();
    expect(flagged.length).toBeGreaterThanOrEqual(3);
    const port: FilePort = createFilePort(await load(bytes), "一套表.xlsx");
    const before = snapshot(port.workbook);
    mount(<ValidateTab port={port} />);
    await click(/开始校验/);
    await screen.findByTestId("verdict");

    await click(/标记问题单元格/);
    await waitFor(() => expect(enabled(/清除标记/)).toBe(true));
    const marked = snapshot(port.workbook);
    const d = diff(before, marked);
    expect(d).toEqual({ added: [], removed: [], layout: [], cells: { [SHEET]: flagged } });
    for (const a of flagged) {
      const was = cellOf(before, SHEET, a) ?? { value: null, style: {} };
      const now = cellOf(marked, SHEET, a)!;
      const { fill: _f1, ...restWas } = was.style as Record<string, unknown>;
      const { fill: fillNow, ...restNow } = now.style as Record<string, unknown>;
      expect({ a, value: now.value, rest: restNow }).toEqual({ a, value: was.value, rest: restWas }); // only the fill
      expect(fillNow).toMatchObject({ type: "pattern", pattern: "solid" });
    }

    await click(/标记问题单元格/); // again: no fill is remembered twice
    await click(/清除标记/);
    await waitFor(() => expect(enabled(/清除标记/)).toBe(false));
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [], removed: [], layout: [], cells: {} });

    const reopened = await load(Buffer.from(await port.toBuffer()));
    expect(diff(snapshot(await load(bytes)), snapshot(reopened))).toEqual({ added: [], removed: [], layout: [], cells: {} });
  });

  test("写入报告 adds 校验报告 and changes nothing else; writing it again replaces only 校验报告", async () => {
    const { bytes } = await userBook();
    const port = createFilePort(await load(bytes), "一套表.xlsx");
    const before = snapshot(port.workbook);
    mount(<ValidateTab port={port} />);
    await click(/开始校验/);
    await screen.findByTestId("verdict");
    await click(/写入报告/);
    await waitFor(() => expect(port.workbook.getWorksheet(REPORT_SHEET)).toBeDefined());
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [REPORT_SHEET], removed: [], layout: [], cells: {} });
    const once = snapshot(port.workbook);
    await click(/写入报告/);
    await waitFor(() => expect(enabled(/写入报告/)).toBe(true));
    const again = diff(once, snapshot(port.workbook));
    expect(again.added).toEqual([]);
    expect(Object.keys(again.cells).filter((s) => s !== REPORT_SHEET)).toEqual([]);
  });
});

describe("monitoring: 写入分析表 and 新建目标表", () => {
  test("写入分析表 adds 运行分析 and nothing else; a second write replaces only 运行分析", async () => {
    const port = createFilePort(await load(fs.readFileSync(SAMPLE)), "一套表.xlsx");
    const before = snapshot(port.workbook);
    mount(<MonitorTab port={port} />);
    await screen.findByTestId("output-ytd");
    await click(/写入分析表/);
    await waitFor(() => expect(port.workbook.getWorksheet(ANALYSIS_SHEET)).toBeDefined());
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [ANALYSIS_SHEET], removed: [], layout: [], cells: {} });
    const once = snapshot(port.workbook);
    await click(/写入分析表/);
    await screen.findByTestId("status");
    const again = diff(once, snapshot(port.workbook));
    expect(again.added).toEqual([]);
    expect(Object.keys(again.cells).filter((s) => s !== ANALYSIS_SHEET)).toEqual([]);
  });

  test("新建目标表 creates 目标 only when absent; an existing one is untouched until the overwrite is confirmed", async () => {
    const wb = await load(fs.readFileSync(SAMPLE));
    wb.removeWorksheet(wb.getWorksheet(TARGETS_SHEET)!.id);
    const port = createFilePort(wb, "一套表.xlsx");
    const before = snapshot(port.workbook);
    mount(<MonitorTab port={port} />);
    await screen.findByTestId("output-ytd");
    await click(/新建目标表/);
    await waitFor(() => expect(port.workbook.getWorksheet(TARGETS_SHEET)).toBeDefined());
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [TARGETS_SHEET], removed: [], layout: [], cells: {} });

    port.workbook.getWorksheet(TARGETS_SHEET)!.getCell("C4").value = 50; // the user's edit
    const edited = snapshot(port.workbook);
    await click(/新建目标表/);
    await screen.findByRole("button", { name: /确认覆盖/ });
    expect(diff(edited, snapshot(port.workbook))).toEqual({ added: [], removed: [], layout: [], cells: {} });
    await press(/取消/);
    expect(diff(edited, snapshot(port.workbook))).toEqual({ added: [], removed: [], layout: [], cells: {} });
  });
});
