/**
 * `jx monitor FILE.xlsx [--sheet NAME] [--month N] [--targets FILE|SHEET] [--previous FILE…] [--json]`:
 * the monitoring tab's analysis on a file. Exit 0 with the analysis, 2 on unusable input
 * (file missing or not an xlsx, no monthly report sheet, a required column missing, no month).
 */
import { Command } from "commander";
import { CliContext, unusable } from "../context";
import { analyzeMonth, MonitorResult, RULES } from "../../core/monitor/analyze";
import { loadMonitor } from "../../core/monitor/load";
import { SEVERITY_LABEL, targetMark, toJson } from "../../core/monitor/report";
import { readTargets, TARGETS_SHEET } from "../../core/monitor/targets";
import { isCountUnit, SheetLike } from "../../core/table";
import { openWorkbookFile } from "../io";

interface Options {
  sheet?: string;
  month?: string;
  targets?: string;
  previous?: string[];
  json?: boolean;
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const pp = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}`);
const wan = (x: number | null) => (x === null ? "—" : x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export function register(program: Command, ctx: CliContext): void {
  program
    .command("monitor")
    .description("运行监测：全县合计、目标 vs 序时进度、预警、贡献与集中度 (monthly monitoring: totals, targets, warnings, contribution)")
    .argument("<file>", "月报工作簿 .xlsx (the monthly report workbook)")
    .option("--sheet <name>", "月报工作表 (the report sheet; default: the latest month's sheet)")
    .option("--month <n>", "报告月份 1–12 (report month; default: 月份 column or cell, then a sheet name like 10月)")
    .option("--targets <fileOrSheet>", "目标表：本工作簿中的工作表名或另一个 .xlsx (targets: a sheet of this workbook or another .xlsx)")
    .option("--previous <file...>", "前几个月的月报工作簿 (earlier months' workbooks)")
    .option("--json", "输出 JSON (print JSON)")
    .action(async (file: string, opts: Options) => {
      const fail = unusable(ctx, "monitor");
      let month: number | null = null;
      if (opts.month !== undefined) {
        const n = Number(opts.month);
        if (!Number.isInteger(n) || n < 1 || n > 12) return fail(`--month 应为 1–12 的整数，而不是“${opts.month}” (--month must be an integer 1–12)`);
        month = n;
      }
      const book = await openSheets(file);
      if ("error" in book) return fail(book.error);
      const sheets = book.sheets;

      let targets: SheetLike | null = null;
      if (opts.targets) {
        const inBook = sheets.find((s) => s.name === opts.targets);
        if (inBook) targets = inBook;
        else {
          const other = await openSheets(opts.targets);
          if ("error" in other) return fail(`--targets “${opts.targets}” 既不是本工作簿的工作表，也无法作为文件打开：${other.error} (not a sheet of the workbook nor a readable file)`);
          targets = other.sheets.find((s) => s.name === TARGETS_SHEET) ?? other.sheets.find((s) => !("error" in readTargets(s))) ?? null;
          if (!targets) return fail(`“${opts.targets}”中没有目标表（指标、年度目标列） (no targets sheet in ${opts.targets})`);
        }
      }

      const previous: SheetLike[] = [];
      for (const p of opts.previous ?? []) {
        const b = await openSheets(p);
        if ("error" in b) return fail(b.error);
        previous.push(...b.sheets);
      }

      const loaded = loadMonitor({ sheets, sheet: opts.sheet ?? null, month, targets, previous });
      if ("error" in loaded) return fail(/无法确定报告月份/.test(loaded.error) ? `${loaded.error}；命令行可用 --month 指定 (or pass --month)` : loaded.error);
      const result = analyzeMonth(loaded.input);
      for (const w of loaded.warnings) ctx.err(`警告 (warning): ${w}`);
      const notes = [...loaded.notes, ...result.notes, ...result.rulesSkipped.map((s) => `未运行规则 ${s.rule} (rule not run)：${s.reason}`)];
      if (opts.json) {
        ctx.out(JSON.stringify(toJson(result)));
        for (const n of notes) ctx.err(`注意 (note): ${n}`);
      } else {
        ctx.out(render(result, loaded.monthFrom, notes));
      }
      ctx.exit(0);
    });
}

function render(r: MonitorResult, monthFrom: string, notes: string[]): string {
  const t = r.totals;
  const lines: string[] = [];
  lines.push(`运行监测 (monitoring) — ${r.month}月 (month from ${monthFrom})，工作表“${r.sheet}”，${t.firms} 户企业`);
  lines.push("");
  lines.push("全县合计 (county totals, 万元)");
  lines.push(`  本月工业总产值 (output, month)     ${wan(t.outputMonth)}${t.monthGrowth === null ? "" : `  同比 ${pct(t.monthGrowth)}`}`);
  lines.push(`  1-本月工业总产值 (output, YTD)     ${wan(t.outputYtd)}  同比 (YoY, same basis ${t.sameBasisFirms} 户) ${pct(t.growth)}  上年同期 ${wan(t.outputYtdLastYear)}`);
  lines.push(`  1-本月工业增加值 (value added)     ${wan(t.valueAddedYtd)}${t.valueAddedGrowthCurrentPrices === null ? "" : `  现价增速 (current prices, not the comparable-price growth) ${pct(t.valueAddedGrowthCurrentPrices)}`}`);
  lines.push(`  1-本月营业收入 (revenue)           ${wan(t.revenueYtd)}${t.revenueGrowth === null ? "" : `  同比 ${pct(t.revenueGrowth)}`}`);
  lines.push("");
  lines.push(`目标完成 (targets) — 序时进度 (time progress) ${pct(r.month / 12)}`);
  if (!r.targets.length) lines.push("  （无目标表 / no targets）");
  for (const x of r.targets) {
    const mark = targetMark(x).label;
    if (x.kind === "总量") {
      const amount = isCountUnit(x.unit) ? (v: number | null) => (v === null ? "—" : `${v} ${x.unit}`) : (v: number | null) => (v === null ? "—" : `${wan(v)} 万元`);
      lines.push(`  ${x.name}: 完成 ${amount(x.actual)} / 目标 ${amount(x.target)}，完成率 ${pct(x.rate)}，较序时 ${pp(x.gap)} 个百分点 ${mark}${x.source === "pool" ? `（来源：培育库台账 (pool ledger)）` : ""}`);
    } else {
      lines.push(`  ${x.name}: 实际 ${pct(x.actual)} / 目标 ${pct(x.target)}，差 ${pp(x.gap)} 个百分点 ${mark}`);
    }
  }
  lines.push("");
  lines.push(`预警 (warnings): ${r.warnings.length}`);
  const title = new Map(RULES.map((x) => [x.id, x.title]));
  for (const w of r.warnings) lines.push(`  [${SEVERITY_LABEL[w.severity]}] ${w.firm} (行 ${w.row}) ${w.rule}: ${w.message}`);
  for (const s of r.rulesSkipped) lines.push(`  未运行 (not run) ${s.rule} ${title.get(s.rule) ?? ""}: ${s.reason}`);
  lines.push("");
  lines.push(`增长贡献 前 ${r.params.topN} 户 (contribution, top ${r.params.topN})`);
  for (const c of r.contribution.slice(0, r.params.topN)) {
    lines.push(`  ${c.firm}: 占比 ${pct(c.share)}，增量 ${wan(c.delta)}，贡献率 ${pct(c.contribution)}，拉动 ${pp(c.pull)} 个百分点`);
  }
  lines.push(
    `集中度 (concentration): 最大企业 ${r.concentration.top1Firm ?? "—"} 占 ${pct(r.concentration.top1)}，前 5 户占 ${pct(r.concentration.top5)}`,
  );
  if (notes.length) {
    lines.push("");
    for (const n of notes) lines.push(`注意 (note): ${n}`);
  }
  return lines.join("\n");
}

/** Every sheet's values of a workbook file (io.ts gives the exit-2 message for a bad file). */
async function openSheets(file: string): Promise<{ sheets: SheetLike[] } | { error: string }> {
  const opened = await openWorkbookFile(file);
  if ("error" in opened) return opened;
  const names = await opened.port.listSheets();
  const sheets = (await opened.port.readSheets(names)).filter((s): s is NonNullable<typeof s> => s !== null);
  return { sheets };
}
