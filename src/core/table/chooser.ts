/**
 * THE sheet chooser (one place), used by the CLI and the pane: which sheet of a workbook holds
 * the table a command or tab wants.
 *
 * 1. A sheet named by the user (--sheet, the pane's picker) is used — unless it reads better as
 *    another kind of table, which is said (`jx pool --sheet 10月` on a monthly report).
 * 2. Otherwise every sheet is classified by its header: the kind with the most recognised
 *    columns (ties: the complete one, then the order of `kinds`). Only sheets of a wanted kind
 *    are candidates; a workbook with none says which kinds it does have.
 * 3. Candidates rank: complete header (no required column missing) > a preferred name
 *    (培育库, 亩均数据) > the month asked for, else the latest report month > more recognised
 *    columns > workbook order. When every candidate with a month also states its year
 *    (2023年10月 beside 2022年10月 and 2023年9月), the latest is by year, then month.
 * Only the first rows of a sheet are looked at for the choice; the winner is then read whole.
 */
import { findHeader, HEADER_SCAN_ROWS, isReadError, missingRequired, readTable, SheetLike, Table, TableSpec } from "./read";
import { sheetPeriod } from "./month";

/** Whether a kind is among the wanted ones (by kind id: the same spec may be loaded twice). */
const among = (specs: readonly TableSpec[], spec: TableSpec) => specs.some((s) => s === spec || s.kind === spec.kind);

export interface KindFit {
  spec: TableSpec;
  /** Distinct columns of the kind recognised in the header. */
  score: number;
  complete: boolean;
}

const head = (sheet: SheetLike): SheetLike => ({ ...sheet, values: sheet.values.slice(0, HEADER_SCAN_ROWS + 1) });

/** How a sheet reads as one kind, or null when its header is not recognised. */
export function fitOf(sheet: SheetLike, spec: TableSpec): KindFit | null {
  const found = findHeader(sheet.values.length > HEADER_SCAN_ROWS + 1 ? head(sheet).values : sheet.values, spec);
  return found ? { spec, score: found.score, complete: missingRequired(spec, found).length === 0 } : null;
}

/** The kind a sheet reads best as: most recognised columns; ties → complete, then the order of `kinds`. */
export function classifySheet(sheet: SheetLike, kinds: readonly TableSpec[]): KindFit | null {
  let best: KindFit | null = null;
  for (const spec of kinds) {
    const fit = fitOf(sheet, spec);
    if (fit && (!best || fit.score > best.score || (fit.score === best.score && fit.complete && !best.complete))) best = fit;
  }
  return best;
}

export interface ChooseOptions {
  /** The sheet named by the user; matched exactly, else ignoring case. */
  name?: string | null;
  /** Sheets never chosen automatically (what this tool writes, last month's sheet). */
  exclude?: readonly string[];
  /** Preferred names among equally complete sheets (培育库, 亩均数据). */
  preferred?: readonly string[];
  /** Every kind a sheet could be; a sheet that reads better as another is not chosen (default: the wanted ones). */
  kinds?: readonly TableSpec[];
  /** The report month asked for: a sheet of that month first; without it the latest month. */
  month?: number | null;
}

export interface Chosen {
  sheet: SheetLike;
  spec: TableSpec;
  table: Table;
}

