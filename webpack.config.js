/**
 * Jingxin add-in build, after generator-office's "Excel Custom Functions using a Shared Runtime"
 * template. One page (taskpane.html) loads both bundles: functions.js (custom functions) and
 * taskpane.js (React pane).
 *
 *   npm run build                                      production build → dist/, with a
 *                                                      development manifest pointing at localhost,
 *                                                      dist/manifest.localhost-dev.xml
 *   npm run build -- --env urlProd=https://intranet.example/jx/
 *                                                      … with dist/manifest.xml pointing there
 * Either manifest's <Version> is package.json's version with a fourth part (0.1.0 → 0.1.0.0).
 *   npm run dev-server                                 https://localhost:3000/ (dev certificates,
 *                                                      else a self-signed one in .certs/, else http)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataPlugin } = require("./scripts/functions-metadata");
const { checkManifest } = require("./scripts/manifest-check");
const { schemaCheck } = require("./scripts/manifest-schema");

const urlDev = "https://localhost:3000/";
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";

/**
 * The part of @microsoft/office-js (~87 MB) an Excel add-in loads: office.js, the Excel host
 * files it picks per platform (excel-<platform>-<version>.js; the "-core" files belong to the
 * non-shared custom-functions runtime, .debug.js to office.debug.js), the en-us/zh-cn strings
 * and the telemetry sink it loads lazily. About 6 MB.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "excel-win32-16.*.js",
  "excel-web-16.*.js",
  "excel-mac-16.*.js",
  "excel-ios-16.*.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
  "telemetry/oteljs_agave.js",
];

/**
 * Dev-server TLS. Windows / macOS (Excel desktop): the Office dev certificates, waited for
 * without a timeout; without them the server does not start (Excel loads only trusted https).
 * Elsewhere (the workbench, Excel on the web): office-addin-dev-certs, else an openssl
 * self-signed certificate, else plain http.
 */
async function devServerTransport() {
  const excelDesktop = process.platform === "win32" || process.platform === "darwin";
  const withTimeout = (p, ms) => (excelDesktop ? p : Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms / 1000} s`)), ms))]));
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await withTimeout(devCerts.getHttpsServerOptions(), 20000);
    console.log("[dev-server] https with office-addin-dev-certs certificates");
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch (e) {
    if (excelDesktop) {
      throw new Error(
        `[dev-server] 无法读取 Office 开发证书 (the Office dev certificates are not available: ${e && e.message ? e.message : e}).\n` +
          "Excel 只能通过受信任的 https 加载加载项 (Excel loads an add-in only over trusted https). " +
          "修复 (fix): npx office-addin-dev-certs install, then npm start again.",
      );
    }
    console.warn(`[dev-server] office-addin-dev-certs unavailable (${e && e.message ? e.message : e}); trying a self-signed certificate`);
  }
  const dir = path.join(__dirname, ".certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  try {
    if (!fs.existsSync(key) || !fs.existsSync(cert)) {
      fs.mkdirSync(dir, { recursive: true });
      execFileSync(
        "openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "365", "-subj", "/CN=localhost",
          "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
    }
    console.warn(
      "[dev-server] 使用自签名证书 .certs/localhost.crt（浏览器/Office 不信任，需手动信任）\n" +
        "[dev-server] https with a SELF-SIGNED certificate (.certs/localhost.crt): trust it manually, or Office will refuse the add-in.",
    );
    return { type: "https", options: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } };
  } catch (e) {
    console.warn(
      `[dev-server] openssl failed (${e && e.message ? e.message : e}).\n` +
        "[dev-server] 退回到 http://localhost（仅供浏览器工作台，Excel 需要 https）\n" +
        `[dev-server] FALLING BACK TO PLAIN HTTP on http://localhost:${port}/ — fine for the browser workbench, Excel requires https.`,
    );
    return { type: "http" };
  }
}

