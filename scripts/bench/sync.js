#!/usr/bin/env node
// Sync benchmark (`node scripts/bench/sync.js`, after `npm run build`): the real stream runner, effects
// outbox, Zendesk client and sandbox Zendesk (over HTTP, no faults, rate limit lifted so requests
// are counted, not throttled). Two figures, each beside a baseline measured in the same run:
//   1. Zendesk requests per synced message in bulk, vs. writing one ticket/comment per request.
//   2. Message-to-ticket latency at the poll interval (default 60 s), vs. a direct write the moment
//      the message arrives.
// Options: --conversations N (200) --messages M (5) --poll-ms MS (60000) --window-s S (150) --quick
/* global setTimeout, clearTimeout, structuredClone */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { z } = require('zod');

const dist = path.join(__dirname, '..', '..', 'integrations', 'dist');
const load = (p) => require(path.join(dist, p));
const { startSandbox } = load('sandbox/core/test-server');
const { openStore } = load('store/db');
const { migrateToLatest } = load('store/migrations');
const { upsertTenant } = load('store/tenants');
const { createZendeskClient } = load('zendesk/client');
const { zendeskGateway } = load('sync/zendesk-gateway-client');
const { TenantSync } = load('sync/tenant-sync');
const { SANDBOX_ADMIN } = load('sandbox/zendesk/seed');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const CONVERSATIONS = opt('conversations', quick ? 40 : 200);
const MESSAGES = opt('messages', 5);
const POLL_MS = opt('poll-ms', quick ? 5_000 : 60_000);
const WINDOW_S = opt('window-s', quick ? 20 : 150);
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

const at = (ms) => new Date(ms).toISOString();

/** A marketplace whose conversations live in memory: the stream reads them all in one page. */
function memorySource() {
  const conversations = new Map();
  const stream = {
    name: 'madeiramadeira.sessions',
    schema: z.object({ id: z.string() }).passthrough(),
    readPage: async () => ({
      records: [...conversations.values()].map((c) => ({
        id: c.externalId,
        conversation: structuredClone(c),
      })),
      nextCursor: null,
      caughtUp: true,
    }),
    externalId: (raw) => raw.id,
    toConversation: (raw) => raw.conversation,
  };
  const connector = {
    source: 'madeiramadeira',
    credentialKeys: [],
    streams: [stream],
    sendReply: async () => ({}),
  };
  return {
    connector,
    stream,
    add(id, texts, start) {
      conversations.set(id, {
        source: 'madeiramadeira',
        externalId: id,
        channel: 'madeiramadeira',
        orderNumber: `7${id.replace(/\D/g, '').padStart(6, '0')}`,
        subject: 'Dúvida sobre a entrega',
        status: 'open',
        counterparts: ['customer'],
        customer: { name: `Cliente ${id}`, email: `cliente.${id}@example.com.br`, externalId: `buyer-${id}` },
        messages: texts.map((text, i) => ({
          externalId: `${id}-m${i}`,
          author: 'customer',
          counterpart: 'customer',
          text,
          createdAt: at(start + i * 1000),
          attachments: [],
        })),
        updatedAt: at(start + texts.length * 1000),
      });
    },
    append(id, text) {
      const c = conversations.get(id);
      c.messages.push({
        externalId: `${id}-m${c.messages.length}`,
        author: 'customer',
        counterpart: 'customer',
        text,
        createdAt: at(Date.now()),
        attachments: [],
      });
      c.updatedAt = at(Date.now());
    },
  };
}

