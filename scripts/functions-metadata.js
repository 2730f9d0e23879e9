/**
 * webpack plugin: emits functions.json and functions-zh-cn.json, generated from the function
 * table (src/functions/metadata.ts over src/functions/table.ts, one table per family). A name
 * Excel would reject fails the build. Watch mode rebuilds them when src/functions changes.
 */
"use strict";
const path = require("path");
const { requireTs } = require("./load-ts");

const METADATA = path.join(__dirname, "..", "src", "functions", "metadata.ts");

/** The two files' text, freshly loaded from the sources. */
function metadataFiles() {
  const m = requireTs(METADATA);
  return { files: m.metadataFiles(), problems: m.metadataProblems() };
}

class FunctionsMetadataPlugin {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "FunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.contextDependencies.add(path.dirname(METADATA));
        let out;
        try {
          out = metadataFiles();
        } catch (e) {
          compilation.errors.push(new WebpackError(`${name}: cannot generate the function metadata: ${e && e.stack ? e.stack : e}`));
          return;
        }
        for (const p of out.problems) compilation.errors.push(new WebpackError(`${name}: ${p}`));
        for (const [file, text] of Object.entries(out.files)) compilation.emitAsset(file, new sources.RawSource(text));
      });
    });
  }
}

module.exports = { FunctionsMetadataPlugin, metadataFiles };
