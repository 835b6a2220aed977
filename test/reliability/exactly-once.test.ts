import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { SANDBOX_AGENTS } from '../../integrations/src/sandbox/zendesk/seed';
import { createZendeskClient } from '../../integrations/src/zendesk/client';
import { SandboxWorld, SOURCES, type ConversationCheck } from './sandbox-world';
import {
  freePort,
  freshPostgresDatabase,
  postgresReachable,
  ServiceProcess,
  sleep,
  tempDataDir,
} from './service-process';

/**
 * The service's promise, tested on the real process: with 20% of simulated requests failing and
 * `kill -9` at random moments, every buyer message becomes exactly one comment, in order, on its
 * conversation's one ticket, and an agent's reply reaches the marketplace exactly once.
 * Bounded in time: each wait gives up after a fixed budget and the assertions say what is missing.
 */

const POLL_MS = 2_000;
const CONVERGE_BUDGET_MS = 4 * 60_000;

interface Reply {
  source: (typeof SOURCES)[number];
  ticketId: number;
  text: string;
}

function summarize(checks: ConversationCheck[]) {
  const problems: string[] = [];
  let missing = 0;
  for (const c of checks) {
    if (c.tickets.length > 1) problems.push(`${c.ticketExternalId}: ${c.tickets.length} tickets`);
    const got = c.tickets[0] ?? [];
    const isPrefix = got.every((text, i) => c.expected[i] === text);
    if (!isPrefix || got.length > c.expected.length) {
      problems.push(
        `${c.ticketExternalId}: comments ${JSON.stringify(got)} are not the buyer messages ${JSON.stringify(c.expected)} in order`,
      );
    }
    missing += Math.max(0, c.expected.length - got.length);
  }
  return { problems, missing };
}

const engines: Array<'sqlite' | 'postgres'> = ['sqlite', 'postgres'];

describe.each(engines)('service delivers exactly once across faults and kill -9 [%s]', (engine) => {
  let unreachable: string | null = null;
  beforeAll(async () => {
    if (engine === 'postgres') unreachable = await postgresReachable();
    if (unreachable && process.env.CI) throw new Error(`PostgreSQL is unreachable: ${unreachable}`);
  });

  it(
    'every buyer message once and in order, every agent reply once',
    async () => {
      if (unreachable) {
        console.warn(`Skipping the PostgreSQL reliability run: ${unreachable}`);
        return;
      }
      const dataDir = tempDataDir();
      const pg = engine === 'postgres' ? await freshPostgresDatabase() : undefined;
      const service = new ServiceProcess({
        port: await freePort(),
        dataDir,
        databaseUrl: pg?.url,
        env: {
          VITRINE_SANDBOX_FAULT_RATE: '0.2',
          VITRINE_POLL_INTERVAL_MS: String(POLL_MS),
          VITRINE_SANDBOX_SEED: '7',
        },
      });
      const world = () => new SandboxWorld(dataDir);
      const kills: number[] = [];
      const crash = async (maxDelayMs: number) => {
        const delay = Math.round(Math.random() * maxDelayMs);
        kills.push(delay);
        await sleep(delay);
        await service.kill9();
        await service.start();
      };

      try {
        await service.start();
        // Crashes while the first sync and the outbox are under way.
        for (let i = 0; i < 3; i++) await crash(8_000);

        // Agent replies once the tickets exist: one per marketplace, on an open conversation.
        const replies: Reply[] = [];
        const agentClient = createZendeskClient({
          baseUrl: `${service.baseUrl}/sandbox/zendesk`,
          auth: { email: SANDBOX_AGENTS[0].email, apiToken: 'agent-token' },
          tenantId: `agent-${randomBytes(3).toString('hex')}`,
        });
        const agent = await agentClient.users.me();
        for (
          let waited = 0;
          replies.length < SOURCES.length && waited < CONVERGE_BUDGET_MS;
          waited += POLL_MS
        ) {
          const w = world();
          for (const source of SOURCES) {
            if (replies.some((r) => r.source === source)) continue;
            const target = w.openConversations(source).find((c) => w.ticketId(c.ticketExternalId) !== null);
            if (!target) continue;
            const ticketId = w.ticketId(target.ticketExternalId)!;
            const text = `Olá! Conferimos o seu pedido e ele segue dentro do prazo. Protocolo ${randomBytes(3).toString('hex')}.`;
            await agentClient.tickets.addCommentOnce(ticketId, {
              body: text,
              public: true,
              author_id: agent.id,
            });
            replies.push({ source, ticketId, text });
          }
          w.close();
          if (replies.length < SOURCES.length) await sleep(POLL_MS);
        }
        expect(replies.map((r) => r.source).sort()).toEqual([...SOURCES].sort());
        // A crash right after the replies were posted (the webhook may be mid-flight, or the send).
        await crash(3_000);

        // Wait (bounded) until everything the marketplaces held before now is in Zendesk and every
        // reply was received; new buyer messages keep arriving meanwhile.
        const snapshot = new Map(
          world()
            .conversations()
            .map((c) => [c.ticketExternalId, c.expected.length]),
        );
        let last = { problems: [] as string[], missing: 0, replies: 0, behind: 0 };
        for (let waited = 0; waited < CONVERGE_BUDGET_MS; waited += POLL_MS) {
          const w = world();
          const checks = w.conversations();
          const behind = checks.filter(
            (c) => (c.tickets[0]?.length ?? 0) < (snapshot.get(c.ticketExternalId) ?? 0),
          ).length;
          const received = replies.filter((r) => w.replies(r.source).some((x) => x.text === r.text)).length;
          last = { ...summarize(checks), replies: received, behind };
          w.close();
          if (last.problems.length > 0 || (behind === 0 && received === replies.length)) break;
          await sleep(POLL_MS);
        }
        await service.stop();

        const w = world();
        const final = summarize(w.conversations());
        const context = `kills after ${kills.join(', ')} ms; last check ${JSON.stringify(last)}`;
        expect({ problems: final.problems, context }).toEqual({ problems: [], context });
        expect({ behind: last.behind, context }).toEqual({ behind: 0, context });
        expect(w.conversations().length).toBeGreaterThan(10);
        for (const reply of replies) {
          const received = w.replies(reply.source).filter((x) => x.text === reply.text);
          expect({ source: reply.source, received: received.length, context }).toEqual({
            source: reply.source,
            received: 1,
            context,
          });
        }
        w.close();
      } catch (err) {
        console.error(`service output (last lines):\n${service.output.slice(-40).join('\n')}`);
        throw err;
      } finally {
        await service.kill9();
        if (!process.env.VITRINE_KEEP_TEST_DATA) await pg?.drop().catch(() => undefined);
        // VITRINE_KEEP_TEST_DATA=1 keeps the data dir (and its sandbox.db) to investigate a failure.
        if (process.env.VITRINE_KEEP_TEST_DATA) console.warn(`test data kept in ${dataDir}`);
        else fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    12 * 60_000,
  );
});
