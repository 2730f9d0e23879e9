#!/usr/bin/env node
// The `jx` command: runs the compiled CLI in build/. When build/ is missing or older than the
// sources (npm ci runs no lifecycle scripts here, see .npmrc), it compiles first, into a
// temporary folder renamed into place, so that several `jx` started at once never read a
// half-written build.
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..");
const build = path.join(root, "build");
const entry = path.join(build, "src", "cli", "index.js");

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ["core", "workbook", "cli"]) {
    const dir = path.join(root, "src", d);
    if (fs.existsSync(dir)) walk(dir);
  }
  return newest;
}

function fresh() {
  return fs.existsSync(entry) && fs.statSync(entry).mtimeMs >= newestSource();
}

if (!fresh()) {
  const { execFileSync } = require("child_process");
  process.stderr.write("jx: 正在编译命令行工具 (compiling the CLI)…\n");
  const tmp = path.join(root, `build.tmp-${process.pid}`);
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json"), "--outDir", tmp], { stdio: "inherit" });
  if (!fresh()) {
    const old = path.join(root, `build.old-${process.pid}`);
    if (fs.existsSync(build)) fs.renameSync(build, old);
    try {
      fs.renameSync(tmp, build);
    } catch {
      // another jx won the race and put its build in place: use that one
    }
    fs.rmSync(old, { recursive: true, force: true });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

require(entry)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
