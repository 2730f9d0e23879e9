/**
 * What WPS reads about the add-in, generated from the one function table
 * (src/functions/table.ts: parameters and their kinds, Chinese names and descriptions — the
 * table Excel's functions.json and the workbench use), never written by hand: functions.json (the format of wpsjs's functionsScanner), manifest.xml
 * (the functions' namespace), publish.xml (per-user offline install) and jsplugins.xml
 * (an intranet server). Pure: the build (webpack.wps.config.js) and the tests call it.
 */
import { FUNCTION_IDS, FUNCTIONS } from "../functions/table";
import type { ParamSpec } from "../functions/define";
import { WPS_NAMESPACE } from "./functions";

/** The add-in's name in WPS (ASCII: wpsjs refuses others) and its folder under jsaddons/. */
export const ADDIN_NAME = "jingxin";
export const addinFolder = (version: string) => `${ADDIN_NAME}_${version}`;

export interface WpsFunctionMeta {
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string }[];
  result: { type: string };
}

/**
 * Parameter types as wpsjs writes them: a parameter that takes a range is "any[][]" (WPS passes
 * ranges as 2-D arrays only to such parameters), a single cell "any"; "?" marks an optional one.
 */
function paramType(p: ParamSpec): string {
  return (p.kind === "single" ? "any" : "any[][]") + (p.optional ? "?" : "");
}

export function wpsFunctionsJson(): { functions: WpsFunctionMeta[] } {
  return {
    functions: FUNCTION_IDS.map((id) => {
      const f = FUNCTIONS[id];
      return {
        name: id,
        description: `${f.zh.name}：${f.zh.description}`,
        parameters: f.params.map((p) => ({ name: p.name, description: p.zh, type: paramType(p) })),
        result: { type: "any" },
      };
    }),
  };
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** manifest.xml: where functions.json is and the functions' namespace (JX). */
export function manifestXml(): string {
  return (
    XML_HEAD +
    "<JsPlugin>\n" +
    "  <ApiVersion>1.0.0</ApiVersion>\n" +
    `  <Name>${ADDIN_NAME}</Name>\n` +
    "  <Description>经信助手 Jingxin: 县域工业经济统计 (county industrial statistics)</Description>\n" +
    "  <Functions>\n" +
    "    <Uri>/functions.json</Uri>\n" +
    `    <Namespace>${WPS_NAMESPACE}</Namespace>\n` +
    "  </Functions>\n" +
    "</JsPlugin>\n"
  );
}

/**
 * publish.xml for the per-user jsaddons folder: an offline add-in in jsaddons/jingxin_<version>/
 * (the entry wpsjs's offline installer writes).
 */
export function publishXml(version: string): string {
  return XML_HEAD + "<jsplugins>\n" + `  ${publishEntry(version)}\n` + "</jsplugins>\n";
}

/** The <jsplugin> element of publish.xml (the install scripts merge it into an existing file). */
export function publishEntry(version: string): string {
  const v = xmlEscape(version);
  return `<jsplugin name="${ADDIN_NAME}" type="et" url="${addinFolder(v)}" version="${v}" enable="enable_dev" install="null" customDomain=""/>`;
}

/** jsplugins.xml for an intranet HTTP server that serves dist-wps/ at `baseUrl` (oem.ini JSPluginsServer points at this file). */
export function jspluginsXml(baseUrl: string): string {
  const url = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  return XML_HEAD + "<jsplugins>\n" + `  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlEscape(url)}" enable="enable_dev"/>\n` + "</jsplugins>\n";
}
