import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context';

export interface ZendeskSandboxOptions {
  /** Requests per minute of the simulated plan (Suite Team 200 by default). */
  rateLimitPerMinute?: number;
}

/** Sandbox Zendesk, mounted at `/sandbox/zendesk/api/v2/…`. */
export async function registerZendeskSandbox(
  _scope: FastifyInstance,
  _ctx: SandboxContext,
  _options: ZendeskSandboxOptions = {},
): Promise<void> {}
