/**
 * Property tests over arbitrary inputs: no function throws, returns NaN or ±Infinity, or an
 * error outside its documented kinds; ranges give the same results as cell-by-cell calls; and
 * grades agree with a brute-force, integer-arithmetic reimplementation of the boundary rule.
 * `CI=1` runs 10 000 cases per property.
 */
import fc from "fast-check";
import { DOCUMENTED_ERRORS, FUNCTION_IDS, FunctionId, impl, SPECS } from "../../src/functions/impl";
import { gradeAll } from "../../src/core/acre/grade";
import { isError } from "../../src/core/result";

const numRuns = process.env.CI ? 10000 : 1000;

const numberish = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -20, max: 20 }),
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 300, max: 3000000 }), // dates, including before 1901 and after 9999
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const FULL = "０１２３４５６７８９．，－％ＡＢ";
const texty = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."0123456789.,-+e%() ") }),
  fc.string({ unit: fc.constantFrom(...FULL) }),
  fc.constantFrom("", " ", "\u3000", "1,234.5", "１２３", "5%", "(12)", "12万元", "#DIV/0!", "NaN", "Infinity", "1e999", "-0", "91350100M000100Y43", " 91350100m000100y43 ", "91350100I000100Y43"),
  numberish.map(String),
);
const scalar = fc.oneof(
  { weight: 4, arbitrary: numberish },
  { weight: 3, arbitrary: texty },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);
/** Small matrices, sometimes ragged or empty, sometimes 1×1. */
const matrix = fc.oneof(
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  fc.integer({ min: 1, max: 3 }).chain((cols) => fc.array(fc.array(scalar, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 4 })),
  fc.constantFrom([], [[]], [[1, 2], [3]]),
  fc.array(fc.array(numberish, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 1 }),
);
const arg = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: matrix });

const RESULT_TYPES: Record<FunctionId, "number" | "string" | "boolean"> = Object.fromEntries(
  FUNCTION_IDS.map((id) => [id, id === "USCC_VALID" ? "boolean" : id === "ACRE_GRADE" || id === "APPEAL_CARD" ? "string" : "number"]),
) as never;

/** What is wrong with one output cell, or null. (Plain checks: `expect` per cell is too slow for 10 000 runs.) */
function cellProblem(id: FunctionId, v: unknown): string | null {
  if (isError(v)) {
    if (!DOCUMENTED_ERRORS[id].includes(v.error)) return `undocumented error ${v.error}`;
    return typeof v.message === "string" ? null : "error without a message";
  }
  if (typeof v !== RESULT_TYPES[id]) return `unexpected ${typeof v} ${String(v)}`;
  if (typeof v === "number" && !Number.isFinite(v)) return `non-finite ${v}`;
  if (id === "ACRE_GRADE" && !["A", "B", "C", "D"].includes(v as string)) return `bad grade ${String(v)}`;
  if (id === "APPEAL_CARD" && !["", "蓝牌", "黄牌", "红牌"].includes(v as string)) return `bad card ${String(v)}`;
  return null;
}

function checkResult(id: FunctionId, out: unknown): void {
  const rows = Array.isArray(out) ? out : [[out]];
  if (rows.length === 0) throw new Error("empty result");
  for (const row of rows) {
    if (!Array.isArray(row) || row.length === 0) throw new Error("ragged or empty result row");
    for (const v of row) {
      const p = cellProblem(id, v);
      if (p) throw new Error(`${id}: ${p}`);
    }
  }
}

describe.each(FUNCTION_IDS)("%s over arbitrary inputs", (id) => {
  const n = SPECS[id].params.length;
  test("never throws, never NaN/±Infinity, only documented errors", () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: n + 1 }), (args) => {
        checkResult(id, impl[id](...args));
      }),
      { numRuns },
    );
  });
});

const EACH_ONLY = FUNCTION_IDS.filter((id) => SPECS[id].params.every((p) => p.kind === "each"));

describe.each(EACH_ONLY)("%s over a range equals cell-by-cell", (id) => {
  const n = SPECS[id].params.length;
  test("elementwise", () => {
    const shaped = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([rows, cols]) =>
      fc.array(
        fc.oneof(scalar, fc.array(fc.array(scalar, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
        { minLength: n, maxLength: n },
      ),
    );
    fc.assert(
      fc.property(shaped, (args) => {
        const out = impl[id](...args);
        const mats = args.filter((a) => Array.isArray(a) && (a.length > 1 || (a[0] as unknown[]).length > 1)) as unknown[][][];
        if (mats.length === 0) return;
        if (!Array.isArray(out)) throw new Error("a range argument must spill");
        const m = out as unknown[][];
        mats[0].forEach((row, r) =>
          row.forEach((_, c) => {
            const cellArgs = args.map((a) => (Array.isArray(a) ? (a.length === 1 && (a[0] as unknown[]).length === 1 ? a : (a as unknown[][])[r][c]) : a));
            const one = impl[id](...cellArgs);
            if (JSON.stringify(m[r][c]) !== JSON.stringify(one)) throw new Error(`cell ${r},${c}: ${JSON.stringify(m[r][c])} ≠ ${JSON.stringify(one)}`);
          }),
        );
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });
});

describe("grades against a brute-force reimplementation", () => {
  test("integer scores, shares in whole percent", () => {
    const sharesArb = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .filter(([a, b, c]) => a + b + c <= 100);
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { minLength: 1, maxLength: 60 }), sharesArb, (scores, [a, b, c]) => {
        const peers = scores.filter((s): s is number => s !== null);
        const N = peers.length;
        // round half up of (cumulative percent × N / 100), in integers
        const bound = (pct: number) => Math.floor((2 * pct * N + 100) / 200);
        const [bA, bB, bC] = [bound(a), bound(a + b), bound(a + b + c)];
        const got = gradeAll(scores, [a / 100, b / 100, c / 100]);
        scores.forEach((s, i) => {
          const p = s === null ? 0 : 1 + peers.filter((x) => x > s).length;
          const want = s === null ? null : { rank: p, grade: p <= bA ? "A" : p <= bB ? "B" : p <= bC ? "C" : "D" };
          if (JSON.stringify(got[i]) !== JSON.stringify(want)) throw new Error(`score ${s}: ${JSON.stringify(got[i])} ≠ ${JSON.stringify(want)}`);
        });
      }),
      { numRuns },
    );
  });
});
