/**
 * Tab 运行监测: county totals, targets vs 序时进度, early warnings, contribution and
 * concentration; writes the 目标 template and the 运行分析 sheet (with native charts in Excel).
 * Reads the workbook in a fixed number of round trips (loadAnalysis.ts), whatever the number
 * of firms; the components receive the port and never call Excel themselves.
 */
import * as React from "react";
import type { JSX } from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import type { Warning } from "../../core/monitor/analyze";
import { ANALYSIS_SHEET, analysisSheet } from "../../core/monitor/report";
import { TARGETS_SHEET, targetsTemplate } from "../../core/monitor/targets";
import { ContributionTable, TargetsTable, TotalsCards, WarningsList, pct } from "./MonitorViews";
import { Analysis, loadAnalysis } from "./loadAnalysis";
import { draftReport } from "./draftReport";
import { monitorCharts } from "../../core/monitor/charts";
import { PaneCharts } from "../shared/PaneCharts";
import { NotesPanel } from "../shared/NotesPanel";
import { useWork } from "../shared/useWork";
import { REPORT_SHEET } from "../../core/report/compose";
import { NamePicker } from "../shared/NamePicker";
import { Status, StatusArea, StatusBar } from "../shared/StatusArea";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  controls: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "flex-end" },
  section: { display: "flex", flexDirection: "column", rowGap: "6px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function MonitorTab({ port }: { port: WorkbookPort }): JSX.Element {
  const s = useStyles();
  const [sheetNames, setSheetNames] = React.useState<string[]>([]);
  const [monthlyNames, setMonthlyNames] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState<string>("");
  const [month, setMonth] = React.useState<string>("");
  const { busy, track } = useWork();
  const [analysis, setAnalysis] = React.useState<Analysis | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [confirmTargets, setConfirmTargets] = React.useState(false);
  const [docx, setDocx] = React.useState<{ url: string; name: string } | null>(null);
  React.useEffect(() => () => (docx ? URL.revokeObjectURL(docx.url) : undefined), [docx]);

  const run = React.useCallback(
    (choice: { sheet: string; month: string }) =>
      track(async () => {
        setError(null);
        try {
          const m = choice.month.trim() === "" ? null : Number(choice.month);
          if (m !== null && !(Number.isInteger(m) && m >= 1 && m <= 12)) {
            setError("月份应为 1–12 的整数 (the month must be an integer 1–12)");
            setAnalysis(null);
            return;
          }
          const loaded = await loadAnalysis(port, { sheet: choice.sheet || null, month: m });
          setSheetNames(loaded.sheetNames);
          setMonthlyNames(loaded.reports);
          setError(loaded.error);
          setAnalysis(loaded.analysis);
        } catch (e) {
          setError(`读取工作簿失败 (could not read the workbook)：${e instanceof Error ? e.message : String(e)}`);
          setAnalysis(null);
        }
      }),
    [port, track],
  );

  React.useEffect(() => {
    void run({ sheet: "", month: "" });
  }, [run]);

  const onSelect = (w: Warning) => {
    if (!analysis) return;
    port.selectCell(analysis.result.sheet, `${analysis.nameColumn}${w.row}`).catch((e) => setStatus({ intent: "error", text: `无法选中单元格 (cannot select): ${e instanceof Error ? e.message : e}` }));
  };

  const writeTargets = () =>
    track(async () => {
      if (sheetNames.includes(TARGETS_SHEET) && !confirmTargets) {
        setConfirmTargets(true);
        return;
      }
      setConfirmTargets(false);
      try {
        await port.writeSheet(TARGETS_SHEET, targetsTemplate(), {
          numberFormats: ["@", "@", "General", "@", "General"],
          validationLists: { 1: ["总量", "增速"], 3: ["亿元", "万元", "%", "户"] },
          activate: true,
        });
        setStatus({ intent: "success", text: "已写入目标表，可直接修改年度目标并填写 1-本月完成 (目标 sheet written: edit the targets and fill 1-本月完成)" });
        await run({ sheet, month });
      } catch (e) {
        setStatus({ intent: "error", text: `写入目标表失败 (could not write 目标): ${e instanceof Error ? e.message : e}` });
      }
    });

  const writeAnalysis = () =>
    track(async () => {
      if (!analysis) return;
      try {
        const sheetOut = analysisSheet(analysis.result);
        await port.writeSheet(ANALYSIS_SHEET, sheetOut.rows, { numberFormats: sheetOut.numberFormats, activate: true });
        if (port.canChart && port.upsertChart) {
          for (const c of sheetOut.charts) await port.upsertChart(ANALYSIS_SHEET, c);
          setStatus({ intent: "success", text: `已写入“${ANALYSIS_SHEET}”并更新图表 (sheet and charts updated)` });
        } else {
          setStatus({
            intent: "info",
            text: `已写入“${ANALYSIS_SHEET}”。图表在 Excel 中用本加载项打开工作簿并再次写入时生成 (sheet written; the charts appear when the workbook is opened in Excel with the add-in)`,
          });
        }
      } catch (e) {
        setStatus({ intent: "error", text: `写入分析表失败 (could not write ${ANALYSIS_SHEET}): ${e instanceof Error ? e.message : e}` });
      }
    });

  const writeReport = () =>
    track(async () => {
        try {
          const m = month.trim() === "" ? null : Number(month);
          const d = await draftReport(port, { month: m !== null && Number.isInteger(m) && m >= 1 && m <= 12 ? m : null, sheet });
          if ("error" in d) {
            setStatus({ intent: "error", text: d.error });
            return;
          }
          const blob = new Blob([d.docx as BlobPart], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
          setDocx({ url: URL.createObjectURL(blob), name: d.fileName });
          const parts = d.report.sections.map((x) => x.heading.replace(/^.、/, "")).join("、");
          setStatus({ intent: "success", text: `已写入“${REPORT_SHEET}”工作表（${parts}），可下载 Word 文档 (text written to ${REPORT_SHEET}; the Word file is ready to download)${d.notes.length ? `。${d.notes.join("；")}` : ""}` });
          await run({ sheet, month });
        } catch (e) {
          setStatus({ intent: "error", text: `生成分析材料失败 (could not draft the report): ${e instanceof Error ? e.message : e}` });
        }
      });

    const r = analysis?.result;
    return (
      <div className={s.root} aria-busy={busy}>
        <div className={s.controls}>
          <NamePicker
            label="月报工作表 (report sheet)"
            value={sheet}
            names={monthlyNames}
            onChange={(v) => {
              setSheet(v);
              void run({ sheet: v, month });
            }}
            labelSelect
          >
            <option value="">自动：最新月份 (auto: latest month)</option>
          </NamePicker>
          <Field label="月份 (month)">
            <Input value={month} onChange={(_, d) => setMonth(d.value)} placeholder="自动 (auto)" aria-label="月份 (month)" style={{ width: 120 }} />
          </Field>
          <Button appearance="primary" onClick={() => void run({ sheet, month })} disabled={busy}>
            运行分析 (analyse)
          </Button>
        </div>
        <div className={s.controls}>
          <Button onClick={() => void writeTargets()} disabled={busy}>
            {confirmTargets ? "确认覆盖现有目标表 (overwrite 目标?)" : "新建目标表 (new targets sheet)"}
          </Button>
          {confirmTargets ? <Button onClick={() => setConfirmTargets(false)}>取消 (cancel)</Button> : null}
          <Button onClick={() => void writeAnalysis()} disabled={busy || !analysis}>
            写入分析表 (write 运行分析)
          </Button>
          <Button onClick={() => void writeReport()} disabled={busy}>
            生成分析材料 (draft the report)
          </Button>
          {docx ? (
            <a href={docx.url} download={docx.name} data-testid="report-download">
              下载 Word 文档 (download .docx)
            </a>
          ) : null}
        </div>
        <StatusArea busy={busy} busyLabel="正在分析… (analysing…)" error={error} status={status} statusTestId="status" multiline />
        {r && analysis ? (
          <>
            <Text size={200} className={s.muted} data-testid="month-line">
              {r.month}月 · 工作表“{r.sheet}” · 月份来自 {analysis.monthFrom} · 序时进度 {pct(r.month / 12)}
            </Text>
            {analysis.warnings.map((w) => (
              <StatusBar key={w} status={{ intent: "warning", text: w }} testId="figure-mismatch" multiline />
            ))}
            <TotalsCards result={r} />
            <section className={s.section} aria-label="图表 (charts)">
              <PaneCharts charts={monitorCharts(r)} />
            </section>
            <section className={s.section}>
              <Text weight="semibold">目标完成 vs 序时进度 (targets)</Text>
              <TargetsTable result={r} />
            </section>
            <section className={s.section}>
              <Text weight="semibold">预警 (early warnings)：点击选中企业所在行 (click to select the firm&apos;s row)</Text>
              <WarningsList result={r} onSelect={onSelect} />
            </section>
            <section className={s.section}>
              <Text weight="semibold">增长贡献 前 {r.params.topN} 户 (contribution, top {r.params.topN})</Text>
              <ContributionTable result={r} />
            </section>
            <NotesPanel groups={[{ title: "数据提示 (data notes)", notes: analysis.notes }]} />
          </>
        ) : null}
      </div>
    );
  }
