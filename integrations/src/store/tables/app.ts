/**
 * Tables behind the apps' context API (migration 003_app). Column conventions as in `core.ts`
 * (ISO-8601 UTC text instants, JSON as text, money as integer centavos).
 *
 * Customer keys are normalized identities with a kind prefix, the same everywhere:
 * `document:<11 or 14 chars>`, `phone:<E.164>`, `email:<lower-case address>`. The hot path of the
 * context API is: ticket → conversation (or link) → order number → order, then customer keys →
 * notes, ratings; every one of those steps is an indexed lookup.
 */

/** One order as the marketplace reports it. Key (tenant, source, external id). */
export interface AppOrdersTable {
  tenant_id: string;
  source: string;
  external_id: string;
  /** The number the customer quotes, as the source writes it (`app_order_numbers` holds it normalized). */
  number: string;
  status: string;
  source_status: string | null;
  /** Normalized keys of the buyer, null when absent or too weak to identify anyone (relay e-mails). */
  customer_document: string | null;
  customer_phone: string | null;
  customer_email: string | null;
  /** JSON `CustomerIdentity` as the source gave it (name, raw e-mail/phone/document). */
  customer: string;
  /** JSON `OrderItem[]`. */
  items: string;
  items_total_cents: number;
  shipping_cents: number;
  discount_cents: number;
  total_cents: number;
  placed_at: string;
  approved_at: string | null;
  invoiced_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  canceled_at: string | null;
  estimated_delivery_date: string | null;
  revised_delivery_date: string | null;
  /** JSON `Invoice[]`. */
  invoices: string;
  /** JSON `Address` or null. */
  shipping_address: string | null;
  /** JSON `string[]`: pack ids, SAC codes, pedido_mm… (also rows of `app_order_numbers`). */
  aliases: string;
  /** The source's `updatedAt` of the order. */
  source_updated_at: string;
  ingested_at: string;
}

/** Every number (main and aliases, normalized) an order is known by. Key (tenant, number, source, external id). */
export interface AppOrderNumbersTable {
  tenant_id: string;
  number: string;
  source: string;
  order_external_id: string;
}

/** Shipments of an order, `position` in the order's list. Key (tenant, source, order, position). */
export interface AppShipmentsTable {
  tenant_id: string;
  source: string;
  order_external_id: string;
  position: number;
  carrier: string;
  carrier_name: string | null;
  tracking_code: string | null;
  tracking_url: string | null;
  status: string;
  /** JSON `{ sku, quantity }[]`. */
  items: string;
  posted_at: string | null;
  estimated_delivery_date: string | null;
  delivered_at: string | null;
  /** JSON `TrackingEvent[]`, newest first. */
  events: string;
  last_checked_at: string | null;
}

/** An agent's note about a customer. Key (tenant, id). */
export interface AppCustomerNotesTable {
  tenant_id: string;
  id: string;
  customer_key: string;
  ticket_id: string | null;
  author_id: string;
  author_name: string;
  text: string;
  pinned: number;
  created_at: string;
  updated_at: string | null;
}

/** Zendesk satisfaction ratings. Key (tenant, external id). */
export interface AppCsatRatingsTable {
  tenant_id: string;
  external_id: string;
  ticket_id: string;
  /** The rated customer's strongest key, when known (see the header comment). */
  customer_key: string | null;
  score: string;
  comment: string | null;
  reason: string | null;
  channel: string | null;
  agent_id: string | null;
  requester_id: string | null;
  created_at: string;
}

/** An agent's manual link of a ticket to an order (the sidebar's lookup). Key (tenant, ticket). */
export interface AppTicketLinksTable {
  tenant_id: string;
  ticket_id: string;
  source: string;
  order_external_id: string;
  /** What the agent searched by: `order`, `document`, `email` or `phone`, and the normalized value. */
  matched_kind: string;
  matched_value: string;
  created_at: string;
}

/**
 * One installation of a Vitrine Zendesk app. Its shared secret signs the app's requests (through the
 * Zendesk proxy); it is stored AES-256-GCM encrypted with the service's secret key. Key (tenant, installation).
 */
export interface AppInstallationsTable {
  tenant_id: string;
  installation_id: string;
  ciphertext: string;
  iv: string;
  tag: string;
  key_version: number;
  created_at: string;
  /** Set when the installation is removed or its secret rotated away: its tokens stop verifying. */
  revoked_at: string | null;
}

export interface AppTables {
  app_orders: AppOrdersTable;
  app_order_numbers: AppOrderNumbersTable;
  app_shipments: AppShipmentsTable;
  app_customer_notes: AppCustomerNotesTable;
  app_csat_ratings: AppCsatRatingsTable;
  app_ticket_links: AppTicketLinksTable;
  app_installations: AppInstallationsTable;
}
