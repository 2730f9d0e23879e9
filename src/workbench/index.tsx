/**
 * Workbench entry (dist-workbench/index.html): the task pane on a file-backed port, in any
 * browser, no Excel needed. Opens the bundled sample workbook by default.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Workbench } from "./Workbench";

const container = document.getElementById("root");
if (container) createRoot(container).render(<Workbench />);
