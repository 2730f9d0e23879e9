/**
 * Nothing lost (1/2): every action that writes writes only where it says, over the file adapter
 * (createFilePort on an exceljs workbook): a snapshot of every sheet's values and styles before,
 * one after, and the difference must be exactly the documented cells/sheets.
 *   - pool actions (the pane's applyPlan with core plans): only the changed cells + 变动记录;
 *     the change log restores every value (undo from each record → the pool sheet is identical);
 *   - per-mu evaluation (the pane's evaluateInWorkbook, createTemplate, saveHints): only
 *     亩均评价结果 and 参数;
 *   - the CLI never modifies its input (sha256 before/after) and never overwrites an existing
 *     output without --force, nor the input even with --force.
 * The task pane's validation (highlight/clear/report) and monitoring writes: nothing-lost.pane.test.tsx.
 * Base workbook: samples/jingxin-sample.xlsx (npm run sample), with some user formatting added.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { applyPlan, loadPool, PoolData } from "../../src/taskpane/pool/model";
import { changeTier, isActionError, markEntered, removeFromPool, undoChange, PoolChangePlan, ActionError } from "../../src/core/pool/actions";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, POOL_SHEET, POOL_TIERS } from "../../src/core/pool/spec";
import { createParams, createTemplate, evaluateInWorkbook, saveHints } from "../../src/taskpane/acre/actions";
import { ACRE_PARAM_SHEET, ACRE_RESULT_SHEET, ACRE_SHEET } from "../../src/core/acre/spec";
import { jx, tempDir } from "../cli/helpers";
import { byAddress, diff, load, snapshot } from "./snapshot";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "jingxin-sample.xlsx");
const DATE = "2023-11-01";

async function samplePort(edit?: (wb: ExcelJS.Workbook) => void): Promise<FilePort> {
  const wb = await load(fs.readFileSync(SAMPLE));
  edit?.(wb);
  return createFilePort(wb, "jingxin-sample.xlsx");
}

async function pool(port: FilePort): Promise<PoolData> {
  const loaded = await loadPool(port);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.data;
}

function plan(p: PoolChangePlan | ActionError): PoolChangePlan {
  if (isActionError(p)) throw new Error(p.error);
  return p;
}

const sheetRows = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
};

describe("pool actions write only the changed cell and its 变动记录 row; the log restores every value", () => {
  test("mark 已入规, 退库, change tier: exactly three cells of 培育库 change, and 变动记录 is created with one record each", async () => {
    const port = await samplePort();
    const before = snapshot(port.workbook);
    let data = await pool(port);
    const [a, b, c] = data.report.firms.filter((f) => f.status === "培育中");
    const plans: PoolChangePlan[] = [];
    for (const make of [
      () => markEntered(data.report.table, a, DATE),
      () => removeFromPool(data.report.table, b, "迁出本县 (moved away)", DATE),
      () => changeTier(data.report.table, c, "高成长性", DATE, "营收增长快"),
    ]) {
      const p = plan(make());
      plans.push(p);
      await applyPlan(port, p);
      data = await pool(port);
    }
    const d = diff(before, snapshot(port.workbook));
    expect(d.added).toEqual([CHANGE_LOG_SHEET]);
    expect(d.removed).toEqual([]);
    expect(d.layout).toEqual([]);
    expect(d.cells).toEqual({ [POOL_SHEET]: plans.map((p) => p.updates[0].address).sort(byAddress) });
    expect(sheetRows(port.workbook, CHANGE_LOG_SHEET)).toEqual([
      [...CHANGE_LOG_HEADER],
      [DATE, a.name, "状态", "培育中", "已入规"],
      [DATE, b.name, "状态", "培育中", "退库", "迁出本县 (moved away)"],
      [DATE, c.name, "培育层级", c.tier, "高成长性", "营收增长快"],
    ]);
  });

  /** Apply a chain of changes, then undo each from its record, newest first; returns the diff against the start. */
  async function changeAndUndo(edit?: (wb: ExcelJS.Workbook) => void) {
    const port = await samplePort(edit);
    const original = snapshot(port.workbook);
    let data = await pool(port);
    const byRow = (r: number) => data.report.firms.find((f) => f.row === r)!;
    const steps: Array<() => PoolChangePlan | ActionError> = [
      () => changeTier(data.report.table, byRow(2), "高成长性", DATE),
      () => markEntered(data.report.table, byRow(2), DATE),
      () => changeTier(data.report.table, byRow(3), "专精特新", DATE),
      () => changeTier(data.report.table, byRow(2), POOL_TIERS[3], DATE),
      () => removeFromPool(data.report.table, byRow(4), "经营异常", DATE),
      () => changeTier(data.report.table, byRow(4), "专精特新", DATE),
    ];
    for (const step of steps) {
      await applyPlan(port, plan(step()));
      data = await pool(port);
    }
    expect(data.log).toHaveLength(steps.length);
    expect(diff(original, snapshot(port.workbook)).cells[POOL_SHEET]).toEqual(["D2", "G2", "D3", "D4", "G4"]);

    // An older change that was superseded cannot be undone (it would overwrite the later one): refused.
    const superseded = data.log[data.log.length - 1]; // the first change, B2's tier → 高成长性, changed again since
    const refused = undoChange(data.report.table, data.report.firms, superseded, DATE);
    expect(isActionError(refused) && refused.error).toMatch(/已有后续变动，不能撤销/);

    // Undo newest first, each from its own record (each undo adds its own record in front).
    for (let k = 0; k < steps.length; k++) {
      await applyPlan(port, plan(undoChange(data.report.table, data.report.firms, data.log[2 * k], DATE)));
      data = await pool(port);
    }
    expect(sheetRows(port.workbook, CHANGE_LOG_SHEET)).toHaveLength(1 + 2 * steps.length); // every change and every undo recorded
    return diff(original, snapshot(port.workbook));
  }

  test("a chain of changes (three on one firm, others interleaved) undone record by record, newest first, restores 培育库 exactly", async () => {
    const d = await changeAndUndo();
    expect(d).toEqual({ added: [CHANGE_LOG_SHEET], removed: [], layout: [], cells: {} }); // values and styles identical
  });

  test("… also when the original cells are blank or written in other words", async () => {
    const d = await changeAndUndo((wb) => {
      const ws = wb.getWorksheet(POOL_SHEET)!;
      ws.getCell("D3").value = null; // no tier yet
      ws.getCell("D4").value = "拟进规企业"; // the tier in other words
    });
    expect(d).toEqual({ added: [CHANGE_LOG_SHEET], removed: [], layout: [], cells: {} });
  });

  test("… also when the original status has spaces around it (the 原值 is recorded as written)", async () => {
    const d = await changeAndUndo((wb) => {
      wb.getWorksheet(POOL_SHEET)!.getCell("G2").value = " 培育中 ";
    });
    expect(d).toEqual({ added: [CHANGE_LOG_SHEET], removed: [], layout: [], cells: {} });
  });
});

