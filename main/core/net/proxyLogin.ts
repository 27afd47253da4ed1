/**
 * Answers a proxy that asks for a user name and password (Electron's app 'login' event with
 * authInfo.isProxy), without Electron: the shell passes the challenge and a prompt (a small
 * window), this decides whether to ask, reuse or give up. Credentials live in this object's
 * memory for the session only: never written, never logged, never sent anywhere but the proxy.
 *
 * Loops are what hurt here: the sync worker retries every few seconds, and a proxy that refuses
 * the password would pop a dialog forever. So:
 * - one prompt at a time per proxy: challenges that arrive meanwhile wait for its answer;
 * - a challenge right after we answered (concurrent requests) reuses the answer;
 * - a challenge soon after that means the proxy refused it: ask again, saying so, at most
 *   MAX_REFUSALS times in a row, then stop asking for a while;
 * - Cancel also stops the asking for a while (the app works offline meanwhile);
 * - a challenge long after an answer (the proxy's session ended) simply asks again.
 * Only proxies get credentials: a web server asking for a password is refused (the sync server
 * uses tokens, never HTTP authentication).
 */
export interface ProxyChallenge {
  isProxy: boolean;
  host: string;
  port: number;
  realm?: string;
  scheme: string;
}

export interface ProxyCredentials {
  username: string;
  password: string;
}

export interface PromptContext {
  /** e.g. "proxy.shop.local:3128" */
  proxy: string;
  realm?: string;
  /** The last answer was refused by the proxy. */
  refused: boolean;
}

export type ProxyAnswer = { kind: 'use'; credentials: ProxyCredentials } | { kind: 'cancel'; reason: string };

/** Concurrent requests challenged right after an answer share it. */
export const REUSE_WINDOW_MS = 5_000;
/** A new challenge within this time of an answer means the proxy refused it. */
export const REFUSAL_WINDOW_MS = 60_000;
export const MAX_REFUSALS = 3;
/** After Cancel or too many refusals: no dialog for this long (sync keeps working offline). */
export const QUIET_MS = 15 * 60_000;

interface ProxyState {
  credentials?: ProxyCredentials;
  answeredAt?: number;
  refusals: number;
  quietUntil?: number;
  prompting?: Promise<ProxyAnswer>;
}

export class ProxyLoginBroker {
  private readonly proxies = new Map<string, ProxyState>();

  constructor(
    private readonly prompt: (context: PromptContext) => Promise<ProxyCredentials | null>,
    private readonly now: () => number = Date.now,
  ) {}

  answer(challenge: ProxyChallenge): Promise<ProxyAnswer> {
    if (!challenge.isProxy) return Promise.resolve({ kind: 'cancel', reason: 'Only a proxy is given a password; this was a web server.' });
    const key = `${challenge.host}:${challenge.port}`;
    const state = this.proxies.get(key) ?? { refusals: 0 };
    this.proxies.set(key, state);
    if (state.prompting) return state.prompting;
    const now = this.now();
    if (state.quietUntil !== undefined && now < state.quietUntil) {
      return Promise.resolve({ kind: 'cancel', reason: `Not asking again for the proxy ${key} yet.` });
    }
    let refused = false;
    if (state.credentials && state.answeredAt !== undefined) {
      const since = now - state.answeredAt;
      if (since < REUSE_WINDOW_MS) return Promise.resolve({ kind: 'use', credentials: state.credentials });
      refused = since < REFUSAL_WINDOW_MS;
      state.credentials = undefined;
      state.refusals = refused ? state.refusals + 1 : 0;
      if (state.refusals >= MAX_REFUSALS) {
        this.quiet(state);
        return Promise.resolve({ kind: 'cancel', reason: `The proxy ${key} refused the user name and password ${MAX_REFUSALS} times.` });
      }
    }
    state.prompting = this.ask(state, { proxy: key, realm: challenge.realm, refused }).finally(() => (state.prompting = undefined));
    return state.prompting;
  }

  /** Signing out of the PC, or Settings → another server: forget every password. */
  forgetAll(): void {
    this.proxies.clear();
  }

  private async ask(state: ProxyState, context: PromptContext): Promise<ProxyAnswer> {
    let given: ProxyCredentials | null;
    try {
      given = await this.prompt(context);
    } catch {
      given = null;
    }
    if (!given || !given.username) {
      this.quiet(state);
      return { kind: 'cancel', reason: 'The proxy sign-in was cancelled.' };
    }
    state.credentials = { username: given.username, password: given.password };
    state.answeredAt = this.now();
    return { kind: 'use', credentials: state.credentials };
  }

  private quiet(state: ProxyState): void {
    state.credentials = undefined;
    state.refusals = 0;
    state.quietUntil = this.now() + QUIET_MS;
  }
}
