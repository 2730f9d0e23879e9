/**
 * The production bundle in dist/. `npm test` builds it first (scripts/test.js, which sets
 * JX_DIST_BUILT=1); run alone (`npx jest test/skeleton`), this suite builds once when dist/ is
 * missing or older than the sources.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

const { scanDir } = require("../../scripts/url-scan") as {
  scanDir: (dir: string, o?: { allow?: string[] }) => Array<{ file: string; url: string; kind: string; line: number }>;
};
const { schemaCheck } = require("../../scripts/manifest-schema") as {
  schemaCheck: (xml: string, fileName?: string) => Promise<{ ok: boolean; errors: string[] }>;
};
const { checkManifest } = require("../../scripts/manifest-check") as {
  checkManifest: (xml: string, o?: { baseUrl?: string }) => { ok: boolean; errors: string[]; info: { baseUrl: string } };
};

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

function ensureBuilt(): void {
  const marker = path.join(dist, "taskpane.html");
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js"].map((p) => path.join(root, p)).filter(fs.existsSync);
  if (fs.existsSync(marker) && process.env.JX_DIST_BUILT === "1") return; // scripts/test.js just built it
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= Math.max(...sources.map(newest))) return;
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const r = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`webpack build failed:\n${r.stdout}\n${r.stderr}`);
}

function distFiles(dir = dist, base = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? distFiles(path.join(dir, e.name), rel) : [rel];
  });
}

beforeAll(ensureBuilt, 180_000);

describe("production bundle (dist/)", () => {
  test("has the shared-runtime page, both bundles, metadata and a local office.js", () => {
    for (const f of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "functions-zh-cn.json", "office-js/office.js", "manifest.localhost-dev.xml", "assets/icon-32.png"]) {
      expect(fs.existsSync(path.join(dist, f))).toBe(true);
    }
  });

  test("taskpane.html loads office.js locally, then functions.js and taskpane.js; no CDN, no inline script", () => {
    const html = read("taskpane.html");
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\/\//i);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    const srcs = scripts.map((s) => /src=["']?([^"'\s>]+)/.exec(s[1])?.[1]);
    expect(srcs).toEqual(["office-js/office.js", "functions.js", "taskpane.js"]);
    for (const s of scripts) expect(s[2].trim()).toBe(""); // no inline script (CSP script-src 'self')
    const m = /Content-Security-Policy[^>]*content=(?:"([^"]*)"|'([^']*)')/i.exec(html);
    const csp = m ? (m[1] ?? m[2]) : "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  test("dist/functions.json and functions-zh-cn.json are the files generated from the function table", () => {
    const { metadataFiles } = require("../../src/functions/metadata") as typeof import("../../src/functions/metadata");
    const files = metadataFiles();
    expect(read("functions.json")).toBe(files["functions.json"]);
    expect(read("functions-zh-cn.json")).toBe(files["functions-zh-cn.json"]);
  });

  test("functions-zh-cn.json has the same functions and parameters as functions.json", () => {
    type Meta = { functions: Array<{ id: string; name: string; parameters?: Array<{ name: string; type?: string }> }> };
    const en = JSON.parse(read("functions.json")) as Meta;
    const zh = JSON.parse(read("functions-zh-cn.json")) as Meta;
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    zh.functions.forEach((f, k) => {
      expect((f.parameters ?? []).map((p) => [p.name, p.type])).toEqual((en.functions[k].parameters ?? []).map((p) => [p.name, p.type]));
      expect(f.name).toMatch(/^[\p{L}][\p{L}0-9_.]*$/u);
    });
  });

  test("dist/functions.json lists exactly the issue's 17 functions, each with zh-CN name and descriptions", () => {
    type Meta = { functions: Array<{ id: string; name: string; description?: string; parameters?: Array<{ name: string; description?: string }> }> };
    const issue = ["YOY_GROWTH", "TARGET_RATE", "TIME_PROGRESS", "PROGRESS_GAP", "CONTRIBUTION", "PULL", "MU", "ACRE_TAX", "ACRE_REVENUE", "ENERGY_TAX", "LABOR_PRODUCTIVITY", "ACRE_SCORE", "ACRE_GRADE", "USCC_VALID", "APPEAL_CARD", "SCALE_PROJECTION", "SCALE_GAP"];
    const en = JSON.parse(read("functions.json")) as Meta;
    const zh = JSON.parse(read("functions-zh-cn.json")) as Meta;
    expect(en.functions.map((f) => f.id).sort()).toEqual([...issue].sort());
    for (const f of zh.functions) {
      const e = en.functions.find((x) => x.id === f.id)!;
      expect([f.id, /[\u4e00-\u9fff]/.test(f.name)]).toEqual([f.id, true]);
      expect([f.id, /[\u4e00-\u9fff]/.test(f.description ?? "")]).toEqual([f.id, true]);
      expect(f.description).not.toBe(e.description);
      for (const p of f.parameters ?? []) expect([f.id, p.name, /[\u4e00-\u9fff]/.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
  });

  test("dist/functions.js, run under a stub CustomFunctions runtime, registers working functions", () => {
    const vm = require("vm") as typeof import("vm");
    const fns: Record<string, (...a: unknown[]) => unknown> = {};
    class CfError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };
    const CustomFunctions = { associate: (id: string, fn: (...a: unknown[]) => unknown) => (fns[id] = fn), Error: CfError, ErrorCode };
    const sandbox: Record<string, unknown> = { CustomFunctions, console };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    vm.runInNewContext(read("functions.js"), sandbox);
    expect(Object.keys(fns).length).toBe(17);
    // Excel passes ranges as 2-D arrays and gets a 2-D array back (it spills)
    expect(fns.YOY_GROWTH([[110], [128]], [[100], [120]])).toEqual([[0.1], [(128 - 120) / 120]]);
    expect(fns.TARGET_RATE([[39.16]], [[37]])).toEqual([[39.16 / 37]]);
    // plain values give a plain value
    expect(fns.YOY_GROWTH(110, 100)).toBeCloseTo(0.1, 12);
    expect(fns.TIME_PROGRESS(10)).toBeCloseTo(10 / 12, 12);
    expect(fns.USCC_VALID("91350100M000100Y43")).toBe(true);
    // errors become CustomFunctions.Error with the documented code
    expect(fns.YOY_GROWTH([[1]], [[0]])).toEqual([[new CfError("#DIV/0!")]]);
    expect((fns.YOY_GROWTH(1, null) as CfError).code).toBe("#N/A");
    expect((fns.YOY_GROWTH("abc", 1) as CfError).code).toBe("#VALUE!");
  });

  test("HyperFormula (GPL, test-only) is not in any bundle", () => {
    const files = distFiles();
    const inCode = files.filter((f) => /\.(js|html)$/.test(f) && /hyperformula/i.test(fs.readFileSync(path.join(dist, f), "utf8")));
    expect(inCode).toEqual([]);
    // Source maps carry the sources' comments; what matters is that no hyperformula module was bundled.
    const inMaps = files
      .filter((f) => f.endsWith(".map"))
      .filter((f) => (JSON.parse(fs.readFileSync(path.join(dist, f), "utf8")).sources as string[]).some((s) => /node_modules\/hyperformula\//.test(s)));
    expect(inMaps).toEqual([]);
  });

  test("a build without --env urlProd writes a development manifest named as such, never dist/manifest.xml", () => {
    expect(fs.existsSync(path.join(dist, "manifest.xml"))).toBe(false);
    const xml = read("manifest.localhost-dev.xml");
    expect(checkManifest(xml).info.baseUrl).toBe("https://localhost:3000/");
    // <Version> is package.json's, with a fourth part
    const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(/<Version>([^<]*)<\/Version>/.exec(xml)?.[1]).toBe(`${version.split(/[-+]/)[0]}.0`);
  });

  test("every manifest in dist/ is well-formed XML and valid against Microsoft's schema", async () => {
    const manifests = distFiles().filter((f) => /manifest[^/]*\.xml$/.test(f));
    expect(manifests.length).toBeGreaterThan(0);
    for (const f of manifests) expect(await schemaCheck(read(f), `dist/${f}`)).toEqual({ ok: true, errors: [] });
  });

  test("nothing is fetched from outside localhost and the configured base URL", () => {
    const built = checkManifest(read("manifest.localhost-dev.xml"));
    expect(built.errors).toEqual([]);
    const hits = scanDir(dist, { allow: [built.info.baseUrl] });
    expect(hits).toEqual([]);
  });

  test("only the office.js files an Excel add-in needs are copied (small, no debug builds)", () => {
    const office = distFiles().filter((f) => f.startsWith("office-js/"));
    expect(office.filter((f) => /\.debug\.js$|outlook|word-|powerpoint|onenote/.test(f))).toEqual([]);
    expect(office).toEqual(expect.arrayContaining(["office-js/en-us/office_strings.js", "office-js/zh-cn/office_strings.js"]));
    expect(office.some((f) => /^office-js\/excel-win32-16\.\d+\.js$/.test(f))).toBe(true);
    expect(office.some((f) => /^office-js\/excel-web-16\.\d+\.js$/.test(f))).toBe(true);
    const bytes = office.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
    expect(bytes).toBeLessThan(12 * 1024 * 1024);
  });
});
