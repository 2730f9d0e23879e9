import { analyzePool, failed, PoolReport } from "../../../src/core/pool/analyze";
import { changeTier, isActionError, markEntered, readChangeLog, removeFromPool, undoChange, PoolChangePlan, ChangeRecord } from "../../../src/core/pool/actions";
import { poolValues, sheet, fill } from "./helpers";

function load(values: unknown[][]): PoolReport {
  const r = analyzePool({ pool: sheet("培育库", values) });
  if (failed(r)) throw new Error(r.error);
  return r;
}
function plan(x: PoolChangePlan | { error: string }): PoolChangePlan {
  if (isActionError(x)) throw new Error(x.error);
  return x;
}
/** Apply a plan's updates to the values (status is column G, tier column D; header on row 1). */
function apply(values: unknown[][], p: PoolChangePlan): unknown[][] {
  const out = values.map((r) => [...r]);
  for (const u of p.updates) {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(u.address)!;
    out[Number(row) - 1][letters.charCodeAt(0) - 65] = u.value;
  }
  return out;
}

const values = poolValues([
  { name: "甲", tier: "拟进规", status: "培育中", months: fill(10, 100) },
  { name: "乙", tier: "拟进规", months: fill(10, 210) },
]);

describe("actions → cell updates + 变动记录 rows", () => {
  const r = load(values);
  test("mark 已入规: status cell of the firm's row, one record", () => {
    const p = plan(markEntered(r.table, r.firms[1], "2023-11-02"));
    expect(p.updates).toEqual([{ address: "G3", value: "已入规" }]);
    expect(p.logSheet).toBe("变动记录");
    expect(p.logHeader).toEqual(["日期", "企业名称", "字段", "原值", "新值", "原因"]);
    expect(p.records).toEqual([["2023-11-02", "乙", "状态", "", "已入规", ""]]);
  });
  test("退库 needs a reason", () => {
    expect(removeFromPool(r.table, r.firms[0], "  ", "2023-11-02")).toEqual({ error: expect.stringMatching(/原因/) });
    const p = plan(removeFromPool(r.table, r.firms[0], "企业迁出", "2023-11-02"));
    expect(p.updates).toEqual([{ address: "G2", value: "退库" }]);
    expect(p.records[0]).toEqual(["2023-11-02", "甲", "状态", "培育中", "退库", "企业迁出"]);
  });
  test("change tier: D column; invalid tier or same tier → error", () => {
    const p = plan(changeTier(r.table, r.firms[0], "专精特新“小巨人”", "2023-11-02", "获评"));
    expect(p.updates).toEqual([{ address: "D2", value: "专精特新“小巨人”" }]);
    expect(p.records[0]).toEqual(["2023-11-02", "甲", "培育层级", "拟进规", "专精特新“小巨人”", "获评"]);
    expect(changeTier(r.table, r.firms[0], "不存在", "2023-11-02")).toEqual({ error: expect.stringMatching(/不是有效的培育层级/) });
    expect(changeTier(r.table, r.firms[0], "拟进规", "2023-11-02")).toEqual({ error: expect.stringMatching(/已是/) });
    const entered = load(apply(values, plan(markEntered(r.table, r.firms[0], "d"))));
    expect(markEntered(entered.table, entered.firms[0], "d")).toEqual({ error: expect.stringMatching(/已是/) });
  });
  test("no status column → error, nothing to write", () => {
    const r2 = load([["企业名称", "1月"], ["甲", 5]]);
    expect(markEntered(r2.table, r2.firms[0], "2023-11-02")).toEqual({ error: expect.stringMatching(/没有“状态”列/) });
  });
});

describe("undo from a record", () => {
  const r = load(values);
  const p = plan(removeFromPool(r.table, r.firms[0], "迁出", "2023-11-02"));
  const after = load(apply(values, p));
  const log = readChangeLog(sheet("变动记录", [p.logHeader, ...p.records]));
  if (isActionError(log)) throw new Error(log.error);
  const rec = log[0];
  test("the log reads back, dates as yyyy-mm-dd", () => {
    expect(rec).toEqual({ row: 2, date: "2023-11-02", firm: "甲", field: "状态", old: "培育中", new: "退库", reason: "迁出" });
    // Excel turns "2023-11-02" into a date serial: read back the same.
    const l2 = readChangeLog(sheet("变动记录", [p.logHeader, [45232, "甲", "状态", "培育中", "退库", "迁出"]])) as ChangeRecord[];
    expect(l2[0].date).toBe("2023-11-02");
  });
  test("undo writes the old value back and records the undo", () => {
    const u = plan(undoChange(after.table, after.firms, rec, "2023-11-03"));
    expect(u.updates).toEqual([{ address: "G2", value: "培育中" }]);
    expect(u.records[0].slice(0, 5)).toEqual(["2023-11-03", "甲", "状态", "退库", "培育中"]);
    expect(String(u.records[0][5])).toMatch(/撤销 2023-11-02 的变动：迁出/);
    const back = load(apply(apply(values, p), u));
    expect(back.firms[0].status).toBe("培育中");
  });
  test("undo refuses when the value changed since the record", () => {
    const later = load(apply(values, plan(markEntered(r.table, r.firms[0], "2023-11-04"))));
    expect(undoChange(later.table, later.firms, rec, "2023-11-05")).toEqual({ error: expect.stringMatching(/不能撤销/) });
  });
  test("undo of an unknown firm or field → error", () => {
    expect(undoChange(after.table, after.firms, { ...rec, firm: "丙" }, "d")).toEqual({ error: expect.stringMatching(/找不到/) });
    expect(undoChange(after.table, after.firms, { ...rec, field: "包保领导" }, "d")).toEqual({ error: expect.stringMatching(/无法撤销/) });
  });
});
