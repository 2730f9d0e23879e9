/**
 * `jx template monthly|acre|pool|appeals|targets OUT.xlsx [--force]`: an empty template workbook with
 * the canonical headers of each table kind (the same headers, formats and lists the task pane's
 * template buttons write). Exit 0 when written; 2 for an unknown kind or a file that cannot
 * be written (it exists without --force, the directory is missing…).
 */
import { Command } from "commander";
import * as ExcelJS from "exceljs";
import { CliContext } from "../context";
import { createFilePort } from "../../workbook/fileAdapter";
import { CellValue, WriteSheetOptions } from "../../workbook/port";
import { cleanedNote, writeNewWorkbook } from "../io";
import { MONTHLY_TEMPLATE_FORMATS, MONTHLY_TEMPLATE_HEADERS, monthlySpec } from "../../core/validate/specs";
import { ACRE_PARAM_SHEET, ACRE_SHEET, ACRE_TEMPLATE_HEADER, SCALES } from "../../core/acre/spec";
import { paramRows } from "../../core/acre/params";
import { POOL_SHEET, poolTemplate } from "../../core/pool/spec";
import { TARGETS_SHEET, targetsTemplate } from "../../core/monitor/targets";
import { appealsTemplate } from "../../core/appeals/template";

interface SheetTemplate {
  name: string;
  rows: CellValue[][];
  options: WriteSheetOptions;
}

/** Each kind: the sheets it writes, first one the data sheet (header + one blank row for the table). */
export const TEMPLATES: Record<string, { zh: string; en: string; sheets: () => SheetTemplate[] }> = {
  monthly: {
    zh: "月报", en: "monthly report",
    sheets: () => [
      {
        name: monthlySpec.title,
        rows: [[...MONTHLY_TEMPLATE_HEADERS], []],
        options: { tableName: "JxMonthly", numberFormats: [...MONTHLY_TEMPLATE_FORMATS] },
      },
    ],
  },
  acre: {
    zh: "亩均数据", en: "per-mu data",
    sheets: () => [
      {
        name: ACRE_SHEET,
        rows: [[...ACRE_TEMPLATE_HEADER], []],
        options: {
          tableName: "JxAcreData",
          numberFormats: ACRE_TEMPLATE_HEADER.map((h, i) => (i < 3 ? "@" : h === "年平均从业人员" ? "0" : "0.00")),
          validationLists: { [ACRE_TEMPLATE_HEADER.indexOf("规模")]: [...SCALES] },
        },
      },
      { name: ACRE_PARAM_SHEET, rows: paramRows(), options: { numberFormats: ["@", null, "@"] } },
    ],
  },
  pool: {
    zh: "培育库", en: "cultivation pool",
    sheets: () => {
      const t = poolTemplate();
      return [{ name: POOL_SHEET, rows: t.rows, options: { tableName: POOL_SHEET, numberFormats: t.numberFormats, validationLists: t.validationLists } }];
    },
  },
  appeals: {
    zh: "诉求台账", en: "appeals register",
    sheets: () => appealsTemplate(),
  },
  targets: {
    zh: "目标", en: "annual targets",
    sheets: () => [
      {
        name: TARGETS_SHEET,
        rows: targetsTemplate(),
        options: { numberFormats: ["@", "@", "General", "@", "General"], validationLists: { 1: ["总量", "增速"], 3: ["亿元", "万元", "%", "户"] } },
      },
    ],
  },
};

/** Display width of a header (CJK characters count double). */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** The template workbook of a kind, as a FilePort (null for an unknown kind). */
export async function buildTemplate(kind: string) {
  const t = TEMPLATES[kind];
  if (!t) return null;
  const port = createFilePort(new ExcelJS.Workbook(), `${kind}.xlsx`);
  const sheets = t.sheets();
  for (const s of sheets) await port.writeSheet(s.name, s.rows, s.options);
  // File-only niceties: header row frozen, columns wide enough for their headers, first sheet active.
  for (const s of sheets) {
    const ws = port.workbook.getWorksheet(s.name)!;
    ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0, activeCell: "A2" }];
    (s.rows[0] ?? []).forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.min(40, Math.max(10, displayWidth(String(h ?? "")) + 4));
    });
  }
  await port.selectCell(sheets[0].name, "A2");
  return port;
}

export function register(program: Command, ctx: CliContext): void {
  const kinds = Object.keys(TEMPLATES);
  program
    .command("template")
    .description(`写出空白模板工作簿 (write an empty template workbook): ${kinds.join(" | ")}`)
    .argument("<kind>", kinds.map((k) => `${k} = ${TEMPLATES[k].zh} (${TEMPLATES[k].en})`).join("; "))
    .argument("<out>", "输出文件 .xlsx (output file)")
    .option("--force", "覆盖已存在的文件 (overwrite an existing file)")
    .action(async (kind: string, out: string, opts: { force?: boolean }) => {
      const port = await buildTemplate(kind);
      if (!port) {
        ctx.err(`jx template: 未知模板“${kind}”，可选：${kinds.join("、")} (unknown template ${kind}; one of ${kinds.join(", ")})`);
        ctx.exit(2);
        return;
      }
      const written = await writeNewWorkbook(out, port, { force: opts.force === true });
      if ("error" in written) {
        ctx.err(`jx template: ${written.error}`);
        ctx.exit(2);
        return;
      }
      const sheets = await port.listSheets();
      const t = TEMPLATES[kind];
      for (const n of cleanedNote(written)) ctx.err(n);
      ctx.out(`已写入${t.zh}模板“${out}”，工作表：${sheets.join("、")} (${t.en} template written: ${out})`);
    });
}
