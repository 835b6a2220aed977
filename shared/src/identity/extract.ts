/**
 * Identifiers a customer or agent writes in free pt-BR text: order numbers, CPF/CNPJ, phones,
 * e-mails and tracking codes, each normalized.
 *
 * Numbers are ambiguous in text, so each kind needs evidence:
 * - order numbers: a label ("pedido 7001234", "nº do pedido: 7001234", "pack 2000…") or a shape
 *   only marketplaces use (`Lojas Americanas-2010…`, `02-1000000004`, Mercado Livre's `2000…` ids);
 * - CPF/CNPJ: the usual mask (`111.444.777-35`, `12.ABC.345/01DE-35`) or a label ("meu CPF é …");
 * - phones: phone formatting (`(41) 99876-5432`, `41 998765432`, `+55…`) and a valid number, or
 *   bare digits right after a phone word ("zap", "whats", "tel", "celular"…).
 * Before phones are looked for, everything already recognised is blanked out, and so are prices
 * (`R$ 1.234,56`), CEPs (`80010-000`), dates, times, links and numbers labelled as protocol,
 * nota fiscal, boleto or CEP, so none of them becomes a phone.
 */
import { findTrackingCodes } from '../tracking';
import { normalizeCnpj } from './cnpj';
import { normalizeCpf } from './cpf';
import { normalizeEmail, WHATSAPP_JID } from './email';
import { normalizeOrderNumber } from './order-number';
import { normalizePhone } from './phone';

export interface ExtractedIdentifiers {
  orderNumbers: string[];
  /** Normalized CPF (11 digits) and CNPJ (14 characters). */
  documents: string[];
  /** E.164 */
  phones: string[];
  emails: string[];
  trackingCodes: string[];
}

/** Texts longer than this are read up to this length: enough for any message, bounded for abuse. */
const MAX_TEXT = 20_000;
const MAX_PHONE_CANDIDATES = 50;

