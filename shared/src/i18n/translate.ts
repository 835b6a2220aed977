/**
 * The catalog mechanism every module shares: flat, namespaced keys (`tracking.status.delivered`),
 * one object per locale, `{{placeholders}}`. Deliberately tiny so the apps can bundle it.
 */
export const LOCALES = ['pt-BR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'pt-BR';

export type Catalog = Record<Locale, Record<string, string>>;
export type MessageParams = Record<string, string | number>;

/**
 * Maps a browser, Zendesk or CLI locale tag to a catalog: any English tag (`en`, `en-US`, `en_GB`)
 * reads English; everything else — Portuguese in any form, an unknown tag, nothing — reads pt-BR,
 * the language of Vitrine's users.
 */
export function resolveLocale(tag?: string | null): Locale {
  if (typeof tag !== 'string') return DEFAULT_LOCALE;
  return /^\s*en(?:[-_]|\s*$)/i.test(tag) ? 'en' : DEFAULT_LOCALE;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Replaces `{{name}}` placeholders; a missing parameter stays visible rather than blanked. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message for `key` in `locale`, falling back to pt-BR and then to the key itself, so a missing
 * translation shows up in the UI instead of an empty string.
 */
export function translate<C extends Catalog>(
  catalog: C,
  locale: Locale,
  key: keyof C['pt-BR'] & string,
  params?: MessageParams,
): string {
  const own = catalog[locale];
  const fallback = catalog[DEFAULT_LOCALE];
  const template = Object.hasOwn(own, key) ? own[key]! : Object.hasOwn(fallback, key) ? fallback[key]! : key;
  return interpolate(template, params);
}
