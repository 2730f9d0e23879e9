#!/usr/bin/env node
/**
 * `npm start`: runs the add-in.
 *  - Windows / macOS: sideloads manifest.xml into Excel desktop and starts the dev server
 *    (office-addin-debugging start, as in Microsoft's template).
 *  - Elsewhere (no Excel desktop): the browser workbench if scripts/workbench.js exists,
 *    otherwise the dev server alone, with an explanation.
 * Never reads stdin on Linux (CI-safe).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");

const root = path.join(__dirname, "..");
const win = process.platform === "win32";

function run(cmd, args, stdin = "inherit") {
  console.log(`▶ ${cmd} ${args.join(" ")}`);
  const child = spawn(cmd, args, { cwd: root, stdio: [stdin, "inherit", "inherit"], shell: win });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("error", (e) => {
    console.error(`无法启动 ${cmd} (cannot start ${cmd}): ${e.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(code === null ? (signal ? 1 : 0) : code));
}

if (process.platform === "win32" || process.platform === "darwin") {
  // Starts `npm run dev-server` itself (package.json "config"), then sideloads the manifest.
  run("npx", ["office-addin-debugging", "start", "manifest.xml"]);
} else if (fs.existsSync(path.join(__dirname, "workbench.js"))) {
  console.log("Excel 桌面版不支持此平台，启动浏览器工作台。 (Excel desktop is not available here; starting the browser workbench.)");
  run(process.execPath, [path.join(__dirname, "workbench.js")], "ignore");
} else {
  console.log(
    [
      `Excel 桌面版在此平台（${process.platform}）上不可用，无法旁加载加载项。`,
      `Excel desktop is not available on this platform (${process.platform}); the add-in cannot be sideloaded here.`,
      "",
      "现在启动开发服务器（npm run dev-server），加载项地址：https://localhost:3000/taskpane.html",
      "Starting the dev server (npm run dev-server); the add-in is served at https://localhost:3000/taskpane.html",
      "（若无法生成证书则为 http://localhost:3000/ — the server says which.）",
      "在 Excel 网页版中可通过“上传我的加载项”上传 manifest.xml。 (In Excel on the web: Insert › Add-ins › Upload My Add-in › manifest.xml.)",
      "",
    ].join("\n"),
  );
  // = `npm run dev-server`, started directly so that signals reach webpack itself.
  run(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "serve", "--mode", "development"], "ignore");
}
