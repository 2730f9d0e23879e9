/**
 * A total whose column the report does not have is unknown (null, printed “—”), not 0: a 月报 with
 * only the output columns must not say 1-本月工业增加值 0.00 or feed a zero to the written report.
 */
import { analyzeMonth } from "../../../src/core/monitor/analyze";
import { loadMonitor } from "../../../src/core/monitor/load";
import { toJson } from "../../../src/core/monitor/report";

const values = [
  ["企业名称", "统一社会信用代码", "本月工业总产值(万元)", "1-本月工业总产值(万元)", "上年同期1-本月工业总产值(万元)"],
  ["甲公司", "91340700F00000001A", 100, 1000, 900],
  ["乙公司", "91340700F00000002A", 50, 500, 450],
];

function analyse(rows: (string | number | null)[][]) {
  const l = loadMonitor({ sheets: [{ name: "10月", startRow: 1, startCol: 1, values: rows }] });
  if ("error" in l) throw new Error(l.error);
  return analyzeMonth(l.input);
}

test("no 1-本月工业增加值 / 1-本月营业收入 columns: those totals are null; the output totals are summed (1000 + 500)", () => {
  const t = analyse(values).totals;
  expect([t.outputYtd, t.outputMonth, t.valueAddedYtd, t.revenueYtd]).toEqual([1500, 150, null, null]);
  expect(toJson(analyse(values)).totals).toMatchObject({ valueAddedYtd: null, revenueYtd: null });
});

test("the columns present: summed as before (300 + 200), blanks counting nothing", () => {
  const withVa = values.map((r, i) => [...r, i === 0 ? "1-本月工业增加值(万元)" : i === 1 ? 300 : 200, i === 0 ? "1-本月营业收入(万元)" : i === 1 ? 1100 : null]);
  const t = analyse(withVa).totals;
  expect([t.valueAddedYtd, t.revenueYtd]).toEqual([500, 1100]);
});
