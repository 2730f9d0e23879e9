/** Month headers written the other common ways (review of issue #5): 一月…十二月, 01月, 上年一月. */
import { analyzePool, failed, PoolReport } from "../../../src/core/pool/analyze";
import { projectFullYear } from "../../../src/core/pool/projection";
import { run } from "../../../src/cli/index";
import { sheet } from "./helpers";

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

function report(values: unknown[][]): PoolReport {
  const r = analyzePool({ pool: sheet("培育库", values) });
  if (failed(r)) throw new Error(r.error);
  return r;
}

describe("pool month headers", () => {
  test("一月…十二月 (十一月 is not 一月), 一月份: month from the data, run-rate", () => {
    const r = report([
      ["企业名称", "培育层级", "状态", ...CN.map((c) => `${c}月`)],
      ["甲", "拟进规", "培育中", 100, 110, 120, null, null, null, null, null, null, null, 5, 7],
    ]);
    // 十一月 / 十二月 hold values, so the last month with data is 12.
    expect(r.month).toBe(12);
    expect(r.firms[0].ytd).toBe(100 + 110 + 120 + 5 + 7);
    const r3 = analyzePool({ pool: sheet("培育库", [["企业名称", ...CN.slice(0, 3).map((c) => `${c}月份`)], ["甲", 100, 110, 120]]) });
    if (failed(r3)) throw new Error(r3.error);
    expect(r3.month).toBe(3);
    expect(r3.firms[0].projection).toBe(1320);
  });

  test("01月 … with 上年一月 … 上年十二月: seasonal, equal to the cell function", () => {
    const ly = [100, 100, 100, 100, 100, 100, 100, 100, 100, 200, 300, 400];
    const r = report([
      ["企业名称", "01月", "02月", "03月", ...CN.map((c) => `上年${c}月`)],
      ["甲", 150, 160, 170, ...ly],
    ]);
    expect(r.month).toBe(3);
    expect(r.firms[0].method).toBe("seasonal");
    expect(r.firms[0].projection).toBe(projectFullYear(480, 3, ly));
    expect(r.firms[0].projection).toBe(2880);
  });
});

describe("jx pool option messages", () => {
  test("--dropped -1: exit 2, the message names the range ≥ 0", async () => {
    let err = "";
    const code = await run(["pool", "nonexistent.xlsx", "--dropped", "-1"], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain("--dropped 应为 ≥ 0 的整数");
  });
});

describe("pool 月份 column", () => {
  test("a date in 月份 (Excel serial of 2023-06-01) gives month 6; 2023年6月 too", () => {
    const serial = 45078; // 2023-06-01
    const r = report([
      ["企业名称", "1-本月营业收入", "月份"],
      ["甲", 1200, serial],
    ]);
    expect(r.month).toBe(6);
    expect(r.monthSource).toBe("column");
    expect(r.firms[0].projection).toBe(2400);
    expect(report([["企业名称", "1-本月营业收入", "月份"], ["甲", 1200, "2023年6月"]]).month).toBe(6);
  });
});
