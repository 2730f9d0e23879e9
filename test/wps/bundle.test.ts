/**
 * The WPS add-in build in dist-wps/ (`npm run build:wps`). `npm test` builds it first
 * (scripts/test.js sets JX_WPS_BUILT=1); run alone, this suite builds when dist-wps/ is missing
 * or older than the sources. Checks: the files WPS reads are well-formed XML (xmllint), the
 * pages load only local scripts under the same CSP as dist/, nothing is fetched from outside,
 * main.js registers the 17 JX functions and opens the pane under a stub WPS runtime, and the
 * Linux install script installs next to other add-ins.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const { scanDir } = require("../../scripts/url-scan") as { scanDir: (dir: string) => Array<{ file: string; url: string }> };
const { validateXML } = require("xmllint-wasm") as {
  validateXML: (o: { xml: { fileName: string; contents: string }[]; normalization: "format" }) => Promise<{ valid: boolean; errors: { message: string }[] }>;
};

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist-wps");
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
const ISSUE_17 = ["YOY_GROWTH", "TARGET_RATE", "TIME_PROGRESS", "PROGRESS_GAP", "CONTRIBUTION", "PULL", "MU", "ACRE_TAX", "ACRE_REVENUE", "ENERGY_TAX", "LABOR_PRODUCTIVITY", "ACRE_SCORE", "ACRE_GRADE", "USCC_VALID", "APPEAL_CARD", "SCALE_PROJECTION", "SCALE_GAP"];

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

function ensureBuilt(): void {
  const marker = path.join(dist, "functions.json");
  if (fs.existsSync(marker) && process.env.JX_WPS_BUILT === "1") return;
  const sources = ["src", "assets", "webpack.wps.config.js", "scripts/wps-install.js", "package.json"].map((p) => path.join(root, p));
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= Math.max(...sources.map(newest))) return;
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const r = spawnSync(process.execPath, [cli, "--config", "webpack.wps.config.js", "--mode", "production"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`webpack (WPS) build failed:\n${r.stdout}\n${r.stderr}`);
}

async function xmlErrors(fileName: string, contents: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName, contents }], normalization: "format" });
  return r.valid ? [] : r.errors.map((e) => e.message);
}

beforeAll(ensureBuilt, 180_000);

describe("WPS add-in bundle (dist-wps/)", () => {
  test("has the pages, scripts, ribbon, function metadata and install files", () => {
    for (const f of ["index.html", "main.js", "taskpane.html", "taskpane.js", "ribbon.xml", "manifest.xml", "functions.json", "publish.xml", "jsplugins.xml", "install-wps.sh", "install-wps.cmd", "install-wps.ps1", "INSTALL.txt", "assets/icon-32.png"]) {
      expect([f, fs.existsSync(path.join(dist, f))]).toEqual([f, true]);
    }
  });

  test("ribbon.xml, manifest.xml, publish.xml and jsplugins.xml are well-formed XML with no -- inside a comment", async () => {
    for (const f of ["ribbon.xml", "manifest.xml", "publish.xml", "jsplugins.xml"]) {
      const text = read(f);
      expect([f, await xmlErrors(f, text)]).toEqual([f, []]);
      for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) expect([f, m[1].includes("--")]).toEqual([f, false]);
    }
  });

  test("one 经信助手 group with one button, whose callbacks main.js defines", () => {
    const xml = read("ribbon.xml");
    const groups = [...xml.matchAll(/<group\b[^>]*label="([^"]*)"/g)].map((m) => m[1]);
    expect(groups).toEqual(["经信助手"]);
    const buttons = [...xml.matchAll(/<button\b([^>]*)\/>/g)].map((m) => m[1]);
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatch(/id="jxOpenPane"/);
    expect(buttons[0]).toMatch(/onAction="ribbon\.OnAction"/);
    expect(xml).toMatch(/onLoad="ribbon\.OnAddinLoad"/);
  });

  test("manifest.xml declares functions.json and the JX namespace; publish.xml and jsplugins.xml name the add-in", () => {
    expect(read("manifest.xml")).toMatch(/<Uri>\/functions\.json<\/Uri>\s*<Namespace>JX<\/Namespace>/);
    const version = require("../../package.json").version as string;
    expect(read("publish.xml")).toContain(`<jsplugin name="jingxin" type="et" url="jingxin_${version}" version="${version}"`);
    expect(read("jsplugins.xml")).toMatch(/<jspluginonline name="jingxin" type="et" url="https?:\/\/[^"]+\/"/);
  });

  test("functions.json lists exactly the 17 functions, ASCII names, Chinese descriptions", () => {
    const meta = JSON.parse(read("functions.json")) as { functions: { name: string; description: string; parameters: { description: string }[] }[] };
    expect(meta.functions.map((f) => f.name).sort()).toEqual([...ISSUE_17].sort());
    for (const f of meta.functions) {
      expect(f.name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
      expect([f.name, /[\u4e00-\u9fff]/.test(f.description)]).toEqual([f.name, true]);
      for (const p of f.parameters) expect([f.name, /[\u4e00-\u9fff]/.test(p.description)]).toEqual([f.name, true]);
    }
  });

  test("the pages load only their own bundle, no inline script, under the same CSP as dist/", () => {
    for (const [page, script] of [["index.html", "main.js"], ["taskpane.html", "taskpane.js"]]) {
      const html = read(page);
      expect(html).not.toMatch(/https?:\/\//i);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.map((s) => /src=["']?([^"'\s>]+)/.exec(s[1])?.[1])).toEqual([script]);
      for (const s of scripts) expect(s[2].trim()).toBe("");
      const m = /Content-Security-Policy[^>]*content=(?:"([^"]*)"|'([^']*)')/i.exec(html);
      const csp = m ? (m[1] ?? m[2]) : "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
  });

  test("nothing is fetched from outside (same URL scan as dist/); no HyperFormula", () => {
    expect(scanDir(dist)).toEqual([]);
    for (const f of ["main.js", "taskpane.js"]) expect([f, /hyperformula/i.test(read(f))]).toEqual([f, false]);
  });

  test("main.js under a stub WPS runtime: registers the 17 JX functions, which compute, and the button opens one pane", () => {
    const vm = require("vm") as typeof import("vm");
    const fns: Record<string, (...a: unknown[]) => unknown> = {};
    const panes: { ID: number; Visible: boolean; DockPosition: number; Width: number; url: string }[] = [];
    const store = new Map<string, string>();
    const Application = {
      AddCustomFunction: (ns: string, name: string, fn: (...a: unknown[]) => unknown) => (fns[`${ns}.${name}`] = fn),
      CreateTaskPane: (url: string) => {
        const p = { ID: panes.length + 7, Visible: false, DockPosition: 0, Width: 0, url };
        panes.push(p);
        return p;
      },
      GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
      PluginStorage: { getItem: (k: string) => store.get(k) ?? "", setItem: (k: string, v: unknown) => void store.set(k, String(v)) },
    };
    const sandbox: Record<string, unknown> = { Application, wps: Application, console, URL, document: { location: { href: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/jingxin_0.1.0/index.html" } } };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    vm.runInNewContext(read("main.js"), sandbox);
    expect(Object.keys(fns).sort()).toEqual(ISSUE_17.map((id) => `JX.${id}`).sort());
    expect(fns["JX.YOY_GROWTH"]([[110], [128]], [[100], [120]])).toEqual([[0.1], [(128 - 120) / 120]]);
    expect(fns["JX.YOY_GROWTH"](110, 100)).toBeCloseTo(0.1, 12);
    expect(fns["JX.TARGET_RATE"]([[39.16]], [[37]])).toBeCloseTo(39.16 / 37, 12);
    expect(fns["JX.USCC_VALID"]("91350100M000100Y43")).toBe(true);
    expect(fns["JX.YOY_GROWTH"]([[1]], [[0]])).toBe("#DIV/0!");
    expect(fns["JX.YOY_GROWTH"](1, null)).toBe("#N/A");
    const ribbon = sandbox.ribbon as { OnAddinLoad(u: unknown): boolean; OnAction(c: { Id: string }): boolean };
    expect(ribbon.OnAddinLoad({})).toBe(true);
    ribbon.OnAction({ Id: "jxOpenPane" });
    panes[0].Visible = false; // the user hides it
    ribbon.OnAction({ Id: "jxOpenPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2, url: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/jingxin_0.1.0/taskpane.html" });
  });

  test("install-wps.sh installs into jsaddons next to other add-ins, and again over itself", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "jx-wps-"));
    try {
      const jsaddons = path.join(home, "jsaddons");
      fs.mkdirSync(jsaddons);
      const other = '<jsplugin name="other" type="wps" url="other_1.0" version="1.0" enable="enable_dev"/>';
      fs.writeFileSync(path.join(jsaddons, "publish.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${other}\n</jsplugins>\n`);
      fs.mkdirSync(path.join(jsaddons, "jingxin_0.0.1")); // an older version
      for (let run = 0; run < 2; run++) {
        const r = spawnSync("sh", [path.join(dist, "install-wps.sh")], { env: { ...process.env, WPS_JSADDONS: jsaddons }, encoding: "utf8" });
        expect([r.status, r.stderr]).toEqual([0, ""]);
      }
      const version = require("../../package.json").version as string;
      const pub = fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8");
      expect(await xmlErrors("publish.xml", pub)).toEqual([]);
      expect(pub).toContain(other);
      expect(pub.match(/name="jingxin"/g)).toHaveLength(1);
      expect(fs.readdirSync(jsaddons).sort()).toEqual([`jingxin_${version}`, "publish.xml"]);
      const installed = fs.readdirSync(path.join(jsaddons, `jingxin_${version}`)).sort();
      expect(installed).toEqual(expect.arrayContaining(["ribbon.xml", "index.html", "main.js", "taskpane.html", "functions.json", "manifest.xml", "assets"]));
      expect(installed.filter((f) => /^install-wps|publish\.xml|jsplugins\.xml/.test(f))).toEqual([]);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
