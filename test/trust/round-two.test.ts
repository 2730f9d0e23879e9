/**
 * Trust, round two (issue 20): the promises of docs/trust.md probed with hostile input. The
 * hostile and malformed files themselves are in the bad-input corpus (cases.json, exact
 * messages); this suite adds what a corpus entry cannot show: time and memory bounds in a fresh
 * process, races between writers, temp files of a killed run, terminal output, the workbench
 * server and sheets Jingxin writes.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { execFileSync } from "child_process";
import * as ExcelJS from "exceljs";
import { small } from "../core/acre/fixture";
import { cleanStaleTemps, writeNewFile } from "../../src/cli/io";
import { jx, tempDir, writeXlsx } from "../cli/helpers";
import { MONTHLY_HEADER, uscc } from "../../scripts/make-bad-input";

const ROOT = path.join(__dirname, "..", "..");
const CORPUS = path.join(__dirname, "..", "fixtures", "bad-input");
const tmp = tempDir("jx-round-two-");

describe("hostile files end in exit 2 with the limit named, in a fresh process capped at 500 MB (times: npm run bench -- hostile)", () => {
  const hostile = fs.readdirSync(CORPUS).filter((f) => f.startsWith("hostile-"));
  const dir = tmp;
  let bundle = "";
  beforeAll(() => {
    // The CLI bundled once (esbuild), so each child process only reads its file.
    bundle = path.join(dir(), "jx-bundle.js");
     
    require("esbuild").buildSync({ entryPoints: [path.join(ROOT, "src", "cli", "index.ts")], bundle: true, platform: "node", outfile: bundle, logLevel: "silent", external: ["exceljs"] });
  });

  test("the corpus has the hostile files of the issue", () => {
    expect(hostile.sort()).toEqual([
      "hostile-column-past-xfd.xlsx",
      "hostile-declared-4gb.xlsx",
      "hostile-many-merges.xlsx",
      "hostile-merge-to-end.xlsx",
      "hostile-merge-whole-columns.xlsx",
      "hostile-row-1e9.xlsx",
      "hostile-zip-bomb.xlsx",
    ]);
  });

  test.each(fs.readdirSync(CORPUS).filter((f) => f.startsWith("hostile-")))("%s", (f) => {
    const script = `const { run } = require(${JSON.stringify(bundle)}); let err = ""; run(["validate", ${JSON.stringify(path.join(CORPUS, f))}], { out() {}, err: (t) => (err += t) }).then((code) => process.stdout.write(JSON.stringify({ code, err, maxRssMb: process.resourceUsage().maxRSS / 1024 })));`;
    const out = execFileSync(process.execPath, ["--max-old-space-size=500", "-e", script], { encoding: "utf8", env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") } });
    const r = JSON.parse(out) as { code: number; err: string; maxRssMb: number };
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/超出读取上限，未读取：.*(上限|声明)/);
    expect(r.maxRssMb).toBeLessThan(500);
  }, 60_000);
});

describe("no formula from data in the sheets Jingxin writes", () => {
  test("jx validate --report: a sheet named like a formula is written as text; the links stay formulas", async () => {
    const evil = '=HYPERLINK("evil","点此")';
    const file = await writeXlsx(tmp("evil-name.xlsx"), {
      [evil.slice(0, 31)]: [MONTHLY_HEADER, ["=cmd|' /C calc'!A0", uscc(1), 500, 400, 4500]],
    });
    const out = tmp("evil-report.xlsx");
    const r = await jx("validate", file, "--report", out);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("校验报告")!;
    expect(ws.getCell("B2").value).toBe(evil.slice(0, 31));
    expect(ws.getCell("B2").formula).toBeUndefined();
    const links = [] as string[];
    ws.eachRow((row, n) => {
      if (n > 5 && row.getCell(3).formula) links.push(row.getCell(3).formula);
    });
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^HYPERLINK\("#'=HYPERLINK\(""evil"",""点此""\)'!/);
    // every value of the report read back is text or a number: no cell holds a formula but the links
    ws.eachRow((row) => row.eachCell((c, col) => col !== 3 && expect(c.formula).toBeUndefined()));
  });
});

describe("the overwrite race: the destination is created exclusively", () => {
  test("two jx acre --out same.xlsx started together: exactly one writes, the other says the file exists", async () => {
    const file = await writeXlsx(tmp("acre.xlsx"), { 亩均数据: small });
    for (let i = 0; i < 5; i++) {
      const out = tmp(`race-${i}.xlsx`);
      const rs = await Promise.all([jx("acre", file, "--out", out), jx("acre", file, "--out", out)]);
      expect(rs.map((r) => r.code).sort()).toEqual([0, 2]);
      expect(rs.find((r) => r.code === 2)!.err).toContain("已存在；如需覆盖请加 --force");
    }
  });

  test("a file the user creates while the output is being built is never replaced", async () => {
    const out = tmp("user-file.xlsx");
    const r = await writeNewFile(out, async () => {
      fs.writeFileSync(out, "the user's work"); // appears between the check and the write
      return new Uint8Array([1, 2, 3]);
    });
    expect(r).toEqual({ error: expect.stringContaining("已存在") });
    expect(fs.readFileSync(out, "utf8")).toBe("the user's work");
    expect(fs.readdirSync(tmp()).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("jx acre --last-year last.xlsx --out last.xlsx --force refuses to overwrite its own input", async () => {
    const file = await writeXlsx(tmp("acre2.xlsx"), { 亩均数据: small });
    const last = tmp("last.xlsx");
    expect((await jx("acre", file, "--out", last)).code).toBe(0);
    const before = fs.readFileSync(last);
    const r = await jx("acre", file, "--last-year", last, "--out", last, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain("不能覆盖输入文件");
    expect(fs.readFileSync(last).equals(before)).toBe(true);
  });
});

describe("half files of a killed run", () => {
  /** A process id not alive on this machine. */
  function deadPid(): number {
    for (let pid = 4_000_000; ; pid--) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ESRCH") return pid;
      }
    }
  }

  test("stale temp files of Jingxin's pattern are removed by the next write, and it says so; others are kept", async () => {
    const dir = tmp();
    const pid = deadPid();
    const stale = `.jx-${pid.toString(36)}-a1b2c3.tmp`;
    const old = `.result.xlsx.${pid}.1700000000000.tmp`;
    const mine = `.jx-${process.pid.toString(36)}-d4e5f6.tmp`; // a live writer's
    const foreign = ".other-tool.tmp";
    for (const n of [stale, old, mine, foreign]) fs.writeFileSync(path.join(dir, n), "half");
    const past = new Date(Date.now() - 60_000);
    for (const n of [stale, old, mine, foreign]) fs.utimesSync(path.join(dir, n), past, past);
    const file = await writeXlsx(tmp("acre3.xlsx"), { 亩均数据: small });
    const r = await jx("acre", file, "--out", tmp("after-kill.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err).toContain(`已删除上次中断的写入留下的临时文件 (removed a temporary file left by an interrupted write)：${stale}`);
    expect(r.err).toContain(old);
    const left = fs.readdirSync(dir);
    expect(left).not.toContain(stale);
    expect(left).not.toContain(old);
    expect(left).toContain(mine);
    expect(left).toContain(foreign);
    fs.rmSync(path.join(dir, mine));
    expect(await cleanStaleTemps(dir)).toEqual([]);
  });

  test("a valid 250-byte output name is written (the temp name stays short)", async () => {
    const file = await writeXlsx(tmp("acre4.xlsx"), { 亩均数据: small });
    const name = "结".repeat(80) + "x".repeat(250 - 240 - 5) + ".xlsx"; // 80 × 3 bytes + 5 + 5 = 250 bytes
    expect(Buffer.byteLength(name)).toBe(250);
    const r = await jx("acre", file, "--out", tmp(name));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(fs.existsSync(tmp(name))).toBe(true);
  });
});

