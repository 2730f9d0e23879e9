#!/usr/bin/env node
// The `jx` command: runs the bundled CLI, dist-cli/jx.js, which `npm run build` (or
// `npm run build:cli`) writes. Nothing is compiled at run time, so jx runs from a read-only share.
const fs = require("fs");
const path = require("path");
const entry = path.join(__dirname, "..", "dist-cli", "jx.js");

if (!fs.existsSync(entry)) {
  process.stderr.write(
    `jx: 未找到命令行程序 ${entry}，请在项目目录运行 npm run build（或 npm run build:cli）后重试。\n` +
      `    (the CLI is not built: run \`npm run build\` or \`npm run build:cli\` in the project folder, then retry.)\n`,
  );
  process.exit(2);
}

require(entry)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
