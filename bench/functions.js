/**
 * Custom-functions benchmark:
 *  - 100 000 evaluations of each function family through HyperFormula (=JX.… in 100 000 rows;
 *    ACRE_SCORE in 10 000, see there)
 *    against the equivalent native formula in the same sheet shape: build-and-evaluate time and
 *    the ratio JX / native (the two agree on the first rows, checked);
 *  - ACRE_GRADE grading 100 000 scores in one spilled formula, and the core gradeAll (target
 *    well under 100 ms);
 *  - direct calls of the engine-neutral implementations (src/functions/impl.ts), ops/s;
 *  - the gzipped size of dist/functions.js, when built.
 * Run with `npm run bench` (scripts/bench.js) or `node bench/functions.js`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { root, load, msSince } = require("./_util");

const N = Number(process.env.JX_BENCH_ROWS || 100000);
const CS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_NATIVE = (r) =>
  `=MID("${CS}",MOD(31-MOD(SUMPRODUCT((FIND(MID(A${r},{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17},1),"${CS}")-1)*{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}),31),31)+1,1)=RIGHT(A${r},1)`;

/** Deterministic pseudo-random numbers. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function usccOf(i) {
  const { usccCheckChar } = load("src/core/ids.ts");
  const body = `91340722MA${String(i).padStart(7, "0")}`;
  return body + (i % 10 === 0 ? "0" : usccCheckChar(body)); // every tenth one wrong (mostly)
}

/** Families: data columns for row i, the JX formula and the native equivalent for row r. */
const FAMILIES = [
  { name: "YOY_GROWTH", data: (x) => [100 + x() * 1e4, 1 + x() * 1e4], jx: (r) => `=JX.YOY_GROWTH(A${r},B${r})`, native: (r) => `=(A${r}-B${r})/B${r}` },
  { name: "PROGRESS_GAP", data: (x) => [x() * 1e4, 1 + x() * 1e4, 1 + Math.floor(x() * 12)], jx: (r) => `=JX.PROGRESS_GAP(A${r},B${r},C${r})`, native: (r) => `=A${r}/B${r}-C${r}/12` },
  { name: "CONTRIBUTION", data: (x) => [x() * 1e3, x() * 1e3, 2000 + x() * 1e3, x() * 1e3], jx: (r) => `=JX.CONTRIBUTION(A${r},B${r},C${r},D${r})`, native: (r) => `=(A${r}-B${r})/(C${r}-D${r})` },
  { name: "ACRE_TAX", data: (x) => [x() * 1e3, 1 + x() * 300], jx: (r) => `=JX.ACRE_TAX(A${r},B${r})`, native: (r) => `=A${r}/B${r}` },
  { name: "MU", data: (x) => [x() * 1e6], jx: (r) => `=JX.MU(A${r})`, native: (r) => `=A${r}*15/10000` },
  {
    name: "TIME_PROGRESS (date)",
    data: (x) => [36526 + Math.floor(x() * 10000)],
    jx: (r) => `=JX.TIME_PROGRESS(A${r})`,
    native: (r) => `=(A${r}-DATE(YEAR(A${r}),1,1)+1)/(DATE(YEAR(A${r})+1,1,1)-DATE(YEAR(A${r}),1,1))`,
  },
  {
    name: "ACRE_SCORE",
    // HyperFormula's time for the native formula (16 cell references, 8 of them absolute) grows
    // quadratically with the row count (~160 s at 100 000 rows): measured on 10 000 rows.
    rows: 10000,
    data: (x) => [x() * 20, x() * 200, x() * 0.2, x() * 80],
    fixed: [[null, null, null, null, null, null, null, null, null, null, 7.6, 83.9, 0.069, 36.8], [null, null, null, null, null, null, null, null, null, null, 50, 25, 15, 10]],
    jx: (r) => `=JX.ACRE_SCORE(A${r}:D${r},$K$1:$N$1,$K$2:$N$2)`,
    native: (r) => `=A${r}/$K$1*$K$2+B${r}/$L$1*$L$2+C${r}/$M$1*$M$2+D${r}/$N$1*$N$2`,
  },
  { name: "USCC_VALID", data: (x, i) => [usccOf(i)], jx: (r) => `=JX.USCC_VALID(A${r})`, native: USCC_NATIVE, config: { useArrayArithmetic: true } },
  {
    name: "APPEAL_CARD",
    data: (x) => {
      const due = 45000 + Math.floor(x() * 300);
      return [due, due + Math.floor(x() * 30) - 10];
    },
    jx: (r) => `=JX.APPEAL_CARD(A${r},B${r})`,
    native: (r) => `=IF(B${r}-A${r}>=11,"红牌",IF(B${r}-A${r}>=4,"黄牌",IF(B${r}-A${r}>=1,"蓝牌","")))`,
  },
  { name: "SCALE_GAP", data: (x) => [x() * 3000, 1 + Math.floor(x() * 12)], jx: (r) => `=JX.SCALE_GAP(A${r},B${r})`, native: (r) => `=A${r}*12/B${r}-2000` },
];

