/**
 * `jx validate FILE.xlsx [--sheet NAME] [--rules monthly|acre|pool|appeals] [--month N]
 *   [--previous FILE] [--previous-sheet NAME] [--region CODE6] [--last-year FILE] [--yoy 0.3]
 *   [--json] [--report OUT.xlsx [--force]]`
 *
 * Checks a table before it is sent upward (提交前校验). Read only: the input file is never
 * written; --report writes a copy with a 校验报告 sheet to a new file.
 * Exit 0: ready to submit (no 错误, every 提示 explained). 1: not ready. 2: unusable input
 * (file missing, not an xlsx, no recognisable header, a required column missing, a bad option).
 * --json prints one object on stdout: {"ready","rules","sheet","findings":[{rule,severity,sheet,cell,row,message}]};
 * rules that were not run and notes go to stderr. Last month's sheet (given, or month m − 1 found
 * in FILE) and last year's are named on stderr as notes.
 */
import { Command } from "commander";
import { CliContext, unusable } from "../context";
import { cleanedNote, openWorkbookFile, writeNewWorkbook } from "../io";
import type { FilePort } from "../../workbook/fileAdapter";
import type { SheetValues } from "../../workbook/port";
import {
  Finding,
  isRegionCode,
  isUnusable,
  reportRows,
  REPORT_SHEET,
  RULE_SETS,
  RuleSet,
  RuleSetId,
  SEVERITY_LABEL,
  ValidationResult,
  validateSheet,
  verdictText,
} from "../../core/validate";
import { sheetList } from "../../core/table";
import { rankTables } from "../../core/table/kinds";
import { ACRE_RESULT_SHEET } from "../../core/acre/spec";
import { CHANGE_LOG_SHEET, SUMMARY_SHEET } from "../../core/pool/spec";
import { APPEALS_ANALYSIS_SHEET } from "../../core/appeals/spec";
import { ANALYSIS_SHEET } from "../../core/monitor/report";

interface Options {
  sheet?: string;
  rules?: string;
  month?: string;
  previous?: string;
  previousSheet?: string;
  region?: string;
  lastYear?: string;
  yoy?: string;
  json?: boolean;
  report?: string;
  force?: boolean;
}

/** The JSON contract for scripts (stable). */
export interface ValidateJson {
  ready: boolean;
  rules: RuleSetId;
  sheet: string;
  findings: Array<{ rule: string; severity: "error" | "warning"; sheet: string; cell: string; row: number; message: string }>;
}

export function toJson(r: ValidationResult): ValidateJson {
  return {
    ready: r.ready,
    rules: r.rules,
    sheet: r.sheet,
    findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, row: f.row, message: f.message })),
  };
}

const RULE_IDS: RuleSetId[] = ["monthly", "acre", "pool", "appeals"];

/** The sheet to check: the one chooser of core/table (chooser.ts) over the rule sets' table kinds (--month: that month's sheet first, as jx monitor). */
function chooseSheet(sheets: (SheetValues | null)[], sets: RuleSet[], month?: number): SheetValues | null {
  const ranked = rankTables(sheets, sets.map((x) => x.spec), { month: month ?? null });
  // a sheet Jingxin wrote (亩均评价结果 reads as per-mu data too) only when there is nothing else, as jx acre does
  return ((ranked.find((c) => !WRITTEN_SHEETS.has(c.sheet.name)) ?? ranked[0])?.sheet as SheetValues | undefined) ?? null;
}

/** Sheets Jingxin writes into a workbook: never the table to check while the data's own sheet is there. */
const WRITTEN_SHEETS: ReadonlySet<string> = new Set([ACRE_RESULT_SHEET, SUMMARY_SHEET, CHANGE_LOG_SHEET, APPEALS_ANALYSIS_SHEET, ANALYSIS_SHEET, REPORT_SHEET]);

async function readNamed(port: FilePort, name: string): Promise<SheetValues | { error: string }> {
  const names = await port.listSheets();
  const actual = names.includes(name) ? name : names.find((n) => n.toLowerCase() === name.toLowerCase());
  const sheet = actual === undefined ? null : await port.readSheet(actual);
  return sheet ?? { error: `找不到工作表“${name}”；${sheetList(names)}` };
}

function pad(s: string, n: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + " ".repeat(Math.max(1, n - w));
}

