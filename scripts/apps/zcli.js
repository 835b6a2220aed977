// zcli's validation uploads the package to a real Zendesk account; run it only when one is configured.
const { spawnSync } = require('node:child_process');

/** The environment zcli reads (zcli-core lib/env.ts): a subdomain plus an OAuth token or e-mail + API token/password. */
function zendeskCredentials(env = process.env) {
  if (!env.ZENDESK_SUBDOMAIN) return null;
  if (env.ZENDESK_OAUTH_TOKEN) return { subdomain: env.ZENDESK_SUBDOMAIN };
  if (env.ZENDESK_EMAIL && (env.ZENDESK_API_TOKEN || env.ZENDESK_PASSWORD))
    return { subdomain: env.ZENDESK_SUBDOMAIN };
  return null;
}

function zcliAvailable() {
  // --no-install: never fetch zcli on the fly; it is an explicit dev dependency choice.
  const probe = spawnSync('npx', ['--no-install', 'zcli', '--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

/**
 * @param {() => string} stage copies the package files somewhere zcli can zip them; called only when zcli runs
 * @returns {'skipped' | 'passed' | 'failed'}
 */
function runOnlineValidation(stage, log = console.log) {
  const credentials = zendeskCredentials();
  if (!credentials) {
    log(
      '  online: skipped (set ZENDESK_SUBDOMAIN and ZENDESK_OAUTH_TOKEN or ZENDESK_EMAIL + ZENDESK_API_TOKEN)',
    );
    return 'skipped';
  }
  if (!zcliAvailable()) {
    log('  online: skipped — zcli is not installed (npm install -D @zendesk/zcli to enable it)');
    return 'skipped';
  }
  log(`  online: zcli apps:validate against ${credentials.subdomain}.zendesk.com`);
  const run = spawnSync('npx', ['--no-install', 'zcli', 'apps:validate', stage()], { stdio: 'inherit' });
  return run.status === 0 ? 'passed' : 'failed';
}

module.exports = { zendeskCredentials, runOnlineValidation };
