#!/usr/bin/env node
// Context API benchmark (`npm run bench:context`): 100k orders, GET /api/v1/tickets/:id/context at a
// fixed 200 requests/s over loopback with a fresh app JWT per request (as the Zendesk proxy signs
// them), on SQLite and on PostgreSQL. The baseline is `/healthz` (one `select 1`) driven the same
// way in the same run, so the ratio compares across machines. Open loop: requests leave on schedule
// whether or not earlier ones have answered, so a slow server shows up as latency, not as fewer requests.
//
// Options (env): BENCH_ORDERS (100000), BENCH_RATE (200), BENCH_SECONDS (10), BENCH_ENGINES (sqlite,postgres),
// VITRINE_TEST_DATABASE_URL (postgres://root@127.0.0.1:5432/test).
const { Buffer } = require('node:buffer');
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');

const root = path.join(__dirname, '..', '..');
const dist = (p) => path.join(root, 'integrations', 'dist', p);

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').filter(Boolean);
const PG_URL = process.env.VITRINE_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const TENANT = 'bench-loja';
const INSTALLATION_SECRET = 'bench-installation-secret-0123456789';

// ---- server side (child process) -------------------------------------------------------------
async function serve(engine) {
  const Fastify = require('fastify');
  const { openStore } = require(dist('store/db'));
  const { migrateToLatest } = require(dist('store/migrations'));
  const { seedContextLoad } = require(dist('orders/testing/seed'));
  const { saveInstallationSecret } = require(dist('app-auth/installation-secrets'));
  const { registerContextRoutes } = require(dist('server/routes/context'));
  const { registerHealthRoute } = require(dist('server/routes/health'));
  const { installErrorHandling } = require(dist('server/errors'));

  const log = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    trace() {},
    fatal() {},
    child() {
      return log;
    },
    level: 'silent',
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-bench-'));
  const pgSchema = engine === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  if (pgSchema) {
    const { Client } = require('pg');
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`create schema ${pgSchema}`);
    await c.end();
  }
  const store = await openStore({
    databaseUrl: engine === 'postgres' ? PG_URL : undefined,
    dataDir,
    log,
    pgSchema,
  });
  await migrateToLatest(store);
  const seedStart = Date.now();
  const seeded = await seedContextLoad(store, { tenantId: TENANT, orders: ORDERS });
  const seedMs = Date.now() - seedStart;
  // Steady state before measuring: planner statistics on both engines and the bulk load's
  // write-ahead log folded into the database files (a running service checkpoints as it goes, and
  // PostgreSQL's autovacuum would have set the visibility map that index-only scans rely on).
  const { sql } = require('kysely');
  if (engine === 'postgres') {
    await sql`vacuum analyze`.execute(store.db);
    await sql`checkpoint`.execute(store.db);
  } else {
    await sql`analyze`.execute(store.db);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
  }
  const secretKey = randomBytes(32);
  await saveInstallationSecret(store.db, secretKey, {
    tenantId: TENANT,
    installationId: 'bench',
    secret: INSTALLATION_SECRET,
  });

  const app = Fastify({ logger: false });
  installErrorHandling(app);
  registerHealthRoute(app, store);
  await registerContextRoutes(app, { config: { secretKey, sandbox: { enabled: false } }, store, log });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send({ port: app.server.address().port, ticketIds: seeded.ticketIds, seedMs });
  process.on('message', async (msg) => {
    if (msg === 'cpu') {
      process.send({ cpuMicros: process.cpuUsage() });
      return;
    }
    if (msg !== 'stop') return;
    await app.close();
    await store.close();
    if (pgSchema) {
      const { Client } = require('pg');
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${pgSchema} cascade`);
      await c.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

// ---- load side (parent process) --------------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function request(port, urlPath, headers) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          ms: Number(process.hrtime.bigint() - start) / 1e6,
          status: res.statusCode,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', (err) =>
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: 0, error: err }),
    );
  });
}

/** Sends `makeRequest(i)` RATE times a second for `seconds`; resolves with every result. */
async function drive(seconds, makeRequest) {
  const total = Math.round(seconds * RATE);
  const interval = 1000 / RATE;
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(makeRequest(i));
  }
  return Promise.all(pending);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(results) {
  const ok = results.filter((r) => r.status === 200);
  const ms = ok.map((r) => r.ms).sort((a, b) => a - b);
  return {
    n: results.length,
    errors: results.length - ok.length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1],
  };
}

async function benchEngine(engine) {
  const jwt = require(path.join(root, 'node_modules', 'jsonwebtoken'));
  const { TicketContext } = require(path.join(root, 'shared', 'dist'));
  const child = fork(path.join(__dirname, 'context.js'), ['--serve', engine], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${engine} server exited with ${code}`)));
  });
  const { port, ticketIds, seedMs } = ready;
  const signingKey = require('node:crypto').createSecretKey(Buffer.from(INSTALLATION_SECRET));
  const contextRequest = (i) => {
    const ticketId = ticketIds[(i * 7919) % ticketIds.length];
    const token = jwt.sign(
      { iss: 'vitrine-ticket-sidebar', tenant: TENANT, ticket_id: ticketId },
      signingKey,
      {
        algorithm: 'HS256',
        expiresIn: 60,
      },
    );
    return request(port, `/api/v1/tickets/${ticketId}/context`, { authorization: `Bearer ${token}` });
  };

  // One response checked against the contract before measuring.
  const sample = await contextRequest(0);
  const parsed = TicketContext.safeParse(JSON.parse(sample.body.toString('utf8')));
  if (sample.status !== 200 || !parsed.success || parsed.data.match !== 'matched') {
    throw new Error(`${engine}: the context response is not a matched TicketContext (${sample.status})`);
  }

  const serverCpu = () =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m.cpuMicros.user + m.cpuMicros.system));
      child.send('cpu');
    });
  await drive(WARMUP_SECONDS, contextRequest);
  let cpu0 = await serverCpu();
  const health = summarize(await drive(SECONDS, () => request(port, '/healthz', {})));
  health.cpuMs = (await serverCpu()) - cpu0;
  cpu0 = await serverCpu();
  const context = summarize(await drive(SECONDS, contextRequest));
  context.cpuMs = (await serverCpu()) - cpu0;
  for (const r of [health, context]) r.cpuMs = r.cpuMs / 1000 / r.n;
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  return { engine, seedMs, health, context };
}

