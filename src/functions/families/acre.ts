/**
 * Per-mu evaluation (亩均效益): area, per-mu and per-energy ratios, labour productivity, the
 * ratio-to-benchmark score and the A–D grade — the same score.ts / grade.ts the pane's
 * evaluation uses. The table is the one place these functions are declared (see ../define.ts).
 */
import { acreRevenue, acreTax, energyTax, laborProductivity, mu } from "../../core/indicators";
import { cellError, CellError, isError, Result } from "../../core/result";
import { firstError, propagated } from "../../core/round";
import { ratioScore } from "../../core/acre/score";
import { makeGrader, normalizeShares } from "../../core/acre/grade";
import { omitted, readList, readNumbers } from "../args";
import { asMatrix, broadcast, cells, guard, Out, OutValue, single } from "../broadcast";
import { ALL_ERRORS, FunctionFamily, numericFunction } from "../define";

function acreScore(values: unknown, benchmarks: unknown, weights: unknown, cap: unknown): OutValue {
  const m = asMatrix(values) ?? [[values]];
  if (isError(m)) return m;
  const width = m[0].length;
  const b = vector(benchmarks, "benchmarks");
  const w = vector(weights, "weights");
  if (!isError(b) && b.length !== width) return lengthError(b.length, width, "基准值", "benchmarks");
  if (!isError(w) && w.length !== width) return lengthError(w.length, width, "权重", "weights");
  const c = readNumbers([cap], ["cap"], [true]);
  const scores: Out[][] = m.map((row) => [
    guard(() => {
      const v = readNumbers(row, Array(width).fill("values"));
      return firstError(v, b, w, c) ?? ratioScore(v as number[], b as number[], w as number[], { cap: (c as (number | undefined)[])[0] });
    }),
  ]);
  return scores.length === 1 ? scores[0][0] : scores;
}

/** A single row or column of numbers (blank cells → #N/A). */
function vector(x: unknown, name: string): Result<number[]> {
  const m = asMatrix(x);
  if (isError(m)) return m;
  if (m && m.length > 1 && m[0].length > 1) return cellError("#VALUE!", `${name} 应为单行或单列 (${name} must be a single row or column)`);
  return readList(x, name, "required") as Result<number[]>;
}

function lengthError(got: number, want: number, zh: string, en: string): CellError {
  return cellError("#VALUE!", `${zh}个数（${got}）与指标列数（${want}）不一致 (${en}: ${got} cells for ${want} indicator columns)`);
}

function acreGrade(score: unknown, peerScores: unknown, shares: unknown): OutValue {
  const peerCells = cells(peerScores);
  if (isError(peerCells)) return peerCells;
  const peerError = peerCells.find(isError);
  if (peerError) return propagated(peerError);
  const peers = peerCells.map(single).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  const list = omitted(shares) ? undefined : readList(shares, "shares", "required");
  const s = list === undefined ? normalizeShares() : isError(list) ? list : normalizeShares(list);
  const grader = isError(s) ? s : makeGrader(peers, s);
  return broadcast([score], (x) => {
    const n = readNumbers([x], ["score"]);
    const e = firstError(n, s, grader);
    return e ?? (grader as (v: number) => { grade: string })((n as number[])[0]).grade;
  });
}

