/**
 * `jx appeals FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--json]`: the 企业诉求 tab's analysis
 * of an appeals register (诉求台账) on a file (read only), with the workbook's 参数 and 节假日
 * sheets when present. Exit 0 with the analysis; 2 on unusable input (file missing or not an
 * xlsx, no register sheet, a required column missing, a bad --as-of). With --json stdout holds
 * the JSON only (docs/appeals.md); notes go to stderr.
 */
import { Command } from "commander";
import { CliContext, unusable } from "../context";
import { openWorkbookFile, pickSheet } from "../io";
import {
  APPEALS_PARAM_SHEET,
  AppealsResult,
  appealsSpec,
  GroupStats,
  HOLIDAY_SHEET,
  isoDateSerial,
  loadAppeals,
  rateText,
  toJson,
} from "../../core/appeals";
import { serialToIso } from "../../core/table";
import { todaySerial } from "../../core/table/dates";

interface Options {
  sheet?: string;
  asOf?: string;
  json?: boolean;
}


export function register(program: Command, ctx: CliContext): void {
  program
    .command("appeals")
    .description("企业诉求：办结率、督办牌（蓝/黄/红）、满意度、按承办单位/乡镇/领导/类别统计、会商清单 (appeals register: closure, cards, satisfaction, tables, consultation list)")
    .argument("<file>", "诉求台账工作簿 .xlsx (the appeals register workbook)")
    .option("--sheet <name>", "诉求台账工作表 (register sheet; default: the sheet whose header reads as a register)")
    .option("--as-of <date>", "统计日期 YYYY-MM-DD (as-of date; default: today)")
    .option("--json", "输出 JSON (print JSON)")
    .action(async (file: string, opts: Options) => {
      const fail = unusable(ctx, "appeals");
      let asOf = todaySerial();
      if (opts.asOf !== undefined) {
        const s = isoDateSerial(opts.asOf);
        if (s === null) return fail(`--as-of 应为 YYYY-MM-DD 格式的日期，而不是“${opts.asOf}” (--as-of must be a date written YYYY-MM-DD)`);
        asOf = s;
      }
      const opened = await openWorkbookFile(file);
      if ("error" in opened) return fail(opened.error);
      const port = opened.port;
      const picked = await pickSheet(port, appealsSpec, opts.sheet);
      if ("error" in picked) return fail(picked.error);
      const [params, holidays] = await port.readSheets([APPEALS_PARAM_SHEET, HOLIDAY_SHEET]);
      const loaded = loadAppeals({ register: picked.sheet, params: params?.values ?? null, holidays: holidays ?? null, asOf });
      if ("error" in loaded) return fail(loaded.error);
      const r = loaded.result;
      const notes = [...loaded.notes, ...r.notes];
      if (opts.json) {
        ctx.out(JSON.stringify(toJson(r)));
        for (const n of notes) ctx.err(`注意 (note): ${n}`);
      } else {
        ctx.out(render(r, notes));
      }
      ctx.exit(0);
    });
}

function groupLine(g: GroupStats, d: number): string {
  const avg = g.avgDaysToClose === null ? "—" : g.avgDaysToClose.toFixed(1);
  return (
    `  ${g.key}：总数 ${g.total}，已办结 ${g.closed}，办结率 ${rateText(g.closureRate, d)}，未办结 ${g.open}，` +
    `超期挂牌 ${g.overdue}（蓝 ${g.cards.蓝牌} 黄 ${g.cards.黄牌} 红 ${g.cards.红牌}），平均办结 ${avg} 天，退回重办 ${g.returned}`
  );
}

function render(r: AppealsResult, notes: string[]): string {
  const d = r.params.rateDecimals;
  const lines: string[] = [];
  lines.push(`企业诉求 (appeals) — 截至 ${serialToIso(r.asOf)}，工作表“${r.sheet}”，按${r.params.mode}计`);
  lines.push(`  诉求总数 ${r.total}，已办结 ${r.closed}，办结率 ${rateText(r.closureRate, d)}（截尾），未办结 ${r.open}（其中退回重办 ${r.returned}），超期办结 ${r.closedLate}`);
  lines.push(`  督办牌 (cards)：蓝牌 ${r.cards.蓝牌}，黄牌 ${r.cards.黄牌}，红牌 ${r.cards.红牌}`);
  lines.push(`  满意度 (satisfaction)：测评 ${r.satisfaction.surveyed}，满意 ${r.satisfaction.satisfied}，满意率 ${rateText(r.satisfaction.rate, d)}`);
  for (const [title, list] of [
    ["按承办单位 (by unit)", r.byUnit],
    ["按乡镇/园区 (by town)", r.byTown],
    ["按包联领导 (by leader)", r.byLeader],
    ["按诉求类别 (by category)", r.byCategory],
  ] as const) {
    lines.push("", title);
    if (!list.length) lines.push("  （无）");
    for (const g of list) lines.push(groupLine(g, d));
  }
  const recurring = r.byCategory.filter((c) => c.recurring);
  lines.push("", `一类问题 (recurring categories, ≥ ${r.params.recurringMin} 件)`);
  if (!recurring.length) lines.push("  （无）");
  for (const c of recurring) lines.push(`  ${c.key} ${c.total} 件：${c.firms.join("、")}`);
  lines.push("", "会商清单 (weekly consultation list: open 红牌/黄牌 and every 退回重办)");
  if (!r.consult.length) lines.push("  （无）");
  for (const g of r.consult) {
    lines.push(`  ${g.unit}`);
    for (const a of g.appeals) {
      const what = a.card ? `${a.card}，超期 ${a.overdueDays} 天` : "未挂牌";
      lines.push(`    ${a.id} ${a.firm}（${a.category ?? "未分类"}）${a.status}，${what}，期限 ${a.due === null ? "—" : serialToIso(a.due)}（第 ${a.row} 行）`);
    }
  }
  if (notes.length) {
    lines.push("");
    for (const n of notes) lines.push(`注意 (note): ${n}`);
  }
  return lines.join("\n");
}
