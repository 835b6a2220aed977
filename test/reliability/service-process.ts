import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The real service as a separate process (`node bin/vitrine.js serve`), so a test can `kill -9` it
 * at any point and start it again on the same data dir and database.
 */

const ROOT = path.join(__dirname, '..', '..');
export const TEST_DATABASE_URL =
  process.env.VITRINE_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}

export class ServiceProcess {
  private child: ChildProcess | null = null;
  /** Last lines of output, printed when something goes wrong. */
  readonly output: string[] = [];

  constructor(readonly options: ServiceOptions) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Starts the service and waits (bounded) until `/healthz` answers. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'vitrine.js'), 'serve'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        VITRINE_DATA_DIR: this.options.dataDir,
        VITRINE_LOG_LEVEL: 'warn',
        ...(this.options.databaseUrl ? { DATABASE_URL: this.options.databaseUrl } : {}),
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 200));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null)
        throw new Error(`the service exited with ${child.exitCode}:\n${this.output.join('\n')}`);
      try {
        const res = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`the service did not answer /healthz within 60 s:\n${this.output.join('\n')}`);
  }

  /** `kill -9`: no shutdown code runs, exactly like a crash. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}

/** A fresh PostgreSQL database for one test run; `drop()` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vitrine_rel_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function postgresReachable(): Promise<string | null> {
  const c = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-reliability-'));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
