import type { TrackingStatus } from '../schemas/shipment';

/*
 * Correios SRO events are keyed by `codigo` + `tipo` ("BDE" + "01"). SRO pads `tipo` to two digits,
 * webhooks do not ("1"); both are accepted. Sources: the "Lista de Status de Eventos" of the Correios
 * SRO manual and public clients (Net::Correios::SRO groups outcomes the same way). The three "baixa"
 * codes — BDE (entrega), BDI (entrega interna), BDR (devolução/caixa) — share one `tipo` table: most
 * tipos are an unsuccessful attempt, a few are delivered, lost or returned.
 */
const BAIXA_TIPOS: Record<string, TrackingStatus> = {
  '00': 'delivered', // Objeto entregue ao destinatário
  '01': 'delivered', // Objeto entregue ao destinatário
  '67': 'delivered', // Objeto entregue ao destinatário
  '68': 'delivered', // Objeto entregue na caixa de correio inteligente
  '70': 'delivered', // Objeto entregue ao destinatário
  '02': 'delivery_failed', // Destinatário ausente
  '03': 'delivery_failed', // Objeto não procurado
  '04': 'delivery_failed', // Cliente recusou-se a receber
  '05': 'delivery_failed', // Endereço insuficiente
  '06': 'delivery_failed', // Cliente desconhecido no local
  '07': 'delivery_failed', // Endereço incorreto / empresa sem expediente
  '08': 'delivery_failed', // Cliente mudou-se
  '10': 'delivery_failed', // Cliente mudou-se
  '19': 'delivery_failed', // Endereço incorreto
  '20': 'delivery_failed', // Carteiro não atendido
  '21': 'delivery_failed', // Carteiro não atendido
  '25': 'delivery_failed', // Empresa sem expediente
  '26': 'delivery_failed', // Destinatário não retirou o objeto na unidade
  '33': 'delivery_failed', // Destinatário não apresentou documento exigido
  '34': 'delivery_failed', // Logradouro com numeração irregular
  '35': 'delivery_failed', // Coleta ou entrega não efetuada
  '36': 'delivery_failed', // Coleta ou entrega não efetuada
  '46': 'delivery_failed', // Tentativa de entrega não efetuada
  '47': 'delivery_failed', // Saída para entrega cancelada
  '48': 'delivery_failed', // Retirada em unidade indisponível
  '49': 'delivery_failed', // Dimensões impossibilitam o tratamento
  '24': 'awaiting_pickup', // Disponível para retirada em caixa postal
  '54': 'awaiting_pickup', // Aguardando pagamento para retirada (tributos)
  '23': 'returned', // Objeto devolvido ao remetente
  '42': 'returned', // Lote incompleto, objeto devolvido ao remetente
  '09': 'exception', // Objeto extraviado
  '12': 'exception', // Remetente não retirou o objeto devolvido
  '28': 'exception', // Objeto e/ou conteúdo avariado
  '37': 'exception', // Objeto avariado por acidente com veículo
  '43': 'exception', // Objeto apreendido por órgão de fiscalização
  '50': 'exception', // Objeto roubado
  '51': 'exception', // Objeto roubado
  '52': 'exception', // Objeto roubado
  '80': 'exception', // Objeto extraviado
  '32': 'in_transit', // Entrega agendada
  '66': 'in_transit', // Área com distribuição sujeita a prazo diferenciado
  '69': 'in_transit', // Objeto com atraso na entrega
};

const BAIXA_CODES = ['BDE', 'BDI', 'BDR'] as const;

/**
 * `CODIGO-TT` entries override the `CODIGO` default. A code missing from the table is an intermediate
 * event (routing, customs paperwork), so it reads as `in_transit`.
 */
export const CORREIOS_EVENT_STATUS: Readonly<Record<string, TrackingStatus>> = {
  ...Object.fromEntries(
    BAIXA_CODES.flatMap((codigo) => [
      // A baixa with a tipo missing from the table is an attempt that did not end in delivery.
      [codigo, 'delivery_failed'],
      ...Object.entries(BAIXA_TIPOS).map(([tipo, status]) => [`${codigo}-${tipo}`, status]),
    ]),
  ),
  PO: 'posted', // Objeto postado
  CO: 'posted', // Objeto coletado
  RO: 'in_transit', // Objeto recebido na unidade / em trânsito
  DO: 'in_transit', // Objeto encaminhado
  PAR: 'in_transit', // Fiscalização aduaneira, objeto recebido no Brasil
  OEC: 'out_for_delivery', // Objeto saiu para entrega ao destinatário
  'OEC-09': 'delivery_failed', // Objeto não entregue na saída para entrega
  LDI: 'awaiting_pickup', // Objeto aguardando retirada no endereço indicado
  FC: 'in_transit', // Várias situações (pré-postagem, atraso, encaminhamento)
  'FC-01': 'returned', // Objeto será devolvido por solicitação do remetente
  'FC-11': 'returned', // Objeto devolvido (evento final)
};

/**
 * Events after which the object needs no more polling (the SRO manual's list of final events). Not
 * every final event is `delivered`: stolen or lost objects are final too.
 */
const FINAL_BAIXA_TIPOS = [
  '01',
  '12',
  '23',
  '43',
  '50',
  '51',
  '52',
  '67',
  '68',
  '70',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '80',
];
const CORREIOS_FINAL_EVENTS: ReadonlySet<string> = new Set([
  ...BAIXA_CODES.flatMap((codigo) => FINAL_BAIXA_TIPOS.map((tipo) => `${codigo}-${tipo}`)),
  'FC-11',
]);

function eventKey(codigo: string, tipo: string | number): [code: string, key: string] {
  const code = String(codigo).trim().toUpperCase();
  const t = String(tipo).trim().toUpperCase();
  return [code, `${code}-${/^\d$/.test(t) ? `0${t}` : t}`];
}

export function correiosEventStatus(codigo: string, tipo: string | number): TrackingStatus {
  const [code, key] = eventKey(codigo, tipo);
  if (Object.hasOwn(CORREIOS_EVENT_STATUS, key)) return CORREIOS_EVENT_STATUS[key]!;
  return Object.hasOwn(CORREIOS_EVENT_STATUS, code) ? CORREIOS_EVENT_STATUS[code]! : 'in_transit';
}

export function isCorreiosFinalEvent(codigo: string, tipo: string | number): boolean {
  return CORREIOS_FINAL_EVENTS.has(eventKey(codigo, tipo)[1]);
}

/** The key a TrackingEvent stores as `code`: `BDE-01`. */
export function correiosEventCode(codigo: string, tipo: string | number): string {
  return eventKey(codigo, tipo)[1];
}
