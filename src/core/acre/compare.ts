/**
 * Comparison with last year's result, on final grades (after 一票否决 and 调整等级; a 不定等级 firm
 * is not graded): firms matched by 统一社会信用代码, else by name.
 */
import { CellValue, toHalfWidth } from "../num";
import { Grade } from "./grade";
import { AcreEvaluation } from "./model";
import { GRADES } from "./params";

export interface LastYearFirm {
  name: string | null;
  uscc: string | null;
  grade: Grade | null;
}

export interface GradeChange {
  name: string | null;
  uscc: string | null;
  from: Grade;
  to: Grade;
}

export interface Comparison {
  up: GradeChange[];
  down: GradeChange[];
  same: number;
  /** Graded this year, not graded last year. */
  added: Array<{ name: string | null; uscc: string | null; grade: Grade }>;
  /** Graded last year, not graded this year (with this year's reason when the firm is listed out of scope). */
  removed: Array<{ name: string | null; uscc: string | null; grade: Grade; reason: string | null }>;
}

const ORDER: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3 };

function normName(s: string | null): string {
  return s ? s.replace(/\s+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")") : "";
}

/** Compare this year's grades with last year's result: firms matched by 统一社会信用代码, else by name. */
export function compareWithLastYear(evaluation: AcreEvaluation, lastYear: LastYearFirm[]): Comparison {
  const byCode = new Map<string, LastYearFirm>();
  const byName = new Map<string, LastYearFirm>();
  for (const f of lastYear) {
    if (!f.grade) continue;
    if (f.uscc) byCode.set(f.uscc.toUpperCase(), f);
    if (f.name) byName.set(normName(f.name), f);
  }
  const gradedNow = new Set<LastYearFirm>();
  const reasonOf = new Map<LastYearFirm, string | null>();
  const out: Comparison = { up: [], down: [], same: 0, added: [], removed: [] };
  const find = (f: { uscc: string | null; name: string | null }) => (f.uscc && byCode.get(f.uscc.toUpperCase())) || (f.name ? byName.get(normName(f.name)) : undefined);
  for (const f of evaluation.firms) {
    const last = find(f);
    if (!f.grade) {
      if (last) reasonOf.set(last, f.reason ?? (f.adjustment?.kind === "ungraded" ? `不定等级：${f.adjustment.reason}` : null));
      continue;
    }
    if (!last) {
      out.added.push({ name: f.name, uscc: f.uscc, grade: f.grade });
      continue;
    }
    gradedNow.add(last);
    const d = ORDER[f.grade] - ORDER[last.grade!];
    if (d < 0) out.up.push({ name: f.name, uscc: f.uscc, from: last.grade!, to: f.grade });
    else if (d > 0) out.down.push({ name: f.name, uscc: f.uscc, from: last.grade!, to: f.grade });
    else out.same++;
  }
  for (const f of lastYear) {
    if (f.grade && !gradedNow.has(f)) out.removed.push({ name: f.name, uscc: f.uscc, grade: f.grade, reason: reasonOf.get(f) ?? null });
  }
  return out;
}

/** Read a cell as a grade (A–D, also “A类”, “A级”, “A档”, full-width “Ａ”); null otherwise. */
export function parseGrade(raw: CellValue): Grade | null {
  if (raw === null || raw === undefined) return null;
  const s = toHalfWidth(String(raw)).replace(/\s+/g, "").toUpperCase().replace(/(类|级|档|等)$/, "");
  return (GRADES as readonly string[]).includes(s) ? (s as Grade) : null;
}
