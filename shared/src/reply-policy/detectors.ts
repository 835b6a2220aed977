import { isTrackingUrl } from '../tracking/urls';
import type { ReplyPolicy } from './policies';
import type { RuleId } from './rules';

/**
 * Detectors for the reply checker. They run on every keystroke in the reply guard, so every regex is
 * compiled once, anchored at token boundaries by a lookbehind (a failed attempt costs one character)
 * and free of nested ambiguous quantifiers: scanning stays linear in the text length.
 */
export interface Hit {
  rule: RuleId;
  start: number;
  end: number;
}

type Span = readonly [start: number, end: number];

/** Characters already explained by an earlier detector; one byte per UTF-16 unit keeps checks linear. */
class Taken {
  private marks: Uint8Array | null = null;
  constructor(private readonly length: number) {}
  overlaps(start: number, end: number): boolean {
    const marks = this.marks;
    if (marks === null) return false;
    for (let i = start; i < end; i++) if (marks[i] === 1) return true;
    return false;
  }
  push([start, end]: Span): void {
    // Allocated on the first span: most replies have no link, e-mail or phone at all.
    (this.marks ??= new Uint8Array(this.length)).fill(1, start, end);
  }
}

// ─── Links ────────────────────────────────────────────────────────────────────────────────────────
const SCHEME_OR_WWW_URL = /(?<![\w@.\-/])(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/gi;
// A bare domain must end in a common TLD written in lower case, so "Enviado.Com isso" (a missing
// space) is not a link.
const BARE_DOMAIN =
  /(?<![\w@.\-/])(?:[a-z0-9-]+\.)+(?:com|net|org|io|app|shop|store|site|online|info|biz|link|xyz|club|top|br)(?:\.br)?(?![\w-])(?:\/[^\s<>"'()[\]{}]*)?/g;
// Short hosts whose TLD is not in the list above; they count even in capitals ("Bit.ly/…").
const SHORT_HOST_URL =
  /(?<![\w@.\-/])(?:bit\.ly|wa\.me|t\.me|m\.me|fb\.me|goo\.gl|is\.gd|ow\.ly|rb\.gy|shorturl\.at|tiny\.cc|cutt\.ly|encurtador\.com\.br|tinyurl\.com|abre\.ai)(?:\/[^\s<>"'()[\]{}]*)?/gi;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

const SHORTENERS = [
  'bit.ly',
  'goo.gl',
  'is.gd',
  'ow.ly',
  'rb.gy',
  'shorturl.at',
  'tiny.cc',
  'cutt.ly',
  'tinyurl.com',
  'encurtador.com.br',
  'abre.ai',
  't.co',
];
const CONTACT_HOSTS = [
  'wa.me',
  'whatsapp.com',
  'instagram.com',
  'instagr.am',
  'facebook.com',
  'fb.com',
  'fb.me',
  'm.me',
  'messenger.com',
  't.me',
  'telegram.me',
  'tiktok.com',
  'twitter.com',
  'x.com',
  'linktr.ee',
];

function hostOf(url: string): string {
  const withoutScheme = url.replace(/^https?:\/\//i, '');
  const end = withoutScheme.search(/[/?#:]/);
  return (end < 0 ? withoutScheme : withoutScheme.slice(0, end)).toLowerCase().replace(/^www\./, '');
}

function inDomains(host: string, domains: readonly string[]): boolean {
  for (const d of domains) if (host === d || host.endsWith(`.${d}`)) return true;
  return false;
}

/** What a link is, for the checker: null when it is fine on this channel. */
function classifyLink(url: string, host: string, policy: ReplyPolicy): RuleId | null {
  if (isTrackingUrl(url)) return null;
  if (inDomains(host, policy.allowedDomains)) return null;
  if (inDomains(host, CONTACT_HOSTS)) return 'off_platform_contact';
  if (inDomains(host, SHORTENERS)) return 'short_link';
  return 'external_link';
}

function findLinks(
  text: string,
  patterns: readonly RegExp[],
  policy: ReplyPolicy,
  hits: Hit[],
  taken: Taken,
): void {
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const url = m[0].replace(TRAILING_PUNCTUATION, '');
      const start = m.index;
      const end = start + url.length;
      if (taken.overlaps(start, end)) continue;
      taken.push([start, end]);
      const rule = classifyLink(url, hostOf(url), policy);
      if (rule) hits.push({ rule, start, end });
    }
  }
}

// ─── E-mails, phones, social ─────────────────────────────────────────────────────────────────────
const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

function findEmails(text: string, policy: ReplyPolicy, hits: Hit[], taken: Taken): void {
  for (const m of text.matchAll(EMAIL)) {
    const address = m[0].replace(TRAILING_PUNCTUATION, '');
    const start = m.index;
    const end = start + address.length;
    if (taken.overlaps(start, end)) continue;
    taken.push([start, end]);
    const domain = address.slice(address.indexOf('@') + 1).toLowerCase();
    if (!inDomains(domain, policy.allowedDomains)) hits.push({ rule: 'off_platform_contact', start, end });
  }
}

/*
 * Brazilian phones as agents type them: "(11) 98888-7777", "11 98888-7777", "+55 11 98888-7777",
 * "98888-7777", "3333-4444", "0800 123 4567", or bare digits "11988887777". Order numbers, protocols,
 * CEPs (5+3 digits), CPFs, CNPJs, dates and prices have other shapes; a bare 10–11 digit run only counts
 * when it starts with a real DDD, has the mobile 9 or a landline first digit, and does not follow
 * "pedido", "protocolo", "CPF"…
 */
const PHONE =
  /(?<![\w.,/])(?:(?:\+\s?)?55[\s.-]?)?(?:\(\s?\d{2}\s?\)|\d{2})[\s.-]?9?\d{4}[\s.-]?\d{4}(?!\d|[.,/-]\d)|(?<![\w.,/-])(?:9\d{4}|[3-5]\d{3})[\s.-]\d{4}(?!\d|[.,/-]\d)|(?<![\w.,/-])0(?:800|300|500|900)[\s.-]?\d{3}[\s.-]?\d{3,4}(?!\d|[.,/-]\d)/g;
const DDD = new Set(
  '11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99'.split(
    ' ',
  ),
);
const NUMBER_CONTEXT =
  /(?:pedido|protocolo|nota|nf-?e?|cpf|cnpj|c[óo]digo|rastreio|rastreamento|chamado|ticket|ordem|boleto|objeto|conta|nsu|autoriza[çc][ãa]o)[^\n]{0,15}$/i;

function isPhone(match: string, text: string, start: number): boolean {
  const digits = match.replace(/\D/g, '');
  const formatted = /[\s.()+-]/.test(match);
  if (!formatted && NUMBER_CONTEXT.test(text.slice(Math.max(0, start - 30), start))) return false;
  if (/^0[3589]00/.test(digits)) return true; // 0800, 0300… service numbers
  if (digits.length <= 9) return true; // "98888-7777": that pattern already required a separator
  const national = digits.length > 11 && digits.startsWith('55') ? digits.slice(2) : digits;
  if (national.length < 10 || national.length > 11 || !DDD.has(national.slice(0, 2))) return false;
  if (formatted) return true;
  const first = national[2]!;
  return national.length === 11 ? first === '9' : first >= '2' && first <= '5';
}

function findPhones(text: string, hits: Hit[], taken: Taken): void {
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.overlaps(start, end) || !isPhone(m[0], text, start)) continue;
    taken.push([start, end]);
    hits.push({ rule: 'off_platform_contact', start, end });
  }
}

// WhatsApp and social networks named in words ("me chama no zap", "siga nosso Instagram", "@lojaxyz").
const CHANNEL_WORD =
  /\b(?:whats\s?app|whats|wpp|zap(?:zap)?|zapzap|instagram|insta|facebook|telegram|tiktok)\b/gi;
const HANDLE = /(?<![\w.@])@[a-z0-9_][a-z0-9_.]{2,29}/gi;

function findSocial(text: string, hasAt: boolean, hits: Hit[], taken: Taken): void {
  for (const pattern of hasAt ? [CHANNEL_WORD, HANDLE] : [CHANNEL_WORD]) {
    for (const m of text.matchAll(pattern)) {
      const handle = m[0].replace(TRAILING_PUNCTUATION, '');
      const start = m.index;
      const end = start + handle.length;
      if (taken.overlaps(start, end)) continue;
      if (pattern === HANDLE && /^@\d+$/.test(handle)) continue;
      taken.push([start, end]);
      hits.push({ rule: 'off_platform_contact', start, end });
    }
  }
}

// Asking for the customer's contact details ("me passa seu WhatsApp", "qual o seu e-mail?").
const CONTACT_REQUEST =
  /\b(?:passa|passe|informe|informa|envie|envia|mande|manda|qual|quais|deixe|deixa|me\s+d[êe]|poderia\s+(?:me\s+|nos\s+)?(?:passar|informar|enviar|mandar))\b(?:\s+[^\s.!?]+){0,3}?\s+(?:seu|sua|teu|tua|o|um|algum|outro)\s+(?:n[úu]mero\s+(?:de\s+)?)?(?:telefone|celular|whats\s?app|whats|zap|wpp|e-?mail|contato|instagram|insta)\b|\b(?:seu|sua|um|melhor)\s+(?:telefone|celular|whats\s?app|whats|e-?mail|contato)\s+(?:para|pra)\s+(?:contato|falarmos|conversarmos|ligarmos|entrarmos|falar|ligar)\b/gi;

function findContactRequests(text: string, hits: Hit[]): void {
  for (const m of text.matchAll(CONTACT_REQUEST))
    hits.push({ rule: 'contact_data_request', start: m.index, end: m.index + m[0].length });
}

// ─── Payments, fees, off-site sales (sentence level) ─────────────────────────────────────────────
interface SentenceTrigger {
  rule: RuleId;
  pattern: RegExp;
  /** Weak triggers are words with innocent uses ("estorno via Pix", "boleto compensado"). */
  weak: boolean;
}

const TRIGGERS: readonly SentenceTrigger[] = [
  {
    rule: 'payment_request',
    weak: false,
    pattern:
      /\b(?:pague|paguem|deposite|depositem|transfira|transfiram|(?:efetue|efetuar|realize|realizar|fa[çz]a|fazer|faz|mande|manda|envie|conclua|concluir)\s+(?:o\s+|um\s+|a\s+|uma\s+)?(?:pagamento|pix|dep[óo]sito|transfer[êe]ncia)|link\s+(?:de|para)\s+pagamento)\b/gi,
  },
  {
    rule: 'payment_request',
    weak: true,
    pattern:
      /\b(?:pix|boleto|boletos|pagar|dep[óo]sito|transfer[êe]ncia\s+banc[áa]ria|dados\s+banc[áa]rios)\b/gi,
  },
  {
    rule: 'fee_charge',
    weak: true,
    pattern:
      /\b(?:taxas?|cobran[çc]as?|cobrar|cobra|cobramos|cobrad[oa]s?|cobraremos|cobrar[áa]|(?:custo|valor|frete)\s+(?:adicional|extra)|diferen[çc]a\s+(?:do|de)\s+frete)\b/gi,
  },
  {
    rule: 'claim_evasion',
    weak: false,
    pattern:
      /\b(?:cancel[ae]|cancelar|fech[ae]|fechar|retir[ae]|retirar|encerr[ae]|encerrar|exclu[ai]|excluir|desist[ae]|desistir)\b(?:\s+[^\s.!?]+){0,2}?\s+(?:a\s+|sua\s+|essa\s+|esta\s+|da\s+|de\s+)?(?:reclama[çc][ãa]o|media[çc][ãa]o|disputa)\b/gi,
  },
  {
    rule: 'off_platform_sale',
    weak: false,
    pattern:
      /\b(?:compr[ae]\w*|pe[çc]a|pedir|encomend\w*|adquir\w*|garant[ae]\w*|aproveit\w*)\b[^.!?\n]{0,40}?\b(?:(?:no|na)\s+(?:nosso|nossa)|direto\s+(?:no|na|com))\s+(?:site|loja|e-?commerce|instagram|whats\w*)\b/gi,
  },
];

const NEGATION = /\b(?:sem|n[ãa]o|nenhum|nenhuma|isent[oa]s?|gr[áa]tis|gratuit[oa]s?|nada|nunca|jamais)\b/i;
const REFUND =
  /estorn|reembols|ressarc|restitu|devolu[çc][ãa]o\s+(?:do|de|dos)\s+(?:valor|dinheiro)|devolver\s+o\s+(?:valor|dinheiro)|vale[-\s]troca/i;
// Words that make a payment or fee word a report of the past, not a request ("boleto compensado",
// "cobrança cancelada", "cobrança indevida" being looked into).
const SETTLED =
  /\b(?:confirmad|aprovad|compens|identificad|recebid|processad|quitad|cancelad|suspens|removid|indevid)\w*/i;
/** `.`, `!`, `?` or a line break ends a sentence. */
export function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10;
}

// A "sentence" is capped at this many characters either side of the trigger, so text without
// punctuation cannot make each trigger rescan the whole message.
const SENTENCE_REACH = 200;

function sentenceAround(text: string, at: number): Span {
  let start = at;
  while (start > 0 && at - start < SENTENCE_REACH && !isSentenceEnd(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && end - at < SENTENCE_REACH && !isSentenceEnd(text.charCodeAt(end))) end++;
  return [start, end];
}

function findSentenceRules(text: string, active: (rule: RuleId) => boolean, hits: Hit[]): void {
  const reported = new Set<string>();
  for (const trigger of TRIGGERS) {
    if (!active(trigger.rule)) continue;
    for (const m of text.matchAll(trigger.pattern)) {
      const [sStart, sEnd] = sentenceAround(text, m.index);
      const key = `${trigger.rule}:${sStart}`;
      if (reported.has(key)) continue;
      if (NEGATION.test(text.slice(sStart, m.index))) continue;
      if (trigger.weak) {
        const sentence = text.slice(sStart, sEnd);
        if (REFUND.test(sentence) || SETTLED.test(sentence)) continue;
      }
      reported.add(key);
      hits.push({ rule: trigger.rule, start: m.index, end: m.index + m[0].length });
    }
  }
}

const HAS_DIGIT = /\d/;
const ANY_CONTACT_RULE: readonly RuleId[] = ['off_platform_contact', 'external_link', 'short_link'];

/** Every hit in `text` for the rules the policy enables, in no particular order. */
export function detect(text: string, policy: ReplyPolicy): Hit[] {
  const active = (rule: RuleId): boolean => policy.rules[rule] !== undefined;
  const hits: Hit[] = [];
  // Spans already explained (a tracking link, an e-mail) so their digits and dots are not read again
  // as a phone or a domain. Links first: a tracking URL's code must not look like a phone.
  const taken = new Taken(text.length);
  if (ANY_CONTACT_RULE.some(active)) {
    // Cheap character checks skip whole scans: every link and e-mail has a dot, every e-mail an "@",
    // every phone a digit.
    const hasDot = text.includes('.');
    const hasAt = text.includes('@');
    // Full URLs first (one may contain an "@"), then e-mails (their domain is not a link), then bare domains.
    if (hasDot) findLinks(text, [SCHEME_OR_WWW_URL], policy, hits, taken);
    if (hasDot && hasAt) findEmails(text, policy, hits, taken);
    if (hasDot) findLinks(text, [SHORT_HOST_URL, BARE_DOMAIN], policy, hits, taken);
    if (active('off_platform_contact')) {
      if (HAS_DIGIT.test(text)) findPhones(text, hits, taken);
      findSocial(text, hasAt, hits, taken);
    }
  }
  if (active('contact_data_request')) findContactRequests(text, hits);
  findSentenceRules(text, active, hits);
  return hits.filter((h) => active(h.rule));
}
