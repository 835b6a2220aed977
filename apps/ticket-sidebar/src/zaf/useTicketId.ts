import { useEffect, useState } from 'react';
import { useZafSession } from './hooks';

/**
 * The ticket's id: from the location context when Zendesk gives it, else from `ticket.id`;
 * `'new'` in the new-ticket sidebar (no id until the first save), `null` while asking.
 */
export function useTicketId(): number | null | 'new' {
  const { client, context } = useZafSession();
  const [ticketId, setTicketId] = useState<number | null | 'new'>(
    context.location === 'new_ticket_sidebar' ? 'new' : (context.ticketId ?? null),
  );
  useEffect(() => {
    if (ticketId !== null) return;
    let active = true;
    client
      .get('ticket.id')
      .then((result) => {
        const id = Number(result['ticket.id']);
        if (active) setTicketId(Number.isInteger(id) && id > 0 ? id : 'new');
      })
      .catch(() => active && setTicketId('new'));
    return () => {
      active = false;
    };
  }, [client, ticketId]);
  return ticketId;
}
