/**
 * Helpers shared by the bench modules (not a bench module itself: scripts/bench.js skips files
 * whose name starts with "_"): loading TypeScript sources, timing (wall and CPU), medians, a
 * scratch directory and writing an .xlsx file.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

require("./register");

const root = path.join(__dirname, "..");

/** Require a source of the repository (TypeScript included) by its path from the root. */
const load = (rel) => require(path.join(root, rel));

/** The middle element of `xs` once sorted (the upper one of the two for an even count). */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds of wall time since `t0` (a process.hrtime.bigint() reading). */
const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Median wall time in ms of `runs` calls of `fn`. */
function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(msSince(t0));
  }
  return median(out);
}

/** One awaited call of `fn`: its wall time in ms and its result. */
async function timeWall(fn) {
  const t0 = process.hrtime.bigint();
  const out = await fn();
  return { ms: msSince(t0), out };
}

/** Median wall time in ms of `runs` awaited calls of `fn`, one after the other. */
async function timeAsync(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) out.push((await timeWall(fn)).ms);
  return median(out);
}

/** One call of `fn`: this process's CPU time (user + system) and the wall time, in ms, and its result. */
function timeCpu(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: msSince(t0), out };
}

/** Run `fn(dir)` with a fresh directory under the OS temp dir, removed afterwards. */
async function withTempDir(prefix, fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Write `rows` (header row first) as the one sheet `sheetName` of an .xlsx file; "" cells are left
 * empty. `stream`: exceljs's streaming writer without styles (shared strings on), else an
 * in-memory exceljs Workbook.
 */
async function writeXlsx(file, sheetName, rows, { stream = false } = {}) {
  const ExcelJS = require("exceljs");
  const cells = (r) => r.map((v) => (v === "" ? null : v));
  if (stream) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: true });
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(cells(r)).commit();
    ws.commit();
    await wb.commit();
    return;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(cells(r));
  await wb.xlsx.writeFile(file);
}

/** A full GC between timed runs, so one run does not pay for the garbage of another. */
const gc = (() => {
  if (global.gc) return global.gc;
  try {
    require("v8").setFlagsFromString("--expose-gc");
    return require("vm").runInNewContext("gc");
  } catch {
    return () => {};
  }
})();

module.exports = { gc, root, load, median, msSince, time, timeWall, timeAsync, timeCpu, withTempDir, writeXlsx };
