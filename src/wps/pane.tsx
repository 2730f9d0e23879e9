/**
 * The task pane in WPS 表格 (taskpane.html, opened by the ribbon button): the same <App> as in
 * Excel, on the WPS port. Outside WPS, or without an open workbook, it says why.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { Notice } from "../taskpane/shared/Notice";
import { createWpsPort } from "./wpsAdapter";
import type { EtApplication } from "./et";

type WpsWindow = { Application?: EtApplication & { PluginStorage?: { getItem(k: string): string; setItem(k: string, v: string): void } } };

function main(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const app = (window as unknown as WpsWindow).Application;
  if (!app) {
    root.render(
      <Notice
        title="未在 WPS 表格中运行 (Not running inside WPS Spreadsheets)"
        body="请在 WPS 表格中通过“经信助手 › 打开经信助手”打开本页面。 (Open this page from WPS Spreadsheets: 经信助手 › 打开经信助手.)"
      />,
    );
    return;
  }
  const port = createWpsPort(app, { storage: app.PluginStorage });
  root.render(<App port={port} />);
}

main();
