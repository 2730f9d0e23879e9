/** A monthly table without 统一社会信用代码 can be monitored (review of issue #7): firms match by name. */
import { loadMonitor } from "../../../src/core/monitor/load";
import { analyzeMonth } from "../../../src/core/monitor/analyze";

const sheet = (name: string, values: unknown[][]) => ({ name, startRow: 1, startCol: 1, values: values as never });
const HEADER = ["企业名称", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"];

test("no code column: totals, same-basis growth, earlier months matched by name", () => {
  const loaded = loadMonitor({
    sheets: [
      sheet("9月", [HEADER, ["甲", 9, 90, 72], ["乙", 5, 45, 54]]),
      sheet("10月", [HEADER, ["甲", 10, 100, 80], ["乙", 5, 50, 60]]),
    ],
  });
  if ("error" in loaded) throw new Error(loaded.error);
  expect(loaded.input.current.month).toBe(10);
  expect(loaded.input.current.firms.map((f) => [f.name, f.uscc])).toEqual([
    ["甲", null],
    ["乙", null],
  ]);
  expect((loaded.input.earlier ?? []).map((m) => m.month)).toEqual([9]);
  const r = analyzeMonth(loaded.input);
  expect(r.totals).toMatchObject({ outputMonth: 15, outputYtd: 150, outputYtdLastYear: 140 });
  expect(r.totals.growth).toBeCloseTo(10 / 140, 12);
});

test("still required: 1-本月工业总产值", () => {
  const loaded = loadMonitor({ sheets: [sheet("10月", [["企业名称", "本月工业总产值", "从业人员"], ["甲", 10, 5]])] });
  expect("error" in loaded).toBe(true);
});
