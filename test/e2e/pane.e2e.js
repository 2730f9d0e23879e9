/**
 * The task pane at Excel's own width (320 px): every tab after its main action has no element
 * wider than the pane outside a data grid, shows its charts with their text alternatives where
 * it has data for them, passes an axe-core accessibility check (no serious or critical
 * violation; Tabster's focus-trap dummies excluded), and is photographed into test-results/.
 * Run through test/e2e/run.js (it serves the workbench and sets WORKBENCH_URL).
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { launch } = require("./browser");

const URL_ = process.env.WORKBENCH_URL;
const RESULTS = path.join(__dirname, "..", "..", "test-results");
const T = 30_000;
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let b;
/** @type {import('playwright-core').Page} */
let page;
const pane = () => page.locator("[data-testid=task-pane]");
const panel = (label) => pane().locator(`section[role=tabpanel][aria-label^="${label}"]`);

async function openPaneTab(label) {
  await pane().getByRole("tab", { name: label }).click();
  await panel(label).waitFor({ state: "visible", timeout: T });
}

/** Elements that stick out of the pane, outside a data grid (tables may scroll sideways inside their own box). */
async function overflowing() {
  return pane().evaluate((root) => {
    const box = root.getBoundingClientRect();
    const out = [];
    for (const el of root.querySelectorAll("*")) {
      if (el.closest("[data-tabster-dummy]")) continue;
      // Inside a scrolling grid or table wrapper, width is the grid's business.
      const scroller = el.parentElement && el.parentElement.closest("table, [role=grid], [data-scroll-x]");
      if (scroller) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} ${Math.round(r.width)}px: ${(el.textContent || "").slice(0, 40)}`);
    }
    if (root.scrollWidth > root.clientWidth + 1) out.push(`the pane scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    return out.slice(0, 10);
  });
}

/** Text clipped inside buttons, inputs' placeholders and labels. */
async function clipped() {
  return pane().evaluate((root) => {
    const out = [];
    for (const el of root.querySelectorAll("button, label, input")) {
      if (el.closest("[data-tabster-dummy]") || el.getClientRects().length === 0 || el.clientWidth === 0) continue; // hidden (another tab)
      if (el.tagName === "INPUT") {
        const ph = el.getAttribute("placeholder");
        if (!ph || el.value) continue;
        const c = document.createElement("canvas").getContext("2d");
        const cs = getComputedStyle(el);
        c.font = `${cs.fontSize} ${cs.fontFamily}`;
        const need = c.measureText(ph).width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
        if (need > el.clientWidth + 1) out.push(`input placeholder “${ph}” needs ${Math.ceil(need)}px, has ${el.clientWidth}px`);
      } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible") {
        out.push(`${el.tagName.toLowerCase()} “${(el.textContent || "").slice(0, 30)}”`);
      }
    }
    return out;
  });
}

