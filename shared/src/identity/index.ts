export { isValidCpf, normalizeCpf, formatCpf } from './cpf';
export { isValidCnpj, normalizeCnpj, formatCnpj } from './cnpj';
export {
  normalizePhone,
  normalizePhones,
  phoneMatchKey,
  whatsappIdWithoutNinthDigit,
  type NormalizedPhone,
} from './phone';
export { normalizeEmail, relayOfDomain, RELAY_EMAIL_DOMAINS, type NormalizedEmail } from './email';
export { normalizeOrderNumber, type OrderNumber } from './order-number';
export { identify, type IdentityKind, type IdentityResult } from './identify';
export { extractIdentifiers, type ExtractedIdentifiers } from './extract';
export { identityMessages, identityMessage, type IdentityMessageKey, type IdentityLocale } from './messages';
