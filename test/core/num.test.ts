import { parseNumber, argNumber, toHalfWidth } from "../../src/core/num";
import { isError } from "../../src/core/result";

describe("parseNumber", () => {
  const num = (raw: unknown) => {
    const p = parseNumber(raw as never);
    return p.kind === "number" ? p.value : p.kind;
  };
  test.each([
    [120, 120],
    ["120", 120],
    [" 1,234.5 ", 1234.5],
    ["１２３", 123],
    ["１，２３４．５", 1234.5],
    ["-5", -5],
    ["－5", -5],
    ["(300)", -300],
    ["5.9%", 0.059],
    ["５．９％", 0.059],
    ["1e3", 1000],
    [".5", 0.5],
  ])("%p reads as %p", (raw, expected) => {
    expect(num(raw)).toBeCloseTo(expected as number, 12);
  });

  test.each([null, undefined, "", "   ", "\u3000"])("%p is blank", (raw) => {
    expect(num(raw)).toBe("blank");
  });

  test("a unit in the cell is an error that proposes the number in 万元", () => {
    expect(parseNumber("120万元")).toMatchObject({ kind: "invalid", suggestion: 120 });
    expect(parseNumber("3.5亿")).toMatchObject({ kind: "invalid", suggestion: 35000 });
    expect(parseNumber("1200元")).toMatchObject({ kind: "invalid", suggestion: 0.12 });
    expect(parseNumber("500千元")).toMatchObject({ kind: "invalid", suggestion: 50 });
    const p = parseNumber("120万元");
    expect(p.kind === "invalid" && p.message).toMatch(/万元.*120/);
  });

  test.each(["abc", "12a", "1,23", "#N/A", "#DIV/0!", true, NaN, Infinity, "1.2.3"])("%p is invalid", (raw) => {
    expect(parseNumber(raw as never).kind).toBe("invalid");
  });

  test("Excel error values say so", () => {
    const p = parseNumber("#REF!");
    expect(p.kind === "invalid" && p.message).toContain("#REF!");
  });

  test("toHalfWidth maps full-width ASCII and the ideographic space", () => {
    expect(toHalfWidth("Ａ１（２）\u3000")).toBe("A1(2) ");
  });
});

describe("argNumber (custom-function arguments)", () => {
  test("blank → #N/A, text → #VALUE!, number text → number, 1×1 range unwrapped", () => {
    expect(argNumber(null, "x")).toMatchObject({ error: "#N/A" });
    expect(argNumber("", "x")).toMatchObject({ error: "#N/A" });
    expect(argNumber("abc", "x")).toMatchObject({ error: "#VALUE!" });
    expect(argNumber("1,234", "x")).toBe(1234);
    expect(argNumber([[7]], "x")).toBe(7);
    expect(isError(argNumber(true, "x"))).toBe(true);
  });
});
