import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The reply guard bundles `@vitrine/shared/reply-policy` into the Zendesk app and runs it on every
 * keystroke, so it must not drag in zod, date-holidays or libphonenumber. This walks the runtime
 * imports (type-only imports are erased) from the folder's index.
 */
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveSource(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) queue.push(resolveSource(file, spec));
      else packages.add(spec);
    }
  }
  return { files, packages };
}

it('the i18n catalog loads only message files, no third-party package', () => {
  const { files, packages } = runtimeGraph(join(__dirname, '..', 'i18n', 'index.ts'));
  expect([...packages]).toEqual([]);
  const relative = [...files].map((f) => f.slice(resolve(__dirname, '..').length + 1));
  expect(relative.filter((f) => !/^i18n\/|\/messages\.ts$/.test(f))).toEqual([]);
  expect(relative).toContain('sla/messages.ts');
});

it('reply-policy loads no third-party package at runtime', () => {
  const { files, packages } = runtimeGraph(join(__dirname, 'index.ts'));
  expect([...packages]).toEqual([]);
  const relative = [...files].map((f) => f.slice(resolve(__dirname, '..').length + 1)).sort();
  // The walk really follows imports: the link and message helpers are reached.
  expect(relative).toEqual(
    expect.arrayContaining(['tracking/urls.ts', 'i18n/translate.ts', 'reply-policy/detectors.ts']),
  );
  expect(relative.every((f) => /^(reply-policy|tracking|i18n)\/|^channels\.ts$/.test(f))).toBe(true);
  expect(relative).not.toContain('i18n/index.ts');
});
