/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import * as ExcelJS from "exceljs";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFilePort, FilePort } from "../../src/workbook/fileAdapter";
import { PoolTab } from "../../src/taskpane/pool/PoolTab";
import { poolValues, fill } from "../core/pool/helpers";
import { press } from "./settle";

// jsdom has no ResizeObserver (Fluent's MessageBar uses one).
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("培育库");
  ws.addRows(
    poolValues([
      { name: "甲公司", tier: "拟进规", leader: "张三", town: "城关镇", status: "培育中", months: fill(10, 100) }, // 1200, gap −800
      { name: "乙公司", tier: "拟进规", leader: "李四", town: "经开区", status: "培育中", months: fill(10, 250) }, // 3000, gap +1000
      { name: "丙公司", tier: "专精特新", leader: "张三", town: "经开区", status: "培育中", months: fill(10, 180) }, // 2160, gap +160
      { name: "丁公司", tier: "高成长性", leader: "李四", town: "城关镇", status: "已入规", months: fill(10, 300) },
    ]),
  );
  const t = wb.addWorksheet("目标");
  t.addRows([
    ["指标", "类型", "年度目标", "单位", "1-本月完成"],
    ["净增规上企业数", "总量", 18, "户", null],
    ["退规企业数", "总量", null, "户", 3],
  ]);
  return wb;
}

function mount(port: FilePort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PoolTab port={port} today={() => "2023-11-02"} />
    </FluentProvider>,
  );
}

const names = () => screen.queryAllByTestId("firm-row").map((r) => within(r).getAllByRole("gridcell")[0].textContent!.replace("预警", "").trim());
const cell = (port: FilePort, sheet: string, a: string) => port.workbook.getWorksheet(sheet)!.getCell(a).value;

