import { CommanderError } from 'commander';

/** Bad input on the command line; exit code 2. */
export class CliUsageError extends Error {
  override name = 'UsageError';
}

/**
 * Prints an error as one line on stderr and sets the exit code: 2 for usage errors, 1 otherwise.
 * The stack goes out only with VITRINE_DEBUG=1. Messages of our own errors (ConfigError,
 * StoreError, CredentialsError…) are already written for the reader; they are printed as they are.
 */
export function reportCliError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message (unknown option, missing argument…).
    return err.exitCode === 0 ? 0 : 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  const debug = process.env.VITRINE_DEBUG === '1';
  // An error we did not foresee is a bug: say where to find the details.
  const explained = err instanceof Error && EXPLAINED_ERRORS.has(err.name);
  const hint = debug || explained ? '' : ' (VITRINE_DEBUG=1 shows the details)';
  process.stderr.write(`vitrine: ${firstLine(message)}${hint}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return err instanceof Error && err.name === 'UsageError' ? 2 : 1;
}

/** Errors whose message is already the whole story for the reader. */
const EXPLAINED_ERRORS = new Set(['ConfigError', 'StoreError', 'CredentialsError', 'UsageError']);

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() || 'unexpected error';
}
