import type { Counterpart } from '@vitrine/shared';

/**
 * The SkyHub details the public documentation leaves open, decided in this one file (see
 * BEHAVIOR.md). The docs say one can "criar uma interação e atualizar o status do chat" on
 * `/sac/{code}/chats` but the captured pages show neither the method nor the body. Check both
 * with a homologation account and change only this file.
 */

/** Conversation pair (`parts`) the seller writes in, per counterpart. */
export const PARTS_FOR_COUNTERPART: Record<Counterpart, 'CUSTOMER_SELLER' | 'B2W_SELLER'> = {
  customer: 'CUSTOMER_SELLER',
  marketplace: 'B2W_SELLER',
};

export interface SkyhubRequest {
  method: 'POST' | 'PUT';
  path: string;
  data: unknown;
}

const chatsPath = (code: string) => `/sac/${encodeURIComponent(code)}/chats`;

/** UNDOCUMENTED: the request that posts a seller message in one chat of a SAC ticket. */
export function sacReplyRequest(code: string, counterpart: Counterpart, text: string): SkyhubRequest {
  return {
    method: 'POST',
    path: chatsPath(code),
    data: { parts: PARTS_FOR_COUNTERPART[counterpart], content: text },
  };
}

/** UNDOCUMENTED: the request that archives a SAC ticket ("atualizar o status do chat"). */
export function sacArchiveRequest(code: string): SkyhubRequest {
  return { method: 'PUT', path: chatsPath(code), data: { status: 'ARCHIVED' } };
}

/** Ticket `status` values seen in the docs; the full enum was not published. */
export const ARCHIVED_STATUS = 'ARCHIVED';
