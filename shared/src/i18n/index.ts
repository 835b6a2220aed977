export {
  LOCALES,
  DEFAULT_LOCALE,
  resolveLocale,
  interpolate,
  translate,
  type Locale,
  type Catalog,
  type MessageParams,
} from './translate';
export { messages, t, MODULE_CATALOGS, type MessageKey } from './catalog';
