/**
 * The WPS 表格 add-in build (dist-wps/), separate from the Excel add-in (webpack.config.js →
 * dist/) and the workbench (webpack.workbench.config.js). Not `wpsjs build` (it asks questions).
 *
 *   npm run build:wps                                   → dist-wps/ (production)
 *   npm run build:wps -- --env wpsUrl=http://intranet.example/jingxin-wps/
 *                                                       … with jsplugins.xml pointing there
 *
 * dist-wps/ holds the add-in (index.html + main.js: ribbon callbacks and the JX functions;
 * taskpane.html + taskpane.js: the pane; ribbon.xml, manifest.xml, functions.json, assets/) and,
 * for installing it, publish.xml, jsplugins.xml, install-wps.sh (Kylin/UOS), install-wps.cmd +
 * install-wps.ps1 (Windows) and INSTALL.txt. See docs/wps.md.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { requireTs } = require("./scripts/load-ts");
const { installFiles } = require("./scripts/wps-install");

const DEFAULT_URL = "http://intranet.example/jingxin-wps/";

/** Emits the files generated from the function table and the package version. */
class WpsFilesPlugin {
  constructor({ version, url }) {
    this.version = version;
    this.url = url;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("WpsFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "WpsFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const meta = requireTs(path.join(__dirname, "src/wps/metadata.ts"));
        compilation.fileDependencies.add(path.join(__dirname, "src/wps/metadata.ts"));
        compilation.contextDependencies.add(path.join(__dirname, "src/functions")); // the function table and its families
        const files = {
          "functions.json": JSON.stringify(meta.wpsFunctionsJson(), null, 2) + "\n",
          "manifest.xml": meta.manifestXml(),
          "publish.xml": meta.publishXml(this.version),
          "jsplugins.xml": meta.jspluginsXml(this.url),
          ...installFiles({ folder: meta.addinFolder(this.version), entry: meta.publishEntry(this.version), url: this.url }),
        };
        for (const [name, text] of Object.entries(files)) compilation.emitAsset(name, new sources.RawSource(text));
      });
    });
  }
}

module.exports = (env = {}, options = {}) => {
  const mode = options.mode || "production";
  const url = env.wpsUrl ? String(env.wpsUrl) : DEFAULT_URL;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`--env wpsUrl must be an absolute http(s) URL (got ${url})`);
  /** @type {import('webpack').Configuration} */
  return {
    context: __dirname,
    mode,
    // No eval-based source maps: the pages' CSP has script-src 'self'.
    devtool: mode === "production" ? false : "source-map",
    // WPS 12's built-in Chromium; ES2017 like the Excel build, to be safe on older WPS builds.
    target: ["web", "es2017"],
    entry: {
      main: "./src/wps/main.ts",
      taskpane: "./src/wps/paneEntry.tsx",
    },
    output: {
      path: path.join(__dirname, "dist-wps"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { target: "ES2017", module: "esnext", sourceMap: mode !== "production", noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/index.html", chunks: ["main"], scriptLoading: "defer" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/wps/taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-16.png", to: "assets/icon-16.png" },
          { from: "assets/icon-32.png", to: "assets/icon-32.png" },
        ],
      }),
      new WpsFilesPlugin({ version: require("./package.json").version, url }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
