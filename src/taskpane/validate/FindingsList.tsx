/**
 * Findings grouped by severity (错误 / 提示) with counts; each one shows its cell and message
 * and selects the cell when clicked.
 */
import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/validate";

const PAGE = 200;

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: "4px" },
  head: { display: "flex", alignItems: "center", columnGap: "6px", marginTop: "6px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  item: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    width: "100%",
    minWidth: 0,
    padding: "4px 6px",
    height: "auto",
  },
  line: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  meta: { display: "flex", columnGap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  message: { whiteSpace: "normal", wordBreak: "break-word" },
});

const LABEL: Record<Severity, string> = { error: "错误 (errors)", warning: "提示 (warnings)" };

export function FindingsGroup({
  severity,
  findings,
  onSelect,
}: {
  severity: Severity;
  findings: Finding[];
  onSelect: (f: Finding) => void;
}): React.JSX.Element | null {
  const s = useStyles();
  const [limit, setLimit] = React.useState(PAGE);
  React.useEffect(() => setLimit(PAGE), [findings]);
  // ↑/↓ move between findings (Tab leaves the list), as in Excel's own lists.
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  if (findings.length === 0) return null;
  const explained = severity === "warning" ? findings.filter((f) => f.explained).length : 0;
  return (
    <section className={s.group} aria-label={LABEL[severity]} data-testid={`group-${severity}`}>
      <div className={s.head}>
        <Text weight="semibold">{LABEL[severity]}</Text>
        <Badge appearance="filled" color={severity === "error" ? "danger" : "warning"} data-testid={`count-${severity}`}>
          {findings.length}
        </Badge>
        {severity === "warning" && (
          <Text size={200} data-testid="count-explained">
            已说明 {explained} (explained)
          </Text>
        )}
      </div>
      <ul className={s.list} {...arrows}>
        {findings.slice(0, limit).map((f, i) => (
          <li key={`${f.rule}-${f.cell}-${i}`}>
            <Button
              appearance="subtle"
              className={s.item}
              data-testid="finding"
              title={`选中 ${f.sheet}!${f.cell} (select the cell)`}
              onClick={() => onSelect(f)}
            >
              <span className={s.line}>
                <span className={s.meta}>
                  <span className={s.cell}>{f.cell}</span>
                  <span className={s.rule}>{f.rule}</span>
                  {f.explained && (
                    <Badge size="small" appearance="tint" color="success">
                      已说明
                    </Badge>
                  )}
                </span>
                <span className={s.message}>{f.message}</span>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {findings.length > limit && (
        <Button size="small" onClick={() => setLimit((l) => l + PAGE * 5)}>
          显示更多（还有 {findings.length - limit} 条）(show more)
        </Button>
      )}
    </section>
  );
}
