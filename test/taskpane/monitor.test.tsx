/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import type { ChartSpec, WorkbookPort } from "../../src/workbook/port";
import { MonitorTab } from "../../src/taskpane/monitor/MonitorTab";
import { createOfficePort } from "../../src/excel/officeAdapter";
import { countySheets, countyWorkbook, monthRows, MONTHLY_HEADER, SheetData } from "../core/monitor/fixture";
import { fakeContext, newBook, newSheet, Value } from "../excel/fakeExcel";

// jsdom has no ResizeObserver (Fluent's MessageBar uses one).
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// jsdom has no TextEncoder/TextDecoder (browsers do; the .docx writer uses them).
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { press } from "./settle";
(globalThis as unknown as { TextEncoder: unknown }).TextEncoder ??= NodeTextEncoder;
(globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= NodeTextDecoder;

// jest's jsdom environment has no setImmediate (the fake Excel context uses it after a sync).
(globalThis as unknown as { setImmediate: unknown }).setImmediate ??= (fn: () => void) => setTimeout(fn, 0);

function mount(port: WorkbookPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MonitorTab port={port} />
    </FluentProvider>,
  );
}

async function countyPort(sheets = countySheets()): Promise<FilePort> {
  return createFilePort(await countyWorkbook(sheets), "county.xlsx");
}

const cell = (port: FilePort, sheet: string, a: string) => port.workbook.getWorksheet(sheet)!.getCell(a).value;

