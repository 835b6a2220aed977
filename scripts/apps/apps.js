// Where the Zendesk apps live and how their installable package is laid out on disk.
const fs = require('node:fs');
const path = require('node:path');
const { packageFiles } = require('./rules');

const ROOT = path.join(__dirname, '../..');
const APPS_DIR = path.join(ROOT, 'apps');
const DIST_DIR = path.join(ROOT, 'dist');

/** Every folder under apps/ that holds a manifest.json. */
function listApps() {
  return fs
    .readdirSync(APPS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(APPS_DIR, entry.name, 'manifest.json')))
    .map((entry) => ({ name: entry.name, dir: path.join(APPS_DIR, entry.name) }));
}

/**
 * Copies only the package files (manifest, translations, assets, requirements) into
 * dist/apps/<name>, so neither zcli nor the zip ever picks up src/ or node_modules/.
 */
function stageApp(app, distDir = DIST_DIR) {
  const target = path.join(distDir, 'apps', app.name);
  fs.rmSync(target, { recursive: true, force: true });
  const files = packageFiles(app.dir);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(app.dir, file), path.join(target, file));
  }
  return { dir: target, files };
}

module.exports = { ROOT, APPS_DIR, DIST_DIR, listApps, stageApp };
