import { createHmac } from 'node:crypto';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import {
  receivedReplies,
  sandboxTickets,
  simulatorConversationStatus,
  ticketComments,
  ticketContext,
  ticketFieldValue,
  type ContextSummary,
  type SandboxTicket,
} from './support/sandbox';
import { startService, waitFor, type RunningService } from './support/service';

/**
 * An agent's day in the workbench, end to end: the real service in sandbox mode (`vitrine serve`),
 * the real sidebar hosted through the ZAF postMessage protocol in Debian's Chromium, replies going
 * sandbox Zendesk → trigger → service webhook → relay → MadeiraMadeira simulator.
 * Screenshots: test-results/e2e/.
 */

jest.setTimeout(180_000);

const MM_TAG = 'vitrine_madeiramadeira';
const MM_EXTERNAL_ID = /^vitrine:madeiramadeira:/;
/** The ticket field the sync fills with the marketplace order number (zendesk/conventions.ts). */
const ORDER_NUMBER_FIELD = 'vitrine_order_number';

const BLOCKED_REPLY =
  'Olá! Para agilizar, me chama no WhatsApp (11) 98765-4321 que eu resolvo a sua nota fiscal por lá.';
const CLEAN_REPLY =
  'Olá! Conferimos o seu pedido e a nota fiscal já foi reenviada. Seguimos à disposição por aqui.';

let service: RunningService;
let browser: Browser;
let page: Page;
let ticket: SandboxTicket;
let context: ContextSummary;
let whatsappTicketId: number;
/** Every response body the browser received (the page, the sidebar, their requests). */
const seenByBrowser: string[] = [];

const sidebar = (): FrameLocator => page.frameLocator('iframe.app-frame');

/** A MadeiraMadeira ticket whose customer also wrote on WhatsApp, once the sync has linked them. */
async function madeiraMadeiraTicketWithWhatsAppDuplicate(): Promise<{
  ticket: SandboxTicket;
  context: ContextSummary;
}> {
  return waitFor(
    'a MadeiraMadeira ticket with a deadline and a duplicate WhatsApp ticket in its context',
    async () => {
      // Only conversations the seller may answer: MadeiraMadeira refuses replies in mediation or closed.
      const status = await simulatorConversationStatus(service.baseUrl, 'madeiramadeira');
      const answerable = (t: SandboxTicket) =>
        t.tags.includes(MM_TAG) && status.get(t.external_id?.replace(MM_EXTERNAL_ID, '') ?? '') === 'open';
      for (const candidate of (await sandboxTickets(service.baseUrl)).filter(answerable)) {
        const found = await ticketContext(service.baseUrl, candidate.id);
        if (found.deadline && found.otherContacts.some((c) => c.channel === 'whatsapp')) {
          return { ticket: candidate, context: found };
        }
      }
      return undefined;
    },
    { timeoutMs: 90_000, intervalMs: 1_000 },
  );
}

