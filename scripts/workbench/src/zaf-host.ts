/**
 * One app iframe hosted the way Zendesk hosts it, through the ZAF SDK's postMessage protocol
 * (zendesk_app_framework_sdk lib/client.js; zendesk.md §1.3):
 * - the iframe is loaded with `?origin=<this page's origin>&app_guid=<uuid>`; the SDK only listens
 *   to messages from `window.parent` with exactly that origin;
 * - `iframe.handshake` → `zaf.app.registered {metadata, context}` (the SDK queues everything else
 *   until then);
 * - `{id, request: get|set|invoke, params}` → `{id, result: {…, errors: {}}}` or `{id, error}`;
 * - `request:<n>` → `zaf.request:<n>.done|fail {responseArgs}`;
 * - events go out as `zaf.<name>`; hooks as `{key: 'zaf.<name>', needsReply: true}`, answered by
 *   `iframe.reply:<name>` (an object, with `error.msg` when a handler rejected).
 */

export interface RegisteredApp {
  appId: number;
  installationId: string;
  name: string;
  /** Non-secure installation settings only. */
  settings: Record<string, unknown>;
  /** Served by a `zcli apps:server` (its app.json): the proxy reads the installation from there. */
  appsJsonUrl?: string;
}

export interface HostContext {
  product: 'support';
  location: string;
  account: { subdomain: string };
  ticketId?: number;
}

type PathAnswer = { value: unknown } | { error: { message: string; name: string; path: string } };

/** What the page behind the frame provides: the ticket editor, the actions, the proxy. */
export interface HostBackend {
  get(path: string): PathAnswer;
  set(path: string, value: unknown): { ok: true } | { error: PathAnswer };
  /** Resolves with the action's result; rejects with an Error the app receives as `{name, message}`. */
  invoke(name: string, args: unknown[], frame: ZafFrame): Promise<unknown>;
  /** `client.request`: `ok` picks `.done` or `.fail`. */
  request(
    options: Record<string, unknown>,
    app: RegisteredApp,
  ): Promise<{ ok: boolean; responseArgs: unknown[] }>;
}

export interface HookOutcome {
  ok: boolean;
  message?: string;
}

const newGuid = () => crypto.randomUUID();

export class ZafFrame {
  readonly appGuid = newGuid();
  readonly iframe: HTMLIFrameElement;
  /** Resolves when the app's SDK has shaken hands and been registered. */
  readonly registered: Promise<void>;
  /** Events the app subscribed to (`iframe.on:<event>`), with their subscriber counts. */
  readonly subscriptions = new Map<string, number>();
  private markRegistered!: () => void;
  private readonly pendingHooks = new Map<string, (outcome: HookOutcome) => void>();
  private readonly listener = (event: MessageEvent) => void this.receive(event);
  /** The app's own origin, as in Zendesk: messages go only there and are taken only from there. */
  private readonly appOrigin: string;

  constructor(
    container: HTMLElement,
    assetUrl: string,
    readonly app: RegisteredApp,
    readonly context: HostContext,
    private readonly backend: HostBackend,
  ) {
    this.registered = new Promise((resolve) => (this.markRegistered = resolve));
    this.iframe = document.createElement('iframe');
    this.iframe.title = app.name;
    this.iframe.className = 'app-frame';
    this.iframe.dataset.appGuid = this.appGuid;
    const url = new URL(assetUrl, location.href);
    this.appOrigin = url.origin;
    url.searchParams.set('origin', location.origin);
    url.searchParams.set('app_guid', this.appGuid);
    window.addEventListener('message', this.listener);
    this.iframe.src = url.toString();
    container.append(this.iframe);
  }

  destroy(): void {
    window.removeEventListener('message', this.listener);
    for (const resolve of this.pendingHooks.values()) resolve({ ok: true });
    this.pendingHooks.clear();
    this.iframe.remove();
  }

  /** `zaf.<name>` with a payload: ticket.updated, ticket.saved, ticket.comment.text.changed… */
  trigger(name: string, message?: unknown): void {
    this.post({ key: `zaf.${name}`, message, instanceGuid: this.appGuid });
  }

