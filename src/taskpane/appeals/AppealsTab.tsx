/**
 * Tab 企业诉求: the appeals register as of a date — cards (total, closed, rate, open, 蓝/黄/红,
 * satisfaction), the overdue list by card (click → select the 编号 cell), the per-unit table and
 * the 会商清单; 写入分析表 writes 诉求分析 (+ a native chart in Excel); 标记超期 / 清除标记 colour
 * and restore the overdue 编号 cells; 新建诉求台账 writes the missing template sheets.
 * All workbook access goes through actions.ts over the port.
 */
import * as React from "react";
import type { JSX } from "react";
import { Badge, Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { APPEALS_ANALYSIS_SHEET, AppealsLoaded, isoDateSerial, overdueList, rateText } from "../../core/appeals";
import type { Appeal } from "../../core/appeals";
import { serialToIso } from "../../core/table";
import { Metric } from "../monitor/MonitorViews";
import { NamePicker } from "../shared/NamePicker";
import { Status, StatusArea } from "../shared/StatusArea";
import { analyseInWorkbook, createTemplate, defaultRegister, idCell, markOverdue, writeAnalysis } from "./actions";
import { appealsCharts } from "../../core/appeals/charts";
import { PaneCharts } from "../shared/PaneCharts";
import { NotesPanel } from "../shared/NotesPanel";
import { useWork } from "../shared/useWork";
import { todayIso } from "../../core/table/dates";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  controls: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "flex-end" },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: "8px" },
  section: { display: "flex", flexDirection: "column", rowGap: "6px" },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: "auto" },
  item: { justifyContent: "flex-start", textAlign: "left", height: "auto", paddingTop: "4px", paddingBottom: "4px", width: "100%" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
});

const CARD_COLOR = { 蓝牌: "brand", 黄牌: "warning", 红牌: "danger" } as const;


function AppealButton({ a, onSelect }: { a: Appeal; onSelect: (a: Appeal) => void }): JSX.Element {
  const s = useStyles();
  return (
    <Button appearance="subtle" className={s.item} onClick={() => onSelect(a)} data-testid={`appeal-${a.row}`}>
      {a.card ? (
        <Badge color={CARD_COLOR[a.card]} appearance="filled">
          {a.card}
        </Badge>
      ) : (
        <Badge color="informative">{a.status}</Badge>
      )}
      &nbsp;{a.id} {a.firm}（{a.category ?? "未分类"}）{a.card ? ` 超期 ${a.overdueDays} 天` : ""} · 期限 {a.due === null ? "—" : serialToIso(a.due)} · 第 {a.row} 行
    </Button>
  );
}

