/**
 * `jx validate FILE.xlsx [--sheet NAME] [--rules monthly|acre|pool|appeals] [--month N]
 *   [--previous FILE] [--previous-sheet NAME] [--yoy 0.3] [--json] [--report OUT.xlsx [--force]]`
 *
 * Checks a table before it is sent upward (提交前校验). Read only: the input file is never
 * written; --report writes a copy with a 校验报告 sheet to a new file.
 * Exit 0: ready to submit (no 错误, every 提示 explained). 1: not ready. 2: unusable input
 * (file missing, not an xlsx, no recognisable header, a required column missing, a bad option).
 * --json prints one object on stdout: {"ready","rules","sheet","findings":[{rule,severity,sheet,cell,row,message}]};
 * rules that were not run and notes go to stderr.
 */
import { ACRE_PARAM_SHEET } from "../../core/acre/spec";
import { Command } from "commander";
import { CliContext, unusable } from "../context";
import { openWorkbookFile, writeNewWorkbook } from "../io";
import type { FilePort } from "../../workbook/fileAdapter";
import type { SheetValues } from "../../workbook/port";
import {
  detectRuleSet,
  Finding,
  isUnusable,
  monthFromSheet,
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
import { isReadError, readTable, sheetList } from "../../core/table";
import { rankTables } from "../../core/table/kinds";

interface Options {
  sheet?: string;
  rules?: string;
  month?: string;
  previous?: string;
  previousSheet?: string;
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

/** The sheet to check: the one chooser of core/table (chooser.ts) over the rule sets' table kinds. */
function chooseSheet(sheets: (SheetValues | null)[], sets: RuleSet[]): SheetValues | null {
  return (rankTables(sheets, sets.map((x) => x.spec))[0]?.sheet as SheetValues | undefined) ?? null;
}

async function readNamed(port: FilePort, name: string): Promise<SheetValues | { error: string }> {
  const names = await port.listSheets();
  const actual = names.includes(name) ? name : names.find((n) => n.toLowerCase() === name.toLowerCase());
  const sheet = actual === undefined ? null : await port.readSheet(actual);
  return sheet ?? { error: `找不到工作表“${name}”；${sheetList(names)}` };
}

/** Last month's sheet in a workbook: the named one, else “(m−1)月”, else the same name, else the best fit. */
async function previousSheet(port: FilePort, opts: Options, current: SheetValues, set: RuleSet, month: number | null): Promise<SheetValues | { error: string }> {
  if (opts.previousSheet) return readNamed(port, opts.previousSheet);
  const names = await port.listSheets();
  const sameBook = !opts.previous;
  const candidates = names.filter((n) => !(sameBook && n === current.name));
  if (month && month > 1) {
    const byMonth = candidates.find((n) => monthFromSheet({ name: n, startRow: 1, startCol: 1, values: [] }) === month - 1);
    if (byMonth) return (await port.readSheet(byMonth))!;
  }
  if (!sameBook && names.includes(current.name)) return (await port.readSheet(current.name))!;
  const best = chooseSheet(await port.readSheets(candidates), [set]);
  return best ?? { error: `上月工作簿中找不到${set.title}工作表；${sheetList(names)} (no ${set.id} sheet for last month)` };
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
    for (const f of items) lines.push(`  ${pad(f.cell, 7)}${pad(f.rule, 16)}${f.explained ? "[已说明] " : ""}${f.message}`);
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
    .option("--previous <file>", "上月工作簿，用于“累计不减”校验 (last month's workbook)")
    .option("--previous-sheet <name>", "上月工作表 (last month's sheet; in --previous, else in FILE)")
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
      let sheet: SheetValues;
      if (opts.sheet !== undefined) {
        const s = await readNamed(port, opts.sheet);
        if ("error" in s) return fail(s.error);
        sheet = s;
      } else {
        const names = await port.listSheets();
        // Last month's sheet in this same workbook (--previous-sheet alone) is not the one to check.
        const prevName = opts.previousSheet !== undefined && opts.previous === undefined ? opts.previousSheet : undefined;
        const prevActual = prevName === undefined ? undefined : names.includes(prevName) ? prevName : names.find((n) => n.toLowerCase() === prevName.toLowerCase());
        const all = await port.readSheets(names.filter((n) => n !== prevActual));
        const best = chooseSheet(all, sets);
        if (!best) {
          const kinds = sets.map((s) => s.title).join("、");
          return fail(`“${file}”中没有可识别表头（${kinds}）的工作表；${sheetList(names)} (no sheet with a recognisable ${sets.map((s) => s.id).join("/")} header)`);
        }
        sheet = best;
      }

      let prevSheet: SheetValues | undefined;
      let prevPath: string | undefined;
      if (opts.previous !== undefined || opts.previousSheet !== undefined) {
        const set = choice === "auto" ? detectRuleSet(sheet, RULE_SETS) : sets[0];
        if (set) {
          let prevPort = port;
          if (opts.previous !== undefined) {
            const prev = await openWorkbookFile(opts.previous);
            if ("error" in prev) return fail(`上月工作簿 (--previous)：${prev.error}`);
            prevPort = prev.port;
            prevPath = prev.path;
          }
          const head = readTable({ ...sheet, values: sheet.values.slice(0, 16) }, set.spec);
          const m = month ?? monthFromSheet(sheet, isReadError(head) ? undefined : head.headerRow);
          const p = await previousSheet(prevPort, opts, sheet, set, m);
          if ("error" in p) return fail(p.error);
          prevSheet = p;
        }
      }

      // the per-mu rules use the evaluation's own 参数 (规下企业用地下限)
      const paramSheet = sheet.name === ACRE_PARAM_SHEET ? null : ((await port.readSheet(ACRE_PARAM_SHEET))?.values ?? null);
      const v = validateSheet(sheet, RULE_SETS, choice, { month, yoyThreshold, previousSheet: prevSheet, paramSheet });
      if (isUnusable(v)) return fail(v.error);
      const { result, ruleSet } = v;

      if (opts.json) {
        ctx.out(JSON.stringify(toJson(result), null, 2));
        for (const s of result.skipped) ctx.err(`提示 (note)：规则 ${s.rule} ${s.reason}`);
        for (const n of result.notes) ctx.err(`提示 (note)：${n}`);
      } else {
        ctx.out(textReport(result, ruleSet, file));
      }

      if (opts.report !== undefined) {
        await port.writeSheet(REPORT_SHEET, reportRows(result, ruleSet), { formulas: true });
        const written = await writeNewWorkbook(opts.report, port, { force: opts.force, inputs: prevPath ? [prevPath] : [] });
        if ("error" in written) return fail(written.error);
        ctx.err(`已写入校验报告 (report written)：${written.path}`);
      }
      ctx.exit(result.ready ? 0 : 1);
    });
}
