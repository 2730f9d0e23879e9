#!/usr/bin/env node
/**
 * Browser tests (called by `npm test` through scripts/test.js; alone: `node test/e2e/run.js`).
 *
 * 1. Finds Chromium (/usr/bin/chromium or $CHROMIUM_PATH). Missing: a loud skip with how to
 *    install it — but under CI=true a missing Chromium FAILS the run.
 * 2. Builds the workbench bundle (dist-workbench/) when it is older than its sources.
 * 3. Serves it on a free localhost port with a tiny static server, started and stopped here.
 * 4. Runs test/e2e/*.e2e.js with node:test (they get WORKBENCH_URL), saves screenshots to
 *    test-results/, prints "N passed, N failed" and exits non-zero on any failure.
 *
 *   node test/e2e/run.js [--rebuild]
 * The tests run in order on one page (later ones build on earlier ones), so there is no filter.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { CHROMIUM } = require("./browser");

const ROOT = path.join(__dirname, "..", "..");
const ci = /^(1|true|yes)$/i.test(process.env.CI || "");

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = "!".repeat(Math.min(width, 100));
  console.log(["", bar, ...lines.map((l) => `!! ${l}`), bar, ""].join("\n"));
}

async function main() {
  const argv = process.argv.slice(2);
  if (!fs.existsSync(CHROMIUM)) {
    const lines = [
      `浏览器测试需要 Chromium，未找到 ${CHROMIUM}。`,
      `Browser tests need Chromium; ${CHROMIUM} was not found.`,
      "安装 (install, Debian/Ubuntu):  sudo apt-get update && sudo apt-get install -y chromium",
      "或指定路径 (or point to one):    CHROMIUM_PATH=/path/to/chromium npm test",
    ];
    if (ci) {
      banner(["CI=true: 缺少 Chromium，浏览器测试失败 (missing Chromium FAILS the run under CI)", ...lines]);
      process.exit(1);
    }
    banner(["已跳过浏览器测试 (BROWSER TESTS SKIPPED)", ...lines]);
    return 0;
  }
  try {
    require.resolve("playwright-core");
  } catch {
    banner(["playwright-core 未安装 (not installed): npm ci"]);
    process.exit(1);
  }

  const t0 = Date.now();
  const wb = require(path.join(ROOT, "scripts", "workbench.js"));
  const { built, ms } = await wb.ensureBuilt({ force: argv.includes("--rebuild") });
  if (built) console.log(`[e2e] workbench built in ${(ms / 1000).toFixed(1)} s`);
  const server = await wb.startServer({ port: 0 });
  console.log(`[e2e] serving dist-workbench/ at ${server.url}`);

  fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  process.env.WORKBENCH_URL = server.url;
  process.env.CHROMIUM_PATH = CHROMIUM;

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".e2e.js"))
    .sort()
    .map((f) => path.join(__dirname, f));

  const { run } = require("node:test");
  const { spec } = require("node:test/reporters");
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  await new Promise((resolve) => {
    const stream = run({ files, concurrency: 1, timeout: 180_000 });
    stream.on("test:pass", (d) => {
      if (d.details && d.details.type === "suite") return;
      if (d.skip || d.todo) skipped++;
      else if (d.nesting === 0 && files.includes(d.name)) return;
      else passed++;
    });
    stream.on("test:fail", (d) => {
      if (d.details && d.details.type === "suite") return;
      failed++;
      failures.push(d.name);
    });
    const reporter = typeof spec === "function" && spec.prototype && spec.prototype._transform ? new spec() : spec;
    stream.compose(reporter).pipe(process.stdout);
    stream.on("end", resolve);
    stream.on("close", resolve);
  });
  await server.close();

  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`\n[e2e] screenshots: ${path.relative(process.cwd(), path.join(ROOT, "test-results")) || "test-results"}/`);
  if (failures.length) console.log(`[e2e] failed: ${failures.join("; ")}`);
  console.log(`浏览器测试 (browser tests): ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} in ${secs} s`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[e2e] ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  },
);
