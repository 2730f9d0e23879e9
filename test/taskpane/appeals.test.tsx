/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as ExcelJS from "exceljs";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import type { ChartSpec } from "../../src/workbook/port";
import { AppealsTab } from "../../src/taskpane/appeals/AppealsTab";
import { CARD_FILLS } from "../../src/taskpane/appeals/actions";
import { october, register } from "../core/appeals/fixture";
import { press } from "./settle";

(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function book(withRegister = true): FilePort {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").addRows([["诉求台账在下一张工作表"]]);
  if (withRegister) {
    const ws = wb.addWorksheet("诉求台账");
    ws.addRows(register(october).values as unknown[][]);
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } }; // a fill of the user's own
  }
  return createFilePort(wb, "诉求.xlsx");
}

function mount(port: FilePort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <AppealsTab port={port} />
    </FluentProvider>,
  );
}

const enabled = (name: RegExp) => {
  const b = screen.getByRole("button", { name }) as HTMLButtonElement;
  return !b.disabled && b.getAttribute("aria-disabled") !== "true";
};
/** Clicks once enabled; resolves when the pane is idle again. */
const click = press;

async function analyseAsOf(iso: string) {
  await screen.findByTestId("appeals-total"); // the first run (as of today) has finished
  fireEvent.change(screen.getByLabelText("统计日期 (as of)"), { target: { value: iso } });
  await click(/分析 \(analyse\)/);
  await waitFor(() => expect(screen.getByTestId("appeals-line").textContent).toContain(iso));
}

const fill = (port: FilePort, a: string) => (port.workbook.getWorksheet("诉求台账")!.getCell(a).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;

describe("the 企业诉求 tab over the file adapter", () => {
  test("finds the register, analyses it as of a date: cards, overdue list, per-unit table, 会商清单", async () => {
    const port = book();
    mount(port);
    await analyseAsOf("2023-10-20");
    expect(screen.getByTestId("appeals-total").textContent).toContain("8");
    expect(screen.getByTestId("appeals-rate").textContent).toContain("37.5%");
    expect(screen.getByTestId("appeals-open").textContent).toMatch(/5.*退回重办 1/);
    expect(screen.getByTestId("appeals-cards").textContent).toContain("1 / 1 / 1");
    expect(screen.getByTestId("appeals-satisfaction").textContent).toMatch(/75\.0%.*测评 4，满意 3/);
    const overdue = screen.getByRole("region", { name: "超期未办结 (overdue)" });
    expect([...overdue.querySelectorAll("button")].map((b) => b.textContent!.match(/A\d/)![0])).toEqual(["A3", "A1", "A4"]);
    const consult = screen.getByRole("region", { name: "会商清单 (consultation list)" });
    expect(consult.textContent).toMatch(/县经信局（2 件）.*A3.*A1.*县人社局（1 件）.*A8/);
    expect(screen.getByRole("table", { name: "按承办单位 (by unit)" }).textContent).toMatch(/县自然资源局3266\.6%/);
  });

  test("a click on an overdue appeal selects its 编号 cell", async () => {
    const port = book();
    const select = jest.spyOn(port, "selectCell");
    mount(port);
    await analyseAsOf("2023-10-20");
    const overdue = screen.getByRole("region", { name: "超期未办结 (overdue)" });
    fireEvent.click(within(overdue).getByTestId("appeal-4")); // A3 is on row 4
    await waitFor(() => expect(select).toHaveBeenCalledWith("诉求台账", "A4"));
  });

  test("标记超期 colours the 编号 cells by card; 清除标记 restores the previous fills", async () => {
    const port = book();
    mount(port);
    await analyseAsOf("2023-10-20");
    await click(/标记超期/);
    await waitFor(() => expect(enabled(/清除标记/)).toBe(true));
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    expect([fill(port, "A2"), fill(port, "A4"), fill(port, "A5")]).toEqual([argb(CARD_FILLS.黄牌), argb(CARD_FILLS.红牌), argb(CARD_FILLS.蓝牌)]);
    expect(fill(port, "A3")).toBeUndefined(); // A2 is not overdue
    await click(/清除标记/);
    await waitFor(() => expect(enabled(/清除标记/)).toBe(false));
    expect([fill(port, "A2"), fill(port, "A4"), fill(port, "A5")]).toEqual(["FF92D050", undefined, undefined]);
  });

  test("写入分析表 writes 诉求分析, and where charts exist one chart by unit (same name each time: refreshed in place)", async () => {
    const port = book();
    const charts: ChartSpec[] = [];
    Object.assign(port, { canChart: true, upsertChart: async (_s: string, c: ChartSpec) => void charts.push(c) });
    mount(port);
    await analyseAsOf("2023-10-20");
    await click(/写入分析表/);
    await screen.findByText(/已写入“诉求分析”并更新/);
    const ws = port.workbook.getWorksheet("诉求分析")!;
    expect(String(ws.getCell("A1").value)).toContain("截至 2023-10-20");
    const values = (await port.readSheet("诉求分析"))!.values;
    expect(values.find((r) => r[0] === "合计")!.slice(0, 4)).toEqual(["合计", 8, 3, 0.375]);
    await click(/写入分析表/);
    await waitFor(() => expect(charts).toHaveLength(2));
    expect(charts[0].name).toBe(charts[1].name);
    expect(charts[0].dataRange).toMatch(/^A\d+:C\d+$/);
  });

  test("no register: a message; 新建诉求台账 writes the register, 参数 and 节假日 and then finds the register", async () => {
    const port = book(false);
    mount(port);
    await screen.findByText(/没有诉求台账/);
    await click(/新建诉求台账/);
    await screen.findByText(/已新建/);
    expect(await port.listSheets()).toEqual(expect.arrayContaining(["说明", "诉求台账", "参数", "节假日"]));
    await screen.findByTestId("appeals-total");
    expect(screen.getByTestId("appeals-total").textContent).toContain("0");
  });
});