export function textReport(r: ValidationResult, set: RuleSet, file: string): string {
  const lines: string[] = [];
  lines.push(`jx validate ${file} — 工作表“${r.sheet}”，规则集 ${set.title} (${set.id})，${r.rowCount} 行 (rows)${r.month ? `，${r.month} 月 (month ${r.month})` : ""}`);
  const group = (sev: "error" | "warning", items: Finding[]) => {
    if (items.length === 0) return;
    const explained = sev === "warning" ? items.filter((f) => f.explained).length : 0;
    lines.push("");
    lines.push(`${SEVERITY_LABEL[sev]} (${sev === "error" ? "errors" : "warnings"})：${items.length}${sev === "warning" ? `，已说明 ${explained} (explained)` : ""}`);
    // a cell of another sheet (应报未报 points at last month's) is written with its sheet: 9月!A11
    for (const f of items) lines.push(`  ${pad(f.sheet === r.sheet ? f.cell : `${f.sheet}!${f.cell}`, 7)}${pad(f.rule, 16)}${f.explained ? "[已说明] " : ""}${f.message}`);
  };
  group("error", r.findings.filter((f) => f.severity === "error"));
  group("warning", r.findings.filter((f) => f.severity === "warning"));
  if (r.findings.length === 0) lines.push("", "未发现问题 (no findings)");
  if (r.skipped.length > 0) {
    lines.push("", "未运行的规则 (rules not run)：");
    for (const s of r.skipped) lines.push(`  ${pad(s.rule, 16)}${s.reason}`);
  }
  for (const n of r.notes) lines.push("", `注 (note)：${n}`);
  lines.push("", `结论 (verdict)：${verdictText(r)}`);
  return lines.join("\n");
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .description("提交前校验：月报、亩均数据、培育库 (check a table before submission); exit 0 ready, 1 not ready, 2 unusable input")
    .argument("<file>", "工作簿 .xlsx (the workbook)")
    .option("--sheet <name>", "工作表 (sheet; default: the sheet whose header fits best)")
    .option("--rules <set>", "规则集 monthly|acre|pool|appeals (default: detected from the header)")
    .option("--month <n>", "报告月份 1–12 (default: 月份 column, a title cell, or a sheet name like 10月)")
    .option("--previous <file>", "上月工作簿（默认：本工作簿中上一月份的工作表）(last month's workbook; default: month m − 1 in FILE)")
    .option("--previous-sheet <name>", "上月工作表 (last month's sheet; in --previous, else in FILE)")
    .option("--region <code6>", "本地行政区划代码，如 340722：信用代码第 3–8 位不同即提示 (local division code; default: the 参数 row 行政区划代码)")
    .option("--last-year <file>", "上年同月工作簿，核对“上年同期”列 (last year's workbook for the 上年同期 columns)")
    .option("--yoy <rate>", "同比异常阈值，默认 0.3 (YoY threshold, 0.3 = 30%)")
    .option("--json", "输出 JSON (print JSON)")
    .option("--report <out>", "另存一份带“校验报告”工作表的副本 (write a copy with a 校验报告 sheet)")
    .option("--force", "覆盖已存在的 --report 文件 (overwrite an existing --report file; never the input)")
    .action(async (file: string, opts: Options) => {
      const fail = unusable(ctx, "validate");
      let choice: RuleSetId | "auto" = "auto";
      if (opts.rules !== undefined) {
        if (!RULE_IDS.includes(opts.rules as RuleSetId)) return fail(`--rules 应为 monthly、acre、pool 或 appeals，而不是“${opts.rules}” (--rules must be monthly, acre, pool or appeals)`);
        choice = opts.rules as RuleSetId;
      }
      let month: number | undefined;
      if (opts.month !== undefined) {
        const m = Number(opts.month);
        if (!Number.isInteger(m) || m < 1 || m > 12) return fail(`--month 应为 1–12 的整数，而不是“${opts.month}” (--month must be an integer 1–12)`);
        month = m;
      }
      if (opts.region !== undefined && !isRegionCode(opts.region)) {
        return fail(`--region 应为 6 位行政区划代码（如 340722），而不是“${opts.region}” (--region must be a 6-digit division code)`);
      }
      let yoyThreshold: number | undefined;
      if (opts.yoy !== undefined) {
        const t = /%$/.test(opts.yoy.trim()) ? Number(opts.yoy.trim().slice(0, -1)) / 100 : Number(opts.yoy);
        if (!Number.isFinite(t) || t <= 0) return fail(`--yoy 应为正数（0.3 即 30%），而不是“${opts.yoy}” (--yoy must be a positive rate, 0.3 = 30%)`);
        yoyThreshold = t;
      }

      const book = await openWorkbookFile(file);
      if ("error" in book) return fail(book.error);
      const port = book.port;
      const sets = choice === "auto" ? RULE_SETS : RULE_SETS.filter((s) => s.id === choice);
      const names = await port.listSheets();
      // every sheet: last month's, last year's, 参数 and 退规 are found among them
      const all = await port.readSheets(names);
      let sheet: SheetValues;
      if (opts.sheet !== undefined) {
        const s = await readNamed(port, opts.sheet);
        if ("error" in s) return fail(s.error);
        sheet = s;
      } else {
        // Last month's sheet in this same workbook (--previous-sheet alone) is not the one to check.
        const prevName = opts.previousSheet !== undefined && opts.previous === undefined ? opts.previousSheet : undefined;
        const prevActual = prevName === undefined ? undefined : names.includes(prevName) ? prevName : names.find((n) => n.toLowerCase() === prevName.toLowerCase());
        const best = chooseSheet(all.filter((s) => s?.name !== prevActual), sets, month);
        if (!best) {
          const kinds = sets.map((s) => s.title).join("、");
          return fail(`“${file}”中没有可识别表头（${kinds}）的工作表；${sheetList(names)} (no sheet with a recognisable ${sets.map((s) => s.id).join("/")} header)`);
        }
        sheet = best;
      }

      let previousSheet: SheetValues | undefined;
      let previousSheets: (SheetValues | null)[] | undefined;
      const inputs: string[] = [];
      let prevPort: FilePort = port;
      if (opts.previous !== undefined) {
        const prev = await openWorkbookFile(opts.previous);
        if ("error" in prev) return fail(`上月工作簿 (--previous)：${prev.error}`);
        prevPort = prev.port;
        inputs.push(prev.path);
      }
      if (opts.previousSheet !== undefined) {
        const p = await readNamed(prevPort, opts.previousSheet);
        if ("error" in p) return fail(p.error);
        previousSheet = p;
      } else if (opts.previous !== undefined) {
        previousSheets = await prevPort.readSheets(await prevPort.listSheets());
      }
      let lastYearSheets: (SheetValues | null)[] | undefined;
      if (opts.lastYear !== undefined) {
        const ly = await openWorkbookFile(opts.lastYear);
        if ("error" in ly) return fail(`上年工作簿 (--last-year)：${ly.error}`);
        inputs.push(ly.path);
        lastYearSheets = await ly.port.readSheets(await ly.port.listSheets());
      }

      const v = validateSheet(sheet, RULE_SETS, choice, { month, yoyThreshold, previousSheet, previousSheets, lastYearSheets, sheets: all, region: opts.region });
      if (isUnusable(v)) return fail(v.error);
      const { result, ruleSet } = v;
      const where = (f: string | undefined) => (f === undefined ? "" : `“${f}”的`);
      if (result.previous) ctx.err(`提示 (note)：上月报表 (last month)：${where(opts.previous)}工作表“${result.previous.sheet}”，${result.previous.how}`);
      if (result.lastYear) ctx.err(`提示 (note)：上年报表 (last year)：${where(opts.lastYear)}工作表“${result.lastYear.sheet}”，${result.lastYear.how}`);

      if (opts.json) {
        ctx.out(JSON.stringify(toJson(result), null, 2));
        for (const s of result.skipped) ctx.err(`提示 (note)：规则 ${s.rule} ${s.reason}`);
        for (const n of result.notes) ctx.err(`提示 (note)：${n}`);
      } else {
        ctx.out(textReport(result, ruleSet, file));
      }

      if (opts.report !== undefined) {
        await port.writeSheet(REPORT_SHEET, reportRows(result, ruleSet));
        const written = await writeNewWorkbook(opts.report, port, { force: opts.force, inputs });
        if ("error" in written) return fail(written.error);
        for (const n of cleanedNote(written)) ctx.err(n);
        ctx.err(`已写入校验报告 (report written)：${written.path}`);
      }
      ctx.exit(result.ready ? 0 : 1);
    });
}
