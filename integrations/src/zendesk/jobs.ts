import type { JobState, JobStatus, RawJobResult } from './types';

/** One item of a bulk job, normalized: `index` is the position in what *we* sent. */
export interface JobItemResult {
  index: number;
  id: number | null;
  success: boolean;
  /** Zendesk's per-item status (`Created`, `Updated`, `Failed`…) or action (`create`, `update`). */
  status: string | null;
  errors: string[];
  externalId: string | null;
}

export interface JobOutcome {
  id: string;
  status: JobState;
  message: string | null;
  results: JobItemResult[];
}

export const FINISHED_JOB_STATES: ReadonlySet<JobState> = new Set(['completed', 'failed', 'killed']);

function errorsOf(raw: RawJobResult): string[] {
  const out: string[] = [];
  const push = (value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value)) value.forEach(push);
    else if (typeof value === 'object') out.push(JSON.stringify(value));
    else out.push(String(value));
  };
  push(raw.error);
  push(raw.errors);
  push(raw.details);
  return out;
}

/**
 * Zendesk's job results differ by job type (`{index, id, action, success}` for tickets,
 * `{id, status: "Created"|"Updated"|"Failed", error, details}` for users); this gives every caller
 * the same shape. `offset` shifts indexes when a big batch was split into chunks of 100.
 */
export function normalizeJobResults(job: JobStatus, offset = 0): JobItemResult[] {
  return (job.results ?? []).map((raw, position) => {
    const errors = errorsOf(raw);
    const failed =
      raw.success === false || raw.status === 'Failed' || (raw.success === undefined && errors.length > 0);
    return {
      index: offset + (typeof raw.index === 'number' ? raw.index : position),
      id: typeof raw.id === 'number' ? raw.id : null,
      success: !failed,
      status: raw.status ?? raw.action ?? null,
      errors,
      externalId: typeof raw.external_id === 'string' ? raw.external_id : null,
    };
  });
}
