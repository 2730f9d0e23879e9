#!/usr/bin/env node
// The `jx` command: runs the compiled CLI in build/, compiling it first when absent
// (npm ci runs no lifecycle scripts here, see .npmrc).
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..");
const entry = path.join(root, "build", "src", "cli", "index.js");
if (!fs.existsSync(entry)) {
  const { execFileSync } = require("child_process");
  process.stderr.write("jx: 首次运行，正在编译 (first run: compiling the CLI)…\n");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], { stdio: "inherit" });
}
require(entry)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
