import { toJson, analysisSheet, appealsParamRows, readAppealsParams, overdueList, rateText, LAST_KNOWN_YEAR } from "../../../src/core/appeals";
import { analyse, october, Row, serial } from "./fixture";

const JX = "县经信局";
const ZR = "县自然资源局";
const RS = "县人社局";

describe("the issue's example register, as of 2023-10-20", () => {
  const { result: r } = analyse(october, "2023-10-20");
  const json = toJson(r);

  test("the summary is the issue's JSON", () => {
    expect({ ...json, byUnit: undefined, byCategory: undefined, appeals: undefined }).toEqual({
      asOf: "2023-10-20",
      total: 8,
      closed: 3,
      closureRate: 0.375,
      open: 5,
      returned: 1,
      cards: { 蓝牌: 1, 黄牌: 1, 红牌: 1 },
      satisfaction: { surveyed: 4, satisfied: 3, rate: 0.75 },
      byUnit: undefined,
      byCategory: undefined,
      appeals: undefined,
    });
    expect(Object.keys(json)).toEqual(["asOf", "total", "closed", "closureRate", "open", "returned", "cards", "satisfaction", "byUnit", "byCategory", "appeals"]);
  });

  test("each appeal: status, due date, working days overdue, card", () => {
    expect(json.appeals).toEqual([
      { id: "A1", firm: "甲公司", unit: JX, status: "办理中", due: "2023-10-09", overdueDays: 9, card: "黄牌" },
      { id: "A2", firm: "丙公司", unit: ZR, status: "办理中", due: "2023-10-23", overdueDays: 0, card: null },
      { id: "A3", firm: "乙公司", unit: JX, status: "办理中", due: "2023-09-28", overdueDays: 12, card: "红牌" },
      { id: "A4", firm: "丁公司", unit: RS, status: "办理中", due: "2023-10-18", overdueDays: 2, card: "蓝牌" },
      { id: "A5", firm: "戊公司", unit: ZR, status: "已办结", due: "2023-09-27", overdueDays: 0, card: null },
      { id: "A6", firm: "甲公司", unit: ZR, status: "已办结", due: "2023-10-10", overdueDays: 0, card: null },
      { id: "A7", firm: "己公司", unit: RS, status: "已办结", due: "2023-10-12", overdueDays: 0, card: null },
      { id: "A8", firm: "庚公司", unit: RS, status: "退回重办", due: "2023-10-25", overdueDays: 0, card: null },
    ]);
    expect(r.appeals.filter((a) => a.closedLate).map((a) => a.id)).toEqual(["A6"]);
    expect(r.closedLate).toBe(1);
  });

  test("per unit: totals, truncated closure rates, average working days to close", () => {
    expect(json.byUnit).toEqual([
      { unit: JX, total: 2, closed: 0, closureRate: 0, open: 2, overdue: 2, avgDaysToClose: null, returned: 0 }, // A1 黄, A3 红
      { unit: ZR, total: 3, closed: 2, closureRate: 0.666, open: 1, overdue: 0, avgDaysToClose: 6, returned: 0 }, // A5 5 days, A6 7 days
      { unit: RS, total: 3, closed: 1, closureRate: 0.333, open: 2, overdue: 1, avgDaysToClose: 2, returned: 1 }, // A4 蓝, A7 2 days, A8 sent back
    ]);
  });

  test("per category: 一类问题 from 3 appeals, with their firms", () => {
    expect(json.byCategory).toEqual([
      { category: "融资信贷", total: 3, recurring: true },
      { category: "用地用房", total: 2, recurring: false },
      { category: "用工招工", total: 3, recurring: true },
    ]);
    expect(r.byCategory[0].firms).toEqual(["甲公司", "乙公司"]);
    // the 参数 row 一类问题 = 2: 用地用房 (2 appeals) is recurring too
    const two = analyse(october, "2023-10-20", { params: [["一类问题", 2]] });
    expect(two.result.byCategory.map((c) => c.recurring)).toEqual([true, true, true]);
  });

  test("per town and per leader, blanks grouped as （未填）", () => {
    expect(r.byTown.map((t) => [t.key, t.total, t.overdue])).toEqual([
      ["经开区", 2, 2],
      ["汤沟镇", 1, 0],
      ["（未填）", 5, 1],
    ]);
    expect(r.byLeader.map((t) => [t.key, t.total, t.cards.红牌, t.cards.黄牌])).toEqual([
      ["张县长", 2, 1, 1],
      ["（未填）", 6, 0, 0],
    ]);
  });

  test("会商清单: open 红牌/黄牌 and every 退回重办, by unit, worst first", () => {
    expect(r.consult.map((g) => [g.unit, g.appeals.map((a) => a.id)])).toEqual([
      [JX, ["A3", "A1"]],
      [RS, ["A8"]],
    ]);
    expect(overdueList(r).map((a) => a.id)).toEqual(["A3", "A1", "A4"]);
  });

  test("no notes for a clean register inside the known years", () => {
    expect(r.notes).toEqual([]);
  });

  test("the 诉求分析 sheet: unit table with a 合计 row, chart over units, rates as numbers", () => {
    const s = analysisSheet(r);
    const header = s.rows.findIndex((x) => x[0] === "承办单位");
    expect(s.rows[header].slice(0, 4)).toEqual(["承办单位", "诉求总数", "已办结", "办结率"]);
    expect(s.rows[header + 1].slice(0, 4)).toEqual([JX, 2, 0, 0]);
    expect(s.rows[header + 4].slice(0, 5)).toEqual(["合计", 8, 3, 0.375, 5]);
    expect(s.charts[0].dataRange).toBe(`A${header + 1}:C${header + 4}`);
    expect(s.numberFormats[3]).toBe("0.0%");
  });

  test("the 诉求分析 sheet writes the satisfaction rate as its heading does: 2/3 → 0.666 (66.6%), not 0.6667 (shown 66.7%)", () => {
    const { result } = analyse(
      [
        { id: "1", received: "2023-10-09", limit: 3, closed: "2023-10-10", satisfaction: "满意" },
        { id: "2", received: "2023-10-09", limit: 3, closed: "2023-10-10", satisfaction: "非常满意" },
        { id: "3", received: "2023-10-09", limit: 3, closed: "2023-10-10", satisfaction: "基本满意" },
      ],
      "2023-10-20",
    );
    const s = analysisSheet(result);
    const at = s.rows.findIndex((x) => x[0] === "满意+非常满意");
    expect(s.rows[at]).toEqual(["满意+非常满意", 3, 2, 0.666]);
    expect(String(s.rows[1][0])).toContain("满意率 66.6%");
    expect(result.satisfaction.rate).toBeCloseTo(2 / 3, 12); // the JSON keeps the plain decimal
  });
});

