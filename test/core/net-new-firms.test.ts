/**
 * One figure, one value (issue 11 §8): 净增规上 from the pool's ledger and from the 目标 sheet's
 * typed 1-本月完成 is the same number in the pool and the monitoring analyses; when the two
 * sources differ the word 不一致 comes with both numbers. Hand-counted: 2 firms 已入规 − 1 退规 = 1.
 */
import * as path from "path";
import { uscc } from "../../scripts/make-bad-input";
import { analyzePool, failed, poolInputFrom } from "../../src/core/pool/analyze";
import { loadMonitor } from "../../src/core/monitor/load";
import { analyzeMonth } from "../../src/core/monitor/analyze";
import type { SheetLike } from "../../src/core/table";
import { openWorkbookFile } from "../../src/cli/io";

type V = string | number | null;
const sheet = (name: string, values: V[][]): SheetLike => ({ name, startRow: 1, startCol: 1, values });

function book(typedNet: number | null): SheetLike[] {
  return [
    sheet("10月", [
      ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"],
      ["甲", uscc(1), 10, 100, 90],
      ["乙", uscc(2), 20, 200, 190],
    ]),
    sheet("培育库", [
      ["企业名称", "培育层级", "状态", "1月", "2月"],
      ["丙", "拟进规", "已入规", 300, 300],
      ["丁", "拟进规", "已入规", 250, 260],
      ["戊", "拟进规", "培育中", 100, 100],
    ]),
    sheet("目标", [
      ["指标", "类型", "年度目标", "单位", "1-本月完成"],
      ["净增规上企业数", "总量", 18, "户", typedNet],
      ["退规企业数", "总量", null, "户", 1],
    ]),
  ];
}

function both(sheets: SheetLike[]) {
  const from = poolInputFrom(sheets);
  if ("error" in from) throw new Error(from.error);
  const pool = analyzePool(from.input);
  if (failed(pool)) throw new Error(pool.error);
  const loaded = loadMonitor({ sheets });
  if ("error" in loaded) throw new Error(loaded.error);
  const monitor = analyzeMonth(loaded.input).targets.find((t) => t.name === "净增规上企业数")!;
  return { pool, loaded, monitor };
}

test("agreeing sources: the same figure in both analyses, its source named, no warning", () => {
  const { pool, loaded, monitor } = both(book(1));
  expect([pool.summary.net, monitor.actual, monitor.source]).toEqual([1, 1, "pool"]);
  expect(pool.netFigure).toMatchObject({ value: 1, source: "pool", ledger: 1, typed: 1, mismatch: null, sourceText: "培育库“培育库”台账（新增 2 − 退规 1） (pool ledger)" });
  expect(loaded.warnings).toEqual([]);
});

test("disagreeing sources: 不一致 with both numbers, in the pool and in monitoring alike", () => {
  const { pool, loaded, monitor } = both(book(12));
  const msg =
    "净增规上企业数不一致：培育库“培育库”台账（新增 2 − 退规 1）为 1，目标表“目标”1-本月完成为 12；按台账 1 计，请核对后改正其一 (net new above-scale firms disagree: pool ledger 1, 目标 sheet 12; the ledger's figure is used)";
  expect(pool.netFigure.mismatch).toBe(msg);
  expect(loaded.warnings).toEqual([msg]);
  expect(monitor.actual).toBe(1);
});

test("no pool: monitoring takes the typed figure and says so", () => {
  const sheets = book(12).filter((s) => s.name !== "培育库");
  const loaded = loadMonitor({ sheets });
  if ("error" in loaded) throw new Error(loaded.error);
  expect(loaded.input.netNewFirms).toMatchObject({ value: 12, source: "targets", mismatch: null });
  expect(analyzeMonth(loaded.input).targets.find((t) => t.name === "净增规上企业数")).toMatchObject({ actual: 12, source: "sheet" });
});

test("the sample workbook is consistent: 3 in the pool and in monitoring, no 不一致", async () => {
  const opened = await openWorkbookFile(path.join(__dirname, "..", "..", "samples", "jingxin-sample.xlsx"));
  if ("error" in opened) throw new Error(opened.error);
  const sheets = (await opened.port.readSheets(await opened.port.listSheets())).filter((s): s is SheetLike => s !== null);
  const { pool, loaded, monitor } = both(sheets);
  expect([pool.summary.net, monitor.actual, pool.netFigure.typed, loaded.warnings]).toEqual([3, 3, 3, []]);
});
