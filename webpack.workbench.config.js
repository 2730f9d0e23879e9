/**
 * The browser WORKBENCH build (dist-workbench/), separate from the add-in (webpack.config.js → dist/).
 * A development host for machines without Excel: a sheet view over an .xlsx held in the page
 * (exceljs in the browser) on the left, the very same task pane <App> on the right.
 *
 * HyperFormula (GPL-3.0) computes the sheet's formulas here; it is allowed in this bundle and
 * never in dist/ (the add-in's build guard and test/skeleton/bundle.test.ts check that).
 *
 *   npx webpack --config webpack.workbench.config.js            (development, the default here)
 *   npx webpack --config webpack.workbench.config.js --mode production
 *   npm run workbench                                           builds when stale, then serves
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

module.exports = (_env = {}, options = {}) => {
  const mode = options.mode || "development";
  /** @type {import('webpack').Configuration} */
  return {
    context: __dirname,
    mode,
    // No eval-based source maps: the page's CSP has script-src 'self'.
    devtool: mode === "production" ? false : "source-map",
    target: ["web", "es2020"],
    entry: { workbench: "./src/workbench/index.tsx" },
    output: {
      path: path.join(__dirname, "dist-workbench"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      alias: {
        // exceljs's browser build (its Node entry needs fs/stream/zlib polyfills).
        exceljs$: require.resolve("exceljs/dist/exceljs.min.js"),
      },
    },
    module: {
      // A pre-built UMD bundle: nothing for webpack to parse in it (and much faster).
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { target: "ES2020", module: "esnext", sourceMap: mode !== "production", noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/workbench/workbench.html",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "samples/jingxin-sample.xlsx", to: "samples/jingxin-sample.xlsx" },
          { from: "assets/icon-16.png", to: "assets/icon-16.png" },
        ],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
