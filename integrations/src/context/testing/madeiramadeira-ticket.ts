import { s10CheckDigit, type CsatRating } from '@vitrine/shared';
import type { Kysely } from 'kysely';
import { recordCsatRating } from '../../orders/csat-ratings';
import { upsertOrder, type OrderInput } from '../../orders/order-store';
import type { Database } from '../../store/schema';

/**
 * One customer's story for the context tests (and the workbench's expectations): Maria buys a
 * sofa on MadeiraMadeira, asks about the delivery in the marketplace chat (ticket 101) and again on
 * WhatsApp (ticket 202); the linker has paired the two tickets by her phone and the order number.
 */
export const MARIA = {
  name: 'Maria Silva',
  cpf: '52998224725',
  phone: '+5541998765432',
  email: 'maria.silva@gmail.com',
};

export const MM_TICKET_ID = 101;
export const WHATSAPP_TICKET_ID = 202;
export const MM_ORDER_NUMBER = '02-1000000004';
export const MM_TRACKING_CODE = `PX${'12345678'}${s10CheckDigit('12345678')}BR`;
export const MM_REPORTED_DUE_AT = '2026-11-19T20:00:00.000Z';

export function mariaOrder(): OrderInput {
  return {
    source: 'madeiramadeira',
    externalId: '98765',
    number: MM_ORDER_NUMBER,
    status: 'shipped',
    sourceStatus: '7 - ENVIADO',
    customer: { name: MARIA.name, email: MARIA.email, phone: '(41) 99876-5432', document: '529.982.247-25' },
    items: [
      {
        sku: 'SOFA-3L',
        name: 'Sofá 3 lugares retrátil',
        quantity: 1,
        unitPriceCents: 189990,
        totalCents: 189990,
      },
    ],
    itemsTotalCents: 189990,
    shippingCents: 0,
    totalCents: 189990,
    placedAt: '2026-11-02T15:20:00.000Z',
    shippedAt: '2026-11-05T12:00:00.000Z',
    estimatedDeliveryDate: '2026-11-16',
    invoices: [{ accessKey: '4'.repeat(44), number: '12345', series: '1' }],
    shipments: [
      {
        carrier: 'correios',
        carrierName: 'Correios - PAC',
        trackingCode: MM_TRACKING_CODE,
        status: 'in_transit',
        events: [
          {
            at: '2026-11-10T09:00:00.000Z',
            status: 'in_transit',
            code: 'RO-01',
            description: 'Objeto em transferência - por favor aguarde',
            location: { city: 'Curitiba', uf: 'PR' },
          },
        ],
      },
    ],
    updatedAt: '2026-11-10T09:00:00.000Z',
  };
}

export async function seedMariaStory(db: Kysely<Database>, tenantId: string): Promise<void> {
  await upsertOrder(db, tenantId, mariaOrder());
  await db
    .insertInto('sync_conversations')
    .values({
      tenant_id: tenantId,
      source: 'madeiramadeira',
      external_id: '7701',
      channel: 'madeiramadeira',
      order_number: MM_ORDER_NUMBER,
      subject: `Pedido ${MM_ORDER_NUMBER} - atraso na entrega`,
      status: 'open',
      source_status: 'Aberto',
      // MadeiraMadeira masks the buyer's e-mail with a relay address.
      customer: JSON.stringify({ name: MARIA.name, email: 'a1b2c3@madeiramadeira.com.br' }),
      counterparts: JSON.stringify(['customer']),
      requester_user_id: '9001',
      ticket_id: String(MM_TICKET_ID),
      customer_due_at: null,
      marketplace_due_at: null,
      reported_due_at: MM_REPORTED_DUE_AT,
      source_updated_at: '2026-11-18T10:00:00.000Z',
      created_at: '2026-11-17T12:00:00.000Z',
      updated_at: '2026-11-18T10:00:00.000Z',
    })
    .execute();
  const message = (position: number, author: string, createdAt: string, text: string) => ({
    tenant_id: tenantId,
    source: 'madeiramadeira',
    conversation_external_id: '7701',
    external_id: `msg-${position}`,
    position,
    author,
    counterpart: 'customer',
    text,
    created_at: createdAt,
    comment_state: 'done',
  });
  await db
    .insertInto('sync_messages')
    .values([
      message(
        0,
        'customer',
        '2026-11-17T12:00:00.000Z',
        'Meu sofá estava previsto para o dia 16 e não chegou.',
      ),
      message(1, 'seller', '2026-11-17T13:00:00.000Z', 'Olá Maria, vamos verificar com a transportadora.'),
      message(2, 'customer', '2026-11-18T10:00:00.000Z', 'Alguma novidade?'),
    ])
    .execute();
  await db
    .insertInto('sync_zendesk_tickets')
    .values({
      tenant_id: tenantId,
      ticket_id: String(WHATSAPP_TICKET_ID),
      channel: 'whatsapp',
      status: 'open',
      requester: JSON.stringify({ name: 'Maria', phone: MARIA.phone, text: 'Oi, cadê meu sofá?' }),
      subject: 'Conversa com Maria',
      external_id: null,
      updated_at: '2026-11-18T11:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('sync_duplicate_links')
    .values({
      tenant_id: tenantId,
      ticket_a: String(MM_TICKET_ID),
      ticket_b: String(WHATSAPP_TICKET_ID),
      reason: 'mesmo telefone +55 41 99876-5432',
      created_at: '2026-11-18T11:05:00.000Z',
    })
    .execute();
  const rating: CsatRating = {
    externalId: 'csat-1',
    ticketId: 55,
    score: 'bad',
    comment: 'Demoraram a responder',
    channel: 'email',
    createdAt: '2026-10-01T12:00:00.000Z',
  };
  await recordCsatRating(db, tenantId, rating, `document:${MARIA.cpf}`);
}
