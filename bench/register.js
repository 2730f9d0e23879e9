/**
 * `require("./register")` lets a bench module require TypeScript sources (src/…/*.ts and .tsx)
 * directly: each file is transpiled on load with `typescript.transpileModule` (CommonJS, no type
 * check — `npm run lint` does that). No ts-node, no build step.
 */
"use strict";
const fs = require("fs");

if (!require.extensions[".ts"]) {
  const ts = require("typescript");
  const compile = (module, filename) => {
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
  };
  require.extensions[".ts"] = compile; // eslint-disable-line n/no-deprecated-api
  require.extensions[".tsx"] = compile; // eslint-disable-line n/no-deprecated-api
}
