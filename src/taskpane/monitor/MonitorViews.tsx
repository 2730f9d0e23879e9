/** The monitoring tab's views: totals, targets vs 序时进度, warnings, contribution. Props only, no port. */
import * as React from "react";
import {
  Badge,
  Button,
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import type { MonitorResult, Warning } from "../../core/monitor/analyze";
import { RULES } from "../../core/monitor/analyze";
import { SEVERITY_LABEL, targetMark } from "../../core/monitor/report";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: "8px" },
  card: { padding: "8px 10px", rowGap: "2px" },
  big: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  ahead: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  behind: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", rowGap: "6px", marginTop: "12px" },
  warning: { justifyContent: "flex-start", textAlign: "left", height: "auto", paddingTop: "4px", paddingBottom: "4px", width: "100%" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
});

export const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(digits)}%`);
export const pp = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} 个百分点`);
export const wan = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : x.toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export function Metric({ title, value, sub, testid }: { title: string; value: string; sub?: string; testid: string }) {
  const s = useStyles();
  return (
    <Card className={s.card} data-testid={testid}>
      <Text size={200}>{title}</Text>
      <span className={s.big}>{value}</span>
      {sub ? (
        <Text size={200} className={s.muted}>
          {sub}
        </Text>
      ) : null}
    </Card>
  );
}

export function TotalsCards({ result }: { result: MonitorResult }): React.JSX.Element {
  const s = useStyles();
  const t = result.totals;
  const c = result.concentration;
  return (
    <div className={s.grid} aria-label="全县合计 (county totals)">
      <Metric testid="output-month" title={`${result.month}月工业总产值 (output, 万元)`} value={wan(t.outputMonth)} sub={t.monthGrowth === null ? undefined : `同比 ${pct(t.monthGrowth)}`} />
      <Metric
        testid="output-ytd"
        title={`1-${result.month}月工业总产值 (YTD)`}
        value={wan(t.outputYtd)}
        sub={`同口径同比 ${pct(t.growth)}（${t.sameBasisFirms}/${t.firms} 户） (same-basis YoY)`}
      />
      <Metric testid="value-added" title="1-本月工业增加值 (value added)" value={wan(t.valueAddedYtd)} sub={t.valueAddedGrowthCurrentPrices === null ? undefined : `现价增速 ${pct(t.valueAddedGrowthCurrentPrices)}（非可比价 not comparable-price）`} />
      <Metric testid="revenue" title="1-本月营业收入 (revenue)" value={wan(t.revenueYtd)} sub={t.revenueGrowth === null ? undefined : `同比 ${pct(t.revenueGrowth)}`} />
      <Metric
        testid="concentration"
        title="集中度 (concentration)"
        value={`${pct(c.top1)} / ${pct(c.top5)}`}
        sub={`最大企业 ${c.top1Firm ?? "—"} / 前 5 户 (top 1 / top 5)`}
      />
    </div>
  );
}

export function TargetsTable({ result }: { result: MonitorResult }): React.JSX.Element {
  const s = useStyles();
  if (!result.targets.length) {
    return <Text className={s.muted}>没有目标表，可点击“新建目标表”创建 (no 目标 sheet: use 新建目标表)</Text>;
  }
  return (
    <Table size="small" aria-label="目标完成 (targets)">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>指标</TableHeaderCell>
          <TableHeaderCell>完成 / 目标</TableHeaderCell>
          <TableHeaderCell>完成率</TableHeaderCell>
          <TableHeaderCell>较序时 (gap)</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.targets.map((t) => {
          const mark = targetMark(t);
          const isRate = t.kind === "增速";
          return (
            <TableRow key={t.row} data-testid={`target-${t.name}`}>
              <TableCell>
                {t.name}
                {t.note ? (
                  <Text as="p" size={100} className={s.muted} data-testid="target-note" style={{ margin: 0 }}>
                    {mark.label}
                  </Text>
                ) : null}
              </TableCell>
              <TableCell>{isRate ? `${pct(t.actual)} / ${pct(t.target)}` : `${wan(t.actual)} / ${wan(t.target)} ${/^[户个家人项]$/.test(t.unit) ? t.unit : "万元"}`}</TableCell>
              <TableCell>{isRate ? "—" : pct(t.rate)}</TableCell>
              <TableCell>
                <span className={mark.ahead === null ? s.muted : mark.ahead ? s.ahead : s.behind} title={mark.label}>
                  {pp(t.gap)} {mark.ahead === null ? "" : mark.ahead ? "▲" : "▼"}
                </span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

const RULE_TITLE = new Map(RULES.map((r) => [r.id, r.title]));

export function WarningsList({ result, onSelect }: { result: MonitorResult; onSelect: (w: Warning) => void }): React.JSX.Element {
  const s = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const groups: Array<["error" | "warning", Warning[]]> = [
    ["error", result.warnings.filter((w) => w.severity === "error")],
    ["warning", result.warnings.filter((w) => w.severity === "warning")],
  ];
  return (
    <div aria-label="预警 (warnings)" {...arrows}>
      {result.warnings.length === 0 ? <Text>没有预警 (no warnings)</Text> : null}
      {groups
        .filter(([, ws]) => ws.length)
        .map(([sev, ws]) => (
          <div key={sev} data-testid={`warnings-${sev}`}>
            <Badge appearance="filled" color={sev === "error" ? "danger" : "warning"}>
              {SEVERITY_LABEL[sev]} {ws.length}
            </Badge>
            <ul className={s.list}>
              {ws.map((w) => (
                <li key={`${w.rule}-${w.row}`}>
                  <Button appearance="subtle" className={s.warning} onClick={() => onSelect(w)} title={`选中第 ${w.row} 行 (select row ${w.row})`}>
                    <span>
                      <Text weight="semibold">{w.firm}</Text> <Text size={200}>{w.message}</Text>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      {result.rulesSkipped.length ? (
        <ul className={s.list} aria-label="未运行的规则 (rules not run)">
          {result.rulesSkipped.map((r) => (
            <li key={r.rule}>
              <Text size={200} className={s.muted}>
                未运行 (not run)：{RULE_TITLE.get(r.rule)} — {r.reason}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ContributionTable({ result }: { result: MonitorResult }): React.JSX.Element {
  const top = result.contribution.slice(0, result.params.topN);
  return (
    <Table size="small" aria-label="增长贡献 (contribution)">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>企业</TableHeaderCell>
          <TableHeaderCell>占比</TableHeaderCell>
          <TableHeaderCell>贡献率</TableHeaderCell>
          <TableHeaderCell>拉动</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {top.map((c) => (
          <TableRow key={c.row}>
            <TableCell>{c.firm}</TableCell>
            <TableCell>{pct(c.share)}</TableCell>
            <TableCell>{pct(c.contribution)}</TableCell>
            <TableCell>{c.pull === null ? "—" : `${(c.pull * 100).toFixed(1)}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
