import { resolveMonth } from "../../../src/core/table/month";
import type { CellValue } from "../../../src/core/num";

const sheet = (name: string, values: CellValue[][] = [["企业名称", "本月工业总产值(万元)"]]) => ({ name, startRow: 1, startCol: 1, values });

describe("the month option against the sheet's own month", () => {
  test("--month 11 on a sheet named 10月: 11 is used, and a note says the sheet reads 10", () => {
    const r = resolveMonth({ sheet: sheet("10月"), option: 11, headerRow: 0 })!;
    expect(r.month).toBe(11);
    expect(r.source).toBe("option");
    expect(r.notes).toEqual([expect.stringMatching(/^按指定的 11 月计算，但工作表名“10月” 写的是 10 月/)]);
  });

  test("a title above the header that says another month is named by its cell", () => {
    const r = resolveMonth({ sheet: sheet("Sheet1", [["2023年1-10月规上工业企业主要指标"], ["企业名称", "本月工业总产值(万元)"]]), option: 9, headerRow: 1 })!;
    expect(r.month).toBe(9);
    expect(r.notes.join("")).toMatch(/单元格 A1 写的是 10 月/);
  });

  test("no note when the option agrees with the sheet or the sheet says no month", () => {
    expect(resolveMonth({ sheet: sheet("10月"), option: 10, headerRow: 0 })!.notes).toEqual([]);
    expect(resolveMonth({ sheet: sheet("Sheet1"), option: 11, headerRow: 0 })!.notes).toEqual([]);
  });
});
