import type { TrackingStatus } from '../schemas/shipment';

/*
 * Correios SRO events are keyed by `codigo` + `tipo` ("BDE" + "01"). SRO pads `tipo` to two digits,
 * webhooks do not ("1"); both are accepted. Sources: the "Lista de Status de Eventos" of the Correios
 * SRO manual (descriptions quoted below) and public clients such as Net::Correios::SRO. The three
 * "baixa" codes BDE, BDI and BDR share one `tipo` table: most tipos are an unsuccessful attempt, a
 * few are delivered, lost or returned.
 */
const BAIXA_TIPOS: Record<string, TrackingStatus> = {
  '00': 'delivered', // Objeto entregue ao destinatário
  '01': 'delivered', // Objeto entregue ao destinatário
  '67': 'delivered', // Objeto entregue ao destinatário
  '70': 'delivered', // Objeto entregue ao destinatário
  // Attempts that failed; "será devolvido ao remetente" still reads as a failed delivery until the
  // object is actually back (23).
  '02': 'delivery_failed', // Carteiro não atendido: retirada na unidade a ser informada
  '04': 'delivery_failed', // Cliente recusou-se a receber
  '05': 'delivery_failed', // A entrega não pode ser efetuada
  '06': 'delivery_failed', // Cliente desconhecido no local
  '07': 'delivery_failed', // Endereço incorreto
  '08': 'delivery_failed', // Endereço incorreto, será devolvido
  '10': 'delivery_failed', // Cliente mudou-se
  '18': 'delivery_failed', // Carteiro não atendido, nova tentativa no sábado
  '19': 'delivery_failed', // Endereço incorreto
  '20': 'delivery_failed', // Carteiro não atendido, nova tentativa
  '21': 'delivery_failed', // Carteiro não atendido, será devolvido
  '25': 'delivery_failed', // Empresa sem expediente
  '26': 'delivery_failed', // Destinatário não retirou o objeto na unidade
  '33': 'delivery_failed', // Destinatário não apresentou documento exigido
  '34': 'delivery_failed', // Logradouro com numeração irregular
  '35': 'delivery_failed', // Coleta ou entrega não efetuada, nova tentativa
  '36': 'delivery_failed', // Coleta ou entrega não efetuada, será devolvido
  '40': 'delivery_failed', // Importação não autorizada, será devolvido
  '42': 'delivery_failed', // Lote de objetos incompleto, será devolvido
  '46': 'delivery_failed', // Tentativa de entrega não efetuada
  '48': 'delivery_failed', // Retirada em unidade não autorizada pelo remetente
  '49': 'delivery_failed', // Dimensões impossibilitam o tratamento
  '56': 'delivery_failed', // Declaração aduaneira ausente ou incorreta
  '24': 'awaiting_pickup', // Disponível para retirada em caixa postal
  '54': 'awaiting_pickup', // Pagamento do ICMS Importação para retirar
  '68': 'awaiting_pickup', // Aguardando retirada em armário inteligente
  '23': 'returned', // Objeto devolvido ao remetente
  '03': 'exception', // Remetente não retirou o objeto devolvido
  '09': 'exception', // Objeto não localizado
  '12': 'exception', // Remetente não retirou o objeto devolvido
  '14': 'exception', // Desistência de postagem pelo remetente
  '28': 'exception', // Objeto e/ou conteúdo avariado
  '37': 'exception', // Objeto avariado por acidente com veículo
  '38': 'exception', // Objeto endereçado a empresa falida
  '41': 'exception', // Entrega condicionada à composição do lote
  '43': 'exception', // Objeto apreendido por órgão de fiscalização
  '50': 'exception', // Objeto roubado
  '51': 'exception', // Objeto roubado
  '52': 'exception', // Objeto roubado
  '55': 'exception', // Solicitada revisão do tributo
  '60': 'exception', // Aguardando prazo para refugo
  '75': 'exception', // Objeto apreendido pela Polícia Federal
  '80': 'exception', // Objeto extraviado
  '15': 'in_transit', // Recebido na unidade de distribuição
  '22': 'in_transit', // Objeto devolvido aos Correios
  '30': 'in_transit', // Saída não efetuada, em tratamento
  '32': 'in_transit', // Entrega agendada
  '45': 'in_transit', // Recebido na unidade de distribuição
  '47': 'in_transit', // Saída para entrega cancelada, novo lançamento
  '53': 'in_transit', // Objeto reimpresso e reenviado
  '57': 'in_transit', // Revisão de tributo concluída: liberado
  '58': 'in_transit', // Revisão de tributo concluída
  '59': 'in_transit', // Revisão de tributo concluída
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
  RO: 'in_transit', // Objeto encaminhado
  DO: 'in_transit', // Objeto encaminhado
  PAR: 'in_transit', // Fiscalização aduaneira, objeto recebido no Brasil
  OEC: 'out_for_delivery', // Objeto saiu para entrega ao destinatário
  'OEC-09': 'returned', // Objeto saiu para entrega ao remetente
  LDE: 'returned', // Objeto saiu para entrega ao remetente
  LDI: 'awaiting_pickup', // Objeto aguardando retirada no endereço indicado
  IDC: 'exception', // Objeto não localizado, valores indenizados
  BLQ: 'exception', // Entrega bloqueada a pedido do remetente
  FC: 'in_transit', // Várias situações (agendamento, encaminhamento, prazo diferenciado)
  'FC-01': 'returned', // Objeto será devolvido por solicitação do remetente
  'FC-04': 'delivery_failed', // Endereço incorreto
  'FC-07': 'delivery_failed', // Empresa sem expediente
  'FC-09': 'exception', // Remetente não retirou o objeto
  'FC-11': 'returned', // Objeto devolvido (evento final)
  'FC-47': 'returned', // Objeto será devolvido por solicitação do contratante
};

/**
 * Events after which the object needs no more polling (the SRO manual's list of final events). Not
 * every final event is `delivered`: stolen or lost objects are final too, and so is a handover to a
 * smart locker (68), the last event Correios report for it.
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
