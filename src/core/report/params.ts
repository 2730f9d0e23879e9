/**
 * The report's own 参数 row (the workbook's shared 参数 | 值 sheet; rows of other features are left
 * alone): 一家带动占比, the largest firm's share of the county's output from which the report
 * writes "工业产值主要依靠X一家带动" (default 30 %). Typed as 0.3, 30 or 30%.
 */
import { CellValue, parseNumber, toHalfWidth } from "../num";
import { columnLetters, SheetLike } from "../table";

export const DEFAULT_TOP1_SHARE = 0.3;
export const TOP1_PARAM = "一家带动占比";
const ALIASES = [TOP1_PARAM, "一家带动阈值", "一家带动比例", "最大企业占比阈值", "首位企业占比阈值"];

const key = (raw: CellValue) => toHalfWidth(String(raw ?? "")).replace(/\s+/g, "").replace(/\([^)]*\)/g, "").replace(/[:：]/g, "");

export function readReportParams(sheet: SheetLike | null): { top1Share: number; notes: string[] } {
  const notes: string[] = [];
  if (!sheet) return { top1Share: DEFAULT_TOP1_SHARE, notes };
  for (let r = 0; r < sheet.values.length; r++) {
    const line = sheet.values[r] ?? [];
    const c = line.findIndex((v) => typeof v === "string" && ALIASES.includes(key(v)));
    if (c < 0) continue;
    const raw = line[c + 1] ?? null;
    const p = parseNumber(raw);
    if (p.kind === "blank") break;
    const share = p.kind === "number" ? (p.value > 1 ? p.value / 100 : p.value) : NaN;
    if (share > 0 && share <= 1) return { top1Share: share, notes };
    const address = `${sheet.name}!${columnLetters(sheet.startCol + c + 1)}${sheet.startRow + r}`;
    notes.push(`参数表 ${address} “${TOP1_PARAM}”的值“${String(raw)}”应为 0–100% 之间的比例，已用默认 30% (the share must be between 0 and 100 %; the default 30 % is used)`);
    break;
  }
  return { top1Share: DEFAULT_TOP1_SHARE, notes };
}
