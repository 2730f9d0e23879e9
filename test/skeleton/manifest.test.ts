import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const { checkManifest } = require("../../scripts/manifest-check") as {
  checkManifest: (xml: string, o?: { baseUrl?: string }) => { ok: boolean; errors: string[]; info: { id: string; version: string; baseUrl: string } };
};

const { schemaCheck, wellFormed } = require("../../scripts/manifest-schema") as {
  schemaCheck: (xml: string, fileName?: string) => Promise<{ ok: boolean; errors: string[] }>;
  wellFormed: (xml: string, fileName?: string) => Promise<{ ok: boolean; errors: string[] }>;
};

const root = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function broken(from: string, to: string): string {
  expect(manifest).toContain(from);
  return manifest.split(from).join(to);
}

describe("manifest.xml against a real XML parser and Microsoft's schema (libxml2)", () => {
  test("manifest.xml is well-formed and valid against the schema", async () => {
    expect(await schemaCheck(manifest, "manifest.xml")).toEqual({ ok: true, errors: [] });
  });

  test("a '--' inside a comment is not XML: rejected with its line and the reason", async () => {
    const lines = manifest.split("\n");
    const at = lines.findIndex((l) => l.includes("<DefaultLocale>"));
    lines.splice(at, 0, "  <!-- build with: npm run build -- --env urlProd=https://host/ -->");
    const r = await schemaCheck(lines.join("\n"), "manifest.xml");
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatch(new RegExp(`^manifest\\.xml:${at + 1}: .*(double.hyphen|'--')`, "i"));
    // The project's own parser refuses it too, so the build guard cannot be fooled.
    expect(checkManifest(lines.join("\n")).ok).toBe(false);
  });

  test("an element the schema does not allow is rejected with its line and the reason", async () => {
    const bad = broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteEverything</Permissions>");
    const line = bad.split("\n").findIndex((l) => l.includes("<Permissions>")) + 1;
    const r = await schemaCheck(bad, "manifest.xml");
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([expect.stringMatching(new RegExp(`^manifest\\.xml:${line}: .*Permissions.*ReadWriteEverything`))]);
    const order = broken("<ProviderName>Jingxin</ProviderName>", "");
    expect((await schemaCheck(order, "manifest.xml")).ok).toBe(false);
    const runtime = broken('lifetime="long"', 'lifetime="forever"');
    expect((await schemaCheck(runtime, "manifest.xml")).errors.join("\n")).toMatch(/lifetime/);
  });

  test("every XML file the project ships or builds is well-formed (no '--' in any comment)", async () => {
    const tracked = spawnSync("git", ["ls-files", "*.xml", "**/*.xml"], { cwd: root, encoding: "utf8" }).stdout.split("\n").filter(Boolean);
    const built = ["dist", "dist-wps", "dist-workbench"].flatMap((d) => {
      const dir = path.join(root, d);
      return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".xml")).map((f) => path.join(d, f)) : [];
    });
    const all = [...new Set([...tracked, ...built])];
    expect(all).toContain("manifest.xml");
    for (const f of all) expect(await wellFormed(fs.readFileSync(path.join(root, f), "utf8"), f)).toEqual({ ok: true, errors: [] });
  });

  test("npm run validate names the line and the reason for a manifest that is not XML or that the schema rejects", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-manifest-"));
    const notXml = path.join(dir, "not-xml.xml");
    fs.writeFileSync(notXml, manifest.replace("<!--", "<!-- npm run build -- --env"));
    const rejected = path.join(dir, "rejected.xml");
    fs.writeFileSync(rejected, broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>All</Permissions>"));
    const script = path.join(root, "scripts", "validate-manifest.js");
    const r = spawnSync(process.execPath, [script, notXml, rejected], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not-xml\.xml:2: .*(double.hyphen|'--')/i);
    expect(r.stderr).toMatch(/rejected\.xml:\d+: .*Permissions/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("manifest.xml (offline structural check)", () => {
  test("passes", () => {
    const r = checkManifest(manifest);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(r.info.baseUrl).toBe("https://localhost:3000/");
  });

  test("its <Version> is package.json's (npm start sideloads this file; the build writes the same into dist/)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(checkManifest(manifest).info.version).toBe(`${pkg.version.split(/[-+]/)[0]}.0`);
  });

  test("icons exist as real PNGs in every size the manifest needs", () => {
    for (const s of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${s}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(s); // IHDR width
      expect(png.readUInt32BE(20)).toBe(s); // IHDR height
    }
  });

  const cases: Array<[string, () => string, RegExp]> = [
    ["a resid that resolves to nothing", () => broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Missing"/>'), /resid "Functions.Missing".*does not resolve/],
    ["an http URL", () => broken('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'), /must be absolute https/],
    ["a bare Override on the metadata URL", () => broken('<bt:Override Locale="zh-cn"', '<Override Locale="zh-cn"'), /bare <Override>/],
    ["a three-part Version", () => broken("<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>"), /four parts/],
    ["no SharedRuntime requirement", () => broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
    ["a short-lived runtime", () => broken('lifetime="long"', 'lifetime="short"'), /lifetime must be "long"/],
    ["another namespace", () => broken('id="Functions.Namespace" DefaultValue="JX"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), /namespace must be "JX"/],
    ["no zh-CN display name", () => broken('<Override Locale="zh-CN" Value="经信助手"/>', ""), /DisplayName> needs <Override Locale="zh-CN"/],
    ["ReadDocument permission", () => broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), /ReadWriteDocument/],
    ["an Id that is not a GUID", () => manifest.replace(/<Id>[^<]*<\/Id>/, "<Id>jingxin</Id>"), /GUID/],
    ["a resource id defined twice", () => broken('<bt:Url id="Taskpane.Url"', '<bt:Url id="Functions.Script.Url"'), /defined twice|does not resolve/],
    ["malformed XML", () => broken("</Permissions>", ""), /XML line/],
  ];
  test.each(cases)("fails on %s", (_name, make, message) => {
    const r = checkManifest(make());
    expect(r.ok).toBe(false);
    expect(r.errors.join("\n")).toMatch(message);
  });

  test("a production rewrite must move every URL to the new base", () => {
    const prod = manifest.split("https://localhost:3000/").join("https://intranet.example/jx/");
    expect(checkManifest(prod, { baseUrl: "https://intranet.example/jx/" }).ok).toBe(true);
    const partial = prod.replace("https://intranet.example/jx/functions.json", "https://localhost:3000/functions.json");
    const r = checkManifest(partial, { baseUrl: "https://intranet.example/jx/" });
    expect(r.ok).toBe(false);
    expect(r.errors.join("\n")).toMatch(/not under the add-in's base URL/);
  });

  test("npm run validate exits non-zero with messages on a broken manifest", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-manifest-"));
    const bad = path.join(dir, "manifest.xml");
    fs.writeFileSync(bad, broken('<bt:Override Locale="zh-cn"', '<Override Locale="zh-cn"'));
    const script = path.join(root, "scripts", "validate-manifest.js");
    const fail = spawnSync(process.execPath, [script, bad], { encoding: "utf8" });
    expect(fail.status).toBe(1);
    expect(fail.stderr).toMatch(/manifest\.xml:\d+: .*officeappbasictypes\/1\.0\}Override/); // the schema wants bt:Override
    const pass = spawnSync(process.execPath, [script], { encoding: "utf8", cwd: root });
    expect(pass.status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