export const acreFunctions = {
  MU: numericFunction(
    {
      description: "Square metres to mu (亩): m² × 15 / 10000. Negative area → #NUM!.",
      zh: { name: "平方米折亩", description: "面积换算：平方米 × 15 ÷ 10000 = 亩。面积为负数 → #NUM!。" },
      params: [
        { name: "square_metres", kind: "each", description: "Area in square metres, or a range.", zh: "面积（平方米），或一个区域。" },
      ],
      errors: ["#N/A", "#VALUE!", "#NUM!"],
    },
    mu,
  ),
  ACRE_TAX: numericFunction(
    {
      description: "Tax per mu (亩均税收), 10k yuan per mu. Land 0 → #DIV/0!, negative → #NUM!.",
      zh: { name: "亩均税收", description: "亩均税收（万元/亩）：税收 ÷ 用地面积。用地为 0 → #DIV/0!，为负数 → #NUM!。" },
      params: [
        { name: "tax", kind: "each", description: "Tax paid, 10k yuan.", zh: "实缴税收（万元）。" },
        { name: "land_mu", kind: "each", description: "Land used, mu.", zh: "用地面积（亩）。" },
      ],
      errors: ALL_ERRORS,
    },
    acreTax,
  ),
  ACRE_REVENUE: numericFunction(
    {
      description: "Revenue per mu (亩均营业收入), 10k yuan per mu. Land 0 → #DIV/0!, negative → #NUM!.",
      zh: { name: "亩均营业收入", description: "亩均营业收入（万元/亩）：营业收入 ÷ 用地面积。用地为 0 → #DIV/0!，为负数 → #NUM!。" },
      params: [
        { name: "revenue", kind: "each", description: "Operating revenue, 10k yuan.", zh: "营业收入（万元）。" },
        { name: "land_mu", kind: "each", description: "Land used, mu.", zh: "用地面积（亩）。" },
      ],
      errors: ALL_ERRORS,
    },
    acreRevenue,
  ),
  ENERGY_TAX: numericFunction(
    {
      description: "Tax per tonne of standard coal (单位能耗税收), 10k yuan per tce. Energy 0 → #DIV/0!, negative → #NUM!.",
      zh: { name: "单位能耗税收", description: "单位能耗税收（万元/吨标煤）：税收 ÷ 综合能耗。能耗为 0 → #DIV/0!，为负数 → #NUM!。" },
      params: [
        { name: "tax", kind: "each", description: "Tax paid, 10k yuan.", zh: "实缴税收（万元）。" },
        { name: "energy_tce", kind: "each", description: "Energy used, tonnes of standard coal equivalent.", zh: "综合能耗（吨标准煤）。" },
      ],
      errors: ALL_ERRORS,
    },
    energyTax,
  ),
  LABOR_PRODUCTIVITY: numericFunction(
    {
      description: "Labour productivity (全员劳动生产率), 10k yuan per employee. Employees 0 → #DIV/0!, negative → #NUM!.",
      zh: { name: "全员劳动生产率", description: "全员劳动生产率（万元/人）：工业增加值（或营业收入）÷ 年平均从业人员。人数为 0 → #DIV/0!，为负数 → #NUM!。" },
      params: [
        { name: "amount", kind: "each", description: "Value added (or revenue), 10k yuan.", zh: "工业增加值或营业收入（万元）。" },
        { name: "employees", kind: "each", description: "Average number of employees.", zh: "年平均从业人员（人）。" },
      ],
      errors: ALL_ERRORS,
    },
    laborProductivity,
  ),
  ACRE_SCORE: {
    description: "Per-mu score by the ratio-to-benchmark method: Σ min(value / benchmark, cap) × weight for each row (one firm per row).",
    zh: { name: "亩均综合得分", description: "亩均效益综合得分（对标法）：每行（一户企业）Σ min(指标值 ÷ 基准值, 封顶倍数) × 权重。" },
    params: [
      { name: "values", kind: "range", description: "Indicator values, one firm per row, one indicator per column.", zh: "指标值区域，每行一户企业，每列一个指标。" },
      { name: "benchmarks", kind: "range", description: "Benchmark of each indicator, a row as wide as values.", zh: "各指标的基准值，一行，列数与指标值相同。" },
      { name: "weights", kind: "range", description: "Weight of each indicator, a row as wide as values.", zh: "各指标的权重，一行，列数与指标值相同。" },
      { name: "cap", kind: "single", optional: true, description: "Optional cap on each value / benchmark ratio (e.g. 2); none if omitted.", zh: "可选：每项比值的封顶倍数（如 2）；省略则不封顶。" },
    ],
    result: "rows",
    errors: ALL_ERRORS,
    impl: acreScore,
  },
  ACRE_GRADE: {
    description: "Grade A/B/C/D by rank among peer scores (default shares 20%/45%/30%/5%; ties get the better grade).",
    zh: { name: "亩均评价等级", description: "按得分在参评企业中的排名分 A/B/C/D 类（默认 20%/45%/30%/5%，并列取较好等级）。" },
    params: [
      { name: "score", kind: "each", description: "The score to grade, or a range of scores.", zh: "要评定的得分，或一组得分。" },
      { name: "peer_scores", kind: "range", description: "The scores of the pool (blanks and text are ignored).", zh: "参评企业得分区域（空白和文本不计）。" },
      { name: "shares", kind: "range", optional: true, description: "Optional class shares: 3 cells (A, B, C; D is the rest) or 4 cells adding up to 1.", zh: "可选：等级比例，3 个单元格（A、B、C，其余为 D）或合计为 1 的 4 个单元格。" },
    ],
    result: "each",
    errors: ["#N/A", "#VALUE!", "#NUM!"],
    impl: acreGrade,
  },
} satisfies FunctionFamily;
