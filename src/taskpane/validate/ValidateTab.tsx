/**
 * The 提交前校验 tab: pick a sheet and a rule set (detected from the headers, overridable),
 * run, see the findings grouped by severity with their cells, click one to select its cell,
 * highlight / clear the offending cells, write the 校验报告 sheet, and read the verdict.
 * Last month's sheet is preselected (month m − 1 by its name; 自动 also finds it by a 月份
 * column); the 行政区划代码 box overrides the 参数 row. Validation itself never writes: the
 * workbook is read once (one readSheets call), and the only sheets written are 校验报告
 * (写入报告) and a new template sheet (新建模板).
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import {
  isRegionCode,
  isUnusable,
  previousSheetByName,
  MONTHLY_TEMPLATE_FORMATS,
  MONTHLY_TEMPLATE_HEADERS,
  REPORT_SHEET,
  reportRows,
  RULE_SETS,
  RuleSetId,
  SheetValidation,
  validateSheet,
  verdictParts,
  Finding,
} from "../../core/validate";
import { FindingsGroup } from "./FindingsList";
import { NamePicker } from "../shared/NamePicker";
import { Status, StatusBar } from "../shared/StatusArea";
import { NotesPanel } from "../shared/NotesPanel";
import { useWork } from "../shared/useWork";

export const ERROR_FILL = "#FFC7CE";
export const WARNING_FILL = "#FFEB9C";
const AUTO = "auto";
const NONE = "";
/** The 上月工作表 box's 自动: “:” never occurs in a sheet name. */
const PREV_AUTO = ":auto";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  bar: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "end" },
  grow: { minWidth: "120px", flexGrow: 1 },
  month: { width: "100px" },
  region: { width: "130px" },
  monthInput: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px" },
  muted: { color: tokens.colorNeutralForeground3 },
  skipped: { margin: 0, paddingLeft: "18px" },
});

/** A sheet name not yet used: 月报, 月报(2), 月报(3) … */
export function freeSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const n = `${base}(${i})`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

