/**
 * One figure, one value: 净增规上企业数 has two sources — the pool's ledger (已入规 + 新增规上 − 退规,
 * core/pool) and the 目标 sheet's typed 1-本月完成 (core/monitor/targets). The pool tab, the
 * monitoring tab, `jx pool` and `jx monitor` all show the figure chosen here, name its source,
 * and, when both sources are there and differ, say 不一致 with both numbers (stderr in the CLI,
 * a warning in the pane). Precedence: the ledger when the workbook has a pool (it names the
 * firms), else the 目标 sheet.
 */
import { targetValue, Targets } from "./monitor/targets";

export interface NetNewFigure {
  value: number;
  source: "pool" | "targets";
  /** zh-CN with English gloss, e.g. 培育库台账（已入规 6 + 新增规上 0 − 退规 3） (pool ledger). */
  sourceText: string;
  /** The ledger's net, when there is a pool. */
  ledger: number | null;
  /** The 目标 sheet's 1-本月完成 of 净增规上企业数, when typed. */
  typed: number | null;
  /** When both are given and differ: the message with 不一致 and both numbers; else null. */
  mismatch: string | null;
}

export interface Ledger {
  added: number;
  droppedOut: number;
  net: number;
  /** The pool sheet's name. */
  sheet: string;
}

export function netNewFigure(ledger: Ledger | null, targets: Targets | null | undefined): NetNewFigure | null {
  const typed = targetValue(targets, "netNewFirms", "actual");
  if (!ledger && typed === null) return null;
  const ledgerZh = ledger ? `培育库“${ledger.sheet}”台账（新增 ${ledger.added} − 退规 ${ledger.droppedOut}）` : "";
  const typedZh = `目标表“${targets?.sheet ?? "目标"}”1-本月完成`;
  const mismatch =
    ledger && typed !== null && typed !== ledger.net
      ? `净增规上企业数不一致：${ledgerZh}为 ${ledger.net}，${typedZh}为 ${typed}；按台账 ${ledger.net} 计，请核对后改正其一 (net new above-scale firms disagree: pool ledger ${ledger.net}, 目标 sheet ${typed}; the ledger's figure is used)`
      : null;
  if (ledger) return { value: ledger.net, source: "pool", sourceText: `${ledgerZh} (pool ledger)`, ledger: ledger.net, typed, mismatch };
  return { value: typed!, source: "targets", sourceText: `${typedZh} (typed on the 目标 sheet)`, ledger: null, typed, mismatch: null };
}
