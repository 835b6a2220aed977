import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** What `npm run build` produces and the browser tests need. */
const BUILT = [
  'integrations/dist/cli/main.js',
  'scripts/workbench/dist/main.js',
  'apps/ticket-sidebar/assets/iframe.html',
];

export interface RunningService {
  baseUrl: string;
  dataDir: string;
  /** VITRINE_SECRET_KEY the service runs with. */
  secretKey: Buffer;
  /** Everything the service printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  const missing = BUILT.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `Missing build output (${missing.join(', ')}): run \`npm run build\` before the browser tests.`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `node bin/vitrine.js serve` in sandbox mode on a free port with a fresh data dir: the real
 * service, simulators, sync engine and workbench, without injected faults.
 */
export async function startService(
  options: { pollIntervalMs?: number; readyTimeoutMs?: number } = {},
): Promise<RunningService> {
  assertBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const secretKey = randomBytes(32);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VITRINE_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    VITRINE_SANDBOX_FAULT_RATE: '0',
    VITRINE_POLL_INTERVAL_MS: String(options.pollIntervalMs ?? 1000),
    VITRINE_SECRET_KEY: secretKey.toString('base64'),
  };
  // Sandbox mode on SQLite, whatever the developer's shell points at.
  delete env.VITRINE_CONFIG;
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['bin/vitrine.js', 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let ready = false;
  while (!ready && Date.now() < deadline) {
    if (child.exitCode !== null) break;
    ready = await fetch(`${baseUrl}/healthz`)
      .then((res) => res.ok)
      .catch(() => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    throw new Error(
      `The service did not answer /healthz on ${baseUrl} within the time limit. Its output:\n${output.slice(-4000)}`,
    );
  }
  return { baseUrl, dataDir, secretKey, output: () => output, stop };
}

/** Polls `probe` until it returns a value (not undefined), or fails with `what` and the last state. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 500 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
}
