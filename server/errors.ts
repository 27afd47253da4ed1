import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode, RejectionCode } from '../shared/sync/protocol';

/** A refusal the client caused: a 4xx with a machine-readable code and a sentence. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | RejectionCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers that belong to the refusal, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** zod-parse a body, query or params; a mismatch is a 400 naming the first problem. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, 'VALIDATION_FAILED', `The request was not valid: ${where}${issue.message}.`);
}

/** Fastify's own 4xx errors (bad JSON, too large, wrong media type) keep their status, with our shape. */
const FASTIFY_CODES: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json).'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'The request is too large. Send fewer changes at once.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_JSON', 'The request body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BAD_JSON', 'The request body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_JSON', 'The Content-Length does not match the body.'],
};

export function errorHandler(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) {
    return reply
      .status(error.status)
      .headers(error.headers)
      .send({ error: { code: error.code, message: error.message, ...error.extra } });
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return reply.status(known[0]).send({ error: { code: known[1], message: known[2] } });
  if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
    return reply
      .status(error.statusCode && error.statusCode < 500 ? error.statusCode : 400)
      .send({ error: { code: 'BAD_JSON', message: 'The request could not be read.' } });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: { code: 'INTERNAL', message: 'The server failed. The error was logged.' } });
}
