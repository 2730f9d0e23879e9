#!/usr/bin/env node
/**
 * `npm run validate`: offline check of manifest.xml: well-formed XML and valid against Microsoft's
 * manifest schema (libxml2, scripts/manifest-schema.js), then the project's own rules
 * (scripts/manifest-check.js). Each problem names the file, the line and the reason.
 *   node scripts/validate-manifest.js                      # manifest.xml
 *   node scripts/validate-manifest.js dist/manifest.xml    # also any built manifest
 *   node scripts/validate-manifest.js --base https://intranet.example/jx/ dist/manifest.xml
 * The online Microsoft validator is `npm run validate:online` (needs network).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { checkManifest } = require("./manifest-check");
const { schemaCheck } = require("./manifest-schema");

const args = process.argv.slice(2);
let baseUrl;
const files = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === "--base") baseUrl = args[++k];
  else files.push(args[k]);
}
if (files.length === 0) files.push(path.join(__dirname, "..", "manifest.xml"));

async function main() {
  let failed = false;
  for (const f of files) {
    const label = path.relative(process.cwd(), f) || f;
    let xml;
    try {
      xml = fs.readFileSync(f, "utf8");
    } catch (e) {
      console.error(`✗ ${label}: cannot read (${e.code || e.message})`);
      failed = true;
      continue;
    }
    const schema = await schemaCheck(xml, label);
    if (!schema.ok) {
      failed = true;
      console.error(`✗ ${label}: not valid against Microsoft's manifest schema (${schema.errors.length} problem(s))`);
      for (const e of schema.errors) console.error(`  - ${e}`);
      continue;
    }
    const { ok, errors, warnings, info } = checkManifest(xml, { baseUrl });
    for (const w of warnings) console.warn(`! ${label}: ${w}`);
    if (ok) {
      console.log(`✓ ${label}: manifest OK: XML schema and project rules (Id ${info.id}, Version ${info.version}, base ${info.baseUrl})`);
    } else {
      failed = true;
      console.error(`✗ ${label}: ${errors.length} problem(s)`);
      for (const e of errors) console.error(`  - ${e}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`✗ validate: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