  /**
   * Runs a hook (`ticket.save`) and waits for the app's reply. An app that never answers blocks
   * the save after `timeoutMs` — Zendesk's own limit is not documented in a public source.
   */
  runHook(name: string, timeoutMs = 30_000): Promise<HookOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingHooks.delete(name);
        resolve({
          ok: false,
          message: `O app ${this.app.name} não respondeu a tempo. / ${this.app.name} did not answer in time.`,
        });
      }, timeoutMs);
      this.pendingHooks.set(name, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      this.post({ key: `zaf.${name}`, needsReply: true, instanceGuid: this.appGuid });
    });
  }

  private post(message: Record<string, unknown>): void {
    this.iframe.contentWindow?.postMessage(JSON.stringify(message), this.appOrigin);
  }

  private async receive(event: MessageEvent): Promise<void> {
    if (event.source !== this.iframe.contentWindow || event.origin !== this.appOrigin) return;
    let data: Record<string, unknown>;
    try {
      data = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as Record<
        string,
        unknown
      >;
    } catch {
      return;
    }
    if (!data || typeof data !== 'object') return;
    if (typeof data.request === 'string' && typeof data.id === 'number') {
      await this.answer(data.id, data.request, data.params);
      return;
    }
    const key = typeof data.key === 'string' ? data.key : '';
    if (key === 'iframe.handshake') {
      this.post({
        key: 'zaf.app.registered',
        message: {
          metadata: {
            appId: this.app.appId,
            installationId: this.app.installationId,
            name: this.app.name,
            settings: { ...this.app.settings },
          },
          context: { ...this.context, instanceGuid: this.appGuid },
        },
      });
      this.markRegistered();
    } else if (key.startsWith('iframe.on:')) {
      const count = (data.message as { subscriberCount?: number } | undefined)?.subscriberCount ?? 1;
      this.subscriptions.set(key.slice('iframe.on:'.length), count);
    } else if (key.startsWith('iframe.off:')) {
      const count = (data.message as { subscriberCount?: number } | undefined)?.subscriberCount ?? 0;
      this.subscriptions.set(key.slice('iframe.off:'.length), count);
    } else if (key.startsWith('iframe.reply:')) {
      const name = key.slice('iframe.reply:'.length);
      const resolve = this.pendingHooks.get(name);
      this.pendingHooks.delete(name);
      const error = data.error as { msg?: unknown } | undefined;
      resolve?.(error ? { ok: false, message: describeRejection(error.msg) } : { ok: true });
    } else if (/^request:\d+$/.test(key)) {
      const options = (typeof data.message === 'string' ? { url: data.message } : data.message) as Record<
        string,
        unknown
      >;
      const outcome = await this.backend.request(options ?? {}, this.app).catch((err: Error) => ({
        ok: false,
        responseArgs: [{ status: 0, statusText: 'error', responseText: err.message }, 'error', err.message],
      }));
      this.post({
        key: `zaf.${key}.${outcome.ok ? 'done' : 'fail'}`,
        message: { responseArgs: outcome.responseArgs },
      });
    }
    // session.live, __track__ and iframe.trigger:* need no answer here.
  }

  private async answer(id: number, request: string, params: unknown): Promise<void> {
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const record = (path: string, answer: PathAnswer) => {
      if ('error' in answer) errors[path] = answer.error;
      else result[path] = answer.value;
    };
    try {
      if (request === 'get') {
        for (const path of params as string[]) record(path, this.backend.get(path));
      } else if (request === 'set') {
        for (const [path, value] of Object.entries(params as Record<string, unknown>)) {
          const outcome = this.backend.set(path, value);
          if ('error' in outcome) record(path, outcome.error);
          else result[path] = value;
        }
      } else if (request === 'invoke') {
        for (const [name, args] of Object.entries(params as Record<string, unknown[]>)) {
          try {
            result[name] = (await this.backend.invoke(name, args, this)) ?? null;
          } catch (err) {
            errors[name] = { name: 'InvocationError', message: (err as Error).message, path: name };
          }
        }
      } else {
        this.post({ id, error: { name: 'UnknownRequest', message: `Unknown request "${request}"` } });
        return;
      }
    } catch (err) {
      this.post({ id, error: { name: 'HostError', message: (err as Error).message } });
      return;
    }
    this.post({ id, result: { ...result, errors } });
  }
}

/** The SDK passes a rejected string as is; anything else becomes a generic message. */
function describeRejection(reason: unknown): string {
  if (typeof reason === 'string' && reason.trim() !== '') return reason;
  return 'Um app impediu o envio. / An app stopped the submit.';
}
