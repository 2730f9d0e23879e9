#!/usr/bin/env node
/**
 * Write the bad-input corpus: `node scripts/make-bad-input.js [outDir]` (default
 * test/fixtures/bad-input). The corpus is defined in make-bad-input.ts (loaded without ts-node).
 */
"use strict";
const { requireTs } = require("./load-ts");

requireTs(require("path").join(__dirname, "make-bad-input.ts"))
  .main(process.argv.slice(2))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
