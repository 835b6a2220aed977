/**
 * E-mail addresses as matching keys. Marketplaces hide the buyer's inbox behind relay addresses
 * that forward to the real one (or to nobody); such an address says nothing about who the customer
 * is on another channel, and some are shared by many buyers. They are "weak": kept, shown, but
 * never enough on their own to say two contacts are the same person.
 */

export interface NormalizedEmail {
  email: string;
  weak: boolean;
  relay?: 'madeiramadeira' | 'mercadolivre' | 'americanas' | string;
}

/**
 * Domains whose addresses are marketplace relays or masks, longest suffix first is not needed:
 * a domain matches itself and its subdomains.
 * - madeiramadeira.com.br: `comprador.email` in MadeiraMadeira orders is a masked alias.
 * - mail.mercadolivre.com / mail.mercadolibre.com: Mercado Livre's per-buyer relays
 *   (`nickname.abc123+2-xyz@mail.mercadolivre.com`); the API never exposes the real inbox.
 * - Americanas: no public sample of SkyHub's masked buyer e-mail was found; any address on an
 *   Americanas/B2W domain is Americanas itself (relay or staff), never the customer's own inbox.
 * - ct.vtex.com.br: VTEX's masked buyer e-mail, seen on orders that reach a VTEX store from marketplaces.
 * - marketplace.amazon.com.br: Amazon's buyer–seller messaging relay.
 */
export const RELAY_EMAIL_DOMAINS: Readonly<Record<string, string>> = {
  'madeiramadeira.com.br': 'madeiramadeira',
  'mail.mercadolivre.com': 'mercadolivre',
  'mail.mercadolibre.com': 'mercadolivre',
  'americanas.com': 'americanas',
  'americanas.com.br': 'americanas',
  'americanas.io': 'americanas',
  'lojasamericanas.com.br': 'americanas',
  'b2wdigital.com': 'americanas',
  'b2w.com.br': 'americanas',
  'ct.vtex.com.br': 'vtex',
  'marketplace.amazon.com.br': 'amazon',
};

/**
 * WhatsApp ids written like addresses (`554198765432@s.whatsapp.net`, `…@c.us` in WhatsApp Web
 * libraries): a phone number, not a mailbox.
 */
export const WHATSAPP_JID = /^(\d{8,15})@(?:s\.whatsapp\.net|c\.us)$/;

/** Addresses people and systems use when there is no real one ("naotem@…", "sem@email.com"). */
const PLACEHOLDER_LOCAL =
  /^(?:nao(?:tem|possui|informado)?|sem(?:email)?|naotememail|noemail|no-?reply|nao-?responda|email|teste?|x+)@/;
const PLACEHOLDER_DOMAIN =
  /@(?:naotem|ntem|tem|email|sememail|naotememail|noemail|teste?|exemplo|example)\.(?:com|com\.br)$/;
const RELAY_DOMAINS = Object.entries(RELAY_EMAIL_DOMAINS);

/** The relay a domain belongs to: the domain itself or any parent domain listed above. */
export function relayOfDomain(domain: string): string | undefined {
  return relayOfAddress(domain, 0);
}

/** Same as `relayOfDomain` for the domain starting at `from`, without cutting the string. */
function relayOfAddress(address: string, from: number): string | undefined {
  const length = address.length - from;
  for (const [relayDomain, relay] of RELAY_DOMAINS) {
    if (length < relayDomain.length || !address.endsWith(relayDomain)) continue;
    const before = address.length - relayDomain.length - 1;
    if (length === relayDomain.length || address.charCodeAt(before) === 46 /* . */) return relay;
  }
  return undefined;
}

function isTrailingPunctuation(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 58; // . , ; :
}

function isEmailChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z (input is lower-cased first)
    (code >= 48 && code <= 57) ||
    code === 46 || // .
    code === 95 || // _
    code === 45 || // -
    code === 43 || // +
    code === 37 || // %
    code === 39 || // '
    code === 38 // &
  );
}

/** Checks the shape `local@domain.tld` with the characters real addresses use; no quoted forms. */
function isPlausibleEmail(email: string, at: number): boolean {
  const end = email.length;
  if (at < 1 || at > 64 || end > 254) return false;
  // Local part: no leading or trailing dot.
  if (email.charCodeAt(0) === 46 || email.charCodeAt(at - 1) === 46) return false;
  let lastDot = -1;
  for (let i = 0; i < end; i++) {
    if (i === at) continue;
    const c = email.charCodeAt(i);
    if (!isEmailChar(c)) return false;
    if (i > at && c === 46) {
      // Domain: no empty label, no label starting with '-'.
      if (i === at + 1 || email.charCodeAt(i - 1) === 46) return false;
      lastDot = i;
    }
  }
  if (email.charCodeAt(at + 1) === 45 || lastDot < 0 || end - lastDot - 1 < 2) return false;
  // The top-level domain is letters only.
  for (let i = lastDot + 1; i < end; i++) {
    const c = email.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Already trimmed and lower-case, no `mailto:` or `<…>`: what most structured fields hold. */
function isBareLowerCase(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 64 /* @ */ && !isEmailChar(c)) return false;
  }
  return true;
}

/** `  Nome <Joao@X.com> `, `mailto:JOAO@x.com` → the lower-cased address. */
function unwrap(raw: string): string {
  let s = raw.trim();
  const open = s.lastIndexOf('<');
  if (open >= 0 && s.endsWith('>')) s = s.slice(open + 1, -1).trim();
  s = s.toLowerCase();
  return s.startsWith('mailto:') ? s.slice(7) : s;
}

/**
 * Trimmed and lower-cased; accepts `mailto:` and `Nome <email>` forms. Dots and `+tags` are kept:
 * whether they matter depends on the provider, and merging two real inboxes would be worse than
 * missing a duplicate.
 */
export function normalizeEmail(raw: string): NormalizedEmail | null {
  if (raw.length > 512) return null;
  let s = isBareLowerCase(raw) ? raw : unwrap(raw);
  // Punctuation a sentence leaves behind: "meu e-mail é joao@gmail.com."
  let end = s.length;
  while (end > 0 && isTrailingPunctuation(s.charCodeAt(end - 1))) end--;
  if (end < s.length) s = s.slice(0, end);
  const at = s.indexOf('@');
  if (at < 0 || s.indexOf('@', at + 1) >= 0 || !isPlausibleEmail(s, at)) return null;
  if (WHATSAPP_JID.test(s)) return null;
  const relay = relayOfAddress(s, at + 1);
  if (relay !== undefined) return { email: s, weak: true, relay };
  const weak = PLACEHOLDER_LOCAL.test(s) || PLACEHOLDER_DOMAIN.test(s);
  return { email: s, weak };
}
