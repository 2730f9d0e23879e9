/**
 * The task pane: a header naming the workbook and five tabs. It receives a WorkbookPort and
 * never touches Office.* itself, so the browser workbench can mount it over a file-backed port.
 */
import * as React from "react";
import { FluentProvider, webLightTheme, TabList, Tab, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectTabData, SelectTabEvent } from "@fluentui/react-components";
import type { WorkbookPort } from "../workbook/port";
import { ValidateTab } from "./validate/ValidateTab";
import { PoolTab } from "./pool/PoolTab";
import { AcreTab } from "./acre/AcreTab";
import { MonitorTab } from "./monitor/MonitorTab";
import { AppealsTab } from "./appeals/AppealsTab";

type TabId = "validate" | "pool" | "acre" | "monitor" | "appeals";

export const TABS: ReadonlyArray<{ id: TabId; label: string; en: string; Component: (props: { port: WorkbookPort }) => React.JSX.Element }> = [
  { id: "validate", label: "提交前校验", en: "Pre-submission validation", Component: ValidateTab },
  { id: "pool", label: "培育库", en: "Cultivation pool", Component: PoolTab },
  { id: "acre", label: "亩均评价", en: "Per-mu evaluation", Component: AcreTab },
  { id: "monitor", label: "运行监测", en: "Monitoring", Component: MonitorTab },
  { id: "appeals", label: "企业诉求", en: "Enterprise appeals", Component: AppealsTab },
];

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  header: {
    padding: "10px 12px 4px",
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  /** Five tabs do not fit in one row of a 320 px pane: they wrap to a second row. */
  tabs: { flexWrap: "wrap", rowGap: "2px" },
  workbook: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  panel: { padding: "12px", flexGrow: 1 },
});

class TabErrorBoundary extends React.Component<{ children: React.ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return (
        <div role="alert">
          <Text weight="semibold">此页出错 (This tab failed)：</Text> <Text>{this.state.error.message}</Text>
        </div>
      );
    }
    return this.props.children;
  }
}

function useWorkbookName(port: WorkbookPort): string | null | undefined {
  // undefined: loading; null: could not be read.
  const [name, setName] = React.useState<string | null | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    port.workbookName().then(
      (n) => live && setName(n),
      () => live && setName(null),
    );
    return () => {
      live = false;
    };
  }, [port]);
  return name;
}

export function App({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<TabId>("validate");
  // A tab is mounted on first visit and then kept (hidden), so its results survive tab switches.
  const [visited, setVisited] = React.useState<ReadonlySet<TabId>>(() => new Set<TabId>(["validate"]));
  const name = useWorkbookName(port);

  const onTabSelect = (_: SelectTabEvent, data: SelectTabData) => {
    const id = data.value as TabId;
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header className={styles.header} aria-busy={name === undefined}>
        <Text as="h1" size={400} weight="semibold">
          经信助手 Jingxin
        </Text>
        <Text size={200} className={styles.workbook} data-testid="workbook-name">
          {name === undefined
            ? "正在读取工作簿… (reading the workbook…)"
            : name === null
              ? "无法读取工作簿名称 (cannot read the workbook name)"
              : `当前工作簿 (workbook)：${name}`}
        </Text>
        <TabList className={styles.tabs} selectedValue={selected} onTabSelect={onTabSelect} size="small" aria-label="功能 (features)">
          {TABS.map((t) => (
            <Tab key={t.id} value={t.id} title={t.en}>
              {t.label}
            </Tab>
          ))}
        </TabList>
      </header>
      {TABS.filter((t) => visited.has(t.id)).map(({ id, label, en, Component }) => (
        <section key={id} role="tabpanel" aria-label={`${label} (${en})`} hidden={selected !== id} className={styles.panel}>
          <TabErrorBoundary>
            <Component port={port} />
          </TabErrorBoundary>
        </section>
      ))}
    </FluentProvider>
  );
}

export default App;