function sheetFor(family, rows, formula) {
  const x = rng(7);
  const out = [];
  for (let i = 0; i < rows; i++) {
    const data = family.data(x, i);
    const row = [...data];
    while (row.length < 5) row.push(null);
    row[5] = formula(i + 1);
    out.push(row);
  }
  for (const [k, fixedRow] of (family.fixed || []).entries()) {
    for (const [c, v] of fixedRow.entries()) if (v !== null) out[k][c] = v;
  }
  return out;
}

function timeBuild(createEngine, sheet, config) {
  const t0 = process.hrtime.bigint();
  const hf = createEngine(sheet, { maxRows: Math.max(200000, sheet.length + 10), ...config });
  const ms = msSince(t0);
  const sample = [0, 1, 2, 3, 4].map((row) => hf.getCellValue({ sheet: 0, col: 5, row }));
  hf.destroy();
  return { ms, sample };
}

const fmt = (v) => (v && typeof v === "object" ? v.value : v);
const round = (x, d = 2) => Number(x.toFixed(d));

async function run(results) {
  const { createEngine } = load("src/workbench/jxPlugin.ts");
  const { impl, FUNCTION_IDS } = load("src/functions/impl.ts");
  const { gradeAll } = load("src/core/acre/grade.ts");

  for (const family of FAMILIES) {
    // warm-up on a small sheet (JIT, parser caches), then one measured build each, interleaved
    timeBuild(createEngine, sheetFor(family, 2000, family.jx), family.config);
    timeBuild(createEngine, sheetFor(family, 2000, family.native), family.config);
    const rows = Math.min(N, family.rows || N);
    const native = timeBuild(createEngine, sheetFor(family, rows, family.native), family.config);
    const jx = timeBuild(createEngine, sheetFor(family, rows, family.jx), family.config);
    const agree = jx.sample.every((v, i) => {
      const a = fmt(v);
      const b = fmt(native.sample[i]);
      return typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
    });
    if (!agree) throw new Error(`${family.name}: JX and native disagree: ${JSON.stringify(jx.sample.map(fmt))} vs ${JSON.stringify(native.sample.map(fmt))}`);
    results.push({
      name: `functions: JX.${family.name} ×${rows} in HyperFormula (native formula = baseline)`,
      value: round(jx.ms),
      unit: "ms",
      baseline: round(native.ms),
      ratio: round(jx.ms / native.ms, 3),
    });
  }

  // ACRE_GRADE: one spilled formula grading N scores against themselves
  {
    const x = rng(11);
    const sheet = Array.from({ length: N }, () => [Math.round(x() * 20000) / 100]);
    sheet[0][1] = `=JX.ACRE_GRADE(A1:A${N},A1:A${N})`;
    const { ms, sample } = timeBuild(createEngine, sheet.map((r) => [r[0], null, null, null, null, r[1] ?? null]));
    if (!["A", "B", "C", "D"].includes(sample[0])) throw new Error(`ACRE_GRADE spill gave ${JSON.stringify(sample)}`);
    results.push({ name: `functions: JX.ACRE_GRADE of ${N} scores, one spilled formula`, value: round(ms), unit: "ms" });
    const scores = sheet.map((r) => r[0]);
    gradeAll(scores);
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = process.hrtime.bigint();
      gradeAll(scores);
      best = Math.min(best, msSince(t0));
    }
    results.push({ name: `core: gradeAll of ${N} scores (best of 5; target well under 100 ms)`, value: round(best), unit: "ms", baseline: 100, ratio: round(best / 100, 3) });
  }

  // direct calls of the engine-neutral implementations (what Excel runs per cell)
  const ARGS = {
    YOY_GROWTH: [110, 100], TARGET_RATE: [41, 37], TIME_PROGRESS: [45352], PROGRESS_GAP: [39.16, 37, 10], CONTRIBUTION: [15, 10, 120, 100],
    PULL: [15, 10, 100], MU: [10000], ACRE_TAX: [760, 100], ACRE_REVENUE: [8390, 100], ENERGY_TAX: [69, 1000], LABOR_PRODUCTIVITY: [3680, 100],
    ACRE_SCORE: [[[15.2, 83.9, 0.069, 36.8]], [[7.6, 83.9, 0.069, 36.8]], [[50, 25, 15, 10]]],
    ACRE_GRADE: [5, Array.from({ length: 200 }, (_, i) => [i])], USCC_VALID: ["91350100M000100Y43"], APPEAL_CARD: [45352, 45360],
    SCALE_PROJECTION: [800, 6, [[100, 100, 100, 100, 100, 100, 200, 200, 200, 200, 200, 200]]], SCALE_GAP: ["1,500", "9"],
  };
  for (const id of FUNCTION_IDS) {
    const args = ARGS[id];
    const calls = 100000;
    for (let i = 0; i < 2000; i++) impl[id](...args);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) impl[id](...args);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    results.push({ name: `functions: impl.${id} direct calls`, value: Math.round(calls / s), unit: "ops/s" });
  }

  const bundle = path.join(root, "dist", "functions.js");
  if (fs.existsSync(bundle)) {
    const raw = fs.readFileSync(bundle);
    results.push({ name: "functions: dist/functions.js gzipped", value: zlib.gzipSync(raw, { level: 9 }).length, unit: "bytes" });
    results.push({ name: "functions: dist/functions.js raw", value: raw.length, unit: "bytes" });
  } else {
    console.log("functions: dist/functions.js not built (npm run build) — size skipped");
  }
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).then(
    () => console.table(results),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
