/** jest's transformer for .ts/.tsx: the project's TypeScript runner (scripts/load-ts.js, esbuild). */
"use strict";
const { createHash } = require("crypto");
const fs = require("fs");
const { transpile } = require("./load-ts");

const self = createHash("sha1")
  .update(fs.readFileSync(__filename))
  .update(fs.readFileSync(require.resolve("./load-ts")))
  .update(require("esbuild").version)
  .digest("hex");

module.exports = {
  process(source, filename) {
    return { code: transpile(source, filename) };
  },
  getCacheKey(source, filename) {
    return createHash("sha1").update(self).update(filename).update("\0").update(source).digest("hex");
  },
};
