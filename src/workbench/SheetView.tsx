/**
 * The workbench's sheet view: a formula bar, a grid of the current sheet (values as formatted,
 * formulas computed, fills shown, the selected cell outlined and scrolled into view) and the
 * sheet tabs. Rows are virtualised, so a large sheet stays responsive.
 *
 * It only reads the exceljs workbook; every change (select, edit) goes through the file port,
 * exactly as the task pane's changes do, and comes back as a port change.
 */
import * as React from "react";
import type * as ExcelJS from "exceljs";
import { makeStyles, tokens, Text, Input, Button } from "@fluentui/react-components";
import { columnLetters, parseAddress, type WriteValue } from "../workbook/port";
import type { Calc } from "./formulas";
import { cellView, columnPx, gridSize, mergeSpans, parseInput } from "./model";

export const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const ROWNUM_WIDTH = 48;
const OVERSCAN = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: "8px",
    padding: "4px 8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: {
    minWidth: "110px",
    fontFamily: tokens.fontFamilyMonospace,
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: "nowrap",
  },
  fx: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  formula: { flexGrow: 1 },
  scroller: { flexGrow: 1, overflow: "auto", position: "relative", outline: "none", minHeight: 0 },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "12px",
    fontFamily: tokens.fontFamilyBase,
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: 400,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
    fontWeight: 400,
  },
  headActive: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorBrandForeground1, fontWeight: 600 },
  cell: {
    height: `${ROW_HEIGHT - 1}px`,
    padding: "0 4px",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  tabs: {
    display: "flex",
    alignItems: "stretch",
    columnGap: "2px",
    padding: "0 8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowX: "auto",
    flexShrink: 0,
  },
  tab: {
    border: "none",
    borderBottom: "3px solid transparent",
    background: "none",
    padding: "6px 12px",
    cursor: "pointer",
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
  },
  tabActive: { borderBottomColor: tokens.colorBrandStroke1, color: tokens.colorNeutralForeground1, fontWeight: 600, backgroundColor: tokens.colorNeutralBackground1 },
});

export interface SheetViewProps {
  workbook: ExcelJS.Workbook;
  calc: Calc | null;
  /** Bumped on every workbook change: re-read the cells. */
  version: number;
  sheet: string;
  /** Selected cell of the current sheet ("C17"). */
  selected: string;
  /** Bumped when the selection is set from outside (scroll it into view). */
  revealToken: number;
  onSelect(sheet: string, address: string): void;
  onEdit(sheet: string, address: string, value: WriteValue): void;
}

