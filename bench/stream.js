/**
 * Streaming read benchmark (engineering issue, point 4): `jx validate FILE --json` on a
 * 100 000-row monthly report (read through the streaming port, as every read-only command is)
 * against exceljs's own streaming reader (WorkbookReader, every row of every sheet) on the same
 * file. Prints both times (median wall, alternated) and their ratio (target ≤ 1.2), and the
 * peak memory (max RSS) of each in a fresh process (target ≤ 250 MB for jx).
 * The jx process runs the CLI bundled by esbuild into the scratch folder (no TypeScript
 * compiler in the measured process).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { gc, root, load, median, timeWall, withTempDir, writeXlsx } = require("./_util");


const round = (x, d = 1) => Number(x.toFixed(d));

/** Max RSS in MB of `node script args…` (the child reports its own resource usage). */
function peakMb(script, args, env) {
  const out = execFileSync(process.execPath, [script, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
  const m = /MAXRSS (\d+)/.exec(out);
  if (!m) throw new Error(`no MAXRSS in the output of ${script}`);
  return Number(m[1]) / 1024;
}

async function run(results) {
  const ExcelJS = require("exceljs");
  const { monthlyRows } = load("scripts/make-validate-fixtures.ts");
  const { run: cli } = load("src/cli/index.ts");
  await withTempDir("jx-bench-stream-", async (dir) => {
    const file = path.join(dir, "monthly-100000.xlsx");
    await writeXlsx(file, "10月", monthlyRows(100000), { stream: true });
    const size = fs.statSync(file).size;

    const exceljsStream = async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit" });
      let rows = 0;
      for await (const ws of reader) for await (const row of ws) rows += row ? 1 : 0;
      if (rows !== 100001) throw new Error(`exceljs read ${rows} rows`);
      return rows;
    };
    const jx = async () => {
      let out = "";
      const code = await cli(["validate", file, "--json"], { out: (t) => (out += t), err: () => {} });
      if (code !== 0) throw new Error(`jx validate exited ${code}`);
      return out.length;
    };
    await exceljsStream(); // warm-up
    await jx();
    const a = [];
    const b = [];
    for (let i = 0; i < 5; i++) {
      gc();
      a.push((await timeWall(exceljsStream)).ms);
      gc();
      b.push((await timeWall(jx)).ms);
    }
    const base = median(a);
    const mine = median(b);
    const ratio = round(mine / base, 3);
    results.push({ name: "stream: jx validate --json, 100,000 rows, vs exceljs streaming read (median wall)", value: round(mine), unit: "ms", baseline: round(base), ratio });
    console.log(`stream: jx validate on a 100 000-row .xlsx (${(size / 1e6).toFixed(1)} MB): ${round(mine)} ms; exceljs's streaming reader alone: ${round(base)} ms → ratio ${ratio} (target ≤ 1.2; medians of 5)`);

    // Peak memory, each in a fresh process.
    const bundle = path.join(dir, "jx-bundle.js");
    require("esbuild").buildSync({ entryPoints: [path.join(root, "src", "cli", "index.ts")], bundle: true, platform: "node", outfile: bundle, logLevel: "silent", external: ["exceljs"] });
    const nodePaths = path.join(root, "node_modules");
    const jxChild = path.join(dir, "jx-child.js");
    fs.writeFileSync(
      jxChild,
      `require(${JSON.stringify(bundle)}).run(process.argv.slice(2), { out() {}, err() {} }).then((c) => { if (c !== 0) throw new Error("exit " + c); console.log("MAXRSS " + process.resourceUsage().maxRSS); });\n`,
    );
    const exChild = path.join(dir, "exceljs-child.js");
    fs.writeFileSync(
      exChild,
      `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});\n(async () => { const r = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit" }); for await (const ws of r) for await (const row of ws) void row; console.log("MAXRSS " + process.resourceUsage().maxRSS); })();\n`,
    );
    // The bundle resolves exceljs from the repository's node_modules.
    const env = { ...process.env, NODE_PATH: nodePaths };
    const jxPeak = peakMb(jxChild, ["validate", file, "--json"], env);
    const exPeak = peakMb(exChild, [file], env);
    results.push({ name: "stream: jx validate --json, 100,000 rows, peak memory (max RSS)", value: round(jxPeak), unit: "MB", baseline: 250, ratio: round(jxPeak / 250, 3) });
    results.push({ name: "stream: exceljs streaming read alone, 100,000 rows, peak memory (max RSS)", value: round(exPeak), unit: "MB" });
    console.log(`stream: peak memory (max RSS): jx validate ${round(jxPeak)} MB (target ≤ 250 MB); exceljs's streaming reader alone ${round(exPeak)} MB`);
  });
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).then(() => console.log(JSON.stringify(results, null, 2)));
}