describe("per-mu evaluation writes only 亩均评价结果 and 参数", () => {
  test("evaluating adds 亩均评价结果 and nothing else; evaluating again replaces it and touches nothing else", async () => {
    const port = await samplePort();
    const before = snapshot(port.workbook);
    const first = await evaluateInWorkbook(port, { sheet: ACRE_SHEET });
    if ("error" in first) throw new Error(first.error);
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [ACRE_RESULT_SHEET], removed: [], layout: [], cells: {} });

    const mid = snapshot(port.workbook);
    const second = await evaluateInWorkbook(port, { sheet: ACRE_SHEET });
    if ("error" in second) throw new Error(second.error);
    const d2 = diff(mid, snapshot(port.workbook));
    expect(d2.added).toEqual([]);
    expect(Object.keys(d2.cells).filter((s) => s !== ACRE_RESULT_SHEET)).toEqual([]);
  });

  test("recording the parameters creates 参数 once; a second time writes nothing", async () => {
    const port = await samplePort();
    const before = snapshot(port.workbook);
    expect(await createParams(port)).toBe(true);
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [ACRE_PARAM_SHEET], removed: [], layout: [], cells: {} });
    const mid = snapshot(port.workbook);
    expect(await createParams(port)).toBe(false);
    expect(diff(mid, snapshot(port.workbook))).toEqual({ added: [], removed: [], layout: [], cells: {} });
  });

  test("a 参数 sheet the user already has keeps its cells: the per-mu parameters are appended below", async () => {
    const port = await samplePort((wb) => {
      const ws = wb.addWorksheet(ACRE_PARAM_SHEET);
      ws.getCell("A1").value = "本表为县局自用参数";
      ws.getCell("A2").value = "联系人";
      ws.getCell("B2").value = "张三";
      ws.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    const before = snapshot(port.workbook);
    expect(await createParams(port)).toBe(true);
    const d = diff(before, snapshot(port.workbook));
    expect(d.added).toEqual([]);
    expect(Object.keys(d.cells)).toEqual([ACRE_PARAM_SHEET]);
    expect(d.cells[ACRE_PARAM_SHEET].length).toBeGreaterThan(0);
    expect(d.cells[ACRE_PARAM_SHEET].every((a) => Number(/\d+$/.exec(a)![0]) > 2)).toBe(true); // only new rows below the user's
  });

  test("新建模板 never overwrites: with 亩均数据 present only 参数 is created; saveHints writes only 参数", async () => {
    const port = await samplePort();
    const before = snapshot(port.workbook);
    expect(await createTemplate(port)).toEqual({ created: [ACRE_PARAM_SHEET], existed: [ACRE_SHEET] });
    expect(diff(before, snapshot(port.workbook))).toEqual({ added: [ACRE_PARAM_SHEET], removed: [], layout: [], cells: {} });
    const mid = snapshot(port.workbook);
    await saveHints(port, { A: "优先保障用地", B: "正常", C: "提醒", D: "整改" });
    const d = diff(mid, snapshot(port.workbook));
    expect(d.added).toEqual([]);
    expect(Object.keys(d.cells)).toEqual([ACRE_PARAM_SHEET]);
  });
});

