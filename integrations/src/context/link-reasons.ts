import { displayValue, identify, type ContactMatchReason } from '@vitrine/shared';

/**
 * Reads the `reason` the linker stores with each duplicate pair (`sync/linker.ts`): the pt-BR
 * sentences of `@vitrine/shared/contacts` joined by "; " ("mesmo pedido 7001234; mesmo telefone
 * +55 41 99876-5432"). A JSON array of `{ key | kind, value }` is read too, should the linker start
 * storing structured reasons. Parts that say nothing recognisable are dropped.
 */
const SENTENCE =
  /^(?:mesm[oa]|same)\s+(pedido|order|cpf|cnpj|documento|document|telefone|phone|e-?mail)\s+(.+)$/i;

const KIND_OF_WORD: Record<string, ContactMatchReason['kind']> = {
  pedido: 'order',
  order: 'order',
  cpf: 'document',
  cnpj: 'document',
  documento: 'document',
  document: 'document',
  telefone: 'phone',
  phone: 'phone',
  email: 'email',
  'e-mail': 'email',
};

const KINDS = new Set<ContactMatchReason['kind']>([
  'order',
  'email',
  'phone',
  'document',
  'marketplace_buyer',
  'whatsapp',
  'instagram',
]);

export function parseLinkReasons(stored: string): ContactMatchReason[] {
  const text = stored.trim();
  if (text.startsWith('[') || text.startsWith('{')) return fromJson(text);
  const out: ContactMatchReason[] = [];
  for (const part of text.split(';')) {
    const match = SENTENCE.exec(part.trim());
    if (!match) continue;
    const kind = KIND_OF_WORD[match[1]!.toLowerCase()];
    const value = match[2]!.trim();
    if (kind && value) out.push({ kind, value });
  }
  return dedupe(out);
}

function fromJson(text: string): ContactMatchReason[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: ContactMatchReason[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const { key, kind, value } = item as { key?: unknown; kind?: unknown; value?: unknown };
    const k = (typeof kind === 'string' ? kind : key) as ContactMatchReason['kind'];
    if (!KINDS.has(k) || typeof value !== 'string' || !value) continue;
    out.push({ kind: k, value: displayOf(k, value) });
  }
  return dedupe(out);
}

/** Normalized values as agents read them (masked CPF, spaced phone). */
function displayOf(kind: ContactMatchReason['kind'], value: string): string {
  if (kind === 'document' || kind === 'phone') {
    const id = identify(value);
    if (id.valid && id.normalized) return displayValue(kind, id.normalized);
  }
  return value;
}

function dedupe(reasons: ContactMatchReason[]): ContactMatchReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.kind}|${r.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
