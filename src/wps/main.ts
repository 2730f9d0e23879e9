/**
 * The add-in's main page (index.html), loaded by WPS 表格 at start: the ribbon callbacks
 * (ribbon.xml calls `ribbon.OnAddinLoad`, `ribbon.OnAction`, `ribbon.GetImage`) and the JX
 * custom functions. WPS provides `window.Application` / `window.wps`.
 */
import { createRibbon, RibbonCallbacks, RibbonHost } from "./ribbon";
import { registerWpsFunctions, WpsFunctionHost } from "./functions";

const g = window as unknown as { Application?: RibbonHost & WpsFunctionHost; wps?: RibbonHost & WpsFunctionHost; ribbon?: RibbonCallbacks };

const host = () => {
  const h = g.Application ?? g.wps;
  if (!h) throw new Error("不在 WPS 中运行 (not running inside WPS)");
  return h;
};

g.ribbon = createRibbon(host, () => new URL("taskpane.html", document.location.href).href);
registerWpsFunctions(g.wps ?? g.Application);
