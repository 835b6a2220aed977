import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import { loadInstallationSecrets, revokeInstallation, saveInstallationSecret } from './installation-secrets';
import { createAppTokenVerifier } from './verify-token';

const TENANT = 'loja-rotacao';
const sign = (secret: string, claims: object = {}) =>
  jwt.sign({ tenant: TENANT, ...claims }, secret, { algorithm: 'HS256', expiresIn: 60 });

describeEachEngine('app installation secrets', (engine) => {
  const key = randomBytes(32);

  beforeAll(async () => {
    await upsertTenant(engine.store.db, {
      id: TENANT,
      subdomain: TENANT,
      name: TENANT,
      zendeskBaseUrl: 'https://x',
    });
  });

  it('keeps the secret encrypted at rest and readable only with the service key', async () => {
    const { db } = engine.store;
    await saveInstallationSecret(db, key, {
      tenantId: TENANT,
      installationId: '1',
      secret: 'segredo-numero-um-123456',
    });
    const row = await db
      .selectFrom('app_installations')
      .selectAll()
      .where('tenant_id', '=', TENANT)
      .executeTakeFirst();
    expect(JSON.stringify(row)).not.toContain('segredo-numero-um');
    expect((await loadInstallationSecrets(db, key, TENANT)).map((s) => s.secret)).toEqual([
      'segredo-numero-um-123456',
    ]);
    await expect(loadInstallationSecrets(db, randomBytes(32), TENANT)).rejects.toThrow(/VITRINE_SECRET_KEY/);
  });

  it('stops accepting a rotated or revoked secret once the cache is forgotten', async () => {
    const { db } = engine.store;
    const verifier = createAppTokenVerifier({ db, secretKey: key });
    await saveInstallationSecret(db, key, {
      tenantId: TENANT,
      installationId: '1',
      secret: 'segredo-numero-um-123456',
    });
    await expect(verifier.verify(sign('segredo-numero-um-123456', { ticket_id: 5 }))).resolves.toEqual({
      tenantId: TENANT,
      installationId: '1',
      ticketId: 5,
    });

    await saveInstallationSecret(db, key, {
      tenantId: TENANT,
      installationId: '1',
      secret: 'segredo-numero-dois-654321',
    });
    verifier.forget(TENANT);
    await expect(verifier.verify(sign('segredo-numero-um-123456'))).rejects.toMatchObject({
      reason: 'invalid_token',
    });
    await expect(verifier.verify(sign('segredo-numero-dois-654321'))).resolves.toMatchObject({
      tenantId: TENANT,
    });

    await revokeInstallation(db, { tenantId: TENANT, installationId: '1' });
    verifier.forget(TENANT);
    await expect(verifier.verify(sign('segredo-numero-dois-654321'))).rejects.toMatchObject({
      reason: 'invalid_token',
    });
  });

  it('refuses a token whose iat is in the future', async () => {
    const { db } = engine.store;
    await saveInstallationSecret(db, key, {
      tenantId: TENANT,
      installationId: '2',
      secret: 'segredo-numero-tres-000000',
    });
    const verifier = createAppTokenVerifier({ db, secretKey: key });
    const now = Math.floor(Date.now() / 1000);
    const future = jwt.sign(
      { tenant: TENANT, iat: now + 600, exp: now + 660 },
      'segredo-numero-tres-000000',
      {
        algorithm: 'HS256',
      },
    );
    await expect(verifier.verify(future)).rejects.toMatchObject({ reason: 'invalid_token' });
  });
});
