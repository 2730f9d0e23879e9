import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/manifest-check") as {
  checkManifest: (xml: string, o?: { baseUrl?: string }) => { ok: boolean; errors: string[]; info: { id: string; version: string; baseUrl: string } };
};

const root = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function broken(from: string, to: string): string {
  expect(manifest).toContain(from);
  return manifest.split(from).join(to);
}

describe("manifest.xml (offline structural check)", () => {
  test("passes", () => {
    const r = checkManifest(manifest);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(r.info.baseUrl).toBe("https://localhost:3000/");
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
    ["a three-part Version", () => broken("<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>"), /four parts/],
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
    expect(fail.stderr).toMatch(/bt:Override/);
    const pass = spawnSync(process.execPath, [script], { encoding: "utf8", cwd: root });
    expect(pass.status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
