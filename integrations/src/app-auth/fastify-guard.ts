import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppAuthError, type AppPrincipal, type AppTokenVerifier } from './verify-token';

/** The bearer token of a request, or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Authenticates an app request; answers 401 itself and returns undefined when the token is refused.
 * The reason goes to the log, never the token.
 */
export async function authenticateApp(
  verifier: AppTokenVerifier,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AppPrincipal | undefined> {
  try {
    return await verifier.verify(bearerToken(request));
  } catch (err) {
    if (!(err instanceof AppAuthError)) throw err;
    request.log.info({ reason: err.reason }, 'app request refused');
    await reply.status(401).send({ error: err.reason, message: err.message });
    return undefined;
  }
}
