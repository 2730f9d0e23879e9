#!/usr/bin/env node
/**
 * `npm run sample`: regenerate samples/jingxin-sample.xlsx, the workbook the browser workbench
 * opens by default and the browser tests run on. Deterministic: a seeded PRNG, fixed workbook
 * dates and fixed zip entry dates, so every run writes identical bytes.
 *
 *   node scripts/make-sample.js                 write samples/jingxin-sample.xlsx
 *   node scripts/make-sample.js --out FILE      write elsewhere
 *   node scripts/make-sample.js --check         exit 1 if the committed file is not what this script writes
 *
 * Sheets (all firm names are fictitious; every USCC has valid check characters except the one
 * planted defect):
 *   10月, 9月, 8月  monthly report (月报) of 117 above-scale firms, headers from monthlySpec;
 *                   10月 carries the planted defects listed in DEFECTS below
 *   亩均数据        221 firms (103 规上, 118 规下) whose county aggregates are the seed's
 *                   7.6 and 83.9 万元/亩 (all firms), 0.069 万元/吨标煤 and 36.8 万元/人 (规上)
 *   培育库          38 拟进规 firms with their county leaders (headers from poolSpec)
 *   目标            the seed's 2023 targets (targetsTemplate) with 1-本月完成 filled in
 *   函数示例        JX.* formulas (computed by the workbench's formula engine)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { requireTs } = require("./load-ts");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "samples", "jingxin-sample.xlsx");
const SEED = 20231031;
/** Every date written into the file (workbook properties, zip entries). */
const FIXED_DATE = new Date(Date.UTC(2023, 10, 1, 0, 0, 0));

/** Load a shared TypeScript module of src/ (throws if it cannot be loaded). */
const loadTs = (rel) => requireTs(path.join(ROOT, rel));
const { USCC_CHARSET, usccCheckChar, orgCodeCheckChar } = loadTs("src/core/ids.ts");
const { monthlySpec, MONTHLY_TEMPLATE_HEADERS } = loadTs("src/core/validate/specs.ts");
const { makeAcreSample, prng, SEED_FIGURES } = loadTs("src/core/acre/sampleData.ts");
const { POOL_TEMPLATE_HEADER: POOL_HEADER } = loadTs("src/core/pool/spec.ts");
const { targetsTemplate } = loadTs("src/core/monitor/targets.ts");

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32, sampleData's prng) and helpers
const round2 = (x) => Math.round(x * 100) / 100;
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

