import type { ConversationStatus } from '@vitrine/shared';

/**
 * Every MadeiraMadeira detail the public documentation (the Postman collection) leaves open, decided
 * in this one file. BEHAVIOR.md says why each choice was made; change them here after checking a
 * real seller account.
 */

/**
 * Mensageria base path. The collection shows `/v1/mensageria/...` on the marketplace host, some
 * descriptions `/api/v1/...` on a separate "messaging base URL". We use the former everywhere.
 */
export const MENSAGERIA = '/v1/mensageria';

/** Path of one order. The order API puts parameters in the path (`/v1/pedido/limit=…&offset=…`). */
export const orderPath = (orderId: string) => `/v1/pedido/id/${encodeURIComponent(orderId)}`;

/**
 * The docs name the portal token header `TOKENMM` (core API) and `MMTOKEN` (Mensageria pages).
 * We send both: an unknown header is ignored, a missing one is a 401.
 */
export function portalTokenHeaders(token: string): Record<string, string> {
  return { TOKENMM: token, MMTOKEN: token };
}

/**
 * Session status ids (the `status` filter of `/seller/historic`). Only id 1's slug
 * (`awaiting_answer_seller`) is documented, so we map by id, never by slug.
 * 5 "Mediação finalizada" stays `mediation`: the session went through MadeiraMadeira's mediation,
 * the seller can no longer write (409), and the ticket must keep the mediation tag.
 */
export const SESSION_STATUS: Record<number, { status: ConversationStatus; label: string }> = {
  1: { status: 'open', label: 'aguardando_resposta' },
  2: { status: 'awaiting_customer', label: 'aguardando_cliente' },
  3: { status: 'closed', label: 'finalizado' },
  4: { status: 'mediation', label: 'mediado' },
  5: { status: 'mediation', label: 'mediacao_finalizada' },
  6: { status: 'open', label: 'atendimento_com_pendencia' },
};

/**
 * Which order id each endpoint wants. `/orders/historic?orders=` takes the marketplace order
 * (`order`, e.g. 72021868); the order API's `id_pedido` matches the session's `order_seller`
 * (e.g. 9346538) in every example. Unverified: the collection never shows both for one order.
 */
export const historicOrderKey = (session: { order: string }) => session.order;
export const orderApiId = (session: { order: string; order_seller?: string | null }) =>
  session.order_seller ?? session.order;

/** Page size for `/seller/historic` (the examples use up to 100). */
export const SESSION_PAGE_SIZE = 50;

/** "Finalizar tratativa": no endpoint is documented, so the connector has no `finalize`. */
export const FINALIZE_SUPPORTED = false;
