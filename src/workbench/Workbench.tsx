/**
 * The workbench page: a toolbar (open .xlsx by picker or drop, download, reload the sample),
 * the sheet view on the left and the very same task pane <App> on the right, both working on
 * one file-backed WorkbookPort (exceljs in the browser).
 */
import * as React from "react";
import {
  FluentProvider,
  webLightTheme,
  makeStyles,
  tokens,
  Button,
  Text,
  Spinner,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tooltip,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { FileChange, FilePort } from "../workbook/fileAdapter";
import { loadFilePort } from "../workbook/fileAdapter";
import type { WriteValue } from "../workbook/port";
import { Calc, disposeCalc, recalculate } from "./formulas";
import { SheetView } from "./SheetView";

/** The pane re-renders only when its port changes, not on every grid selection. */
const Pane = React.memo(App);

export const SAMPLE_URL = "samples/jingxin-sample.xlsx";

/** Excel opens a task pane at 320 px (Windows); the workbench does too, resizable 320–500 px. */
export const PANE_MIN = 320;
export const PANE_MAX = 500;
const PANE_KEY = "jingxin.paneWidth";
const clampPane = (w: number) => Math.min(PANE_MAX, Math.max(PANE_MIN, Math.round(w)));

function storedPaneWidth(): number {
  try {
    const v = Number(window.localStorage.getItem(PANE_KEY));
    return Number.isFinite(v) && v > 0 ? clampPane(v) : PANE_MIN;
  } catch {
    return PANE_MIN;
  }
}

/** The pane's width: dragged on the splitter or moved with the arrow keys, remembered. */
function usePaneWidth(): [number, (w: number) => void] {
  const [width, setWidth] = React.useState(storedPaneWidth);
  const set = React.useCallback((w: number) => {
    const c = clampPane(w);
    setWidth(c);
    try {
      window.localStorage.setItem(PANE_KEY, String(c));
    } catch {
      // storage unavailable (private mode): the width is kept for this page only
    }
  }, []);
  return [width, set];
}
export const SAMPLE_NAME = "jingxin-sample.xlsx";

const useStyles = makeStyles({
  root: { height: "100vh", display: "flex", flexDirection: "column", overflow: "hidden" },
  toolbar: {
    display: "flex",
    alignItems: "center",
    columnGap: "8px",
    padding: "6px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: "wrap",
  },
  title: { marginRight: "8px" },
  status: { color: tokens.colorNeutralForeground3, marginLeft: "auto", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  main: { flexGrow: 1, display: "flex", minHeight: 0 },
  left: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  right: {
    flexShrink: 0,
    boxSizing: "border-box",
    overflowY: "auto",
    overflowX: "hidden",
  },
  splitter: {
    width: "5px",
    flexShrink: 0,
    cursor: "col-resize",
    backgroundColor: tokens.colorNeutralStroke2,
    ":hover": { backgroundColor: tokens.colorBrandStroke1 },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, backgroundColor: tokens.colorBrandStroke1 },
  },
  drop: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  center: { margin: "auto", padding: "24px" },
  hidden: { display: "none" },
});

interface Loaded {
  port: FilePort;
  /** Distinguishes workbooks: the pane is remounted for a new one. */
  id: number;
}

function firstVisibleSheet(port: FilePort): string {
  const ws = port.workbook.worksheets.find((w) => w.state !== "hidden" && w.state !== "veryHidden") ?? port.workbook.worksheets[0];
  return ws ? ws.name : "";
}

export function Workbench({ initial }: { initial?: { bytes: ArrayBuffer; name: string } }): React.JSX.Element {
  const styles = useStyles();
  const [paneWidth, setPaneWidth] = usePaneWidth();
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<string | null>("正在打开示例工作簿… (opening the sample workbook…)");
  const [version, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState("");
  const [selected, setSelected] = React.useState("A1");
  const [revealToken, setRevealToken] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const nextId = React.useRef(1);
  /** The cell last selected on each sheet (restored when switching back). */
  const lastCell = React.useRef(new Map<string, string>());
  /** The formula engine of the open workbook (recomputed synchronously on every write). */
  const calcRef = React.useRef<Calc | null>(null);
  const setCalc = (c: Calc | null) => {
    disposeCalc(calcRef.current);
    calcRef.current = c;
  };

  /** Stop listening to the previous workbook's port. */
  const detach = React.useRef<(() => void) | null>(null);

  /**
   * Every change made through the port (by the pane or by the sheet view) comes back here.
   * Subscribed before the pane mounts, so no write is missed.
   */
  const attach = (port: FilePort) => {
    if (detach.current) detach.current();
    detach.current = port.onChange((change: FileChange) => {
      if (change.kind === "writeSheet" || change.kind === "writeCells" || change.kind === "appendRows") {
        // Synchronously, inside the write: the pane's next read already sees computed results.
        setCalc(recalculate(port.workbook));
      }
      if (change.kind === "select" && port.selection) {
        const { sheet: s, address } = port.selection;
        lastCell.current.set(s, address);
        setSheet(s);
        setSelected(address);
        setRevealToken((t) => t + 1);
      }
      if (change.kind === "writeSheet") {
        // A sheet the pane wrote with `activate`: show it, as Excel would.
        const tab = port.workbook.views?.[0]?.activeTab;
        const active = typeof tab === "number" ? port.workbook.worksheets[tab] : undefined;
        if (active && active.name === change.sheet) {
          setSheet(active.name);
          setSelected(lastCell.current.get(active.name) ?? "A1");
          setRevealToken((t) => t + 1);
        }
      }
      setVersion((v) => v + 1);
    });
  };

  const show = React.useCallback(async (load: () => Promise<{ bytes: ArrayBuffer; name: string }>, what: string) => {
    setBusy(what);
    setError(null);
    try {
      const { bytes, name } = await load();
      const port = await loadFilePort(bytes, name);
      // Formulas are computed before the pane first reads the workbook.
      setCalc(recalculate(port.workbook));
      attach(port);
      const next: Loaded = { port, id: nextId.current++ };
      setLoaded(next);
      lastCell.current = new Map();
      const active = (await next.port.activeSheet()) ?? firstVisibleSheet(next.port);
      setSheet(active);
      setSelected("A1");
      setRevealToken((t) => t + 1);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(`无法打开工作簿 (cannot open the workbook)：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const loadSample = React.useCallback(
    () =>
      show(async () => {
        const res = await fetch(SAMPLE_URL, { cache: "no-store" });
        if (!res.ok) throw new Error(`${SAMPLE_URL}: HTTP ${res.status}`);
        return { bytes: await res.arrayBuffer(), name: SAMPLE_NAME };
      }, "正在打开示例工作簿… (opening the sample workbook…)"),
    [show],
  );

  const loadFile = React.useCallback(
    (file: File) => {
      if (!/\.xlsx$/i.test(file.name)) {
        setError(`只能打开 .xlsx 文件，“${file.name}”不是 (only .xlsx files can be opened; ${file.name} is not one)`);
        return;
      }
      void show(async () => ({ bytes: await file.arrayBuffer(), name: file.name }), `正在打开 ${file.name}… (opening…)`);
    },
    [show],
  );

  React.useEffect(() => {
    if (initial) void show(async () => initial, "正在打开… (opening…)");
    else void loadSample();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const onSelect = React.useCallback(
    (s: string, address: string) => {
      if (!loaded) return;
      const a = address || lastCell.current.get(s) || "A1";
      void loaded.port.selectCell(s, a).catch((e: unknown) => setError(String(e instanceof Error ? e.message : e)));
    },
    [loaded],
  );

  const onEdit = React.useCallback(
    (s: string, address: string, value: WriteValue) => {
      if (!loaded) return;
      void loaded.port.writeCells(s, [{ address, value }]).catch((e: unknown) => setError(String(e instanceof Error ? e.message : e)));
    },
    [loaded],
  );

  const download = async () => {
    if (!loaded) return;
    try {
      const bytes = await loaded.port.toBuffer();
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = await loaded.port.workbookName();
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(`无法生成文件 (cannot write the workbook)：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) loadFile(file);
  };

  const port = loaded?.port;
  const calc = calcRef.current;
  const status = port
    ? `${port.workbook.worksheets.filter((w) => w.state !== "hidden" && w.state !== "veryHidden").length} 个工作表 (sheets)` +
      (calc?.formulas ? ` · ${calc.formulas} 个公式由 HyperFormula 计算 (formulas computed)` : "") +
      (calc?.skipped.length ? ` · 未计算 (not computed): ${calc.skipped.join("、")}` : "")
    : "";

  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={`${styles.root} ${dragging ? styles.drop : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="workbench"
      >
        <div className={styles.toolbar} data-testid="workbench-toolbar" role="toolbar" aria-label="工作台 (workbench)">
          <Text weight="semibold" className={styles.title}>
            经信助手 工作台 <Text size={200}>(Jingxin workbench)</Text>
          </Text>
          <Tooltip content="打开本地 .xlsx 文件，也可直接拖放到页面 (open a local .xlsx; you can also drop it on the page)" relationship="description">
            <Button appearance="primary" onClick={() => fileInput.current?.click()} data-testid="open-file">
              打开 .xlsx (Open)
            </Button>
          </Tooltip>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            data-testid="open-input"
            onChange={(e) => {
              const f = e.target.files && e.target.files[0];
              if (f) loadFile(f);
              e.target.value = "";
            }}
          />
          <Tooltip content="下载工作簿，含任务窗格写入的内容 (download the workbook with what the pane wrote)" relationship="description">
            <Button onClick={() => void download()} disabled={!port} data-testid="download">
              下载 (Download)
            </Button>
          </Tooltip>
          <Button onClick={() => void loadSample()} data-testid="reload-sample">
            重新载入示例 (Reload sample)
          </Button>
          <Text size={200} className={styles.status} data-testid="workbench-status">
            {busy ?? status}
          </Text>
        </div>
        {error && (
          <MessageBar intent="error" data-testid="workbench-error">
            <MessageBarBody>
              <MessageBarTitle>出错 (Error)</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.main}>
          <div className={styles.left}>
            {port && sheet ? (
              <SheetView
                workbook={port.workbook}
                calc={calc}
                version={version}
                sheet={sheet}
                selected={selected}
                revealToken={revealToken}
                onSelect={onSelect}
                onEdit={onEdit}
              />
            ) : (
              <div className={styles.center}>{busy ? <Spinner label={busy} /> : <Text>拖放 .xlsx 文件到此处 (drop an .xlsx file here)</Text>}</div>
            )}
          </div>
          <div
            className={styles.splitter}
            role="separator"
            aria-orientation="vertical"
            aria-label="调整任务窗格宽度 (resize the task pane)"
            aria-valuemin={PANE_MIN}
            aria-valuemax={PANE_MAX}
            aria-valuenow={paneWidth}
            tabIndex={0}
            data-testid="pane-splitter"
            onPointerDown={(e) => {
              const startX = e.clientX;
              const start = paneWidth;
              const move = (ev: PointerEvent) => setPaneWidth(start + (startX - ev.clientX));
              const up = () => {
                window.removeEventListener("pointermove", move);
                window.removeEventListener("pointerup", up);
              };
              window.addEventListener("pointermove", move);
              window.addEventListener("pointerup", up);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowLeft") setPaneWidth(paneWidth + 10);
              else if (e.key === "ArrowRight") setPaneWidth(paneWidth - 10);
              else if (e.key === "Home") setPaneWidth(PANE_MIN);
              else if (e.key === "End") setPaneWidth(PANE_MAX);
              else return;
              e.preventDefault();
            }}
          />
          <aside className={styles.right} style={{ width: `${paneWidth}px` }} aria-label="任务窗格 (task pane)" data-testid="task-pane">
            {port && loaded ? <Pane key={loaded.id} port={port} /> : null}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