/** Starts only where a local part can start, so a long run without an address stays linear. */
const EMAIL =
  /(?<![a-z0-9._%+'-])[a-z0-9._%+'-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}(?![a-z0-9-])/gi;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;
const CPF_MASKED = /(?<![\w.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w])/g;
const CNPJ_MASKED = /(?<![\w.])[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}(?![\w])/gi;
/** "CPF 11144477735", "meu CPF é 111.444.777-35", "CNPJ: 12ABC34501DE35". */
const DOCUMENT_LABELLED =
  /\b(?:cpf|cnpj)\b[^\d\n]{0,30}?(\d[\d./-]{9,17}\d|[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2})(?![\w])/gi;
/** Americanas codes with the sales channel: `Lojas Americanas-201000000004001`. */
const ORDER_WITH_CHANNEL = /\b(?:lojas\s+americanas|americanas|submarino|shoptime)-\d{6,}\b/gi;
/** Americanas order code: brand prefix 0x (never a DDD, which never starts with 0) + number. */
const ORDER_BRAND_CODE = /(?<![\w-])0\d-\d{8,12}(?![\w-])/g;
/** Mercado Livre order/pack ids. */
const ORDER_MERCADOLIVRE = /(?<![\w-])2000\d{12}(?![\w-])/g;
/** "pedido 7001234", "nº do pedido: 7001234", "número da compra é 7001234", "pack #2000…". */
const ORDER_LABELLED =
  /(?<![\p{L}])(pedidos?|ped\.|compras?|vendas?|order|pack|pacote|entrega)(?:\s*(?:n[º°]\.?|no\.|n\.|n[uú]mero|num\.?|nr\.?|id|#|:|-|é|e|o|de|do|da)(?![\p{L}]))*\s*#?\s*([A-Za-z0-9][A-Za-z0-9-]{2,39})/giu;
/** Numbers that are something else: blanked before phones are looked for. */
const NOT_A_PHONE = [
  // Labelled numbers first, before their digits are split up by the patterns below.
  /(?<![\p{L}])(?:protocolo|protocol|chamado|atendimento|ticket|nf-?e?|nota(?:\s+fiscal)?|chave(?:\s+de\s+acesso)?|boleto|linha\s+digit[aá]vel|c[oó]digo\s+de\s+barras|cep|ag[eê]ncia|conta|c[oó]digo|rastreio|rastreamento|sku|ean|nsu)(?![\p{L}])(?:[\s:#=.-]|n[º°o]|n[uú]mero|num|é|do|da|de|o|a)*\d[\d.\s/-]*/giu,
  /R\$\s*[\d.,]+/g, // prices
  /(?<!\d)\d{5}-\d{3}(?!\d)/g, // CEP
  /(?<!\d)\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?!\d)/g, // dates
  /(?<!\d)\d{1,2}(?::|h)\d{2}(?!\d)/g, // times
];
/** A run of digits and phone formatting, possibly starting with `+` or `(`. */
const PHONE_RUN = /(?<![\w])(?:\+\s*)?\(?\d[\d\s().-]{6,22}\d(?![\w])/g;
/** Words right before a bare number that make it a phone. */
const PHONE_WORD =
  /(?:tel|telefone|fone|celular|cel|whats|whatsapp|wpp|zap|zapzap|contato|ligar|liga|ligue|n[uú]mero|numero|fixo|recado)\b[^\d\n]{0,20}$/i;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Calls `onMatch` for every match and returns the text with the matches blanked out, in one pass. */
function takeAll(
  text: string,
  pattern: RegExp,
  onMatch?: (match: RegExpExecArray | string[]) => void,
): string {
  return text.replace(pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    if (onMatch) {
      // replace() passes the match, the groups, then the offset: rebuild the groups list.
      const groups: string[] = [match];
      for (let i = 1; i < args.length && typeof args[i] !== 'number'; i++) groups.push(args[i] as string);
      onMatch(groups);
    }
    return ' '.repeat(match.length);
  });
}

/** The label normalizeOrderNumber understands for what the customer wrote ("ped.", "compras", "pacote"). */
function canonicalLabel(written: string): string {
  const w = written.toLowerCase();
  if (w === 'pack' || w === 'pacote') return 'pack';
  if (w === 'entrega') return 'entrega';
  return 'pedido';
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

export function extractIdentifiers(text: string): ExtractedIdentifiers {
  const found: ExtractedIdentifiers = {
    orderNumbers: [],
    documents: [],
    phones: [],
    emails: [],
    trackingCodes: [],
  };
  if (typeof text !== 'string' || text.length === 0) return found;
  let work = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  // Every identifier has a digit except e-mails: most chat lines have neither and stop here.
  const hasAt = work.includes('@');
  if (!hasAt && !/\d/.test(work)) return found;

  if (hasAt) {
    work = takeAll(work, EMAIL, ([m]) => {
      const email = normalizeEmail(m as string);
      if (email) pushUnique(found.emails, email.email);
      const jid = WHATSAPP_JID.exec((m as string).toLowerCase());
      const phone = jid ? normalizePhone(jid[1] as string) : null;
      if (phone && !phone.weak) pushUnique(found.phones, phone.e164);
    });
  }

  for (const code of findTrackingCodes(work)) {
    if (!code.valid || code.normalized === null) continue;
    pushUnique(found.trackingCodes, code.normalized);
    work = work.split(code.normalized).join(' '.repeat(code.normalized.length));
  }
  if (work.includes('http') || work.includes('www.')) work = takeAll(work, LINK);

  const addDocument = (m: RegExpExecArray | string[]) => {
    const candidate = (m[1] ?? m[0]) as string;
    const doc = normalizeCpf(candidate) ?? normalizeCnpj(candidate);
    if (doc) pushUnique(found.documents, doc);
  };
  if (work.includes('.')) {
    work = takeAll(work, CPF_MASKED, addDocument);
    if (work.includes('/')) work = takeAll(work, CNPJ_MASKED, addDocument);
  }
  if (/cpf|cnpj/i.test(work)) work = takeAll(work, DOCUMENT_LABELLED, addDocument);

  const addOrder = ([m]: RegExpExecArray | string[]) => {
    const order = normalizeOrderNumber(m as string);
    if (order) pushUnique(found.orderNumbers, order.normalized);
  };
  if (work.includes('-')) {
    work = takeAll(work, ORDER_WITH_CHANNEL, addOrder);
    work = takeAll(work, ORDER_BRAND_CODE, addOrder);
  }
  if (work.includes('2000')) work = takeAll(work, ORDER_MERCADOLIVRE, addOrder);
  for (const m of work.matchAll(ORDER_LABELLED)) {
    const value = m[2] as string;
    // A label followed by a CEP, a date or a word is not an order number.
    if (digitCount(value) < 4 || /^\d{5}-\d{3}$/.test(value)) continue;
    const order = normalizeOrderNumber(`${canonicalLabel(m[1] as string)} ${value}`);
    if (!order) continue;
    pushUnique(found.orderNumbers, order.normalized);
    const start = (m.index ?? 0) + m[0].length - value.length;
    work = blank(work, start, start + value.length);
  }

  // A phone has at least 10 digits (DDD + 8): most messages end here.
  if (digitCount(work) < 10) return found;
  for (const pattern of NOT_A_PHONE) work = takeAll(work, pattern);

  let candidates = 0;
  for (const m of work.matchAll(PHONE_RUN)) {
    // A message with more number runs than this is a table or a paste, not someone's contact.
    if (++candidates > MAX_PHONE_CANDIDATES) break;
    const run = m[0].trim();
    const digits = digitCount(run);
    if (digits < 10 || digits > 13 || DOT_THOUSANDS.test(run)) continue;
    const bare = /^\d+$/.test(run);
    if (bare && !PHONE_WORD.test(work.slice(Math.max(0, (m.index ?? 0) - 40), m.index))) continue;
    const phone = normalizePhone(run);
    if (phone && !phone.weak) pushUnique(found.phones, phone.e164);
  }
  return found;
}
