/** Summary cards: firms per tier and status, projected to cross, 新增/退库/退规, 净增 vs target. */
import * as React from "react";
import { Card, Text, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { PoolReport } from "../../core/pool/analyze";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: "8px" },
  card: { padding: "8px 10px", rowGap: "2px" },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  line: { display: "flex", justifyContent: "space-between", columnGap: "8px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

function Counts({ title, counts, testid }: { title: string; counts: Record<string, number>; testid: string }) {
  const s = useStyles();
  return (
    <Card className={s.card} data-testid={testid}>
      <Text weight="semibold">{title}</Text>
      {Object.entries(counts).map(([k, n]) => (
        <div key={k} className={s.line}>
          <Text size={200}>{k}</Text>
          <Text size={200} weight="semibold">
            {n}
          </Text>
        </div>
      ))}
    </Card>
  );
}

export function SummaryCards({ report }: { report: PoolReport }): React.JSX.Element {
  const s = useStyles();
  const sum = report.summary;
  const progress = sum.detail.progress;
  return (
    <div className={s.grid} aria-label="汇总 (summary)">
      <Counts title="按层级 (by tier)" counts={sum.byTier} testid="by-tier" />
      <Counts title="按状态 (by status)" counts={sum.byStatus} testid="by-status" />
      <Card className={s.card} data-testid="cross">
        <Text weight="semibold">拟进规预计年内入规 (projected to cross)</Text>
        <span className={s.big}>{sum.projectedToCross}</span>
        <Text size={200} data-testid="reached">
          已达标可申报 {sum.reached} 家 (reached) · 上年已超 2000 万 {sum.lastYearAbove} 家 (last year above)
        </Text>
        <Text size={200} className={s.muted}>
          预警 {sum.detail.atRisk} 家 (at risk) · 截至 {report.month} 月 · 入规截止 {report.byMonth} 月
        </Text>
      </Card>
      <Card className={s.card} data-testid="net">
        <Text weight="semibold">净增规上 (net new above-scale)</Text>
        <span className={s.big}>
          {sum.net} / {sum.target}
        </span>
        <ProgressBar value={progress === null ? 0 : Math.max(0, Math.min(1, progress))} thickness="large" color={progress !== null && progress >= 1 ? "success" : "brand"} aria-label="净增完成进度 (net vs target)" />
        <Text size={200} className={s.muted}>
          新增 {sum.added} − 退规 {sum.droppedOut} · 退库 {sum.removed}
        </Text>
        <Text size={200} className={s.muted} data-testid="net-source">
          来源 (source)：{report.netFigure.sourceText}
        </Text>
      </Card>
    </div>
  );
}
