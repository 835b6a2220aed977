import { contactMessages } from '../contacts/messages';
import { identityMessages } from '../identity/messages';
import { replyPolicyMessages } from '../reply-policy/messages';
import { slaMessages } from '../sla/messages';
import { trackingMessages } from '../tracking/messages';
import { translate, type Locale, type MessageParams } from './translate';

/**
 * Every module's catalog under its namespace. Modules whose keys are not yet prefixed (`status.ok`
 * in SLA, `valid` in identity) get the prefix here, so two modules can never collide:
 * `sla.status.ok`, `identity.valid`, `tracking.status.delivered`, `replyPolicy.ok`.
 */
export const MODULE_CATALOGS = {
  sla: slaMessages,
  identity: identityMessages,
  contacts: contactMessages,
  tracking: trackingMessages,
  replyPolicy: replyPolicyMessages,
} as const;

type Modules = typeof MODULE_CATALOGS;
type Namespaced<NS extends string, K> = K extends `${NS}.${string}`
  ? K
  : K extends string
    ? `${NS}.${K}`
    : never;
type KeysOf<NS extends keyof Modules> = Namespaced<NS, keyof Modules[NS]['pt-BR']>;
export type MessageKey = { [NS in keyof Modules]: KeysOf<NS> }[keyof Modules];

function merge(locale: Locale): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const [ns, catalog] of Object.entries(MODULE_CATALOGS)) {
    for (const [key, text] of Object.entries(catalog[locale] as Record<string, string>)) {
      out[key.startsWith(`${ns}.`) ? key : `${ns}.${key}`] = text;
    }
  }
  return out as Record<MessageKey, string>;
}

/** All of `@vitrine/shared`'s user-facing strings, per locale. */
export const messages: Record<Locale, Record<MessageKey, string>> = {
  'pt-BR': merge('pt-BR'),
  en: merge('en'),
};

/** `t('en', 'tracking.status.delivered')` → "Delivered". */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translate(messages, locale, key, params);
}
