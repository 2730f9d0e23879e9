/**
 * bin/jx.js runs the bundle `npm run build` writes (dist-cli/jx.js) and compiles nothing: it
 * works from a read-only copy, says clearly when the bundle is missing, and `jx --version`
 * prints package.json's version.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { jx, tempDir } from "./helpers";

const root = path.join(__dirname, "..", "..");
const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
const tmp = tempDir("jx-bin-");

test("jx --version and -V print the package version", async () => {
  for (const flag of ["--version", "-V"]) {
    const r = await jx(flag);
    expect([r.code, r.out.trim(), r.err]).toEqual([0, version, ""]);
  }
});

test("a read-only install with the bundle runs without compiling or writing anything", () => {
  // The install as npm would lay it out: bin/, dist-cli/ and the runtime dependencies.
  const install = tmp("install");
  fs.mkdirSync(path.join(install, "bin"), { recursive: true });
  fs.copyFileSync(path.join(root, "bin", "jx.js"), path.join(install, "bin", "jx.js"));
  const { buildCli } = require("../../scripts/build-cli");
  buildCli(path.join(install, "dist-cli", "jx.js"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(install, "node_modules"), "dir");
  const before = fs.readdirSync(install).sort();
  for (const d of [path.join(install, "bin"), path.join(install, "dist-cli"), install]) fs.chmodSync(d, 0o555);
  try {
    const r = spawnSync(process.execPath, [path.join(install, "bin", "jx.js"), "--version"], { encoding: "utf8" });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${version}\n`, ""]);
  } finally {
    for (const d of [install, path.join(install, "bin"), path.join(install, "dist-cli")]) fs.chmodSync(d, 0o755);
  }
  expect(fs.readdirSync(install).sort()).toEqual(before);
});

test("without the bundle, jx says to run npm run build and exits 2", () => {
  const bare = tmp("bare");
  fs.mkdirSync(path.join(bare, "bin"), { recursive: true });
  fs.copyFileSync(path.join(root, "bin", "jx.js"), path.join(bare, "bin", "jx.js"));
  const r = spawnSync(process.execPath, [path.join(bare, "bin", "jx.js"), "validate", "x.xlsx"], { encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(path.join(bare, "dist-cli", "jx.js"));
  expect(r.stderr).toMatch(/请在项目目录运行 npm run build/);
  expect(r.stderr).toMatch(/run `npm run build`/);
  expect(fs.existsSync(path.join(bare, "dist-cli"))).toBe(false);
});
