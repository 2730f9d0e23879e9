/** The `jx pool --json` document. */
import type { PoolReport } from "./types";

/** The CLI's `--json` document (the contract in issue #5). */
export function poolJson(report: PoolReport) {
  const s = report.summary;
  return {
    month: report.month,
    summary: {
      byTier: s.byTier,
      byStatus: s.byStatus,
      projectedToCross: s.projectedToCross,
      added: s.added,
      removed: s.removed,
      droppedOut: s.droppedOut,
      net: s.net,
      target: s.target,
    },
    firms: report.firms.map((f) => ({
      name: f.name,
      tier: f.tier,
      status: f.status,
      leader: f.leader,
      ytd: f.ytd,
      projection: f.projection,
      gap: f.gap,
      atRisk: f.atRisk,
    })),
  };
}

