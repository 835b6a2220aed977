import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The request body exactly as received (JSON bodies). Webhook signatures (Zendesk's
     * HMAC-SHA256 of timestamp + body) are computed over these bytes, never over re-serialized JSON.
     */
    rawBody?: Buffer;
  }
}

/** Parses JSON bodies with fastify's own (prototype-poisoning-safe) parser and keeps the raw bytes. */
export function keepRawJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const parse = (
    request: FastifyRequest,
    body: Buffer,
    done: (err: Error | null, body?: unknown) => void,
  ) => {
    request.rawBody = body;
    // An empty JSON body (pings, some webhook tests) is "no body", not a parse error.
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  };
  // Fastify's built-in `application/json` parser would win over ours (exact types match first).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) =>
    parse(request, body as Buffer, done),
  );
  app.addContentTypeParser(/^application\/[\w.-]+\+json/, { parseAs: 'buffer' }, (request, body, done) =>
    parse(request, body as Buffer, done),
  );
}
