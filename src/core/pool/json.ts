/** The `jx pool --json` document (issue #5's contract, with issue #13's additions). */
import type { PoolReport } from "./types";

export function poolJson(report: PoolReport) {
  const s = report.summary;
  return {
    month: report.month,
    byMonth: report.byMonth,
    summary: {
      byTier: s.byTier,
      byStatus: s.byStatus,
      projectedToCross: s.projectedToCross,
      added: s.added,
      removed: s.removed,
      droppedOut: s.droppedOut,
      net: s.net,
      target: s.target,
      reached: s.reached,
      lastYearAbove: s.lastYearAbove,
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
      reached: f.reached,
      neededPerMonth: f.neededPerMonth,
      avgPerMonth: f.avgPerMonth,
      lastYearAbove: f.lastYearAbove,
    })),
  };
}
