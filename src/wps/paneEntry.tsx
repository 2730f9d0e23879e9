/** Entry of the WPS task pane page: mounts <WpsPane> with WPS's `window.Application` (absent outside WPS). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { WpsPane, WpsApplication } from "./pane";

const container = document.getElementById("container");
if (container) createRoot(container).render(<WpsPane app={(window as unknown as { Application?: WpsApplication }).Application} />);
