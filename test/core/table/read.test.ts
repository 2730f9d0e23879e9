import { readTable, isReadError, Table, TableSpec, normalizeHeader, unitFactor, monthFromText, parseDate, dateToExcelSerial } from "../../../src/core/table";

const spec: TableSpec = {
  kind: "monthly",
  title: "月报",
  fields: [
    { key: "name", header: "企业名称", synonyms: ["单位名称", "单位详细名称"], required: true, type: "text" },
    { key: "uscc", header: "统一社会信用代码", required: true, type: "text" },
    { key: "outputMonth", header: "本月工业总产值", required: true, type: "number", unit: "万元" },
    { key: "outputYtd", header: "1-本月工业总产值", synonyms: ["工业总产值累计"], required: true, type: "number", unit: "万元" },
    { key: "land", header: "用地面积(亩)", type: "number", unit: "亩" },
    { key: "entry", header: "入库日期", type: "date" },
    { key: "note", header: "说明", type: "text" },
  ],
};

function table(values: unknown[][], startRow = 1, startCol = 1): Table {
  const t = readTable({ name: "10月", startRow, startCol, values: values as never }, spec);
  if (isReadError(t)) throw new Error(t.error);
  return t;
}

describe("normalizeHeader / unitFactor", () => {
  test("dash variants, spaces, brackets with units", () => {
    expect(normalizeHeader("1—本月工业总产值（万元）")).toEqual({ name: "1-本月工业总产值", unit: "万元", unknownUnit: "" });
    expect(normalizeHeader(" 1至本月 工业总产值 ")).toEqual({ name: "1-本月工业总产值", unit: "", unknownUnit: "" });
    expect(normalizeHeader("用地面积(平方米)")).toEqual({ name: "用地面积", unit: "平方米", unknownUnit: "" });
    expect(normalizeHeader("用地面积/㎡")).toEqual({ name: "用地面积", unit: "平方米", unknownUnit: "" });
    expect(normalizeHeader("综合能耗(吨标准煤)")).toEqual({ name: "综合能耗", unit: "吨标煤", unknownUnit: "" });
  });
  test("factors", () => {
    expect(unitFactor("千元", "万元")).toBeCloseTo(0.1);
    expect(unitFactor("亿元", "万元")).toBe(10000);
    expect(unitFactor("元", "万元")).toBeCloseTo(1e-4);
    expect(unitFactor("平方米", "亩")).toBeCloseTo(15 / 10000);
    expect(unitFactor("", "万元")).toBe(1);
  });
});

