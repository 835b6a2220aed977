import { sql } from 'kysely';
import { advanceCheckpoint, getCheckpoint, listCheckpoints, recordStreamFailure } from './checkpoints';
import { tableExists } from './db';
import { migrateToLatest, MIGRATIONS } from './migrations';
import {
  countQuarantinedByStream,
  listQuarantined,
  quarantineRecord,
  releaseFromQuarantine,
} from './quarantine';
import { countRawRecordsByStream, getRawRecord, listRawRecords, upsertRawRecord } from './raw-records';
import { getTenant, getTenantBySubdomain, listTenants, upsertTenant } from './tenants';
import { describeEachEngine } from './testing';

describeEachEngine(
  'migrations',
  (engine) => {
    it('creates every table once and running them again changes nothing', async () => {
      const first = await migrateToLatest(engine.store);
      expect(first.applied).toEqual(Object.keys(MIGRATIONS));

      const second = await migrateToLatest(engine.store);
      expect(second.applied).toEqual([]);

      for (const table of [
        'tenants',
        'connector_credentials',
        'stream_checkpoints',
        'quarantine',
        'raw_records',
      ]) {
        expect(await tableExists(engine.store, table)).toBe(true);
      }
    });

    it('is safe when two processes migrate the same database at once', async () => {
      const other = await engine.openStore();
      const outcomes = await Promise.all([migrateToLatest(engine.store), migrateToLatest(other)]);
      expect(outcomes.flatMap((o) => o.applied)).toEqual([]);
    });
  },
  { migrate: false },
);

