import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerDomainCommands } from './commands/domain';
import { registerMigrateCommand } from './commands/migrate';
import { registerServeCommand } from './commands/serve';
import { registerStatusCommand } from './commands/status';
import { registerSyncCommand } from './commands/sync';
import { reportCliError } from './errors';

/** The `vitrine` command (bin/vitrine.js runs the compiled copy of this file). */
export function buildProgram(): Command {
  const program = new Command('vitrine')
    .description('Vitrine: marketplace conversations as Zendesk tickets, replies back to the marketplace')
    .version(packageVersion())
    // Usage errors come back to us as exceptions, so they exit with 2 and never print a stack.
    .exitOverride()
    .showHelpAfterError('(run `vitrine --help` for the commands)');

  registerServeCommand(program);
  registerStatusCommand(program);
  registerSyncCommand(program);
  registerMigrateCommand(program);
  registerDomainCommands(program);
  return program;
}

function packageVersion(): string {
  try {
    const file = path.join(__dirname, '..', '..', 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

if (require.main === module || isBinEntry()) {
  // A failure outside a command's own flow (a background task of `serve`) ends the process the same
  // way: one line, exit code 1.
  const fail = (err: unknown) => {
    reportCliError(err);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.exitCode = reportCliError(err);
    });
}

/** bin/vitrine.js `require`s this file, so `require.main` is the bin script, not this module. */
function isBinEntry(): boolean {
  const main = require.main?.filename;
  return Boolean(main && path.basename(main) === 'vitrine.js' && path.basename(path.dirname(main)) === 'bin');
}
