/**
 * Per-mu evaluation benchmark (issue 6):
 *  - core: evaluation of the 221-firm sample and of 100 000 firms (scope, indicators,
 *    benchmarks, scores, ranks, grades, aggregates; target < 1 s for 100 000), and the same
 *    with the table reader (header recognition + cell parsing) in front;
 *  - CLI end to end: `jx acre FILE --json` on a 100 000-row .xlsx (open, read, evaluate, JSON)
 *    against exceljs merely reading that file (ratio = CLI / exceljs read).
 * Run with `npm run bench` (scripts/bench.js) or `node bench/acre.js`.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

function loadTs(file) {
  try {
    require("./register");
    return require(file);
  } catch (e) {
    if (e && e.code !== "MODULE_NOT_FOUND") throw e;
    return require("../scripts/load-ts").requireTs(file);
  }
}

const root = path.join(__dirname, "..");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(out);
}

async function timeAsync(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(out);
}

async function run(results) {
  const { makeAcreSample, makeAcreRows } = loadTs(path.join(root, "src/core/acre/sampleData.ts"));
  const { evaluateFirms, firmsFromTable } = loadTs(path.join(root, "src/core/acre/evaluate.ts"));
  const { acreSpec, ACRE_TEMPLATE_HEADER } = loadTs(path.join(root, "src/core/acre/spec.ts"));
  const { readTable } = loadTs(path.join(root, "src/core/table/index.ts"));

  const sheetOf = (rows) => ({ name: "亩均数据", startRow: 1, startCol: 1, values: [ACRE_TEMPLATE_HEADER, ...rows] });
  const sample = makeAcreSample(2021);
  const big = makeAcreRows(100000, 7);

  for (const [label, rows, runs] of [
    ["221", sample.rows, 50],
    ["100 000", big, 5],
  ]) {
    const firms = firmsFromTable(readTable(sheetOf(rows), acreSpec));
    evaluateFirms(firms); // warm-up
    const core = time(() => evaluateFirms(firms), runs);
    results.push({ name: `acre: evaluate ${label} firms (core)`, value: core, unit: "ms" });
    console.log(`  evaluate ${label} firms (core): ${core.toFixed(2)} ms${label === "100 000" ? " (target < 1000 ms)" : ""}`);
    const withRead = time(() => evaluateFirms(firmsFromTable(readTable(sheetOf(rows), acreSpec))), runs);
    results.push({ name: `acre: read + evaluate ${label} firms`, value: withRead, unit: "ms" });
    console.log(`  read table + evaluate ${label} firms: ${withRead.toFixed(2)} ms`);
  }

  // CLI end to end on a 100 000-row file vs exceljs reading it
  const ExcelJS = require("exceljs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-acre-bench-"));
  try {
    const file = path.join(dir, "acre-100k.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("亩均数据");
    ws.addRow(ACRE_TEMPLATE_HEADER);
    for (const r of big) ws.addRow(r);
    await wb.xlsx.writeFile(file);
    const { run: cli } = loadTs(path.join(root, "src/cli/index.ts"));
    let bytes = 0;
    const io = { out: (t) => (bytes += t.length), err: () => undefined };
    const readOnly = await timeAsync(async () => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(file);
    }, 2);
    const endToEnd = await timeAsync(async () => {
      const code = await cli(["acre", file, "--json"], io);
      if (code !== 0) throw new Error(`jx acre exited ${code}`);
    }, 2);
    const ratio = endToEnd / readOnly;
    results.push({ name: "acre: CLI --json, 100 000-row file (end to end)", value: endToEnd, unit: "ms", baseline: readOnly, ratio });
    console.log(`  jx acre --json on 100 000 rows: ${endToEnd.toFixed(0)} ms; exceljs reading the file: ${readOnly.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (JSON ${(bytes / 2 ** 20).toFixed(1)} M chars)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
