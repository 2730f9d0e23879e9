/**
 * A negative value in a column that cannot be negative (营业收入, 用地, 能耗, 人数 … — all but
 * 实缴税金) is read the same way by validation and evaluation (issue 11.9): validation reports it
 * as an 错误 (A-NEG), so the evaluation does not score it; it is unusable data named with its
 * cell, and 缺项处理 decides.
 *
 * Three 规上 firms on 10 亩 each, tax 100, value added 300, energy 50, 20 employees; revenue
 * 1000, 2000 and −500. Default weights 规上: 亩均税收 50, 亩均营收 25, 单位能耗税收 15, 劳动生产率 10.
 */
import { runAcre } from "../../../src/core/acre/run";
import { ACRE_TEMPLATE_HEADER } from "../../../src/core/acre/spec";
import { isUnusable, RULE_SETS, validateSheet } from "../../../src/core/validate";
import type { CellValue } from "../../../src/core/num";

const H = [...ACRE_TEMPLATE_HEADER] as string[];
const cell = (h: string, name: string, revenue: number): CellValue =>
  h.startsWith("企业名称") ? name : h.startsWith("规模") ? "规上" : h.startsWith("用地") ? 10 : h.startsWith("实缴") ? 100
    : h.startsWith("营业收入") ? revenue : h.startsWith("工业增加值") ? 300 : h.startsWith("综合能耗") ? 50 : h.startsWith("年平均") ? 20 : null;
const values: CellValue[][] = [H, ...([["甲", 1000], ["乙", 2000], ["丙", -500]] as const).map(([n, r]) => H.map((h) => cell(h, n, r)))];
const sheet = { name: "亩均数据", startRow: 1, startCol: 1, values };
const revenueCell = `${String.fromCharCode(65 + H.findIndex((h) => h.startsWith("营业收入")))}4`;

test("validation calls 丙's negative revenue an 错误 at its cell", () => {
  const v = validateSheet(sheet, RULE_SETS);
  if (isUnusable(v)) throw new Error(v.error);
  expect(v.result.findings.filter((f) => f.rule === "A-NEG").map((f) => [f.cell, f.severity])).toEqual([[revenueCell, "error"]]);
});

test("不参评 (default): 丙 is out of scope, the reason names the cell and the value as written; the benchmark is the others' Σ3000 / Σ20 亩", () => {
  const run = runAcre({ data: sheet });
  if ("error" in run) throw new Error(run.error);
  const c = run.evaluation.firms.find((f) => f.name === "丙")!;
  expect(c.inScope).toBe(false);
  expect(c.reason).toContain(`营业收入（${revenueCell} 为负数“-500”`);
  expect(run.evaluation.benchmarks.规上!.revenuePerMu).toBeCloseTo(3000 / 20, 9);
  // 甲: 50 + 25·(100/150) + 15 + 10 = 91.67 (tax, energy and labour equal to their benchmarks)
  expect(run.evaluation.firms.find((f) => f.name === "甲")!.score).toBeCloseTo(50 + 25 * (100 / 150) + 15 + 10, 9);
});

test("按零分: 丙 stays in, its 亩均营收 scores 0 (not a score from −50 万元/亩), the revenue benchmark leaves it out", () => {
  const run = runAcre({ data: sheet, params: [["缺项处理", "按零分"]] });
  if ("error" in run) throw new Error(run.error);
  const c = run.evaluation.firms.find((f) => f.name === "丙")!;
  expect(c.inScope).toBe(true);
  expect(c.parts.revenuePerMu).toBe(0);
  expect(c.score).toBeCloseTo(50 + 0 + 15 + 10, 9);
  expect(run.evaluation.benchmarks.规上!.revenuePerMu).toBeCloseTo(150, 9);
  // the tax benchmark still counts 丙's land and tax: Σ300 / Σ30 亩
  expect(run.evaluation.benchmarks.规上!.taxPerMu).toBeCloseTo(10, 9);
});
