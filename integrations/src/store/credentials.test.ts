import { randomBytes } from 'node:crypto';
import {
  CredentialsError,
  listCredentialSources,
  loadCredentials,
  provisionCredentials,
  parseSecretKey,
  saveCredentials,
  secretKeyProblem,
} from './credentials';
import { upsertTenant } from './tenants';
import { describeEachEngine } from './testing';

describe('VITRINE_SECRET_KEY parsing', () => {
  it('accepts 32 bytes in base64 or hex', () => {
    const bytes = randomBytes(32);
    expect(parseSecretKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseSecretKey(` ${bytes.toString('base64')}\n`)).toEqual(bytes);
  });

  it('explains a short key in one sentence with the fix', () => {
    expect(secretKeyProblem(randomBytes(12).toString('base64'))).toBe(
      'VITRINE_SECRET_KEY must be 32 bytes in base64 or hex (got 12 bytes). Generate one with: openssl rand -base64 32',
    );
    expect(secretKeyProblem(randomBytes(15).toString('hex'))).toContain('(got 15 bytes)');
    expect(() => parseSecretKey('senha123')).toThrow(CredentialsError);
  });
});

describeEachEngine('connector credentials at rest', (engine) => {
  const key = randomBytes(32);
  const secret = { token: 'TOKENMM-super-secreto-123', sellerId: '4242' };

  beforeAll(async () => {
    for (const id of ['loja-a', 'loja-b']) {
      await upsertTenant(engine.store.db, { id, subdomain: id, name: id, zendeskBaseUrl: 'x' });
    }
  });

  it('round-trips and stores no plaintext', async () => {
    await saveCredentials(engine.store.db, key, { tenantId: 'loja-a', source: 'madeiramadeira' }, secret);
    expect(
      await loadCredentials(engine.store.db, key, { tenantId: 'loja-a', source: 'madeiramadeira' }),
    ).toEqual(secret);

    const row = await engine.store.db
      .selectFrom('connector_credentials')
      .selectAll()
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('TOKENMM-super-secreto-123');
    expect(Buffer.from(row.ciphertext, 'base64').toString('utf8')).not.toContain('super-secreto');
    expect(await listCredentialSources(engine.store.db, 'loja-a')).toEqual(['madeiramadeira']);
  });

  it('uses a fresh IV on every save', async () => {
    const target = { tenantId: 'loja-a', source: 'mercadolivre' };
    await saveCredentials(engine.store.db, key, target, secret);
    const first = await engine.store.db
      .selectFrom('connector_credentials')
      .selectAll()
      .where('source', '=', 'mercadolivre')
      .executeTakeFirstOrThrow();
    await saveCredentials(engine.store.db, key, target, secret);
    const second = await engine.store.db
      .selectFrom('connector_credentials')
      .selectAll()
      .where('source', '=', 'mercadolivre')
      .executeTakeFirstOrThrow();
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('another tenant gets nothing', async () => {
    expect(
      await loadCredentials(engine.store.db, key, { tenantId: 'loja-b', source: 'madeiramadeira' }),
    ).toBeUndefined();
  });

  it('a wrong key fails with a clear error that leaks no value', async () => {
    const attempt = loadCredentials(engine.store.db, randomBytes(32), {
      tenantId: 'loja-a',
      source: 'madeiramadeira',
    });
    await expect(attempt).rejects.toThrow(CredentialsError);
    await expect(attempt).rejects.toThrow(
      'Cannot decrypt the madeiramadeira credentials of tenant loja-a: VITRINE_SECRET_KEY is not the key they were saved with. Restore the previous key, or save the credentials again.',
    );
  });

  it("a ciphertext copied onto another tenant's row does not decrypt", async () => {
    const row = await engine.store.db
      .selectFrom('connector_credentials')
      .selectAll()
      .where('tenant_id', '=', 'loja-a')
      .where('source', '=', 'madeiramadeira')
      .executeTakeFirstOrThrow();
    await engine.store.db
      .insertInto('connector_credentials')
      .values({ ...row, tenant_id: 'loja-b' })
      .execute();
    await expect(
      loadCredentials(engine.store.db, key, { tenantId: 'loja-b', source: 'madeiramadeira' }),
    ).rejects.toThrow(CredentialsError);
  });

  it('a restart with the same configuration keeps credentials the service rotated since', async () => {
    const target = { tenantId: 'loja-b', source: 'mercadolivre' };
    const configured = { clientId: 'app', clientSecret: 's', refreshToken: 'TG-1' };
    expect(await provisionCredentials(engine.store.db, key, target, configured)).toBe('saved');
    // Mercado Livre refresh tokens are single-use: the connector stores the new one.
    await saveCredentials(engine.store.db, key, target, { ...configured, refreshToken: 'TG-2' });

    expect(await provisionCredentials(engine.store.db, key, target, configured)).toBe('unchanged');
    expect(await loadCredentials(engine.store.db, key, target)).toMatchObject({ refreshToken: 'TG-2' });

    // The admin reconnected the account and put the new token in the configuration: it applies.
    expect(
      await provisionCredentials(engine.store.db, key, target, { ...configured, refreshToken: 'TG-9' }),
    ).toBe('saved');
    expect(await loadCredentials(engine.store.db, key, target)).toMatchObject({ refreshToken: 'TG-9' });
  });
});
