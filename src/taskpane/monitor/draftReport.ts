/**
 * 生成分析材料 in the pane: read every sheet through the port (one round trip), draft the report
 * with the same core as `jx report`, write its text to the 分析材料 sheet and give the .docx bytes.
 */
import type { WorkbookPort } from "../../workbook/port";
import { composeReport, Report, REPORT_SHEET, reportSheetRows } from "../../core/report/compose";
import { gatherReport } from "../../core/report/gather";
import { reportDocx } from "../../workbook/docxReport";
import { todayIso } from "../../core/table/dates";

export interface Drafted {
  report: Report;
  notes: string[];
  docx: Uint8Array;
  fileName: string;
}


/** `sheet`/`month`: the tab's choice of report sheet and month (blank → as the tab finds them). */
export async function draftReport(port: WorkbookPort, opts: { month: number | null; sheet?: string | null; asOf?: string }): Promise<Drafted | { error: string }> {
  const names = (await port.listSheets()).filter((n) => n !== REPORT_SHEET);
  const sheets = (await port.readSheets(names)).filter((s): s is NonNullable<typeof s> => s !== null);
  const asOf = opts.asOf ?? todayIso();
  const { input, notes } = gatherReport(sheets, { month: opts.month, sheet: opts.sheet || null, asOf });
  const report = composeReport(input);
  if (!report.sections.some((s) => s.id !== "warnings")) {
    return { error: `工作簿中没有可写入分析材料的数据（月报、培育库、亩均数据、诉求台账） (nothing to report)${notes.length ? `：${notes.join("；")}` : ""}` };
  }
  await port.writeSheet(REPORT_SHEET, reportSheetRows(report), { numberFormats: ["@"], activate: true });
  return { report, notes, docx: await reportDocx(report, asOf), fileName: `${report.title}.docx` };
}
