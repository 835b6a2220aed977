import type { FastifyError, FastifyInstance } from 'fastify';

/** The body of every error answer. */
export interface ErrorBody {
  /** Stable code a client can branch on, e.g. `not_found`, `invalid_body`, `internal`. */
  error: string;
  message: string;
}

/**
 * Every error is answered as JSON `{error, message}`. Client errors say what was wrong; server errors
 * say only that something failed (the details go to the log with the request id, never to the client).
 * The log line carries the message and code, not the request body or headers, so no secret leaks.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error(
        { err: { message: err.message, code: err.code, stack: err.stack } },
        'request failed',
      );
      return reply
        .status(status)
        .send({ error: 'internal', message: 'Internal error; see the service log.' });
    }
    request.log.info({ status, code: err.code, message: err.message }, 'request refused');
    return reply.status(status).send({ error: errorCode(err, status), message: err.message });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
  );
}

function errorCode(err: FastifyError, status: number): string {
  if (err.validation) return 'invalid_request';
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'invalid_json';
  }
  if (err.message.includes('JSON') || (err instanceof SyntaxError && status === 400)) return 'invalid_json';
  return status === 401
    ? 'unauthorized'
    : status === 403
      ? 'forbidden'
      : status === 404
        ? 'not_found'
        : 'bad_request';
}
