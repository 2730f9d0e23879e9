/** The report month from a sheet name or a cell: "10月", "1-10月", "2023年10月", 10. */
import { toHalfWidth } from "../num";

export function monthFromText(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1 && raw <= 12 ? raw : null;
  if (typeof raw !== "string") return null;
  const s = toHalfWidth(raw).replace(/\s+/g, "");
  const m = /(?:^|[^\d])(\d{1,2})月(?:份)?/.exec(s) || /^(\d{1,2})$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : null;
}