describe("PoolTab over the file adapter", () => {
  test("summary cards, list sorted by gap, at-risk flag", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    expect(within(screen.getByTestId("by-tier")).getByText("拟进规").nextSibling!.textContent).toBe("2");
    expect(within(screen.getByTestId("by-status")).getByText("已入规").nextSibling!.textContent).toBe("1");
    // projected to cross: 乙 only (丙 is 专精特新: tracked by its own criteria, not the 2000 万 line); 乙 (2500) has reached it
    expect(screen.getByTestId("cross").textContent).toMatch(/\(projected to cross\)1已达标可申报 1 家/);
    // net = 1 entered − 3 退规 (目标 sheet) = −2 vs target 18
    expect(screen.getByTestId("net").textContent).toContain("-2 / 18");
    expect(names()).toEqual(["甲公司", "丙公司", "乙公司", "丁公司"]);
    expect(screen.getAllByTestId("at-risk")).toHaveLength(1);
    expect(screen.getAllByTestId("gap").map((c) => c.textContent)).toContain("-800.0");
  });

  test("filters by leader, town, status; at-risk switch", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    fireEvent.change(screen.getByLabelText("包保领导"), { target: { value: "张三" } });
    expect(names()).toEqual(["甲公司", "丙公司"]);
    fireEvent.change(screen.getByLabelText("乡镇/园区"), { target: { value: "经开区" } });
    expect(names()).toEqual(["丙公司"]);
    fireEvent.change(screen.getByLabelText("包保领导"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "已入规" } });
    expect(names()).toEqual([]);
    fireEvent.change(screen.getByLabelText("乡镇/园区"), { target: { value: "" } });
    expect(names()).toEqual(["丁公司"]);
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("层级"), { target: { value: "拟进规" } });
    expect(names()).toEqual(["甲公司", "乙公司"]);
    fireEvent.click(screen.getByRole("switch"));
    expect(names()).toEqual(["甲公司"]);
  });

  test("sorting by gap toggles direction from the header", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    await press(/差距/);
    expect(names()).toEqual(["丁公司", "乙公司", "丙公司", "甲公司"]);
  });

  test("clicking a firm selects its row; mark 已入规 writes the cell and the 变动记录; undo restores", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    fireEvent.click(screen.getAllByTestId("firm-row")[2]); // 乙公司, sheet row 3
    await waitFor(() => expect(port.selection).toEqual({ sheet: "培育库", address: "A3" }));
    await press("标记已入规");
    await screen.findByText(/乙公司 已标记为已入规/);
    expect(cell(port, "培育库", "G3")).toBe("已入规");
    const log = port.workbook.getWorksheet("变动记录")!;
    expect(log.getRow(1).values).toEqual([, "日期", "企业名称", "字段", "原值", "新值", "原因"]);
    expect(log.getRow(2).values).toEqual([, "2023-11-02", "乙公司", "状态", "培育中", "已入规"]);
    expect(within(screen.getByTestId("by-status")).getByText("已入规").nextSibling!.textContent).toBe("2");
    expect(screen.getByTestId("net").textContent).toContain("-1 / 18");

    fireEvent.click(screen.getByRole("tab", { name: /变动记录/ }));
    expect(screen.getAllByTestId("log-row")).toHaveLength(1);
    await press("撤销 乙公司 状态");
    await screen.findByText(/已撤销 乙公司/);
    expect(cell(port, "培育库", "G3")).toBe("培育中");
    expect(log.getRow(3).values).toEqual([, "2023-11-02", "乙公司", "状态", "已入规", "培育中", expect.stringMatching(/撤销 2023-11-02 的变动/)]);
    expect(screen.getAllByTestId("log-row")).toHaveLength(2);
    // the undone record can no longer be undone (the value changed since)
    await press(screen.getAllByRole("button", { name: "撤销 乙公司 状态" })[1]);
    await screen.findByText(/不能撤销/);
    expect(log.rowCount).toBe(3);
  });

  test("退库 requires a reason; change tier writes the tier cell", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    fireEvent.click(screen.getAllByTestId("firm-row")[0]); // 甲公司, row 2
    await press("退库");
    await screen.findByText(/须填写原因/);
    expect(cell(port, "培育库", "G2")).toBe("培育中");
    expect(port.workbook.getWorksheet("变动记录")).toBeUndefined();
    fireEvent.change(screen.getByLabelText("退库原因 (reason)"), { target: { value: "企业迁出" } });
    await press("退库");
    await screen.findByText(/甲公司 已退库/);
    expect(cell(port, "培育库", "G2")).toBe("退库");
    expect(port.workbook.getWorksheet("变动记录")!.getRow(2).values).toEqual([, "2023-11-02", "甲公司", "状态", "培育中", "退库", "企业迁出"]);

    fireEvent.click(screen.getAllByTestId("firm-row").find((r) => r.textContent!.includes("丙公司"))!);
    fireEvent.change(screen.getByLabelText("新层级 (tier)"), { target: { value: "专精特新“小巨人”" } });
    await press("调整层级");
    await screen.findByText(/丙公司 层级改为/);
    expect(cell(port, "培育库", "D4")).toBe("专精特新“小巨人”");
    expect(port.workbook.getWorksheet("变动记录")!.getRow(3).values).toEqual([, "2023-11-02", "丙公司", "培育层级", "专精特新", "专精特新“小巨人”"]);
  });

  test("per-leader view", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    fireEvent.click(screen.getByRole("tab", { name: "包保领导" }));
    const cards = screen.getAllByTestId("leader-card").map((c) => c.textContent);
    expect(cards[0]).toMatch(/^李四：1 家培育中，1 家预计达标.*已入规 1/);
    expect(cards[1]).toMatch(/^张三：2 家培育中，0 家预计达标 \(on track\)，1 家预警/);
  });

  test("export writes 培育库汇总 and says where the chart appears", async () => {
    const port = createFilePort(workbook());
    mount(port);
    await screen.findByTestId("by-tier");
    await press(/导出培育库汇总/);
    await screen.findByText(/图表在 Excel 中/);
    const ws = port.workbook.getWorksheet("培育库汇总")!;
    expect(ws.getCell("A3").value).toBe("指标");
    expect(ws.getCell("E4").value).toBe("乙公司");
    expect(ws.getCell("F4").value).toBe(3000);
  });

  test("export with a chart-capable port upserts the two charts", async () => {
    const port = createFilePort(workbook());
    const charts: string[] = [];
    const excelish = Object.assign(Object.create(port), { canChart: true, upsertChart: async (s: string, c: { name: string }) => void charts.push(`${s}:${c.name}`) });
    mount(excelish);
    await screen.findByTestId("by-tier");
    await press(/导出培育库汇总/);
    await screen.findByText(/刷新图表/);
    expect(charts).toEqual(["培育库汇总:JX_PoolByTier", "培育库汇总:JX_PoolProjection"]);
  });

  test("no pool sheet: the template button writes the table with lists and formats", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["随便", "什么"]);
    const port = createFilePort(wb);
    mount(port);
    await press(/新建培育库模板/);
    await screen.findByText(/还没有企业/);
    const ws = port.workbook.getWorksheet("培育库")!;
    expect(ws.getRow(1).values).toEqual([, "企业名称", "统一社会信用代码", "乡镇/园区", "培育层级", "包保领导", "入库日期", "状态", "上年营业收入", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(JSON.stringify(dv)).toContain("拟进规,高成长性,专精特新,专精特新“小巨人”");
    expect(JSON.stringify(dv)).toContain("培育中,已入规,退库");
    expect(ws.getCell("B2").numFmt).toBe("@");
    expect(ws.getCell("I2").numFmt).toBe("#,##0.00");
    expect(screen.queryByRole("button", { name: /新建培育库模板/ })).toBeNull();
  });

  test("小升规: 已达标 says 可申报入规; the deadline box changes 尚需月均; a 专精特新 firm shows its growth, not a gap", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("培育库").addRows(
      poolValues([
        { name: "达标", tier: "拟进规", status: "培育中", months: fill(10, 200) }, // 2000 by October: reached
        { name: "十月1686", tier: "拟进规", status: "培育中", months: [...fill(9, 168), 174] }, // 1686: 157 a month to 12, 314 to 11
        { name: "专精", tier: "专精特新", status: "培育中", lastYear: 2500, months: fill(10, 150) }, // 1800 projected vs 2500: −28.0 %
      ]),
    );
    const port = createFilePort(wb);
    mount(port);
    await screen.findByTestId("by-tier");
    const row = (name: string) => screen.getAllByTestId("firm-row").find((r) => r.textContent!.startsWith(name))!;
    expect(within(row("达标")).getByTestId("firm-hint").textContent).toMatch(/^已达规模标准，可申报入规/);
    expect(within(row("十月1686")).getByTestId("needed").textContent).toBe("月需 157.0");
    // beside it the firm's own average: 1686 / 10 = 168.6 a month
    expect(within(row("十月1686")).getByTestId("avg").textContent).toBe("月均 168.6");
    expect(within(row("达标")).queryByTestId("avg")).toBeNull(); // reached: nothing more needed
    expect(within(row("专精")).getByTestId("gap").textContent).toBe("增速 -28.0%");
    expect(within(row("专精")).queryByTestId("needed")).toBeNull();
    expect(screen.getByTestId("reached").textContent).toMatch(/已达标可申报 1 家/);

    fireEvent.change(screen.getByTestId("by-month"), { target: { value: "11" } });
    await waitFor(() => expect(within(row("十月1686")).getByTestId("needed").textContent).toBe("月需 314.0"), { timeout: 10000 });
    expect(within(row("十月1686")).getByTestId("firm-hint").textContent).toMatch(/至 11 月所需月均高于本年月均/);
    fireEvent.click(row("十月1686"));
    expect(screen.getByTestId("firm-pace").textContent).toMatch(/至 11 月尚需月均 314\.0 万元，本年月均 168\.6 万元/);
    expect(screen.getByTestId("firm-figures").textContent).toMatch(/1-本月 1,686\.0 万元 · 预计全年 .* · 本年月均 168\.6 万元/);

    // before the report month: the box says so, the list keeps the last deadline
    fireEvent.change(screen.getByTestId("by-month"), { target: { value: "9" } });
    expect(await screen.findByText(/应为 10–12 的整数/)).toBeTruthy();
    expect(within(row("十月1686")).getByTestId("needed").textContent).toBe("月需 314.0");
  });
});

