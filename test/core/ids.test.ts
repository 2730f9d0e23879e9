import { orgCodeCheckChar, orgCodeValid, usccCheckChar, usccProblem, usccValid } from "../../src/core/ids";

/*
 * 91350100M000100Y43 (the GB 32100-2015 example), by hand: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4
 * times weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 = 9+3+27+135+26+420+8+900+112 = 1640;
 * 1640 mod 31 = 28; 31 − 28 = 3 → "3".
 */
describe("unified social credit code", () => {
  test("check character by hand", () => {
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
    expect(usccValid("91350100M000100Y43")).toBe(true);
  });
  test("a constructed code: 91340700MA2N0QG27 → L (Σ = 2367 = 76·31 + 11; 31 − 11 = 20 → L)", () => {
    expect(usccCheckChar("91340700MA2N0QG27")).toBe("L");
    expect(usccValid("91340700MA2N0QG27L")).toBe(true);
  });
  test("check 0 maps to character 0 (Σ mod 31 = 0)", () => {
    // all zeros: Σ = 0 → (31 − 0) mod 31 = 0
    expect(usccCheckChar("00000000000000000")).toBe("0");
  });
  test("case and surrounding spaces are ignored", () => {
    expect(usccValid("  91350100m000100y43 ")).toBe(true);
    expect(usccValid("９１３５０１００Ｍ０００１００Ｙ４３")).toBe(true); // full-width
  });
  test("I, O, S, V, Z are rejected as characters, not as check failures", () => {
    for (const c of ["I", "O", "S", "V", "Z"]) {
      const code = `91350100${c}000100Y43`;
      expect(usccValid(code)).toBe(false);
      expect(usccProblem(code)?.kind).toBe("chars");
    }
  });
  test("problems: length, chars, check (with the expected char, never corrected)", () => {
    expect(usccProblem("91350100M000100Y4")?.kind).toBe("length");
    expect(usccProblem("")?.kind).toBe("length");
    expect(usccProblem("91350100M000100Y4-")?.kind).toBe("chars");
    const p = usccProblem("91350100M000100Y44");
    expect(p).toMatchObject({ kind: "check", expected: "3" });
    expect(p!.message).toMatch(/校验位/);
    expect(p!.message).toMatch(/check character/);
    expect(usccProblem("91350100M000100Y43")).toBeNull();
  });
  test("non-strings are simply invalid", () => {
    expect(usccValid(null)).toBe(false);
    expect(usccValid(913501001234567)).toBe(false);
  });
});

describe("organisation code (GB 11714)", () => {
  test("the standard's example D2143569-X", () => {
    // 13·3 + 2·7 + 1·9 + 4·10 + 3·5 + 5·8 + 6·4 + 9·2 = 199; 199 mod 11 = 1; 11 − 1 = 10 → X
    expect(orgCodeCheckChar("D2143569")).toBe("X");
    expect(orgCodeValid("D2143569-X")).toBe(true);
    expect(orgCodeValid("D2143569X")).toBe(true);
    expect(orgCodeValid("D21435691")).toBe(false);
  });
  test("positions 9–17 of a USCC", () => {
    expect(orgCodeValid("91350100M000100Y43")).toBe(true); // M000100Y-4
    expect(orgCodeValid("91350100M000100Y53")).toBe(false);
  });
});
