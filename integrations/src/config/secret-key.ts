import fs from 'node:fs';
import path from 'node:path';
import { generateSecretKey, parseSecretKey, secretKeyProblem } from '../store/credentials';
import { ConfigError } from './errors';

/** Sandbox mode keeps its generated key here, readable by the owner only. */
export const SECRET_KEY_FILE = 'secret.key';

export function keyFromSetting(value: string): Buffer {
  const problem = secretKeyProblem(value);
  if (problem) throw new ConfigError(problem);
  return parseSecretKey(value);
}

/**
 * The sandbox key: read from the data dir, or generated once and stored there (mode 0600), so the
 * demo works without setup and its stored credentials stay readable across restarts.
 */
export function sandboxKeyFromDataDir(dataDir: string): { key: Buffer; origin: 'data-dir' | 'generated' } {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return { key: existing, origin: 'data-dir' };
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // `wx`: if another process created the file meanwhile, keep theirs.
    fs.writeFileSync(file, `${generateSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new ConfigError(
        `Could not write the sandbox secret key to ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); make VITRINE_DATA_DIR writable or set VITRINE_SECRET_KEY.`,
      );
    }
  }
  const created = readKeyFile(file);
  if (!created)
    throw new ConfigError(
      `The sandbox secret key file ${file} could not be read back; set VITRINE_SECRET_KEY.`,
    );
  return { key: created, origin: 'generated' };
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(
      `Could not read the sandbox secret key ${file} (${(err as NodeJS.ErrnoException).code}); fix its permissions or set VITRINE_SECRET_KEY.`,
    );
  }
  if (secretKeyProblem(text)) {
    throw new ConfigError(
      `The sandbox secret key file ${file} is damaged (it must hold 32 bytes in base64); delete it to generate a new one, or set VITRINE_SECRET_KEY.`,
    );
  }
  return parseSecretKey(text);
}