describe("card boundaries and statuses (November 2023, no holidays), as of Thu 11/30", () => {
  // limit 1: due = the working day after receipt; overdue n = working days in (due, 11/30]
  const rows: Row[] = [
    { id: "0", received: "2023-11-29", limit: 1 }, // due 11/30 → 0
    { id: "1", received: "2023-11-28", limit: 1 }, // due 11/29 → 1 蓝
    { id: "3", received: "2023-11-24", limit: 1 }, // due Mon 11/27 → 3 蓝
    { id: "4", received: "2023-11-23", limit: 1 }, // due Fri 11/24 → 4 黄
    { id: "10", received: "2023-11-15", limit: 1 }, // due 11/16 → 10 黄
    { id: "11", received: "2023-11-14", limit: 1 }, // due 11/15 → 11 红
    { id: "late", received: "2023-11-01", limit: 2, closed: "2023-11-10", satisfaction: "基本满意" }, // due 11/3, closed late: 已办结, no card
    { id: "bad", received: "2023-11-01", limit: 2, closed: "2023-11-10", satisfaction: "非常不满意", redoDue: "2023-11-24" }, // 退回重办 from 11/24 → 4 黄
    { id: "back", received: "2023-11-01", limit: 2, closed: "2023-11-02", satisfaction: "不满意" }, // 退回重办 without 重办截止日期 → no card
    { id: "unrated", received: "2023-11-01", limit: 2, closed: "2023-11-02" }, // 已办结, not surveyed
  ];
  const { result: r } = analyse(rows, "2023-11-30");
  const by = (id: string) => r.appeals.find((a) => a.id === id)!;

  test.each([
    ["0", 0, null],
    ["1", 1, "蓝牌"],
    ["3", 3, "蓝牌"],
    ["4", 4, "黄牌"],
    ["10", 10, "黄牌"],
    ["11", 11, "红牌"],
  ])("open appeal %s: %i working days overdue → %s", (id, days, card) => {
    expect([by(id).status, by(id).overdueDays, by(id).card]).toEqual(["办理中", days, card]);
  });

  test("statuses: 基本满意 and unrated are closed; 不满意/非常不满意 are sent back", () => {
    expect(["late", "bad", "back", "unrated"].map((id) => by(id).status)).toEqual(["已办结", "退回重办", "退回重办", "已办结"]);
    expect([by("late").card, by("late").closedLate, by("late").daysToClose]).toEqual([null, true, 7]);
    expect([by("bad").due, by("bad").overdueDays, by("bad").card]).toEqual([serial("2023-11-24"), 4, "黄牌"]);
    expect([by("back").overdueDays, by("back").card]).toEqual([0, null]);
    expect(r.satisfaction).toEqual({ surveyed: 3, satisfied: 0, rate: 0 });
    expect(r.cards).toEqual({ 蓝牌: 2, 黄牌: 3, 红牌: 1 });
    expect([r.closed, r.open, r.returned]).toEqual([2, 8, 2]);
  });

  test("card bounds from the 参数 sheet", () => {
    const params = [["参数", "值"], ["蓝牌超期天数", 2], ["黄牌超期天数", 5], ["红牌超期天数", 8]];
    const { result } = analyse(rows, "2023-11-30", { params });
    const c = (id: string) => result.appeals.find((a) => a.id === id)!.card;
    expect(["1", "3", "4", "10", "11"].map(c)).toEqual([null, "蓝牌", "蓝牌", "红牌", "红牌"]);
  });
});

