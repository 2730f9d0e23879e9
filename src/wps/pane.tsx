/**
 * The task pane in WPS 表格 (taskpane.html, opened by the ribbon button): the same <App> as in
 * Excel, on the WPS port. Outside WPS, or without an open workbook, it says why.
 * The page's entry is paneEntry.tsx, which mounts <WpsPane> with `window.Application`.
 */
import * as React from "react";
import { App } from "../taskpane/App";
import { Notice } from "../taskpane/shared/Notice";
import { createWpsPort } from "./wpsAdapter";
import type { EtApplication } from "./et";

export type WpsApplication = EtApplication & { PluginStorage?: { getItem(k: string): string; setItem(k: string, v: string): void } };

export function WpsPane({ app }: { app: WpsApplication | undefined }): React.JSX.Element {
  const port = React.useMemo(() => (app ? createWpsPort(app, { storage: app.PluginStorage }) : null), [app]);
  if (!port) {
    return (
      <Notice
        title="未在 WPS 表格中运行 (Not running inside WPS Spreadsheets)"
        body="请在 WPS 表格中通过“经信助手 › 打开经信助手”打开本页面。 (Open this page from WPS Spreadsheets: 经信助手 › 打开经信助手.)"
      />
    );
  }
  return <App port={port} />;
}
