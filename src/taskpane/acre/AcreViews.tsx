/** The per-mu tab's views: grade bars, county aggregates, out-of-scope firms, comparison, hints. Props only, no port. */
import * as React from "react";
import { Button, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AcreEvaluation, Comparison, FirmResult, PoolName } from "../../core/acre/evaluate";
import type { Grade } from "../../core/acre/grade";
import { GRADES } from "../../core/acre/params";
import { indicatorDef } from "../../core/acre/indicators";
import { ADJUSTMENT_LABELS } from "../../core/acre/result";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: "6px", marginTop: "8px" },
  bar: { display: "flex", height: "18px", width: "100%", borderRadius: "3px", overflow: "hidden", backgroundColor: tokens.colorNeutralBackground3 },
  legend: { display: "flex", flexWrap: "wrap", columnGap: "10px" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  item: { justifyContent: "flex-start", textAlign: "left", height: "auto", paddingTop: "2px", paddingBottom: "2px", width: "100%" },
  hints: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "8px", rowGap: "4px", alignItems: "center" },
});

export const GRADE_COLORS: Record<Grade, string> = { A: "#107c10", B: "#4f6bed", C: "#ca5010", D: "#a4262c" };

export const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "—" : x.toLocaleString("zh-CN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** 不定等级 is counted apart from the four grades, in grey. */
export const UNGRADED_COLOR = "#8a8886";

/** Final grade counts and shares per pool (A–D after 一票否决 and 调整等级), with a stacked bar; 不定等级 apart. */
export function GradeBars({ evaluation }: { evaluation: AcreEvaluation }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.section} aria-label="等级分布 (grades)">
      {evaluation.pools.map((p: PoolName) => {
        const counts = evaluation.grades[p]!;
        const n = GRADES.reduce((a, g) => a + counts[g], 0);
        const ungraded = counts.不定等级;
        return (
          <div key={p} data-testid={`grades-${p}`} className={s.section}>
            <Text size={200} weight="semibold">
              {p}（定级 {n} 户{ungraded ? `，不定等级 ${ungraded} 户` : ""}）
            </Text>
            <div className={s.bar} role="img" aria-label={`${p} ${GRADES.map((g) => `${g} ${counts[g]}`).join(" ")}${ungraded ? ` 不定等级 ${ungraded}` : ""}`}>
              {n > 0
                ? GRADES.filter((g) => counts[g] > 0).map((g) => (
                    <div key={g} title={`${g}类 ${counts[g]} 户`} style={{ width: `${(counts[g] / n) * 100}%`, backgroundColor: GRADE_COLORS[g] }} />
                  ))
                : null}
            </div>
            <div className={s.legend}>
              {GRADES.map((g) => (
                <Text key={g} size={200} data-testid={`count-${p}-${g}`}>
                  <span style={{ color: GRADE_COLORS[g], fontWeight: 600 }}>{g}</span> {counts[g]} 户{n > 0 ? `（${pct(counts[g] / n)}）` : ""}
                </Text>
              ))}
              {ungraded ? (
                <Text size={200} data-testid={`count-${p}-不定等级`}>
                  <span style={{ color: UNGRADED_COLOR, fontWeight: 600 }}>不定等级</span> {ungraded} 户（不计入比例，参照B类）
                </Text>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}


/** In-scope firms with an adjustment (一票否决, 调整等级, 不定等级): rank grade → final grade and the reason; click for the detail. */
export function AdjustedList({ firms, onSelect }: { firms: FirmResult[]; onSelect?: (f: FirmResult) => void }): React.JSX.Element {
  return (
    <FirmButtons
      firms={firms.filter((f) => f.adjustment)}
      testId="adjusted"
      onSelect={onSelect}
      text={(f) => `${f.name}：${ADJUSTMENT_LABELS[f.adjustment!.kind]}，排名等级 ${f.rankGrade ?? "—"} → 最终等级 ${f.grade ?? "不定等级"}；${f.adjustment!.reason || "（未填写原因）"}`}
    />
  );
}

/** One firm's evaluation: score with 加减分, rank and rank grade, the adjustment and its reason, the final grade, notes. */
export function FirmDetail({ firm }: { firm: FirmResult }): React.JSX.Element {
  const s = useStyles();
  const rows: Array<[string, string]> = [
    ["评价池 (pool)", `${firm.pool ?? "—"}${firm.inZone ? "（经开区）" : ""}`],
    ["综合得分 (score)", `${num(firm.score)}${firm.bonus ? `（含加减分 ${firm.bonus > 0 ? "+" : ""}${num(firm.bonus)}）` : ""}`],
    ["排名 (rank)", firm.rank === null ? "不参与排名" : String(firm.rank)],
    ["排名等级 (rank grade)", firm.rankGrade ?? "—"],
    ["调整 (adjustment)", firm.adjustment ? ADJUSTMENT_LABELS[firm.adjustment.kind] : "无"],
    ["调整原因 (reason)", firm.adjustment ? firm.adjustment.reason || "（未填写）" : "—"],
    ["最终等级 (final grade)", firm.grade ?? (firm.adjustment?.kind === "ungraded" ? "不定等级" : "—")],
    ["政策导向 (hint)", firm.hint ?? "—"],
  ];
  return (
    <div className={s.section} data-testid="firm-detail">
      <Text size={200} weight="semibold">
        {firm.name}（第 {firm.row} 行）
      </Text>
      <div className={s.hints}>
        {rows.map(([k, v]) => (
          <React.Fragment key={k}>
            <Text size={200} className={s.muted}>
              {k}
            </Text>
            <Text size={200} data-testid={`detail-${k.replace(/ .*/, "")}`}>
              {v}
            </Text>
          </React.Fragment>
        ))}
      </div>
      {firm.notes.map((n) => (
        <Text key={n} size={200} className={s.muted}>
          说明 (note)：{n}
        </Text>
      ))}
    </div>
  );
}

const AGG: Array<["taxPerMu" | "revenuePerMu" | "taxPerTce" | "laborProductivity", number]> = [
  ["taxPerMu", 2],
  ["revenuePerMu", 2],
  ["taxPerTce", 3],
  ["laborProductivity", 2],
];

/** County aggregates as ratios of sums: all evaluated firms and above-scale firms (as the seed reports them). */
export function AggregatesTable({ evaluation }: { evaluation: AcreEvaluation }): React.JSX.Element {
  const a = evaluation.aggregates;
  return (
    <Table size="small" aria-label="全县汇总 (county aggregates)" data-testid="aggregates">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>指标 (indicator)</TableHeaderCell>
          <TableHeaderCell>全部参评（{a.all.firms} 户）</TableHeaderCell>
          <TableHeaderCell>规上（{a.aboveScale.firms} 户）</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {AGG.map(([k, d]) => {
          const def = indicatorDef(k);
          return (
            <TableRow key={k} data-testid={`agg-${k}`}>
              <TableCell>
                {def.label}（{def.unit}）
              </TableCell>
              <TableCell>{num(a.all[k], d)}</TableCell>
              <TableCell>{num(a.aboveScale[k], d)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** A list of firms as buttons (clicking calls onSelect), or 无 when empty. */
function FirmButtons({ firms, text, testId, onSelect }: { firms: FirmResult[]; text: (f: FirmResult) => string; testId: string; onSelect?: (f: FirmResult) => void }): React.JSX.Element {
  const s = useStyles();
  if (firms.length === 0) {
    return (
      <Text size={200} className={s.muted}>
        无 (none)
      </Text>
    );
  }
  return (
    <ul className={s.list} data-testid={testId}>
      {firms.map((f) => (
        <li key={f.row}>
          <Button appearance="subtle" size="small" className={s.item} onClick={() => onSelect?.(f)} data-testid={`${testId}-item`}>
            {text(f)}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** Firms not evaluated, with the reason; clicking selects the firm's row in the data sheet. */
export function OutOfScopeList({ firms, onSelect }: { firms: FirmResult[]; onSelect?: (f: FirmResult) => void }): React.JSX.Element {
  return <FirmButtons firms={firms} testId="out-of-scope" onSelect={onSelect} text={(f) => `第 ${f.row} 行 ${f.name ?? "（无名称）"}${f.scale ? `（${f.scale}）` : ""}：${f.reason}`} />;
}

/** Final-grade changes against last year's result (its 最终等级, or 等级 in an older sheet). */
export function ComparisonView({ comparison }: { comparison: Comparison }): React.JSX.Element {
  const s = useStyles();
  const line = (items: string[], empty = "无") => (items.length ? items.join("、") : empty);
  return (
    <div className={s.section} data-testid="comparison">
      <Text size={200} data-testid="cmp-up">
        升级 (up) {comparison.up.length} 户：{line(comparison.up.map((c) => `${c.name} ${c.from}→${c.to}`))}
      </Text>
      <Text size={200} data-testid="cmp-down">
        降级 (down) {comparison.down.length} 户：{line(comparison.down.map((c) => `${c.name} ${c.from}→${c.to}`))}
      </Text>
      <Text size={200} data-testid="cmp-same">
        等级不变 (unchanged) {comparison.same} 户
      </Text>
      <Text size={200} data-testid="cmp-added">
        新参评 (new) {comparison.added.length} 户：{line(comparison.added.map((c) => `${c.name}（${c.grade}）`))}
      </Text>
      <Text size={200} data-testid="cmp-removed">
        不再参评 (removed) {comparison.removed.length} 户：{line(comparison.removed.map((c) => `${c.name}（上年 ${c.grade}${c.reason ? `；${c.reason}` : ""}）`))}
      </Text>
    </div>
  );
}

/** Policy hints per grade, editable; saved into the 参数 sheet. */
export function HintsEditor({
  hints,
  counts,
  onSave,
  busy,
}: {
  hints: Record<Grade, string>;
  counts?: Record<Grade, number>;
  onSave: (hints: Record<Grade, string>) => void;
  busy?: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const [draft, setDraft] = React.useState(hints);
  React.useEffect(() => setDraft(hints), [hints]);
  const changed = GRADES.some((g) => draft[g] !== hints[g]);
  return (
    <div className={s.section}>
      <div className={s.hints}>
        {GRADES.map((g) => (
          <React.Fragment key={g}>
            <Text size={200}>
              <span style={{ color: GRADE_COLORS[g], fontWeight: 600 }}>{g}类</span>
              {counts ? `（${counts[g]} 户）` : ""}
            </Text>
            <Input size="small" value={draft[g]} aria-label={`${g}类政策导向`} onChange={(_, d) => setDraft({ ...draft, [g]: d.value })} />
          </React.Fragment>
        ))}
      </div>
      <div>
        <Button size="small" disabled={!changed || busy} onClick={() => onSave(draft)}>
          保存到参数表 (save to 参数)
        </Button>
      </div>
    </div>
  );
}
