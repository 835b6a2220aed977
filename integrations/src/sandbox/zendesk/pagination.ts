import type { FastifyRequest } from 'fastify';

/**
 * Zendesk cursor pagination: `page[size]` (≤100), `page[after]`; answers `meta.has_more`,
 * `meta.after_cursor` and `links.next` (an absolute URL on the same host).
 */

export interface CursorQuery {
  size: number;
  after: string | null;
}

export function cursorQuery(query: Record<string, unknown>, max = 100, fallback = 100): CursorQuery {
  const rawSize = query['page[size]'] ?? (query.page as Record<string, unknown> | undefined)?.size;
  const size = Math.min(max, Math.max(1, Number(rawSize ?? fallback) || fallback));
  const after = (query['page[after]'] ??
    (query.page as Record<string, unknown> | undefined)?.after ??
    null) as string | null;
  return { size, after };
}

export const encodeCursor = (value: number) => Buffer.from(`p:${value}`).toString('base64url');

export function decodeCursor(cursor: string | null): number | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString();
  const value = Number(text.replace(/^p:/, ''));
  return text.startsWith('p:') && Number.isFinite(value) ? value : null;
}

/** Absolute URL of this request with some query parameters replaced. */
export function selfUrl(request: FastifyRequest, replace: Record<string, string | null>): string {
  const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`);
  for (const [key, value] of Object.entries(replace)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return url.toString();
}

/** Pages an in-memory list already in the wanted order; `key` gives each item's cursor value. */
export function pageOf<T>(
  request: FastifyRequest,
  items: readonly T[],
  key: (item: T) => number,
  descending = false,
): {
  items: T[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
} {
  const { size, after } = cursorQuery(request.query as Record<string, unknown>);
  const from = decodeCursor(after);
  const rest =
    from === null ? items : items.filter((item) => (descending ? key(item) < from : key(item) > from));
  const page = rest.slice(0, size);
  const hasMore = rest.length > size;
  const last = page[page.length - 1];
  const first = page[0];
  const afterCursor = last === undefined ? null : encodeCursor(key(last));
  return {
    items: page,
    meta: {
      has_more: hasMore,
      after_cursor: afterCursor,
      before_cursor: first === undefined ? null : encodeCursor(key(first)),
    },
    links: {
      next: hasMore && afterCursor ? selfUrl(request, { 'page[after]': afterCursor }) : null,
      prev: null,
    },
  };
}
