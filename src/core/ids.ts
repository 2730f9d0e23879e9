/**
 * Identifiers: the 18-character unified social credit code (统一社会信用代码, GB 32100-2015)
 * and the organisation code inside it (组织机构代码, GB 11714, positions 9–17).
 * A wrong check character is a warning to explain, never something to "correct": a few real
 * registered codes fail it.
 */
import { toHalfWidth } from "./num";

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Wᵢ = 3^(i−1) mod 31, i = 1..17. */
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Upper case, full-width → half-width, surrounding spaces removed. */
export function normalizeCode(code: unknown): string {
  return toHalfWidth(String(code ?? "")).trim().toUpperCase();
}

/** The check character for the first 17 characters, or null if they are not 17 valid characters. */
export function usccCheckChar(first17: string): string | null {
  const s = normalizeCode(first17);
  if (s.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(s[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export interface UsccProblem {
  kind: "length" | "chars" | "check";
  /** zh-CN first, English second. */
  message: string;
  /** For kind "check": the check character the first 17 characters imply. */
  expected?: string;
}

/**
 * What is wrong with a code, or null if it is valid. Wrong length or characters are errors;
 * a wrong check character ("check") is a warning: report `expected`, never replace the code.
 */
export function usccProblem(code: unknown): UsccProblem | null {
  const s = normalizeCode(code);
  if (s.length !== 18) {
    return { kind: "length", message: `统一社会信用代码应为 18 位，实际 ${s.length} 位 (the code must have 18 characters, it has ${s.length})` };
  }
  const bad = [...s].filter((c) => !USCC_CHARSET.includes(c));
  if (bad.length > 0) {
    const list = [...new Set(bad)].join("");
    return {
      kind: "chars",
      message: `统一社会信用代码含非法字符“${list}”（不用 I、O、S、V、Z）(invalid characters “${list}”; I, O, S, V, Z are never used)`,
    };
  }
  const expected = usccCheckChar(s.slice(0, 17))!;
  if (s[17] !== expected) {
    return {
      kind: "check",
      expected,
      message: `统一社会信用代码校验位应为“${expected}”，实际为“${s[17]}”，请核实（勿自动更正）(check character should be ${expected}, found ${s[17]}; please verify, do not auto-correct)`,
    };
  }
  return null;
}

export function usccValid(code: unknown): boolean {
  return usccProblem(code) === null;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_VALUES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** GB 11714 check character for an 8-character organisation code body, or null if invalid. */
export function orgCodeCheckChar(body8: string): string | null {
  const s = normalizeCode(body8);
  if (s.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_VALUES.indexOf(s[i]);
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/**
 * GB 11714 check of a 9-character organisation code (an optional hyphen before the check
 * character is accepted), or of an 18-character USCC's positions 9–17.
 */
export function orgCodeValid(code: unknown): boolean {
  let s = normalizeCode(code).replace(/^(.{8})-(.)$/, "$1$2");
  if (s.length === 18) s = s.slice(8, 17);
  if (s.length !== 9) return false;
  return orgCodeCheckChar(s.slice(0, 8)) === s[8];
}

/**
 * What the first two characters of a credit code register (GB 32100-2015 附录: 登记管理部门码 +
 * 机构类别码). Only 91 (企业) is an enterprise legal person of the above-scale statistics.
 */
const USCC_KINDS: Record<string, [string, string]> = {
  "11": ["机关", "a government body"],
  "12": ["事业单位", "a public institution"],
  "13": ["中央编办直接管理机构编制的群众团体", "a mass organisation"],
  "19": ["其他机构编制单位", "another body registered by the 编办"],
  "51": ["社会团体", "a social organisation"],
  "52": ["民办非企业单位", "a private non-enterprise unit"],
  "53": ["基金会", "a foundation"],
  "59": ["其他民政登记单位", "another unit registered by civil affairs"],
  "71": ["宗教活动场所", "a place of worship"],
  "81": ["基层工会", "a trade union"],
  "91": ["企业", "an enterprise"],
  "92": ["个体工商户", "an individual business"],
  "93": ["农民专业合作社", "a farmers' cooperative"],
  N1: ["组级集体经济组织", "a collective economic organisation"],
  N2: ["村级集体经济组织", "a collective economic organisation"],
  N3: ["乡镇级集体经济组织", "a collective economic organisation"],
};

/** The kind of unit a credit code registers, from its first two characters; null when not listed. */
export function usccKind(code: unknown): { prefix: string; zh: string; en: string } | null {
  const prefix = normalizeCode(code).slice(0, 2);
  const k = USCC_KINDS[prefix];
  return k ? { prefix, zh: k[0], en: k[1] } : null;
}
