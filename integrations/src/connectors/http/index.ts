export { createHttpClient, parseRetryAfter } from './client';
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from './client';
export { HttpError } from './errors';
export { createRateLimiter } from './rate-limiter';
export type { RateLimiter } from './rate-limiter';
export { perTenant } from './per-tenant';
export { deliverOnce, replyNotBefore, sameText } from './deliver-once';