const f = (x) => (x === undefined ? '-' : x.toFixed(2));

async function main() {
  console.log(
    `load average before the run: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${os.cpus().length} CPUs)`,
  );
  console.log(
    `context API: ${ORDERS.toLocaleString('en-US')} orders, ${RATE} req/s for ${SECONDS} s per route, ` +
      `loopback, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  for (const engine of ENGINES) {
    let r;
    try {
      r = await benchEngine(engine);
    } catch (err) {
      console.log(`${engine.padEnd(9)} skipped: ${err.message}`);
      continue;
    }
    console.log(
      `${engine.padEnd(9)} seed ${(r.seedMs / 1000).toFixed(1)} s | ` +
        `context p50 ${f(r.context.p50)} ms p99 ${f(r.context.p99)} ms max ${f(r.context.max)} ms (${r.context.n} req, ${r.context.errors} errors) | ` +
        `server CPU ${f(r.context.cpuMs)} ms/req | ` +
        `baseline /healthz p50 ${f(r.health.p50)} ms p99 ${f(r.health.p99)} ms CPU ${f(r.health.cpuMs)} ms/req | ` +
        `ratio to baseline p50 ${(r.context.p50 / r.health.p50).toFixed(1)}× p99 ${(r.context.p99 / r.health.p99).toFixed(1)}× | ` +
        `budget p99 ≤ 25 ms: ${r.context.p99 <= 25 ? 'met' : 'MISSED'}`,
    );
  }
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