describeEachEngine('raw records', (engine) => {
  beforeAll(async () => {
    await upsertTenant(engine.store.db, {
      id: 'loja-a',
      subdomain: 'loja-a',
      name: 'Loja A',
      zendeskBaseUrl: 'x',
    });
    await upsertTenant(engine.store.db, {
      id: 'loja-b',
      subdomain: 'loja-b',
      name: 'Loja B',
      zendeskBaseUrl: 'x',
    });
  });

  const session = { id: 'S-1', status_id: 1, messages: [{ id: 'm1', text: 'Olá, meu pedido não chegou' }] };

  it('stores a record once: reading it again is not a change, even with its fields reordered', async () => {
    const key = { tenantId: 'loja-a', source: 'madeiramadeira', externalId: 'S-1' };
    const first = await upsertRawRecord(engine.store.db, {
      ...key,
      stream: 'madeiramadeira.sessions',
      payload: session,
    });
    const again = await upsertRawRecord(engine.store.db, {
      ...key,
      stream: 'madeiramadeira.sessions',
      payload: { messages: session.messages, status_id: 1, id: 'S-1' },
    });
    expect(first.changed).toBe(true);
    expect(again).toEqual({ changed: false, payloadHash: first.payloadHash });

    const rows = await listRawRecords(engine.store.db, { tenantId: 'loja-a' });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.payload).toEqual(session);
  });

  it('a new message on the same conversation updates the one stored record', async () => {
    const key = { tenantId: 'loja-a', source: 'madeiramadeira', externalId: 'S-1' };
    const updated = { ...session, messages: [...session.messages, { id: 'm2', text: 'Alguma novidade?' }] };
    const outcome = await upsertRawRecord(engine.store.db, {
      ...key,
      stream: 'madeiramadeira.sessions',
      payload: updated,
    });
    expect(outcome.changed).toBe(true);
    expect((await getRawRecord(engine.store.db, key))?.payload).toEqual(updated);
    expect(await countRawRecordsByStream(engine.store.db, 'loja-a')).toEqual(
      new Map([['madeiramadeira.sessions', 1]]),
    );
  });

  it("never returns another tenant's records", async () => {
    await upsertRawRecord(engine.store.db, {
      tenantId: 'loja-b',
      source: 'madeiramadeira',
      stream: 'madeiramadeira.sessions',
      externalId: 'S-1',
      payload: { id: 'S-1', from: 'b' },
    });
    await upsertRawRecord(engine.store.db, {
      tenantId: 'loja-b',
      source: 'mercadolivre',
      stream: 'mercadolivre.messages',
      externalId: 'P-9',
      payload: { id: 'P-9' },
    });

    const a = await getRawRecord(engine.store.db, {
      tenantId: 'loja-a',
      source: 'madeiramadeira',
      externalId: 'S-1',
    });
    const b = await getRawRecord(engine.store.db, {
      tenantId: 'loja-b',
      source: 'madeiramadeira',
      externalId: 'S-1',
    });
    expect(a?.payload).not.toEqual(b?.payload);
    expect(b?.payload).toEqual({ id: 'S-1', from: 'b' });
    expect((await listRawRecords(engine.store.db, { tenantId: 'loja-a' })).map((r) => r.tenantId)).toEqual([
      'loja-a',
    ]);
    expect(await countRawRecordsByStream(engine.store.db, 'loja-a')).toEqual(
      new Map([['madeiramadeira.sessions', 1]]),
    );
    expect(await countRawRecordsByStream(engine.store.db, 'loja-b')).toEqual(
      new Map([
        ['madeiramadeira.sessions', 1],
        ['mercadolivre.messages', 1],
      ]),
    );
  });

  it('an upsert rolled back with its transaction leaves nothing behind', async () => {
    const key = { tenantId: 'loja-a', source: 'mercadolivre', externalId: 'P-rollback' };
    await expect(
      engine.store.db.transaction().execute(async (trx) => {
        await upsertRawRecord(trx, {
          ...key,
          stream: 'mercadolivre.messages',
          payload: { id: 'P-rollback' },
        });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await getRawRecord(engine.store.db, key)).toBeUndefined();
  });
});

describeEachEngine('tenants', (engine) => {
  it('upserts by id and finds by subdomain', async () => {
    await upsertTenant(engine.store.db, {
      id: 't1',
      subdomain: 'moveis',
      name: 'Móveis',
      zendeskBaseUrl: 'a',
    });
    const created = await getTenant(engine.store.db, 't1');
    await upsertTenant(engine.store.db, {
      id: 't1',
      subdomain: 'moveis',
      name: 'Móveis SA',
      zendeskBaseUrl: 'b',
    });
    const updated = await getTenantBySubdomain(engine.store.db, 'moveis');
    expect(updated).toEqual({ ...created, name: 'Móveis SA', zendeskBaseUrl: 'b' });
    expect(await listTenants(engine.store.db)).toHaveLength(1);
  });

  it('refuses a second tenant on the same subdomain', async () => {
    // Not `.rejects.toThrow()`: better-sqlite3 is a native module loaded once per jest worker, so its
    // errors may come from another test file's realm and fail jest's `instanceof Error` check.
    await expect(
      upsertTenant(engine.store.db, { id: 't2', subdomain: 'moveis', name: 'Outra', zendeskBaseUrl: 'a' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
  });

  it('removing a tenant removes its rows', async () => {
    await upsertTenant(engine.store.db, { id: 'gone', subdomain: 'gone', name: 'Gone', zendeskBaseUrl: 'a' });
    await advanceCheckpoint(engine.store.db, { tenantId: 'gone', stream: 'x.y', cursor: '1', records: 1 });
    await engine.store.db.deleteFrom('tenants').where('id', '=', 'gone').execute();
    expect(await listCheckpoints(engine.store.db, 'gone')).toEqual([]);
  });
});

describeEachEngine('checkpoints and quarantine', (engine) => {
  beforeAll(async () => {
    for (const id of ['loja-a', 'loja-b']) {
      await upsertTenant(engine.store.db, { id, subdomain: id, name: id, zendeskBaseUrl: 'x' });
    }
  });

  it('advances the cursor, counts records and clears errors after a failure', async () => {
    const db = engine.store.db;
    await advanceCheckpoint(db, { tenantId: 'loja-a', stream: 'americanas.sac', cursor: 'p1', records: 50 });
    await recordStreamFailure(db, { tenantId: 'loja-a', stream: 'americanas.sac', error: 'HTTP 503' });
    await recordStreamFailure(db, { tenantId: 'loja-a', stream: 'americanas.sac', error: 'HTTP 503' });
    const failed = await getCheckpoint(db, 'loja-a', 'americanas.sac');
    expect(failed).toMatchObject({ cursor: 'p1', records: 50, errors: 2, lastError: 'HTTP 503' });

    await advanceCheckpoint(db, { tenantId: 'loja-a', stream: 'americanas.sac', cursor: 'p2', records: 7 });
    const ok = await getCheckpoint(db, 'loja-a', 'americanas.sac');
    expect(ok).toMatchObject({ cursor: 'p2', records: 57, errors: 0, lastError: null });
    expect(ok?.lastSyncedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await getCheckpoint(db, 'loja-b', 'americanas.sac')).toBeUndefined();
  });

  it('quarantines a bad record once, per tenant, and releases it', async () => {
    const db = engine.store.db;
    const bad = { code: 'X', chats: 'not-an-array' };
    await quarantineRecord(db, {
      tenantId: 'loja-a',
      stream: 'americanas.sac',
      externalId: 'X',
      reason: 'chats: expected array',
      payload: bad,
    });
    await quarantineRecord(db, {
      tenantId: 'loja-a',
      stream: 'americanas.sac',
      externalId: 'X',
      reason: 'chats: expected array',
      payload: bad,
    });
    await quarantineRecord(db, {
      tenantId: 'loja-a',
      stream: 'americanas.sac',
      reason: 'no code',
      payload: { chats: [] },
    });
    await quarantineRecord(db, {
      tenantId: 'loja-b',
      stream: 'americanas.sac',
      externalId: 'X',
      reason: 'b',
      payload: {},
    });

    const listed = await listQuarantined(db, { tenantId: 'loja-a' });
    expect(listed.map((q) => q.externalId).sort()).toEqual([
      'X',
      expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    ]);
    expect(listed.find((q) => q.externalId === 'X')).toMatchObject({
      reason: 'chats: expected array',
      payload: bad,
    });
    expect(await countQuarantinedByStream(db, 'loja-a')).toEqual(new Map([['americanas.sac', 2]]));

    await releaseFromQuarantine(db, { tenantId: 'loja-a', stream: 'americanas.sac', externalId: 'X' });
    expect(await countQuarantinedByStream(db, 'loja-a')).toEqual(new Map([['americanas.sac', 1]]));
    expect(await countQuarantinedByStream(db, 'loja-b')).toEqual(new Map([['americanas.sac', 1]]));
  });

  it('timestamps sort as text in time order on this engine', async () => {
    const rows = await sql<{
      ok: number;
    }>`select case when ${'2026-01-02T00:00:00.000Z'} > ${'2025-12-31T23:59:59.999Z'} then 1 else 0 end as ok`.execute(
      engine.store.db,
    );
    expect(Number(rows.rows[0]?.ok)).toBe(1);
  });
});

describeEachEngine(
  'tableExists',
  (engine) => {
    it("sees only this store's tables, not another schema's", async () => {
      const other = await engine.openStore();
      // Another application (or test suite) in the same PostgreSQL database has a `tenants` table.
      const sibling = `${engine.pgSchema}_other`;
      if (engine.dialect === 'postgres') {
        await sql
          .raw(`create schema ${sibling}; create table ${sibling}.tenants (id text)`)
          .execute(other.db);
      }
      try {
        expect(await tableExists(other, 'tenants')).toBe(false);
        await migrateToLatest(engine.store);
        expect(await tableExists(other, 'tenants')).toBe(true);
        expect(await tableExists(other, 'no_such_table')).toBe(false);
      } finally {
        if (engine.dialect === 'postgres') await sql.raw(`drop schema ${sibling} cascade`).execute(other.db);
      }
    });
  },
  { migrate: false },
);
