#!/usr/bin/env node
/**
 * `npm run build:cli` (also the first step of `npm run build`): bundles the command line
 * (src/cli, src/core, src/workbook) into one CommonJS file, dist-cli/jx.js, with esbuild. The
 * npm dependencies (exceljs, commander …) stay external: they are installed with the package.
 * bin/jx.js runs that file; nothing is compiled at run time. The bundle is written to a
 * temporary file and renamed into place, so a `jx` started meanwhile never reads half a file.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const OUT = path.join(root, "dist-cli", "jx.js");
const SOURCES = ["src/cli", "src/core", "src/workbook"].map((d) => path.join(root, d));

/** Newest modification time of the CLI's TypeScript sources and package.json (the version). */
function newestSource() {
  let newest = fs.statSync(path.join(root, "package.json")).mtimeMs;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCES) if (fs.existsSync(d)) walk(d);
  return newest;
}

/** True when dist-cli/jx.js is missing or older than a source. */
function stale(out = OUT) {
  return !fs.existsSync(out) || fs.statSync(out).mtimeMs < newestSource();
}

function buildCli(out = OUT) {
  const esbuild = require("esbuild");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  esbuild.buildSync({
    entryPoints: [path.join(root, "src", "cli", "index.ts")],
    outfile: tmp,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "warning",
    banner: { js: "// Built by scripts/build-cli.js from src/cli (npm run build). Do not edit." },
  });
  fs.renameSync(tmp, out);
  return out;
}

module.exports = { buildCli, stale, OUT };

if (require.main === module) {
  const t = Date.now();
  buildCli();
  console.log(`jx: ${path.relative(root, OUT)} (${Math.round(fs.statSync(OUT).size / 1024)} KB, ${Date.now() - t} ms)`);
}
