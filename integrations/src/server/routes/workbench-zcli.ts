import { z } from 'zod';
import { ProxyRefusal, type InstallationSetting } from './workbench-proxy';

/**
 * Apps served by `zcli apps:server`, loaded by the workbench page with `?zcli_apps=true` as
 * Zendesk's agent page loads them. Their `app.json` (zendesk/zcli, packages/zcli-apps/src/lib/
 * buildAppJSON.ts) holds each installation's settings as a list of one-key objects, taken from
 * `zcli.apps.config.json`, with no word on which are secure: the proxy substitutes them all.
 */

const ZcliAppJson = z.object({
  installations: z.array(
    z.object({
      app_id: z.union([z.string(), z.number()]),
      id: z.union([z.string(), z.number()]),
      settings: z.union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())]),
    }),
  ),
});

/** Only a local apps server: the proxy must not become a way to fetch arbitrary URLs. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export async function zcliInstallationSettings(
  appsJsonUrl: string,
  appId: number,
  installationId: string,
): Promise<Record<string, InstallationSetting>> {
  const url = new URL(appsJsonUrl);
  if (!/^https?:$/.test(url.protocol) || !LOOPBACK.has(url.hostname) || !url.pathname.endsWith('/app.json')) {
    throw new ProxyRefusal(403, `${appsJsonUrl} is not a local apps server's app.json (zcli apps:server).`);
  }
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    body = await response.json();
  } catch (err) {
    throw new ProxyRefusal(502, `The apps server at ${url.origin} did not answer: ${(err as Error).message}`);
  }
  const parsed = ZcliAppJson.safeParse(body);
  const installation = parsed.success
    ? parsed.data.installations.find(
        (candidate) => String(candidate.id) === installationId && Number(candidate.app_id) === appId,
      )
    : undefined;
  if (!installation) {
    throw new ProxyRefusal(404, `${appsJsonUrl} has no installation ${installationId} of app ${appId}.`);
  }
  const entries = Array.isArray(installation.settings)
    ? installation.settings.flatMap((item) => Object.entries(item))
    : Object.entries(installation.settings);
  return Object.fromEntries(
    entries
      .filter(([name]) => name !== 'title')
      .map(([name, value]) => [name, { value: String(value ?? ''), secure: false }]),
  );
}
