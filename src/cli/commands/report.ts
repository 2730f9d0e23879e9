/**
 * `jx report FILE.xlsx [--month N] [--as-of YYYY-MM-DD] [--out 分析材料.docx] [--force] [--json]`:
 * the bureau's written report (分析材料) drafted from the workbook, as a Word document.
 * The text is printed too; `--json` prints the report's sections, sentences and the figures
 * each sentence states (and writes the .docx only when --out is given).
 * Exit 0 when written, 2 on unusable input (file, month, nothing to report, output refused).
 */
import { Command } from "commander";
import { CliContext, unusable } from "../context";
import { cleanedNote, openWorkbookFile, writeNewFile } from "../io";
import { composeReport, reportLines } from "../../core/report/compose";
import { isoDateSerial } from "../../core/appeals/calendar";
import { gatherReport } from "../../core/report/gather";
import { reportDocx } from "../../workbook/docxReport";
import { todayIso } from "../../core/table/dates";

interface Options {
  month?: string;
  asOf?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

export const DEFAULT_REPORT_FILE = "分析材料.docx";

export function register(program: Command, ctx: CliContext): void {
  program
    .command("report")
    .description("分析材料：根据工作簿起草书面分析材料（Word） (draft the written report from the workbook, as .docx)")
    .argument("<file>", "工作簿 .xlsx (the workbook: monthly reports, 目标, 培育库, 亩均数据 …)")
    .option("--month <n>", "报告月份 1–12 (report month; default: as 运行监测 finds it)")
    .option("--as-of <date>", "截至日期 YYYY-MM-DD（企业诉求部分；默认今天） (as-of date for the appeals section; default today)")
    .option("--out <file.docx>", `Word 文件 (the .docx to write; default ${DEFAULT_REPORT_FILE})`)
    .option("--force", "覆盖已存在的输出文件 (overwrite an existing output file)")
    .option("--json", "输出 JSON（各部分、句子及其数字） (print JSON: sections, sentences and their figures)")
    .action(async (file: string, opts: Options) => {
      const fail = unusable(ctx, "report");
      let month: number | null = null;
      if (opts.month !== undefined) {
        const n = Number(opts.month);
        if (!Number.isInteger(n) || n < 1 || n > 12) return fail(`--month 应为 1–12 的整数，而不是“${opts.month}” (--month must be an integer 1–12)`);
        month = n;
      }
      const asOf = opts.asOf ?? todayIso();
      if (isoDateSerial(asOf) === null) return fail(`--as-of 应为 YYYY-MM-DD 日期，而不是“${opts.asOf}” (--as-of must be a date YYYY-MM-DD)`);

      const opened = await openWorkbookFile(file);
      if ("error" in opened) return fail(opened.error);
      const names = await opened.port.listSheets();
      const sheets = (await opened.port.readSheets(names)).filter((s): s is NonNullable<typeof s> => s !== null);
      const { input, notes } = gatherReport(sheets, { month, asOf });
      const report = composeReport(input);
      if (!report.sections.some((s) => s.id !== "warnings")) {
        return fail(`工作簿中没有可写入分析材料的数据（月报、培育库、亩均数据、诉求台账） (nothing to report: no monthly report, pool, per-mu data or appeals register)${notes.length ? `；${notes.join("；")}` : ""}`);
      }
      for (const n of notes) ctx.err(`提示 (note): ${n}`);

      const out = opts.out ?? (opts.json ? undefined : DEFAULT_REPORT_FILE);
      let written: string | null = null;
      if (out !== undefined) {
        if (!/\.docx$/i.test(out)) return fail(`输出文件应以 .docx 结尾：“${out}” (the output must be a .docx file)`);
        const w = await writeNewFile(out, () => reportDocx(report, asOf), { force: opts.force, inputs: [file] });
        if ("error" in w) return fail(w.error);
        for (const n of cleanedNote(w)) ctx.err(n);
        written = w.path;
      }
      if (opts.json) {
        ctx.out(
          JSON.stringify({
            title: report.title,
            month: report.month,
            asOf: report.asOf,
            sections: report.sections.map((s) => ({ id: s.id, heading: s.heading, text: s.sentences.map((x) => x.text).join(""), sentences: s.sentences })),
            sources: report.sources,
            file: written,
          }),
        );
      } else {
        ctx.out(reportLines(report).join("\n"));
        if (written) ctx.out(`\n已写入分析材料 (report written)：${written}`);
      }
      ctx.exit(0);
    });
}