describe("parameters, the 节假日 sheet and unknown years", () => {
  const rows: Row[] = [{ id: "1", received: "2023-09-28", limit: 3 }];

  test("计时方式 = 自然日: calendar days", () => {
    const { result } = analyse(rows, "2023-10-20", { params: [["计时方式", "自然日"]] });
    expect([result.appeals[0].due, result.appeals[0].overdueDays, result.appeals[0].card]).toEqual([serial("2023-10-01"), 19, "红牌"]);
    // written as staff write it: 按自然日计算 / 按工作日
    expect(analyse(rows, "2023-10-20", { params: [["计时方式", "按自然日计算"]] }).result.appeals[0].due).toBe(serial("2023-10-01"));
    const w = analyse(rows, "2023-10-20", { params: [["计时方式", "按工作日"]] });
    expect([w.result.appeals[0].due, w.notes]).toEqual([serial("2023-10-09"), []]);
  });

  test("a 节假日 row overrides the official calendar (a local day off on Mon 10/9)", () => {
    const holidays = [["日期", "类型", "说明"], ["2023-10-09", "放假", "县里调整"]];
    const { result, notes } = analyse(rows, "2023-10-20", { holidays });
    expect(result.appeals[0].due).toBe(serial("2023-10-10"));
    expect(result.appeals[0].overdueDays).toBe(8);
    expect(notes).toEqual([]);
  });

  test("a 节假日 sheet headed 是否工作日 (是/否), and one listing dates only (all days off, with a note)", () => {
    // 10/9 off locally, Sat 10/14 worked: due 10/7, 10/8, 10/10; overdue 10/11–14, 10/16–20 = 9 → 黄牌
    const yesNo = [["日期", "是否工作日"], ["2023-10-09", "否"], ["2023-10-14", "是"]];
    const a = analyse(rows, "2023-10-20", { holidays: yesNo });
    expect([a.result.appeals[0].due, a.result.appeals[0].overdueDays, a.result.appeals[0].card]).toEqual([serial("2023-10-10"), 9, "黄牌"]);
    expect(a.notes).toEqual([]);
    const listed = [["日期", "说明"], ["2023-10-09", "县里调整"]];
    const b = analyse(rows, "2023-10-20", { holidays: listed });
    expect([b.result.appeals[0].due, b.result.appeals[0].overdueDays]).toEqual([serial("2023-10-10"), 8]);
    expect(b.notes.join("\n")).toContain("没有“类型”列");
    // asked the other way round: 是否放假 是 = a day off, 否 = a working day
    const offAsked = [["日期", "是否放假"], ["2023-10-09", "是"], ["2023-10-14", "否"]];
    const c = analyse(rows, "2023-10-20", { holidays: offAsked });
    expect([c.result.appeals[0].due, c.result.appeals[0].overdueDays, c.notes]).toEqual([serial("2023-10-10"), 9, []]);
    // 休 / 班 and the English words
    for (const [off, on] of [["休", "班"], ["holiday", "workday"], ["法定假日", "补班"]]) {
      const d = analyse(rows, "2023-10-20", { holidays: [["日期", "类型"], ["2023-10-09", off], ["2023-10-14", on]] });
      expect([off, d.result.appeals[0].overdueDays, d.notes]).toEqual([off, 9, []]);
    }
  });

  test("a 节假日 row it cannot read is a note naming the cell and the value", () => {
    const holidays = [["日期", "类型"], ["2023-10-09", "半天"], ["2023-13-01", "放假"]];
    const { result, notes } = analyse(rows, "2023-10-20", { holidays });
    expect(result.appeals[0].due).toBe(serial("2023-10-09"));
    expect(notes.join("\n")).toContain("节假日!B2");
    expect(notes.join("\n")).toContain("半天");
    expect(notes.join("\n")).toContain("节假日!A3");
  });

  test("a date beyond the calendar's years: a note naming the year", () => {
    const y = LAST_KNOWN_YEAR + 1;
    const { result } = analyse([{ id: "1", received: `${y}-03-01`, limit: 5 }], `${y}-03-20`);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain(`${y} 年`);
    expect(result.notes[0]).toContain("节假日");
  });

  test("bad parameter values fall back to the defaults with a warning naming the row", () => {
    const read = readAppealsParams([["计时方式", "按周"], ["一类问题件数", 5], ["红牌超期天数", 2]]);
    expect(read.params.mode).toBe("工作日");
    expect(read.params.recurringMin).toBe(5);
    expect(read.params.cardBounds).toEqual([1, 4, 11]); // 2 < 4: not non-decreasing
    expect(read.warnings).toHaveLength(2);
    expect(read.warnings[0]).toContain("第 1 行");
    expect(read.warnings[0]).toContain("按周");
  });

  test("the template's parameter rows read back as the defaults", () => {
    const read = readAppealsParams(appealsParamRows());
    expect(read.found).toBe(true);
    expect(read.warnings).toEqual([]);
    expect(read.params).toEqual({ mode: "工作日", cardBounds: [1, 4, 11], recurringMin: 3, rateDecimals: 1 });
  });
});

