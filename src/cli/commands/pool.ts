/**
 * `jx pool FILE.xlsx [--sheet NAME] [--month N] [--by-month N] [--target 18] [--dropped N] [--json]`: the pool
 * tab's summary and firm list on a file (read only). Exit 0 with the report; 2 on unusable input
 * (file missing or not an xlsx, no pool sheet or header, no 企业名称 or revenue columns, no
 * month, a bad option — --by-month not 1–12 or before the report month). Notes about the data go to stderr; with --json stdout is the JSON only.
 */
import { Command } from "commander";
import { CliContext, unusable } from "../context";
import { openWorkbookFile } from "../io";
import { analyzePool, failed, PoolOptions, PoolReport, poolInputFrom, poolJson, sortFirms } from "../../core/pool/analyze";
import { firmHint } from "../../core/pool/export";

interface Options {
  sheet?: string;
  month?: string;
  target?: string;
  dropped?: string;
  byMonth?: string;
  json?: boolean;
}

const n1 = (x: number | null) => (x === null ? "—" : x.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** An option that must be an integer in [min, max]. */
function intOption(name: string, raw: string | undefined, min: number, max: number): number | undefined | { error: string } {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    const range = max === Infinity ? `≥ ${min}` : `${min}–${max}`;
    return { error: `${name} 应为 ${range} 的整数，而不是“${raw}” (${name} must be an integer ${range})` };
  }
  return n;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("pool")
    .description("培育库：分层/状态汇总、预计全年营业收入、距 2000 万差距、预警、净增 vs 目标 (cultivation pool summary and firm list)")
    .argument("<file>", "培育库工作簿 .xlsx (the pool workbook)")
    .option("--sheet <name>", "培育库工作表 (pool sheet; default: 培育库, else the sheet that reads best as a pool)")
    .option("--month <n>", "月份 1–12 (default: 月份 column, else the last month with data)")
    .option("--target <n>", "净增规上企业目标 (net target; default: 目标 sheet 净增规上企业数, else 18)")
    .option("--dropped <n>", "退规企业数 (firms that dropped out; overrides the 退规 sheet and the 目标 sheet)")
    .option("--by-month <n>", "入规截止月份 1–12，不早于报告月份 (deadline month; default: 参数/目标 sheet row 入规截止月份, else 12)")
    .option("--json", "输出 JSON (print JSON)")
    .action(async (file: string, opts: Options) => {
      const fail = unusable(ctx, "pool");
      const options: PoolOptions = {};
      for (const [key, name, max] of [
        ["month", "--month", 12],
        ["target", "--target", Infinity],
        ["dropped", "--dropped", Infinity],
        ["byMonth", "--by-month", 12],
      ] as const) {
        const v = intOption(name, opts[key], key === "month" || key === "byMonth" ? 1 : 0, max);
        if (typeof v === "object") return fail(v.error);
        if (v !== undefined) options[key] = v;
      }
      const opened = await openWorkbookFile(file);
      if ("error" in opened) return fail(opened.error);
      const port = opened.port;
      // The one sheet chooser (core/table): a workbook whose only table is a monthly report is not a pool.
      const sheets = await port.readSheets(await port.listSheets());
      const from = poolInputFrom(sheets, opts.sheet);
      if ("error" in from) return fail(from.error);
      const report = analyzePool(from.input, options);
      if (failed(report)) return fail(report.error);
      if (report.netFigure.mismatch) ctx.err(`警告 (warning): ${report.netFigure.mismatch}`);
      for (const note of report.notes) ctx.err(`提示 (note): ${note}`);
      for (const f of report.firms) for (const note of f.notes) ctx.err(`提示 (note): ${f.name}（第 ${f.row} 行 row ${f.row}）：${note}`);
      if (opts.json) ctx.out(JSON.stringify(poolJson(report), null, 2));
      else ctx.out(text(report));
      ctx.exit(0);
    });
}

const MONTH_SOURCE = {
  option: "--month",
  column: "“月份”列 (月份 column)",
  above: "表头上方的单元格 (a cell above the header)",
  sheet: "工作表名 (the sheet name)",
  data: "最后有数据的月份 (last month with data)",
};

const BY_MONTH_SOURCE = { option: "--by-month", params: "参数表 (参数 sheet)", targets: "目标表 (目标 sheet)", default: "默认 (default)" };
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

function text(r: PoolReport): string {
  const s = r.summary;
  const counts = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(" · ");
  const progress = s.detail.progress === null ? "" : `（${(s.detail.progress * 100).toFixed(1)}%）`;
  const lines = [
    `培育库 (pool)：${r.table.sheet}，${s.detail.total} 家，截至 ${r.month} 月 (month ${r.month}, from ${MONTH_SOURCE[r.monthSource]})；入规截止 ${r.byMonth} 月 (deadline, from ${BY_MONTH_SOURCE[r.byMonthSource]})`,
    `按层级 (by tier)：${counts(s.byTier)}`,
    `按状态 (by status)：${counts(s.byStatus)}`,
    `拟进规 (measured against 2000 万)：已达标 (reached) ${s.reached} 家；预计年内跨过 (projected to cross) ${s.projectedToCross} 家；预警 (at risk) ${s.detail.atRisk} 家；上年已超 2000 万 (last year above) ${s.lastYearAbove} 家`,
    `净增规上 (net)：新增 ${s.added} − 退规 ${s.droppedOut} = ${s.net}，目标 ${s.target}${progress}；退库 (removed) ${s.removed}`,
    `  来源 (source)：${r.netFigure.sourceText}`,
    "",
    "企业（按差距升序）(firms, by gap ascending)：",
    ["企业名称", "层级", "状态", "包保领导", "1-本月", "预计全年", "差距/增速", `尚需月均(至${r.byMonth}月)`, "本年月均", "提示"].join(" | "),
  ];
  for (const f of sortFirms(r.firms, "gap", "asc")) {
    // Tiers with their own criteria show their growth instead of a gap to 2000 万.
    const gapOrGrowth = f.measured ? n1(f.gap) : `增速 ${pct(f.growth)}`;
    lines.push([f.name, f.tier ?? "—", f.status, f.leader ?? "—", n1(f.ytd), n1(f.projection), gapOrGrowth, n1(f.neededPerMonth), n1(f.avgPerMonth), firmHint(f, r.byMonth)].join(" | ").replace(/ \| $/, ""));
  }
  return lines.join("\n");
}
