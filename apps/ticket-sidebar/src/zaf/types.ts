/**
 * Our typings of the Zendesk App Framework client (ZAF SDK 2.x has no published types). Only what
 * Vitrine uses, written from the SDK source (lib/client.js) and the Support API reference.
 */

/** `client.get` resolves every requested path plus an `errors` map keyed by path. */
export type ZafGetResult = Record<string, unknown> & { errors?: Record<string, ZafPathError> };
export interface ZafPathError {
  message: string;
  name?: string;
  path?: string;
}

export interface ZafContext {
  product: 'support' | string;
  location: ZafLocation | string;
  instanceGuid: string;
  account?: { subdomain: string };
  ticketId?: number;
}

export type ZafLocation = 'ticket_sidebar' | 'new_ticket_sidebar';

export interface ZafMetadata {
  appId: number;
  installationId: number;
  name?: string;
  version?: string;
  /** Non-secure installation settings only; secure ones never reach the browser. */
  settings: Record<string, unknown>;
}

/** The JWT the Zendesk proxy signs when a secure request asks for one (`{{jwt.token}}`). */
export interface ZafJwtOptions {
  algorithm: 'HS256';
  /** A `{{setting.x}}` placeholder of a secure setting scoped `jwt_secret_key`. */
  secret_key: string;
  /** Lifetime in seconds; the proxy sets `exp` from it. */
  expiry: number;
  claims: Record<string, string | number>;
}

export interface ZafRequestOptions {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  data?: string;
  contentType?: string;
  dataType?: 'json' | 'text';
  /** `true`: the proxy substitutes `{{setting.x}}` placeholders server-side. */
  secure?: boolean;
  /** `false`: go through the Zendesk proxy (required for secure settings). */
  cors?: boolean;
  jwt?: ZafJwtOptions;
  timeout?: number;
  httpCompleteResponse?: boolean;
  autoRetry?: boolean;
}

/** What `client.request` rejects with: the proxy's jqXHR-like response. */
export interface ZafRequestFailure {
  status?: number;
  statusText?: string;
  responseText?: string;
  responseJSON?: unknown;
}

export type ZafHandler = (data?: unknown) => unknown;

export interface ZafClient {
  get(path: string | string[]): Promise<ZafGetResult>;
  set(path: string, value: unknown): Promise<ZafGetResult>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: ZafHandler, context?: unknown): void;
  off(event: string, handler: ZafHandler): void;
  has(event: string, handler: ZafHandler): boolean;
  trigger(event: string, data?: unknown): void;
  request<T = unknown>(options: ZafRequestOptions | string): Promise<T>;
  metadata(): Promise<ZafMetadata>;
  context(): Promise<ZafContext>;
}

/** The agent as `client.get('currentUser')` returns it (subset). */
export interface ZafCurrentUser {
  id: number;
  name: string;
  email?: string;
  locale: string;
  role?: string;
}

/** A comment attachment as the ticket editor exposes it (`ticket.comment.attachments`). */
export interface ZafCommentAttachment {
  contentType?: string;
  contentUrl?: string;
  filename: string;
}