/** The manifest's <Version>: package.json's version (pre-release and build tags dropped) with a fourth part. */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(String(version));
  if (!m) throw new Error(`package.json version ${JSON.stringify(version)} is not x.y.z`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** dist/manifest.xml only for a deployment (--env urlProd); otherwise a name that says it points at localhost. */
const DEV_MANIFEST = "manifest.localhost-dev.xml";

function normaliseBase(u) {
  return u.endsWith("/") ? u : u + "/";
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const urlProd = env.urlProd ? normaliseBase(String(env.urlProd)) : undefined;
  if (urlProd && !/^https:\/\/[^/]+\//.test(urlProd)) throw new Error(`--env urlProd must be an absolute https URL (got ${env.urlProd})`);
  const rewrite = !dev && urlProd;
  const manifestName = rewrite ? "manifest.xml" : DEV_MANIFEST;
  const version = manifestVersion(require("./package.json").version);

  /** @type {import('webpack').Configuration} */
  const config = {
    context: __dirname,
    // Not eval-based in development either: the page's CSP (script-src 'self') forbids eval.
    devtool: "source-map",
    // ES2017 output so the functions bundle still parses on Edge Legacy (Office without WebView2).
    target: ["web", "es2017"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run lint`; the build only transpiles (fast on 2 cores).
            options: { transpileOnly: true, compilerOptions: { target: "ES2017", module: "esnext", sourceMap: true, noEmit: false } },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      // functions.json and functions-zh-cn.json, from the function table (src/functions/table.ts).
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page runs the custom functions and the task pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: manifestName,
            transform(content) {
              const xml = content.toString().replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
              return rewrite ? xml.split(urlDev).join(urlProd) : xml;
            },
          },
          // office.js served from the add-in's own origin (no CDN); already minified, so the
          // minimizer must skip it (info.minimized), which also keeps the build fast.
          ...OFFICE_JS_FILES.map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            // Keep the folder layout office.js expects (en-us/…, zh-cn/…, telemetry/…).
            to: ({ absoluteFilename }) => "office-js/" + path.relative(OFFICE_JS_DIR, absoluteFilename).split(path.sep).join("/"),
            info: { minimized: true },
            globOptions: { ignore: ["**/*.debug.js", "**/*-core.js"] },
          })),
        ],
      }),
      new GuardPlugin({ manifestBase: rewrite ? urlProd : urlDev, manifestName }),
    ],
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: 2_000_000,
      maxEntrypointSize: 2_000_000,
      assetFilter: (name) => /\.(js|css)$/.test(name) && !name.startsWith("office-js/"),
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port,
      // Only `webpack serve` needs a certificate; building never does.
      server: env.WEBPACK_SERVE ? await devServerTransport() : "https",
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
  return config;
};

/**
 * Build-time guards: HyperFormula (GPL, test-only) must never be bundled, and the emitted
 * manifest must pass the structural check with the base URL it was built for.
 */
class GuardPlugin {
  constructor({ manifestBase, manifestName }) {
    this.manifestBase = manifestBase;
    this.manifestName = manifestName;
  }
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("GuardPlugin", (compilation) => {
      // Only the add-in's own entries are guarded (a workbench entry may use HyperFormula).
      compilation.hooks.afterSeal.tap("GuardPlugin", () => {
        for (const entry of ["functions", "taskpane"]) {
          const ep = compilation.entrypoints.get(entry);
          for (const chunk of ep ? ep.getEntrypointChunk().getAllReferencedChunks() : []) {
            for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const resources = [m.resource, ...(m.modules || []).map((c) => c.resource)].filter(Boolean);
              const bad = resources.find((r) => /[\\/]node_modules[\\/]hyperformula[\\/]/.test(r));
              if (bad) {
                compilation.errors.push(new WebpackError(`hyperformula (GPL-3.0, test-only) must not be bundled into ${entry}.js: ${bad}`));
                return;
              }
            }
          }
        }
      });
      compilation.hooks.processAssets.tapPromise({ name: "GuardPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
        const name = this.manifestName;
        const asset = compilation.getAsset(name);
        if (!asset) return;
        const xml = asset.source.source().toString();
        const schema = await schemaCheck(xml, `dist/${name}`);
        if (!schema.ok) {
          compilation.errors.push(new WebpackError(`dist/${name} is not valid against Microsoft's manifest schema:\n  ${schema.errors.join("\n  ")}`));
          return;
        }
        const { ok, errors } = checkManifest(xml, { baseUrl: this.manifestBase });
        if (!ok) compilation.errors.push(new WebpackError(`dist/${name} fails the structural check:\n  ${errors.join("\n  ")}`));
      });
    });
  }
}