describe("terminal injection: control characters are shown, not executed, in text output", () => {
  test("jx pool: a firm name with ESC sequences prints as \\u001b…; --json keeps the exact name", async () => {
    const name = "\u001b[2J\u001b[H安徽甲机械有限公司\u001b[31m";
    // A CSV (an .xlsx cannot carry ESC: XML 1.0 has no such character).
    const file = tmp("pool-esc.csv");
    fs.writeFileSync(file, `企业名称,统一社会信用代码,培育层级,包保领导,入库日期,状态,1-本月营业收入,月份\r\n"${name}",${uscc(1)},拟进规,张三,2023-01-05,培育中,1500,10月\r\n`);
    const text = await jx("pool", file);
    const raw = new RegExp(String.raw`[\u001b\u0007\r]`);
    expect(text.out).not.toMatch(raw);
    expect(text.err).not.toMatch(raw);
    expect(text.out).toContain("\\u001b[2J\\u001b[H安徽甲机械有限公司\\u001b[31m");
    const json = await jx("pool", file, "--json");
    expect(json.out).toContain(JSON.stringify(name).slice(1, -1));
    expect(JSON.stringify(JSON.parse(json.out))).toContain(JSON.stringify(name).slice(1, -1));
  });
});

describe("terminal injection through the arguments: commander's own errors and the file name", () => {
  test.each([
    [["validate", "x.xlsx", "--\u001b[31mbad"], "error: unknown option '--\\u001b[31mbad'"],
    [["validate", "/nonexistent/\u001b[2Jx.xlsx"], "/nonexistent/\\u001b[2Jx.xlsx"],
  ])("jx %p: the ESC is shown as \\u001b", async (args, shown) => {
    const r = await jx(...args);
    expect(r.code).toBe(2);
    expect(r.out + r.err).not.toMatch(new RegExp(String.raw`[\u001b]`));
    expect(r.err).toContain(shown);
  });
});

describe("numbers beyond sense: no message prints Infinity or NaN", () => {
  test.each(["validate", "monitor", "pool", "acre"])("jx %s on numbers-beyond-sense.xlsx", async (command) => {
    const r = await jx(command, path.join(CORPUS, "numbers-beyond-sense.xlsx"));
    expect(r.out + r.err).not.toMatch(/Infinity|NaN|e\+30\d%/);
  });
});

describe("the workbench server survives bad paths", () => {
   
  const { startServer } = require("../../scripts/workbench.js") as { startServer(o: object): Promise<{ url: string; port: number; close(): Promise<void> | void }> };
  const get = (port: number, p: string) =>
    new Promise<number>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port, path: p }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject);
    });

  test("GET /%00 and friends → 400; the server keeps serving", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "index.html"), "<p>ok</p>");
    const srv = await startServer({ port: 0, mounts: { "/": dir } });
    try {
      for (const bad of ["/%00", "/a%00b.html", "/%0d%0a", "/%E0%A4%A"]) expect([bad, await get(srv.port, bad)]).toEqual([bad, 400]);
      expect(await get(srv.port, "/index.html")).toBe(200);
    } finally {
      await srv.close();
    }
  });
});
