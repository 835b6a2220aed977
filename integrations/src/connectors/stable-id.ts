import { createHash } from 'node:crypto';

/**
 * Some sources give messages no id (MadeiraMadeira, SkyHub). A message's id must stay the same on
 * every read, or the buyer's message would be posted to Zendesk again: we derive it from what the
 * source never changes about a sent message (its side, author, time and text), and number repeats.
 */
export function contentId(...parts: Array<string | number | null | undefined>): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u0001'))
    .digest('hex')
    .slice(0, 16);
}

/** Makes ids unique within one conversation: a second identical message gets `~2`, then `~3`. */
export function uniqueIds<T>(items: T[], idOf: (item: T) => string): Array<{ item: T; id: string }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = idOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { item, id: n === 1 ? base : `${base}~${n}` };
  });
}