async function setup(sandbox, tenantId) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-bench-'));
  const store = await openStore({ dataDir, log: silent });
  await migrateToLatest(store);
  await upsertTenant(store.db, {
    id: tenantId,
    subdomain: tenantId,
    name: tenantId,
    zendeskBaseUrl: sandbox.baseUrl('zendesk'),
  });
  const client = createZendeskClient({
    baseUrl: sandbox.baseUrl('zendesk'),
    auth: { email: SANDBOX_ADMIN.email, apiToken: 'bench' },
    tenantId,
    jobPollIntervalMs: 250,
  });
  const source = memorySource();
  const sync = new TenantSync({
    db: store.db,
    tenantId,
    zendesk: zendeskGateway(client),
    sources: new Map([
      [
        'madeiramadeira',
        { connector: source.connector, ctx: { tenantId, baseUrl: '', credentials: {}, log: silent } },
      ],
    ]),
    log: silent,
    maxPagesPerRun: 1000,
  });
  return { store, client, source, sync, target: sync.streams()[0] };
}

async function benchRequestsPerMessage(sandbox) {
  const { store, client, source, sync, target } = await setup(sandbox, 'bench-bulk');
  const start = Date.now() - 3_600_000;
  for (let c = 0; c < CONVERSATIONS; c++)
    source.add(
      `b${c}`,
      Array.from({ length: MESSAGES }, (_, i) => `Mensagem ${i + 1} da conversa ${c}`),
      start,
    );
  const before = client.requestCount;
  const t0 = Date.now();
  await sync.syncStream(target, 1000);
  for (let i = 0; i < 100; i++) if ((await sync.pump()).cycles === 0) break;
  const bulkMs = Date.now() - t0;
  const bulk = client.requestCount - before;
  const synced = Number(
    (
      await store.db
        .selectFrom('sync_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('comment_state', '=', 'done')
        .executeTakeFirst()
    ).n,
  );
  await store.close();

  // Baseline: the same conversations written one request per message (user, ticket, then one update per comment).
  const naive = createZendeskClient({
    baseUrl: sandbox.baseUrl('zendesk'),
    auth: { email: SANDBOX_ADMIN.email, apiToken: 'bench' },
    tenantId: 'bench-naive',
  });
  const n0 = naive.requestCount;
  const t1 = Date.now();
  for (let c = 0; c < CONVERSATIONS; c++) {
    const { user } = await naive.users.createOrUpdate({
      name: `Cliente n${c}`,
      external_id: `naive-${c}`,
      email: `naive.${c}@example.com.br`,
    });
    const { ticket } = await naive.tickets.create({
      subject: 'Dúvida',
      requester_id: user.id,
      external_id: `naive:${c}`,
      comment: { body: `Mensagem 1 da conversa ${c}`, public: true, author_id: user.id },
    });
    for (let i = 1; i < MESSAGES; i++)
      await naive.tickets.update(ticket.id, {
        comment: { body: `Mensagem ${i + 1} da conversa ${c}`, public: true, author_id: user.id },
      });
  }
  const naiveMs = Date.now() - t1;
  const naiveRequests = naive.requestCount - n0;
  const messages = CONVERSATIONS * MESSAGES;
  return { messages, synced, bulk, bulkMs, naiveRequests, naiveMs };
}

async function benchLatency(sandbox) {
  const { store, client, source, sync, target } = await setup(sandbox, 'bench-latency');
  const start = Date.now() - 3_600_000;
  for (let c = 0; c < 20; c++) source.add(`l${c}`, [`Olá, conversa ${c}`], start);
  await sync.syncStream(target, 1000);
  for (let i = 0; i < 50; i++) if ((await sync.pump()).cycles === 0) break;

  // The scheduler as `vitrine serve` runs it: the stream every POLL_MS, the outbox pump every second
  // and right after a stream run that changed something.
  let stopped = false;
  let wakePump = () => {};
  const loops = [
    (async () => {
      while (!stopped) {
        const report = await sync.syncStream(target);
        if (report.changed > 0) wakePump();
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })(),
    (async () => {
      while (!stopped) {
        await sync.pump();
        await new Promise((r) => {
          const t = setTimeout(r, 1000);
          wakePump = () => (clearTimeout(t), r());
        });
      }
    })(),
  ];

  // New buyer messages at random moments of the window.
  const arrivals = new Map();
  const count = quick ? 10 : 30;
  const times = Array.from({ length: count }, () => Math.random() * WINDOW_S * 1000).sort((a, b) => a - b);
  const began = Date.now();
  for (const [i, t] of times.entries()) {
    await new Promise((r) => setTimeout(r, Math.max(0, began + t - Date.now())));
    const id = `l${i % 20}`;
    source.append(id, `Nova mensagem ${i}`);
    arrivals.set(`Nova mensagem ${i}`, Date.now());
  }
  // Wait (bounded) for the last ones: at most two more poll intervals.
  const deadline = Date.now() + 2 * POLL_MS + 30_000;
  const done = async () =>
    store.db
      .selectFrom('sync_outbox')
      .select(['payload', 'updated_at'])
      .where('status', '=', 'done')
      .where('kind', '=', 'add_comment')
      .execute();
  let rows = await done();
  while (rows.length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    rows = await done();
  }
  stopped = true;
  wakePump();
  await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, POLL_MS + 5000))]);
  const latencies = rows
    .map((r) => {
      const text = JSON.parse(r.payload).comment.body;
      return arrivals.has(text) ? Date.parse(r.updated_at) - arrivals.get(text) : null;
    })
    .filter((x) => x !== null)
    .sort((a, b) => a - b);

  // Baseline: a direct write the moment a message arrives (what a push API with no batching would give).
  const ticketId = Number(
    (
      await store.db
        .selectFrom('sync_conversations')
        .select('ticket_id')
        .where('external_id', '=', 'l0')
        .executeTakeFirst()
    ).ticket_id,
  );
  const direct = [];
  for (let i = 0; i < 10; i++) {
    const t = Date.now();
    await client.tickets.update(ticketId, { comment: { body: `Escrita direta ${i}`, public: false } });
    direct.push(Date.now() - t);
  }
  direct.sort((a, b) => a - b);
  await store.close();
  return { latencies, expected: count, direct };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