describe("the CLI never modifies its input and never overwrites without --force", () => {
  const tmp = tempDir("jx-nothing-lost-");
  let input: string;
  const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

  beforeAll(() => {
    input = tmp("一套表.xlsx");
    fs.copyFileSync(SAMPLE, input);
  });

  test.each([
    ["validate", ["--sheet", "10月"]],
    ["validate", ["--sheet", "10月", "--json", "--previous", SAMPLE, "--previous-sheet", "9月"]],
    ["pool", []],
    ["pool", ["--json"]],
    ["acre", []],
    ["acre", ["--json", "--last-year", "亩均数据"]],
    ["monitor", []],
    ["monitor", ["--json", "--targets", "目标"]],
  ])("jx %s %j leaves the input byte-identical", async (command, args) => {
    const before = [sha(input), sha(SAMPLE)];
    const mtime = fs.statSync(input).mtimeMs;
    const r = await jx(command, input, ...args);
    expect([0, 1]).toContain(r.code);
    expect([sha(input), sha(SAMPLE)]).toEqual(before); // the input, and a second workbook read (--previous)
    expect(fs.statSync(input).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(tmp())).toEqual(["一套表.xlsx"]); // nothing else written next to it
  });

  test.each([
    ["validate", "--report", ["--sheet", "10月"]],
    ["acre", "--out", []],
  ])("jx %s %s: writes a new file, refuses an existing one without --force, overwrites with --force, never the input", async (command, flag, extra) => {
    const before = sha(input);
    const out = tmp(`${command}-out.xlsx`);
    const first = await jx(command, input, ...extra, flag, out);
    expect([0, 1]).toContain(first.code);
    expect(fs.existsSync(out)).toBe(true);
    const written = sha(out);

    fs.writeFileSync(out, "the user's own file");
    const refused = await jx(command, input, ...extra, flag, out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("已存在；如需覆盖请加 --force");
    expect(fs.readFileSync(out, "utf8")).toBe("the user's own file");

    const forced = await jx(command, input, ...extra, flag, out, "--force");
    expect([0, 1]).toContain(forced.code);
    expect((await load(fs.readFileSync(out))).worksheets.length).toBeGreaterThan(0);

    const self = await jx(command, input, ...extra, flag, input, "--force");
    expect(self.code).toBe(2);
    expect(self.err).toContain("不能覆盖输入文件");
    expect(sha(input)).toBe(before);
    expect(written).toMatch(/^[0-9a-f]{64}$/);
    fs.rmSync(out);
    expect(fs.readdirSync(tmp()).filter((f) => f.startsWith("."))).toEqual([]); // no temporary file left behind
  });

  test("jx validate --report: the copy holds every sheet of the input unchanged plus 校验报告", async () => {
    const out = tmp("report.xlsx");
    await jx("validate", input, "--sheet", "10月", "--report", out);
    const d = diff(snapshot(await load(fs.readFileSync(input))), snapshot(await load(fs.readFileSync(out))));
    expect(d).toEqual({ added: ["校验报告"], removed: [], layout: [], cells: {} });
    fs.rmSync(out);
  });

  test("jx template refuses an existing file without --force", async () => {
    const out = tmp("template.xlsx");
    fs.writeFileSync(out, "keep me");
    const r = await jx("template", "monthly", out);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    expect((await jx("template", "monthly", out, "--force")).code).toBe(0);
    fs.rmSync(out);
  });
});