export function AppealsTab({ port }: { port: WorkbookPort }): JSX.Element {
  const s = useStyles();
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState("");
  const [asOf, setAsOf] = React.useState(todayIso);
  const [loaded, setLoaded] = React.useState<AppealsLoaded | null>(null);
  const { busy, track } = useWork();
  const [error, setError] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [marked, setMarked] = React.useState<string | null>(null);

  const guard = (what: () => Promise<void>) =>
    track(async () => {
      try {
        await what();
      } catch (e) {
        setError(`操作失败 (failed)：${e instanceof Error ? e.message : String(e)}`);
      }
    });

  const run = React.useCallback(
    async (choice: { sheet: string; asOf: string }) => {
      setError(null);
      const serial = isoDateSerial(choice.asOf);
      if (serial === null) {
        setError(`统计日期应为 YYYY-MM-DD，而不是“${choice.asOf}” (the as-of date must be YYYY-MM-DD)`);
        return;
      }
      const names = (await port.listSheets()).filter((n) => n !== APPEALS_ANALYSIS_SHEET);
      setSheets(names);
      let target = choice.sheet;
      if (!target || !names.includes(target)) {
        target = defaultRegister(await port.readSheets(names)) ?? "";
        setSheet(target);
      }
      if (!target) {
        setLoaded(null);
        setError("工作簿中没有诉求台账；可点“新建诉求台账” (no appeals register in the workbook; use 新建诉求台账)");
        return;
      }
      const out = await analyseInWorkbook(port, target, serial);
      if ("error" in out) {
        setLoaded(null);
        setError(out.error);
      } else setLoaded(out);
    },
    [port],
  );

  React.useEffect(() => {
    void track(() => run({ sheet: "", asOf: todayIso() }).catch((e) => setError(`读取工作簿失败 (cannot read the workbook)：${e instanceof Error ? e.message : String(e)}`)));
  }, [run, track]);

  const select = (a: Appeal) =>
    loaded && port.selectCell(loaded.result.sheet, idCell(loaded, a.row)).catch((e) => setError(`无法选中单元格 (cannot select)：${e instanceof Error ? e.message : e}`));

  const write = () =>
    guard(async () => {
      if (!loaded) return;
      const chart = await writeAnalysis(port, loaded);
      setStatus({
        intent: "success",
        text: chart
          ? `已写入“${APPEALS_ANALYSIS_SHEET}”并更新按承办单位的图表 (sheet and chart updated)`
          : `已写入“${APPEALS_ANALYSIS_SHEET}”工作表 (sheet written; the native chart is drawn in Excel)`,
      });
    });

  const mark = () =>
    guard(async () => {
      if (!loaded) return;
      const n = await markOverdue(port, loaded);
      setMarked(loaded.result.sheet);
      setStatus({ intent: "info", text: `已标记 ${n} 个超期诉求的编号单元格（蓝、黄、红）(overdue 编号 cells coloured by card)` });
    });

  const clear = () =>
    guard(async () => {
      if (!marked) return;
      await port.clearHighlight(marked);
      setMarked(null);
      setStatus({ intent: "info", text: "已恢复原有格式 (previous fills restored)" });
    });

  const template = () =>
    guard(async () => {
      const r = await createTemplate(port);
      setStatus({
        intent: "success",
        text: `${r.created.length ? `已新建：${r.created.join("、")}` : "无需新建"}${r.existed.length ? `；已存在（未改动）：${r.existed.join("、")}` : ""} (template sheets created; existing ones left alone)`,
      });
      await run({ sheet: "", asOf });
    });

  const r = loaded?.result;
  const d = r?.params.rateDecimals ?? 1;
  const overdue = r ? overdueList(r) : [];
  return (
    <div className={s.root} aria-busy={busy}>
      <div className={s.controls}>
        <NamePicker label="诉求台账 (register)" value={sheet} names={sheets} onChange={(v) => { setSheet(v); void guard(() => run({ sheet: v, asOf })); }} labelSelect />
        <Field label="统计日期 (as of)">
          <Input type="date" value={asOf} onChange={(_, v) => setAsOf(v.value)} aria-label="统计日期 (as of)" style={{ width: 150 }} />
        </Field>
        <Button appearance="primary" onClick={() => void guard(() => run({ sheet, asOf }))} disabled={busy}>
          分析 (analyse)
        </Button>
      </div>
      <div className={s.controls}>
        <Button onClick={() => void write()} disabled={busy || !loaded}>
          写入分析表 (write 诉求分析)
        </Button>
        <Button onClick={() => void mark()} disabled={busy || !loaded || overdue.length === 0}>
          标记超期 (mark overdue)
        </Button>
        <Button onClick={() => void clear()} disabled={busy || !marked}>
          清除标记 (clear)
        </Button>
        <Button onClick={() => void template()} disabled={busy}>
          新建诉求台账 (new register)
        </Button>
      </div>
      <StatusArea busy={busy} busyLabel="正在分析… (analysing…)" error={error} status={status} statusTestId="appeals-status" multiline />
      {r && loaded ? (
        <>
          <Text size={200} className={s.muted} data-testid="appeals-line">
            截至 {serialToIso(r.asOf)} · 工作表“{r.sheet}” · 按{r.params.mode}计 · 办结率截尾书写
          </Text>
          <div className={s.grid} aria-label="诉求概况 (summary)">
            <Metric testid="appeals-total" title="诉求总数 (total)" value={String(r.total)} />
            <Metric testid="appeals-closed" title="已办结 (closed)" value={String(r.closed)} sub={`超期办结 ${r.closedLate}`} />
            <Metric testid="appeals-rate" title="办结率 (closure rate)" value={rateText(r.closureRate, d)} />
            <Metric testid="appeals-open" title="未办结 (open)" value={String(r.open)} sub={`其中退回重办 ${r.returned}`} />
            <Metric testid="appeals-cards" title="蓝 / 黄 / 红牌 (cards)" value={`${r.cards.蓝牌} / ${r.cards.黄牌} / ${r.cards.红牌}`} />
            <Metric testid="appeals-satisfaction" title="满意率 (satisfaction)" value={rateText(r.satisfaction.rate, d)} sub={`测评 ${r.satisfaction.surveyed}，满意 ${r.satisfaction.satisfied}`} />
          </div>
          <section className={s.section} aria-label="图表 (charts)">
            <PaneCharts charts={appealsCharts(r)} />
          </section>
          <section className={s.section} aria-label="超期未办结 (overdue)">
            <Text weight="semibold">超期未办结（按督办牌）：点击选中编号单元格 (overdue by card: click to select)</Text>
            {overdue.length ? (
              <ul className={s.list}>
                {overdue.map((a) => (
                  <li key={a.row}>
                    <AppealButton a={a} onSelect={(x) => void select(x)} />
                  </li>
                ))}
              </ul>
            ) : (
              <Text size={200}>（无超期未办结诉求）(none)</Text>
            )}
          </section>
          <section className={s.section} aria-label="按承办单位 (by unit)">
            <Text weight="semibold">按承办单位 (by unit)</Text>
            <div className={s.scroll}>
              <Table size="extra-small" aria-label="按承办单位 (by unit)">
                <TableHeader>
                  <TableRow>
                    {["承办单位", "总数", "已办结", "办结率", "未办结", "蓝", "黄", "红", "平均办结天数", "退回重办"].map((h) => (
                      <TableHeaderCell key={h}>{h}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.byUnit.map((u) => (
                    <TableRow key={u.key}>
                      <TableCell>{u.key}</TableCell>
                      <TableCell>{u.total}</TableCell>
                      <TableCell>{u.closed}</TableCell>
                      <TableCell>{rateText(u.closureRate, d)}</TableCell>
                      <TableCell>{u.open}</TableCell>
                      <TableCell>{u.cards.蓝牌}</TableCell>
                      <TableCell>{u.cards.黄牌}</TableCell>
                      <TableCell>{u.cards.红牌}</TableCell>
                      <TableCell>{u.avgDaysToClose === null ? "—" : u.avgDaysToClose.toFixed(1)}</TableCell>
                      <TableCell>{u.returned}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
          <section className={s.section} aria-label="会商清单 (consultation list)">
            <Text weight="semibold">会商清单：未办结红牌、黄牌及全部退回重办 (weekly consultation list)</Text>
            {r.consult.length ? (
              r.consult.map((g) => (
                <div key={g.unit}>
                  <Text size={200} weight="semibold">
                    {g.unit}（{g.appeals.length} 件）
                  </Text>
                  <ul className={s.list}>
                    {g.appeals.map((a) => (
                      <li key={a.row}>
                        <AppealButton a={a} onSelect={(x) => void select(x)} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            ) : (
              <Text size={200}>（无）(none)</Text>
            )}
          </section>
          {r.byCategory.some((c) => c.recurring) ? (
            <section className={s.section} aria-label="一类问题 (recurring)">
              <Text weight="semibold">一类问题（同类 ≥ {r.params.recurringMin} 件）(recurring categories)</Text>
              {r.byCategory
                .filter((c) => c.recurring)
                .map((c) => (
                  <Text key={c.key} size={200}>
                    {c.key} {c.total} 件：{c.firms.join("、")}
                  </Text>
                ))}
            </section>
          ) : null}
          <NotesPanel
            groups={[
              { title: "读取台账 (reading the register)", notes: loaded.notes },
              { title: "诉求数据 (appeals data)", notes: r.notes },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}

export default AppealsTab;
