/**
 * Adapters benchmark:
 *  - file adapter: readSheet of 100 000 rows × 12 columns (median of 5), against exceljs's own
 *    getSheetValues() (which does less: no merge/formula/date normalisation); open and save of
 *    the same workbook as .xlsx bytes;
 *  - Office adapter (fake Excel, office-addin-mock underneath): context.sync() calls per operation.
 */
"use strict";
const { load, time: medianTime } = require("./_util");

const ROWS = 100000;
const COLS = 12;

/** Median wall time in ms of `runs` calls, to 0.1 ms. */
const time = (fn, runs = 5) => Number(medianTime(fn, runs).toFixed(1));

async function fileAdapter(results) {
  const ExcelJS = require("exceljs");
  const { createFilePort, loadFilePort, readWorksheet } = load("src/workbook/fileAdapter.ts");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("月报");
  ws.addRow(["企业名称", "统一社会信用代码", ...Array.from({ length: COLS - 2 }, (_, i) => `指标${i + 1}`)]);
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([`企业${i}`, `91340722MA2N${String(i).padStart(5, "0")}X`, i, i * 1.5, i % 7, 0.059, 3.14, i, i + 1, i + 2, true, new Date(Date.UTC(2023, 0, 1 + (i % 300)))]);
  }
  const port = createFilePort(wb);
  const ours = time(() => readWorksheet(ws));
  const native = time(() => ws.getSheetValues());
  const check = await port.readSheet("月报");
  if (check.values.length !== ROWS + 1 || check.values[1].length !== COLS) throw new Error("bad read");
  results.push({ name: `file adapter: readSheet ${ROWS}×${COLS} (median)`, value: ours, unit: "ms", baseline: native, ratio: Number((ours / native).toFixed(2)) });
  results.push({ name: `file adapter: readSheet ${ROWS}×${COLS} throughput`, value: Math.round(((ROWS + 1) / ours) * 1000), unit: "rows/s" });
  console.log(`file adapter: readSheet ${ROWS} rows × ${COLS} cols: ${ours} ms median (exceljs getSheetValues alone: ${native} ms)`);

  let t0 = Date.now();
  const bytes = await port.toBuffer();
  const save = Date.now() - t0;
  t0 = Date.now();
  await loadFilePort(bytes);
  const open = Date.now() - t0;
  results.push({ name: `file adapter: toBuffer ${ROWS}×${COLS}`, value: save, unit: "ms" });
  results.push({ name: `file adapter: loadFilePort ${ROWS}×${COLS}`, value: open, unit: "ms" });
  results.push({ name: `file adapter: .xlsx size ${ROWS}×${COLS}`, value: bytes.length, unit: "bytes" });
  console.log(`file adapter: save ${save} ms, open ${open} ms, ${(bytes.length / 1e6).toFixed(1)} MB`);
}

async function officeAdapter(results) {
  const { createOfficePort } = load("src/excel/officeAdapter.ts");
  const { fakeContext, newBook, newSheet } = load("test/excel/fakeExcel.ts");
  const table = (n) => [["企业名称", "产值", "增速"], ...Array.from({ length: n }, (_, i) => [`企业${i + 1}`, i * 10, i / 100])];
  const count = async (rows, op) => {
    const fake = fakeContext(newBook([newSheet("月报", rows), newSheet("其他", [["x"]])]));
    const port = createOfficePort(fake.run, { supports: () => true });
    await op(port);
    return fake.state.syncs;
  };
  const ops = [
    ["readSheet 10 rows", table(10), (p) => p.readSheet("月报")],
    ["readSheet 10 000 rows", table(10000), (p) => p.readSheet("月报")],
    ["readSheets 2 sheets (10 000 rows)", table(10000), (p) => p.readSheets(["月报", "其他"])],
    ["writeSheet 10 000 rows + table + formats + list", [], (p) => p.writeSheet("结果", table(10000), { tableName: "结果", numberFormats: ["@", "0.00", "0.0%"], validationLists: { 0: ["a", "b"] } })],
    ["writeCells 50 cells", table(100), (p) => p.writeCells("月报", Array.from({ length: 50 }, (_, i) => ({ address: `B${i + 2}`, value: i })))],
    ["appendRows 100 rows", table(10), (p) => p.appendRows("月报", table(100).slice(1))],
    ["highlight 100 cells", table(100), (p) => p.highlight("月报", Array.from({ length: 100 }, (_, i) => `B${i + 2}`), "#FFC7CE")],
    ["highlight + clearHighlight", table(100), async (p) => (await p.highlight("月报", ["B2", "C3"], "#FFC7CE"), p.clearHighlight("月报"))],
  ];
  const parts = [];
  for (const [name, rows, op] of ops) {
    const syncs = await count(rows, op);
    results.push({ name: `office adapter: ${name}`, value: syncs, unit: "syncs" });
    parts.push(`${name}: ${syncs}`);
  }
  console.log(`office adapter: context.sync() calls — ${parts.join("; ")}`);
}

async function run(results) {
  await fileAdapter(results);
  await officeAdapter(results);
}

module.exports = { run };

if (require.main === module) {
  const results = [];
  run(results).then(() => console.log(JSON.stringify(results, null, 2)));
}
