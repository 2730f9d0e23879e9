import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const root = path.join(__dirname, "..", "..");

const { translateMetadata } = require("../../scripts/functions-locale");
const { isAllowed, scanText } = require("../../scripts/url-scan");

describe("functions-zh-cn.json generation", () => {
  const metadata = {
    functions: [
      { id: "GROWTH", name: "GROWTH.RATE", description: "Growth rate", parameters: [{ name: "current", description: "this year", type: "number" }, { name: "previous", description: "last year", type: "number" }], result: { type: "number" } },
      { id: "SHARE", name: "SHARE", description: "Share", parameters: [{ name: "part", description: "part", type: "number" }] },
    ],
  };

  test("replaces name, description and parameter descriptions by id, keeping everything else", () => {
    const table = {
      GROWTH: { name: "增速", description: "同比增速", parameters: { current: "本期", previous: "上年同期" } },
      SHARE: { name: "占比", description: "占比", parameters: { part: "部分" } },
    };
    const { metadata: zh, problems } = translateMetadata(metadata, table);
    expect(problems).toEqual([]);
    expect(zh.functions[0]).toEqual({
      id: "GROWTH",
      name: "增速",
      description: "同比增速",
      parameters: [{ name: "current", description: "本期", type: "number" }, { name: "previous", description: "上年同期", type: "number" }],
      result: { type: "number" },
    });
    expect(metadata.functions[0].name).toBe("GROWTH.RATE"); // input untouched
  });

  test("reports untranslated functions and parameters, unknown ids and invalid names", () => {
    const { metadata: zh, problems } = translateMetadata(metadata, {
      GROWTH: { name: "增 速", description: "x", parameters: { current: "本期", bogus: "?" } },
      NOPE: { name: "无", description: "", parameters: {} },
    });
    expect(zh.functions[1].name).toBe("SHARE");
    expect(problems.join("\n")).toMatch(/no zh-CN translation for function SHARE/);
    expect(problems.join("\n")).toMatch(/parameter previous of GROWTH/);
    expect(problems.join("\n")).toMatch(/parameter bogus/);
    expect(problems.join("\n")).toMatch(/NOPE, which is not a custom function id/);
    expect(problems.join("\n")).toMatch(/not a valid function name: 增 速/);
  });

  test("loads the table from TypeScript without ts-node (default or named export, relative imports)", () => {
    // In a plain Node process: jest's own module registry would hide the loader under test.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-zh-"));
    const load = () => {
      const code = `process.stdout.write(JSON.stringify(require(${JSON.stringify(path.join(root, "scripts", "functions-locale.js"))}).loadTable(${JSON.stringify(path.join(dir, "zh-CN.ts"))})))`;
      const r = spawnSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    fs.writeFileSync(path.join(dir, "names.ts"), `export const GROWTH_NAME: string = "增速";\n`);
    fs.writeFileSync(
      path.join(dir, "zh-CN.ts"),
      `import { GROWTH_NAME } from "./names";\nexport interface T { name: string }\nexport const zhCN: Record<string, { name: string; description: string; parameters: Record<string, string> }> = { GROWTH: { name: GROWTH_NAME, description: "同比", parameters: {} } };\n`,
    );
    expect(load().GROWTH.name).toBe("增速");
    fs.writeFileSync(path.join(dir, "zh-CN.ts"), `const t = { GROWTH: { name: "增速2", description: "", parameters: {} } };\nexport default t;\n`);
    expect(load().GROWTH.name).toBe("增速2");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the loader drops what it loaded from the require cache (watch rebuilds see edits)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-zh-"));
    const file = path.join(dir, "zh-CN.ts");
    const code = `
      const fs = require("fs");
      const { loadTable } = require(${JSON.stringify(path.join(root, "scripts", "functions-locale.js"))});
      const f = ${JSON.stringify(file)};
      fs.writeFileSync(f, 'export default { A: { name: "甲", description: "", parameters: {} } };');
      const a = loadTable(f).A.name;
      fs.writeFileSync(f, 'export default { A: { name: "乙", description: "", parameters: {} } };');
      const b = loadTable(f).A.name;
      process.stdout.write(a + b + (require.extensions[".ts"] ? "+ext" : ""));`;
    const r = spawnSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("甲乙");
    fs.rmSync(dir, { recursive: true, force: true });
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
