import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `vitrine serve` as `npm start` runs it (compiled; build first with `npx tsc -b shared integrations`):
 * it prints where it listens, answers, and stops cleanly on SIGTERM. SQLite only: the engines are
 * covered by the store suites.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'vitrine.js');

// Each test starts real processes on a shared 2-core machine.
jest.setTimeout(120_000);

let dataDir: string;
let child: ChildProcess | undefined;
let output = '';

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'integrations', 'dist', 'cli', 'main.js'))) {
    throw new Error('build first with npx tsc -b shared integrations');
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-serve-'));
});

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ PATH: process.env.PATH ?? '', VITRINE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const found = check();
      if (found !== undefined) {
        clearInterval(timer);
        resolve(found);
      } else if (Date.now() - started > timeoutMs || child?.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`${what} did not happen; output so far:\n${output}`));
      }
    }, 100);
  });
}

it('starts, prints the URLs it serves, answers /healthz, refuses a second copy on its port, stops on SIGTERM', async () => {
  child = spawn(process.execPath, [BIN, 'serve'], { cwd: dataDir, env: { ...env(), PORT: '0' } });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));

  const health = await waitFor(
    () => /(http:\/\/127\.0\.0\.1:\d+)\/healthz/.exec(output)?.[0],
    'the startup banner',
  );
  const base = health.replace('/healthz', '');
  expect(output).toContain('modo sandbox');
  expect(output).toContain(`${base}/sandbox/zendesk`);
  expect(output).toContain(`${base}/webhooks/zendesk/vitrine-demo`);

  const res = await fetch(health);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', db: 'ok', engine: 'sqlite' });

  const port = new URL(base).port;
  const second = spawnSync(process.execPath, [BIN, 'serve'], {
    cwd: dataDir,
    env: { ...env(), PORT: port },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toBe(
    `vitrine: Port ${port} on 127.0.0.1 is already in use (is another Vitrine running?); stop that process or set PORT to a free port.\n`,
  );

  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toContain('shutting down');
});