describe("PoolTab over the Office adapter (fake Excel on office-addin-mock): sync counts", () => {
  // Imported lazily so the file-adapter tests above do not depend on the Office adapter.
  const { createOfficePort } = require("../../src/excel/officeAdapter") as typeof import("../../src/excel/officeAdapter");
  const { fakeContext, newBook, newSheet, cellOf } = require("../excel/fakeExcel") as typeof import("../excel/fakeExcel");
  const { loadPool } = require("../../src/taskpane/pool/model") as typeof import("../../src/taskpane/pool/model");

  const values = (rows: (string | number | null)[][]) => rows.map((r) => r.map((v) => (v === null ? "" : v)));
  function bigPool(n: number) {
    return values(
      poolValues(
        Array.from({ length: n }, (_, i) => ({ name: `企业${i + 1}`, tier: "拟进规", leader: `领导${i % 30}`, town: `镇${i % 16}`, status: "培育中", months: fill(10, 100 + (i % 150)) })),
      ),
    );
  }
  function officeBook(n: number) {
    const book = newBook([
      newSheet("培育库", bigPool(n)),
      newSheet("目标", values([["指标", "类型", "年度目标", "单位", "1-本月完成"], ["净增规上企业数", "总量", 18, "户", null]])),
      newSheet("退规", values([["企业名称"], ["甲"], ["乙"]])),
    ]);
    const fake = fakeContext(book);
    return { book, fake, port: createOfficePort(fake.run, { supports: () => true }) };
  }

  test("loading the pool takes ≤ 3 syncs, the same for 38 and 5 000 firms", async () => {
    const syncs: number[] = [];
    for (const n of [38, 5000]) {
      const { fake, port } = officeBook(n);
      const r = await loadPool(port);
      if (!r.ok) throw new Error(r.error);
      expect(r.data.report.firms).toHaveLength(n);
      expect(r.data.report.summary).toMatchObject({ droppedOut: 2, target: 18 });
      syncs.push(fake.state.syncs);
    }
    expect(syncs[0]).toBeLessThanOrEqual(3);
    expect(syncs[1]).toBe(syncs[0]);
  });

  test("list, click, action and change log through the Office adapter", async () => {
    const { book, fake, port } = officeBook(3); // 企业1..3: 1000, 1010, 1020 YTD
    mount(port as unknown as FilePort);
    await screen.findByTestId("by-tier");
    expect(fake.state.syncs).toBeLessThanOrEqual(3);
    expect(names()).toEqual(["企业1", "企业2", "企业3"]);
    fireEvent.change(screen.getByLabelText("包保领导"), { target: { value: "领导1" } });
    expect(names()).toEqual(["企业2"]);
    fireEvent.click(screen.getAllByTestId("firm-row")[0]);
    await waitFor(() => expect(book.selected).toBe("培育库!A3"));
    await press("标记已入规");
    await screen.findByText(/企业2 已标记为已入规/);
    expect(cellOf(book.sheets[0], "G3")!.value).toBe("已入规");
    const log = book.sheets.find((s) => s.name === "变动记录")!;
    expect(["A1", "B1", "F1"].map((a) => cellOf(log, a)!.value)).toEqual(["日期", "企业名称", "原因"]);
    expect(["B2", "C2", "D2", "E2"].map((a) => cellOf(log, a)!.value)).toEqual(["企业2", "状态", "培育中", "已入规"]);
    fireEvent.click(screen.getByRole("tab", { name: /变动记录/ }));
    expect(screen.getAllByTestId("log-row")[0].textContent).toContain("2023-11-02");
    await press("撤销 企业2 状态");
    await screen.findByText(/已撤销 企业2/);
    expect(cellOf(book.sheets[0], "G3")!.value).toBe("培育中");
  });
});
