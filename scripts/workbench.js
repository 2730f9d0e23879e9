#!/usr/bin/env node
/**
 * `npm run workbench` (and `npm start` where there is no Excel desktop): build the browser
 * workbench (dist-workbench/, webpack.workbench.config.js) when it is older than its sources,
 * then serve it on http://localhost:3000/ — https when office-addin-dev-certs certificates
 * are installed and trusted (~/.office-addin-dev-certs). Everything is served from this machine: the
 * workbench bundle, the sample workbook, and (under /office-js/) office.js from
 * @microsoft/office-js, plus the built add-in (dist/) under /addin/ when it exists.
 *
 *   node scripts/workbench.js [--port 3000] [--rebuild] [--no-build] [--production] [--http]
 *
 * Also a module (test/e2e/run.js uses it): ensureBuilt(), startServer(), isStale().
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const https = require("https");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist-workbench");
const STAMP = path.join(OUT, "index.html");
/** What the workbench bundle is built from. */
const SOURCES = ["src", "samples", "webpack.workbench.config.js", "package-lock.json", "tsconfig.json"];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

/** Whether dist-workbench/ is missing or older than any of its sources. */
function isStale() {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(OUT, "workbench.js"))) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newest(path.join(ROOT, s)) > built);
}

/** Build dist-workbench/ with webpack's Node API. Resolves with the build time in ms. */
function build({ mode = "development", quiet = false } = {}) {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.workbench.config.js"))({}, { mode });
  const t0 = Date.now();
  if (!quiet) console.log(`[workbench] 正在构建 (building) dist-workbench/ (${mode})…`);
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) {
        const info = stats.toJson({ all: false, errors: true });
        return reject(new Error(info.errors.map((e) => e.message || String(e)).join("\n")));
      }
      const ms = Date.now() - t0;
      if (!quiet) console.log(`[workbench] 构建完成 (built) in ${(ms / 1000).toFixed(1)} s`);
      resolve(ms);
    });
  });
}

/** Build when stale (or when forced). Resolves with { built: boolean, ms }. */
async function ensureBuilt({ force = false, mode = "development", quiet = false } = {}) {
  if (!force && !isStale()) {
    if (!quiet) console.log("[workbench] dist-workbench/ 已是最新 (up to date)");
    return { built: false, ms: 0 };
  }
  const ms = await build({ mode, quiet });
  return { built: true, ms };
}

/**
 * office-addin-dev-certs' certificates when they exist AND their CA is installed as trusted
 * (office-addin-dev-certs' own check); else null → http. Never creates or installs anything.
 * On Linux the tool creates certificates but cannot trust them without sudo: http then.
 */
function devCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  if (!fs.existsSync(path.join(dir, files.cert)) || !fs.existsSync(path.join(dir, files.key))) return null;
  try {
    const verify = require("office-addin-dev-certs/lib/verify");
    if (!verify.isCaCertificateInstalled()) return null;
  } catch {
    return null;
  }
  const o = {};
  for (const [k, f] of Object.entries(files)) if (fs.existsSync(path.join(dir, f))) o[k] = fs.readFileSync(path.join(dir, f));
  return o;
}

/**
 * A tiny static file server on localhost. `mounts`: URL prefix → directory ("/" last).
 * Resolves with { url, port, close() }. port 0 = any free port.
 */
function startServer({ port = 0, host = "127.0.0.1", tls = null, mounts = defaultMounts(), log = false } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  // Any page open in the same browser can send requests here: a bad one gets an answer, never
  // an exception that stops the server.
  const handler = (req, res) => {
    try {
      serve(req, res);
    } catch (e) {
      if (log) console.log(`[workbench] 500 ${e && e.message}`);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("server error");
    }
  };
  const serve = (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    // NUL and other control characters are in no file name (fs refuses a path with NUL).
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(pathname)) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request: control character in the path");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const prefix = prefixes.find((p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end("not found");
      return;
    }
    if (pathname === prefix.replace(/\/$/, "") && prefix !== "/") {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    const base = mounts[prefix];
    let file = path.join(base, pathname.slice(prefix.length));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, prefix === "/addin/" ? "taskpane.html" : "index.html");
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        if (log) console.log(`[workbench] 404 ${pathname}`);
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).on("error", () => res.destroy()).pipe(res);
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const actual = server.address().port;
      const url = `${tls ? "https" : "http"}://localhost:${actual}/`;
      resolve({
        url,
        port: actual,
        server,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

function defaultMounts() {
  const mounts = {};
  const officeJs = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json", { paths: [ROOT] })), "dist");
  if (fs.existsSync(officeJs)) mounts["/office-js/"] = officeJs;
  const addin = path.join(ROOT, "dist");
  if (fs.existsSync(path.join(addin, "taskpane.html"))) mounts["/addin/"] = addin;
  mounts["/"] = OUT;
  return mounts;
}

function parseArgs(argv) {
  const o = { port: Number(process.env.npm_package_config_dev_server_port || 3000), rebuild: false, build: true, mode: "development", http: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") o.port = Number(argv[++i]);
    else if (a === "--rebuild") o.rebuild = true;
    else if (a === "--no-build") o.build = false;
    else if (a === "--production") o.mode = "production";
    else if (a === "--http") o.http = true;
    else if (a === "--help" || a === "-h") o.help = true;
  }
  return o;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("node scripts/workbench.js [--port 3000] [--rebuild] [--no-build] [--production] [--http]");
    return;
  }
  if (args.build) await ensureBuilt({ force: args.rebuild, mode: args.mode });
  else if (!fs.existsSync(STAMP)) throw new Error("dist-workbench/ 不存在，请去掉 --no-build (dist-workbench/ does not exist; drop --no-build)");

  const tls = args.http ? null : devCerts();
  let srv = null;
  for (let p = args.port; p < args.port + 10 && !srv; p++) {
    try {
      srv = await startServer({ port: p, tls, log: true });
    } catch (e) {
      if (e.code !== "EADDRINUSE") throw e;
      console.warn(`[workbench] 端口 ${p} 已被占用 (port ${p} is in use), trying ${p + 1}`);
    }
  }
  if (!srv) throw new Error(`端口 ${args.port}–${args.port + 9} 都被占用 (no free port)`);
  if (!tls) {
    console.log(
      "[workbench] 没有受信任的 office-addin-dev-certs 证书，使用 http（只监听本机 localhost，浏览器视其为安全来源）。\n" +
        "[workbench] No trusted office-addin-dev-certs certificate (~/.office-addin-dev-certs): serving plain HTTP, bound to\n" +
        "[workbench] localhost only, which browsers treat as a secure origin. (`npx office-addin-dev-certs install` enables https.)",
    );
  }
  console.log("");
  console.log(`  经信助手 工作台 (Jingxin workbench):  ${srv.url}`);
  console.log(`  示例工作簿 (sample workbook):         ${srv.url}samples/jingxin-sample.xlsx`);
  if (fs.existsSync(path.join(ROOT, "dist", "taskpane.html"))) console.log(`  加载项页面 (add-in page, needs Excel): ${srv.url}addin/`);
  console.log("");
  console.log("  按 Ctrl+C 停止 (Ctrl+C to stop)");
  const stop = () => srv.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

module.exports = { ensureBuilt, build, isStale, startServer, defaultMounts, OUT };

if (require.main === module) {
  main().catch((e) => {
    console.error(`[workbench] ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}
