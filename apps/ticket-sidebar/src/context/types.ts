/**
 * The context the sidebar renders. The schema lives in the shared library
 * (`shared/src/schemas/ticket-context.ts`) so the service builds exactly what the app parses.
 */
export {
  TicketContext,
  TicketDeadline,
  OtherContact,
  ContactMatchReason,
  DeadlineRule,
  DeadlineStatus,
  TicketLookupRequest,
  CustomerNoteRequest,
} from '@vitrine/shared/schemas';
export type { TicketContextInput } from '@vitrine/shared/schemas';
