/**
 * Header text normalisation and unit recognition. One place decides when two headers
 * mean the same column: "1—本月工业总产值（万元）" and "1-本月工业总产值" do. The units
 * themselves are in units.ts.
 */
import { toHalfWidth } from "../num";
import { canonicalUnit, looksLikeUnit } from "./units";

export interface NormalizedHeader {
  /** The header without spaces, units or punctuation variants. */
  name: string;
  /** A known unit given in brackets or after a slash, canonical (万元, 亩, 平方米 …); "" when none. */
  unit: string;
  /** A unit-like text in brackets that the unit table does not know (万美元, 万吨 …); "" when none. */
  unknownUnit: string;
}

export function normalizeHeader(raw: unknown): NormalizedHeader {
  if (raw === null || raw === undefined) return { name: "", unit: "", unknownUnit: "" };
  let s = toHalfWidth(String(raw)).replace(/[\s\r\n]+/g, "");
  // dash variants between 1 and 本月 (1—本月, 1~本月, 1至本月, 1－本月)
  s = s.replace(/[—–−~～]/g, "-").replace(/^(上年同期)?1至/, "$11-").replace(/(1)至(本月|\d+月)/g, "$1-$2");
  let unit = "";
  let unknownUnit = "";
  const br = /[([【〔]([^)\]】〕]*)[)\]】〕]/g;
  s = s.replace(br, (_m, inner: string) => {
    // a bracket may hold a qualifier and the unit together: （当年价格，千元）, (千元,当年价格)
    for (const part of [inner, ...inner.split(/[,，、;；]/)]) {
      const known = canonicalUnit(part);
      if (known) {
        unit = unit || known;
        return "";
      }
    }
    const odd = inner.split(/[,，、;；]/).find((part) => looksLikeUnit(part));
    if (odd !== undefined) unknownUnit = unknownUnit || odd.replace(/^单位[:：]?/, "");
    return "";
  });
  const slash = /[/／]([^/／]+)$/.exec(s);
  if (slash && (canonicalUnit(slash[1]) || looksLikeUnit(slash[1]))) {
    if (canonicalUnit(slash[1])) unit = unit || canonicalUnit(slash[1]);
    else unknownUnit = unknownUnit || slash[1];
    s = s.slice(0, slash.index);
  }
  s = s.replace(/[:：*＊#]/g, "");
  // A month written into the header stands for the report month: 1-10月工业总产值 is
  // 1-本月工业总产值, 10月工业总产值 is 本月工业总产值 — only with more text after it, so a
  // pool's 10月 column stays itself.
  s = s.replace(/(^|[^\d])1-(\d{1,2})月(?!份)/, "$11-本月").replace(/^(上年同期)?(\d{1,2})月(?=[^\d份])/, "$1本月");
  return { name: s, unit, unknownUnit: unit ? "" : unknownUnit };
}
