import { createHash } from 'node:crypto';
import type { JobStatus, RawJobResult, TicketCreate, TicketUpdate, UserInput } from '../../zendesk/types';
import type { SandboxContext } from '../core/context';
import type { Collection } from '../core/state';
import type { ZendeskSandboxAccount } from './account';
import { ZendeskSandboxError } from './errors';

/**
 * Bulk jobs (`create_many`, `update_many`, `create_or_update_many`): the request only queues a job
 * and answers its `job_status`; the work happens later, item by item, and each item's success or
 * error lands in `results`. Jobs are persisted, so one queued before a restart still runs after it.
 */

export type JobPayload =
  | { kind: 'tickets.create_many'; items: TicketCreate[] }
  | { kind: 'tickets.update_many'; items: Array<TicketUpdate & { id: number }> }
  | { kind: 'users.create_or_update_many'; items: UserInput[] };

export interface StoredJob extends Omit<JobStatus, 'url'> {
  payload: JobPayload;
  api_user_id: number;
  created_at: string;
}

/** Zendesk allows 30 queued or running jobs per account. */
export const MAX_ACTIVE_JOBS = 30;

function describeError(error: unknown): { error: string; details: string } {
  if (error instanceof ZendeskSandboxError) {
    return {
      error: error.error,
      details:
        typeof error.details === 'object'
          ? JSON.stringify(error.details)
          : (error.description ?? error.message),
    };
  }
  return { error: 'InternalError', details: (error as Error).message };
}

export class SandboxJobs {
  readonly jobs: Collection<StoredJob>;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly account: ZendeskSandboxAccount,
    private readonly delayMs: number,
  ) {
    this.jobs = ctx.state.collection<StoredJob>('zendesk.jobs', { indexes: { status: (j) => j.status } });
  }

  publicJob(job: StoredJob, baseUrl: string): JobStatus {
    return {
      id: job.id,
      url: `${baseUrl}/api/v2/job_statuses/${job.id}.json`,
      job_type: job.job_type,
      status: job.status,
      total: job.total,
      progress: job.progress,
      message: job.message,
      results: job.results,
    };
  }

  private activeCount(): number {
    return this.jobs.findBy('status', 'queued').length + this.jobs.findBy('status', 'working').length;
  }

  enqueue(payload: JobPayload, apiUserId: number): StoredJob {
    if (payload.items.length > 100) {
      throw new ZendeskSandboxError(
        400,
        'TooManyRecords',
        `At most 100 records per request (got ${payload.items.length})`,
      );
    }
    if (this.activeCount() >= MAX_ACTIVE_JOBS) {
      throw new ZendeskSandboxError(
        429,
        'TooManyJobs',
        'Number of allowed jobs exceeded. Wait for queued jobs to finish.',
        undefined,
        {
          'Retry-After': '5',
        },
      );
    }
    const n = this.ctx.state.nextValue('zendesk.job_seq');
    const id = createHash('md5').update(`${this.ctx.seed}|job|${n}`).digest('hex');
    const job: StoredJob = {
      id,
      job_type:
        payload.kind === 'users.create_or_update_many'
          ? 'ThirdPartyUserCreateOrUpdate'
          : payload.kind === 'tickets.create_many'
            ? 'ThirdPartyTicketCreate'
            : 'ThirdPartyTicketUpdate',
      status: 'queued',
      total: payload.items.length,
      progress: null,
      message: null,
      results: null,
      payload,
      api_user_id: apiUserId,
      created_at: new Date().toISOString(),
    };
    this.jobs.put(id, job);
    this.ctx.later(this.delayMs, () => this.run(id));
    return job;
  }

  resumePending(): void {
    for (const job of [...this.jobs.findBy('status', 'queued'), ...this.jobs.findBy('status', 'working')]) {
      this.ctx.later(this.delayMs, () => this.run(job.id));
    }
  }

  /** Runs a job now (the scheduler calls it; tests may too). */
  run(id: string): void {
    const job = this.jobs.get(id);
    if (!job || (job.status !== 'queued' && job.status !== 'working')) return;
    const apiUser = this.account.user(job.api_user_id);
    const results: RawJobResult[] = [];
    const { payload } = job;
    payload.items.forEach((item, index) => {
      try {
        if (payload.kind === 'tickets.create_many') {
          const { ticket } = this.account.createTicket(item as TicketCreate, apiUser);
          results.push({
            index,
            id: ticket.id,
            action: 'create',
            success: true,
            status: 'Created',
            external_id: ticket.external_id ?? undefined,
          });
        } else if (payload.kind === 'tickets.update_many') {
          const update = item as TicketUpdate & { id: number };
          const { id: ticketId, ...changes } = update;
          const { ticket } = this.account.updateTicket(Number(ticketId), changes, apiUser);
          results.push({ index, id: ticket.id, action: 'update', success: true, status: 'Updated' });
        } else {
          const { user, created } = this.account.createOrUpdateUser(item as UserInput);
          results.push({
            index,
            id: user.id,
            status: created ? 'Created' : 'Updated',
            email: user.email ?? undefined,
            external_id: user.external_id ?? undefined,
          });
        }
      } catch (error) {
        const { error: code, details } = describeError(error);
        const id = (item as { id?: number }).id;
        results.push({
          index,
          ...(typeof id === 'number' ? { id } : {}),
          success: false,
          status: 'Failed',
          error: code,
          details,
        });
      }
    });
    this.jobs.put(id, {
      ...job,
      status: 'completed',
      progress: results.length,
      results,
      message: `Completed at ${new Date().toISOString()}`,
    });
  }
}
