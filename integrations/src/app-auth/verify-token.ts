import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { loadInstallationSecrets } from './installation-secrets';

interface VerifyingKey {
  tenantId: string;
  installationId: string;
  key: KeyObject;
}

/** Who an app request comes from, as far as the token proves it (see README.md). */
export interface AppPrincipal {
  tenantId: string;
  installationId: string;
  /** The `ticket_id` claim: the one ticket this token may read or write. */
  ticketId?: number;
}

export type AppAuthFailure = 'missing_token' | 'invalid_token' | 'expired_token';

export class AppAuthError extends Error {
  constructor(
    readonly reason: AppAuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AppAuthError';
  }
}

export interface AppTokenVerifierOptions {
  db: Kysely<Database>;
  /** The service's secret key (decrypts the installation secrets). */
  secretKey: Buffer;
  /** Clock difference tolerated between Zendesk's proxy and us, in seconds (default 30). */
  clockToleranceSec?: number;
  /** Longest lifetime accepted, in seconds, whatever `exp` the browser asked for (default 600). */
  maxLifetimeSec?: number;
  /** How long decrypted secrets are kept in memory, ms (default 30 s: a rotation applies within it). */
  secretCacheMs?: number;
  now?: () => number;
}

export interface AppTokenVerifier {
  verify(token: string | undefined): Promise<AppPrincipal>;
  /** Forget cached secrets (after saving or revoking an installation). */
  forget(tenantId?: string): void;
}

const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Verifies the HS256 JWT the Zendesk proxy signs for the app with the installation's secret.
 * The `tenant` claim only *selects* whose secrets to try; the tenant is the one whose secret verified
 * the signature. A token that claims tenant B but was signed with A's secret fails, like a forgery.
 */
export function createAppTokenVerifier(options: AppTokenVerifierOptions): AppTokenVerifier {
  const tolerance = options.clockToleranceSec ?? 30;
  const maxLifetime = options.maxLifetimeSec ?? 600;
  const cacheMs = options.secretCacheMs ?? 30_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { until: number; secrets: Promise<VerifyingKey[]> }>();

  function secretsOf(tenantId: string): Promise<VerifyingKey[]> {
    const hit = cache.get(tenantId);
    if (hit && hit.until > now()) return hit.secrets;
    // KeyObjects made once: given a string, jsonwebtoken first tries (and fails) to read it as a
    // PEM public key on every call, which costs more than the rest of a context request.
    const secrets = loadInstallationSecrets(options.db, options.secretKey, tenantId).then((list) =>
      list.map((s) => ({
        tenantId: s.tenantId,
        installationId: s.installationId,
        key: createSecretKey(Buffer.from(s.secret, 'utf8')),
      })),
    );
    cache.set(tenantId, { until: now() + cacheMs, secrets });
    secrets.catch(() => cache.delete(tenantId));
    return secrets;
  }

  const invalid = (why: string) =>
    new AppAuthError('invalid_token', `Token do app inválido (${why}). / Invalid app token (${why}).`);

  return {
    forget(tenantId) {
      if (tenantId === undefined) cache.clear();
      else cache.delete(tenantId);
    },
    async verify(token) {
      if (!token) {
        throw new AppAuthError(
          'missing_token',
          'Requisição sem token do app: ela deve passar pelo proxy do Zendesk com o JWT. / ' +
            'Missing app token: the request must go through the Zendesk proxy with its JWT.',
        );
      }
      const decoded = jwt.decode(token, { complete: true });
      if (!decoded || typeof decoded.payload !== 'object' || decoded.header.alg !== 'HS256') {
        throw invalid('not an HS256 JWT');
      }
      const hint = decoded.payload.tenant;
      if (typeof hint !== 'string' || !TENANT_ID.test(hint)) throw invalid('no tenant claim');

      const secrets = await secretsOf(hint);
      let payload: jwt.JwtPayload | undefined;
      let verifiedBy: VerifyingKey | undefined;
      for (const candidate of secrets) {
        try {
          const result = jwt.verify(token, candidate.key, {
            algorithms: ['HS256'],
            clockTolerance: tolerance,
            clockTimestamp: Math.floor(now() / 1000),
          });
          if (typeof result === 'object') {
            payload = result;
            verifiedBy = candidate;
            break;
          }
        } catch (err) {
          if (err instanceof jwt.TokenExpiredError) {
            throw new AppAuthError(
              'expired_token',
              'Token do app expirado: recarregue o app. / The app token has expired: reload the app.',
            );
          }
          // A signature made with another secret: try the tenant's next installation.
        }
      }
      // Unknown tenant and wrong signature read the same, so a caller cannot probe for tenants.
      if (!payload || !verifiedBy) throw invalid('signature');

      const nowSec = Math.floor(now() / 1000);
      if (typeof payload.exp !== 'number') throw invalid('no expiry');
      if (payload.exp - nowSec > maxLifetime + tolerance) throw invalid('expiry too far ahead');
      if (payload.iat !== undefined) {
        if (typeof payload.iat !== 'number' || payload.iat > nowSec + tolerance)
          throw invalid('issued in the future');
        if (payload.exp - payload.iat > maxLifetime) throw invalid('lifetime too long');
      }

      const principal: AppPrincipal = {
        tenantId: verifiedBy.tenantId,
        installationId: verifiedBy.installationId,
      };
      const ticket = payload.ticket_id;
      if (ticket !== undefined) {
        const ticketId = Number(ticket);
        if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw invalid('ticket_id');
        principal.ticketId = ticketId;
      }
      return principal;
    },
  };
}
