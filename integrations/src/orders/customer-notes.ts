import { randomUUID } from 'node:crypto';
import type { CustomerNote } from '@vitrine/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../store/schema';
import type { AppCustomerNotesTable } from '../store/tables/app';
import { toStoredTime } from '../store/time';

export interface NewCustomerNote {
  /** `document:…`, `phone:…` or `email:…` (see `customer-keys.ts`). */
  customerKey: string;
  ticketId?: number;
  /** Display only: who wrote it, as the app says. */
  author: { id: number; name: string };
  text: string;
}

export async function addCustomerNote(
  db: Kysely<Database>,
  tenantId: string,
  note: NewCustomerNote,
  now: Date = new Date(),
): Promise<CustomerNote> {
  const row: AppCustomerNotesTable = {
    tenant_id: tenantId,
    id: randomUUID(),
    customer_key: note.customerKey,
    ticket_id: note.ticketId !== undefined ? String(note.ticketId) : null,
    author_id: String(note.author.id),
    author_name: note.author.name,
    text: note.text,
    pinned: 0,
    created_at: toStoredTime(now),
    updated_at: null,
  };
  await db.insertInto('app_customer_notes').values(row).execute();
  return noteOf(row);
}

/** Notes filed under any of the customer's keys, newest first. */
export async function listCustomerNotes(
  db: Kysely<Database>,
  tenantId: string,
  customerKeys: string[],
  limit = 50,
): Promise<CustomerNote[]> {
  if (customerKeys.length === 0) return [];
  const rows = await db
    .selectFrom('app_customer_notes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('customer_key', 'in', customerKeys)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(noteOf);
}

function noteOf(row: Selectable<AppCustomerNotesTable>): CustomerNote {
  const note: CustomerNote = {
    id: row.id,
    contactId: row.customer_key,
    author: { id: Number(row.author_id), name: row.author_name },
    text: row.text,
    pinned: Number(row.pinned) === 1,
    createdAt: row.created_at,
  };
  if (row.ticket_id !== null) note.ticketId = Number(row.ticket_id);
  if (row.updated_at !== null) note.updatedAt = row.updated_at;
  return note;
}
