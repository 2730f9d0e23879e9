/**
 * Shared by the tests that run `jx` in-process: the runner with a capturing io, a temp dir per
 * test file, and a small .xlsx writer.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/index";

export interface JxResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `jx …args` in-process: the exit code, and every line written to stdout / stderr, each followed by "\n". */
export async function jx(...args: string[]): Promise<JxResult> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
  return { code, out, err };
}

/**
 * A fresh temp dir for the enclosing file or describe block: made in beforeAll, removed with its
 * contents in afterAll. Call the result with a file name for a path in it, without for the dir.
 */
export function tempDir(prefix: string): (name?: string) => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name) => (name === undefined ? dir : path.join(dir, name));
}

/** Writes a workbook of the given sheets (rows from A1) to `file`; returns `file`. */
export async function writeXlsx(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [n, rows] of Object.entries(sheets)) wb.addWorksheet(n).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}