export function SheetView(props: SheetViewProps): React.JSX.Element {
  const { workbook, calc, version, sheet, selected, revealToken, onSelect, onEdit } = props;
  const styles = useStyles();
  const ws = workbook.getWorksheet(sheet);
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  const visibleSheets = workbook.worksheets.filter((w) => w.state !== "hidden" && w.state !== "veryHidden");
  const sel = safeParse(selected);

  const size = React.useMemo(() => (ws ? gridSize(ws) : { rows: 0, cols: 0 }), [ws, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const widths = React.useMemo(() => (ws ? Array.from({ length: size.cols }, (_, i) => columnPx(ws, i + 1)) : []), [ws, size.cols, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const merges = React.useMemo(() => (ws ? mergeSpans(ws) : new Map<string, { rows: number; cols: number }>()), [ws, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const rows = Math.max(size.rows, sel.row + 10);

  const onScroll = React.useCallback(() => {
    const el = scroller.current;
    if (el) setScroll({ top: el.scrollTop, height: el.clientHeight });
  }, []);
  React.useEffect(() => {
    onScroll();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => ro.disconnect();
  }, [onScroll]);

  // Scroll the selected cell into view when it was set from outside (the pane, a sheet switch).
  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !ws) return;
    const top = HEADER_HEIGHT + (sel.row - 1) * ROW_HEIGHT;
    const viewTop = el.scrollTop + HEADER_HEIGHT;
    const viewBottom = el.scrollTop + el.clientHeight;
    if (top < viewTop || top + ROW_HEIGHT > viewBottom) el.scrollTop = Math.max(0, top - Math.floor(el.clientHeight / 3));
    let left = ROWNUM_WIDTH;
    for (let c = 1; c < sel.col && c <= widths.length; c++) left += widths[c - 1];
    const w = widths[sel.col - 1] ?? 64;
    if (left < el.scrollLeft + ROWNUM_WIDTH || left + w > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, left - ROWNUM_WIDTH - 40);
    onScroll();
  }, [revealToken, sheet]); // eslint-disable-line react-hooks/exhaustive-deps

  const first = Math.max(1, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);

  const selectedView = ws ? cellView(ws, sel.row, sel.col, calc) : null;

  const move = (dr: number, dc: number) => {
    const r = Math.max(1, sel.row + dr);
    const c = Math.max(1, Math.min(size.cols, sel.col + dc));
    onSelect(sheet, `${columnLetters(c)}${r}`);
  };
  const formulaInput = React.useRef<HTMLInputElement>(null);
  const onGridKey = (e: React.KeyboardEvent) => {
    const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if (keys[e.key]) {
      e.preventDefault();
      move(...keys[e.key]);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      formulaInput.current?.focus();
    }
  };

  const body: React.ReactNode[] = [];
  if (ws) {
    if (first > 1) body.push(<tr key="top" style={{ height: (first - 1) * ROW_HEIGHT }} aria-hidden="true" />);
    for (let r = first; r <= last; r++) {
      const cells: React.ReactNode[] = [
        <th key="h" scope="row" className={`${styles.rowHead} ${r === sel.row ? styles.headActive : ""}`}>
          {r}
        </th>,
      ];
      for (let c = 1; c <= size.cols; c++) {
        const v = cellView(ws, r, c, calc, merges);
        const span = Math.min(v.colSpan ?? 1, size.cols - c + 1);
        const isSel = r === sel.row && c === sel.col;
        cells.push(
          <td
            key={c}
            colSpan={span > 1 ? span : undefined}
            data-address={v.address}
            aria-selected={isSel}
            title={v.text.length > 12 ? v.text : undefined}
            className={`${styles.cell} ${isSel ? styles.selected : ""} ${v.isError ? styles.error : ""}`}
            style={{ textAlign: v.align, backgroundColor: v.fill, fontWeight: v.bold ? 600 : undefined }}
            onMouseDown={() => onSelect(sheet, v.address)}
          >
            {v.text}
          </td>,
        );
        c += span - 1;
      }
      body.push(
        <tr key={r} style={{ height: ROW_HEIGHT }} data-row={r}>
          {cells}
        </tr>,
      );
    }
    if (last < rows) body.push(<tr key="bottom" style={{ height: (rows - last) * ROW_HEIGHT }} aria-hidden="true" />);
  }

  return (
    <div className={styles.root} data-testid="sheet-view" data-sheet={sheet}>
      <FormulaBar
        key={`${sheet}!${selected}:${version}`}
        address={`${sheet}!${selected}`}
        initial={selectedView ? selectedView.input : ""}
        inputRef={formulaInput}
        onCommit={(text) => {
          onEdit(sheet, selected, parseInput(text));
          scroller.current?.focus();
        }}
        onCancel={() => scroller.current?.focus()}
        styles={styles}
      />
      <div ref={scroller} className={styles.scroller} onScroll={onScroll} tabIndex={0} onKeyDown={onGridKey} data-testid="sheet-grid" aria-label={`工作表 ${sheet} (sheet)`}>
        {ws ? (
          <table className={styles.table} role="grid" style={{ width: ROWNUM_WIDTH + widths.reduce((a, b) => a + b, 0) }}>
            <colgroup>
              <col style={{ width: ROWNUM_WIDTH }} />
              {widths.map((w, i) => (
                <col key={i} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className={`${styles.colHead} ${styles.corner}`} />
                {widths.map((_, i) => (
                  <th key={i} scope="col" className={`${styles.colHead} ${i + 1 === sel.col ? styles.headActive : ""}`}>
                    {columnLetters(i + 1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{body}</tbody>
          </table>
        ) : (
          <Text>没有工作表 (no sheet)</Text>
        )}
      </div>
      <div className={styles.tabs} role="tablist" aria-label="工作表 (sheets)">
        {visibleSheets.map((w) => (
          <button
            key={w.name}
            role="tab"
            aria-selected={w.name === sheet}
            data-testid="sheet-tab"
            data-sheet={w.name}
            className={`${styles.tab} ${w.name === sheet ? styles.tabActive : ""}`}
            onClick={() => onSelect(w.name, "")}
          >
            {w.name}
          </button>
        ))}
      </div>
    </div>
  );
}

function safeParse(address: string): { row: number; col: number } {
  try {
    return parseAddress(address);
  } catch {
    return { row: 1, col: 1 };
  }
}

function FormulaBar(props: {
  address: string;
  initial: string;
  inputRef: React.RefObject<HTMLInputElement | null>;
  onCommit(text: string): void;
  onCancel(): void;
  styles: ReturnType<typeof useStyles>;
}): React.JSX.Element {
  const { address, initial, inputRef, onCommit, onCancel, styles } = props;
  const [text, setText] = React.useState(initial);
  const dirty = text !== initial;
  return (
    <div className={styles.bar}>
      <span className={styles.nameBox} data-testid="name-box">
        {address}
      </span>
      <span className={styles.fx} aria-hidden="true">
        fx
      </span>
      <Input
        ref={inputRef}
        className={styles.formula}
        size="small"
        value={text}
        aria-label="编辑栏 (formula bar)"
        input={{ "data-testid": "formula-input" } as React.ComponentProps<typeof Input>["input"]}
        placeholder="输入数值或公式，如 =JX.YOY_GROWTH(B2,C2)，回车确认 (type a value or formula, Enter to commit)"
        onChange={(_, d) => setText(d.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onCommit(text);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setText(initial);
            onCancel();
          }
        }}
      />
      <Button size="small" disabled={!dirty} onClick={() => onCommit(text)} data-testid="formula-commit">
        确定 (Enter)
      </Button>
    </div>
  );
}
