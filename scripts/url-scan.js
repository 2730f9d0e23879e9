/**
 * Finds fetchable absolute URLs in built files (HTML/JS/CSS) that are not on an allow-list:
 * the add-in must load nothing from the internet (intranet deployments, no CDN).
 *
 * Only places where a URL is actually fetched count: src=/href=/action=/poster=/srcset= (HTML
 * attributes, DOM assignments, JSX props), CSS url(), fetch(), XMLHttpRequest open(),
 * import()/importScripts(), sendBeacon(), new WebSocket()/EventSource()/Worker(). XML namespace
 * URIs, license comments and error-message links are not fetches and are not reported.
 *
 *   const { scanDir, scanText, isAllowed } = require("./url-scan");
 *   node scripts/url-scan.js dist [--allow https://intranet.example/jx/]
 */
"use strict";
const fs = require("fs");
const path = require("path");

/** Hosts always allowed (development and the local dev server). */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const Q = `["'\`]`;
const ABS = `((?:https?:|wss?:)?\\/\\/[^"'\`\\s)<>]+)`;
const PATTERNS = [
  { kind: "attribute", re: new RegExp(`\\b(?:src|href|action|poster|data-src|formaction)\\s*=\\s*${Q}\\s*${ABS}`, "gi") },
  { kind: "attribute", re: new RegExp(`\\b(?:src|href|action|poster)\\s*:\\s*${Q}\\s*${ABS}`, "gi") },
  { kind: "srcset", re: new RegExp(`\\bsrcset\\s*=\\s*${Q}[^"'\`]*?${ABS}`, "gi") },
  { kind: "css url()", re: new RegExp(`url\\(\\s*["']?\\s*${ABS}`, "gi") },
  { kind: "fetch", re: new RegExp(`\\bfetch\\(\\s*${Q}\\s*${ABS}`, "gi") },
  { kind: "XMLHttpRequest", re: new RegExp(`\\.open\\(\\s*${Q}[A-Za-z]+${Q}\\s*,\\s*${Q}\\s*${ABS}`, "g") },
  { kind: "script import", re: new RegExp(`\\b(?:importScripts|import|sendBeacon|WebSocket|EventSource|Worker|SharedWorker)\\(\\s*${Q}\\s*${ABS}`, "g") },
  { kind: "@import", re: new RegExp(`@import\\s+${Q}\\s*${ABS}`, "gi") },
];

function normaliseBase(u) {
  return u.endsWith("/") ? u : u + "/";
}

/** Whether a URL may be fetched: localhost (any port/scheme) or under one of the allowed base URLs. */
function isAllowed(url, allow = []) {
  const abs = url.startsWith("//") ? "https:" + url : url;
  let u;
  try {
    u = new URL(abs);
  } catch {
    return false;
  }
  if (LOCAL_HOSTS.has(u.hostname) || LOCAL_HOSTS.has(`[${u.hostname}]`)) return true;
  return allow.some((base) => {
    const b = normaliseBase(base);
    return abs === b.slice(0, -1) || abs.startsWith(b);
  });
}

/** All fetchable absolute URLs in a text, as [{ url, kind, index }]. */
function findUrls(text) {
  const found = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text))) found.push({ url: m[1], kind, index: m.index });
  }
  return found;
}

/** Fetchable URLs in a text that are not allowed. */
function scanText(text, allow = []) {
  return findUrls(text).filter((f) => !isAllowed(f.url, allow));
}

/**
 * Scan a directory's .html/.js/.css/.mjs files (recursively). options.allow: allowed base URLs;
 * options.exclude(relPath) → true to skip a file. Returns [{ file, url, kind, line }].
 */
function scanDir(dir, options = {}) {
  const allow = options.allow || [];
  const exclude = options.exclude || (() => false);
  const out = [];
  const visit = (d) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, ent.name);
      const rel = path.relative(dir, full).split(path.sep).join("/");
      if (exclude(rel)) continue;
      if (ent.isDirectory()) visit(full);
      else if (/\.(html?|m?js|css)$/i.test(ent.name)) {
        const text = fs.readFileSync(full, "utf8");
        for (const f of scanText(text, allow)) {
          out.push({ file: rel, url: f.url, kind: f.kind, line: text.slice(0, f.index).split("\n").length });
        }
      }
    }
  };
  visit(dir);
  return out;
}

module.exports = { isAllowed, findUrls, scanText, scanDir, LOCAL_HOSTS };

if (require.main === module) {
  const args = process.argv.slice(2);
  const allow = [];
  let dir = "dist";
  for (let k = 0; k < args.length; k++) {
    if (args[k] === "--allow") allow.push(args[++k]);
    else dir = args[k];
  }
  const hits = scanDir(dir, { allow });
  for (const h of hits) console.error(`${h.file}:${h.line}: ${h.kind} ${h.url}`);
  console.log(hits.length ? `✗ ${hits.length} external URL(s) in ${dir}` : `✓ no external fetchable URLs in ${dir}`);
  process.exit(hits.length ? 1 : 0);
}
