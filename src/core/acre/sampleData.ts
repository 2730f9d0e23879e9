/**
 * A deterministic per-mu data pool shaped like the seed's 2021 evaluation (domain.md §4):
 * 221 firms, 103 规上 + 118 规下 (every 规下 firm on ≥ 3 亩), whose county aggregates are
 * the published ones: 亩均税收 7.6 万元/亩 and 亩均营业收入 83.9 万元/亩 (all firms),
 * 单位能耗税收 0.069 万元/吨标煤 and 全员劳动生产率 36.8 万元/人 (规上, value added / employees).
 * Firm values are random (seeded PRNG); totals are then fitted to those figures, the rounding
 * residue going to the largest firm, so the aggregates hold for every seed.
 * Rows follow ACRE_TEMPLATE_HEADER (spec.ts). Also used by the sample workbook.
 */
import { orgCodeCheckChar, usccCheckChar } from "../ids";
import { ACRE_TEMPLATE_HEADER } from "./spec";
import type { OutCell } from "./params";

/** Seed figures the sample reproduces. */
export const SEED_FIGURES = { taxPerMu: 7.6, revenuePerMu: 83.9, taxPerTce: 0.069, laborProductivity: 36.8, above: 103, below: 118 } as const;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Scale `weights` to sum exactly to `total` at `d` decimals (residue on the largest); each ≥ floor. */
function fit(weights: number[], total: number, d: number, floor = 0): number[] {
  const free = total - floor * weights.length;
  const sw = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => round(floor + (free * w) / sw, d));
  let big = 0;
  for (let i = 1; i < out.length; i++) if (out[i] > out[big]) big = i;
  const sum = out.reduce((a, b) => a + b, 0);
  out[big] = round(out[big] + round(total - sum, d), d);
  return out;
}

const PLACES = ["枞阳", "横埠", "汤沟", "官埠桥", "钱桥", "麒麟", "义津", "浮山", "会宫", "老洲", "陈瑶湖", "周潭", "鞠隐", "雨坛", "白梅", "金社", "白柳", "项铺", "铁铜", "长沙", "枞川", "凤仪", "江北"];
const WORDS = ["宏达", "鑫源", "华宇", "恒通", "金鼎", "瑞丰", "永盛", "天成", "博远", "兴业", "远航", "信诚", "海螺", "新材", "嘉禾", "同创", "众邦", "鼎力", "海川", "安泰", "精工", "晨光"];
const TRADES = ["建材", "机械制造", "新材料", "纺织", "食品", "电子科技", "化工", "包装", "铸造", "服饰", "家具", "塑业", "环保科技", "农业科技", "五金", "生物科技"];

function uscc(rand: () => number, i: number): string {
  const body = `MA2${String(10000 + ((i * 7919 + Math.floor(rand() * 1000)) % 90000)).slice(-5)}`;
  const org = body + (orgCodeCheckChar(body) ?? "0");
  const first17 = `91340722${org}`;
  return first17 + (usccCheckChar(first17) ?? "0");
}

export interface AcreSample {
  header: string[];
  /** Rows in ACRE_TEMPLATE_HEADER order: name, uscc, 规上/规下, land 亩, tax, revenue, value added, energy tce, employees, R&D, tech investment. */
  rows: OutCell[][];
}

