import fs from 'node:fs';
import path from 'node:path';

/**
 * Loads `exportName` from a module that other parts of the service provide (the sync engine, the
 * context API, the workbench). The service starts without them, so each piece can land on its own;
 * a module that exists but lacks the export is a programming error and stops startup.
 */
export function loadOptionalExport<T>(
  modulePath: string,
  exportName: string,
  onMissingExport: 'throw' | 'null' = 'throw',
): T | null {
  const present = ['.ts', '.js'].some((ext) => fs.existsSync(`${modulePath}${ext}`));
  if (!present) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(modulePath) as Record<string, unknown>;
  const value = mod[exportName];
  if (value === undefined) {
    if (onMissingExport === 'null') return null;
    throw new Error(`${path.basename(modulePath)} must export ${exportName}`);
  }
  return value as T;
}