(async () => {
  const sandbox = await startSandbox({
    systems: ['zendesk'],
    zendesk: { rateLimitPerMinute: 1_000_000, jobDelayMs: 50 },
  });
  try {
    const bulk = await benchRequestsPerMessage(sandbox);
    console.log(
      `Requests per synced message (${CONVERSATIONS} conversations × ${MESSAGES} messages, ${bulk.synced}/${bulk.messages} synced)`,
    );
    console.log(
      `  Vitrine outbox (bulk jobs):   ${bulk.bulk} requests = ${(bulk.bulk / bulk.messages).toFixed(3)} per message, ${s(bulk.bulkMs)}`,
    );
    console.log(
      `  baseline, one per message:    ${bulk.naiveRequests} requests = ${(bulk.naiveRequests / bulk.messages).toFixed(3)} per message, ${s(bulk.naiveMs)}`,
    );
    console.log(
      `  ratio: ${(bulk.bulk / bulk.naiveRequests).toFixed(3)} of the baseline's requests (${(bulk.naiveRequests / bulk.bulk).toFixed(1)}× fewer)`,
    );

    const lat = await benchLatency(sandbox);
    const med = pct(lat.latencies, 0.5);
    const p95 = pct(lat.latencies, 0.95);
    const directMed = pct(lat.direct, 0.5);
    console.log(
      `Message-to-ticket latency at a ${s(POLL_MS)} poll interval (${lat.latencies.length}/${lat.expected} messages over ${WINDOW_S} s)`,
    );
    console.log(`  median ${s(med)}, p95 ${s(p95)}, max ${s(lat.latencies.at(-1))}`);
    console.log(
      `  ratio to the poll interval: median ${(med / POLL_MS).toFixed(2)}, p95 ${(p95 / POLL_MS).toFixed(2)} (polling alone averages 0.5)`,
    );
    console.log(
      `  baseline, direct write on arrival: median ${directMed} ms → Vitrine median is ${(med / Math.max(1, directMed)).toFixed(0)}× that`,
    );
  } finally {
    await sandbox.close();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
