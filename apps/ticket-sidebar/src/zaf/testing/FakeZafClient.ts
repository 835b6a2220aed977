import type {
  ZafClient,
  ZafContext,
  ZafGetResult,
  ZafHandler,
  ZafMetadata,
  ZafRequestOptions,
} from '../types';

export interface RecordedInvocation {
  name: string;
  args: unknown[];
}

export type RequestHandler = (options: ZafRequestOptions) => unknown;

/** Outcome of a hook such as `ticket.save`, as Zendesk would see it. */
export type HookOutcome = { allowed: true } | { allowed: false; message: string };

/**
 * One in-memory ZAF client for every unit test: a store of property paths, events a test can emit,
 * a scriptable `request`, and a record of every invoke and request. It keeps the SDK's contracts
 * (single-path `get` rejects on a missing path; hooks block on `false`, a string, an Error or a
 * rejection), so components behave as they would inside Zendesk.
 */
export class FakeZafClient implements ZafClient {
  readonly invocations: RecordedInvocation[] = [];
  readonly requests: ZafRequestOptions[] = [];
  private readonly handlers = new Map<string, ZafHandler[]>();
  private readonly invokeHandlers = new Map<string, (...args: unknown[]) => unknown>();
  private readonly paths = new Map<string, unknown>();
  private requestHandler: RequestHandler = (options) => {
    throw { status: 404, statusText: 'Not Found', responseText: `no fake response for ${options.url}` };
  };
  private registered: boolean;
  private readonly registrationWaiters: (() => void)[] = [];

  constructor(
    options: {
      paths?: Record<string, unknown>;
      context?: Partial<ZafContext>;
      metadata?: Partial<ZafMetadata>;
      registered?: boolean;
    } = {},
  ) {
    this.contextValue = {
      product: 'support',
      location: 'ticket_sidebar',
      instanceGuid: 'instance-1',
      account: { subdomain: 'lojateste' },
      ...options.context,
    };
    this.metadataValue = {
      appId: 1,
      installationId: 1,
      ...options.metadata,
      settings: { serviceUrl: 'https://api.vitrine.test', ...options.metadata?.settings },
    };
    this.registered = options.registered ?? true;
    for (const [path, value] of Object.entries(options.paths ?? {})) this.paths.set(path, value);
    // The editor's own action: appending text changes the comment and fires the change event.
    this.onInvoke('ticket.comment.appendText', (text) => {
      const current = String(this.paths.get('ticket.comment.text') ?? '');
      void this.set('ticket.comment.text', current + String(text));
    });
  }

  contextValue: ZafContext;
  metadataValue: ZafMetadata;

  // —— test controls ——

  /** Sends `app.registered`, as the host does after the handshake. */
  register(): void {
    this.registered = true;
    this.emit('app.registered', { metadata: this.metadataValue, context: this.contextValue });
    this.registrationWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Sets a property path without firing events (initial state). */
  setPath(path: string, value: unknown): void {
    this.paths.set(path, value);
  }

  pathValue(path: string): unknown {
    return this.paths.get(path);
  }

  /** Fires an event at the app, like `zaf.<event>` from the host. */
  emit(event: string, data?: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(data);
  }

  /**
   * Runs a hook (`ticket.save`) with the SDK's rules and reports whether Zendesk would go on.
   * Handlers run with no arguments, as in the SDK.
   */
  async runHook(event: string): Promise<HookOutcome> {
    const results = (this.handlers.get(event) ?? []).map(async (handler) => {
      const value = await handler();
      if (value === false) throw 'false';
      if (typeof value === 'string' || value instanceof Error) throw value;
      return value;
    });
    try {
      await Promise.all(results);
      return { allowed: true };
    } catch (reason) {
      return { allowed: false, message: reason instanceof Error ? reason.message : String(reason) };
    }
  }

  respondWith(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  onInvoke(name: string, handler: (...args: unknown[]) => unknown): void {
    this.invokeHandlers.set(name, handler);
  }

  subscriberCount(event: string): number {
    return this.handlers.get(event)?.length ?? 0;
  }

  // —— ZafClient ——

  async get(path: string | string[]): Promise<ZafGetResult> {
    const list = Array.isArray(path) ? path : [path];
    const result: ZafGetResult = { errors: {} };
    for (const item of list) {
      if (this.paths.has(item)) result[item] = this.paths.get(item);
      else result.errors![item] = { message: `"${item}" Could not find the property`, path: item };
    }
    if (typeof path === 'string' && result.errors![path]) throw new Error(result.errors![path]!.message);
    return result;
  }

  async set(path: string, value: unknown): Promise<ZafGetResult> {
    this.paths.set(path, value);
    this.emit(`${path}.changed`, value);
    return { [path]: value, errors: {} };
  }

  async invoke(name: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ name, args });
    return this.invokeHandlers.get(name)?.(...args);
  }

  on(event: string, handler: ZafHandler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  off(event: string, handler: ZafHandler): void {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((existing) => existing !== handler),
    );
  }

  has(event: string, handler: ZafHandler): boolean {
    return (this.handlers.get(event) ?? []).includes(handler);
  }

  trigger(event: string, data?: unknown): void {
    this.invocations.push({ name: `trigger:${event}`, args: [data] });
  }

  async request<T = unknown>(options: ZafRequestOptions | string): Promise<T> {
    const normalized = typeof options === 'string' ? { url: options } : options;
    this.requests.push(normalized);
    // A thrown value becomes the rejection, like the proxy's failed response.
    return (await this.requestHandler(normalized)) as T;
  }

  async metadata(): Promise<ZafMetadata> {
    await this.whenRegistered();
    return this.metadataValue;
  }

  async context(): Promise<ZafContext> {
    await this.whenRegistered();
    return this.contextValue;
  }

  private whenRegistered(): Promise<void> {
    if (this.registered) return Promise.resolve();
    return new Promise((resolve) => this.registrationWaiters.push(resolve));
  }
}
