/**
 * Validation benchmark (提交前校验):
 *  - core: read + validate a generated monthly report of 10 000 and 100 000 rows (rows/s; target:
 *    100 000 rows in < 1 s of core time);
 *  - CLI: `jx validate` (in-process) on a 100 000-row .xlsx against exceljs merely reading the
 *    same file (ratio; target ≤ 1.2).
 * Times are medians; core time is this process's CPU time (less disturbed by other processes on
 * a shared machine), the CLI comparison uses wall time for both sides, alternated.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { gc, load, median, timeCpu, timeWall, withTempDir, writeXlsx } = require("./_util");


const round = (x, d = 1) => Number(x.toFixed(d));

async function run(results) {
  const { validateSheet, RULE_SETS } = load("src/core/validate/index.ts");
  const { monthlyRows } = load("scripts/make-validate-fixtures.ts");

  // ---- core ----
  for (const n of [10000, 100000]) {
    const values = monthlyRows(n).map((r) => r.map((v) => (v === null ? "" : v)));
    const sheet = { name: "10月", startRow: 1, startCol: 1, values };
    const once = () => {
      const v = validateSheet(sheet, RULE_SETS, "auto");
      if (v.error) throw new Error(v.error);
      if (v.result.rowCount !== n) throw new Error(`validated ${v.result.rowCount} rows`);
      return v;
    };
    once(); // warm-up
    const reps = n > 10000 ? 5 : 9;
    const cpu = [];
    const wall = [];
    for (let i = 0; i < reps; i++) {
      gc();
      const t = timeCpu(once);
      cpu.push(t.cpu);
      wall.push(t.wall);
    }
    const ms = median(cpu);
    const rate = Math.round((n / ms) * 1000);
    results.push({ name: `validate: core read+validate, ${n.toLocaleString("en-US")} rows (median CPU)`, value: round(ms), unit: "ms", ...(n === 100000 ? { baseline: 1000, ratio: round(ms / 1000, 3) } : {}) });
    results.push({ name: `validate: core throughput, ${n.toLocaleString("en-US")} rows`, value: rate, unit: "rows/s" });
    console.log(`validate: core read+validate of ${n} rows: ${round(ms)} ms CPU, ${round(median(wall))} ms wall (median of ${reps}) → ${rate.toLocaleString("en-US")} rows/s${n === 100000 ? "; target < 1000 ms" : ""}`);
  }

  // ---- CLI vs bare exceljs read ----
  const ExcelJS = require("exceljs");
  const { run: cli } = load("src/cli/index.ts");
  await withTempDir("jx-bench-validate-", async (dir) => {
    const file = path.join(dir, "monthly-100000.xlsx");
    // a 100 000-row .xlsx written with exceljs's streaming writer
    await writeXlsx(file, "10月", monthlyRows(100000), { stream: true });
    const size = fs.statSync(file).size;
    // exceljs reading the file two ways; the faster one is the baseline (the CLI loads the bytes).
    const bareFile = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets[0].rowCount;
    };
    const bareBuffer = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await fs.promises.readFile(file));
      return wb.worksheets[0].rowCount;
    };
    let printed = 0;
    const jx = async () => {
      let out = "";
      const code = await cli(["validate", file, "--json"], { out: (t) => (out += t), err: () => {} });
      if (code !== 0) throw new Error(`jx validate exited ${code}`);
      printed = out.length;
      return code;
    };
    await bareFile(); // warm-up (module loading, JIT)
    await bareBuffer();
    await jx();
    const reps = 5;
    const a = [];
    const a2 = [];
    const b = [];
    for (let i = 0; i < reps; i++) {
      gc();
      a.push((await timeWall(bareFile)).ms);
      gc();
      a2.push((await timeWall(bareBuffer)).ms);
      gc();
      b.push((await timeWall(jx)).ms);
    }
    const base = Math.min(median(a), median(a2));
    const mine = median(b);
    const ratio = round(mine / base, 3);
    results.push({ name: "validate: CLI on a 100,000-row .xlsx vs the faster bare exceljs read (median wall)", value: round(mine), unit: "ms", baseline: round(base), ratio });
    console.log(
      `validate: jx validate on a 100 000-row .xlsx (${(size / 1e6).toFixed(1)} MB): ${round(mine)} ms; exceljs read alone: ${round(median(a))} ms (readFile), ${round(median(a2))} ms (load bytes) → ratio ${ratio} to the faster (target ≤ 1.2; medians of ${reps}; JSON ${printed} bytes)`,
    );
  });
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).then(() => console.log(JSON.stringify(results, null, 2)));
}
