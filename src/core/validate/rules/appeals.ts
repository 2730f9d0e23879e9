/**
 * Rules of the appeals register (诉求台账): required cells, dates that cannot be (办结 before
 * 受理 …), 办理时限 a whole number of days, a 满意度 outside the five ratings, a duplicate 编号,
 * and a stated rate in a summary block (RATE), plus the credit-code rules. The table kind is
 * core/appeals' appealsSpec; one firm may file many appeals, so only 编号 must be unique.
 */
import { appealsSpec, parseSatisfaction, SATISFACTION_LEVELS } from "../../appeals";
import { CellValue, parseNumber } from "../../num";
import { normalizeHeader, serialToIso } from "../../table";
import type { Rule, RuleSet } from "../engine";
import { fmt, parseRule, rateRule, rateWrittenAs, requiredRule, statedRate, usccCheckRule, usccFormatRule } from "./common";

const duplicateId: Rule<{ first: number; header: string; id: string }> = {
  id: "AP-DUP",
  severity: "error",
  title: "诉求编号重复",
  gloss: "duplicate appeal number",
  reads: ["id"],
  message: (p) => `“${p.header}”${p.id} 与第 ${p.first} 行重复 (appeal number ${p.id} repeats row ${p.first})`,
  check(ctx, emit) {
    const seen = new Map<string, number>();
    for (const row of ctx.table.rows) {
      const id = ctx.str(row, "id");
      if (id === null) continue;
      const k = id.replace(/\s+/g, "").toUpperCase();
      const first = seen.get(k);
      if (first !== undefined) emit({ row: row.row, key: "id" }, { first, header: ctx.header("id"), id });
      else seen.set(k, row.row);
    }
  },
};

/** Pairs of dates where the second cannot come before the first. */
const ORDER: Array<[string, string]> = [
  ["received", "closed"],
  ["closed", "redoDue"],
  ["closed", "visit"],
];

const dateOrder: Rule<{ header: string; date: string; before: string; beforeDate: string }> = {
  id: "AP-DATE",
  severity: "error",
  title: "日期先后不可能",
  gloss: "impossible date order",
  reads: ["received", "closed"],
  message: (p) => `“${p.header}”${p.date} 早于“${p.before}”${p.beforeDate} (${p.header} ${p.date} is before ${p.before} ${p.beforeDate})`,
  check(ctx, emit) {
    const pairs = ORDER.filter(([a, b]) => ctx.table.columns[a] && ctx.table.columns[b]);
    for (const row of ctx.table.rows) {
      for (const [a, b] of pairs) {
        const x = ctx.num(row, a);
        const y = ctx.num(row, b);
        if (x !== null && y !== null && y < x) {
          emit({ row: row.row, key: b }, { header: ctx.header(b), date: serialToIso(y), before: ctx.header(a), beforeDate: serialToIso(x) });
        }
      }
    }
  },
};

