#!/usr/bin/env node
// The `vitrine` command. It runs the compiled service CLI; `npm ci` builds it (root `prepare`).
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'integrations', 'dist', 'cli', 'main.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'vitrine: the service is not built yet. Run `npm run build` in the repository root.\n',
  );
  process.exit(1);
}
require(cli);
