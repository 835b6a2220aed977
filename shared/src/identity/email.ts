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

/** Local parts people and systems use when there is no real address ("naotem@…", "sem@email.com"). */
const PLACEHOLDER_LOCAL =
  /^(?:nao(?:tem|possui|informado)?|sem(?:email)?|naotememail|noemail|no-?reply|nao-?responda|email|teste?|x+)$/;
const PLACEHOLDER_DOMAIN =
  /^(?:naotem|ntem|tem|email|sememail|naotememail|noemail|teste?|exemplo|example)\.(?:com|com\.br)$/;

/** The relay a domain belongs to: the domain itself or any parent domain listed above. */
export function relayOfDomain(domain: string): string | undefined {
  let d = domain;
  for (;;) {
    const relay = RELAY_EMAIL_DOMAINS[d];
    if (relay !== undefined) return relay;
    const dot = d.indexOf('.');
    if (dot < 0) return undefined;
    d = d.slice(dot + 1);
  }
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
  if (at < 1 || at > 64 || email.length > 254) return false;
  for (let i = 0; i < email.length; i++) {
    if (i === at) continue;
    if (!isEmailChar(email.charCodeAt(i))) return false;
  }
  const domain = email.slice(at + 1);
  const lastDot = domain.lastIndexOf('.');
  if (lastDot < 1 || domain.length - lastDot - 1 < 2) return false;
  if (domain.startsWith('.') || domain.startsWith('-') || domain.includes('..')) return false;
  // The top-level domain is letters only.
  for (let i = lastDot + 1; i < domain.length; i++) {
    const c = domain.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  const local = email.slice(0, at);
  return !local.startsWith('.') && !local.endsWith('.');
}

/**
 * Trimmed and lower-cased; accepts `mailto:` and `Nome <email>` forms. Dots and `+tags` are kept:
 * whether they matter depends on the provider, and merging two real inboxes would be worse than
 * missing a duplicate.
 */
export function normalizeEmail(raw: string): NormalizedEmail | null {
  if (raw.length > 512) return null;
  let s = raw.trim();
  const open = s.lastIndexOf('<');
  if (open >= 0 && s.endsWith('>')) s = s.slice(open + 1, -1).trim();
  s = s.toLowerCase();
  if (s.startsWith('mailto:')) s = s.slice(7);
  // Punctuation a sentence leaves behind: "meu e-mail é joao@gmail.com."
  while (s.length > 0 && '.,;:'.includes(s[s.length - 1] as string)) s = s.slice(0, -1);
  const at = s.indexOf('@');
  if (at < 0 || s.indexOf('@', at + 1) >= 0 || !isPlausibleEmail(s, at)) return null;
  const domain = s.slice(at + 1);
  const relay = relayOfDomain(domain);
  if (relay !== undefined) return { email: s, weak: true, relay };
  const weak = PLACEHOLDER_LOCAL.test(s.slice(0, at)) || PLACEHOLDER_DOMAIN.test(domain);
  return { email: s, weak };
}