function makeRng(seed) {
  const next = prng(seed);
  const rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    normal: (mean = 0, sd = 1) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Identifiers: 18-character USCC with a valid GB 11714 organisation code inside
/** 340722 is the county's administrative division code; "91" = enterprise registered with SAMR. */
function makeUscc(rng, used) {
  for (;;) {
    let org = "MA2";
    for (let i = 0; i < 5; i++) org += USCC_CHARSET[rng.int(0, USCC_CHARSET.length - 1)];
    const org9 = org + orgCodeCheckChar(org);
    const first17 = "91340722" + org9;
    const code = first17 + usccCheckChar(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** The same code with a different (wrong) check character. */
function breakCheckChar(code) {
  const right = code[17];
  const i = USCC_CHARSET.indexOf(right);
  return code.slice(0, 17) + USCC_CHARSET[(i + 7) % USCC_CHARSET.length];
}

// ---------------------------------------------------------------------------------------------
// Fictitious firm names: an invented two-character brand + trade + legal form
const BRAND = "华鑫瑞泰恒丰盛隆宏源达兴嘉润德正和远博信诚康雅旭晟骏鼎峰禾澜岳川徽皖枫橡沐琪翔耀睿皓铭煜";
const TRADE = [
  "新材料", "机械制造", "纺织", "服饰", "电子科技", "建材", "家居", "汽车部件", "食品", "铝业", "木业",
  "包装材料", "环保科技", "精密制造", "化工", "医疗器械", "船舶配件", "农产品加工", "智能装备", "新能源科技",
  "塑胶制品", "家纺", "光电", "五金制品", "印务",
];
const FORM = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];
function makeNamer(rng) {
  const used = new Set();
  return (trade) => {
    for (;;) {
      const a = BRAND[rng.int(0, BRAND.length - 1)];
      const b = BRAND[rng.int(0, BRAND.length - 1)];
      if (a === b) continue;
      const name = `安徽${a}${b}${trade || rng.pick(TRADE)}${rng.pick(FORM)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Monthly report
/** Canonical header of a monthly field, from monthlySpec. */
function monthlyHeader(key) {
  const f = monthlySpec.fields.find((x) => x.key === key);
  if (!f) throw new Error(`[sample] monthlySpec has no field "${key}"`);
  return f.header;
}
const MONTHLY_COLUMNS = [
  "name", "uscc", "outputMonth", "outputYtd", "outputYtdLastYear", "valueAddedYtd", "revenueYtd", "employees", "note",
  "outputMonthLastYear", "valueAddedYtdLastYear", "revenueYtdLastYear",
].map((key) => ({ key, header: monthlyHeader(key) }));
// The first nine columns are the template's canonical header row, in its order.
if (MONTHLY_TEMPLATE_HEADERS.join("|") !== MONTHLY_COLUMNS.slice(0, 9).map((c) => c.header).join("|")) {
  console.warn("[sample] MONTHLY_TEMPLATE_HEADERS changed: update MONTHLY_COLUMNS in scripts/make-sample.js");
}

const N_MONTHLY = 117; // the seed's 117 above-scale firms
/** 上年同期1-10月工业总产值 of the county, 万元: the seed's 104.5 亿元 (1–10月 2022). */
const LY_TOTAL = 1045000;
const MONTH = 10;
/** Row indexes (0-based, data rows) of the planted defects in 10月. Documented in docs/workbench.md (sample workbook). */
const DEFECTS = {
  badCheckChar: 6, // 统一社会信用代码 check character wrong → 提示
  textNumber: 14, // 本月工业总产值 written "120万元" → 错误 proposing 120
  valueAddedAboveOutput: 22, // 1-本月工业增加值 > 1-本月工业总产值 → 错误
  unitOutlier: 30, // 1-本月工业总产值 in 千元 (10× last year) → 提示 千元/万元?
  unexplainedYoy: 41, // YoY +46 %, 说明 blank → 提示
  explainedYoyUp: 49, // YoY +38 %, explained
  explainedYoyDown: 60, // YoY −35 %, explained
  slowRevenue: 87, // revenue pace below 2000 万 → 提示 (risk of 退规)
  declining: 69, // down ~15 % in each of the last three months (monitoring warning)
};

function makeMonthly(rng, namer, usccs) {
  // Shares of last year's 1–10月 output: one dominant cement-like firm (~34 %), a Pareto tail.
  const weights = [];
  for (let i = 0; i < N_MONTHLY; i++) weights.push(i === 0 ? 0 : Math.pow(1 - rng.next() * 0.97, -1.1));
  const tail = sum(weights);
  const firms = [];
  const lyYtds = weights.map((w, i) => Math.max(1900 + rng.uniform(0, 400), LY_TOTAL * (i === 0 ? 0.34 : (0.66 * w) / tail)));
  const kLy = LY_TOTAL / sum(lyYtds);
  for (let i = 0; i < N_MONTHLY; i++) {
    const lyYtd = lyYtds[i] * kLy;
    let growth = Math.max(-0.2, Math.min(0.24, rng.normal(0.12, 0.07)));
    if (i === 0) growth = 0.1;
    if (i === DEFECTS.unexplainedYoy) growth = 0.46;
    if (i === DEFECTS.explainedYoyUp) growth = 0.38;
    if (i === DEFECTS.explainedYoyDown) growth = -0.35;
    if (i === DEFECTS.declining) growth = -0.15;
    const trade = i === 0 ? "建材" : undefined;
    const vaRate = rng.uniform(0.19, 0.31);
    const vaRateLy = vaRate + rng.uniform(-0.006, 0.006);
    const revRatio = rng.uniform(0.92, 1.04);
    // Monthly profile (Jan–Oct) of last year, Spring Festival dip in Feb; this year the same shape.
    const profile = Array.from({ length: MONTH }, (_, m) => (m === 1 ? 0.7 : 1) * rng.uniform(0.9, 1.1));
    const pSum = sum(profile);
    const lyMonths = profile.map((p) => (lyYtd * p) / pSum);
    // The declining firm falls harder in Aug–Oct; others grow evenly.
    const months = lyMonths.map((v, m) => v * (1 + (i === DEFECTS.declining && m >= 7 ? -0.2 : growth)));
    const employees = Math.max(22, Math.round((lyYtd * 1.2) / rng.uniform(90, 220)));
    firms.push({
      name: namer(trade),
      uscc: makeUscc(rng, usccs),
      lyMonths,
      months,
      vaRate,
      vaRateLy,
      revRatio,
      revDrift: rng.uniform(0.985, 1.015),
      employees,
      note: "",
    });
  }
  firms[DEFECTS.explainedYoyUp].note = "新生产线9月投产，产能增加 (new line in operation since September)";
  firms[DEFECTS.explainedYoyDown].note = "6-7月停产检修 (shut down for overhaul in June–July)";
  const scaleTo = (f, oct) => {
    const k = oct / f.months[MONTH - 1];
    f.months = f.months.map((v) => v * k);
    f.lyMonths = f.lyMonths.map((v) => v * k);
  };
  // The "120万元" cell: a firm with a weak October (120 万元, as in October last year).
  const t = firms[DEFECTS.textNumber];
  scaleTo(t, 215);
  t.months[MONTH - 1] = 120;
  t.lyMonths[MONTH - 1] = 118.5;
  // The slow firm: revenue 1–10月 of 1480 万元 → run-rate 1776 < 2000.
  scaleTo(firms[DEFECTS.slowRevenue], 165);
  // The 千元 outlier is a modest firm, so the planted error does not swamp the county total.
  scaleTo(firms[DEFECTS.unitOutlier], 260);
  return firms;
}

/** Rows of a monthly sheet for month m (1-based); defects only when `withDefects`. */
function monthlyRows(firms, m, withDefects) {
  const header = MONTHLY_COLUMNS.map((c) => c.header);
  const rows = firms.map((f, i) => {
    const ytd = sum(f.months.slice(0, m));
    const lyYtd = sum(f.lyMonths.slice(0, m));
    const r = {
      name: f.name,
      uscc: f.uscc,
      // 本月 = 1-本月 − 上月 1-本月 as written (M-MONTH-IDENTITY holds to the cent), not rounded on its own
      outputMonth: round2(round2(ytd) - round2(sum(f.months.slice(0, m - 1)))),
      outputYtd: round2(ytd),
      outputYtdLastYear: round2(lyYtd),
      valueAddedYtd: round2(ytd * f.vaRate),
      revenueYtd: round2(i === DEFECTS.slowRevenue ? (1480 * m) / MONTH : ytd * f.revRatio),
      employees: f.employees,
      note: f.note,
      outputMonthLastYear: round2(f.lyMonths[m - 1]),
      valueAddedYtdLastYear: round2(lyYtd * f.vaRateLy),
      revenueYtdLastYear: round2(lyYtd * f.revRatio * f.revDrift),
    };
    if (withDefects) {
      if (i === DEFECTS.badCheckChar) r.uscc = breakCheckChar(f.uscc);
      if (i === DEFECTS.textNumber) r.outputMonth = "120万元";
      if (i === DEFECTS.valueAddedAboveOutput) r.valueAddedYtd = round2(r.outputYtd * 1.12);
      if (i === DEFECTS.unitOutlier) {
        // Keyed in 千元: ten times the 万元 figure.
        r.outputMonth = round2(r.outputMonth * 10);
        r.outputYtd = round2(r.outputYtd * 10);
      }
    }
    return MONTHLY_COLUMNS.map((c) => r[c.key]);
  });
  if (m === MONTH) {
    // 上年同期1-10月 adds up to the seed's 104.5 亿元 exactly: the rounding residue goes to the largest firm.
    const k = MONTHLY_COLUMNS.findIndex((c) => c.key === "outputYtdLastYear");
    rows[0][k] = round2(rows[0][k] + LY_TOTAL - sum(rows.map((r) => r[k])));
  }
  return { header, rows };
}

// ---------------------------------------------------------------------------------------------
// Per-mu data: 221 firms reproducing the seed's county aggregates
const { taxPerMu, revenuePerMu, taxPerTce, laborProductivity } = SEED_FIGURES;
const ACRE_TARGETS = { taxPerMu, revenuePerMu, taxPerTce, laborProductivity };

/** Per-mu rows: makeAcreSample(SEED) of src/core/acre/sampleData.ts. */
function acreRows() {
  const { header, rows } = makeAcreSample(SEED);
  return { header, rows, source: "makeAcreSample" };
}

// ---------------------------------------------------------------------------------------------
// Cultivation pool: 38 拟进规 firms with county leaders
const LEADERS = ["陈志远", "刘海峰", "王丽萍", "张建国", "孙明华", "周立新", "吴静", "郑光辉", "何文斌", "黄小燕"];
const TOWNS = ["县经开区", "江城镇", "湖滨镇", "白柳镇", "汤沟镇", "老洲镇", "陈瑶湖镇", "钱桥镇", "义津镇", "金社乡"];

function poolRows(rng, namer, usccs) {
  const rows = [];
  for (let i = 0; i < 38; i++) {
    // Annual pace between ~1300 and ~2700 万元; ~half projected to cross 2000.
    const pace = 1300 + 1400 * ((i + rng.next()) / 38);
    const profile = Array.from({ length: 12 }, (_, m) => (m === 1 ? 0.7 : 1) * rng.uniform(0.85, 1.15));
    const months = profile.map((p) => round2((pace * p) / sum(profile)));
    let status = "培育中";
    if (i >= 32) status = "已入规";
    if (i === 3 || i === 11) status = "退库";
    const entry = new Date(Date.UTC(2023, rng.int(0, 2), rng.int(1, 28)));
    const cells = {
      企业名称: namer(),
      统一社会信用代码: makeUscc(rng, usccs),
      "乡镇/园区": TOWNS[i % 3 === 0 ? 0 : rng.int(1, TOWNS.length - 1)],
      培育层级: "拟进规",
      包保领导: LEADERS[i % LEADERS.length],
      入库日期: entry,
      状态: status,
      上年营业收入: round2(pace * rng.uniform(0.78, 0.95)),
    };
    for (let m = 1; m <= 12; m++) cells[`${m}月`] = m <= MONTH ? months[m - 1] : null;
    rows.push(POOL_HEADER.map((h) => (h in cells ? cells[h] : null)));
  }
  return { header: POOL_HEADER, rows };
}

// ---------------------------------------------------------------------------------------------
// Targets: the seed's 2023 plan, with what the firm table cannot give typed in 1-本月完成
function targetRows() {
  const template = targetsTemplate();
  // 1–10月 completions (fictitious, plausible for the 2023 plan). Output stays blank: the
  // monitoring tab sums it from the 10月 firm table.
  const actual = { 工业增加值增速: 7.5, 工业投资: 41.2, 技改投资: 7.1, 净增规上企业数: 3, 退规企业数: 3 }; // 净增 = the 培育库 ledger: 6 已入规 − 3 退规 (one figure, one value)
  const [header, ...rows] = template;
  return { header, rows: rows.map((r) => (r[0] in actual ? [...r.slice(0, 4), actual[r[0]]] : r)) };
}

// ---------------------------------------------------------------------------------------------
// JX function examples (the workbench computes them with HyperFormula + the JX plugin)
function functionExamples(anyUscc) {
  const yoy = (a, b) => (a - b) / b;
  return {
    header: ["示例 (example)", "参数1", "参数2", "结果 (result)", "说明 (note)"],
    rows: [
      ["同比增长：全年预计产值 128 亿 vs 120 亿", 128, 120, { formula: "JX.YOY_GROWTH(B2,C2)", result: yoy(128, 120) }, "报告写 7.0%：可比口径 (the report says 7.0%: comparable base)"],
      ["目标完成率：工业投资 39.16 亿 / 37 亿", 39.16, 37, { formula: "JX.TARGET_RATE(B3,C3)", result: 39.16 / 37 }, ""],
      ["序时进度：10月", 10, null, { formula: "JX.TIME_PROGRESS(B4)", result: 10 / 12 }, ""],
      ["超序时进度：工业投资 1-10月", 39.16, 37, { formula: "JX.PROGRESS_GAP(B5,C5,10)", result: 39.16 / 37 - 10 / 12 }, "百分点 (pp)"],
      ["亩均税收：税金 152 万元 / 20 亩", 152, 20, { formula: "JX.ACRE_TAX(B6,C6)", result: 7.6 }, "万元/亩"],
      ["统一社会信用代码校验", anyUscc, null, { formula: "JX.USCC_VALID(B7)", result: true }, ""],
      ["诉求办结率：1460 / 1466", 1460, 1466, { formula: "JX.TARGET_RATE(B8,C8)", result: 1460 / 1466 }, "报告写 99.5%，应为 99.6% (stated 99.5%, rounds to 99.6%)"],
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Assemble and write
function buildSample() {
  const rng = makeRng(SEED);
  const namer = makeNamer(rng);
  const usccs = new Set();
  const firms = makeMonthly(rng, namer, usccs);
  const acre = acreRows();
  const poolTable = poolRows(rng, namer, usccs);
  return {
    monthly: [MONTH, MONTH - 1, MONTH - 2].map((m) => ({ month: m, ...monthlyRows(firms, m, m === MONTH) })),
    acre,
    pool: poolTable,
    targets: targetRows(),
    examples: functionExamples(firms[1].uscc),
  };
}

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const BOLD = { bold: true };

function writeTable(ws, headerRow, header, rows, { numFmt = {}, widths = {} } = {}) {
  ws.getRow(headerRow).values = header;
  ws.getRow(headerRow).font = BOLD;
  header.forEach((_, c) => {
    ws.getRow(headerRow).getCell(c + 1).fill = HEADER_FILL;
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    r.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      const h = header[c];
      if (numFmt[h]) cell.numFmt = numFmt[h];
    });
  });
  header.forEach((h, c) => {
    ws.getColumn(c + 1).width = widths[h] || Math.max(10, Math.min(28, String(h).length * 2 + 2));
  });
}

async function writeSample(sample, ExcelJS = require("exceljs")) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Jingxin sample generator";
  wb.lastModifiedBy = "Jingxin sample generator";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  wb.title = "经信助手示例工作簿 (Jingxin sample workbook)";

  const money = "0.00";
  for (const { month, header, rows } of sample.monthly) {
    const ws = wb.addWorksheet(`${month}月`, { views: [{ state: "frozen", ySplit: 2, xSplit: 1 }] });
    ws.getCell("A1").value = `2023年1-${month}月规模以上工业企业主要指标（单位：万元）`;
    ws.getCell("A1").font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, header.length);
    const fmts = {};
    for (const h of header) if (!/名称|代码|说明|从业人员/.test(h)) fmts[h] = money;
    writeTable(ws, 2, header, rows, { numFmt: fmts, widths: { 企业名称: 30, 统一社会信用代码: 22, 说明: 30 } });
    // 合计 row with SUM formulas (cached results = the sum of the numeric cells).
    const first = 3;
    const last = 2 + rows.length;
    const total = ws.getRow(last + 1);
    total.getCell(1).value = "合计";
    total.font = BOLD;
    header.forEach((h, c) => {
      if (!fmts[h]) return;
      const col = ws.getColumn(c + 1).letter;
      const result = round2(sum(rows.map((r) => (typeof r[c] === "number" ? r[c] : 0))));
      const cell = total.getCell(c + 1);
      cell.value = { formula: `SUM(${col}${first}:${col}${last})`, result };
      cell.numFmt = money;
    });
  }

  const acreSheet = wb.addWorksheet("亩均数据", { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  const acreFmt = {};
  for (const h of sample.acre.header) if (/万元|亩|吨标煤/.test(h)) acreFmt[h] = money;
  writeTable(acreSheet, 1, sample.acre.header, sample.acre.rows, { numFmt: acreFmt, widths: { 企业名称: 30, 统一社会信用代码: 22 } });

  const poolSheet = wb.addWorksheet("培育库", { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  const poolFmt = { 入库日期: "yyyy-mm-dd", 上年营业收入: money };
  for (let m = 1; m <= 12; m++) poolFmt[`${m}月`] = money;
  writeTable(poolSheet, 1, sample.pool.header, sample.pool.rows, { numFmt: poolFmt, widths: { 企业名称: 30, 统一社会信用代码: 22, 入库日期: 12, "1月": 9 } });

  const targetSheet = wb.addWorksheet("目标");
  writeTable(targetSheet, 1, sample.targets.header, sample.targets.rows, { widths: { 指标: 18 } });

  const ex = wb.addWorksheet("函数示例");
  writeTable(ex, 1, sample.examples.header, sample.examples.rows, { widths: { "示例 (example)": 36, "结果 (result)": 14, "说明 (note)": 44 } });
  for (let r = 2; r <= 1 + sample.examples.rows.length; r++) {
    const c = ex.getCell(`D${r}`);
    if (typeof c.value === "object" && c.value && typeof c.value.result === "number") c.numFmt = r === 6 ? "0.00" : "0.0%";
  }

  wb.views = [{ activeTab: 0, firstSheet: 0, visibility: "visible" }];
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normalizeZip(raw);
}

/** Re-pack the zip with a fixed date on every entry (JSZip stamps "now" otherwise). */
async function normalizeZip(buf) {
  const JSZip = require("jszip"); // exceljs's own zip library
  const zip = await JSZip.loadAsync(buf);
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const name of names) {
    out.file(name, await zip.files[name].async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

async function main(argv) {
  const outIdx = argv.indexOf("--out");
  const out = outIdx >= 0 ? path.resolve(argv[outIdx + 1]) : OUT;
  const sample = buildSample();
  const buf = await writeSample(sample);
  if (argv.includes("--check")) {
    const same = fs.existsSync(OUT) && Buffer.compare(fs.readFileSync(OUT), buf) === 0;
    console.log(same ? "samples/jingxin-sample.xlsx 与生成结果一致 (is up to date)" : "samples/jingxin-sample.xlsx 需要重新生成：npm run sample (is stale: run npm run sample)");
    return same ? 0 : 1;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buf);
  console.log(
    `已生成 (wrote) ${path.relative(process.cwd(), out) || out}: ${(buf.length / 1024).toFixed(0)} KB — ` +
      `月报 ${sample.monthly.map((s) => `${s.month}月 ${s.rows.length}`).join(", ")} 户; ` +
      `亩均数据 ${sample.acre.rows.length} 户 (${sample.acre.source}); 培育库 ${sample.pool.rows.length} 户; 目标; 函数示例`,
  );
  return 0;
}

module.exports = { buildSample, writeSample, DEFECTS, SEED, ACRE_TARGETS };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
