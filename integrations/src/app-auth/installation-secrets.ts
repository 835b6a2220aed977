import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SANDBOX_TENANT_ID } from '../config/sandbox-tenant';
import type { Store } from '../store/db';
import type { Database } from '../store/schema';
import { upsertTenant } from '../store/tenants';
import { toStoredTime } from '../store/time';

/**
 * The shared secret of each app installation, at rest: AES-256-GCM with the service's secret key
 * (VITRINE_SECRET_KEY, the one that protects connector credentials), a fresh IV per write, and the
 * tenant and installation as associated data, so a ciphertext copied onto another tenant's row does
 * not decrypt. The same secret is typed into the app's secure setting `serviceSecret`.
 */

export const INSTALLATION_KEY_VERSION = 1;

export class InstallationSecretError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InstallationSecretError';
  }
}

export interface InstallationSecret {
  tenantId: string;
  installationId: string;
  secret: string;
}

/** A new secret to paste into the app's `serviceSecret` setting: 32 random bytes, base64url. */
export function generateInstallationSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Saves (or rotates) an installation's secret; tokens signed with the previous one stop verifying. */
export async function saveInstallationSecret(
  db: Kysely<Database>,
  key: Buffer,
  installation: InstallationSecret,
  now: Date = new Date(),
): Promise<void> {
  if (installation.secret.length < 16) {
    throw new InstallationSecretError(
      'The app installation secret must have at least 16 characters; generate one with: openssl rand -base64 32',
    );
  }
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(installation));
  const ciphertext = Buffer.concat([cipher.update(installation.secret, 'utf8'), cipher.final()]);
  const sealed = {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    key_version: INSTALLATION_KEY_VERSION,
    revoked_at: null,
  };
  await db
    .insertInto('app_installations')
    .values({
      tenant_id: installation.tenantId,
      installation_id: installation.installationId,
      created_at: toStoredTime(now),
      ...sealed,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'installation_id']).doUpdateSet(sealed))
    .execute();
}

export async function revokeInstallation(
  db: Kysely<Database>,
  target: { tenantId: string; installationId: string },
  now: Date = new Date(),
): Promise<void> {
  await db
    .updateTable('app_installations')
    .set({ revoked_at: toStoredTime(now) })
    .where('tenant_id', '=', target.tenantId)
    .where('installation_id', '=', target.installationId)
    .execute();
}

/** The decrypted secrets of a tenant's active installations (usually one). */
export async function loadInstallationSecrets(
  db: Kysely<Database>,
  key: Buffer,
  tenantId: string,
): Promise<InstallationSecret[]> {
  assertKey(key);
  const rows = await db
    .selectFrom('app_installations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((row) => {
    const target = { tenantId, installationId: row.installation_id };
    if (Number(row.key_version) !== INSTALLATION_KEY_VERSION) {
      throw new InstallationSecretError(
        `The app secret of installation ${row.installation_id} (tenant ${tenantId}) was saved with key version ${row.key_version}; save it again.`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(row.iv, 'base64'));
      decipher.setAAD(associatedData(target));
      decipher.setAuthTag(Buffer.from(row.tag, 'base64'));
      const secret = Buffer.concat([
        decipher.update(Buffer.from(row.ciphertext, 'base64')),
        decipher.final(),
      ]).toString('utf8');
      return { ...target, secret };
    } catch (err) {
      throw new InstallationSecretError(
        `Cannot decrypt the app secret of installation ${row.installation_id} (tenant ${tenantId}): ` +
          'VITRINE_SECRET_KEY is not the key it was saved with. Restore that key or save the secret again.',
        { cause: err },
      );
    }
  });
}

/** Installation id of the demo app in sandbox mode (the workbench hosts it). */
export const SANDBOX_INSTALLATION_ID = 'sandbox-ticket-sidebar';

/**
 * The demo installation's secret in sandbox mode, created on first use: the workbench signs its
 * requests with it as the Zendesk proxy would. Derived from the service's secret key, so it stays
 * the same across restarts, and stored like any installation's secret so it is verified the same way.
 */
export async function sandboxInstallationSecret(store: Store, secretKey: Buffer): Promise<string> {
  const secret = createHmac('sha256', secretKey).update('vitrine-demo app installation').digest('base64url');
  const existing = await loadInstallationSecrets(store.db, secretKey, SANDBOX_TENANT_ID).catch(() => []);
  if (existing.some((i) => i.installationId === SANDBOX_INSTALLATION_ID && i.secret === secret))
    return secret;
  const tenant = await store.db
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', SANDBOX_TENANT_ID)
    .executeTakeFirst();
  if (!tenant) {
    await upsertTenant(store.db, {
      id: SANDBOX_TENANT_ID,
      subdomain: SANDBOX_TENANT_ID,
      name: 'Vitrine Demo (sandbox)',
      zendeskBaseUrl: 'http://127.0.0.1/sandbox/zendesk',
    });
  }
  await saveInstallationSecret(store.db, secretKey, {
    tenantId: SANDBOX_TENANT_ID,
    installationId: SANDBOX_INSTALLATION_ID,
    secret,
  });
  return secret;
}

function associatedData(target: { tenantId: string; installationId: string }): Buffer {
  return Buffer.from(`vitrine-app-installation\n${target.tenantId}\n${target.installationId}`, 'utf8');
}

function assertKey(key: Buffer): void {
  if (key.length !== 32)
    throw new InstallationSecretError(`The service secret key must be 32 bytes (got ${key.length}).`);
}