const limit: Rule<{ header: string; value: number }> = {
  id: "AP-LIMIT",
  severity: "error",
  title: "办理时限应为正整数",
  gloss: "time limit must be a positive whole number of days",
  reads: ["limit"],
  message: (p) => `“${p.header}”应为正整数（天），实际为 ${fmt(p.value)} (the time limit must be a positive whole number of days, found ${fmt(p.value)})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const v = ctx.num(row, "limit");
      if (v !== null && !(Number.isInteger(v) && v > 0)) emit({ row: row.row, key: "limit" }, { header: ctx.header("limit"), value: v });
    }
  },
};

const satisfaction: Rule<{ header: string; text: string }> = {
  id: "AP-SAT",
  severity: "error",
  title: "满意度不在允许范围",
  gloss: "rating not one of the five levels",
  reads: ["satisfaction"],
  message: (p) => `“${p.header}”应为 ${SATISFACTION_LEVELS.join("、")} 之一，实际为“${p.text}” (the rating must be one of ${SATISFACTION_LEVELS.join(", ")}; found ${p.text})`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      const t = ctx.str(row, "satisfaction");
      if (t !== null && parseSatisfaction(t) === null) emit({ row: row.row, key: "satisfaction" }, { header: ctx.header("satisfaction"), text: t });
    }
  },
};

const ratedOpen: Rule<{ header: string; closed: string }> = {
  id: "AP-SAT-OPEN",
  severity: "warning",
  title: "未办结诉求已有满意度",
  gloss: "an open appeal has a rating",
  reads: ["satisfaction", "closed"],
  message: (p) => `已填“${p.header}”但“${p.closed}”为空：回访测评应在办结之后，请核实 (a rating without a closing date: check the register)`,
  check(ctx, emit) {
    for (const row of ctx.table.rows) {
      if (ctx.str(row, "satisfaction") !== null && (row.raw.closed === null || row.raw.closed === undefined || row.raw.closed === "")) {
        emit({ row: row.row, key: "satisfaction" }, { header: ctx.header("satisfaction"), closed: ctx.header("closed") });
      }
    }
  },
};

const TOTAL_LABEL = /^(诉求总数|诉求总件数|诉求件数|诉求数|收集诉求|受理诉求|受理总数|收集问题|企业问题|问题总数|总件数|总数|合计)(数|件数|个数)?$/;
const CLOSED_LABEL = /^(已办结|办结|办结数|办结件数|已办结件数|已办结数|已解决|解决问题)(数|件数|个数)?$/;
const RATE_LABEL = /^(诉求)?办结率/;

function label(v: CellValue): string {
  return v === null || v === undefined || typeof v !== "string" ? "" : v.replace(/\s+/g, "").replace(/[:：]$/, "");
}

/** The first non-blank cell right of column c on a line, with its column. */
function valueRightOf(line: CellValue[], c: number): { col: number; value: CellValue } | null {
  for (let k = c + 1; k < Math.min(line.length, c + 3); k++) {
    const v = line[k];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return { col: k, value: v };
  }
  return null;
}

/**
 * RATE for the register: the common check (a 办结率 column after its two counts) and a summary
 * block above the register written as label–value pairs, side by side
 * (诉求总数 | 1466 | 已办结 | 1460 | 办结率 | 99.5%) or one pair a row (诉求总数 | 1466 ↵ 已办结 | 1460 ↵
 * 办结率 | 99.5%): the stated 办结率 is checked against 已办结 / 诉求总数, rounded or truncated at its
 * written precision being correct.
 */
function appealsRateRule(): Rule {
  const base = rateRule();
  return {
    ...base,
    check(ctx, emit) {
      base.check(ctx, emit);
      const sheet = ctx.options.sheet;
      if (!sheet) return;
      const h = Math.min(ctx.table.headerRow - sheet.startRow, 15, sheet.values.length);
      let total: number | null = null;
      let closed: number | null = null;
      const rates: Array<{ row: number; col: number; value: CellValue; header: string }> = [];
      for (let r = 0; r < h; r++) {
        const line = sheet.values[r] ?? [];
        for (let c = 0; c < line.length; c++) {
          const l = label(line[c]);
          if (!l) continue;
          const right = valueRightOf(line, c);
          if (!right) continue;
          const n = parseNumber(right.value);
          const key = normalizeHeader(l).name;
          if (RATE_LABEL.test(key)) rates.push({ row: r, col: right.col, value: right.value, header: l });
          else if (n.kind === "number" && TOTAL_LABEL.test(key) && total === null) total = n.value;
          else if (n.kind === "number" && CLOSED_LABEL.test(key) && closed === null) closed = n.value;
        }
      }
      if (total === null || closed === null || total === 0) return;
      for (const rate of rates) {
        // a 办结率 is at most 1: a plain 99.5 beside the label is a percent
        const plain = parseNumber(rate.value);
        const percent = normalizeHeader(rate.header).unit === "%" || /[%％]/.test(rate.header) || (typeof rate.value === "number" && plain.kind === "number" && plain.value > 1);
        const s = statedRate(rate.value, percent);
        if (!s || rateWrittenAs(closed, total, s.rate, s.decimals)) continue;
        emit(
          { row: sheet.startRow + rate.row, col: sheet.startCol + rate.col, value: rate.value },
          { header: rate.header, stated: s.rate, decimals: s.decimals, expected: closed / total, formula: `${fmt(closed)}/${fmt(total)}` },
        );
      }
    },
  };
}

export const appealsRules: Rule[] = [
  requiredRule("AP", ["id", "name", "category", "content", "unit", "received", "limit"]),
  usccFormatRule("AP"),
  usccCheckRule("AP"),
  duplicateId,
  parseRule("AP"),
  limit,
  dateOrder,
  satisfaction,
  ratedOpen,
  appealsRateRule(),
];

export const appealsRuleSet: RuleSet = {
  id: "appeals",
  title: "诉求台账",
  gloss: "appeals register",
  spec: appealsSpec,
  rules: appealsRules,
  noteKey: "note",
};
