import { SANDBOX_MARKETPLACE_CREDENTIALS } from '../config/sandbox-tenant';
import { startSandbox, type RunningSandbox } from '../sandbox/core/test-server';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import type { ConnectorLogger } from '../sync/connector';
import { ingestOrders } from './ingest';
import { loadOrderByNumber } from './order-store';

const TENANT = 'loja-americanas';
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as unknown as ConnectorLogger;
const creds = SANDBOX_MARKETPLACE_CREDENTIALS.americanas;

/**
 * An Americanas SAC ticket names its order as `order_code` (`02-1000000004`), while the orders queue
 * hands the order out under SkyHub's full code (`Lojas Americanas-201000000004001`). The sidebar
 * looks the order up by the SAC's number: both must lead to the same stored order.
 */
describeEachEngine('Americanas orders found from their SAC tickets', (engine) => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
    await upsertTenant(engine.store.db, {
      id: TENANT,
      subdomain: TENANT,
      name: TENANT,
      zendeskBaseUrl: 'https://x.zendesk.com',
    });
  });
  afterAll(() => sandbox.close());

  it("every SAC ticket's order_code finds the order the queue delivered, shown under the SAC's number", async () => {
    const americanas = {
      tenantId: TENANT,
      baseUrl: sandbox.baseUrl('americanas'),
      credentials: { ...creds },
      log: quiet,
    };
    const report = await ingestOrders(engine.store.db, { tenantId: TENANT, sources: { americanas } });
    expect(report.americanas?.inserted).toBeGreaterThan(0);

    const headers = {
      'x-user-email': creds.userEmail!,
      'x-api-key': creds.apiKey!,
      'x-accountmanager-key': creds.accountManagerKey!,
    };
    const sacs: Array<{ code: string; order_code: string }> = [];
    for (let url: string | null = `${sandbox.baseUrl('americanas')}/sac`; url;) {
      const page = (await (await fetch(url, { headers })).json()) as {
        sacs: typeof sacs;
        next_page?: string | null;
      };
      sacs.push(...page.sacs);
      // SkyHub's next_page is an absolute api.skyhub.com.br URL: keep its cursor, not its host.
      url =
        page.sacs.length > 0 && page.next_page
          ? `${sandbox.baseUrl('americanas')}/sac${new URL(page.next_page).search}`
          : null;
    }
    expect(sacs.length).toBeGreaterThan(0);
    for (const sac of sacs) {
      const order = await loadOrderByNumber(engine.store.db, TENANT, sac.order_code, 'americanas');
      // Shown as the number the SAC quotes (02-1000000004 → 1000000004), not the entrega number.
      expect({ sac: sac.order_code, externalId: order?.externalId, number: order?.number }).toEqual({
        sac: sac.order_code,
        externalId: sac.code,
        number: sac.order_code.replace(/^\d{2}-/, ''),
      });
    }
  });
});
