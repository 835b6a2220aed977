import { ConfigError } from '../config/errors';
import type { VitrineConfig } from '../config/types';
import { sandboxTenant } from '../config/sandbox-tenant';
import type { VitrineServer } from '../server/build';

/** Starts listening; a port or host problem becomes one sentence with the fix. */
export async function listenOrExplain(server: VitrineServer, config: VitrineConfig): Promise<void> {
  try {
    await server.app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE') {
      throw new ConfigError(
        `Port ${config.port} on ${config.host} is already in use (is another Vitrine running?); stop that process or set PORT to a free port.`,
      );
    }
    if (code === 'EACCES') {
      throw new ConfigError(`Not allowed to listen on ${where}; set PORT to a number above 1024.`);
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new ConfigError(
        `HOST ${config.host} is not an address of this machine; set HOST=127.0.0.1 or HOST=0.0.0.0.`,
      );
    }
    throw err;
  }
}

/**
 * With PORT=0 the port is known only once listening: the demo tenant's sandbox URLs are rebuilt
 * from the real address before anything uses them.
 */
export function pointSandboxTenantAt(config: VitrineConfig, publicBaseUrl: string): void {
  if (!config.sandbox.enabled || config.publicBaseUrl === publicBaseUrl) return;
  config.publicBaseUrl = publicBaseUrl;
  config.tenants = [sandboxTenant(publicBaseUrl, config.secretKey)];
}

/** True when a Vitrine service already answers at this base URL (its sandbox can be shared). */
export async function serviceAnswers(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1500) });
    const body = (await res.json()) as { status?: string };
    return res.ok && body.status === 'ok';
  } catch {
    return false;
  }
}
