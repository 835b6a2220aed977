import { interpolate, type Locale } from '../i18n/translate';

/** User-facing text of this module, pt-BR first. Placeholders are `{{name}}`. */
export const identityMessages = {
  'pt-BR': {
    'kind.cpf': 'CPF',
    'kind.cnpj': 'CNPJ',
    'kind.phone': 'telefone',
    'kind.email': 'e-mail',
    'kind.unknown': 'não reconhecido',
    valid: 'válido',
    invalid: 'inválido',
    'invalid.cpf': 'CPF inválido: os dígitos verificadores não conferem.',
    'invalid.cnpj': 'CNPJ inválido: os dígitos verificadores não conferem.',
    'invalid.phone': 'Telefone inválido: informe DDD e número, por exemplo (41) 99876-5432.',
    'invalid.email': 'E-mail inválido.',
    unknown: 'Não parece CPF, CNPJ, telefone nem e-mail.',
    'weak.email':
      'Endereço de retransmissão do marketplace ({{relay}}): não identifica o cliente em outros canais.',
    'weak.emailPlaceholder': 'E-mail genérico: não identifica o cliente.',
    'weak.phone': 'Número genérico ou de serviço: não identifica um cliente.',
  },
  en: {
    'kind.cpf': 'CPF',
    'kind.cnpj': 'CNPJ',
    'kind.phone': 'phone',
    'kind.email': 'e-mail',
    'kind.unknown': 'not recognised',
    valid: 'valid',
    invalid: 'invalid',
    'invalid.cpf': 'Invalid CPF: the check digits do not match.',
    'invalid.cnpj': 'Invalid CNPJ: the check digits do not match.',
    'invalid.phone': 'Invalid phone: give the area code (DDD) and number, e.g. (41) 99876-5432.',
    'invalid.email': 'Invalid e-mail.',
    unknown: 'Not a CPF, CNPJ, phone or e-mail.',
    'weak.email':
      'Marketplace relay address ({{relay}}): it does not identify the customer on other channels.',
    'weak.emailPlaceholder': 'Generic e-mail: it does not identify the customer.',
    'weak.phone': 'Generic or service number: it does not identify a customer.',
  },
} satisfies { 'pt-BR': Record<string, string>; en: Record<string, string> };

export type IdentityMessageKey = keyof (typeof identityMessages)['pt-BR'];
export type IdentityLocale = Locale;

/** A message with its `{{placeholders}}` filled in. */
export function identityMessage(
  locale: IdentityLocale,
  key: IdentityMessageKey,
  values: Record<string, string> = {},
): string {
  return interpolate(identityMessages[locale][key], values);
}
