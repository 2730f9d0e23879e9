/**
 * Require a TypeScript module from Node without ts-node: each .ts file it loads (itself and its
 * relative .ts imports) is transpiled with `typescript.transpileModule` (no type check) and
 * dropped from the require cache afterwards, so a watch rebuild sees edits.
 * Used by the webpack build to read the zh-CN function translation table (src/functions/zh-CN.ts).
 */
"use strict";
const fs = require("fs");

/** A require.extensions handler that transpiles a .ts/.tsx file to CommonJS (no type check). */
function compileTs(module, filename) {
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      resolveJsonModule: true,
      jsx: ts.JsxEmit.ReactJSX,
    },
  });
  module._compile(outputText, filename);
}

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

module.exports = { requireTs, compileTs };