async function axe() {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await axe.run({ include: [["[data-testid=task-pane]"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

async function check(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await pane().screenshot({ path: path.join(RESULTS, `pane-320-${name}.png`) });
  assert.deepEqual(await overflowing(), [], `${name}: elements wider than the 320 px pane`);
  assert.deepEqual(await clipped(), [], `${name}: clipped text`);
  assert.deepEqual(await axe(), [], `${name}: serious or critical accessibility violations`);
  // The pane never sends its user to the command line.
  const text = await pane().innerText();
  assert.doesNotMatch(text, /\bjx\s+(validate|pool|acre|monitor|appeals|report|template)\b|(^|\s)--[a-z]/, `${name}: the pane mentions a CLI command or option`);
}

/** A chart of the panel: a figure with its SVG and its caption (title and summary). */
async function chart(p, id) {
  const fig = p.locator(`figure[data-testid=chart-${id}]`);
  await fig.waitFor({ timeout: T });
  assert.ok((await fig.locator("svg").count()) > 0, `chart ${id} draws an SVG`);
  const summary = (await p.locator(`[data-testid=chart-summary-${id}]`).textContent()).trim();
  assert.ok(summary.length > 10, `chart ${id} has a summary sentence`);
  assert.ok(((await fig.getAttribute("aria-label")) || "").length > 0, `chart ${id} has a title`);
  return summary;
}

before(async () => {
  assert.ok(URL_, "WORKBENCH_URL is set by test/e2e/run.js");
  b = await launch({ viewport: { width: 1280, height: 2400 } }); // tall: the screenshots show the whole pane
  page = b.page;
  await page.goto(URL_);
  await pane().getByText("jingxin-sample.xlsx").first().waitFor({ timeout: 60_000 });
});

after(async () => {
  if (b) await b.close();
});

test("the workbench opens the pane at 320 px, resizable 320–500 px, and remembers the width", async () => {
  const width = async () => Math.round((await pane().boundingBox()).width);
  assert.equal(await width(), 320);
  const splitter = page.locator("[data-testid=pane-splitter]");
  await splitter.focus();
  await page.keyboard.press("End");
  assert.equal(await width(), 500);
  await page.keyboard.press("ArrowRight");
  assert.equal(await width(), 490);
  const sb = await splitter.boundingBox();
  await page.mouse.move(sb.x + 2, sb.y + 200);
  await page.mouse.down();
  await page.mouse.move(sb.x + 2 - 400, sb.y + 200, { steps: 4 });
  await page.mouse.up();
  assert.equal(await width(), 500); // clamped
  await page.reload();
  await pane().getByText("jingxin-sample.xlsx").first().waitFor({ timeout: 60_000 });
  assert.equal(await width(), 500);
  await splitter.focus();
  await page.keyboard.press("Home");
  assert.equal(await width(), 320);
});

test("提交前校验 at 320 px", async () => {
  const p = panel("提交前校验");
  await p.getByRole("button", { name: /开始校验/ }).click();
  await p.locator("[data-testid=count-error]").first().waitFor({ timeout: T });
  await check("validate");
});

test("培育库 at 320 px: the list leads with the name, gap and progress; charts of projected revenue and tiers", async () => {
  await openPaneTab("培育库");
  const p = panel("培育库");
  await p.locator("[data-testid=by-tier]").waitFor({ timeout: T });
  assert.match(await chart(p, "pool-projection"), /^培育中的拟进规企业\d+家，预计全年达到2000万元的\d+家/);
  assert.match(await chart(p, "pool-tiers"), /^培育库共38家：拟进规38家/);
  await check("pool");
});

test("亩均评价 at 320 px", async () => {
  await openPaneTab("亩均评价");
  const p = panel("亩均评价");
  await p.getByRole("button", { name: /评价 \(evaluate\)/ }).click();
  await p.locator("[data-testid=aggregates]").waitFor({ timeout: T });
  assert.match(await chart(p, "acre-grades"), /^A类\d+户、B类\d+户、C类\d+户、D类\d+户（规上、规下分别排名）。$/);
  await check("acre");
});

test("运行监测 at 320 px: the monthly and target charts with their text alternatives", async () => {
  await openPaneTab("运行监测");
  const p = panel("运行监测");
  await p.locator("[data-testid=month-line]").filter({ hasText: "10" }).waitFor({ timeout: T });
  assert.match(await chart(p, "monitor-monthly"), /个月的规上工业总产值/);
  assert.match(await chart(p, "monitor-targets"), /^序时进度83\.3%/);
  await check("monitor");
});

test("企业诉求 at 320 px: open overdue appeals by card per unit", async () => {
  // A register across the 2023 National Day holiday, opened through the workbench's picker.
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("诉求台账");
  ws.addRow(["编号", "企业名称", "统一社会信用代码", "乡镇/园区", "诉求类别", "诉求内容", "承办单位", "包联领导", "受理日期", "办理时限(工作日)", "办结日期", "满意度", "备注"]);
  const d = (s) => new Date(`${s}T00:00:00Z`);
  const rows = [
    ["SQ-01", "甲公司", "", "县经开区", "用地", "用地指标", "县自然资源局", "王县长", d("2023-09-01"), 5, null, null, ""],
    ["SQ-02", "乙公司", "", "义津镇", "融资", "贷款", "县财政局", "李县长", d("2023-09-20"), 10, null, null, ""],
    ["SQ-03", "丙公司", "", "白柳镇", "用工", "招工", "县人社局", "王县长", d("2023-10-09"), 5, null, null, ""],
    ["SQ-04", "丁公司", "", "县经开区", "用地", "规划", "县自然资源局", "王县长", d("2023-08-01"), 10, d("2023-08-10"), "满意", ""],
  ];
  for (const r of rows) ws.addRow(r);
  const file = path.join(RESULTS, "appeals-320.xlsx");
  fs.mkdirSync(RESULTS, { recursive: true });
  await wb.xlsx.writeFile(file);
  await page.locator("[data-testid=open-input]").setInputFiles(file);
  await pane().getByText("appeals-320.xlsx").first().waitFor({ timeout: 60_000 });
  await openPaneTab("企业诉求");
  const p = panel("企业诉求");
  await p.getByLabel("统计日期 (as of)").fill("2023-10-20");
  await p.getByRole("button", { name: /^(统计|分析|刷新|运行)/ }).first().click();
  assert.match(await chart(p, "appeals-cards"), /^超期未办结\d+个，涉及\d+个承办单位；最多的是县自然资源局/);
  await check("appeals");
});

test("keyboard: findings are reached with Tab and walked with the arrow keys; Enter selects the cell", async () => {
  await page.locator("[data-testid=open-input]").setInputFiles(path.join(__dirname, "..", "..", "samples", "jingxin-sample.xlsx"));
  await pane().getByText("jingxin-sample.xlsx").first().waitFor({ timeout: 60_000 });
  await openPaneTab("提交前校验");
  const p = panel("提交前校验");
  await p.getByRole("button", { name: /开始校验/ }).click();
  const items = p.locator("[data-testid=group-error] [data-testid=finding]");
  await items.first().waitFor({ timeout: T });
  await items.first().focus();
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
  assert.equal(focused, await items.nth(1).textContent());
  // Focus is visible: the focused finding draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle + "|" + getComputedStyle(document.activeElement, "::after").borderStyle);
  assert.doesNotMatch(outline, /^none\|none$/);
  await page.keyboard.press("Enter");
  await page.locator("[data-testid=grid] td[aria-selected=true], [data-testid=sheet-grid] td[aria-selected=true]").first().waitFor({ timeout: T });
});
