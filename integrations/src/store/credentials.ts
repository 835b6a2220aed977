import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from './payload-hash';
import type { Database } from './schema';
import { toStoredTime } from './time';

/**
 * Connector credentials at rest: AES-256-GCM with the 32-byte key from VITRINE_SECRET_KEY, a fresh
 * 12-byte IV per write, and the tenant and source as associated data, so a ciphertext copied onto
 * another tenant's row does not decrypt. Decrypted values are returned to the caller only: never
 * log them, nor the object holding them.
 */

/** Bumped when the key or the scheme changes, so old rows can be told apart and re-encrypted. */
export const CREDENTIALS_KEY_VERSION = 1;

export type CredentialValues = Record<string, string>;

export class CredentialsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredentialsError';
  }
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Why a VITRINE_SECRET_KEY value is unusable, in one sentence; undefined when it is fine. */
export function secretKeyProblem(value: string): string | undefined {
  const trimmed = value.trim();
  let bytes: number;
  // A short value can read as both base64 and hex: base64 wins when its length fits (that is what
  // `openssl rand -base64` prints), so the byte count in the message matches what was generated.
  if (HEX_KEY.test(trimmed)) bytes = 32;
  else if (BASE64_KEY.test(trimmed) && trimmed.length % 4 === 0)
    bytes = Buffer.from(trimmed, 'base64').length;
  else if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) bytes = trimmed.length / 2;
  else if (BASE64_KEY.test(trimmed)) bytes = Buffer.from(trimmed, 'base64').length;
  else bytes = Buffer.byteLength(trimmed);
  if (bytes === 32) return undefined;
  return (
    `VITRINE_SECRET_KEY must be 32 bytes in base64 or hex (got ${bytes} bytes). ` +
    'Generate one with: openssl rand -base64 32'
  );
}

/** Decodes VITRINE_SECRET_KEY (base64 or hex, 32 bytes). */
export function parseSecretKey(value: string): Buffer {
  const problem = secretKeyProblem(value);
  if (problem) throw new CredentialsError(problem);
  const trimmed = value.trim();
  return HEX_KEY.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
}

/** A new random key, base64, for sandbox mode. */
export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

export async function saveCredentials(
  db: Kysely<Database>,
  key: Buffer,
  target: { tenantId: string; source: string },
  values: CredentialValues,
): Promise<void> {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(target));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  const row = {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    key_version: CREDENTIALS_KEY_VERSION,
    updated_at: toStoredTime(),
  };
  await db
    .insertInto('connector_credentials')
    .values({ tenant_id: target.tenantId, source: target.source, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'source']).doUpdateSet(row))
    .execute();
}

/**
 * Stores credentials that come from the configuration, unless these same configured values were
 * already provisioned: then the row is left alone, because the service may have replaced them since
 * (a rotated refresh token) and the configured copy is stale. Changing the configuration applies it.
 */
export async function provisionCredentials(
  db: Kysely<Database>,
  key: Buffer,
  target: { tenantId: string; source: string },
  configured: CredentialValues,
): Promise<'saved' | 'unchanged'> {
  const configHash = createHmac('sha256', key)
    .update(`vitrine-config\n${canonicalJson(configured)}`)
    .digest('base64');
  const row = await db
    .selectFrom('connector_credentials')
    .select('config_hash')
    .where('tenant_id', '=', target.tenantId)
    .where('source', '=', target.source)
    .executeTakeFirst();
  if (row?.config_hash === configHash) return 'unchanged';
  await saveCredentials(db, key, target, configured);
  await db
    .updateTable('connector_credentials')
    .set({ config_hash: configHash })
    .where('tenant_id', '=', target.tenantId)
    .where('source', '=', target.source)
    .execute();
  return 'saved';
}

/** The decrypted credentials, or undefined when none are stored for this tenant and source. */
export async function loadCredentials(
  db: Kysely<Database>,
  key: Buffer,
  target: { tenantId: string; source: string },
): Promise<CredentialValues | undefined> {
  assertKey(key);
  const row = await db
    .selectFrom('connector_credentials')
    .selectAll()
    .where('tenant_id', '=', target.tenantId)
    .where('source', '=', target.source)
    .executeTakeFirst();
  if (!row) return undefined;
  const what = `the ${target.source} credentials of tenant ${target.tenantId}`;
  if (Number(row.key_version) !== CREDENTIALS_KEY_VERSION) {
    throw new CredentialsError(
      `Cannot read ${what}: they were saved with key version ${row.key_version}, this service uses ${CREDENTIALS_KEY_VERSION}. Save the credentials again.`,
    );
  }
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(row.iv, 'base64'));
    decipher.setAAD(associatedData(target));
    decipher.setAuthTag(Buffer.from(row.tag, 'base64'));
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(row.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch (err) {
    throw new CredentialsError(
      `Cannot decrypt ${what}: VITRINE_SECRET_KEY is not the key they were saved with. ` +
        'Restore the previous key, or save the credentials again.',
      { cause: err },
    );
  }
  return JSON.parse(plaintext) as CredentialValues;
}

export async function listCredentialSources(db: Kysely<Database>, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('connector_credentials')
    .select('source')
    .where('tenant_id', '=', tenantId)
    .orderBy('source')
    .execute();
  return rows.map((r) => r.source);
}

function associatedData(target: { tenantId: string; source: string }): Buffer {
  return Buffer.from(`vitrine-credentials\n${target.tenantId}\n${target.source}`, 'utf8');
}

function assertKey(key: Buffer): void {
  if (key.length !== 32)
    throw new CredentialsError(`The credentials key must be 32 bytes (got ${key.length}).`);
}