describe("MonitorTab over the file adapter", () => {
  test("totals, targets with ahead/behind marks, warnings by severity, contribution, concentration", async () => {
    mount(await countyPort());
    await screen.findByTestId("output-ytd");
    expect(screen.getByTestId("month-line").textContent).toMatch(/10月.*工作表“10月”.*83\.3%/);
    expect(screen.getByTestId("output-month").textContent).toContain("5,300");
    expect(screen.getByTestId("output-ytd").textContent).toContain("53,300");
    expect(screen.getByTestId("output-ytd").textContent).toContain("10.2%"); // same basis, not 13.4%
    expect(screen.getByTestId("concentration").textContent).toMatch(/56\.3% \/ 74\.9%.*海螺水泥/);

    const inv = screen.getByTestId("target-工业投资");
    expect(inv.textContent).toMatch(/105\.8%/);
    expect(inv.textContent).toMatch(/\+22\.5 个百分点 ▲/);
    expect(screen.getByTestId("target-规上工业总产值").textContent).toMatch(/▼/);
    expect(screen.getByTestId("target-工业增加值增速").textContent).toMatch(/-7\.9 个百分点 ▼/);

    const errors = screen.getByTestId("warnings-error");
    expect(within(errors).getAllByRole("button")).toHaveLength(3);
    expect(within(screen.getByTestId("warnings-warning")).getAllByRole("button")).toHaveLength(3);
    expect(errors.textContent).toMatch(/铜陵精工/);

    const contribution = screen.getByRole("table", { name: /contribution/ });
    const rows = within(contribution).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(10);
    expect(rows[0].textContent).toMatch(/海螺水泥.*104\.2%/);
  });

  test("clicking a warning selects the firm's row in the report sheet", async () => {
    const port = await countyPort();
    mount(port);
    await screen.findByTestId("warnings-error");
    const drop = within(screen.getByTestId("warnings-error"))
      .getAllByRole("button")
      .find((b) => /50\.0%/.test(b.textContent!))!;
    fireEvent.click(drop);
    await waitFor(() => expect(port.selection).toEqual({ sheet: "10月", address: "A3" }));
  });

  test("写入分析表 writes 运行分析 (totals, targets, warnings, contribution) and says charts appear in Excel", async () => {
    const port = await countyPort();
    mount(port);
    await screen.findByTestId("output-ytd");
    await press(/写入分析表/);
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/图表.*Excel/));
    expect(cell(port, "运行分析", "C4")).toBe(53300);
    expect(cell(port, "运行分析", "E4")).toBeCloseTo(4800 / 47000, 12);
    const ws = port.workbook.getWorksheet("运行分析")!;
    expect(ws.getColumn(5).numFmt ?? ws.getCell("E4").numFmt).toBe("0.0%");
    // targets block: 工业投资 row with completion and gap as decimals
    const targetRows = [4, 5, 6, 7, 8].map((r) => [cell(port, "运行分析", `G${r}`), cell(port, "运行分析", `H${r}`), cell(port, "运行分析", `J${r}`)]);
    const inv = targetRows.find((r) => r[0] === "工业投资")!;
    expect(inv[1] as number).toBeCloseTo(39.16 / 37, 12);
    expect(inv[2] as number).toBeCloseTo(39.16 / 37 - 10 / 12, 12);
    // warnings: errors first (below-scale by value, then row), each with its firm
    expect([4, 5, 6].map((r) => cell(port, "运行分析", `Q${r}`))).toEqual(["新源电子", "安德食品", "铜陵精工"]);
    expect(cell(port, "运行分析", "S6")).toBe(0.5);
    expect(cell(port, "运行分析", "W4")).toBe("海螺水泥");
    // the input sheets are untouched
    expect(cell(port, "10月", "D2")).toBe(30000);
  });

  test("in Excel (canChart) the two charts are upserted by stable names, in place on the next run", async () => {
    const file = await countyPort();
    const charts: { sheet: string; spec: ChartSpec }[] = [];
    const port: WorkbookPort = Object.assign(Object.create(file), {
      kind: "excel",
      canChart: true,
      upsertChart: async (sheet: string, spec: ChartSpec) => {
        charts.push({ sheet, spec });
      },
    });
    mount(port);
    await screen.findByTestId("output-ytd");
    await press(/写入分析表/);
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/图表/));
    await press(/写入分析表/);
    await waitFor(() => expect(charts).toHaveLength(4));
    expect(charts.map((c) => c.spec.name)).toEqual(["jx_monitor_monthly", "jx_monitor_targets", "jx_monitor_monthly", "jx_monitor_targets"]);
    expect(charts[0]).toMatchObject({ sheet: "运行分析", spec: { dataRange: "A12:C22" } });
    // 总量 targets first: 规上工业总产值, 工业投资, 技改投资, 净增规上企业数 → G3:I7
    expect(charts[1].spec.dataRange).toBe("G3:I7");
    expect(cell(file, "运行分析", "A13")).toBe("1月");
    expect(cell(file, "运行分析", "B22")).toBe(5300);
    expect(cell(file, "运行分析", "C22")).toBe(4700);
  });

  test("新建目标表 writes the template; an existing 目标 sheet is only overwritten after confirmation", async () => {
    const port = await countyPort(countySheets().filter((s) => s.name !== "目标"));
    mount(port);
    await screen.findByText(/没有目标表/);
    await press(/新建目标表/);
    await screen.findByTestId("target-工业投资");
    expect(cell(port, "目标", "A1")).toBe("指标");
    expect(cell(port, "目标", "C4")).toBe(49);
    expect(cell(port, "目标", "A7")).toBe("退规企业数");
    // the 2023 plan read back: 49 亿 target, no actual yet
    expect(screen.getByTestId("target-工业投资").textContent).toMatch(/— \/ 490,000/);

    port.workbook.getWorksheet("目标")!.getCell("C4").value = 50; // the user's edit
    await press(/新建目标表/);
    await screen.findByRole("button", { name: /确认覆盖/ });
    expect(cell(port, "目标", "C4")).toBe(50);
    await press(/取消/);
    expect(cell(port, "目标", "C4")).toBe(50);
  });

  test("no month anywhere: an error until the month is given", async () => {
    const port = await countyPort([{ name: "Sheet1", startRow: 1, startCol: 1, values: monthRows(10) }]);
    mount(port);
    await screen.findByText(/无法确定报告月份/);
    fireEvent.change(screen.getByRole("textbox", { name: /月份/ }), { target: { value: "10" } });
    await press(/analyse/);
    await screen.findByTestId("output-ytd");
    expect(screen.getByTestId("month-line").textContent).toMatch(/--month|10月/);
  });

  test("choosing another month's sheet re-runs the analysis", async () => {
    mount(await countyPort());
    await screen.findByTestId("output-ytd");
    fireEvent.change(screen.getByRole("combobox", { name: /report sheet/ }), { target: { value: "9月" } });
    await waitFor(() => expect(screen.getByTestId("month-line").textContent).toMatch(/^9月/));
    expect(screen.getByTestId("output-ytd").textContent).toContain("48,000");
  });
});

/** A county of n firms over `months` months (every firm steady 200 / 180 a month), plus 目标. */
function bigCounty(n: number, months: number): SheetData[] {
  const sheets: SheetData[] = [];
  for (let m = 1; m <= months; m++) {
    const rows: (string | number | null)[][] = [MONTHLY_HEADER];
    for (let i = 0; i < n; i++) rows.push([`企业${i + 1}`, `91340700F${String(i).padStart(8, "0")}A`, 200, 200 * m, 180 * m, 50 * m, 200 * m, 50, null]);
    sheets.push({ name: `${m}月`, startRow: 1, startCol: 1, values: rows });
  }
  return [...sheets, countySheets().find((s) => s.name === "目标")!];
}

