#!/usr/bin/env node
// npm run validate:apps — checks every app package under apps/ against Zendesk's documented rules,
// offline, then (when a Zendesk account is configured) with zcli's online validation.
const path = require('node:path');
const { validateAppPackage } = require('./rules');
const { listApps, stageApp, ROOT } = require('./apps');
const { runOnlineValidation } = require('./zcli');

function main() {
  let failed = false;
  for (const app of listApps()) {
    const { errors, warnings } = validateAppPackage(app.dir);
    console.log(`${path.relative(ROOT, app.dir)}: ${errors.length} error(s), ${warnings.length} warning(s)`);
    for (const error of errors) console.log(`  error: ${error}`);
    for (const warning of warnings) console.log(`  warning: ${warning}`);
    if (errors.length > 0) {
      failed = true;
      continue;
    }
    const staged = stageApp(app);
    if (runOnlineValidation(staged.dir) === 'failed') failed = true;
  }
  if (failed) {
    console.log('validate:apps failed — fix the errors above');
    process.exitCode = 1;
  }
}

main();
