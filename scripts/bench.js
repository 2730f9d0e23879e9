#!/usr/bin/env node
/**
 * `npm run bench [-- name…]`: runs every bench module in bench/*.js (each exports
 * `async run(results)` and pushes `{ name, value, unit, baseline?, ratio? }` entries; units:
 * ms | ops/s | rows/s | bytes | MB | syncs), prints a table and writes bench/results.json.
 * Arguments filter modules by file name (`npm run bench -- functions pool`). bench/register.js
 * (the TypeScript require hook) is not a bench module. A module that fails is reported and the
 * others still run; the exit code is then 1.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const benchDir = path.join(__dirname, "..", "bench");
const filters = process.argv.slice(2);

function modules() {
  return fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith(".js") && f !== "register.js" && !f.startsWith("_"))
    .filter((f) => filters.length === 0 || filters.some((k) => f.includes(k)))
    .sort();
}

function table(results) {
  const rows = results.map((r) => [
    r.name,
    `${typeof r.value === "number" ? r.value.toLocaleString("en-US", { maximumFractionDigits: 3 }) : String(r.value)} ${r.unit}`,
    r.baseline === undefined ? "" : `${r.baseline.toLocaleString("en-US", { maximumFractionDigits: 3 })} ${r.unit}`,
    r.ratio === undefined ? "" : r.ratio.toFixed(3),
  ]);
  const head = ["benchmark", "value", "baseline", "ratio"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main() {
  const results = [];
  const failures = [];
  for (const file of modules()) {
    const started = Date.now();
    console.log(`▶ bench/${file}`);
    try {
      const mod = require(path.join(benchDir, file));
      if (typeof mod.run !== "function") throw new Error("exports no run(results)");
      await mod.run(results);
      console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (e) {
      failures.push(file);
      console.error(`  FAILED: ${e && e.stack ? e.stack : e}`);
    }
  }
  console.log(`\n${table(results)}\n`);
  const out = path.join(benchDir, "results.json");
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), out)} (${results.length} results)`);
  if (failures.length) {
    console.error(`failed: ${failures.join(", ")}`);
    process.exitCode = 1;
  }
}

main();
