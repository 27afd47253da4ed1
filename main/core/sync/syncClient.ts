import {
  AssignableUsersResponse,
  type AssignableUser,
  API_PREFIX,
  LoginResponse,
  PullEnvelope,
  PullResponse,
  PushResponse,
  REJECTION_CODES,
  type Mutation,
  type RejectionCode,
  type MutationResult,
} from '../../../shared/sync/protocol';
import type { ServerSession } from '../auth/tokens';
import type { FetchFn } from '../net/fetchPort';
import { describeNetworkError } from '../net/networkError';

/** Why a request did not get an answer we can use; the worker decides what each means. */
export class SyncRequestError extends Error {
  constructor(
    /** expired: the access token ran out (refresh it); unauthorized: the sign-in is no longer accepted. */
    readonly kind: 'unreachable' | 'unauthorized' | 'expired' | 'resync' | 'refused' | 'unexpected',
    message: string,
    /** For `refused`: the server's code when it is one a refused change can carry. */
    readonly code?: RejectionCode,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 15_000;
const HEALTH_TIMEOUT_MS = 3_000;

/**
 * The protocol of docs/sync-protocol.md over fetch. Every answer is checked
 * with the shared zod schemas: a server that says something else is treated
 * as unreachable, never trusted.
 */
export class SyncClient {
  constructor(
    readonly baseUrl: string,
    /** The network the shell gives (Electron's net.fetch), or undici with explicit proxy and CA under Node. */
    private readonly fetch: FetchFn,
  ) {}

  /** Online, or why not, in a sentence IT can act on (Settings → Test connection). */
  async probe(): Promise<{ ok: true } | { ok: false; reason: string }> {
    let reason = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const response = await this.fetch(`${this.baseUrl}${API_PREFIX}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
        if (response.ok) return { ok: true };
        reason = `Something answered at ${this.baseUrl}, but not as a Shopfloor sync server does (HTTP ${response.status}). Check the address.`;
      } catch (error) {
        reason = describeNetworkError(error, this.baseUrl);
      }
    }
    return { ok: false, reason };
  }

  /**
   * Online means the server answers this in time, whatever the OS says. Asked
   * twice: after the network drops, the first request can go out on a pooled
   * connection that is already dead, which says nothing about the server.
   */
  async healthy(): Promise<boolean> {
    return (await this.probe()).ok;
  }

  /** A new access token (and a new refresh token: the old one is used up). */
  async refresh(refreshToken: string): Promise<ServerSession> {
    const parsed = LoginResponse.safeParse(await this.request('POST', '/auth/refresh', null, { refreshToken }));
    if (!parsed.success) throw new SyncRequestError('unreachable', 'The server answered the refresh with something unexpected.');
    return { token: parsed.data.token, refreshToken: parsed.data.refreshToken, expiresAt: parsed.data.expiresAt };
  }

  async push(token: string, clientId: string, mutations: Mutation[]): Promise<MutationResult[]> {
    const body = await this.request('POST', '/sync/push', token, { clientId, mutations });
    const parsed = PushResponse.safeParse(body);
    if (!parsed.success || parsed.data.results.length !== mutations.length) {
      throw new SyncRequestError('unreachable', 'The server answered the push with something unexpected.');
    }
    return parsed.data.results;
  }

  async pull(token: string, cursor: string | null, limit: number): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const parsed = PullResponse.safeParse(await this.request('GET', `/sync/pull?${query}`, token));
    if (!parsed.success) throw new SyncRequestError('unreachable', 'The server answered the pull with something unexpected.');
    return parsed.data;
  }

  /**
   * A page whose changes are checked elsewhere (the pull writer's thread), so
   * that validating hundreds of records never blocks the main thread. Only the
   * envelope is checked here; the body goes on as text.
   */
  async pullUnchecked(token: string, cursor: string | null, limit: number): Promise<{ body: string; count: number; cursor: string; hasMore: boolean }> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const body = await this.request('GET', `/sync/pull?${query}`, token, undefined, 'text');
    let envelope;
    try {
      envelope = PullEnvelope.safeParse(JSON.parse(body as string));
    } catch {
      envelope = { success: false as const };
    }
    if (!envelope.success) throw new SyncRequestError('unreachable', 'The server answered the pull with something unexpected.');
    return { body: body as string, count: envelope.data.changes.length, cursor: envelope.data.cursor, hasMore: envelope.data.hasMore };
  }

  /** Active accounts (the assignee picker's list). */
  async assignableUsers(token: string): Promise<AssignableUser[]> {
    const parsed = AssignableUsersResponse.safeParse(await this.request('GET', '/users/assignable', token));
    if (!parsed.success) throw new SyncRequestError('unexpected', 'The server answered the user list with something unexpected.');
    return parsed.data.users;
  }

  private async request(method: string, path: string, token: string | null, body?: unknown, as: 'json' | 'text' = 'json'): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${API_PREFIX}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new SyncRequestError('unreachable', 'The server could not be reached.');
    }
    if (response.ok && as === 'text') {
      // The body comes after the status: a network lost (or the time up) halfway through it is still "not reached".
      try {
        return await response.text();
      } catch {
        throw new SyncRequestError('unreachable', 'The server could not be reached.');
      }
    }
    const payload = await response.json().catch(() => undefined);
    if (response.ok) return payload;
    const error = (payload as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (response.status === 401) {
      if (error?.code === 'TOKEN_EXPIRED') throw new SyncRequestError('expired', 'The sign-in expired; renewing it.');
      throw new SyncRequestError('unauthorized', 'The server no longer accepts this sign-in.');
    }
    if (response.status === 410) throw new SyncRequestError('resync', 'The server’s data was restored; starting over.');
    if (response.status >= 500) throw new SyncRequestError('unreachable', `The server failed (${response.status}).`);
    // Only "this request is wrong" (400, 413) refuses changes. Any other status (404 from something
    // that is not our server, 429, ...) says nothing about them: the cycle fails and is retried.
    if (response.status !== 400 && response.status !== 413) {
      throw new SyncRequestError('unexpected', `The server answered ${response.status}${error?.message ? `: ${error.message}` : ''}.`);
    }
    const code = (REJECTION_CODES as readonly string[]).includes(error?.code ?? '') ? (error!.code as RejectionCode) : undefined;
    throw new SyncRequestError('refused', error?.message ?? `HTTP ${response.status}`, code);
  }
}

/** Full-jitter exponential backoff: about 1 s doubling to about 5 min (SYNC.md). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1_000 * 2 ** Math.min(attempt, 20));
  return Math.max(250, Math.floor(random() * ceiling));
}
