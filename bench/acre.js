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
const path = require("path");
const { load, time, timeAsync, withTempDir, writeXlsx } = require("./_util");

async function run(results) {
  const { makeAcreSample, makeAcreRows } = load("src/core/acre/sampleData.ts");
  const { evaluateFirms, firmsFromTable } = load("src/core/acre/evaluate.ts");
  const { acreSpec, ACRE_TEMPLATE_HEADER } = load("src/core/acre/spec.ts");
  const { readTable } = load("src/core/table/index.ts");

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
  await withTempDir("jx-acre-bench-", async (dir) => {
    const file = path.join(dir, "acre-100k.xlsx");
    await writeXlsx(file, "亩均数据", [ACRE_TEMPLATE_HEADER, ...big]);
    const { run: cli } = load("src/cli/index.ts");
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
  });
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