/** Candidates of the wanted kinds, best first (see the ranking above). */
export function rankSheets(sheets: readonly (SheetLike | null)[], wanted: readonly TableSpec[], options: ChooseOptions = {}): { sheet: SheetLike; fit: KindFit; month: number | null }[] {
  const kinds = options.kinds ?? wanted;
  const exclude = new Set(options.exclude ?? []);
  const preferred = options.preferred ?? [];
  const out: { sheet: SheetLike; fit: KindFit; month: number | null; year: number | null; order: number }[] = [];
  sheets.forEach((sheet, order) => {
    if (!sheet || exclude.has(sheet.name)) return;
    const kind = classifySheet(sheet, kinds);
    if (!kind || !among(wanted, kind.spec)) return;
    const t = readTable(head(sheet), kind.spec);
    const period = isReadError(t) ? null : sheetPeriod(sheet, t);
    out.push({ sheet, fit: kind, month: period?.month ?? null, year: period?.year ?? null, order });
  });
  const want = options.month ?? null;
  // years count only when every dated candidate states one (1月…10月 beside 2022年10月: months alone)
  const byYear = out.every((x) => x.month === null || x.year !== null);
  const year = (x: (typeof out)[number]) => (byYear ? x.year ?? 0 : 0);
  const rank = (x: (typeof out)[number]) => [
    x.fit.complete ? 0 : 1,
    preferred.includes(x.sheet.name.trim()) ? 0 : 1,
    want !== null ? (x.month === want ? 0 : 1) : 0,
    -year(x),
    want === null ? -(x.month ?? 0) : 0,
    -x.fit.score,
    x.order,
  ];
  return out
    .sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
      return 0;
    })
    .map(({ sheet, fit, month }) => ({ sheet, fit, month }));
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");

/** The sheets of a workbook, for a message: 现有工作表：“10月”、“目标” (sheets: 10月, 目标). */
export function sheetList(names: readonly string[]): string {
  return `现有工作表：${quoted(names) || "（无）"} (sheets: ${names.join(", ") || "none"})`;
}

/**
 * The sheet holding a wanted kind, read whole; or why there is none (zh-CN with English gloss):
 * the named sheet is absent or of another kind, or no sheet is of a wanted kind — then the kinds
 * found are named (“工作表“10月”是月报”).
 */
export function chooseSheet(sheets: readonly (SheetLike | null)[], wanted: readonly TableSpec[], options: ChooseOptions = {}): Chosen | { error: string } {
  const present = sheets.filter((s): s is SheetLike => s !== null);
  const names = present.map((s) => s.name);
  const kinds = options.kinds ?? wanted;
  const titles = wanted.map((s) => s.title).join("、");
  const glosses = wanted.map((s) => s.kind).join("/");
  if (options.name !== undefined && options.name !== null) {
    const n = options.name;
    const sheet = present.find((s) => s.name === n) ?? present.find((s) => s.name.toLowerCase() === n.toLowerCase());
    if (!sheet) return { error: `找不到工作表“${n}”；${sheetList(names)}` };
    const kind = classifySheet(sheet, kinds);
    const fits = wanted.map((w) => fitOf(sheet, w)).filter((f): f is KindFit => f !== null);
    if (kind && !among(wanted, kind.spec) && !fits.some((f) => f.score >= kind.score)) {
      return { error: `工作表“${sheet.name}”是${kind.spec.title}表，不是${titles}表 (sheet ${sheet.name} is a ${kind.spec.kind} table, not ${glosses})` };
    }
    const spec = fits.sort((a, b) => b.score - a.score)[0]?.spec ?? wanted[0];
    const table = readTable(sheet, spec);
    return isReadError(table) ? { error: table.error } : { sheet, spec, table };
  }
  const ranked = rankSheets(present, wanted, options);
  if (!ranked.length) {
    const found = present
      .filter((s) => !(options.exclude ?? []).includes(s.name))
      .map((s) => ({ s, k: classifySheet(s, kinds) }))
      .filter((x): x is { s: SheetLike; k: KindFit } => x.k !== null && !among(wanted, x.k.spec));
    const other = found.length
      ? `；找到的是${found.map((x) => `${x.k.spec.title}表（工作表“${x.s.name}”）`).join("、")} (found ${found.map((x) => `a ${x.k.spec.kind} table in sheet ${x.s.name}`).join(", ")})`
      : "";
    return { error: `没有找到${titles}表头的工作表${other}；${sheetList(names)} (no sheet has a ${glosses} header)` };
  }
  const best = ranked[0];
  const spec = wanted.find((w) => w.kind === best.fit.spec.kind) ?? best.fit.spec;
  const table = readTable(best.sheet, spec);
  return isReadError(table) ? { error: table.error } : { sheet: best.sheet, spec, table };
}
