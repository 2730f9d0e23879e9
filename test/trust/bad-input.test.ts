/**
 * The bad-input corpus (test/fixtures/bad-input/, made by scripts/make-bad-input.ts): every file
 * has its exact expected outcome in cases.json — the number read, or the message naming the
 * cell, or the CLI's exit code and message — and this suite checks each one through the same
 * path the CLI takes (io.ts opens the file, the table reader reads it, `jx` runs in-process).
 * The 1 048 576-row sheet is in million-rows.test.ts (generated at test time).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openWorkbookFile, pickSheet } from "../../src/cli/io";
import { monthlySpec } from "../../src/core/validate/specs";
import { poolSpec } from "../../src/core/pool/spec";
import { readTargets } from "../../src/core/monitor/targets";
import { isReadError, Table, TableRow, TableSpec } from "../../src/core/table";
import { parseAddress } from "../../src/workbook/port";
import { buildAll } from "../../scripts/make-bad-input";
import { jx } from "../cli/helpers";

const DIR = path.join(__dirname, "..", "fixtures", "bad-input");

type Json = string | number | boolean | null;
interface CellCase {
  input: Json;
  read?: Json;
  issue?: string;
  suggestion?: number;
}
interface Case {
  file: string;
  kind: string;
  read?: { spec: "monthly" | "pool"; sheet: string; headerRow: number; rows: number[]; totalRows: number[]; notes: string[] };
  cells?: Record<string, CellCase>;
  targets?: { sheet: string; items: Array<{ row: number; name: string; kind: string; target: number | null; actual: number | null }>; issues: { address: string; message: string }[] };
  cli?: { args: string[]; exit: number; rules?: string[]; findings?: [string, string, string][]; stderr?: string; stdout?: string };
  unusable?: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, "cases.json"), "utf8")) as { files: Case[] };
const cases = manifest.files;
const SPECS: Record<string, TableSpec> = { monthly: monthlySpec, pool: poolSpec };

async function readCase(c: Case): Promise<Table> {
  const opened = await openWorkbookFile(path.join(DIR, c.file));
  if ("error" in opened) throw new Error(opened.error);
  const picked = await pickSheet(opened.port, SPECS[c.read!.spec], c.read!.sheet);
  if ("error" in picked) throw new Error(picked.error);
  return picked.table;
}

/** The table row and field of a sheet address. */
function at(table: Table, address: string): { row: TableRow; key: string } {
  const { row, col } = parseAddress(address);
  const key = Object.values(table.columns).find((c) => c.col === col)?.key;
  const r = [...table.rows, ...table.totalRows].find((x) => x.row === row);
  if (!key || !r) throw new Error(`${address} is not a cell of the table`);
  return { row: r, key };
}

describe("the corpus is complete and reproducible", () => {
  test("every file in the folder has an expected outcome in cases.json, and every listed file exists", () => {
    const onDisk = fs.readdirSync(DIR).filter((f) => f !== "cases.json").sort();
    const listed = cases.map((c) => c.file).sort();
    expect(onDisk).toEqual(listed);
    expect(new Set(listed).size).toBe(listed.length);
    for (const c of cases) {
      // an outcome: read as a table with cells, or a CLI result, or unusable with a message
      expect(!!(c.read && c.cells && Object.keys(c.cells).length) || !!c.cli || !!c.unusable).toBe(true);
      if (c.read) expect(c.cli).toBeDefined();
    }
  });

  test("the generator writes exactly the committed bytes (fixed dates and zip times)", async () => {
    const built = await buildAll();
    expect([...built.keys()].sort()).toEqual(cases.map((c) => c.file).sort());
    for (const [name, bytes] of built) expect({ name, same: Buffer.compare(bytes, fs.readFileSync(path.join(DIR, name))) === 0 }).toEqual({ name, same: true });
  });
});

