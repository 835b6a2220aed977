import { ZendeskApiError } from '../zendesk/errors';
import type { ZendeskClient } from '../zendesk/client';
import { TICKET_FIELD_KEYS, type TicketFieldKey } from '../zendesk/conventions';
import type { JobItemResult } from '../zendesk/jobs';
import type { Comment, CustomFieldValue, Ticket, User } from '../zendesk/types';
import {
  ZendeskOutcomeUnknown,
  ZendeskRejection,
  type BulkItemResult,
  type ExportedTicket,
  type ZendeskComment,
  type ZendeskGateway,
  type ZendeskTicket,
} from './zendesk-gateway';

/** Per-item job errors a later attempt can get past (the ticket was busy, Zendesk was overloaded). */
const TRANSIENT_ITEM_ERROR = /conflict|locked|timeout|temporar|try again|toomany|rate limit|unavailable/i;

/**
 * The sync engine's view of Zendesk on the real client: every call goes through the client's one
 * request function (rate budget, Retry-After, safe retries). Errors are translated into what the
 * writer decides on: refused for good, or outcome unknown (reconcile before resending).
 */
export function zendeskGateway(client: ZendeskClient): ZendeskGateway {
  let fieldIds: Promise<Record<TicketFieldKey, number>> | null = null;
  const fields = () => {
    fieldIds ??= client.ticketFields
      .resolveFieldIds<TicketFieldKey>(Object.values(TICKET_FIELD_KEYS))
      .catch((err) => {
        fieldIds = null;
        throw err;
      });
    return fieldIds;
  };
  const customFields = async (values: Partial<Record<TicketFieldKey, string | null>> | undefined) => {
    if (!values || Object.keys(values).length === 0) return undefined;
    const ids = await fields();
    return Object.entries(values).map(([key, value]): CustomFieldValue => ({
      id: ids[key as TicketFieldKey],
      value: value ?? null,
    }));
  };

  return {
    async upsertUsers(users) {
      return translate(async () => {
        // One buyer may have several conversations in the batch: send each user once.
        const unique = [...new Map(users.map((u) => [u.externalId, u])).values()];
        const jobs = await client.users.createOrUpdateMany(
          unique.map((u) => ({
            name: u.name,
            external_id: u.externalId,
            ...(u.email ? { email: u.email } : {}),
            ...(u.phone ? { phone: u.phone } : {}),
            skip_verify_email: true,
          })),
        );
        const byExternalId = new Map(unique.map((u, i) => [u.externalId, i]));
        const results = toBulk(await client.waitForJobs(jobs));
        return users.map((u, index) => ({
          ...results.find((r) => r.index === byExternalId.get(u.externalId))!,
          index,
        }));
      });
    },

    async submitTicketCreates(tickets) {
      return translate(async () => {
        const body = await Promise.all(
          tickets.map(async (t) => ({
            subject: t.subject,
            external_id: t.externalId,
            requester_id: Number(t.requesterId),
            comment: {
              body: t.comment.body,
              public: t.comment.public,
              ...(t.comment.authorId ? { author_id: Number(t.comment.authorId) } : {}),
            },
            tags: t.tags,
            custom_fields: await customFields(t.fields),
          })),
        );
        const [job] = await client.tickets.createMany(body);
        return { jobId: job!.id };
      });
    },

    async submitTicketUpdates(updates) {
      return translate(async () => {
        const body = await Promise.all(
          updates.map(async (u) => ({
            id: Number(u.id),
            ...(u.comment
              ? {
                  comment: {
                    body: u.comment.body,
                    public: u.comment.public,
                    ...(u.comment.authorId ? { author_id: Number(u.comment.authorId) } : {}),
                  },
                }
              : {}),
            ...(u.addTags?.length ? { additional_tags: u.addTags } : {}),
            ...(u.fields ? { custom_fields: await customFields(u.fields) } : {}),
          })),
        );
        const [job] = await client.tickets.updateMany(body);
        return { jobId: job!.id };
      });
    },

    async jobResults(jobId) {
      try {
        const outcome = await client.waitForJob(jobId);
        return toBulk(outcome.results);
      } catch (err) {
        if (err instanceof ZendeskApiError && err.status === 404) return null;
        throw err;
      }
    },

    async hasUnfinishedJobs() {
      return translate(async () =>
        (await client.jobStatuses.list()).some((j) => j.status === 'queued' || j.status === 'working'),
      );
    },

    async findTicketsByExternalId(externalId) {
      return translate(async () => (await client.tickets.findByExternalId(externalId)).map(toTicket));
    },

    async getTicket(id) {
      try {
        return toTicket(await client.tickets.show(Number(id)));
      } catch (err) {
        if (err instanceof ZendeskApiError && err.status === 404) return null;
        throw err;
      }
    },

    async listComments(ticketId) {
      return translate(async () => {
        const out: ZendeskComment[] = [];
        for await (const c of client.tickets.listComments(Number(ticketId))) out.push(toComment(c));
        return out;
      });
    },

    async exportTickets(cursor, startTime) {
      return translate(async () => {
        const pages = client.incrementalTickets(
          cursor ? { cursor } : { startTime: Math.floor(startTime.getTime() / 1000) },
          {
            include: 'users',
            excludeDeleted: true,
          },
        );
        const first = await pages.next();
        await pages.return(undefined);
        if (first.done) return { tickets: [], cursor, endOfStream: true };
        const page = first.value as typeof first.value & { users?: User[] };
        const users = new Map((page.users ?? []).map((u) => [u.id, u]));
        const tickets: ExportedTicket[] = page.tickets.map((t) => {
          const user = users.get(t.requester_id);
          return {
            ...toTicket(t),
            channel: t.via?.channel ?? 'unknown',
            updatedAt: t.updated_at,
            requester: { name: user?.name, email: user?.email ?? undefined, phone: user?.phone ?? undefined },
            description: t.description,
          };
        });
        return { tickets, cursor: page.after_cursor ?? cursor, endOfStream: page.end_of_stream };
      });
    },
  };
}

async function translate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ZendeskApiError) {
      if (err.outcomeUnknown) throw new ZendeskOutcomeUnknown(err.message);
      if (!err.transient) throw new ZendeskRejection(err.message, err.status ?? undefined);
    }
    throw err;
  }
}

function toBulk(results: JobItemResult[]): BulkItemResult[] {
  return results.map((r) =>
    r.success && r.id !== null
      ? { index: r.index, ok: true as const, id: String(r.id) }
      : {
          index: r.index,
          ok: false as const,
          error: r.errors.join('; ') || r.status || 'failed without a reason',
          permanent: !TRANSIENT_ITEM_ERROR.test(r.errors.join(' ')),
        },
  );
}

function toTicket(t: Ticket): ZendeskTicket {
  return {
    id: String(t.id),
    status: t.status,
    tags: t.tags ?? [],
    requesterId: String(t.requester_id),
    externalId: t.external_id ?? null,
    subject: t.subject ?? null,
  };
}

function toComment(c: Comment): ZendeskComment {
  return {
    id: String(c.id),
    authorId: String(c.author_id),
    public: c.public,
    body: c.body ?? c.plain_body,
    createdAt: c.created_at,
  };
}
