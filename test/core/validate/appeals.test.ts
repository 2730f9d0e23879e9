import { RULE_SETS, validateSheet, isUnusable, detectRuleSet, SheetValidation } from "../../../src/core/validate";
import { APPEALS_TEMPLATE_HEADER } from "../../../src/core/appeals";
import type { CellValue } from "../../../src/core/num";
import type { SheetLike } from "../../../src/core/table";
import { uscc } from "../../../scripts/make-validate-fixtures";

const H = APPEALS_TEMPLATE_HEADER;
const line = (o: Record<string, CellValue>): CellValue[] => H.map((h) => o[h] ?? "");
const ok = (id: string, extra: Record<string, CellValue> = {}) =>
  line({ 编号: id, 企业名称: `企业${id}`, 统一社会信用代码: uscc(Number(id.replace(/\D/g, "")) || 1), 诉求类别: "融资信贷", 诉求内容: "贷款", 承办单位: "县经信局", 受理日期: "2023-09-28", "办理时限(工作日)": 5, ...extra });

function run(values: CellValue[][]): SheetValidation {
  const sheet: SheetLike = { name: "诉求台账", startRow: 1, startCol: 1, values };
  const v = validateSheet(sheet, RULE_SETS, "auto");
  if (isUnusable(v)) throw new Error(v.error);
  return v;
}

const col = (h: string) => String.fromCharCode(65 + H.indexOf(h));
const hits = (v: SheetValidation, rule: string) => v.result.findings.filter((f) => f.rule === rule).map((f) => f.cell);

describe("the 诉求台账 rule set in 提交前校验", () => {
  test("a clean register is detected and ready", () => {
    const v = run([[...H], ok("1"), ok("2", { 办结日期: "2023-10-09", 满意度: "满意" })]);
    expect(v.ruleSet.id).toBe("appeals");
    expect(v.result.findings).toEqual([]);
    expect(v.result.ready).toBe(true);
  });

  test("required cells, 办结 before 受理, a bad 办理时限, unknown 满意度, duplicate 编号", () => {
    const v = run([
      [...H],
      ok("1"),
      ok("2", { 承办单位: "", 诉求内容: "" }), // row 3: two blanks
      ok("3", { 办结日期: "2023-09-27", 满意度: "满意" }), // row 4: closed the day before receipt
      ok("4", { "办理时限(工作日)": 2.5 }), // row 5
      ok("5", { 办结日期: "2023-10-09", 满意度: "还行" }), // row 6
      ok("1"), // row 7: 编号 1 again
      ok("7", { 办结日期: "2023-10-09", 满意度: "不满意", 重办截止日期: "2023-10-08" }), // row 8: 重办截止 before 办结
      ok("8", { 满意度: "满意" }), // row 9: rated but not closed
      ok("9", { 受理日期: "2023-02-30" }), // row 10: not a date
    ]);
    expect(hits(v, "AP-REQ")).toEqual([`${col("诉求内容")}3`, `${col("承办单位")}3`]); // an unreadable date is not blank: AP-NUM
    expect(hits(v, "AP-DATE")).toEqual([`${col("办结日期")}4`, `${col("重办截止日期")}8`]);
    expect(hits(v, "AP-LIMIT")).toEqual([`${col("办理时限(工作日)")}5`]);
    expect(hits(v, "AP-SAT")).toEqual([`${col("满意度")}6`]);
    expect(v.result.findings.find((f) => f.rule === "AP-SAT")!.message).toContain("还行");
    expect(hits(v, "AP-DUP")).toEqual(["A7"]);
    expect(v.result.findings.find((f) => f.rule === "AP-DUP")!.message).toContain("第 2 行");
    expect(hits(v, "AP-SAT-OPEN")).toEqual([`${col("满意度")}9`]);
    expect(hits(v, "AP-NUM")).toEqual([`${col("受理日期")}10`]);
    expect(v.result.findings.find((f) => f.rule === "AP-NUM")!.message).toContain("2023-02-30");
    expect(v.result.ready).toBe(false);
  });

  test("a stated rate in a summary block above the register is checked against its counts", () => {
    const v = run([
      ["诉求总数", "已办结", "办结率"],
      [1466, 1460, "98.0%"], // 1460/1466 = 99.59%: neither rounded nor truncated
      [],
      [...H],
      ok("1"),
    ]);
    expect(v.ruleSet.id).toBe("appeals");
    expect(hits(v, "RATE")).toEqual(["C2"]);
    for (const stated of ["99.6%", "99.5%"]) {
      // rounded, or truncated as the seed writes it (1460/1466 → 99.5%)
      const right = run([["诉求总数", "已办结", "办结率"], [1466, 1460, stated], [], [...H], ok("1")]);
      expect([stated, hits(right, "RATE")]).toEqual([stated, []]);
    }
  });

  test("a summary block written as label–value pairs (side by side or one a row) is checked too", () => {
    // 1460/1466 = 99.591%: 99.6% rounded, 99.5% truncated are right; 99.4% is neither
    const side = (stated: CellValue) => run([["诉求总数", 1466, "已办结", 1460, "办结率", stated], [], [...H], ok("1")]);
    expect(hits(side("99.4%"), "RATE")).toEqual(["F1"]);
    expect(side("99.4%").result.findings.find((f) => f.rule === "RATE")!.message).toContain("1460/1466 = 99.591%");
    expect(hits(side(0.994), "RATE")).toEqual(["F1"]);
    for (const right of ["99.5%", "99.6%", 0.995, 99.5]) expect([right, hits(side(right), "RATE")]).toEqual([right, []]);
    const rows = (stated: CellValue) => run([["诉求总数：", 1466], ["已办结", 1460], ["办结率(%)", stated], [], [...H], ok("1")]);
    expect(hits(rows(99.4), "RATE")).toEqual(["B3"]);
    expect(hits(rows(99.5), "RATE")).toEqual([]);
    // without both counts there is nothing to check against
    expect(hits(run([["办结率", "90%"], [], [...H], ok("1")]), "RATE")).toEqual([]);
  });

  test("detection: a register is not read as a pool or a monthly report, and they are not read as a register", () => {
    const sheet = (values: CellValue[][]): SheetLike => ({ name: "x", startRow: 1, startCol: 1, values });
    expect(detectRuleSet(sheet([[...H]]), RULE_SETS)!.id).toBe("appeals");
    expect(detectRuleSet(sheet([["企业名称", "统一社会信用代码", "乡镇/园区", "培育层级", "包保领导", "入库日期", "状态", "上年营业收入", "1月"]]), RULE_SETS)!.id).toBe("pool");
    expect(detectRuleSet(sheet([["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "说明"]]), RULE_SETS)!.id).toBe("monthly");
  });
});
