/** Per-leader view (包保): each leader's firms and how many are on track. */
import * as React from "react";
import { Card, Text, Badge, makeStyles } from "@fluentui/react-components";
import type { LeaderView, PoolFirm } from "../../core/pool/analyze";
import { fmt } from "./model";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: "8px" },
  card: { padding: "8px 10px" },
  firm: { display: "flex", justifyContent: "space-between", columnGap: "8px", cursor: "pointer" },
});

export function LeaderPanel({ leaders, onSelect }: { leaders: LeaderView[]; onSelect: (f: PoolFirm) => void }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.list} aria-label="包保领导 (per leader)">
      {leaders.map((l) => (
        <Card key={l.leader} className={s.card} data-testid="leader-card">
          <Text weight="semibold">
            {l.leader}：{l.inPool} 家培育中，{l.onTrack} 家预计达标 (on track)
            {l.atRisk ? `，${l.atRisk} 家预警` : ""}
            {l.entered ? `，已入规 ${l.entered}` : ""}
            {l.removed ? `，退库 ${l.removed}` : ""}
          </Text>
          {l.firms.map((f) => (
            <div key={f.index} className={s.firm} onClick={() => onSelect(f)} role="button" tabIndex={0}>
              <Text size={200}>
                {f.name} {f.atRisk ? <Badge color="danger" size="small">预警</Badge> : null}
              </Text>
              <Text size={200}>
                {f.status} · 预计 {fmt(f.projection)}
              </Text>
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}
