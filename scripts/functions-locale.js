/**
 * zh-CN custom-function metadata. Excel cannot localise JSDoc-generated metadata, so the build
 * keeps `functions.json` (custom-functions-metadata-plugin) and writes `functions-zh-cn.json`:
 * the same JSON with each function's name and description and each parameter's description
 * replaced from the translation table in src/functions/zh-CN.ts
 *   { [functionId]: { name, description, parameters: { [paramName]: description } } }
 * (default export, or a named export; the first object export keyed by function ids is used).
 * The manifest points the metadata URL's `<bt:Override Locale="zh-cn">` at that file.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { requireTs } = require("./load-ts");

// Excel function names (as custom-functions-metadata checks them): a letter, then letters, 0-9, "_", ".".
const VALID_NAME = /^[\p{L}][\p{L}0-9_.]{0,127}$/u;

/** Pick the translation table out of a loaded module. */
function pickTable(mod) {
  const looksLikeTable = (v) =>
    v && typeof v === "object" && !Array.isArray(v) && Object.values(v).length > 0 && Object.values(v).every((e) => e && typeof e === "object" && "name" in e);
  if (looksLikeTable(mod && mod.default)) return mod.default;
  if (looksLikeTable(mod)) return mod;
  const named = Object.values(mod || {}).filter(looksLikeTable);
  if (named.length >= 1) return named[0];
  throw new Error("src/functions/zh-CN.ts exports no translation table ({ [id]: { name, description, parameters } })");
}

function loadTable(file) {
  return pickTable(requireTs(file));
}

/**
 * Translate metadata (the parsed functions.json). Returns { metadata, problems }; functions or
 * parameters without a translation keep their English text and are listed in problems.
 */
function translateMetadata(metadata, table) {
  const problems = [];
  const out = JSON.parse(JSON.stringify(metadata));
  const ids = new Set();
  const names = new Map();
  for (const fn of out.functions || []) {
    ids.add(fn.id);
    const t = table[fn.id];
    if (!t) {
      problems.push(`no zh-CN translation for function ${fn.id}`);
      continue;
    }
    if (typeof t.name === "string" && t.name.trim()) {
      fn.name = t.name.trim();
      if (!VALID_NAME.test(fn.name)) problems.push(`zh-CN name of ${fn.id} is not a valid function name: ${fn.name}`);
    } else problems.push(`zh-CN translation of ${fn.id} has no name`);
    const upper = fn.name.toUpperCase();
    if (names.has(upper)) problems.push(`zh-CN name ${fn.name} is used by ${names.get(upper)} and ${fn.id}`);
    names.set(upper, fn.id);
    if (typeof t.description === "string" && t.description.trim()) fn.description = t.description;
    else if (fn.description) problems.push(`zh-CN translation of ${fn.id} has no description`);
    const params = t.parameters || {};
    for (const p of fn.parameters || []) {
      if (typeof params[p.name] === "string") p.description = params[p.name];
      else problems.push(`no zh-CN description for parameter ${p.name} of ${fn.id}`);
    }
    for (const p of Object.keys(params)) {
      if (!(fn.parameters || []).some((q) => q.name === p)) problems.push(`zh-CN table names parameter ${p} that ${fn.id} does not have`);
    }
  }
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`zh-CN table has ${id}, which is not a custom function id`);
  return { metadata: out, problems };
}

/**
 * webpack plugin: after custom-functions-metadata-plugin has put `input` (functions.json) into
 * the compilation, emit `output` (functions-zh-cn.json). Missing translations are warnings;
 * a missing or broken table is an error.
 */
class FunctionsLocalePlugin {
  constructor(options) {
    this.options = Object.assign({ input: "functions.json", output: "functions-zh-cn.json" }, options);
  }
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "FunctionsLocalePlugin";
    const table = path.resolve(compiler.context, this.options.table);
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(table);
        const asset = compilation.getAsset(this.options.input);
        if (!asset) {
          // custom-functions-metadata-plugin already reported why (e.g. a JSDoc error).
          if (compilation.errors.length === 0) compilation.errors.push(new WebpackError(`${name}: ${this.options.input} was not generated`));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        let translations = {};
        if (!fs.existsSync(table)) {
          compilation.warnings.push(new WebpackError(`${name}: ${path.relative(compiler.context, table)} not found; ${this.options.output} keeps the English names`));
        } else {
          try {
            translations = loadTable(table);
          } catch (e) {
            compilation.errors.push(new WebpackError(`${name}: cannot load ${path.relative(compiler.context, table)}: ${e.message}`));
            return;
          }
        }
        const { metadata: zh, problems } = translateMetadata(metadata, translations);
        for (const p of problems) compilation.warnings.push(new WebpackError(`${name}: ${p}`));
        compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(zh, null, 2)));
      });
    });
  }
}

module.exports = { FunctionsLocalePlugin, translateMetadata, loadTable, pickTable, VALID_NAME };
