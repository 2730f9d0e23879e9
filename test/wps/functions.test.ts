/**
 * The JX functions through the WPS registration (src/wps/functions.ts) under a stub
 * `wps.AddCustomFunction`, and functions.json generated from the same table (src/functions/table.ts). The built
 * dist-wps/main.js is run the same way in test/wps/bundle.test.ts.
 */
import { registerWpsFunctions, toWps, toWpsCell, WPS_NAMESPACE } from "../../src/wps/functions";
import { wpsFunctionsJson } from "../../src/wps/metadata";
import { FUNCTION_IDS, FUNCTIONS } from "../../src/functions/table";
import { cellError } from "../../src/core/result";

const ISSUE_17 = ["YOY_GROWTH", "TARGET_RATE", "TIME_PROGRESS", "PROGRESS_GAP", "CONTRIBUTION", "PULL", "MU", "ACRE_TAX", "ACRE_REVENUE", "ENERGY_TAX", "LABOR_PRODUCTIVITY", "ACRE_SCORE", "ACRE_GRADE", "USCC_VALID", "APPEAL_CARD", "SCALE_PROJECTION", "SCALE_GAP"];

function stubWps() {
  const fns: Record<string, (...a: unknown[]) => unknown> = {};
  const namespaces = new Set<string>();
  const host = {
    AddCustomFunction: (ns: string, name: string, fn: (...a: unknown[]) => unknown) => {
      namespaces.add(ns);
      fns[name] = fn;
    },
  };
  return { host, fns, namespaces };
}

describe("registration", () => {
  test("the 17 functions, under namespace JX, with ASCII names", () => {
    const { host, fns, namespaces } = stubWps();
    expect(registerWpsFunctions(host).sort()).toEqual([...ISSUE_17].sort());
    expect([...namespaces]).toEqual(["JX"]);
    expect(WPS_NAMESPACE).toBe("JX");
    for (const n of Object.keys(fns)) expect(n).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
  });

  test("a WPS without AddCustomFunction (before 12.1.0.20540) registers nothing and does not fail", () => {
    expect(registerWpsFunctions({})).toEqual([]);
    expect(registerWpsFunctions(undefined)).toEqual([]);
  });

  test("values computed by the shared implementation: ranges give matrices, single cells plain values", () => {
    const { host, fns } = stubWps();
    registerWpsFunctions(host);
    // 2023 县规上工业产值 110 vs 100 → +10 %; 128 vs 120 → +6.67 %
    expect(fns.YOY_GROWTH([[110], [128]], [[100], [120]])).toEqual([[0.1], [(128 - 120) / 120]]);
    expect(fns.YOY_GROWTH([[110]], [[100]])).toBeCloseTo(0.1, 12);
    expect(fns.YOY_GROWTH(110, 100)).toBeCloseTo(0.1, 12);
    expect(fns.TIME_PROGRESS(10)).toBeCloseTo(10 / 12, 12);
    expect(fns.MU([[6666.67]])).toBeCloseTo(10.000005, 6); // 6 666.67 m² ≈ 10 亩
    expect(fns.USCC_VALID("91350100M000100Y43")).toBe(true);
    expect(fns.USCC_VALID("91350100M000100Y44")).toBe(false);
    expect(fns.ACRE_GRADE(90, [[90], [80], [70], [60], [50]])).toBe("A");
    for (const id of FUNCTION_IDS) expect(typeof fns[id]).toBe("function");
  });

  test("errors become their error text (WPS documents no error values for custom functions)", () => {
    const { host, fns } = stubWps();
    registerWpsFunctions(host);
    expect(fns.YOY_GROWTH([[1]], [[0]])).toBe("#DIV/0!");
    expect(fns.YOY_GROWTH(1, null)).toBe("#N/A");
    expect(fns.YOY_GROWTH("abc", 1)).toBe("#VALUE!");
    expect(fns.YOY_GROWTH(1, -5)).toBe("#NUM!");
    expect(fns.YOY_GROWTH([[1], [2]], [[0], [1]])).toEqual([["#DIV/0!"], [1]]);
    expect(toWpsCell(cellError("#N/A", "x"))).toBe("#N/A");
    expect(toWps([[cellError("#VALUE!", "x")]])).toBe("#VALUE!");
  });

  test("every registered function returns what the shared implementation returns, translated", () => {
    const { host, fns } = stubWps();
    registerWpsFunctions(host);
    const args: unknown[] = [[[120], [0]], [[100], [5]], [[3], [3]], [[2], [1]]];
    for (const id of FUNCTION_IDS) {
      const n = FUNCTIONS[id].params.length;
      expect([id, fns[id](...args.slice(0, n))]).toEqual([id, toWps(FUNCTIONS[id].impl(...args.slice(0, n)))]);
    }
  });
});

describe("functions.json", () => {
  const meta = wpsFunctionsJson();

  test("the 17 functions with the parameters of the shared table, Chinese descriptions", () => {
    expect(meta.functions.map((f) => f.name).sort()).toEqual([...ISSUE_17].sort());
    for (const f of meta.functions) {
      const id = f.name as keyof typeof FUNCTIONS;
      expect(f.description).toBe(`${FUNCTIONS[id].zh.name}：${FUNCTIONS[id].zh.description}`);
      expect(f.parameters.map((p) => [p.name, p.description])).toEqual(FUNCTIONS[id].params.map((p) => [p.name, p.zh]));
      for (const p of f.parameters) expect([f.name, p.name, /[\u4e00-\u9fff]/.test(p.description)]).toEqual([f.name, p.name, true]);
      expect(f.result).toEqual({ type: "any" });
    }
  });

  test("ranges are any[][], single cells any, optional parameters end in ?", () => {
    const byName = Object.fromEntries(meta.functions.map((f) => [f.name, f]));
    expect(byName.TIME_PROGRESS.parameters.map((p) => p.type)).toEqual(["any"]);
    expect(byName.ACRE_SCORE.parameters.map((p) => p.type)).toEqual(["any[][]", "any[][]", "any[][]", "any?"]);
    expect(byName.SCALE_GAP.parameters.map((p) => p.type)).toEqual(["any[][]", "any[][]", "any[][]?", "any[][]?"]);
  });
});
