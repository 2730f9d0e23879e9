#!/usr/bin/env node
/**
 * `npm start`: runs the add-in.
 *  - Windows / macOS: first makes sure the Office dev certificates are installed and trusted
 *    (office-addin-dev-certs; it may ask to trust its CA, and is waited for without a timeout);
 *    without them it stops with the fix, since Excel loads an add-in only over trusted https.
 *    Then it sideloads manifest.xml into Excel desktop and starts the dev server
 *    (office-addin-debugging start, as in Microsoft's template). The port is the one in
 *    manifest.xml's URLs and package.json's config.dev_server_port: 3000.
 *  - `npm start -- --port N` (Linux and other platforms): the workbench / dev server on port N.
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

const argv = process.argv.slice(2);
const portAt = argv.indexOf("--port");
const port = portAt >= 0 ? Number(argv[portAt + 1]) : null;
if (port !== null && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port 应为 1–65535 的整数 (--port must be an integer 1–65535), got ${argv[portAt + 1]}`);
  process.exit(2);
}

/** The certificates Excel needs: installed and trusted, else a loud failure with the fix. */
async function ensureDevCerts() {
  const devCerts = require("office-addin-dev-certs");
  try {
    await devCerts.ensureCertificatesAreInstalled();
    await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.error(
      [
        "",
        "✗ 无法安装或读取 Office 开发证书，Excel 只能通过受信任的 https 加载加载项。",
        "✗ The Office dev certificates could not be installed or read; Excel loads an add-in only over trusted https.",
        `  (${e && e.message ? e.message : e})`,
        "  修复 (fix):  npx office-addin-dev-certs install   — 接受信任证书的提示 (accept the prompt to trust the CA), then npm start again.",
        "  仍失败时 (if it still fails):  npx office-addin-dev-certs uninstall && npx office-addin-dev-certs install",
        "",
      ].join("\n"),
    );
    process.exit(1);
  }
}

if (process.platform === "win32" || process.platform === "darwin") {
  if (port !== null && port !== 3000) {
    console.error(
      "Excel 桌面版从 manifest.xml 中的 https://localhost:3000/ 加载加载项，端口固定为 3000。\n" +
        "Excel desktop loads the add-in from manifest.xml's https://localhost:3000/: the port is 3000 (package.json config.dev_server_port).\n" +
        "另一端口请用浏览器工作台 (for another port use the workbench): npm run workbench -- --port N",
    );
    process.exit(2);
  }
  ensureDevCerts().then(() => {
    // Starts `npm run dev-server` itself (package.json "config"), then sideloads the manifest.
    run("npx", ["office-addin-debugging", "start", "manifest.xml"]);
  });
} else if (fs.existsSync(path.join(__dirname, "workbench.js"))) {
  console.log("Excel 桌面版不支持此平台，启动浏览器工作台。 (Excel desktop is not available here; starting the browser workbench.)");
  run(process.execPath, [path.join(__dirname, "workbench.js"), ...(port !== null ? ["--port", String(port)] : [])], "ignore");
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
  run(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "serve", "--mode", "development", ...(port !== null ? ["--port", String(port)] : [])], "ignore");
}
