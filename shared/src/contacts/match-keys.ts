/**
 * The keys that say two contacts are the same customer or order, in precedence order, and what
 * makes a value too weak to link on its own. This is the one place those rules live.
 *
 * Precedence (a pair linked by several keys is explained by the first):
 * 1. order — the same order (or pack / entrega) is the same purchase, whoever writes about it;
 * 2. document — a valid CPF or CNPJ is one person or company;
 * 3. phone — E.164 with the ninth digit restored, so a WhatsApp wa_id meets the marketplace phone;
 * 4. email — an address the customer owns.
 * Weak values (relay e-mails, placeholder or service phones, very short order numbers, and any
 * value shared by more contacts than `commonAbove`) never link anything on their own.
 * Never merged: two contacts whose CPFs differ are not joined through a phone or an e-mail (a
 * family sharing one number is several customers); the refusal is reported as a conflict.
 * An order or document link is never refused: the order is what the agent needs to see together.
 */
export type MatchKey = 'order' | 'document' | 'phone' | 'email';

export interface MatchKeyRule {
  key: MatchKey;
  strength: 'strong' | 'weak';
  /** Which values of the key the rule covers. */
  values: string;
  /** A value shared by more contacts than this is someone's shop, a marketplace or a placeholder: weak. */
  commonAbove?: number;
  /** Blocked by different CPFs on the two sides. */
  yieldsToDifferentCpf?: boolean;
}

/** Shortest order number that links: "pedido 123" collides across stores and marketplaces. */
export const MIN_ORDER_NUMBER_LENGTH = 5;

export const MATCH_KEYS = [
  {
    key: 'order',
    strength: 'strong',
    values: `order, pack or entrega number of ${MIN_ORDER_NUMBER_LENGTH}+ characters`,
    commonAbove: 50,
  },
  {
    key: 'document',
    strength: 'strong',
    values: 'valid CPF or CNPJ (numeric or alphanumeric)',
    commonAbove: 50,
  },
  {
    key: 'phone',
    strength: 'strong',
    values: 'valid phone, E.164, ninth digit restored',
    commonAbove: 20,
    yieldsToDifferentCpf: true,
  },
  {
    key: 'email',
    strength: 'strong',
    values: 'e-mail address the customer owns',
    commonAbove: 20,
    yieldsToDifferentCpf: true,
  },
  {
    key: 'order',
    strength: 'weak',
    values: `order numbers shorter than ${MIN_ORDER_NUMBER_LENGTH} characters`,
  },
  {
    key: 'phone',
    strength: 'weak',
    values: 'placeholders ((11) 99999-9999, 1234-5678) and service numbers (0800, 4003-xxxx)',
  },
  {
    key: 'email',
    strength: 'weak',
    values:
      'marketplace relay addresses (MadeiraMadeira, Mercado Livre, Americanas, VTEX, Amazon) and placeholders',
  },
] as const satisfies readonly MatchKeyRule[];

/** Strong keys in precedence order. */
export const LINKING_KEYS: readonly MatchKey[] = MATCH_KEYS.filter((r) => r.strength === 'strong').map(
  (r) => r.key,
);

export function strongRule(key: MatchKey): MatchKeyRule {
  return MATCH_KEYS.find((r) => r.key === key && r.strength === 'strong') as MatchKeyRule;
}
