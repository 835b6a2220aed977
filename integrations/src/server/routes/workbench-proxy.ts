import jwt from 'jsonwebtoken';
import { z } from 'zod';

/**
 * What Zendesk's proxy does with an app's `client.request` before it reaches a third-party host
 * (developer.zendesk.com, "Making API requests from a Zendesk app"; zendesk.md §1.6 and §7):
 * `{{setting.x}}` placeholders in the URL, headers and body become the installation's settings —
 * secure ones only when the request says `secure: true` — and, with a `jwt` option, an HS256 token
 * signed with the (substituted) secret over the claims the app supplied, with `exp` from `expiry`,
 * replaces `{{jwt.token}}`. The browser never sees a secure value.
 */

/** The options the ZAF SDK forwards in `request:<n>` (the subset the proxy acts on). */
export const ProxiedRequestOptions = z.object({
  url: z.string().min(1),
  type: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  data: z.unknown().optional(),
  contentType: z.string().optional(),
  dataType: z.string().optional(),
  secure: z.boolean().optional(),
  cors: z.boolean().optional(),
  timeout: z.number().optional(),
  httpCompleteResponse: z.boolean().optional(),
  jwt: z
    .object({
      algorithm: z.string().optional(),
      secret_key: z.string(),
      expiry: z.number().optional(),
      claims: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type ProxiedRequestOptions = z.infer<typeof ProxiedRequestOptions>;

export interface InstallationSetting {
  value: string;
  secure: boolean;
}

export class ProxyRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProxyRefusal';
  }
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_]+)\s*\}\}/g;
const JWT_PLACEHOLDER = /\{\{\s*jwt\.token\s*\}\}/g;
const hasSettingPlaceholder = (text: string) => /\{\{\s*setting\./.test(text);
const hasJwtPlaceholder = (text: string) => /\{\{\s*jwt\.token\s*\}\}/.test(text);

/** Builds the request the proxy sends: placeholders substituted, JWT signed. */
export function prepareProxiedRequest(
  options: ProxiedRequestOptions,
  settings: Readonly<Record<string, InstallationSetting>>,
  nowSec: number = Math.floor(Date.now() / 1000),
): OutgoingRequest {
  const substitute = (text: string, where: string): string =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const setting = settings[name];
      if (!setting) throw new ProxyRefusal(400, `${where}: the installation has no setting "${name}".`);
      // Zendesk leaves secure placeholders alone unless the request is marked secure.
      if (setting.secure && options.secure !== true) return whole;
      return setting.value;
    });

  let token: string | undefined;
  if (options.jwt) {
    const algorithm = options.jwt.algorithm ?? 'HS256';
    if (algorithm !== 'HS256')
      throw new ProxyRefusal(400, `jwt: algorithm ${algorithm} is not supported (HS256 only).`);
    const secret = substitute(options.jwt.secret_key, 'jwt.secret_key');
    if (hasSettingPlaceholder(secret)) {
      throw new ProxyRefusal(
        400,
        'jwt.secret_key names a secure setting: send the request with secure: true.',
      );
    }
    const claims: Record<string, unknown> = { ...(options.jwt.claims ?? {}), iat: nowSec };
    if (options.jwt.expiry !== undefined) claims.exp = nowSec + options.jwt.expiry;
    token = jwt.sign(claims, secret, { algorithm: 'HS256' });
  }
  const fill = (text: string, where: string): string => {
    const done = substitute(text, where);
    if (!hasJwtPlaceholder(done)) return done;
    if (!token) throw new ProxyRefusal(400, `${where} uses {{jwt.token}} but the request has no jwt option.`);
    return done.replace(JWT_PLACEHOLDER, token);
  };

  const url = fill(options.url, 'url');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    // Zendesk's proxy refuses underscores in header names; refusing here keeps apps honest.
    if (name.includes('_'))
      throw new ProxyRefusal(
        400,
        `Header "${name}": the Zendesk proxy does not accept underscores in header names.`,
      );
    headers[name] = fill(value, `header ${name}`);
  }
  const method = (options.type ?? 'GET').toUpperCase();
  let body: string | undefined;
  if (options.data !== undefined && options.data !== null && method !== 'GET' && method !== 'HEAD') {
    body =
      typeof options.data === 'string'
        ? fill(options.data, 'data')
        : fill(JSON.stringify(options.data), 'data');
    headers['Content-Type'] ??= options.contentType ?? 'application/x-www-form-urlencoded; charset=UTF-8';
  }
  return { method, url, headers, ...(body !== undefined ? { body } : {}) };
}

/**
 * The hosts an app may reach through the proxy: those in its manifest's `domainWhitelist` (required
 * by Zendesk for secure requests) and, in the workbench, the service itself — in sandbox mode its
 * address (`http://127.0.0.1:PORT`) stands in for the production host the manifest lists.
 */
export function assertAllowedHost(url: string, allowedHosts: readonly string[]): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new ProxyRefusal(
      400,
      `"${url}" is not an absolute URL; relative URLs are Zendesk API paths (/api/v2/…).`,
    );
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new ProxyRefusal(400, `${target.protocol} URLs cannot go through the proxy.`);
  }
  const allowed = allowedHosts.some((host) => host === target.host || host === target.hostname);
  if (!allowed) {
    throw new ProxyRefusal(
      403,
      `${target.host} is not in the app's domainWhitelist (${allowedHosts.join(', ') || 'empty'}); add it to manifest.json.`,
    );
  }
  return target;
}
