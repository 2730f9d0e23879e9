/**
 * The workbench in real Chromium: the sample workbook, the real task pane on the file port,
 * HyperFormula computing JX functions, download/open, and no request leaving the machine.
 * Run through test/e2e/run.js (it serves the workbench and sets WORKBENCH_URL).
 * Tests share one page and run in order.
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { launch, externalRequests } = require("./browser");

const URL_ = process.env.WORKBENCH_URL;
const RESULTS = path.join(__dirname, "..", "..", "test-results");
const T = 30_000;

let b;
/** @type {import('playwright-core').Page} */
let page;

const grid = () => page.locator("[data-testid=sheet-grid]");
const cell = (address) => grid().locator(`td[data-address="${address}"]`);
const pane = () => page.locator("[data-testid=task-pane]");
const panel = (label) => pane().locator(`section[role=tabpanel][aria-label^="${label}"]`);

async function selectedCell() {
  return {
    sheet: await page.locator("[data-testid=sheet-view]").getAttribute("data-sheet"),
    address: await grid().locator("td[aria-selected=true]").getAttribute("data-address"),
  };
}

async function openSheet(name) {
  await page.locator(`[data-testid=sheet-tab][data-sheet="${name}"]`).click();
  await page.locator(`[data-testid=sheet-view][data-sheet="${name}"]`).waitFor({ timeout: T });
}

async function openPaneTab(label) {
  await pane().getByRole("tab", { name: label }).click();
  await panel(label).waitFor({ state: "visible", timeout: T });
}

async function shot(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `workbench-${name}.png`) });
}

/** Whether a cell is inside the grid's visible area. */
async function cellVisible(address) {
  return grid().evaluate((el, a) => {
    const td = el.querySelector(`td[data-address="${a}"]`);
    if (!td) return false;
    const g = el.getBoundingClientRect();
    const c = td.getBoundingClientRect();
    return c.top >= g.top && c.bottom <= g.bottom && c.left >= g.left && c.right <= g.right;
  }, address);
}

/** Scroll the (virtualised) grid so that a row is rendered. */
async function scrollToRow(row) {
  await grid().evaluate((el, r) => {
    el.scrollTop = Math.max(0, (r - 10) * 22);
    el.scrollLeft = 0;
  }, row);
  await grid().locator(`tr[data-row="${row}"]`).waitFor({ timeout: T });
}

async function typeFormula(address, text) {
  await cell(address).click();
  await page.locator("[data-testid=name-box]").filter({ hasText: `!${address}` }).waitFor({ timeout: T });
  const input = page.locator("[data-testid=formula-input]");
  await input.fill(text);
  await input.press("Enter");
}

before(async () => {
  assert.ok(URL_, "WORKBENCH_URL is set by test/e2e/run.js");
  b = await launch({ downloadsPath: RESULTS });
  page = b.page;
  await page.goto(URL_);
  await cell("A3").waitFor({ timeout: 60_000 });
});

after(async () => {
  if (b) await b.close();
});

test("opens the bundled sample: sheets, values, the pane on the same workbook", async () => {
  const tabs = await page.locator("[data-testid=sheet-tab]").allTextContents();
  assert.deepEqual(tabs, ["10月", "9月", "8月", "亩均数据", "培育库", "目标", "函数示例"]);
  assert.equal(await page.locator("[data-testid=sheet-view]").getAttribute("data-sheet"), "10月");
  assert.equal(await cell("A2").textContent(), "企业名称");
  assert.equal(await cell("C17").textContent(), "120万元");
  // The 合计 row's SUM formulas are computed (HyperFormula), formatted with the cell's 0.00.
  await scrollToRow(120);
  assert.match(await cell("A120").textContent(), /合计/);
  assert.match(await cell("D120").textContent(), /^\d+\.\d{2}$/);
  await pane().getByText("jingxin-sample.xlsx").first().waitFor({ timeout: T });
  await shot("start");
});

test("validation (提交前校验) finds the planted defects by rule and cell", async () => {
  const p = panel("提交前校验");
  await p.getByRole("button", { name: /开始校验/ }).click();
  for (const [rule, address] of [
    ["M-NUM", "C17"],
    ["M-VA-GT-OUT", "F25"],
    ["M-USCC-CHK", "B9"],
    ["M-UNIT", "D33"],
    ["M-YOY", "D44"],
    ["M-PACE", "G90"],
  ]) {
    await p.getByText(rule).first().waitFor({ timeout: T });
    await p.getByText(address, { exact: true }).first().waitFor({ timeout: T });
  }
  assert.equal(await p.locator("[data-testid=count-error]").first().textContent(), "2");
  await shot("validate");
});

