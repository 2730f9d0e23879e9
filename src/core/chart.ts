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