/** The 221-firm sample pool for a seed. */
export function makeAcreSample(seed = 2021): AcreSample {
  const rand = prng(seed);
  const u = (a: number, b: number) => a + (b - a) * rand();
  const nA = SEED_FIGURES.above;
  const nB = SEED_FIGURES.below;
  const n = nA + nB;
  const above = (i: number) => i < nA;

  const land = Array.from({ length: n }, (_, i) => (above(i) ? round(u(12, 120), 1) : round(u(3, 26), 1)));
  const L = land.reduce((a, b) => a + b, 0);

  // revenue: 规下 < 2000, 规上 ≥ 2000, total = 83.9 × Σland
  const revB = Array.from({ length: nB }, () => round(u(150, 1950), 2));
  const totalRevenue = round(SEED_FIGURES.revenuePerMu * L, 2);
  const revA = fit(
    Array.from({ length: nA }, (_, i) => land[i] * Math.exp(u(-0.8, 0.8))),
    round(totalRevenue - revB.reduce((a, b) => a + b, 0), 2),
    2,
    2000,
  );
  const revenue = [...revA, ...revB];

  // tax: total = 7.6 × Σland
  const tax = fit(
    revenue.map((r) => r * u(0.02, 0.16)),
    round(SEED_FIGURES.taxPerMu * L, 2),
    2,
  );
  const taxA = tax.slice(0, nA).reduce((a, b) => a + b, 0);

  // energy: 规上 total = Σtax(规上) / 0.069
  const energyA = fit(
    revA.map((r) => r * u(0.2, 2.5)),
    round(taxA / SEED_FIGURES.taxPerTce, 2),
    2,
  );
  const energyB = revB.map((r) => round(r * u(0.05, 0.6), 2));

  // employees and value added: 规上 Σ value added = 36.8 × Σ employees
  // (revenue per person ≈ 36.8 / 0.25 ≈ 150 万元 for 规上, as the seed's figures imply)
  const vaShare = revA.map(() => u(0.18, 0.32));
  const employees = Array.from({ length: n }, (_, i) =>
    above(i) ? Math.max(12, Math.round(((revenue[i] * vaShare[i]) / SEED_FIGURES.laborProductivity) * u(0.7, 1.3))) : Math.round(u(8, 60)),
  );
  const empA = employees.slice(0, nA).reduce((a, b) => a + b, 0);
  const vaA = fit(
    revA.map((r, i) => r * vaShare[i]),
    round(SEED_FIGURES.laborProductivity * empA, 2),
    2,
  );
  const vaB = revB.map((r) => round(r * u(0.15, 0.3), 2));
  const valueAdded = [...vaA, ...vaB];
  const energy = [...energyA, ...energyB];

  const names = new Set<string>();
  const rows: OutCell[][] = [];
  for (let i = 0; i < n; i++) {
    let name = "";
    for (let t = 0; !name || names.has(name); t++) {
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
      name = `安徽${pick(WORDS)}${pick(TRADES)}有限公司`;
      if (t > 3) name = `枞阳县${pick(PLACES)}${pick(WORDS)}${pick(TRADES)}有限公司`;
      if (t > 8) name = `枞阳县${pick(WORDS)}${pick(TRADES)}${i + 1}有限公司`;
    }
    names.add(name);
    rows.push([
      name,
      uscc(rand, i),
      above(i) ? "规上" : "规下",
      land[i],
      tax[i],
      revenue[i],
      valueAdded[i],
      energy[i],
      employees[i],
      round(revenue[i] * u(0, 0.04), 2),
      round(above(i) ? u(0, 600) : u(0, 60), 2),
    ]);
  }
  // deterministic shuffle (Fisher–Yates) so the two scales are interleaved as in a real list
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { header: [...ACRE_TEMPLATE_HEADER], rows };
}

/** A large pool of `n` firms for benchmarks (same shape, no fitted totals). */
export function makeAcreRows(n: number, seed = 7): OutCell[][] {
  const rand = prng(seed);
  const u = (a: number, b: number) => a + (b - a) * rand();
  const rows: OutCell[][] = [];
  for (let i = 0; i < n; i++) {
    const isAbove = rand() < 0.47;
    const land = isAbove ? round(u(12, 120), 1) : round(u(1, 26), 1);
    const revenue = isAbove ? round(u(2000, 20000), 2) : round(u(150, 1950), 2);
    rows.push([
      `企业${i + 1}有限公司`,
      null,
      isAbove ? "规上" : "规下",
      land,
      round(revenue * u(0.02, 0.16), 2),
      revenue,
      round(revenue * u(0.18, 0.32), 2),
      round(revenue * u(0.2, 2.5), 2),
      isAbove ? Math.round(u(40, 600)) : Math.round(u(8, 80)),
      round(revenue * u(0, 0.04), 2),
      round(u(0, 300), 2),
    ]);
  }
  return rows;
}
