/** 参数 rows typed by staff under other names than the template's (review of issue #6). */
import { defaultParams, readParams } from "../../../src/core/acre/params";

describe("参数 sheet: other names for the same parameter", () => {
  test("合并排名 = 是 ranks the two scales together; 排名方式 = 分开 keeps them apart", () => {
    expect(readParams([["参数", "值"], ["合并排名", "是"]]).params.separatePools).toBe(false);
    expect(readParams([["参数", "值"], ["规上规下合并排名", "否"]]).params.separatePools).toBe(true);
    expect(readParams([["参数", "值"], ["是否分开排名", "否"]]).params.separatePools).toBe(false);
    expect(readParams([["参数", "值"], ["排名方式", "合并排名"]]).params.separatePools).toBe(false);
    expect(readParams([["参数", "值"], ["排名方式", "分开"]]).params.separatePools).toBe(true);
    expect(readParams([["参数", "值"], ["规上规下分开排名", "合并"]]).params.separatePools).toBe(false);
  });

  test("A类占比 / B级比例 …, 规上亩均税收权重, 亩均税收权重(规下), 评价方法, 用地下限", () => {
    const r = readParams([
      ["参数", "值"],
      ["评价方法", "极差法"],
      ["A类占比", 0.3],
      ["B级比例", 0.4],
      ["C类比例", 0.2],
      ["D档占比", 0.1],
      ["规上亩均税收权重", 70],
      ["规上亩均营业收入权重", 0],
      ["亩均税收权重（规下）", 80],
      ["规下企业用地下限", 5],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.params.method).toBe("minmax");
    expect(r.params.shares).toEqual([0.3, 0.4, 0.2, 0.1]);
    expect(r.params.weights.规上).toEqual({ taxPerMu: 70, taxPerTce: 15, laborProductivity: 10 });
    expect(r.params.weights.规下).toEqual({ taxPerMu: 80 });
    expect(r.params.minLandBelowScale).toBe(5);
  });

  test("unknown rows are still left alone", () => {
    const r = readParams([["参数", "值"], ["其他参数", 1]]);
    expect(r.found).toBe(false);
    expect(r.params).toEqual(defaultParams());
  });
});
