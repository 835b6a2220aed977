import type { TrackingStatus } from '../schemas/shipment';

/*
 * Jadlog `tracking.status` / `eventos[].status` values (Documento de Integração v2.1 and public
 * clients). Jadlog writes them upper-case, sometimes with accents or underscores ("EMISSÃO",
 * "EM_ROTA"); they are compared after folding both away.
 */
export const JADLOG_STATUS: Readonly<Record<string, TrackingStatus>> = {
  EMISSAO: 'posted', // CT-e emitido: the package is in Jadlog's hands
  COLETADO: 'posted',
  ENTRADA: 'in_transit', // entered a Jadlog unit
  TRANSFERENCIA: 'in_transit',
  'EM TRANSITO': 'in_transit',
  EMBARCADO: 'in_transit',
  DESEMBARCADO: 'in_transit',
  'EM ROTA': 'out_for_delivery',
  'SAIU PARA ENTREGA': 'out_for_delivery',
  ENTREGUE: 'delivered',
  'AGUARDANDO RETIRADA': 'awaiting_pickup',
  'DISPONIVEL PARA RETIRADA': 'awaiting_pickup',
  'INSUCESSO NA ENTREGA': 'delivery_failed',
  'NAO ENTREGUE': 'delivery_failed',
  'DESTINATARIO AUSENTE': 'delivery_failed',
  'ENDERECO NAO LOCALIZADO': 'delivery_failed',
  'RECUSADO PELO DESTINATARIO': 'delivery_failed',
  DEVOLVIDO: 'returned',
  DEVOLUCAO: 'returned',
  'EM DEVOLUCAO': 'returned',
  'DEVOLVIDO AO REMETENTE': 'returned',
  EXTRAVIO: 'exception',
  EXTRAVIADO: 'exception',
  AVARIA: 'exception',
  AVARIADO: 'exception',
  SINISTRO: 'exception',
  ROUBO: 'exception',
  RETIDO: 'exception',
  'RETIDO NA FISCALIZACAO': 'exception',
  CANCELADO: 'exception',
};

const ACCENTS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s_]+/g;

function fold(status: string): string {
  return String(status).normalize('NFD').replace(ACCENTS, '').replace(SEPARATORS, ' ').trim().toUpperCase();
}

/** Unknown statuses are intermediate steps more often than not, so they read as `in_transit`. */
export function jadlogStatus(status: string): TrackingStatus {
  const key = fold(status);
  return Object.hasOwn(JADLOG_STATUS, key) ? JADLOG_STATUS[key]! : 'in_transit';
}

export function isKnownJadlogStatus(status: string): boolean {
  return Object.hasOwn(JADLOG_STATUS, fold(status));
}
