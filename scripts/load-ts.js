/**
 * The project's one TypeScript runner: esbuild transpiles a .ts/.tsx file to CommonJS (no type
 * check — `npm run lint` does that). Used by
 * - the build and data scripts and the benchmarks (`requireTs`, or the `compileTs` require hook
 *   that bench/register.js installs),
 * - jest (`scripts/jest-transform.js`),
 * and scripts/build-cli.js bundles the CLI with the same esbuild.
 */
"use strict";
const fs = require("fs");

/** TypeScript source → CommonJS JavaScript with an inline source map (for stack traces). */
function transpile(source, filename) {
  const { code } = require("esbuild").transformSync(source, {
    loader: /\.tsx$/.test(filename) ? "tsx" : "ts",
    format: "cjs",
    target: "node20",
    // import() becomes require(), as tsc does for CommonJS (jest's module system needs that).
    supported: { "dynamic-import": false },
    jsx: "automatic",
    sourcemap: "inline",
    sourcefile: filename,
    tsconfigRaw: { compilerOptions: { esModuleInterop: true } },
  });
  return code;
}

/** A require.extensions handler for .ts/.tsx files. */
function compileTs(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
}

/**
 * Require a TypeScript module (and the relative .ts files it imports) from plain Node, then drop
 * them from the require cache, so that a watch rebuild sees edits.
 */
function requireTs(file) {
  const exts = require.extensions;
  const previous = exts[".ts"];
  const loaded = [];
  exts[".ts"] = (module, filename) => {
    loaded.push(filename);
    compileTs(module, filename);
  };
  const resolved = require.resolve(file);
  try {
    return require(resolved);
  } finally {
    if (previous) exts[".ts"] = previous;
    else delete exts[".ts"];
    for (const f of loaded.concat(resolved)) delete require.cache[f];
  }
}

module.exports = { requireTs, compileTs, transpile };
