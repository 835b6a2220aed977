import type { Carrier, TrackingStatus } from '../schemas/shipment';

/** Every user-facing string about tracking, pt-BR first. Placeholders: `{{name}}`. */
export const trackingMessages = {
  'pt-BR': {
    'tracking.status.posted': 'Postado',
    'tracking.status.in_transit': 'Em trânsito',
    'tracking.status.out_for_delivery': 'Saiu para entrega',
    'tracking.status.awaiting_pickup': 'Aguardando retirada',
    'tracking.status.delivered': 'Entregue',
    'tracking.status.delivery_failed': 'Entrega não realizada',
    'tracking.status.returned': 'Devolvido ao remetente',
    'tracking.status.exception': 'Problema com o objeto: fale com a transportadora',
    'tracking.carrier.correios': 'Correios',
    'tracking.carrier.jadlog': 'Jadlog',
    'tracking.carrier.azul': 'Azul Cargo Express',
    'tracking.invalidCode': 'Código de rastreio inválido: {{code}}.',
    'tracking.invalidCheckDigit':
      'O código {{code}} parece dos Correios, mas o dígito verificador não confere.',
    'tracking.unknownCarrier': 'Não reconhecemos a transportadora do código {{code}}.',
    'tracking.openCarrierPage': 'Acompanhar no site da {{carrier}}',
    'tracking.lastUpdate': 'Última atualização: {{date}}',
  },
  en: {
    'tracking.status.posted': 'Posted',
    'tracking.status.in_transit': 'In transit',
    'tracking.status.out_for_delivery': 'Out for delivery',
    'tracking.status.awaiting_pickup': 'Awaiting pickup',
    'tracking.status.delivered': 'Delivered',
    'tracking.status.delivery_failed': 'Delivery attempt failed',
    'tracking.status.returned': 'Returned to sender',
    'tracking.status.exception': 'Problem with the parcel: contact the carrier',
    'tracking.carrier.correios': 'Correios',
    'tracking.carrier.jadlog': 'Jadlog',
    'tracking.carrier.azul': 'Azul Cargo Express',
    'tracking.invalidCode': 'Invalid tracking code: {{code}}.',
    'tracking.invalidCheckDigit':
      'The code {{code}} looks like a Correios code, but its check digit is wrong.',
    'tracking.unknownCarrier': 'We do not recognise the carrier of code {{code}}.',
    'tracking.openCarrierPage': 'Track on the {{carrier}} website',
    'tracking.lastUpdate': 'Last update: {{date}}',
  },
} as const satisfies Record<'pt-BR' | 'en', Record<string, string>>;

export type TrackingMessageKey = keyof (typeof trackingMessages)['pt-BR'];

export function trackingStatusLabel(status: TrackingStatus, locale: 'pt-BR' | 'en' = 'pt-BR'): string {
  return trackingMessages[locale][`tracking.status.${status}`];
}

export function carrierName(carrier: Carrier): string {
  return trackingMessages['pt-BR'][`tracking.carrier.${carrier}`];
}
