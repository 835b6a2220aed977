/** User-facing text of duplicate grouping, pt-BR first. Placeholders are `{{name}}`. */
export const contactMessages = {
  'pt-BR': {
    'same.order': 'mesmo pedido {{value}}',
    'same.document.cpf': 'mesmo CPF {{value}}',
    'same.document.cnpj': 'mesmo CNPJ {{value}}',
    'same.phone': 'mesmo telefone {{value}}',
    'same.email': 'mesmo e-mail {{value}}',
    conflict: '{{same}}, mas os CPFs são diferentes: não agrupados',
    common: '{{key}} {{value}} aparece em {{count}} contatos: comum demais para identificar um cliente',
    'key.order': 'pedido',
    'key.document': 'documento',
    'key.phone': 'telefone',
    'key.email': 'e-mail',
  },
  en: {
    'same.order': 'same order {{value}}',
    'same.document.cpf': 'same CPF {{value}}',
    'same.document.cnpj': 'same CNPJ {{value}}',
    'same.phone': 'same phone {{value}}',
    'same.email': 'same e-mail {{value}}',
    conflict: '{{same}}, but the CPFs differ: not grouped',
    common: '{{key}} {{value}} appears in {{count}} contacts: too common to identify a customer',
    'key.order': 'order',
    'key.document': 'document',
    'key.phone': 'phone',
    'key.email': 'e-mail',
  },
} satisfies { 'pt-BR': Record<string, string>; en: Record<string, string> };
