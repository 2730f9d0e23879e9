/**
 * @jest-environment jsdom
 *
 * The WPS task pane (src/wps/pane.tsx): the same <App> on the WPS port, over the ET fake as
 * WPS's `Application`; outside WPS it says so.
 */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FakeEt, newBook, newSheet } from "./fakeEt";
import { WpsPane } from "../../src/wps/pane";
import { idle, press } from "../taskpane/settle";

test("outside WPS: a notice, zh-CN first", async () => {
  render(<WpsPane app={undefined} />);
  expect(await screen.findByText(/未在 WPS 表格中运行/)).toBeTruthy();
});

test("in WPS: the workbook's name and the five tabs; 亩均评价 › 创建模板 writes the template into the WPS workbook", async () => {
  const app = new FakeEt(newBook([newSheet("Sheet1")]));
  render(<WpsPane app={app} />);
  expect(await screen.findByText(/测试\.xlsx/)).toBeTruthy();
  expect(screen.getAllByRole("tab")).toHaveLength(5);
  fireEvent.click(screen.getByRole("tab", { name: /亩均评价/ }));
  await idle();
  await press(/创建模板/);
  expect(screen.getByText(/已创建/)).toBeTruthy();
  const names = app.book.sheets.map((s) => s.name);
  expect(names[0]).toBe("Sheet1");
  expect(names).toContain("亩均数据");
  // the template's header row is in the sheet, written through the ET object model
  const header = [...app.named("亩均数据").cells.entries()].filter(([k]) => k.startsWith("1,")).map(([, c]) => c.value);
  expect(header.length).toBeGreaterThan(3);
  expect(header).toContain("企业名称");
}, 60_000);
