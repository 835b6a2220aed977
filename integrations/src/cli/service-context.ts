import { loadConfig } from '../config/load';
import type { VitrineConfig } from '../config/types';
import { createLogger, type Logger } from '../logging';
import { openStore, type Store } from '../store/db';

export interface ServiceContext {
  config: VitrineConfig;
  log: Logger;
  store: Store;
}

/**
 * Config, logger and store, as every service command needs them. One-shot commands log only
 * warnings unless LOG_LEVEL says otherwise: their output is for the person at the console.
 */
export async function openServiceContext(opts: { quietByDefault?: boolean } = {}): Promise<ServiceContext> {
  const config = loadConfig();
  const level = opts.quietByDefault && !process.env.LOG_LEVEL ? 'warn' : config.logLevel;
  const log = createLogger({ level });
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  return { config, log, store };
}