test("clicking a finding selects its cell in the sheet view and scrolls it into view", async () => {
  const p = panel("提交前校验");
  await openSheet("目标"); // start elsewhere: the click must switch sheets
  await p.getByText("G90", { exact: true }).first().click();
  await grid().locator('td[data-address="G90"][aria-selected=true]').waitFor({ timeout: T });
  assert.deepEqual(await selectedCell(), { sheet: "10月", address: "G90" });
  assert.equal(await cellVisible("G90"), true);
  await shot("validate-selected");
});

test("highlight shows the fills in the sheet view, clear restores them, the report sheet appears", async () => {
  const p = panel("提交前校验");
  const bg = async (address) => cell(address).evaluate((td) => getComputedStyle(td).backgroundColor);
  await scrollToRow(17);
  const before = await bg("C17");
  const header = await bg("C2");
  await p.getByRole("button", { name: /标记问题单元格/ }).click();
  await page.waitForFunction((b) => getComputedStyle(document.querySelector('td[data-address="C17"]')).backgroundColor !== b, before, { timeout: T });
  assert.notEqual(await bg("F25"), before);
  await shot("validate-highlight");
  await p.getByRole("button", { name: /清除标记/ }).click();
  await page.waitForFunction((b) => getComputedStyle(document.querySelector('td[data-address="C17"]')).backgroundColor === b, before, { timeout: T });
  assert.equal(await bg("C2"), header); // the header's own fill is back
  await p.getByRole("button", { name: /写入报告/ }).click();
  await page.locator('[data-testid=sheet-tab][data-sheet="校验报告"]').waitFor({ timeout: T });
});

test("pool tab (培育库) shows its counts", async () => {
  await openPaneTab("培育库");
  const p = panel("培育库");
  const byTier = p.locator("[data-testid=by-tier]");
  await byTier.waitFor({ timeout: T });
  assert.match(await byTier.textContent(), /拟进规\s*38/);
  const byStatus = await p.locator("[data-testid=by-status]").textContent();
  assert.match(byStatus, /培育中\s*30/);
  assert.match(byStatus, /已入规\s*6/);
  assert.match(byStatus, /退库\s*2/);
  assert.match(await p.locator("[data-testid=net]").textContent(), /\/\s*18/); // target from the 目标 sheet
  await shot("pool");
});

test("per-mu (亩均评价) evaluates the sample to the seed's county figures and writes its result sheet", async () => {
  await openPaneTab("亩均评价");
  const p = panel("亩均评价");
  await p.getByRole("button", { name: /评价 \(evaluate\)/ }).click();
  await p.locator("[data-testid=aggregates]").waitFor({ timeout: T });
  const row = async (k) => (await p.locator(`[data-testid=agg-${k}] td`).allTextContents()).map((t) => t.trim());
  const num = (t) => Number(t.replace(/,/g, ""));
  assert.equal(num((await row("taxPerMu"))[1]).toFixed(1), "7.6"); // 万元/亩, all 221 firms
  assert.equal(num((await row("revenuePerMu"))[1]).toFixed(1), "83.9"); // 万元/亩, all firms
  assert.equal(num((await row("taxPerTce"))[2]).toFixed(3), "0.069"); // 万元/吨标煤, 规上
  assert.equal(num((await row("laborProductivity"))[2]).toFixed(1), "36.8"); // 万元/人, 规上
  await page.locator('[data-testid=sheet-tab][data-sheet="亩均评价结果"]').waitFor({ timeout: T });
  assert.doesNotMatch(await p.textContent(), /此页出错/);
  await shot("acre");
});

test("monitoring (运行监测) analyses the 10月 report", async () => {
  await openPaneTab("运行监测");
  const p = panel("运行监测");
  await p.getByRole("button", { name: /运行分析 \(analyse\)/ }).click();
  await p.locator("[data-testid=month-line]").filter({ hasText: "10" }).waitFor({ timeout: T });
  assert.doesNotMatch(await p.textContent(), /此页出错/);
  await shot("monitor");
});

