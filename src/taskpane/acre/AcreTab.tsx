/**
 * Tab 亩均评价: pick the data table, evaluate (scores, ranks, grades written to 亩均评价结果 as
 * a new Excel table; the input is never modified), show grade counts, county aggregates,
 * out-of-scope firms, the comparison with last year and the policy hints. Parameters come from
 * the 参数 sheet (created with defaults on the first run). Office.* stays out: the display
 * language (for JX formula names) comes from a prop or the adapter.
 */
import * as React from "react";
import type { JSX } from "react";
import { Button, Checkbox, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { columnLetters } from "../../workbook/port";
import type { FirmResult } from "../../core/acre/evaluate";
import type { Grade } from "../../core/acre/grade";
import { indicatorDef } from "../../core/acre/indicators";
import { allIndicatorsInUse, AcreParams, defaultParams } from "../../core/acre/params";
import { ACRE_PARAM_SHEET, ACRE_RESULT_SHEET, ACRE_SHEET } from "../../core/acre/spec";
import { findAcreData } from "../../core/acre/run";
import { createParams, createTemplate, evaluateInWorkbook, EvaluateOutcome, formulaNameFor, saveHints } from "./actions";
import { AdjustedList, AggregatesTable, ComparisonView, FirmDetail, GradeBars, HintsEditor, OutOfScopeList } from "./AcreViews";
import { NamePicker } from "../shared/NamePicker";
import { Status, StatusArea } from "../shared/StatusArea";
import { acreCharts } from "../../core/acre/charts";
import { PaneCharts } from "../shared/PaneCharts";
import { NotesPanel } from "../shared/NotesPanel";
import { useWork } from "../shared/useWork";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  controls: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "flex-end" },
  section: { display: "flex", flexDirection: "column", rowGap: "6px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Done = Exclude<EvaluateOutcome, { error: string }>;

export interface AcreTabProps {
  port: WorkbookPort;
  /** Office display language (e.g. "zh-CN"), used for the JX function names in formulas. */
  displayLanguage?: () => string;
}

function languageOf(props: AcreTabProps): string {
  const fromPort = props.port.displayLanguage;
  try {
    return props.displayLanguage?.() ?? fromPort?.call(props.port) ?? (typeof navigator !== "undefined" ? navigator.language : "") ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

const METHOD: Record<AcreParams["method"], string> = { ratio: "比值法", minmax: "极差法" };
const MISSING: Record<AcreParams["missing"], string> = { exclude: "不参评", poolAverage: "按池平均分", zero: "按零分" };

function paramsLine(p: AcreParams): string {
  const w = (s: "规上" | "规下") =>
    allIndicatorsInUse(p)
      .filter((k) => (p.weights[s][k] ?? 0) > 0)
      .map((k) => `${indicatorDef(k).label} ${p.weights[s][k]}`)
      .join("、");
  return [
    `方法 ${METHOD[p.method]}`,
    `基准 ${p.benchmark === "pool" ? "评价池比值" : "固定值"}`,
    `规上权重 ${w("规上")}`,
    `规下权重 ${w("规下")}`,
    `等级比例 ${p.shares.map((x) => `${Math.round(x * 1000) / 10}%`).join("/")}`,
    p.separatePools ? "规上规下分开排名" : "合并排名",
    `规下用地下限 ${p.minLandBelowScale} 亩`,
    `评价方案 ${p.preset}`,
    `缺项处理 ${MISSING[p.missing]}`,
    `税收口径 ${p.taxBasis === "paid" ? "实缴税金" : "加回留抵退税"}`,
    p.grading === "shares" ? "分档按比例" : `分档按分数线 A≥${p.scoreLines[0]} B≥${p.scoreLines[1]} C≥${p.scoreLines[2]}`,
  ].join("；");
}

export function AcreTab(props: AcreTabProps): JSX.Element {
  const { port } = props;
  const s = useStyles();
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState("");
  const [lastYear, setLastYear] = React.useState("");
  const [asFormulas, setAsFormulas] = React.useState(false);
  const { busy, track } = useWork();
  const [result, setResult] = React.useState<Done | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  /** Data row of the firm whose detail is shown. */
  const [detailRow, setDetailRow] = React.useState<number | null>(null);

  const chosen = React.useRef(sheet);
  chosen.current = sheet;
  const refresh = React.useCallback(async () => {
    try {
      const [names, active] = await Promise.all([port.listSheets(), port.activeSheet().catch(() => null)]);
      setSheets(names);
      const cur = chosen.current;
      if (cur && names.includes(cur)) return;
      // the one sheet chooser, as jx acre and the report: 亩均数据, else the sheet that reads as per-mu data
      const usable = names.filter((n) => n !== ACRE_RESULT_SHEET && n !== ACRE_PARAM_SHEET);
      const found = names.includes(ACRE_SHEET) ? ACRE_SHEET : findAcreData(await port.readSheets(usable))?.name ?? null;
      setSheet(found ?? (active && usable.includes(active) ? active : usable[0] ?? ""));
    } catch (e) {
      setError(`读取工作簿失败 (could not read the workbook)：${e instanceof Error ? e.message : String(e)}`);
    }
  }, [port]);

  React.useEffect(() => {
    void track(refresh);
  }, [refresh, track]);

  const evaluate = () =>
    track(async () => {
      if (!sheet) return;
      setError(null);
      setStatus(null);
      try {
        const out = await evaluateInWorkbook(port, {
          sheet,
          lastYearSheet: lastYear || null,
          formulaName: asFormulas && port.kind === "excel" ? formulaNameFor(languageOf(props)) : null,
        });
        if ("error" in out) {
          setError(out.error);
          setResult(null);
          return;
        }
        setResult(out);
        setDetailRow(null);
        setStatus({
          intent: "success",
          text: `已评价 ${out.evaluation.inScope} 户、未参评 ${out.evaluation.outOfScope} 户，结果写入“${ACRE_RESULT_SHEET}” (evaluated; results written to ${ACRE_RESULT_SHEET})`,
        });
        void track(refresh);
      } catch (e) {
        setError(`评价失败 (evaluation failed)：${e instanceof Error ? e.message : String(e)}`);
      }
    });

  const template = () =>
    track(async () => {
      setStatus(null);
      try {
        const r = await createTemplate(port);
        const parts = [];
        if (r.created.length) parts.push(`已创建 ${r.created.map((n) => `“${n}”`).join("、")}`);
        if (r.existed.length) parts.push(`${r.existed.map((n) => `“${n}”`).join("、")} 已存在，未改动`);
        setStatus({ intent: r.created.length ? "success" : "info", text: `${parts.join("；")} (template: created ${r.created.length}, kept ${r.existed.length})` });
        await refresh();
        if (r.created.includes(ACRE_SHEET)) setSheet(ACRE_SHEET);
      } catch (e) {
        setStatus({ intent: "error", text: `创建模板失败 (could not create the template)：${e instanceof Error ? e.message : String(e)}` });
      }
    });

  const onCreateParams = () =>
    track(async () => {
      try {
        await createParams(port);
        if (result) setResult({ ...result, paramsRead: { ...result.paramsRead, found: true } });
        setStatus({ intent: "success", text: `已创建“${ACRE_PARAM_SHEET}”（本次所用的默认参数，可修改后重新评价）(参数 sheet created with the defaults)` });
        void track(refresh);
      } catch (e) {
        setStatus({ intent: "error", text: `创建参数表失败 (could not create 参数)：${e instanceof Error ? e.message : String(e)}` });
      }
    });

  const onSaveHints = (hints: Record<Grade, string>) =>
    track(async () => {
      try {
        await saveHints(port, hints);
        if (result) {
          const params = { ...result.paramsRead.params, hints };
          setResult({ ...result, paramsRead: { ...result.paramsRead, params }, evaluation: { ...result.evaluation, params } });
        }
        setStatus({ intent: "success", text: `政策导向已保存到“${ACRE_PARAM_SHEET}”，重新评价后写入结果表 (hints saved; evaluate again to write them)` });
      } catch (e) {
        setStatus({ intent: "error", text: `保存失败 (could not save)：${e instanceof Error ? e.message : String(e)}` });
      }
    });

  const onSelect = (f: FirmResult) => {
    const col = result?.table.columns.name?.col ?? 1;
    port.selectCell(result?.table.sheet ?? sheet, `${columnLetters(col)}${f.row}`).catch(() => undefined);
  };

  const ev = result?.evaluation;
  const outOfScope = ev ? ev.firms.filter((f) => !f.inScope) : [];
  const inScope = ev ? ev.firms.filter((f) => f.inScope) : [];
  const detail = detailRow === null ? null : inScope.find((f) => f.row === detailRow) ?? null;
  const showDetail = (f: FirmResult) => {
    setDetailRow(f.row);
    onSelect(f);
  };
  const dataSheets = sheets.filter((n) => n !== ACRE_RESULT_SHEET && n !== ACRE_PARAM_SHEET);
  const params = result?.paramsRead.params ?? defaultParams();
  return (
    <div className={s.root} aria-busy={busy}>
      <div className={s.controls}>
        <NamePicker label="数据表 (data sheet)" value={sheet} names={dataSheets} onChange={setSheet} labelSelect>
          {dataSheets.length === 0 ? <option value="">（无工作表）</option> : null}
        </NamePicker>
        <NamePicker label="上年结果表 (last year's result)" value={lastYear} names={sheets.filter((n) => n !== sheet && n !== ACRE_PARAM_SHEET)} onChange={setLastYear} labelSelect>
          <option value="">不比较 (none)</option>
        </NamePicker>
      </div>
      {port.kind === "excel" ? (
        <Checkbox
          checked={asFormulas}
          onChange={(_, d) => setAsFormulas(!!d.checked)}
          label="指标列写为 JX 公式（按 Excel 显示语言的函数名）(write indicator columns as JX formulas)"
        />
      ) : null}
      <div className={s.controls}>
        <Button appearance="primary" onClick={() => void evaluate()} disabled={busy || !sheet}>
          评价 (evaluate)
        </Button>
        <Button onClick={() => void template()} disabled={busy}>
          创建模板 (template)
        </Button>
      </div>
      <StatusArea busy={busy} busyLabel="正在处理… (working…)" error={error} status={status} errorTestId="error" statusTestId="status" multiline />
      {result && ev ? (
        <>
          <Text size={200} className={s.muted} data-testid="params-line">
            参数 (parameters)：{paramsLine(ev.params)}
          </Text>
          {!result.paramsRead.found ? (
            <MessageBar intent="info" layout="multiline" data-testid="no-params">
              <MessageBarBody>
                工作簿中没有“{ACRE_PARAM_SHEET}”亩均参数，本次使用默认参数；创建参数表后可修改权重、比例等并留存评价口径 (no per-mu parameters in the workbook: the defaults were used)
                <div>
                  <Button size="small" onClick={() => void onCreateParams()} disabled={busy}>
                    创建参数表 (create 参数)
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <NotesPanel
            groups={[
              { title: "参数表 (parameters)", notes: result.paramsRead.warnings },
              { title: "评价数据 (data)", notes: ev.notes },
              { title: "上年结果 (last year)", notes: result.lastYearError ? [result.lastYearError] : [] },
            ]}
          />
          <section className={s.section}>
            <Text weight="semibold">等级分布 (grades)</Text>
            <GradeBars evaluation={ev} />
            <PaneCharts charts={acreCharts(ev, result.comparison)} />
          </section>
          <section className={s.section}>
            <Text weight="semibold">全县汇总，合计数之比 (county aggregates, ratios of sums)</Text>
            <AggregatesTable evaluation={ev} />
          </section>
          <section className={s.section}>
            <Text weight="semibold">
              未参评企业 (out of scope)：{outOfScope.length} 户
            </Text>
            <OutOfScopeList firms={outOfScope} onSelect={onSelect} />
          </section>
          <section className={s.section}>
            <Text weight="semibold">
              定档调档 (adjustments)：{inScope.filter((f) => f.adjustment).length} 户
            </Text>
            <AdjustedList firms={inScope} onSelect={showDetail} />
          </section>
          <section className={s.section}>
            <Select
              size="small"
              aria-label="企业明细 (firm detail)"
              value={detailRow === null ? "" : String(detailRow)}
              onChange={(_, d) => setDetailRow(d.value ? Number(d.value) : null)}
            >
              <option value="">企业明细：选择企业 (firm detail)</option>
              {inScope.map((f) => (
                <option key={f.row} value={String(f.row)}>
                  {f.name}（{f.grade ?? (f.adjustment?.kind === "ungraded" ? "不定等级" : "—")}）
                </option>
              ))}
            </Select>
            {detail ? <FirmDetail firm={detail} /> : null}
          </section>
          {result.comparison ? (
            <section className={s.section}>
              <Text weight="semibold">与上年比较 (compared with last year)</Text>
              <ComparisonView comparison={result.comparison} />
            </section>
          ) : null}
          <section className={s.section}>
            <Text weight="semibold">政策导向 (policy hints)</Text>
            <HintsEditor
              hints={params.hints}
              counts={ev.pools.reduce((acc, p) => {
                for (const g of ["A", "B", "C", "D"] as Grade[]) acc[g] += ev.grades[p]![g];
                return acc;
              }, { A: 0, B: 0, C: 0, D: 0 } as Record<Grade, number>)}
              onSave={(h) => void onSaveHints(h)}
              busy={busy}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
