/**
 * The 培育库 tab: summary cards, the firm list (filters, sort by gap, at-risk flag, progress
 * toward 2000 万), the per-leader view, actions written back with a 变动记录 row each (and
 * undo), the 新建培育库模板 button and the 培育库汇总 export (native charts where the port can).
 * Everything goes through the port; the numbers come from src/core/pool.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { filterOptions, PoolFilter, PoolFirm, exportModel } from "../../core/pool/analyze";
import { changeTier, ChangeRecord, isActionError, markEntered, PoolChangePlan, removeFromPool, undoChange, ActionError } from "../../core/pool/actions";
import { POOL_SHEET, POOL_TIERS, SUMMARY_SHEET, poolTemplate } from "../../core/pool/spec";
import { applyPlan, fmt, listModel, loadPool, PoolLoad, today as todayDefault, FirmRowModel } from "./model";
import { SummaryCards } from "./SummaryCards";
import { FirmGrid, SortState } from "./FirmGrid";
import { LeaderPanel } from "./LeaderPanel";
import { ChangeLogPanel } from "./ChangeLogPanel";
import { NamePicker } from "../shared/NamePicker";
import { Status, StatusBar } from "../shared/StatusArea";
import type { MonthSource } from "../../core/pool/types";

const MONTH_SOURCE: Record<MonthSource, string> = {
  option: "月份为所填月份",
  column: "月份取自“月份”列",
  above: "月份取自表头上方的单元格",
  sheet: "月份取自工作表名",
  data: "月份取最后有数据的月份",
};
import { poolCharts } from "../../core/pool/charts";
import { PaneCharts } from "../shared/PaneCharts";
import { useWork } from "../shared/useWork";

const PAGE = 100;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  charts: { display: "flex", flexDirection: "column", rowGap: "8px" },
  bar: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "end" },
  filter: { minWidth: "110px", flexGrow: 1 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "end", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  muted: { color: tokens.colorNeutralForeground3 },
});

type View = "list" | "leaders" | "log";

const ALL = "";

export function PoolTab({ port, today = todayDefault }: { port: WorkbookPort; today?: () => string }): React.JSX.Element {
  const s = useStyles();
  const [load, setLoad] = React.useState<PoolLoad | null>(null);
  const [filter, setFilter] = React.useState<PoolFilter>({});
  const [sort, setSort] = React.useState<SortState>({ key: "gap", dir: "asc" });
  const [selected, setSelected] = React.useState<string | null>(null);
  const [view, setView] = React.useState<View>("list");
  const { busy, track } = useWork();
  const [message, setMessage] = React.useState<Status>(null);
  const [reason, setReason] = React.useState("");
  const [tier, setTier] = React.useState<string>(POOL_TIERS[0]);
  const [limit, setLimit] = React.useState(PAGE);
  /** The 入规截止月份 box as typed ("" = the workbook's 参数/目标 row, else 12). */
  const [byMonthText, setByMonthText] = React.useState("");
  const [byMonth, setByMonth] = React.useState<number | undefined>(undefined);

  const reload = React.useCallback(
    () =>
      track(async () => {
        try {
          setLoad(await loadPool(port, byMonth === undefined ? {} : { byMonth }));
        } catch (e) {
          setLoad({ ok: false, noPool: false, error: `读取工作簿失败 (cannot read the workbook)：${e instanceof Error ? e.message : String(e)}` });
        }
      }),
    [port, byMonth, track],
  );

  React.useEffect(() => {
    void reload();
  }, [reload]);

  const run = (what: () => Promise<string | null>) =>
    track(async () => {
      setMessage(null);
      try {
        const ok = await what();
        if (ok) setMessage({ intent: "success", text: ok });
      } catch (e) {
        setMessage({ intent: "error", text: `操作失败 (failed)：${e instanceof Error ? e.message : String(e)}` });
      }
    });

  const createTemplate = () =>
    run(async () => {
      if ((await port.listSheets()).includes(POOL_SHEET)) {
        setMessage({ intent: "warning", text: `“${POOL_SHEET}”工作表已存在，未覆盖 (the sheet exists; not overwritten)` });
        return null;
      }
      const t = poolTemplate();
      await port.writeSheet(POOL_SHEET, t.rows, { tableName: POOL_SHEET, numberFormats: t.numberFormats, validationLists: t.validationLists, activate: true });
      await reload();
      return `已新建“${POOL_SHEET}”模板 (template created)`;
    });

  if (load === null)
    return (
      <div aria-busy>
        <Spinner size="small" label="正在读取培育库… (reading the pool…)" />
      </div>
    );

  if (!load.ok) {
    return (
      <div className={s.root} aria-busy={busy}>
        <StatusBar status={{ intent: load.noPool ? "info" : "error", text: load.error }} />
        {load.noPool ? (
          <Button appearance="primary" disabled={busy} onClick={createTemplate}>
            新建培育库模板 (new pool template)
          </Button>
        ) : null}
        <Button disabled={busy} onClick={() => void reload()}>
          重新读取 (reload)
        </Button>
        <StatusBar status={message} />
      </div>
    );
  }

  const { report, log, logError } = load.data;
  const options = filterOptions(report.firms);
  const list = listModel(report, filter, sort, limit);
  const firm: PoolFirm | null = selected === null ? null : report.firms[Number(selected)] ?? null;

  const selectFirm = (f: PoolFirm) => {
    setSelected(String(f.index));
    setTier(POOL_TIERS[(POOL_TIERS.indexOf(f.tier as (typeof POOL_TIERS)[number]) + 1) % POOL_TIERS.length]);
    port.selectCell(report.table.sheet, report.table.address(f.row, "name")).catch(() => undefined);
  };

  const act = (make: () => PoolChangePlan | ActionError, done: string) =>
    run(async () => {
      const plan = make();
      if (isActionError(plan)) {
        setMessage({ intent: "error", text: plan.error });
        return null;
      }
      await applyPlan(port, plan);
      setReason("");
      await reload();
      return done;
    });

  const undo = (r: ChangeRecord) => act(() => undoChange(report.table, report.firms, r, today()), `已撤销 ${r.firm} 的“${r.field}”变动 (undone)`);

  const exportSummary = () =>
    run(async () => {
      const e = exportModel(report);
      await port.writeSheet(SUMMARY_SHEET, e.rows, { numberFormats: e.numberFormats });
      if (port.canChart && port.upsertChart) {
        for (const c of e.charts) await port.upsertChart(SUMMARY_SHEET, c);
        return `已导出“${SUMMARY_SHEET}”并刷新图表 (exported with charts)`;
      }
      return `已导出“${SUMMARY_SHEET}”。图表在 Excel 中用本加载项打开时生成 (exported; the chart appears when the workbook is opened with the add-in in Excel)`;
    });

  /** A typed deadline is used once it is an integer from the report month to 12; otherwise the field says why. */
  const byMonthError = (() => {
    const t = byMonthText.trim();
    if (t === "") return null;
    const n = Number(t);
    return Number.isInteger(n) && n >= report.month && n <= 12 ? null : `应为 ${report.month}–12 的整数 (an integer ${report.month}–12)`;
  })();
  const onByMonth = (value: string) => {
    setByMonthText(value);
    const t = value.trim();
    const n = Number(t);
    if (t === "") setByMonth(undefined);
    else if (Number.isInteger(n) && n >= report.month && n <= 12) setByMonth(n);
  };
  const BY_MONTH_FROM = { option: "本框", params: "参数表", targets: "目标表", default: "默认" } as const;

  const setF = (k: keyof PoolFilter) => (value: string) => {
    setFilter((f) => ({ ...f, [k]: value === ALL ? null : value }));
    setLimit(PAGE);
  };

  const select = (label: string, key: "tier" | "leader" | "town" | "status", values: string[]) => (
    <NamePicker label={label} value={(filter[key] as string | null | undefined) ?? ALL} names={values} onChange={setF(key)} labelSelect className={s.filter}>
      <option value={ALL}>全部 (all)</option>
    </NamePicker>
  );

  return (
    <div className={s.root} aria-busy={busy}>
      <SummaryCards report={report} />
      <div className={s.bar}>
        <Button size="small" disabled={busy} onClick={exportSummary}>
          导出培育库汇总 (export summary)
        </Button>
        <Button size="small" disabled={busy} onClick={() => void reload()}>
          刷新 (refresh)
        </Button>
        <Field
          label="入规截止月份 (deadline month)"
          validationState={byMonthError ? "error" : "none"}
          validationMessage={byMonthError ?? `当前 ${report.byMonth} 月（${BY_MONTH_FROM[report.byMonthSource]}）`}
        >
          <Input size="small" type="number" min={report.month} max={12} value={byMonthText} placeholder={String(report.byMonth)} onChange={(_, d) => onByMonth(d.value)} style={{ width: "80px" }} data-testid="by-month" />
        </Field>
        <Text size={200} className={s.muted}>
          {MONTH_SOURCE[report.monthSource]} · 推算：{report.firms.some((f) => f.method === "seasonal") ? "按上年季节 (seasonal)" : "按序时 (run-rate)"}
        </Text>
      </div>
      <StatusBar status={message} testId="pool-message" />
      <StatusBar status={report.netFigure.mismatch ? { intent: "warning", text: report.netFigure.mismatch } : null} testId="net-mismatch" />
      <section className={s.charts} aria-label="图表 (charts)">
        <PaneCharts charts={poolCharts(report)} />
      </section>
      {report.notes.length ? (
        <details>
          <summary>
            <Text size={200}>数据提示 {report.notes.length} 条 (notes)</Text>
          </summary>
          <ul>
            {report.notes.slice(0, 50).map((n, i) => (
              <li key={i}>
                <Text size={200}>{n}</Text>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <TabList size="small" selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)}>
        <Tab value="list">企业列表</Tab>
        <Tab value="leaders">包保领导</Tab>
        <Tab value="log">变动记录 ({log.length})</Tab>
      </TabList>

      {view === "list" ? (
        <>
          <div className={s.bar}>
            {select("层级", "tier", options.tiers)}
            {select("包保领导", "leader", options.leaders)}
            {select("乡镇/园区", "town", options.towns)}
            {select("状态", "status", options.statuses)}
            <Switch label="只看预警 (at risk)" checked={!!filter.atRiskOnly} onChange={(_, d) => setFilter((f) => ({ ...f, atRiskOnly: d.checked }))} />
          </div>
          {firm ? (
            <div className={s.actions} aria-label="操作 (actions)">
              <Text weight="semibold">
                {firm.name}（{firm.status}，{firm.tier ?? "未填层级"}）
              </Text>
              <Text size={200} data-testid="firm-figures">
                1-本月 {fmt(firm.ytd)} 万元 · 预计全年 {fmt(firm.projection)} 万元 · 本年月均 {fmt(firm.avgPerMonth)} 万元 · 包保领导 {firm.leader ?? "—"}
                {firm.town ? ` · ${firm.town}` : ""}
              </Text>
              {firm.measured && firm.status === "培育中" ? (
                <Text size={200} data-testid="firm-pace">
                  {firm.reached
                    ? "已达规模标准，可申报入规 (reached the line: apply)"
                    : firm.neededPerMonth === null
                      ? `已到入规截止月份 ${report.byMonth} 月，尚差 ${fmt(report.threshold - firm.ytd)} 万元 (the deadline month has come)`
                      : `至 ${report.byMonth} 月尚需月均 ${fmt(firm.neededPerMonth)} 万元，本年月均 ${fmt(firm.avgPerMonth)} 万元 (needs ${fmt(firm.neededPerMonth)} a month, averages ${fmt(firm.avgPerMonth)})`}
                  {firm.lastYearAbove ? "；上年营业收入已超 2000 万，应核实申报 (last year above the line)" : ""}
                </Text>
              ) : !firm.measured ? (
                <Text size={200} data-testid="firm-pace">
                  按本层级标准跟踪，不以 2000 万衡量 (own criteria)：增速 {firm.growth === null ? "—（需上年营业收入）" : `${(firm.growth * 100).toFixed(1)}%`}
                  {firm.rdShare === null ? "" : `，研发经费占比 ${(firm.rdShare * 100).toFixed(1)}%`}
                </Text>
              ) : null}
              <Button size="small" disabled={busy || firm.status === "已入规"} onClick={() => act(() => markEntered(report.table, firm, today()), `${firm.name} 已标记为已入规 (marked)`)}>
                标记已入规
              </Button>
              <Field label="退库原因 (reason)">
                <Input size="small" value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Button size="small" disabled={busy || firm.status === "退库"} onClick={() => act(() => removeFromPool(report.table, firm, reason, today()), `${firm.name} 已退库 (removed)`)}>
                退库
              </Button>
              <NamePicker label="新层级 (tier)" value={tier} names={POOL_TIERS} onChange={setTier} size="small" />
              <Button size="small" disabled={busy} onClick={() => act(() => changeTier(report.table, firm, tier, today(), reason), `${firm.name} 层级改为 ${tier} (tier changed)`)}>
                调整层级
              </Button>
            </div>
          ) : (
            <Text size={200} className={s.muted}>
              点击企业可在表中定位并进行操作 (click a firm to select its row and act on it)
            </Text>
          )}
          <FirmGrid rows={list.rows} sort={sort} onSort={setSort} selected={selected} onSelect={(r: FirmRowModel) => selectFirm(r.firm)} />
          <Text size={200} className={s.muted} data-testid="list-count">
            显示 {list.rows.length} / {list.matched} 家 (shown / matching)，共 {report.firms.length} 家
          </Text>
          {list.rows.length < list.matched ? (
            <Button size="small" onClick={() => setLimit((l) => l + PAGE)}>
              显示更多 (more)
            </Button>
          ) : null}
        </>
      ) : null}
      {view === "leaders" ? <LeaderPanel leaders={report.leaders} onSelect={selectFirm} /> : null}
      {view === "log" ? <ChangeLogPanel log={log} error={logError} busy={busy} onUndo={undo} /> : null}
    </div>
  );
}

export default PoolTab;
