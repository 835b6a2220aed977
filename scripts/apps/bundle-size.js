#!/usr/bin/env node
// Reports the built sidebar's JS + CSS size, raw and gzipped, against the 150 KB gzip budget.
// Run after `npm run build -w @vitrine/ticket-sidebar`. Prints JSON for the benchmark script too.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_GZIP_BYTES = 150 * 1024;

function bundleSize(assetsDir) {
  const files = fs.readdirSync(assetsDir).filter((file) => /\.(js|css)$/.test(file));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(assetsDir, file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes: raw, gzipBytes: gzip, budgetGzipBytes: BUDGET_GZIP_BYTES };
}

if (require.main === module) {
  const assets = path.join(__dirname, '../../apps/ticket-sidebar/assets');
  if (!fs.existsSync(assets)) {
    console.error(
      'apps/ticket-sidebar/assets is missing: run npm run build -w @vitrine/ticket-sidebar first',
    );
    process.exit(1);
  }
  const size = bundleSize(assets);
  console.log(JSON.stringify(size));
  console.error(
    `sidebar JS+CSS: ${(size.rawBytes / 1024).toFixed(1)} KB raw, ${(size.gzipBytes / 1024).toFixed(1)} KB gzip ` +
      `(budget ${BUDGET_GZIP_BYTES / 1024} KB)`,
  );
  if (size.gzipBytes > BUDGET_GZIP_BYTES) process.exitCode = 1;
}

module.exports = { bundleSize, BUDGET_GZIP_BYTES };
