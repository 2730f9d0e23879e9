/**
 * Hostile files (issue 20, point 2): `jx validate FILE` on each hostile-*.xlsx of the bad-input
 * corpus, each in a fresh process (the CLI bundled by esbuild): wall time and peak memory
 * (max RSS) until the exit-2 message. Target: every one within 10 s and 500 MB.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { root, withTempDir } = require("./_util");

const round = (x, d = 1) => Number(x.toFixed(d));

async function run(results) {
  const corpus = path.join(root, "test", "fixtures", "bad-input");
  await withTempDir("jx-bench-hostile-", async (dir) => {
    const bundle = path.join(dir, "jx.js");
    require("esbuild").buildSync({ entryPoints: [path.join(root, "src", "cli", "index.ts")], bundle: true, platform: "node", outfile: bundle, logLevel: "silent", external: ["exceljs"] });
    const env = { ...process.env, NODE_PATH: path.join(root, "node_modules") };
    for (const f of fs.readdirSync(corpus).filter((x) => x.startsWith("hostile-")).sort()) {
      const script = `const t0 = Date.now(); const { run } = require(${JSON.stringify(bundle)}); run(["validate", ${JSON.stringify(path.join(corpus, f))}], { out() {}, err() {} }).then((code) => process.stdout.write(JSON.stringify({ code, ms: Date.now() - t0, mb: process.resourceUsage().maxRSS / 1024 })));`;
      const t0 = Date.now();
      const r = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8", env }));
      const wall = Date.now() - t0;
      if (r.code !== 2) throw new Error(`${f}: exit ${r.code}, expected 2`);
      results.push({ name: `hostile: ${f} → exit 2, process wall time`, value: wall, unit: "ms", baseline: 10000, ratio: round(wall / 10000, 3) });
      results.push({ name: `hostile: ${f} → exit 2, peak memory (max RSS)`, value: round(r.mb), unit: "MB", baseline: 500, ratio: round(r.mb / 500, 3) });
      console.log(`hostile: ${f}: exit 2 after ${wall} ms (CLI ${r.ms} ms), ${round(r.mb)} MB peak (targets ≤ 10 000 ms, ≤ 500 MB)`);
    }
  });
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).then(() => console.log(JSON.stringify(results, null, 2)));
}
