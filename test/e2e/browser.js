/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (never `playwright install`: no downloaded browsers). Headless, no sandbox (root in CI),
 * background networking off, a fresh profile per launch.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--metrics-recording-only",
  "--no-default-browser-check",
];

/**
 * Launch Chromium with a fresh user-data dir. Every request any page makes is recorded in
 * `requests` (URL strings). close() also removes the profile.
 */
async function launch({ viewport = { width: 1400, height: 860 }, downloadsPath } = {}) {
  const { chromium } = require("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "jx-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
    downloadsPath,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that left the machine: anything but localhost/127.0.0.1/[::1] and data:/blob:/about:. */
function externalRequests(urls) {
  return urls.filter((u) => {
    if (/^(data|blob|about|chrome|chrome-extension|devtools):/i.test(u)) return false;
    try {
      const h = new URL(u).hostname;
      return !(h === "localhost" || h === "127.0.0.1" || h === "[::1]" || h === "::1");
    } catch {
      return true;
    }
  });
}

module.exports = { CHROMIUM, ARGS, launch, externalRequests };
