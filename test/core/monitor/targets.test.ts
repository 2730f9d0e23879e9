import { findTarget, readTargets, Targets, targetsTemplate, targetValue } from "../../../src/core/monitor/targets";

function read(values: unknown[][], name = "目标"): Targets {
  const t = readTargets({ name, startRow: 1, startCol: 1, values: values as never });
  if ("error" in t) throw new Error(t.error);
  return t;
}

describe("targets template", () => {
  test("header and the seed's 2023 plan", () => {
    const rows = targetsTemplate();
    expect(rows[0]).toEqual(["指标", "类型", "年度目标", "单位", "1-本月完成"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["规上工业总产值", "总量", 145, "亿元"],
      ["工业增加值增速", "增速", 8, "%"],
      ["工业投资", "总量", 49, "亿元"],
      ["技改投资", "总量", 9, "亿元"],
      ["净增规上企业数", "总量", 18, "户"],
      ["退规企业数", "总量", null, "户"],
    ]);
  });

  test("read back: 亿元 → 万元, % → decimal, 户 unchanged, blank → null", () => {
    const t = read(targetsTemplate());
    expect(t.issues).toEqual([]);
    expect(targetValue(t, "规上工业总产值")).toBe(1450000);
    expect(targetValue(t, "output")).toBe(1450000);
    expect(targetValue(t, "工业增加值增速")).toBeCloseTo(0.08, 12);
    expect(targetValue(t, "工业投资")).toBe(490000);
    expect(targetValue(t, "技改投资")).toBe(90000);
    expect(targetValue(t, "净增规上企业数")).toBe(18);
    expect(targetValue(t, "netNewFirms")).toBe(18);
    expect(targetValue(t, "退规企业数")).toBeNull();
    expect(targetValue(t, "退规企业数", "actual")).toBeNull();
    expect(findTarget(t, "工业增加值增速")?.kind).toBe("增速");
    expect(findTarget(t, "工业投资")?.row).toBe(4);
    expect(targetValue(t, "不存在的指标")).toBeNull();
  });
});

describe("readTargets", () => {
  test("'8%' text, 1-本月完成 by unit, kind inferred, synonyms, header on row 2", () => {
    const t = read([
      ["2022年目标", null, null, null, null],
      ["指标名称", "类型", "全年目标", "单位", "累计完成"],
      ["工业增加值增长", "", "8%", "", "0.1%"],
      ["工业投资", "总量", 37, "亿元", 39.16],
      ["技改投资", "总量", 69000, "万元", 65200],
      ["净增规上工业企业数", "", 18, "户", 16],
      ["退规企业数", "总量", 0, "户", 10],
    ]);
    expect(findTarget(t, "工业增加值增速")).toMatchObject({ kind: "增速", row: 3 });
    expect(targetValue(t, "工业增加值增速")).toBeCloseTo(0.08, 12);
    expect(targetValue(t, "工业增加值增速", "actual")).toBeCloseTo(0.001, 12);
    expect(targetValue(t, "investment")).toBe(370000);
    expect(targetValue(t, "investment", "actual")).toBeCloseTo(391600, 6);
    expect(targetValue(t, "技改投资", "actual")).toBe(65200);
    expect(targetValue(t, "净增规上企业数")).toBe(18);
    expect(targetValue(t, "净增规上企业数", "actual")).toBe(16);
    expect(targetValue(t, "退规企业数")).toBe(0);
    expect(targetValue(t, "退规企业数", "actual")).toBe(10);
  });

  test("unknown unit and unreadable cells are reported with their cell, not guessed", () => {
    const t = read([
      ["指标", "类型", "年度目标", "单位", "1-本月完成"],
      ["工业投资", "总量", 49, "亿美元", 3],
      ["技改投资", "总量", "九亿", "亿元", null],
    ]);
    expect(targetValue(t, "工业投资")).toBeNull();
    expect(targetValue(t, "技改投资")).toBeNull();
    expect(t.issues.map((i) => i.address).sort()).toEqual(["C3", "D2", "D2"]);
  });

  test("a sheet without the header is a read error", () => {
    const t = readTargets({ name: "Sheet1", startRow: 1, startCol: 1, values: [["a", "b"], [1, 2]] });
    expect("error" in t && t.error).toMatch(/目标/);
  });
});

describe("units convert exactly", () => {
  test("the seed's 1–10月 investment 39.16 亿元 is 391 600 万元, 6.52 亿元 is 65 200 万元", () => {
    const t = read([
      ["指标", "类型", "年度目标", "单位", "1-本月完成"],
      ["工业投资", "总量", 37, "亿元", 39.16],
      ["技改投资", "总量", 6.9, "亿元", 6.52],
    ]);
    expect(targetValue(t, "工业投资", "actual")).toBe(391600);
    expect(targetValue(t, "工业投资", "target")).toBe(370000);
    expect(targetValue(t, "技改投资", "actual")).toBe(65200);
  });
});
