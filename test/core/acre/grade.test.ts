import { gradeAll, gradeBounds, gradeOf, normalizeShares } from "../../../src/core/acre/grade";
import { isError, Result } from "../../../src/core/result";

const code = (r: Result<unknown>) => (isError(r) ? r.error : "ok");
const range = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n, n−1, …, 1
const grades = (scores: number[], shares?: number[]) => gradeAll(scores, shares).map((g) => g!.grade).join("");

describe("grade boundaries (round half up of cumulative shares × N)", () => {
  test("defaults 20/45/30/5", () => {
    expect(gradeBounds(1, [0.2, 0.45, 0.3, 0.05])).toEqual([0, 1, 1]);
    expect(gradeBounds(7, [0.2, 0.45, 0.3, 0.05])).toEqual([1, 5, 7]); // 1.4, 4.55, 6.65
    expect(gradeBounds(10, [0.2, 0.45, 0.3, 0.05])).toEqual([2, 7, 10]); // 2, 6.5, 9.5
    expect(gradeBounds(20, [0.2, 0.45, 0.3, 0.05])).toEqual([4, 13, 19]);
    expect(gradeBounds(221, [0.2, 0.45, 0.3, 0.05])).toEqual([44, 144, 210]); // 44.2, 143.65, 209.95
  });
  test("binary noise does not move a .5 boundary", () => {
    // (0.06 + 0.59)·10 = 6.499999999999999 in floating point; on paper 6.5 → 7
    expect(gradeBounds(10, [0.06, 0.59, 0.3, 0.05])[1]).toBe(7);
    // 0.58·25 = 14.499999999999998; on paper 14.5 → 15
    expect(gradeBounds(25, [0.58, 0.2, 0.1, 0.12])[0]).toBe(15);
  });
});

describe("boundaries for every whole-percent share pair and N ≤ 40 match integer arithmetic", () => {
  test("exhaustive", () => {
    const bad: string[] = [];
    for (let a = 0; a <= 100; a++) {
      for (let b = 0; a + b <= 100; b++) {
        for (let n = 1; n <= 40; n++) {
          const got = gradeBounds(n, [a / 100, b / 100, 0, 1 - (a + b) / 100]);
          const want = [a, a + b].map((pct) => Math.floor((2 * pct * n + 100) / 200)); // round half up of pct·n/100
          if (got[0] !== want[0] || got[1] !== want[1]) bad.push(`${a}/${b}/${n}: ${got} vs ${want}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("gradeAll", () => {
  test("N = 1 → B (round(0.2) = 0)", () => {
    expect(gradeAll([42])).toEqual([{ rank: 1, grade: "B" }]);
  });
  test("N = 7 → A BBBB CC", () => {
    expect(grades(range(7))).toBe("ABBBBCC");
  });
  test("N = 10 → AA BBBBB CCC, no D", () => {
    expect(grades(range(10))).toBe("AABBBBBCCC");
  });
  test("N = 20 → 4 A, 9 B, 6 C, 1 D", () => {
    expect(grades(range(20))).toBe("AAAA" + "B".repeat(9) + "C".repeat(6) + "D");
  });
  test("ties get the same, better grade", () => {
    // positions: 10 → 1; the three 9s → 2; 5 → 5 …
    const g = gradeAll([10, 9, 9, 9, 5, 4, 3, 2, 1, 0]);
    expect(g.map((x) => x!.rank)).toEqual([1, 2, 2, 2, 5, 6, 7, 8, 9, 10]);
    expect(g.map((x) => x!.grade).join("")).toBe("AAAABBBCCC");
  });
  test("scores equal on paper tie despite binary noise", () => {
    const g = gradeAll([0.1 + 0.2, 0.3, 0.1]);
    expect(g[0]!.rank).toBe(g[1]!.rank);
  });
  test("nulls are not peers and get no grade", () => {
    // N = 2: bounds round(0.4) = 0, round(1.3) = 1, round(1.9) = 2
    expect(gradeAll([null, 5, null, 4])).toEqual([null, { rank: 1, grade: "B" }, null, { rank: 2, grade: "C" }]);
    expect(gradeAll([null, null])).toEqual([null, null]);
  });
  test("custom shares (3 values: D is the rest)", () => {
    expect(grades(range(10), [0.1, 0.2, 0.3])).toBe("ABBCCCDDDD");
  });
  test("invalid shares throw (validate with normalizeShares first)", () => {
    expect(() => gradeAll([1, 2], [0.5, 0.5, 0.5])).toThrow(RangeError);
  });
  test("100 000 distinct scores split exactly 20 000 / 45 000 / 30 000 / 5 000 (its time is in npm run bench)", () => {
    const scores = Array.from({ length: 100000 }, (_, i) => ((i * 7919) % 100003) / 7);
    const graded = gradeAll(scores);
    const counts = { A: 0, B: 0, C: 0, D: 0 };
    for (const g of graded) counts[g!.grade]++;
    expect(counts).toEqual({ A: 20000, B: 45000, C: 30000, D: 5000 });
    // the best score ranks 1st, the worst 100 000th
    const best = scores.indexOf(Math.max(...scores));
    const worst = scores.indexOf(Math.min(...scores));
    expect([graded[best]!.rank, graded[worst]!.rank]).toEqual([1, 100000]);
  });
});

describe("gradeOf", () => {
  const peers = range(10);
  test("agrees with gradeAll when the score is a peer", () => {
    const all = gradeAll(peers);
    peers.forEach((s, i) => expect(gradeOf(s, peers)).toBe(all[i]!.grade));
  });
  test("a score that is not among the peers", () => {
    expect(gradeOf(100, peers)).toBe("A");
    expect(gradeOf(9.5, peers)).toBe("A"); // 10 is higher → p = 2 ≤ 2
    expect(gradeOf(8.5, peers)).toBe("B"); // 10 and 9 are higher → p = 3
  });
  test("a score below every peer is ranked N + 1", () => {
    expect(gradeOf(0, range(20))).toBe("D");
    expect(gradeOf(0, peers)).toBe("D"); // p = 11 > round(9.5) = 10
  });
  test("no peers → #N/A; non-finite score → #NUM!", () => {
    expect(code(gradeOf(1, []))).toBe("#N/A");
    expect(code(gradeOf(NaN, peers))).toBe("#NUM!");
  });
  test("4 shares must add up to 1", () => {
    expect(code(gradeOf(1, peers, [0.2, 0.45, 0.3, 0.1]))).toBe("#NUM!");
    expect(gradeOf(10, peers, [0.1, 0.2, 0.3, 0.4])).toBe("A");
  });
});

describe("normalizeShares", () => {
  test("defaults, 3 values, 4 values, nested ranges", () => {
    expect(normalizeShares()).toEqual([0.2, 0.45, 0.3, 0.05]);
    expect(normalizeShares([0.1, 0.2, 0.3])).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(normalizeShares([[0.25], [0.25], [0.25], [0.25]])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(normalizeShares([0.2, 0.45, 0.3, 0.05])).toEqual([0.2, 0.45, 0.3, 0.05]);
  });
  test("errors", () => {
    expect(code(normalizeShares([0.5, 0.5]))).toBe("#VALUE!");
    expect(code(normalizeShares([0.5, "x", 0.1]))).toBe("#VALUE!");
    expect(code(normalizeShares([0.5, 0.4, 0.3]))).toBe("#NUM!");
    expect(code(normalizeShares([-0.1, 0.4, 0.3]))).toBe("#NUM!");
    expect(code(normalizeShares([0.2, 0.45, 0.3, 0.06]))).toBe("#NUM!");
  });
});
