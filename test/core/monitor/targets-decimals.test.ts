/**
 * % rows typed as decimals (review of issue #7): typing "8%" in Excel stores 0.08, and rates are
 * decimals in cells (domain.md). A row whose 年度目标 is a plain number strictly between −1 and 1
 * is read as decimals; 8 and "8%" keep their meaning.
 */
import { readTargets, Targets, targetValue } from "../../../src/core/monitor/targets";
import { analyzeMonth } from "../../../src/core/monitor/analyze";

function read(values: unknown[][]): Targets {
  const t = readTargets({ name: "目标", startRow: 1, startCol: 1, values: values as never });
  if ("error" in t) throw new Error(t.error);
  return t;
}

const HEADER = ["指标", "类型", "年度目标", "单位", "1-本月完成"];

test("0.08 and 0.059 under % are 8% and 5.9%; 8 and 5.9 too; 8% text as well", () => {
  const t = read([HEADER, ["工业增加值增速", "增速", 0.08, "%", 0.059], ["技改投资增速", "增速", 15, "%", 16.8], ["工业投资增速", "增速", "15%", "%", 25.9]]);
  expect(targetValue(t, "工业增加值增速")).toBe(0.08);
  expect(targetValue(t, "工业增加值增速", "actual")).toBe(0.059);
  expect(targetValue(t, "技改投资增速")).toBe(0.15);
  expect(targetValue(t, "技改投资增速", "actual")).toBeCloseTo(0.168, 12);
  expect(targetValue(t, "工业投资增速")).toBe(0.15);
  expect(targetValue(t, "工业投资增速", "actual")).toBeCloseTo(0.259, 12);
});

test("the seed's +0.1% value-added growth typed 0.1 against a target of 8 stays 0.001", () => {
  const t = read([HEADER, ["工业增加值增速", "增速", 8, "%", 0.1]]);
  expect(targetValue(t, "工业增加值增速", "actual")).toBeCloseTo(0.001, 12);
});

test("a decimal 增速 row gives gap = actual − target in decimal points, rate null", () => {
  const targets = read([HEADER, ["工业增加值增速", "增速", 0.08, "%", 0.059]]);
  const r = analyzeMonth({ current: { month: 10, sheet: "10月", firms: [], has: {} }, earlier: [], targets });
  const row = r.targets.find((x) => x.name === "工业增加值增速")!;
  expect(row).toMatchObject({ kind: "增速", actual: 0.059, target: 0.08, rate: null });
  expect(row.gap).toBeCloseTo(-0.021, 12);
});
