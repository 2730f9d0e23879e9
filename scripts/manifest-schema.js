/**
 * Real XML checks, offline: libxml2 (xmllint compiled to WebAssembly, `xmllint-wasm`).
 *
 *   const { wellFormed, schemaCheck } = require("./manifest-schema");
 *   await wellFormed(xmlText, "ribbon.xml")        // → { ok, errors: ["ribbon.xml:4: …"] }
 *   await schemaCheck(xmlText, "manifest.xml")     // well-formed AND valid against
 *                                                  //   schemas/office-manifest (Microsoft's XSD)
 *
 * Each error names the file, the line and libxml2's reason. See schemas/office-manifest/README.md.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const SCHEMA_DIR = path.join(__dirname, "..", "schemas", "office-manifest");
const MAIN = "OfficeAppManifestV1_1.xsd";

let schemaFiles;
function loadSchemas() {
  if (!schemaFiles) {
    schemaFiles = fs
      .readdirSync(SCHEMA_DIR)
      .filter((f) => f.endsWith(".xsd"))
      .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") }));
  }
  return schemaFiles;
}

/** xmllint's file names must not look like options; keep only the base name. */
function safeName(fileName) {
  const base = path.basename(fileName || "input.xml").replace(/^-+/, "");
  return base || "input.xml";
}

function report(result, fileName) {
  if (result.valid) return { ok: true, errors: [] };
  const errors = [];
  // xmllint prints "name:LINE: reason", then the offending source line and a caret line.
  for (const line of String(result.rawOutput || "").split("\n")) {
    const m = /^.+?:(\d+): (.*(?:error|warning).*)$/i.exec(line);
    if (!m) continue;
    const msg = `${fileName}:${m[1]}: ${m[2].trim()}`;
    if (!errors.includes(msg)) errors.push(msg);
  }
  if (errors.length === 0) errors.push(`${fileName}: ${String(result.rawOutput || "").trim() || "not valid XML"}`);
  return { ok: false, errors };
}

/** Well-formedness only (any XML the project ships: ribbon.xml, publish.xml, …). */
async function wellFormed(xml, fileName = "input.xml") {
  const name = safeName(fileName);
  const r = await validateXML({ xml: [{ fileName: name, contents: xml }], normalization: "format" });
  return report(r, fileName);
}

/** Well-formed and valid against Microsoft's add-in manifest schema. */
async function schemaCheck(xml, fileName = "manifest.xml") {
  const name = safeName(fileName);
  const files = loadSchemas();
  const r = await validateXML({
    xml: [{ fileName: name, contents: xml }],
    schema: [files.find((f) => f.fileName === MAIN)],
    preload: files.filter((f) => f.fileName !== MAIN),
  });
  return report(r, fileName);
}

module.exports = { wellFormed, schemaCheck, SCHEMA_DIR };
