import type { RegisteredApp } from './zaf-host.js';
import type { RawResponse, ZendeskApi } from './zendesk-api.js';

/**
 * `client.request` as Zendesk runs it: a relative `/api/…` URL is a Zendesk API call made with the
 * agent's session; any other URL goes through the proxy (here `POST /workbench/proxy` on the
 * service), which substitutes the secure settings and signs the JWT server-side. The answer is
 * shaped like jQuery's, which the SDK hands to the app: `.done` → `[data, 'success', xhr]`,
 * `.fail` → `[xhr, 'error', statusText]`; with `httpCompleteResponse` the first argument is
 * `{responseJSON, responseText, status, headers}` either way.
 */

export const PROXY_PATH = '/workbench/proxy';

export async function runAppRequest(
  options: Record<string, unknown>,
  app: RegisteredApp,
  zendesk: ZendeskApi,
): Promise<{ ok: boolean; responseArgs: unknown[] }> {
  const url = String(options.url ?? '');
  let response: RawResponse;
  if (url.startsWith('/api/')) {
    const data = options.data;
    response = await zendesk.raw(url, {
      method: String(options.type ?? 'GET').toUpperCase(),
      ...(data !== undefined && data !== null
        ? { body: typeof data === 'string' ? data : JSON.stringify(data) }
        : {}),
      ...(typeof options.contentType === 'string' ? { contentType: options.contentType } : {}),
    });
  } else {
    const proxied = await fetch(PROXY_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        appId: app.appId,
        installationId: app.installationId,
        ...(app.appsJsonUrl ? { appsJsonUrl: app.appsJsonUrl } : {}),
        options,
      }),
    });
    if (!proxied.ok) {
      response = {
        status: proxied.status,
        statusText: proxied.statusText,
        contentType: proxied.headers.get('content-type') ?? '',
        responseText: await proxied.text(),
      };
    } else {
      response = (await proxied.json()) as RawResponse;
    }
  }
  return toResponseArgs(response, options);
}

export function toResponseArgs(
  response: RawResponse,
  options: Record<string, unknown>,
): { ok: boolean; responseArgs: unknown[] } {
  const ok = response.status >= 200 && response.status < 300;
  let json: unknown;
  try {
    json = response.responseText ? JSON.parse(response.responseText) : undefined;
  } catch {
    json = undefined;
  }
  if (options.httpCompleteResponse === true) {
    const complete = {
      responseJSON: json,
      responseText: response.responseText,
      status: response.status,
      headers: { 'content-type': response.contentType },
    };
    return { ok, responseArgs: [complete] };
  }
  const xhr = {
    status: response.status,
    statusText: response.statusText,
    responseText: response.responseText,
    ...(json !== undefined ? { responseJSON: json } : {}),
  };
  if (!ok) return { ok, responseArgs: [xhr, 'error', response.statusText] };
  const wantsJson =
    options.dataType === 'json' || (options.dataType === undefined && /json/.test(response.contentType));
  return { ok, responseArgs: [wantsJson ? (json ?? null) : response.responseText, 'success', xhr] };
}