test("JX functions compute in the sheet through HyperFormula", async () => {
  await openSheet("函数示例");
  // Pre-filled: =JX.YOY_GROWTH(B2,C2) with 128 and 120, shown as 0.0%.
  assert.equal(await cell("D2").textContent(), "6.7%");
  assert.equal(await cell("D7").textContent(), "TRUE"); // =JX.USCC_VALID(B7)
  await typeFormula("F2", "=JX.YOY_GROWTH(B2,C2)");
  await page.waitForFunction(() => document.querySelector('td[data-address="F2"]')?.textContent === "0.066666667", null, { timeout: T });
  await typeFormula("F3", "=JX.YOY_GROWTH(B2,0)");
  await page.waitForFunction(() => document.querySelector('td[data-address="F3"]')?.textContent === "#DIV/0!", null, { timeout: T });
  // Editing an input recomputes the dependent formula.
  await typeFormula("C2", "100");
  await page.waitForFunction(() => document.querySelector('td[data-address="F2"]')?.textContent === "0.28", null, { timeout: T });
  assert.equal(await cell("D2").textContent(), "28.0%");
  await shot("formulas");
});

test("download gives the workbook with the edits; opening (picker or drop) replaces the workbook, a corrupt file is refused", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=download]").click()]);
  assert.equal(download.suggestedFilename(), "jingxin-sample.xlsx");
  const saved = path.join(RESULTS, "workbench-download.xlsx");
  await download.saveAs(saved);
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const f2 = wb.getWorksheet("函数示例").getCell("F2");
  assert.equal(f2.formula, "JX.YOY_GROWTH(B2,C2)");
  assert.ok(Math.abs(f2.result - 0.28) < 1e-12, `cached result ${f2.result}`);
  assert.equal(wb.getWorksheet("函数示例").getCell("C2").value, 100);

  // Open it back through the file picker, under another name.
  const copy = path.join(RESULTS, "my-report.xlsx");
  fs.copyFileSync(saved, copy);
  await page.locator("[data-testid=open-input]").setInputFiles(copy);
  await pane().getByText("my-report.xlsx").first().waitFor({ timeout: T });
  // The file remembers its active sheet (the last one selected), as Excel does.
  await page.locator('[data-testid=sheet-view][data-sheet="函数示例"]').waitFor({ timeout: T });
  assert.equal(await cell("F2").textContent(), "0.28");

  // Or dropped on the page.
  const bytes = [...fs.readFileSync(saved)];
  const dt = await page.evaluateHandle((b) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(b)], "dropped.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    return d;
  }, bytes);
  await page.dispatchEvent("[data-testid=workbench]", "drop", { dataTransfer: dt });
  await pane().getByText("dropped.xlsx").first().waitFor({ timeout: T });

  // A corrupt file: an error message, and the open workbook stays.
  const broken = path.join(RESULTS, "broken.xlsx");
  fs.writeFileSync(broken, "this is not a zip file");
  await page.locator("[data-testid=open-input]").setInputFiles(broken);
  await page.locator("[data-testid=workbench-error]").waitFor({ timeout: T });
  assert.match(await page.locator("[data-testid=workbench-error]").textContent(), /无法打开工作簿/);
  await pane().getByText("dropped.xlsx").first().waitFor({ timeout: T });

  // And back to the sample.
  await page.locator("[data-testid=reload-sample]").click();
  await pane().getByText("jingxin-sample.xlsx").first().waitFor({ timeout: T });
});

test("no request left the machine (everything from localhost)", async () => {
  assert.ok(b.requests.length > 0);
  assert.deepEqual(externalRequests(b.requests), []);
  assert.deepEqual(b.errors, [], "uncaught page errors");
});

// The add-in's own page (dist/, built by `npm run build`, which `npm test` runs first), served
// under /addin/: office.js from the add-in's folder, and outside Excel a clear notice.
const DIST = path.join(__dirname, "..", "..", "dist");
const distMissing = !fs.existsSync(path.join(DIST, "taskpane.html"))
  ? "dist/ 未构建 (not built): npm run build"
  : !fs.existsSync(path.join(DIST, "office-js", "o15apptofilemappingtable.js"))
    ? "dist/office-js lacks o15apptofilemappingtable.js, which office.js loads outside Office before Office.onReady fires: add it to OFFICE_JS_FILES in webpack.config.js"
    : false;

test("the add-in page (dist/taskpane.html) loads office.js locally and, outside Excel, says so", { skip: distMissing }, async () => {
  const a = await launch();
  try {
    await a.page.goto(`${URL_}addin/taskpane.html`);
    await a.page.getByText("未在 Excel 中运行").first().waitFor({ timeout: 8000 }); // before the 10 s Office timeout
    const local = a.requests.map((u) => new URL(u).pathname);
    assert.ok(local.includes("/addin/office-js/office.js"), local.join(" "));
    assert.deepEqual(externalRequests(a.requests), []);
    assert.deepEqual(a.errors, []);
    await a.page.screenshot({ path: path.join(RESULTS, "addin-outside-excel.png") });
  } finally {
    await a.close();
  }
});
