/**
 * Order numbers as customers, agents and marketplace APIs write them, reduced to one key per order.
 *
 * Americanas (SkyHub) shows the same order in two shapes:
 * - the order code `02-1000000004`: a 2-digit brand prefix and the order number;
 * - the SAC code `Lojas Americanas-201000000004001`: the sales channel and the *entrega* (delivery)
 *   number, which SkyHub's own example pairs with `order_code` `02-1000000004`. The entrega number
 *   reads as a 2-digit prefix, the order number and a 3-digit delivery sequence.
 * Both normalise to the order number (`1000000004`), so a SAC ticket and a customer's e-mail about
 * `02-1000000004` match. What cannot be matched from the number alone: which brand prefix an order
 * has (a bare `1000000004` is kept as is), and entrega numbers whose layout differs from that one
 * documented example — connectors that know both codes should list both (`orderNumbers`), which
 * matches them whatever their layout.
 * The orders API's own `code` (`Lojas Americanas-1000000004`, channel + order number) is an order.
 *
 * Mercado Livre: orders and packs (a cart of several orders) have ids of the same shape
 * (`2000001234567890`); post-sale messages are keyed by pack, or by the order id when the order
 * has no pack. The number alone does not say which it is, so `kind` is set only when the text
 * says so (`pack 2000004567890123`, `pack:…`, `order:…`). A pack and one of its orders are
 * different numbers: they match only when some contact lists both.
 *
 * MadeiraMadeira and the seller's own store: the digits as given.
 */

export interface OrderNumber {
  marketplace: 'americanas' | 'mercadolivre' | 'madeiramadeira' | 'unknown';
  /** The matching key: the order number itself, upper-case, without labels or separators. */
  normalized: string;
  kind?: 'order' | 'pack' | 'entrega';
  raw: string;
}

type Marketplace = OrderNumber['marketplace'];

/** Channel ids and marketplace names that tell which numbering an order follows. */
function marketplaceOfHint(hint: string | undefined): Marketplace | undefined {
  if (!hint) return undefined;
  const h = hint.toLowerCase();
  if (h.startsWith('americanas') || h === 'b2w' || h === 'skyhub' || h === 'submarino' || h === 'shoptime') {
    return 'americanas';
  }
  if (h.startsWith('mercadolivre') || h === 'mercado livre' || h === 'meli' || h === 'ml')
    return 'mercadolivre';
  if (h.startsWith('madeiramadeira') || h === 'madeira madeira') return 'madeiramadeira';
  return undefined;
}

/** SkyHub sales channels that prefix order and SAC codes. */
const AMERICANAS_CHANNEL_PREFIX =
  /^(?:lojas\s*americanas|americanas|submarino|shoptime|b2w|marketplace)\s*-\s*/i;
/** Labels in front of a number: "pedido nº", "order:", "pack #", "entrega". */
const LABEL =
  /^(?:(pedido|order|ordem|compra|venda|pack|pacote|carrinho|entrega)\b)?\s*(?:(?:n[º°]|(?:no|n[uú]mero|num|id)(?![a-z0-9]))\.?\s*|[#:=-]\s*)*/i;
const ENTREGA_PREFIX_DIGITS = 2;
const ENTREGA_SEQUENCE_DIGITS = 3;
/** Entrega numbers around 9- and 10-digit order numbers; other lengths are kept whole. */
function isEntregaLength(digits: string): boolean {
  return digits.length === 14 || digits.length === 15;
}
/** Mercado Livre order and pack ids: 16 digits starting 2000. */
const MERCADOLIVRE_ID = /^2000\d{12}$/;

function labelKind(label: string | undefined): OrderNumber['kind'] | undefined {
  if (!label) return undefined;
  const l = label.toLowerCase();
  if (l === 'pack' || l === 'pacote' || l === 'carrinho') return 'pack';
  if (l === 'entrega') return 'entrega';
  return 'order';
}

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The order number inside an Americanas entrega number (see the module comment). */
function americanasOrderFromEntrega(entrega: string): string {
  return entrega.slice(ENTREGA_PREFIX_DIGITS, entrega.length - ENTREGA_SEQUENCE_DIGITS);
}

/** Digits only, as connectors pass them: no labels or prefixes to look for. */
function fromDigits(raw: string, hinted: Marketplace | undefined): OrderNumber {
  if (hinted === 'americanas' && isEntregaLength(raw)) {
    return { marketplace: 'americanas', normalized: americanasOrderFromEntrega(raw), kind: 'entrega', raw };
  }
  if (hinted === undefined && raw.length === 16 && raw.startsWith('2000')) {
    return { marketplace: 'mercadolivre', normalized: raw, raw };
  }
  const result: OrderNumber = { marketplace: hinted ?? 'unknown', normalized: raw, raw };
  if (hinted !== 'mercadolivre') result.kind = 'order';
  return result;
}

export function normalizeOrderNumber(raw: string, marketplace?: string): OrderNumber | null {
  if (raw.length > 120) return null;
  const hinted = marketplaceOfHint(marketplace);
  if (raw.length >= 3 && raw.length <= 40 && isAllDigits(raw)) return fromDigits(raw, hinted);
  let s = raw.trim();

  // `Lojas Americanas-201000000004001` (SAC code) or `Lojas Americanas-1000000004` (order code).
  const channel = AMERICANAS_CHANNEL_PREFIX.exec(s);
  if (channel) {
    const digits = s.slice(channel[0].length).trim();
    if (!isAllDigits(digits) || digits.length < 4) return null;
    if (isEntregaLength(digits)) {
      return {
        marketplace: 'americanas',
        normalized: americanasOrderFromEntrega(digits),
        kind: 'entrega',
        raw,
      };
    }
    return { marketplace: 'americanas', normalized: digits, kind: 'order', raw };
  }

  const label = LABEL.exec(s);
  let kind = labelKind(label?.[1]);
  if (label) s = s.slice(label[0].length);
  // Separators inside the number: spaces, dots ("7.001.234"); `-` is kept for alphanumeric codes.
  let token = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 46 || c === 9) continue;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 45) token += s[i];
    else if (c >= 97 && c <= 122) token += String.fromCharCode(c - 32);
    else return null;
  }
  while (token.startsWith('-')) token = token.slice(1);
  while (token.endsWith('-')) token = token.slice(0, -1);
  if (token.length < 3 || token.length > 40 || !/\d/.test(token)) return null;
  // Separators removed above must not reveal a label ("P.EDIDO-123"): keeps normalization idempotent.
  if ((LABEL.exec(token)?.[0].length ?? 0) > 0) return null;

  // `02-1000000004`: Americanas brand prefix + order number.
  const brand = /^(\d{2})-(\d{6,})$/.exec(token);
  if (brand && (hinted === undefined || hinted === 'americanas')) {
    return { marketplace: 'americanas', normalized: brand[2] as string, kind: 'order', raw };
  }

  if (hinted === 'americanas' && isAllDigits(token) && isEntregaLength(token)) {
    return { marketplace: 'americanas', normalized: americanasOrderFromEntrega(token), kind: 'entrega', raw };
  }
  if (kind === 'entrega' && hinted !== 'americanas') kind = 'order';

  const market: Marketplace = hinted ?? (MERCADOLIVRE_ID.test(token) ? 'mercadolivre' : 'unknown');
  const result: OrderNumber = { marketplace: market, normalized: token, raw };
  if (kind !== undefined) result.kind = kind;
  else if (market !== 'mercadolivre') result.kind = 'order';
  return result;
}
