/**
 * `jx acre FILE.xlsx [--sheet NAME] [--out RESULT.xlsx] [--force] [--last-year SHEET|FILE] [--json]`:
 * the per-mu evaluation (亩均效益评价) of the task pane on a file. Parameters come from the
 * workbook's 参数 sheet when present, else the defaults. With --out, a new workbook is written
 * (亩均评价结果 as a table, 亩均评价汇总, 参数 = the parameters used); the input is never
 * modified, an existing --out is refused without --force. --json prints only the JSON
 * (notes go to stderr). Exit 0 when evaluated; 2 on unusable input (file, sheet, a needed
 * column missing) or an output that cannot be written.
 */
import { Command } from "commander";
import * as ExcelJS from "exceljs";
import { CliContext, unusable } from "../context";
import { cleanedNote, openWorkbookFile, pickSheet, writeNewWorkbook } from "../io";
import { createFilePort } from "../../workbook/fileAdapter";
import { SheetValues } from "../../workbook/port";
import { runAcre, AcreRun } from "../../core/acre/run";
import { ADJUSTMENT_LABELS, resultSheet, summarySheet, toJson } from "../../core/acre/result";
import { paramRows, GRADES } from "../../core/acre/params";
import { acreSpec, ACRE_PARAM_SHEET, ACRE_RESULT_SHEET, ACRE_RESULT_TABLE, ACRE_SHEET, ACRE_SUMMARY_SHEET } from "../../core/acre/spec";

export const SUMMARY_SHEET = ACRE_SUMMARY_SHEET;

interface Options {
  sheet?: string;
  out?: string;
  force?: boolean;
  lastYear?: string;
  json?: boolean;
}

const fixed = (x: number | null, d: number) => (x === null ? "—" : x.toFixed(d));