describe("readTable", () => {
  test("header on row 1, synonyms, typed values, parse issues with addresses", () => {
    const t = table([
      ["单位名称", "统一社会信用代码", "本月工业总产值(千元)", "1—本月工业总产值", "说明"],
      ["甲公司", "91340700MA2N0001X1", "1,000", 800, ""],
      ["乙公司", "91340700MA2N0002X1", "120万元", "abc", "停产"],
      [null, null, null, null, null],
      ["合计", null, 1100, 880, null],
    ]);
    expect(t.headerRow).toBe(1);
    expect(t.columns.outputMonth).toMatchObject({ col: 3, unit: "千元", factor: 0.1 });
    expect(t.missing).toEqual([]);
    expect(t.absent.map((f) => f.key)).toEqual(["land", "entry"]);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]).toMatchObject({ row: 2, values: { name: "甲公司", outputMonth: 100, outputYtd: 800, note: null } });
    expect(t.totalRows.map((r) => r.row)).toEqual([5]);
    expect(t.issues.map((i) => [i.address, i.key])).toEqual([
      ["C3", "outputMonth"],
      ["D3", "outputYtd"],
    ]);
    expect(t.issues[0].suggestion).toBe(120);
    expect(t.address(3, "outputYtd")).toBe("D3");
  });

  test("headers on row 3 under a merged title, with an offset used range", () => {
    const t = table(
      [
        ["2023年10月规上工业企业月报", null, null, null],
        ["填报单位：县经信局", null, null, null],
        ["企业名称", "统一社会信用代码", "本月工业总产值", "工业总产值累计"],
        ["丙公司", "x", 5, 50],
      ],
      2,
      2,
    );
    expect(t.headerRow).toBe(4);
    expect(t.columns.name.col).toBe(2);
    expect(t.rows[0].row).toBe(5);
    expect(t.address(5, "outputYtd")).toBe("E5");
  });

  test("a two-row header under merged parent cells", () => {
    const t = table([
      ["企业名称", "统一社会信用代码", "工业总产值(万元)", null, "说明"],
      [null, null, "本月", "1-本月", null],
      ["丁公司", "y", 7, 70, null],
    ]);
    expect(t.headerRow).toBe(2);
    expect(t.columns.outputMonth.col).toBe(3);
    expect(t.columns.outputYtd.col).toBe(4);
    expect(t.columns.name.col).toBe(1);
    expect(t.rows[0].values).toMatchObject({ name: "丁公司", outputMonth: 7, outputYtd: 70 });
  });

  test("missing required columns are named; duplicated columns noted, first kept", () => {
    const t = table([
      ["企业名称", "本月工业总产值", "本月工业总产值", "说明"],
      ["a", 1, 2, null],
    ]);
    expect(t.missing.map((f) => f.header)).toEqual(["统一社会信用代码", "1-本月工业总产值"]);
    expect(t.columns.outputMonth.col).toBe(2);
    expect(t.notes[0]).toMatch(/重复/);
  });

  test("no header → a read error naming the sheet", () => {
    const t = readTable({ name: "Sheet1", startRow: 1, startCol: 1, values: [["a", "b"], [1, 2]] }, spec);
    expect(isReadError(t) && t.error).toMatch(/Sheet1/);
  });

  test("square metres converted to 亩; dates parsed", () => {
    const s: TableSpec = { ...spec, fields: [spec.fields[0], { ...spec.fields[4], header: "用地面积(亩)" }, spec.fields[5]] };
    const t = readTable({ name: "s", startRow: 1, startCol: 1, values: [["企业名称", "用地面积(平方米)", "入库日期"], ["a", 6666.67, "2023年1月5日"], ["b", 2000, "2023-02-30"]] }, s);
    if (isReadError(t)) throw new Error(t.error);
    expect(t.rows[0].values.land as number).toBeCloseTo(10, 3);
    expect(t.rows[0].values.entry).toBe(dateToExcelSerial(2023, 1, 5));
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0].address).toBe("C3");
  });
});

describe("dates and months", () => {
  test("Excel serials of known dates", () => {
    expect(dateToExcelSerial(2023, 1, 5)).toBe(44931);
    expect(dateToExcelSerial(1900, 3, 1)).toBe(61);
    expect(parseDate("20240301")).toEqual({ kind: "date", serial: 45352, precision: "day" });
  });
  test("monthFromText", () => {
    expect(monthFromText("10月")).toBe(10);
    expect(monthFromText("1-10月")).toBe(10);
    expect(monthFromText("2023年3月份")).toBe(3);
    expect(monthFromText("Sheet1")).toBeNull();
    expect(monthFromText("13月")).toBeNull();
    expect(monthFromText(7)).toBe(7);
  });
});

describe("a month written into the header", () => {
  test("1-10月 and 10月 read as 1-本月 and 本月; a pool's month columns stay themselves", () => {
    expect(normalizeHeader("1-10月工业总产值(万元)").name).toBe("1-本月工业总产值");
    expect(normalizeHeader("1—10月工业总产值").name).toBe("1-本月工业总产值");
    expect(normalizeHeader("上年同期1-10月工业总产值").name).toBe("上年同期1-本月工业总产值");
    expect(normalizeHeader("10月工业总产值").name).toBe("本月工业总产值");
    expect(normalizeHeader("上年同期10月工业总产值").name).toBe("上年同期本月工业总产值");
    expect(normalizeHeader("10月").name).toBe("10月");
    expect(normalizeHeader("上年10月").name).toBe("上年10月");
    expect(normalizeHeader("12月份").name).toBe("12月份");
  });
  test("a monthly report with 1-10月 headers is read", () => {
    const t = table([
      ["企业名称", "统一社会信用代码", "10月工业总产值", "1-10月工业总产值"],
      ["甲", "x", 5, 50],
    ]);
    expect(t.rows[0].values).toMatchObject({ outputMonth: 5, outputYtd: 50 });
  });
});