describe("MonitorTab over the Office.js adapter (fake context): round trips", () => {
  async function loadSyncs(sheets: SheetData[]) {
    const book = newBook(sheets.map((s) => newSheet(s.name, s.values.map((r) => r.map((v) => (v === null ? "" : v))) as Value[][])));
    const fake = fakeContext(book);
    const port = createOfficePort(fake.run, { supports: () => true });
    const view = mount(port);
    await screen.findByTestId("output-ytd", {}, { timeout: 10000 });
    const load = fake.state.syncs;
    await press(/写入分析表/);
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/图表/));
    const write = fake.state.syncs - load;
    const analysis = book.sheets.find((x) => x.name === "运行分析")!;
    view.unmount();
    return { load, write, charts: analysis.charts.map((c) => c.name) };
  }

  test("the load's sync count does not grow with the firm count; charts are written in Excel", async () => {
    const small = await loadSyncs(countySheets());
    const big = await loadSyncs(bigCounty(400, 10));
    expect(small.load).toBe(big.load);
    expect(small.load).toBeLessThanOrEqual(3); // sheet names, then every sheet's values (2)
    expect(small.write).toBe(big.write);
    expect(small.charts).toEqual(["jx_monitor_monthly", "jx_monitor_targets"]);
  });
});

describe("生成分析材料 in the 运行监测 tab", () => {
  test("writes the report's text to 分析材料 (as text) and offers the Word file", async () => {
    const created: Blob[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => (created.push(b), `blob:report-${created.length}`);
    (URL as unknown as { revokeObjectURL: (u: string) => void }).revokeObjectURL = () => {};
    const port = await countyPort();
    mount(port);
    await screen.findByTestId("output-ytd");
    await press(/生成分析材料/);
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/分析材料/), { timeout: 8000 });
    const link = await screen.findByTestId("report-download");
    expect(link.getAttribute("download")).toBe("1至10月份工业经济运行分析材料.docx");
    expect(created[0]!.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(created[0]!.size).toBeGreaterThan(5000);
    expect(cell(port, "分析材料", "A1")).toBe("1至10月份工业经济运行分析材料");
    expect(cell(port, "分析材料", "A3")).toBe("一、工业经济运行");
    // 53 300 万元 = 5.33 亿元, same-basis growth 10.2 % (the figures the tab shows above).
    expect(String(cell(port, "分析材料", "A4"))).toMatch(/^1至10月份，规上工业总产值实现5\.33亿元，同比增长10\.2%/);
    expect(screen.getByTestId("status").textContent).toMatch(/已写入“分析材料”/);
  });

  test("drafts from the report sheet chosen in the tab (9月: 48 000 万元 = 4.80 亿元)", async () => {
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = () => "blob:report";
    (URL as unknown as { revokeObjectURL: (u: string) => void }).revokeObjectURL = () => {};
    const port = await countyPort();
    mount(port);
    await screen.findByTestId("output-ytd");
    fireEvent.change(screen.getByRole("combobox", { name: /report sheet/ }), { target: { value: "9月" } });
    await waitFor(() => expect(screen.getByTestId("month-line").textContent).toMatch(/^9月/));
    expect(screen.getByTestId("output-ytd").textContent).toContain("48,000");
    await press(/生成分析材料/);
    await waitFor(() => expect(screen.getByTestId("status").textContent).toMatch(/分析材料/), { timeout: 8000 });
    expect(cell(port, "分析材料", "A1")).toBe("1至9月份工业经济运行分析材料");
    expect(String(cell(port, "分析材料", "A4"))).toMatch(/^1至9月份，规上工业总产值实现4\.80亿元/);
  });
});

describe("运行监测 charts", () => {
  test("monthly output this year vs last and targets vs 序时进度, each with its text alternative", async () => {
    mount(await countyPort());
    await screen.findByTestId("output-ytd");
    const monthly = screen.getByTestId("chart-monitor-monthly");
    expect(monthly.tagName).toBe("FIGURE");
    expect(within(monthly).getByText(/月度工业总产值/)).toBeTruthy();
    const points = JSON.parse(monthly.querySelector("svg")!.getAttribute("data-points")!);
    expect(points.map((p: { name: string }) => p.name).at(-1)).toBe("10月");
    // October: 5 300 万元 this year → 0.53 亿元.
    expect(points.at(-1).series[0].data).toBe(0.53);
    const targets = screen.getByTestId("chart-monitor-targets");
    expect(screen.getByTestId("chart-summary-monitor-targets").textContent).toMatch(/^序时进度83\.3%；工业投资、.*快于序时；规上工业总产值慢于序时。$/);
    const t = JSON.parse(targets.querySelector("svg")!.getAttribute("data-points")!);
    const inv = t.find((p: { name: string }) => p.name === "工业投资");
    expect(inv.series.map((x: { data: number }) => x.data)).toEqual([105.8, 83.3]);
  });
});