function render(run: AcreRun, sheet: string): string {
  const ev = run.evaluation;
  const a = ev.aggregates;
  const lines: string[] = [];
  lines.push(`亩均效益评价 (per-mu evaluation)：工作表“${sheet}”，参评 ${ev.inScope} 户（规上 ${a.aboveScale.firms}，规下 ${a.belowScale.firms}），未参评 ${ev.outOfScope} 户`);
  lines.push(`全部参评企业 (all)：亩均税收 ${fixed(a.all.taxPerMu, 1)} 万元/亩，亩均营业收入 ${fixed(a.all.revenuePerMu, 1)} 万元/亩`);
  lines.push(
    `规上企业 (above-scale)：亩均税收 ${fixed(a.aboveScale.taxPerMu, 1)} 万元/亩，亩均营业收入 ${fixed(a.aboveScale.revenuePerMu, 1)} 万元/亩，单位能耗税收 ${fixed(a.aboveScale.taxPerTce, 3)} 万元/吨标煤，全员劳动生产率 ${fixed(a.aboveScale.laborProductivity, 1)} 万元/人`,
  );
  for (const p of ev.pools) {
    const c = ev.grades[p]!;
    lines.push(`${p}：${GRADES.map((g) => `${g} ${c[g]}`).join("，")}${c.不定等级 ? `，不定等级 ${c.不定等级}` : ""}（最终等级；参与排名 ${ev.poolSizes[p] ?? 0} 户）`);
  }
  const adjusted = ev.firms.filter((f) => f.adjustment);
  if (adjusted.length) {
    lines.push(`定档调档 (adjustments)：`);
    for (const f of adjusted) {
      lines.push(`  第 ${f.row} 行 ${f.name}：${ADJUSTMENT_LABELS[f.adjustment!.kind]}，排名等级 ${f.rankGrade ?? "—"} → 最终等级 ${f.grade ?? "不定等级"}${f.adjustment!.reason ? `；${f.adjustment!.reason}` : "；（未填写原因）"}`);
    }
  }
  const out = ev.firms.filter((f) => !f.inScope);
  if (out.length) {
    lines.push(`未参评 (out of scope)：`);
    for (const f of out) lines.push(`  第 ${f.row} 行 ${f.name ?? "（无名称）"}：${f.reason}`);
  }
  if (run.comparison) {
    const c = run.comparison;
    lines.push(`与上年比较 (vs last year)：升级 ${c.up.length}，降级 ${c.down.length}，不变 ${c.same}，新参评 ${c.added.length}，不再参评 ${c.removed.length}`);
    for (const x of c.up) lines.push(`  ↑ ${x.name} ${x.from}→${x.to}`);
    for (const x of c.down) lines.push(`  ↓ ${x.name} ${x.from}→${x.to}`);
    for (const x of c.added) lines.push(`  + ${x.name}（${x.grade}）`);
    for (const x of c.removed) lines.push(`  − ${x.name}（上年 ${x.grade}）${x.reason ? `：${x.reason}` : ""}`);
  }
  return lines.join("\n");
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("acre")
    .description("亩均效益评价：得分、排名、A/B/C/D 等级、全县汇总 (per-mu evaluation: scores, ranks, grades, county aggregates)")
    .argument("<file>", "亩均数据工作簿 .xlsx (the per-mu data workbook)")
    .option("--sheet <name>", "数据工作表 (the data sheet; default: 亩均数据, else the sheet whose header matches)")
    .option("--out <file>", "写出结果工作簿 .xlsx (write the result workbook; never the input)")
    .option("--force", "覆盖已存在的输出文件 (overwrite an existing output file)")
    .option("--last-year <sheetOrFile>", "上年评价结果：本工作簿的工作表名或另一个 .xlsx (last year's result: a sheet of this workbook or another .xlsx)")
    .option("--json", "输出 JSON (print JSON)")
    .action(async (file: string, opts: Options) => {
      const fail = unusable(ctx, "acre");
      const opened = await openWorkbookFile(file);
      if ("error" in opened) return fail(opened.error);
      const { port } = opened;
      const names = await port.listSheets();
      const wanted = opts.sheet ?? (names.includes(ACRE_SHEET) ? ACRE_SHEET : undefined);
      const picked = await pickSheet(port, acreSpec, wanted);
      if ("error" in picked) return fail(picked.error);
      if (!opts.sheet && picked.sheet.name === ACRE_RESULT_SHEET) {
        return fail(`找到的是评价结果表“${ACRE_RESULT_SHEET}”而不是数据表，请用 --sheet 指定数据工作表 (only a result sheet was found; name the data sheet with --sheet)`);
      }

      let lastYear: SheetValues | null = null;
      let lastYearFile: string | null = null;
      if (opts.lastYear) {
        const inBook = names.includes(opts.lastYear) ? await port.readSheet(opts.lastYear) : null;
        if (inBook) lastYear = inBook;
        else {
          const other = await openWorkbookFile(opts.lastYear);
          if ("error" in other) return fail(`--last-year “${opts.lastYear}” 既不是本工作簿的工作表，也无法作为文件打开：${other.error} (neither a sheet of the workbook nor a readable file)`);
          const otherNames = await other.port.listSheets();
          const name = otherNames.includes(ACRE_RESULT_SHEET) ? ACRE_RESULT_SHEET : otherNames[0];
          lastYear = await other.port.readSheet(name);
          lastYearFile = other.path;
        }
      }

      const paramsSheet = names.includes(ACRE_PARAM_SHEET) ? await port.readSheet(ACRE_PARAM_SHEET) : null;
      const run = runAcre({ data: picked.sheet, params: paramsSheet ? paramsSheet.values : null, lastYear });
      if ("error" in run) return fail(run.error);

      const notes = [...run.paramsRead.warnings, ...run.evaluation.notes, ...(run.lastYearError ? [run.lastYearError] : [])];
      for (const n of notes) ctx.err(`注意 (note): ${n}`);

      if (opts.out) {
        const outPort = createFilePort(new ExcelJS.Workbook(), opts.out);
        const sheet = resultSheet(run.evaluation);
        await outPort.writeSheet(ACRE_RESULT_SHEET, sheet.rows, { tableName: ACRE_RESULT_TABLE, numberFormats: sheet.numberFormats });
        await outPort.writeSheet(SUMMARY_SHEET, summarySheet(run.evaluation));
        await outPort.writeSheet(ACRE_PARAM_SHEET, paramRows(run.paramsRead.params), { numberFormats: ["@", null, "@"] });
        const ws = outPort.workbook.getWorksheet(ACRE_RESULT_SHEET);
        if (ws) ws.views = [{ state: "frozen", ySplit: 1, xSplit: 1, activeCell: "B2" }];
        await outPort.selectCell(ACRE_RESULT_SHEET, "A1");
        const written = await writeNewWorkbook(opts.out, outPort, { force: opts.force === true, inputs: [file, ...(lastYearFile ? [lastYearFile] : [])] });
        if ("error" in written) return fail(written.error);
        for (const n of cleanedNote(written)) ctx.err(n);
      }

      if (opts.json) ctx.out(JSON.stringify(toJson(run.evaluation)));
      else ctx.out(render(run, picked.sheet.name) + (opts.out ? `\n已写入结果工作簿 (result written)：${opts.out}` : ""));
    });
}
