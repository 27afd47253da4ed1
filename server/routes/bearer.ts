import type { FastifyRequest } from 'fastify';

/** The token of `Authorization: Bearer <token>`, or '' when there is none. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
}
