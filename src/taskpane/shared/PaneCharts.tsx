/**
 * Pane charts (Fluent UI's @fluentui/react-charts, SVG): each in a <figure> whose caption is its
 * text alternative — the title and a summary sentence — so the chart is never the only way to
 * read it. Sized for a 320 px pane. If a chart cannot be drawn, the caption stays.
 */
import * as React from "react";
import type { JSX } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { GroupedVerticalBarChart, GroupedVerticalBarChartData } from "@fluentui/react-charts";
import type { PaneChart } from "../../core/chart";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: "4px", maxWidth: "100%", overflow: "hidden" },
  caption: { display: "flex", flexDirection: "column", rowGap: "2px" },
  summary: { color: tokens.colorNeutralForeground3 },
});

const COLORS = [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteMarigoldBorderActive, tokens.colorPaletteGreenBorderActive, tokens.colorPaletteRedBorderActive];
const TONE = { blue: tokens.colorPaletteBlueBorderActive, yellow: tokens.colorPaletteYellowBorderActive, red: tokens.colorPaletteRedBorderActive };
/** Pane content width at 320 px, less the pane's padding. */
const WIDTH = 280;

class Boundary extends React.Component<{ children: React.ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function toChartData(c: PaneChart): GroupedVerticalBarChartData[] {
  return c.categories.map((name, i) => ({
    name,
    series: c.series.map((s, k) => ({
      key: `${c.id}-${k}`,
      data: s.values[i] ?? 0,
      legend: s.name,
      color: s.tone ? TONE[s.tone] : COLORS[k % COLORS.length],
      yAxisCalloutData: s.values[i] === null ? "无数据 (no data)" : `${s.values[i]}${c.unit}`,
    })),
  }));
}

export function PaneChartView({ chart }: { chart: PaneChart }): JSX.Element {
  const s = useStyles();
  return (
    <figure className={s.figure} aria-label={chart.title} data-testid={`chart-${chart.id}`}>
      <Boundary>
        <GroupedVerticalBarChart data={toChartData(chart)} width={WIDTH} height={200} hideLegend={chart.series.length < 2} wrapXAxisLables />
      </Boundary>
      <figcaption className={s.caption}>
        <Text size={200} weight="semibold">
          {chart.title}
        </Text>
        <Text size={200} className={s.summary} data-testid={`chart-summary-${chart.id}`}>
          {chart.summary}
        </Text>
      </figcaption>
    </figure>
  );
}

export function PaneCharts({ charts }: { charts: PaneChart[] }): JSX.Element | null {
  if (!charts.length) return null;
  return (
    <>
      {charts.map((c) => (
        <PaneChartView key={c.id} chart={c} />
      ))}
    </>
  );
}
