/**
 * Task pane entry (shared runtime: this page also hosts the custom functions, see manifest.xml).
 * Waits for Office.js, builds the Office port and mounts <App>; anywhere else it explains why not.
 * All Office.* access stays here and in src/excel/ — App only sees a WorkbookPort.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Spinner } from "@fluentui/react-components";
import { App } from "./App";
import { Notice } from "./shared/Notice";
import { createOfficePort } from "../excel/officeAdapter";
import { officeStateMessage, waitForOffice, OFFICE_READY_TIMEOUT_MS } from "./boot";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} style={{ padding: 24, minHeight: "100vh" }}>
      <Spinner label="正在连接 Excel… (Connecting to Excel…)" />
    </FluentProvider>,
  );
  const state = await waitForOffice(OFFICE_READY_TIMEOUT_MS);
  if (state.kind !== "excel") {
    const m = officeStateMessage(state, OFFICE_READY_TIMEOUT_MS);
    root.render(<Notice title={m.title} body={m.body} />);
    return;
  }
  try {
    const port = await createOfficePort();
    root.render(<App port={port} />);
  } catch (e) {
    root.render(<Notice intent="error" title="无法连接工作簿 (Cannot reach the workbook)" body={String(e instanceof Error ? e.message : e)} />);
  }
}

void main();
