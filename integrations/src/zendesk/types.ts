/**
 * The Zendesk REST shapes Vitrine reads and writes (the subset it uses; Zendesk sends more fields,
 * which pass through untouched). Names follow the API, snake_case included, so a payload can be
 * compared with the documentation at a glance.
 */

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface CustomFieldValue {
  id: number;
  value: string | number | boolean | string[] | null;
}

export interface Via {
  /** `api`, `web`, `email`, `whatsapp`, `instagram_dm`, `native_messaging`, … */
  channel: string;
  source?: { from?: Record<string, unknown>; to?: Record<string, unknown>; rel?: string | null };
}

export interface SatisfactionRatingSummary {
  score: 'offered' | 'unoffered' | 'good' | 'bad';
  comment?: string | null;
  id?: number;
}

export interface Ticket {
  id: number;
  url?: string;
  external_id: string | null;
  via: Via;
  created_at: string;
  updated_at: string;
  /** Seconds; bumped by every change (what incremental exports match on). */
  generated_timestamp?: number;
  subject: string | null;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority | null;
  requester_id: number;
  submitter_id?: number | null;
  assignee_id?: number | null;
  tags: string[];
  custom_fields: CustomFieldValue[];
  satisfaction_rating?: SatisfactionRatingSummary | null;
  [extra: string]: unknown;
}

export interface CommentInput {
  body?: string;
  html_body?: string;
  public?: boolean;
  author_id?: number;
}

export interface Comment {
  id: number;
  type: 'Comment' | 'VoiceComment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  created_at: string;
  via?: Via;
  attachments: unknown[];
  metadata?: Record<string, unknown>;
}

export interface RequesterInput {
  name?: string;
  email?: string;
  locale_id?: number;
}

/** Body of a ticket create (`POST /tickets`, or one item of `create_many`). */
export interface TicketCreate {
  subject?: string;
  comment: CommentInput;
  requester_id?: number;
  requester?: RequesterInput;
  external_id?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  tags?: string[];
  custom_fields?: CustomFieldValue[];
  assignee_id?: number;
  [extra: string]: unknown;
}

/** Body of a ticket update (`PUT /tickets/{id}`, or one item of `update_many` with its `id`). */
export interface TicketUpdate {
  comment?: CommentInput;
  status?: TicketStatus;
  priority?: TicketPriority;
  /** Replaces the whole tag list. */
  tags?: string[];
  additional_tags?: string[];
  remove_tags?: string[];
  custom_fields?: CustomFieldValue[];
  external_id?: string;
  assignee_id?: number;
  /** With `updated_stamp`: answer 409 instead of applying if the ticket changed since that stamp. */
  safe_update?: boolean;
  updated_stamp?: string;
  [extra: string]: unknown;
}

export type UserRole = 'end-user' | 'agent' | 'admin';

export interface User {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  role: UserRole;
  locale?: string;
  created_at: string;
  updated_at: string;
  user_fields?: Record<string, unknown>;
  [extra: string]: unknown;
}

export type IdentityType = 'email' | 'phone_number';

export interface UserInput {
  name?: string;
  email?: string;
  phone?: string;
  external_id?: string;
  role?: UserRole;
  locale?: string;
  verified?: boolean;
  skip_verify_email?: boolean;
  identities?: Array<{ type: IdentityType; value: string }>;
  user_fields?: Record<string, unknown>;
}

export interface Identity {
  id: number;
  user_id: number;
  type: IdentityType;
  value: string;
  primary: boolean;
  verified: boolean;
  created_at: string;
}

export interface TicketField {
  id: number;
  type: string;
  title: string;
  /** Stable key of the field (`vitrine_marketplace`…), used to resolve ids per account. */
  key?: string | null;
  active: boolean;
  description?: string;
  custom_field_options?: Array<{ name: string; value: string }>;
  [extra: string]: unknown;
}

export interface TicketFieldInput {
  type: 'text' | 'textarea' | 'date' | 'integer' | 'decimal' | 'tagger' | 'checkbox' | 'regexp';
  title: string;
  key?: string;
  description?: string;
  custom_field_options?: Array<{ name: string; value: string }>;
}

export interface WebhookInput {
  name: string;
  endpoint: string;
  http_method?: 'POST' | 'PUT' | 'PATCH' | 'GET' | 'DELETE';
  request_format?: 'json' | 'xml' | 'form_encoded';
  status?: 'active' | 'inactive';
  subscriptions?: string[];
  authentication?: {
    type: 'bearer_token' | 'basic_auth' | 'api_key';
    data: Record<string, string>;
    add_position: 'header';
  };
}

export interface Webhook extends Required<Omit<WebhookInput, 'authentication'>> {
  id: string;
  authentication?: { type: string; add_position: string };
  created_at: string;
}

export interface SigningSecret {
  algorithm: 'SHA256';
  secret: string;
}

export interface TriggerCondition {
  field: string;
  operator: string;
  value?: string | number | boolean | null;
}

export interface TriggerAction {
  field: string;
  value: string | number | Array<string | number>;
}

export interface TriggerInput {
  title: string;
  active?: boolean;
  description?: string;
  conditions: { all?: TriggerCondition[]; any?: TriggerCondition[] };
  actions: TriggerAction[];
}

export interface Trigger extends TriggerInput {
  id: number;
  active: boolean;
  position: number;
  created_at: string;
  updated_at: string;
}

export type JobState = 'queued' | 'working' | 'completed' | 'failed' | 'killed';

/** One item of a job's `results` as Zendesk sends it (fields vary with the job type). */
export interface RawJobResult {
  index?: number;
  id?: number;
  action?: string;
  success?: boolean;
  status?: string;
  error?: string;
  errors?: string | string[];
  details?: string | Record<string, unknown>;
  external_id?: string;
  email?: string;
  [extra: string]: unknown;
}

export interface JobStatus {
  id: string;
  url: string;
  job_type?: string;
  status: JobState;
  total: number | null;
  progress: number | null;
  message: string | null;
  results: RawJobResult[] | null;
}

export interface SatisfactionRating {
  id: number;
  url?: string;
  ticket_id: number;
  requester_id: number;
  assignee_id: number | null;
  score: 'offered' | 'unoffered' | 'good' | 'bad';
  comment: string | null;
  reason?: string | null;
  created_at: string;
  updated_at: string;
}

export type SatisfactionScoreFilter =
  | 'offered'
  | 'unoffered'
  | 'received'
  | 'received_with_comment'
  | 'received_without_comment'
  | 'good'
  | 'good_with_comment'
  | 'good_without_comment'
  | 'bad'
  | 'bad_with_comment'
  | 'bad_without_comment';

export interface CursorMeta {
  has_more: boolean;
  after_cursor: string | null;
  before_cursor: string | null;
}

export interface CursorLinks {
  next: string | null;
  prev: string | null;
}

export interface IncrementalTicketsPage {
  tickets: Ticket[];
  after_cursor: string | null;
  after_url: string | null;
  before_cursor?: string | null;
  before_url?: string | null;
  end_of_stream: boolean;
}
