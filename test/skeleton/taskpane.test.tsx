/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { App, TABS } from "../../src/taskpane/App";
import { officeStateMessage, waitForOffice } from "../../src/taskpane/boot";
import type { WorkbookPort } from "../../src/workbook/port";

function fakePort(name: Promise<string>): WorkbookPort {
  return {
    kind: "file",
    canChart: false,
    workbookName: () => name,
    listSheets: async () => [],
    activeSheet: async () => null,
    readSheet: async () => null,
    readSheets: async (names) => names.map(() => null),
    writeSheet: async () => undefined,
    writeCells: async () => undefined,
    appendRows: async () => undefined,
    selectCell: async () => undefined,
    highlight: async () => undefined,
    clearHighlight: async () => undefined,
  };
}

describe("App (task pane shell)", () => {
  test("names the workbook and offers the five tabs, Chinese first", async () => {
    render(<App port={fakePort(Promise.resolve("2025年1月 工业月报.xlsx"))} />);
    expect(await screen.findByText(/2025年1月 工业月报\.xlsx/)).toBeTruthy();
    const labels = ["提交前校验", "培育库", "亩均评价", "运行监测", "企业诉求"];
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toHaveLength(5);
    // (Fluent renders a hidden bold copy of each label to reserve its width.)
    tabs.forEach((t, k) => expect(t.textContent?.startsWith(labels[k])).toBe(true));
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
    expect(TABS.map((t) => t.id)).toEqual(["validate", "pool", "acre", "monitor", "appeals"]);
  });

  test("switching tabs shows that tab's panel and keeps the first one mounted", async () => {
    render(<App port={fakePort(Promise.resolve("a.xlsx"))} />);
    await screen.findByText(/a\.xlsx/);
    const panels = () => screen.queryAllByRole("tabpanel", { hidden: true });
    expect(panels()).toHaveLength(1);
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: /亩均评价/ }));
    });
    const visible = panels().filter((p) => !p.hidden);
    expect(visible).toHaveLength(1);
    expect(visible[0].getAttribute("aria-label")).toMatch(/亩均评价/);
    expect(panels()).toHaveLength(2);
  });

  test("says so when the workbook name cannot be read", async () => {
    render(<App port={fakePort(Promise.reject(new Error("boom")))} />);
    expect(await screen.findByText(/无法读取工作簿名称/)).toBeTruthy();
  });
});

describe("waitForOffice", () => {
  const HostType = { Excel: "Excel", Word: "Word" } as unknown as typeof Office.HostType;
  const office = (onReady: () => Promise<unknown>) => ({ onReady, HostType }) as unknown as Pick<typeof Office, "onReady" | "HostType">;

  test("no office.js → missing, at once", async () => {
    expect(await waitForOffice(10_000, undefined)).toEqual({ kind: "no-office", reason: "missing" });
  });

  test("Excel", async () => {
    expect(await waitForOffice(1000, office(async () => ({ host: "Excel", platform: "PC" })))).toEqual({ kind: "excel" });
  });

  test("another host, or a browser (host null)", async () => {
    expect(await waitForOffice(1000, office(async () => ({ host: "Word" })))).toEqual({ kind: "other-host", host: "Word" });
    expect(await waitForOffice(1000, office(async () => ({ host: null, platform: null })))).toEqual({ kind: "other-host", host: null });
  });

  test("onReady never settles → timeout, with a zh-CN + English message", async () => {
    const state = await waitForOffice(20, office(() => new Promise(() => undefined)));
    expect(state).toEqual({ kind: "no-office", reason: "timeout" });
    const m = officeStateMessage(state as Exclude<typeof state, { kind: "excel" }>, 10_000);
    expect(m.title).toMatch(/10 秒.*10 s/);
  });
});
