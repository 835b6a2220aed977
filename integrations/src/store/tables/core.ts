/**
 * Row types of the core tables (migration 001_core).
 *
 * Portable column conventions, the same on SQLite and PostgreSQL:
 * - timestamps: `text`, ISO-8601 UTC with milliseconds (`new Date().toISOString()`, always 24 chars),
 *   so they sort as text and compare with `<`/`>` on both engines; see `store/time.ts`;
 * - JSON: `text` holding `JSON.stringify(...)`;
 * - booleans: `integer` 0/1;
 * - binary (ciphertext, iv, tag): `text` base64.
 */

export interface TenantsTable {
  /** Stable tenant id; the `tenant_id` of every other row. Equals the Zendesk subdomain by default. */
  id: string;
  subdomain: string;
  name: string;
  zendesk_base_url: string;
  created_at: string;
}

export interface ConnectorCredentialsTable {
  tenant_id: string;
  /** `zendesk` or a marketplace source. */
  source: string;
  /** AES-256-GCM of the JSON credentials, base64. */
  ciphertext: string;
  iv: string;
  tag: string;
  key_version: number;
  updated_at: string;
  /**
   * HMAC (with the secret key) of the credentials as configured when this row was last provisioned
   * from the config; null when the row was written otherwise. See `provisionCredentials`.
   */
  config_hash: string | null;
}

export interface StreamCheckpointsTable {
  tenant_id: string;
  /** `<source>.<stream>`, e.g. `madeiramadeira.sessions`. */
  stream: string;
  cursor: string | null;
  last_synced_at: string | null;
  /** Records processed by the stream since it started (each read counted once per change). */
  records: number;
  /** Consecutive failed runs; back to 0 after a successful page. */
  errors: number;
  last_error: string | null;
}

export interface QuarantineTable {
  tenant_id: string;
  stream: string;
  /** The record's id at the source, or `sha256:<payload hash>` when the id itself is unreadable. */
  external_id: string;
  reason: string;
  /** The raw record as JSON text. */
  payload: string;
  created_at: string;
}

export interface RawRecordsTable {
  tenant_id: string;
  source: string;
  stream: string;
  external_id: string;
  /** sha256 of the canonical JSON payload: an unchanged record is not written (nor synced) again. */
  payload_hash: string;
  payload: string;
  updated_at: string;
}

export interface CoreTables {
  tenants: TenantsTable;
  connector_credentials: ConnectorCredentialsTable;
  stream_checkpoints: StreamCheckpointsTable;
  quarantine: QuarantineTable;
  raw_records: RawRecordsTable;
}