beforeAll(async () => {
  service = await startService({ pollIntervalMs: 1_000 });
  try {
    ({ ticket, context } = await madeiraMadeiraTicketWithWhatsAppDuplicate());
    whatsappTicketId = context.otherContacts.find((c) => c.channel === 'whatsapp')!.ticketId;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('response', (response) => {
      void response
        .text()
        .then((body) => seenByBrowser.push(body))
        .catch(() => undefined);
    });
    await page.goto(`${service.baseUrl}/workbench#ticket/${ticket.id}`);
    await page
      .getByTestId('ticket-subject')
      .filter({ hasText: `#${ticket.id}` })
      .waitFor({ timeout: 15_000 });
  } catch (err) {
    (err as Error).message += `\n--- service output (last lines) ---\n${service.output().slice(-3000)}`;
    throw err;
  }
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('workbench: a MadeiraMadeira ticket with the sidebar', () => {
  afterAll(() => {
    // The secure setting never reaches the browser: the proxy signs server-side. The demo
    // installation's secret derives from the service key (sandboxInstallationSecret in app-auth).
    const secret = createHmac('sha256', service.secretKey)
      .update('vitrine-demo app installation')
      .digest('base64url');
    expect(seenByBrowser.length).toBeGreaterThan(10);
    expect(seenByBrowser.filter((body) => body.includes(secret))).toEqual([]);
  });

  it('shows the reply deadline given by MadeiraMadeira and the duplicate WhatsApp ticket', async () => {
    await sidebar().getByText('prazo informado pela MadeiraMadeira').waitFor({ timeout: 15_000 });
    const contact = sidebar().getByText(`#${whatsappTicketId}`, { exact: true });
    await contact.waitFor({ timeout: 10_000 });
    await expectVisibleText(sidebar().locator('body'), ['WhatsApp', 'No prazo|Vence logo|Prazo estourado']);
    await screenshot(page, '1-ticket-with-sidebar');

    // One click opens the other ticket (the app invokes routeTo), as in Zendesk.
    await contact.click();
    await page
      .getByTestId('ticket-subject')
      .filter({ hasText: `#${whatsappTicketId} ` })
      .waitFor({ timeout: 10_000 });
    await page.goto(`${service.baseUrl}/workbench#ticket/${ticket.id}`);
    await page
      .getByTestId('ticket-subject')
      .filter({ hasText: `#${ticket.id} ` })
      .waitFor({ timeout: 10_000 });
    await sidebar().getByText('prazo informado pela MadeiraMadeira').waitFor({ timeout: 15_000 });
  });

  it('shows the order number and its tracking code', async () => {
    const orderNumber = await ticketFieldValue(service.baseUrl, ticket, ORDER_NUMBER_FIELD);
    // In sandbox mode orders are ingested through the connectors at startup and every minute, so
    // the order of a conversation synced after startup arrives within about a minute.
    let latest: ContextSummary = context;
    const withOrder = await waitFor(
      `order ${String(orderNumber)} in the context of MadeiraMadeira ticket #${ticket.id}`,
      async () => {
        latest = await ticketContext(service.baseUrl, ticket.id);
        return latest.order?.number === orderNumber ? latest : undefined;
      },
      { timeoutMs: 100_000, intervalMs: 2_000 },
    ).catch(async (err: Error) => {
      await screenshot(page, '2-order-missing');
      const shown = latest.order
        ? `order ${latest.order.number} from ${String(latest.order.source)}${latest.matchedBy ? `, matched by ${latest.matchedBy.kind}` : ''}`
        : 'no order';
      err.message += `\nThe context shows ${shown}: the ticket's own MadeiraMadeira order is not in the store.`;
      throw err;
    });
    const order = withOrder.order!;
    const tracking = order.shipments?.find((s) => s.trackingCode)?.trackingCode;
    if (!tracking)
      throw new Error(`Order ${order.number} of ticket #${ticket.id} has no shipment with a tracking code.`);
    // Opening the ticket again makes the sidebar ask for its context again.
    await page.reload();
    await page
      .getByTestId('ticket-subject')
      .filter({ hasText: `#${ticket.id} ` })
      .waitFor({ timeout: 10_000 });
    await sidebar().getByText(order.number, { exact: false }).first().waitFor({ timeout: 15_000 });
    await sidebar().getByText(tracking, { exact: false }).first().waitFor({ timeout: 10_000 });
    await screenshot(page, '2-order-and-tracking');
  });

  it('blocks a reply with a WhatsApp number and shows the pt-BR message', async () => {
    const commentsBefore = (await ticketComments(service.baseUrl, ticket.id)).length;
    await page.getByTestId('reply-text').fill(BLOCKED_REPLY);
    await page.getByTestId('submit').click();
    const error = page.getByTestId('submit-error');
    await error.waitFor({ state: 'visible', timeout: 15_000 });
    const message = await error.innerText();
    expect(message).toContain('A Vitrine bloqueou o envio: a resposta fere as regras de MadeiraMadeira.');
    expect(message).toContain('98765-4321');
    await screenshot(page, '3-reply-blocked');
    // Nothing went to Zendesk: the save hook stopped the submit.
    expect(await ticketComments(service.baseUrl, ticket.id)).toHaveLength(commentsBefore);
    expect(await page.getByTestId('reply-text').inputValue()).toBe(BLOCKED_REPLY);
  });

  it('lets an internal note with the number through: notes never reach the marketplace', async () => {
    await page.getByLabel('Nota interna').check();
    await page.getByTestId('reply-text').fill(`Cliente pediu contato: ${BLOCKED_REPLY}`);
    await page.getByTestId('submit').click();
    await page.getByTestId('submit-status').filter({ hasText: 'Enviado' }).waitFor({ timeout: 20_000 });
    const notes = (await ticketComments(service.baseUrl, ticket.id)).filter((c) =>
      c.body.startsWith('Cliente pediu contato:'),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.public).toBe(false);
  });

  it('sends a clean reply that reaches the MadeiraMadeira simulator exactly once', async () => {
    await page.getByLabel('Resposta pública').check();
    await page.getByTestId('reply-text').fill(CLEAN_REPLY);
    await page.getByTestId('submit').click();
    await page.getByTestId('submit-status').filter({ hasText: 'Enviado' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('submit-error').isHidden()).toBe(true);
    await page.getByTestId('conversation').getByText(CLEAN_REPLY).waitFor({ timeout: 10_000 });

    const comments = await ticketComments(service.baseUrl, ticket.id);
    const sent = comments.filter((c) => c.body === CLEAN_REPLY);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.public).toBe(true);

    const conversationId = ticket.external_id?.replace(MM_EXTERNAL_ID, '');
    const arrived = await waitFor(
      `the reply of ticket #${ticket.id} at the MadeiraMadeira simulator`,
      async () => {
        const replies = (await receivedReplies(service.baseUrl, 'madeiramadeira')).filter((r) =>
          r.text.includes(CLEAN_REPLY),
        );
        return replies.length > 0 ? replies : undefined;
      },
      { timeoutMs: 30_000 },
    ).catch(async (err: Error) => {
      const trail = service
        .output()
        .split('\n')
        .filter((line) => /webhook|relay|reply|refus|error/i.test(line))
        .slice(-15)
        .join('\n');
      const last = (await ticketComments(service.baseUrl, ticket.id)).slice(-2).map((c) => c.body);
      const status = await simulatorConversationStatus(service.baseUrl, 'madeiramadeira');
      const sameConversation = (await sandboxTickets(service.baseUrl))
        .filter((t) => t.external_id === ticket.external_id)
        .map((t) => `#${t.id} ${t.tags.join(',')}`);
      err.message +=
        `\n--- ticket #${ticket.id} ${ticket.external_id}: simulator status ${status.get(conversationId ?? '')}; ` +
        `tickets of that conversation: ${sameConversation.join(' | ')}` +
        `\n--- ticket's last comments ---\n${last.join('\n')}\n--- service log ---\n${trail}`;
      throw err;
    });
    expect(arrived[0]).toMatchObject({ conversationId, delivered: true });
    await screenshot(page, '4-reply-sent');

    // Several poll intervals later (retries, webhook redeliveries), still exactly one.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const replies = (await receivedReplies(service.baseUrl, 'madeiramadeira')).filter((r) =>
      r.text.includes(CLEAN_REPLY),
    );
    expect(replies).toHaveLength(1);
    // The blocked draft never left either.
    const leaked = (await receivedReplies(service.baseUrl, 'madeiramadeira')).filter((r) =>
      r.text.includes('98765-4321'),
    );
    expect(leaked).toHaveLength(0);
  });
});

async function expectVisibleText(
  root: ReturnType<FrameLocator['locator']>,
  patterns: string[],
): Promise<void> {
  const text = await root.innerText();
  for (const pattern of patterns) {
    if (!new RegExp(pattern).test(text)) {
      throw new Error(`The sidebar does not show /${pattern}/. It shows:\n${text.slice(0, 1500)}`);
    }
  }
}
