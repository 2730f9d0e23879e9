import type { AcreFirmInput } from "../../../src/core/acre/evaluate";
/** A small per-mu table (亩均数据), shared by the CLI and pane tests. */

export const HEADER = ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员"];

// Σland 40, Σtax 240 → 亩均税收 6; 规下: Σtax 120 / Σland 20 → 6
export const small = [
  HEADER,
  ["甲", "A1", "规上", 10, 100, 1000, 300, 1000, 10],
  ["乙", "B2", "规上", 20, 100, 3000, 300, 1000, 20],
  ["丙", "C3", "规上", 10, 40, 1000, 200, 500, 10],
  ["零能耗", "Z9", "规上", 10, 50, 500, 100, 0, 5],
  ["丁", null, "规下", 10, 80, 300, null, null, null],
  ["戊", null, "规下", 10, 40, 300, null, null, null],
  ["小厂", null, "规下", 2, 10, 100, null, null, null],
];

/** A 规上 firm for hand-computed pools. */
export const above = (name: string, land: number | null, tax: number | null, revenue: number | null, valueAdded: number | null, energy: number | null, employees: number | null): AcreFirmInput => ({
  name,
  scale: "规上",
  land,
  tax,
  revenue,
  valueAdded,
  energy,
  employees,
});

// Hand-computed pool: Σland 40, Σtax 240, Σrevenue 5000, Σvalue added 800, Σenergy 2500, Σemployees 40
// → benchmarks 亩均税收 6, 亩均营业收入 125, 单位能耗税收 0.096, 全员劳动生产率 20.
export const threeAbove = [above("甲", 10, 100, 1000, 300, 1000, 10), above("乙", 20, 100, 3000, 300, 1000, 20), above("丙", 10, 40, 1000, 200, 500, 10)];
