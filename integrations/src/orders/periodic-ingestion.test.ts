import type { TenantConfig } from '../config/types';
import type { Logger } from '../logging';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import { loadOrderByNumber } from './order-store';
import { startPeriodicOrderIngestion, type PeriodicIngestion } from './periodic-ingestion';

const TENANT = 'loja-periodica';
const HOUR = 3_600_000;

const tenant = {
  id: TENANT,
  subdomain: TENANT,
  name: TENANT,
  zendesk: {},
  marketplaces: {},
} as unknown as TenantConfig;

/** Counts finished runs (one "orders ingested" line per tenant and run). */
function countingLogger(onRun: () => void = () => undefined) {
  const runs = { count: 0 };
  const log = {
    info: (_: unknown, message: string) => {
      if (message === 'orders ingested') {
        runs.count++;
        onRun();
      }
    },
    warn: () => undefined,
    child: () => log,
  };
  return { log: log as unknown as Logger, runs };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachEngine('periodic order ingestion', (engine) => {
  let ingestion: PeriodicIngestion | undefined;

  beforeAll(async () => {
    await upsertTenant(engine.store.db, {
      id: TENANT,
      subdomain: TENANT,
      name: TENANT,
      zendeskBaseUrl: 'https://x.zendesk.com',
    });
  });

  afterEach(() => ingestion?.stop());

  it('brings the order of a conversation synced after the last run when asked, not an hour later', async () => {
    const { db } = engine.store;
    const { log, runs } = countingLogger();
    ingestion = startPeriodicOrderIngestion({ db, tenants: [tenant], log, intervalMs: HOUR, minGapMs: 0 });
    await until(() => runs.count === 1);

    // The conversation's record (with the order the connector joined) lands after that run.
    await db
      .insertInto('raw_records')
      .values({
        tenant_id: TENANT,
        source: 'madeiramadeira',
        stream: 'madeiramadeira.sessions',
        external_id: '9901',
        payload_hash: 'h',
        payload: JSON.stringify({
          session: { session_id: 9901, order: '72020134', order_seller: '555002' },
          history: null,
          order: {
            id_pedido: '555002',
            pedido_mm: '72020134',
            data_criacao: '2026-11-19 09:00:00',
            status: '3',
            comprador: { nome: 'Maria Silva', documento: '52998224725' },
            skus: [{ sku: 'MESA-6', nome: 'Mesa', quantidade: 1, valor_unitario: '1299.00', total: 1299 }],
          },
        }),
        updated_at: '2026-11-22T11:00:00.000Z',
      })
      .execute();
    await pause(50);
    expect(await loadOrderByNumber(db, TENANT, '72020134', 'madeiramadeira')).toBeUndefined();

    ingestion.runSoon();
    // The run stores the order, then logs its end: wait for the end, not the row, or the count races.
    await until(() => runs.count >= 2);
    expect(await loadOrderByNumber(db, TENANT, '72020134', 'madeiramadeira')).toBeDefined();
    expect(runs.count).toBe(2);
  });

  it('folds requests made during a run into one more run', async () => {
    let ask: () => void = () => undefined;
    const { log, runs } = countingLogger(() => ask());
    ingestion = startPeriodicOrderIngestion({
      db: engine.store.db,
      tenants: [tenant],
      log,
      intervalMs: HOUR,
      minGapMs: 0,
    });
    // Three ticket opens while the first run is under way.
    ask = () => {
      ask = () => undefined;
      for (let i = 0; i < 3; i++) ingestion!.runSoon();
    };
    await until(() => runs.count === 2);
    await pause(100);
    expect(runs.count).toBe(2);
  });

  it('does not start a requested run within minGapMs of the last one', async () => {
    const { log, runs } = countingLogger();
    ingestion = startPeriodicOrderIngestion({
      db: engine.store.db,
      tenants: [tenant],
      log,
      intervalMs: HOUR,
      minGapMs: HOUR / 60,
    });
    await until(() => runs.count === 1);
    ingestion.runSoon();
    await pause(200);
    expect(runs.count).toBe(1);
  });
});
