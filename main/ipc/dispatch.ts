import type { z } from 'zod';
import type { InvokeMethod } from '../../shared/ipc/channels';
import { contract, type Handlers } from '../../shared/ipc/contract';
import { AppError, fail, ok, type Result } from '../../shared/ipc/result';
import type { Logger } from '../core/logger';

/** Routes one channel's payload to its handler: parse, call, wrap. */
export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

const methodByChannel = new Map<string, InvokeMethod>(
  (Object.keys(contract) as InvokeMethod[]).map((method) => [contract[method].channel, method]),
);

/** Every channel the contract declares, for registration and tests. */
export const contractChannels = (): string[] => [...methodByChannel.keys()];

/**
 * The one place a request meets a handler, shared by Electron's ipcMain
 * registration and the browser test harness so both validate identically:
 * the payload is zod-parsed before the handler runs (a malformed one never
 * reaches it), the response is parsed on the way out (so nothing outside the
 * contract, such as a secret, can leak), and every error becomes a code and
 * a sentence, never a stack.
 */
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, payload) => {
    const method = methodByChannel.get(channel);
    if (!method) return fail('BAD_REQUEST', `Unknown request "${channel}".`);
    const spec = contract[method];

    const request = spec.request.safeParse(payload);
    if (!request.success) {
      logger.warn(`ipc ${channel}: malformed request refused`, describeIssues(request.error));
      return fail('BAD_REQUEST', `The request was not valid: ${describeIssues(request.error)}.`);
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(request.data);
      return ok((spec.response as z.ZodType).parse(value));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      logger.error(`ipc ${channel}: handler failed`, error);
      return fail('INTERNAL', 'Something went wrong on this computer. The details were written to the log.');
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