describe.each(cases.filter((c) => c.read).map((c) => [c.file, c] as const))("%s read as a table", (_file, c) => {
  let table: Table;
  beforeAll(async () => {
    table = await readCase(c);
  });

  test(`header, rows and notes: ${c.kind}`, () => {
    expect(isReadError(table)).toBe(false);
    expect(table.sheet).toBe(c.read!.sheet);
    expect(table.headerRow).toBe(c.read!.headerRow);
    expect(table.rows.map((r) => r.row)).toEqual(c.read!.rows);
    expect(table.totalRows.map((r) => r.row)).toEqual(c.read!.totalRows);
    expect(table.notes).toEqual(c.read!.notes);
  });

  test.each(Object.entries(c.cells!))("%s", (address, cell) => {
    const { row, key } = at(table, address);
    expect(row.raw[key]).toEqual(cell.input);
    const issue = table.issues.find((i) => i.address === address);
    if (cell.issue !== undefined) {
      expect(issue?.message).toBe(cell.issue);
      expect(row.values[key]).toBeNull();
      if (cell.suggestion !== undefined) expect(issue?.suggestion).toBe(cell.suggestion);
    } else {
      expect(issue).toBeUndefined();
      expect(row.values[key]).toBe(cell.read);
    }
  });

  test("every parse problem of the table is an expected one", () => {
    const expected = Object.entries(c.cells!).filter(([, x]) => x.issue !== undefined).map(([a]) => a);
    expect(table.issues.map((i) => i.address).sort()).toEqual(expected.sort());
  });
});

describe("percentages where a rate belongs: the 目标 sheet", () => {
  const c = cases.find((x) => x.targets)!;
  test(`${c.file} › ${c.targets!.sheet}`, async () => {
    const opened = await openWorkbookFile(path.join(DIR, c.file));
    if ("error" in opened) throw new Error(opened.error);
    const targets = readTargets((await opened.port.readSheet(c.targets!.sheet))!);
    if ("error" in targets) throw new Error(targets.error);
    // Amounts to 12 significant digits: targets.ts converts 亿元 by a plain product (39.16 × 10000 = 391599.99999999994).
    const approx = (x: number | null) => (x === null ? null : Number(x.toPrecision(12)));
    expect(targets.items.map((t) => ({ row: t.row, name: t.name, kind: t.kind, target: approx(t.target), actual: approx(t.actual) }))).toEqual(c.targets!.items);
    expect(targets.issues).toEqual(c.targets!.issues);
  });
});

describe.each(cases.filter((c) => c.cli).map((c) => [c.file, c] as const))("jx on %s", (_file, c) => {
  const cli = c.cli!;
  test(`jx ${cli.args[0]} … ${cli.args.slice(1).join(" ")} → exit ${cli.exit}`, async () => {
    const r = await jx(cli.args[0], path.join(DIR, c.file), ...cli.args.slice(1));
    expect([r.code, r.code === cli.exit ? "" : r.err]).toEqual([cli.exit, ""]);
    if (cli.stderr) expect(r.err).toContain(cli.stderr);
    if (cli.stdout) expect(r.out).toContain(cli.stdout);
    if (cli.rules) {
      const json = JSON.parse(r.out) as { findings: Array<{ rule: string; cell: string; message: string }> };
      const got = json.findings.filter((f) => cli.rules!.includes(f.rule)).map((f) => [f.rule, f.cell, f.message]);
      expect(got).toEqual(cli.findings);
    }
  });
});

describe.each(cases.filter((c) => c.unusable).map((c) => [c.file, c] as const))("unusable input %s", (_file, c) => {
  test.each(["validate", "pool", "acre", "monitor"])(`jx %s exits 2 naming the file: ${c.kind}`, async (command) => {
    const file = path.join(DIR, c.file);
    const r = await jx(command, file);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`jx ${command}: `);
    expect(r.err).toContain(c.unusable!);
    expect(r.err).toContain(file);
  });
});

describe("a bad file given where a second workbook is expected", () => {
  test("jx validate --previous with a password-protected file exits 2 and says which file", async () => {
    const r = await jx("validate", path.join(DIR, "text-numbers.xlsx"), "--previous", path.join(DIR, "password-protected.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("上月工作簿 (--previous)");
    expect(r.err).toContain("文件已加密，请先取消密码");
  });

  test("a missing file and a directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-bad-"));
    try {
      const missing = await jx("validate", path.join(dir, "nope.xlsx"));
      expect(missing.code).toBe(2);
      expect(missing.err).toContain("找不到文件");
      const folder = await jx("validate", dir);
      expect(folder.code).toBe(2);
      expect(folder.err).toContain("是一个文件夹，不是 .xlsx 文件");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