describe("dates as registers exported from a system write them", () => {
  test("a date typed as the number 20230928 (Excel keeps it a number) is that day; a number past 9999-12-31 is no date", () => {
    const { result, notes } = analyse(
      [
        { id: "1", received: 20230928, limit: 3 },
        { id: "2", received: 20231332, limit: 3 },
      ],
      "2023-10-20",
    );
    expect([result.appeals[0].due, result.appeals[0].card]).toEqual([serial("2023-10-09"), "黄牌"]);
    expect(result.appeals[1].due).toBeNull();
    expect(result.notes.join("\n")).toContain("20231332");
    expect(notes).toEqual([]);
  });

  test("a time of day after the date is dropped; Excel dates with a time fraction count as their day", () => {
    const { result, table } = analyse(
      [
        { id: "1", received: "2023-09-28 16:45:00", limit: 3 },
        { id: "2", received: "2023/9/28 9:05", limit: 3, closed: serial("2023-10-09") + 0.75, satisfaction: "满意" },
      ],
      "2023-10-20",
    );
    expect(table.issues).toEqual([]);
    expect(result.appeals.map((a) => a.due)).toEqual([serial("2023-10-09"), serial("2023-10-09")]);
    expect(result.appeals[1].daysToClose).toBe(3);
  });
});

describe("the seed: 1466 appeals, 1460 closed", () => {
  const rows: Row[] = Array.from({ length: 1466 }, (_, i) =>
    i < 1460
      ? { id: `S${i + 1}`, received: "2022-03-01", limit: 10, closed: "2022-03-10", satisfaction: "满意" }
      : { id: `S${i + 1}`, received: "2022-12-20", limit: 10 },
  );
  const { result: r } = analyse(rows, "2022-12-30");

  test("closure rate written the seed's way: 1460/1466 = 99.59% → 99.5% (truncated, never overstating)", () => {
    expect(1460 / 1466).toBeCloseTo(0.99591, 5);
    expect([r.total, r.closed, r.open]).toEqual([1466, 1460, 6]);
    expect(r.closureRate).toBe(0.995);
    expect(rateText(r.closureRate, 1)).toBe("99.5%");
    expect(toJson(r).closureRate).toBe(0.995);
  });
});
