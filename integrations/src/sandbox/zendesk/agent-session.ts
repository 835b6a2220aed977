import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SandboxState } from '../core/state';

/**
 * The agent interface's session. In Zendesk an agent's browser authenticates `/api/v2/…` with a
 * session cookie, and those requests do not count against the account's per-minute API limit;
 * endpoint limits still apply (Zendesk help: "Is it possible to reach the API rate limit when I
 * update tickets in the user interface?"). The workbench is that interface over the sandbox: it
 * signs its agent in once, and its requests then carry the cookie instead of API credentials.
 *
 * The cookie is the user id and an HMAC under a key kept in the sandbox state, so sessions survive
 * a restart of the service as the rest of the sandbox does.
 */
export const SESSION_COOKIE = '_zendesk_session';

export class AgentSessions {
  private readonly key: Buffer;

  constructor(state: SandboxState) {
    let key = state.getMeta<string>('zendesk.session_key');
    if (!key) {
      key = randomBytes(32).toString('hex');
      state.setMeta('zendesk.session_key', key);
    }
    this.key = Buffer.from(key, 'hex');
  }

  /** The `Set-Cookie` value that signs `userId` in, for every path of the sandbox Zendesk. */
  cookieFor(userId: number, path: string): string {
    const value = `${userId}.${this.mac(userId)}`;
    return `${SESSION_COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Strict`;
  }

  /** The signed-in user id from a `Cookie` header, or null (no cookie, or not one we signed). */
  userIdFrom(cookieHeader: string | undefined): number | null {
    const value = cookieHeader
      ?.split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
      ?.slice(SESSION_COOKIE.length + 1);
    const match = value ? /^(\d+)\.([0-9a-f]{64})$/.exec(value) : null;
    if (!match) return null;
    const userId = Number(match[1]);
    const expected = Buffer.from(this.mac(userId), 'hex');
    const given = Buffer.from(match[2]!, 'hex');
    return timingSafeEqual(expected, given) ? userId : null;
  }

  private mac(userId: number): string {
    return createHmac('sha256', this.key).update(`agent-session|${userId}`).digest('hex');
  }
}
