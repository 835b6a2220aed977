#!/usr/bin/env node
// npm run package:apps — validates each app and writes its installable zip to dist/<app>-<version>.zip
// (manifest.json, requirements.json, translations/ and assets/ at the root of the archive, which is
// what Zendesk's upload and `zcli apps:create` expect).
const fs = require('node:fs');
const path = require('node:path');
const { zipSync } = require('fflate');
const { validateAppPackage } = require('./rules');
const { listApps, stageApp, DIST_DIR, ROOT } = require('./apps');

function packageApp(app, distDir = DIST_DIR) {
  const { errors } = validateAppPackage(app.dir);
  if (errors.length > 0) {
    throw new Error(
      `${app.name} is not valid:\n  ${errors.join('\n  ')}\nRun npm run validate:apps for details.`,
    );
  }
  const staged = stageApp(app, distDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(staged.dir, 'manifest.json'), 'utf8'));
  const entries = {};
  for (const file of staged.files) {
    // A fixed timestamp keeps the zip byte-identical for identical inputs.
    entries[file] = [
      fs.readFileSync(path.join(staged.dir, file)),
      { mtime: new Date('2020-01-01T00:00:00Z') },
    ];
  }
  const zipPath = path.join(distDir, `${app.name}-${manifest.version}.zip`);
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  return { zipPath, files: staged.files };
}

if (require.main === module) {
  try {
    for (const app of listApps()) {
      const { zipPath, files } = packageApp(app);
      const bytes = fs.statSync(zipPath).size;
      console.log(`${path.relative(ROOT, zipPath)}: ${files.length} files, ${(bytes / 1024).toFixed(1)} KB`);
    }
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}

module.exports = { packageApp };
