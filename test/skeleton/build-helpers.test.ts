import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const root = path.join(__dirname, "..", "..");

const { isAllowed, scanText } = require("../../scripts/url-scan");

describe("requireTs (scripts/load-ts.js): TypeScript from plain Node for the build", () => {
  const loadTs = JSON.stringify(path.join(root, "scripts", "load-ts.js"));

  test("loads a module and its relative TypeScript imports", () => {
    // In a plain Node process: jest's own module registry would hide the loader under test.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-ts-"));
    const load = () => {
      const code = `process.stdout.write(JSON.stringify(require(${loadTs}).requireTs(${JSON.stringify(path.join(dir, "table.ts"))})))`;
      const r = spawnSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    fs.writeFileSync(path.join(dir, "names.ts"), `export const GROWTH_NAME: string = "增速";\n`);
    fs.writeFileSync(path.join(dir, "table.ts"), `import { GROWTH_NAME } from "./names";\nexport interface T { name: string }\nexport const table: Record<string, T> = { GROWTH: { name: GROWTH_NAME } };\n`);
    expect(load().table.GROWTH.name).toBe("增速");
    fs.writeFileSync(path.join(dir, "table.ts"), `const t = { GROWTH: { name: "增速2" } };\nexport default t;\n`);
    expect(load().default.GROWTH.name).toBe("增速2");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("drops what it loaded from the require cache (watch rebuilds see edits) and leaves no hook behind", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-ts-"));
    const file = path.join(dir, "t.ts");
    const code = `
      const fs = require("fs");
      const { requireTs } = require(${loadTs});
      const f = ${JSON.stringify(file)};
      fs.writeFileSync(f, 'export default { A: "甲" as string };');
      const a = requireTs(f).default.A;
      fs.writeFileSync(f, 'export default { A: "乙" as string };');
      const b = requireTs(f).default.A;
      process.stdout.write(a + b + (require.extensions[".ts"] ? "+ext" : ""));`;
    const r = spawnSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("甲乙");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the metadata plugin's loader gives the same files as the table (scripts/functions-metadata.js)", () => {
    const code = `process.stdout.write(JSON.stringify(require(${JSON.stringify(path.join(root, "scripts", "functions-metadata.js"))}).metadataFiles()))`;
    const r = spawnSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const { files, problems } = JSON.parse(r.stdout);
    expect(problems).toEqual([]);
    const { metadataFiles } = require("../../src/functions/metadata") as typeof import("../../src/functions/metadata");
    expect(files).toEqual(metadataFiles());
  });
});

describe("url-scan allow-list", () => {
  test("localhost and the base URL are allowed; other hosts are not", () => {
    expect(isAllowed("https://localhost:3000/x.js")).toBe(true);
    expect(isAllowed("http://127.0.0.1:8080/")).toBe(true);
    expect(isAllowed("https://intranet.example/jx/taskpane.js", ["https://intranet.example/jx/"])).toBe(true);
    expect(isAllowed("https://intranet.example/other/x.js", ["https://intranet.example/jx/"])).toBe(false);
    expect(isAllowed("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")).toBe(false);
    expect(isAllowed("//cdn.example.com/x.js")).toBe(false);
  });

  test("finds fetches, not namespaces, comments or error links", () => {
    const text = [
      `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>`,
      `fetch("https://api.example.com/data")`,
      `x.open("GET","https://xhr.example.com/a")`,
      `.a{background:url(https://img.example.com/a.png)}`,
      `e.src="//cdn.example.com/x.js"`,
      `/*! license https://opensource.org/licenses/MIT */`,
      `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
      `throw Error("see https://react.dev/errors/"+e)`,
      `<link href="https://localhost:3000/x.css">`,
    ].join("\n");
    expect(scanText(text).map((h: { url: string }) => h.url)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "//cdn.example.com/x.js",
      "https://img.example.com/a.png",
      "https://api.example.com/data",
      "https://xhr.example.com/a",
    ]);
  });
});
