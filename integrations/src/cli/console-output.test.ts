import { formatStatus } from './commands/status';
import { progressPrinter } from './progress';

describe('progress lines of long runs', () => {
  it('prints each page that brought records and a stream catching up once', () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    const page = { tenantId: 'loja', stream: 'americanas.sac' };
    print({ ...page, records: 50, total: 50, caughtUp: false });
    print({ ...page, records: 7, total: 57, caughtUp: true });
    print({ ...page, records: 0, total: 57, caughtUp: true });
    print({ ...page, records: 0, total: 57, caughtUp: true });
    expect(lines).toEqual([
      '[loja] americanas.sac: +50 (50 records)',
      '[loja] americanas.sac: +7 (57 records)',
      '[loja] americanas.sac: up to date (57 records)',
    ]);
  });
});

describe('vitrine status (text)', () => {
  it('shows a table per tenant with lag, errors, quarantine and the outbox', () => {
    const text = formatStatus({
      tenants: [
        {
          id: 'loja',
          streams: [
            {
              name: 'mercadolivre.messages',
              records: 1204,
              lastSyncedAt: '2026-11-22T10:00:00.000Z',
              lagSeconds: 3900,
              errors: 2,
              lastError: 'HTTP 503',
              quarantined: 1,
            },
          ],
          outbox: { pending: 3, failed: 1 },
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'loja',
      '  stream                 records               last synced    lag  errors  quarantined',
      '  mercadolivre.messages     1204  2026-11-22T10:00:00.000Z  65min       2            1',
      '  mercadolivre.messages last error: HTTP 503',
      '  outbox: 3 pending, 1 failed',
      '',
    ]);
  });

  it('says how to start when nothing ran yet', () => {
    expect(formatStatus({ tenants: [] })).toContain('npm start');
  });
});
