/**
 * `require("./register")` lets a bench module require TypeScript sources (src/…/*.ts and .tsx)
 * directly: each file is transpiled on load with `typescript.transpileModule` (CommonJS, no type
 * check — `npm run lint` does that). No ts-node, no build step.
 */
"use strict";
if (!require.extensions[".ts"]) {
  const { compileTs } = require("../scripts/load-ts");
  require.extensions[".ts"] = compileTs;
  require.extensions[".tsx"] = compileTs;
}
