/** A chart Jingxin draws over a sheet's own data (the 培育库汇总 and 运行分析 sheets). */
export interface ChartSpec {
  /** Stable name: a chart with the same name on the sheet is replaced (refreshed in place). */
  name: string;
  type: "column" | "line" | "bar";
  title: string;
  /** A1 range of the data on the same sheet, header row first, first column = categories. */
  dataRange: string;
  /** Top-left anchor cell. */
  anchor: string;
}

/**
 * A chart drawn in the task pane (every host: Excel, the workbench, WPS): categories along the
 * axis, one value per category for each series, and its text alternative — a title and a
 * summary sentence that says what the picture shows, for readers who cannot see it.
 */
export interface PaneChart {
  /** Stable id (test id and React key). */
  id: string;
  title: string;
  summary: string;
  /** The unit of the values, shown on the axis ("亿元", "%", "户"). */
  unit: string;
  categories: string[];
  /** `tone` names a meaning the colour must carry (the appeals cards are blue, yellow, red). */
  series: Array<{ name: string; values: Array<number | null>; tone?: "blue" | "yellow" | "red" }>;
}
