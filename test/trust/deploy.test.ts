/**
 * SLOW (one production build, ~20 s CPU): `npm run build -- --env urlProd=https://intranet.example/jx/`
 * produces a deployable folder — every file the manifest points at is in it, the manifest and
 * the pages point only at that base URL (no localhost, no CDN), and the page keeps its strict
 * CSP without inline script. Built into a temp dir (--output-path), so dist/ is left alone.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const { scanDir, findUrls } = require("../../scripts/url-scan") as {
  scanDir: (dir: string, o?: { allow?: string[] }) => Array<{ file: string; url: string; kind: string; line: number }>;
  findUrls: (text: string) => Array<{ url: string; kind: string }>;
};
const { schemaCheck } = require("../../scripts/manifest-schema") as {
  schemaCheck: (xml: string, fileName?: string) => Promise<{ ok: boolean; errors: string[] }>;
};
const { checkManifest } = require("../../scripts/manifest-check") as {
  checkManifest: (xml: string, o?: { baseUrl?: string }) => { ok: boolean; errors: string[]; info: { baseUrl: string; version: string } };
};

const root = path.join(__dirname, "..", "..");
const BASE = "https://intranet.example/jx/";
const webpack = (args: string[]) =>
  spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "--mode", "production", ...args], { cwd: root, encoding: "utf8" });

let out: string;
const files = (dir: string, base = ""): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]));

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "jx-deploy-"));
  const r = webpack(["--env", `urlProd=${BASE}`, "--output-path", out]);
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}, 300_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test("the intranet manifest is well-formed XML and valid against Microsoft's schema", async () => {
  expect(await schemaCheck(fs.readFileSync(path.join(out, "manifest.xml"), "utf8"), "manifest.xml")).toEqual({ ok: true, errors: [] });
});

test("the manifest passes the structural check with the intranet base URL and names no other host", () => {
  const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  const r = checkManifest(xml, { baseUrl: BASE });
  expect(r.errors).toEqual([]);
  expect(r.info.baseUrl).toBe(BASE);
  expect(xml).not.toMatch(/localhost/);
  // Every URL value of the manifest (attributes, not XML namespace declarations) is under the base.
  const values = [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(values.length).toBeGreaterThan(5);
  expect(values.filter((u) => !u.startsWith(BASE))).toEqual([]);
});

test("the deployment's manifest is dist/manifest.xml with package.json's version; no localhost manifest beside it", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(checkManifest(xml, { baseUrl: BASE }).info.version).toBe(`${version.split(/[-+]/)[0]}.0`);
  expect(files(out).filter((f) => /manifest/.test(f))).toEqual(["manifest.xml"]);
});

test("the folder is complete: every file the manifest points at is in it", () => {
  const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  const targets = [...new Set([...xml.matchAll(/\b(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1].slice(BASE.length).split(/[?#]/)[0]))];
  expect(targets).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "functions-zh-cn.json"]));
  expect(targets.filter((t) => !fs.existsSync(path.join(out, t)))).toEqual([]);
  expect(fs.existsSync(path.join(out, "office-js", "office.js"))).toBe(true);
});

test("the pages fetch nothing outside the base URL — not even localhost", () => {
  expect(scanDir(out, { allow: [BASE] })).toEqual([]);
  const local = files(out)
    .filter((f) => /\.(html?|m?js|css)$/.test(f) && !f.startsWith("office-js/"))
    .flatMap((f) => findUrls(fs.readFileSync(path.join(out, f), "utf8")).filter((u) => /localhost|127\.0\.0\.1/.test(u.url)).map((u) => `${f}: ${u.url}`));
  expect(local).toEqual([]);
});

test("taskpane.html: strict CSP (no inline script, connect-src 'self'), scripts only from the folder", () => {
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  // The minifier drops attribute quotes where it can: http-equiv=Content-Security-Policy content="…".
  const csp = /http-equiv=["']?Content-Security-Policy["']?[^>]*content=(?:"([^"]*)"|'([^']*)')/i.exec(html)?.slice(1).find((x) => x !== undefined) ?? "";
  const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(name + " ")) ?? "";
  expect(directive("script-src")).toBe("script-src 'self'");
  expect(directive("connect-src")).toBe("connect-src 'self'");
  expect(directive("default-src")).toBe("default-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(body.trim()).toBe(""); // no inline script
    expect(/src=["']?([^"'\s>]+)/.exec(attrs)?.[1]).toMatch(/^[\w./-]+\.js$/); // relative: served from the same folder
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers either
});

test("a base URL that is not https is refused at build time", () => {
  const r = webpack(["--env", "urlProd=http://intranet.example/jx/", "--output-path", path.join(out, "never")]);
  expect(r.status).not.toBe(0);
  expect(`${r.stdout}${r.stderr}`).toContain("must be an absolute https URL");
  expect(fs.existsSync(path.join(out, "never"))).toBe(false);
}, 120_000);
