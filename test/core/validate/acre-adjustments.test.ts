/**
 * Per-mu validation and the evaluation read the same table the same way (issue 14): a negative
 * 实缴税金 is a 提示 (the evaluation keeps the firm), the 规下 minimum land is the 参数 sheet's,
 * a 经开区 firm is in scope on any land, and every adjustment needs its reason.
 */
import { validateSheet, isUnusable, RULE_SETS, Finding } from "../../../src/core/validate";
import { runAcre } from "../../../src/core/acre/run";
import { uscc as usccOf } from "../../../scripts/make-validate-fixtures";

// columns A–I: the template's required ones; J… the optional columns under test
const H = ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)", "实缴税金(万元)", "营业收入(万元)", "工业增加值(万元)", "综合能耗(吨标煤)", "年平均从业人员"];
/** Rows written as [name, code, scale, land, tax, revenue, ...optional]: value added 100, energy 50, employees 5 inserted. */
const sheet = (header: string[], rows: unknown[][]) => ({
  name: "亩均数据",
  startRow: 1,
  startCol: 1,
  values: [header, ...rows.map((r) => [...r.slice(0, 6), 100, 50, 5, ...r.slice(6)])] as never,
});
function findings(header: string[], rows: unknown[][], paramSheet: unknown[][] | null = null): Finding[] {
  const v = validateSheet(sheet(header, rows), RULE_SETS, "acre", { paramSheet: paramSheet as never });
  if (isUnusable(v)) throw new Error(v.error);
  return v.result.findings;
}
const ids = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.cell}:${f.severity}`);

describe("negative values", () => {
  const rows = [
    ["负税", usccOf(1), "规下", 10, -40, 500],
    ["负地", usccOf(2), "规下", -10, 40, 500],
    ["负收入", usccOf(3), "规下", 10, 40, -500],
  ];
  const fs = findings(H, rows);
  test("negative 实缴税金 is a 提示 (A-TAX-NEG), not an A-NEG 错误; land and revenue stay A-NEG errors", () => {
    expect(ids(fs)).toContain("A-TAX-NEG@E2:warning");
    expect(ids(fs)).not.toContain("A-NEG@E2:error");
    expect(ids(fs)).toContain("A-NEG@D3:error");
    expect(ids(fs)).toContain("A-NEG@F4:error");
    const tax = fs.find((f) => f.rule === "A-TAX-NEG")!;
    expect(tax.value).toBe(-40);
    expect(tax.message).toMatch(/^“实缴税金\(万元\)”为负数（-40），常见于增值税留抵退税后；企业仍参评/);
  });
  test("with 税收口径 = 加回留抵退税 the message says the tax scored when the refund covers it", () => {
    const R = [...H, "留抵退税(万元)"];
    const refundRows = [
      ["盖过", usccOf(1), "规下", 10, -40, 500, 60],
      ["不够", usccOf(2), "规下", 10, -40, 500, 10],
    ];
    const p = [["参数", "值"], ["税收口径", "加回留抵退税"]];
    const fs = findings(R, refundRows, p).filter((f) => f.rule === "A-TAX-NEG");
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([
      ["E2", "warning"],
      ["E3", "warning"],
    ]);
    expect(fs[0].message).toMatch(/税收口径为加回留抵退税，评价税收 = -40 \+ 留抵退税 60 = 20，按此计分/);
    expect(fs[1].message).toMatch(/企业仍参评，税收类指标按 0 分计/);
    // 实缴税金 (default): the refund is not added, both score 0
    expect(findings(R, refundRows).filter((f) => f.rule === "A-TAX-NEG").every((f) => /按 0 分计/.test(f.message))).toBe(true);
  });
  test("and the evaluation keeps the firm in scope with its tax indicator at 0", () => {
    const run = runAcre({ data: sheet(H, rows.slice(0, 1).concat([["正", usccOf(4), "规下", 10, 60, 500]])) });
    if ("error" in run) throw new Error(run.error);
    const f = run.evaluation.firms[0];
    expect([f.inScope, f.parts.taxPerMu]).toEqual([true, 0]);
  });
});

describe("the 规下 minimum land is the evaluation's parameter", () => {
  const rows = [
    ["四亩", usccOf(1), "规下", 4, 40, 500],
    ["两亩", usccOf(2), "规下", 2, 40, 500],
  ];
  test("default 3 亩: only the 2 亩 firm is outside", () => {
    expect(ids(findings(H, rows)).filter((x) => x.startsWith("A-SCOPE"))).toEqual(["A-SCOPE@D3:warning"]);
  });
  test("参数 规下企业用地下限(亩) = 5: both, with 5 in the message — as the evaluation (both out of scope)", () => {
    const params = [
      ["参数", "值"],
      ["规下企业用地下限(亩)", 5],
    ];
    const fs = findings(H, rows, params).filter((f) => f.rule === "A-SCOPE");
    expect(fs.map((f) => f.cell)).toEqual(["D2", "D3"]);
    expect(fs[0].message).toMatch(/^规下企业用地 4 亩，不足 5 亩/);
    const run = runAcre({ data: sheet(H, rows), params });
    if ("error" in run) throw new Error(run.error);
    expect(run.evaluation.firms.map((f) => f.scopeCode)).toEqual(["belowMinLand", "belowMinLand"]);
  });
  test("参数 用地面积单位 = 平方米 under a header without unit: 1500 ㎡ = 2.25 亩 is outside, 4000 ㎡ = 6 亩 is in — as the evaluation", () => {
    const M = H.map((h) => (h === "用地面积(亩)" ? "用地面积" : h));
    const rows = [
      ["小", usccOf(1), "规下", 1500, 40, 500],
      ["大", usccOf(2), "规下", 4000, 40, 500],
    ];
    const params = [["参数", "值"], ["用地面积单位", "平方米"]];
    const fs = findings(M, rows, params).filter((f) => f.rule === "A-SCOPE");
    expect(fs.map((f) => f.cell)).toEqual(["D2"]);
    expect(fs[0].message).toMatch(/^规下企业用地 1500 平方米（2\.25 亩），不足 3 亩/);
    const run = runAcre({ data: sheet(M, rows), params });
    if ("error" in run) throw new Error(run.error);
    expect(run.evaluation.firms.map((f) => f.inScope)).toEqual([false, true]);
  });
  test("a 经开区 firm is not reported, whatever its land", () => {
    const zone = [...H, "是否经开区"];
    const fs = findings(zone, [
      ["两亩", usccOf(2), "规下", 2, 40, 500, "是"],
      ["两亩外", usccOf(3), "规下", 2, 40, 500, "否"],
    ]);
    expect(ids(fs).filter((x) => x.startsWith("A-SCOPE"))).toEqual(["A-SCOPE@D3:warning"]);
  });
});

describe("定档调档 columns", () => {
  const X = [...H, "一票否决", "否决原因", "调整等级", "调整原因", "不定等级", "不定等级原因", "是否经开区"];
  const fs = findings(X, [
    ["甲", usccOf(1), "规下", 10, 40, 500, "是", null, null, null, null, null, null],
    ["乙", usccOf(2), "规下", 10, 40, 500, null, null, "B", "  ", null, null, null],
    ["丙", usccOf(3), "规下", 10, 40, 500, null, null, null, null, "是", null, null],
    ["丁", usccOf(4), "规下", 10, 40, 500, "是", "安全事故", "A", "定档", null, null, null],
    ["戊", usccOf(5), "规下", 10, 40, 500, "待定", null, "E", "x", null, null, "在区内吗"],
    ["己", usccOf(6), "规下", 10, 40, 500, "否", null, null, null, "否", null, "否"],
  ]);
  test("a reason is required for each adjustment (错误 at the adjustment cell)", () => {
    expect(ids(fs).filter((x) => x.startsWith("A-ADJ-REASON"))).toEqual(["A-ADJ-REASON@J2:error", "A-ADJ-REASON@L3:error", "A-ADJ-REASON@N4:error"]);
    expect(fs.find((f) => f.cell === "J2")!.message).toMatch(/^一票否决须填写“否决原因”/);
  });
  test("unreadable values are errors quoting the cell as written; several adjustments a 提示", () => {
    const bad = fs.filter((f) => f.rule === "A-ADJ-VALUE");
    expect(bad.map((f) => [f.cell, f.value]).sort()).toEqual([
      ["J6", "待定"],
      ["L6", "E"],
      ["P6", "在区内吗"],
    ]);
    expect(bad.find((f) => f.cell === "J6")!.message).toBe("“一票否决”应为“是”或“否”，实际为“待定” (一票否决 must be 是 or 否, found 待定)");
    expect(ids(fs)).toContain("A-ADJ-MULTI@L5:warning");
    expect(fs.filter((f) => f.row === 7)).toEqual([]); // 己: all 否, nothing to report
  });
  test("a table without these columns: nothing found, and no 'skipped' notice for optional columns", () => {
    const v = validateSheet(sheet(H, [["甲", usccOf(1), "规下", 10, 40, 500]]), RULE_SETS, "acre");
    if (isUnusable(v)) throw new Error(v.error);
    expect(v.result.findings.filter((f) => f.rule.startsWith("A-ADJ"))).toEqual([]);
    expect(v.result.skipped.map((s) => s.rule).filter((r) => r.startsWith("A-ADJ"))).toEqual([]);
  });
});
