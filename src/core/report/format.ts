/**
 * The bureau's number conventions for written reports (the seed report's own style):
 * amounts in 亿元 with 2 decimals (万元 below 1 亿), rates with one decimal and a % sign,
 * gaps in 个百分点, counts with 家/户/个. One place, used by every sentence (a stated rate such as
 * 办结率 is written by the appeals module's rateText, truncated, as the appeals tab writes it).
 */
import { roundHalfUp } from "../round";

/** x rounded half-up at `d` decimals, written with exactly `d` decimals. */
export function fixed(x: number, d: number): string {
  return roundHalfUp(x, d).toFixed(d);
}

/** An amount given in 万元: "104.50亿元" from 1 亿 up, else "1070.71万元". */
export function amount(wan: number): string {
  return Math.abs(wan) >= 10000 ? `${fixed(wan / 10000, 2)}亿元` : `${fixed(wan, 2)}万元`;
}

/** 亿元 figure only (2 decimals), for sentences that name the unit themselves. */
export function yi(wan: number): string {
  return fixed(wan / 10000, 2);
}

/** A rate as a percentage with one decimal: 0.0594 → "5.9%". */
export function pct(x: number): string {
  return `${fixed(x * 100, 1)}%`;
}

/** Growth as the reports write it: "同比增长5.9%" / "同比下降3.2%" / "与上年持平". */
export function growth(x: number): string {
  const r = roundHalfUp(x * 100, 1);
  if (r === 0) return "与上年同期持平";
  return r > 0 ? `同比增长${fixed(x * 100, 1)}%` : `同比下降${fixed(-x * 100, 1)}%`;
}

/** A gap in points: −0.025 → "2.5个百分点" (the sign is said by the sentence). */
export function points(x: number): string {
  return `${fixed(Math.abs(x) * 100, 1)}个百分点`;
}

/** A per-mu style indicator value: one decimal from 1 up, three decimals below (7.6, 83.9, 0.069, 36.8). */
export function indicator(x: number): string {
  return Math.abs(x) >= 1 ? fixed(x, 1) : fixed(x, 3);
}
