#!/usr/bin/env node
// npm run validate:apps — checks every app package under apps/ (or the folders given as arguments)
// against Zendesk's documented rules, offline, then (when a Zendesk account is configured) with
// zcli's online validation. Exits non-zero when any package has errors.
const path = require('node:path');
const { validateAppPackage } = require('./rules');
const { listApps, stageApp, ROOT } = require('./apps');
const { runOnlineValidation } = require('./zcli');

function appsToValidate(args) {
  if (args.length === 0) return listApps();
  return args.map((dir) => ({ name: path.basename(path.resolve(dir)), dir: path.resolve(dir) }));
}

function main() {
  let failed = false;
  for (const app of appsToValidate(process.argv.slice(2))) {
    const { errors, warnings } = validateAppPackage(app.dir);
    console.log(
      `${path.relative(ROOT, app.dir) || '.'}: ${errors.length} error(s), ${warnings.length} warning(s)`,
    );
    for (const error of errors) console.log(`  error: ${error}`);
    for (const warning of warnings) console.log(`  warning: ${warning}`);
    if (errors.length > 0) {
      failed = true;
      continue;
    }
    if (runOnlineValidation(() => stageApp(app).dir) === 'failed') failed = true;
  }
  if (failed) {
    console.log('validate:apps failed — fix the errors above');
    process.exitCode = 1;
  }
}

main();