export function ValidateTab({ port }: { port: WorkbookPort }): React.JSX.Element {
  const s = useStyles();
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  const [sheet, setSheet] = React.useState("");
  const [rules, setRules] = React.useState<RuleSetId | typeof AUTO>(AUTO);
  const [month, setMonth] = React.useState("");
  const [previous, setPrevious] = React.useState(PREV_AUTO);
  const [region, setRegion] = React.useState("");
  const [progress, setProgress] = React.useState<number | null>(null);
  const [done, setDone] = React.useState<SheetValidation | null>(null);
  const [message, setMessage] = React.useState<Status>(null);
  const [highlighted, setHighlighted] = React.useState<string | null>(null);
  const { busy, track } = useWork();

  const refreshSheets = React.useCallback(async (prefer?: string) => {
    const names = (await port.listSheets()).filter((n) => n !== REPORT_SHEET);
    setSheets(names);
    const active = prefer ?? (await port.activeSheet());
    setSheet((cur) => (cur && names.includes(cur) && !prefer ? cur : active && names.includes(active) ? active : names[0] ?? ""));
    return names;
  }, [port]);

  // last month's sheet follows the checked sheet: month m − 1 by name, else 自动
  React.useEffect(() => {
    if (sheets) setPrevious(previousSheetByName(sheets, sheet) ?? PREV_AUTO);
  }, [sheets, sheet]);

  React.useEffect(() => {
    void track(() => refreshSheets().catch((e) => setMessage({ intent: "error", text: `读取工作簿失败 (cannot read the workbook)：${e instanceof Error ? e.message : String(e)}` })));
  }, [refreshSheets, track]);

  const guard = (what: () => Promise<void>) =>
    track(async () => {
      try {
        await what();
      } catch (e) {
        setMessage({ intent: "error", text: `操作失败 (failed)：${e instanceof Error ? e.message : String(e)}` });
      }
    });

  const run = () =>
    guard(async () => {
      setMessage(null);
      let m: number | undefined;
      if (month.trim() !== "") {
        const n = Number(month);
        if (!Number.isInteger(n) || n < 1 || n > 12) {
          setMessage({ intent: "error", text: `月份应为 1–12 的整数 (the month must be an integer 1–12)` });
          return;
        }
        m = n;
      }
      const code = region.trim();
      if (code !== "" && !isRegionCode(code)) {
        setMessage({ intent: "error", text: `行政区划代码应为 6 位数字（如 340722），而不是“${code}” (the division code must have 6 digits)` });
        return;
      }
      setDone(null);
      setProgress(0.1);
      try {
        // One read of the workbook (the data, last month's and last year's sheets, 参数 — also the
        // per-mu rules' 规下企业用地下限 — and 退规):
        // the Office adapter syncs ≤ 2 times.
        const names = sheets ?? [];
        const all = await port.readSheets(names.includes(sheet) ? names : [sheet, ...names]);
        const data = all.find((x) => x?.name === sheet);
        const prev = previous !== PREV_AUTO && previous !== NONE ? all.find((x) => x?.name === previous) : undefined;
        if (!data) {
          setMessage({ intent: "error", text: `找不到工作表“${sheet}” (no sheet ${sheet})` });
          return;
        }
        setProgress(0.5);
        await nextFrame(); // let the bar paint before a long run
        const v = validateSheet(data, RULE_SETS, rules, {
          month: m,
          previousSheet: prev ?? undefined,
          findPrevious: previous === PREV_AUTO,
          sheets: all,
          region: code || undefined,
        });
        setProgress(1);
        if (isUnusable(v)) {
          setMessage({ intent: "error", text: v.error });
          return;
        }
        setDone(v);
      } finally {
        setProgress(null);
      }
    });

  const select = (f: Finding) => guard(() => port.selectCell(f.sheet, f.cell));

  const highlight = () =>
    guard(async () => {
      if (!done) return;
      const target = done.result.sheet;
      if (highlighted) await port.clearHighlight(highlighted);
      // cells of the checked sheet only (应报未报 points at last month's sheet)
      const here = done.result.findings.filter((f) => f.sheet === target);
      const errors = [...new Set(here.filter((f) => f.severity === "error").map((f) => f.cell))];
      const taken = new Set(errors);
      const warnings = [...new Set(here.filter((f) => f.severity === "warning" && !taken.has(f.cell)).map((f) => f.cell))];
      if (errors.length) await port.highlight(target, errors, ERROR_FILL);
      if (warnings.length) await port.highlight(target, warnings, WARNING_FILL);
      setHighlighted(target);
      setMessage({ intent: "info", text: `已标记 ${errors.length + warnings.length} 个单元格（红：错误，黄：提示）(cells highlighted)` });
    });

  const clear = () =>
    guard(async () => {
      if (!highlighted) return;
      await port.clearHighlight(highlighted);
      setHighlighted(null);
      setMessage({ intent: "info", text: "已恢复原有格式 (previous fills restored)" });
    });

  const writeReport = () =>
    guard(async () => {
      if (!done) return;
      await port.writeSheet(REPORT_SHEET, reportRows(done.result, done.ruleSet, timestamp()));
      setMessage({ intent: "success", text: `已写入“${REPORT_SHEET}”工作表 (report written)` });
    });

  const newTemplate = () =>
    guard(async () => {
      const name = freeSheetName("月报", await port.listSheets());
      await port.writeSheet(name, [[...MONTHLY_TEMPLATE_HEADERS], []], { tableName: "JxMonthly", numberFormats: [...MONTHLY_TEMPLATE_FORMATS], activate: true });
      await refreshSheets(name);
      setMessage({ intent: "success", text: `已新建月报模板工作表“${name}” (template sheet created)` });
    });

  const result = done?.result;
  const errors = result?.findings.filter((f) => f.severity === "error") ?? [];
  const warnings = result?.findings.filter((f) => f.severity === "warning") ?? [];

  return (
    <div className={s.root} aria-busy={busy}>
      <div className={s.bar}>
        <NamePicker label="工作表 (sheet)" className={s.grow} value={sheet} names={sheets ?? []} onChange={setSheet} disabled={!sheets || sheets.length === 0} />
        <Field label="规则集 (rules)" className={s.grow}>
          <Select value={rules} onChange={(_, d) => setRules(d.value as RuleSetId | typeof AUTO)}>
            <option value={AUTO}>自动识别 (auto)</option>
            {RULE_SETS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title} ({r.id})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="月份 (month)" className={s.month}>
          <Input className={s.monthInput} value={month} onChange={(_, d) => setMonth(d.value)} placeholder="自动" inputMode="numeric" />
        </Field>
        <NamePicker label="上月工作表 (last month)" className={s.grow} value={previous} names={(sheets ?? []).filter((n) => n !== sheet)} onChange={setPrevious}>
          <option value={PREV_AUTO}>自动 (auto)</option>
          <option value={NONE}>（无）(none)</option>
        </NamePicker>
        <Field label="行政区划代码 (region)" className={s.region}>
          <Input className={s.monthInput} value={region} onChange={(_, d) => setRegion(d.value)} placeholder="参数表" inputMode="numeric" />
        </Field>
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={run} disabled={busy || !sheet}>
          开始校验 (run)
        </Button>
        <Button onClick={highlight} disabled={busy || !result || result.findings.length === 0}>
          标记问题单元格 (highlight)
        </Button>
        <Button onClick={clear} disabled={busy || !highlighted}>
          清除标记 (clear)
        </Button>
        <Button onClick={writeReport} disabled={busy || !result}>
          写入报告 (write report)
        </Button>
        <Button onClick={newTemplate} disabled={busy}>
          新建模板 (new template)
        </Button>
      </div>
      {progress !== null && <ProgressBar value={progress} thickness="large" aria-label="校验进度 (progress)" data-testid="progress" />}
      <StatusBar status={message} testId="message" />
      {result && done && (
        <>
          <MessageBar intent={result.ready ? "success" : "error"} data-testid="verdict">
            <MessageBarBody>
              <MessageBarTitle>{verdictParts(result).title}</MessageBarTitle>
              {verdictParts(result).detail}
            </MessageBarBody>
          </MessageBar>
          <Text size={200} className={s.muted} data-testid="summary">
            工作表“{result.sheet}”· {done.ruleSet.title}
            {rules === AUTO ? "（自动识别）" : ""} · {result.rowCount} 行 (rows){result.month ? ` · ${result.month} 月` : ""}
            {result.previous ? ` · 上月 (last month)：${result.previous.sheet}` : ""}
            {result.lastYear ? ` · 上年 (last year)：${result.lastYear.sheet}` : ""}
          </Text>
          <FindingsGroup severity="error" findings={errors} onSelect={select} />
          <FindingsGroup severity="warning" findings={warnings} onSelect={select} />
          {result.findings.length === 0 && <Text>未发现问题 (no findings)</Text>}
          {result.skipped.length > 0 && (
            <section aria-label="未运行的规则 (rules not run)" data-testid="skipped">
              <Text weight="semibold">未运行的规则 (rules not run)</Text>
              <ul className={s.skipped}>
                {result.skipped.map((k) => (
                  <li key={k.rule}>
                    <Text size={200}>
                      {k.rule}：{k.reason}
                    </Text>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <NotesPanel groups={[{ title: "校验说明 (notes)", notes: result.notes }]} />
        </>
      )}
    </div>
  );
}

export default ValidateTab;
