/**
 * How the domain commands talk to a person or a script: human-readable text by default, one JSON
 * object with `--json`, and bad input as one line on stderr with a non-zero exit — never a stack trace.
 */

/** Input the person can fix; printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Rendered {
  json: unknown;
  text: string;
}

export interface OutputOptions {
  json?: boolean;
}

/** Wraps a command action: prints its result, or its error as one line. */
export function action<A extends unknown[]>(
  run: (...args: A) => Rendered | Promise<Rendered>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as { opts(): OutputOptions } | undefined;
    const asJson = Boolean(command?.opts?.().json);
    try {
      const out = await run(...args);
      process.stdout.write(asJson ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`vitrine: ${message}\n`);
      if (process.env.VITRINE_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
      process.exitCode = err instanceof UsageError ? 2 : 1;
    }
  };
}

/** Reads all of stdin (the reply text of `check-reply`). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write('Digite a resposta e termine com Ctrl-D (type the reply, end with Ctrl-D):\n');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
