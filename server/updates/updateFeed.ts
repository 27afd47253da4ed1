import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance } from 'fastify';

/** Where the app's updater looks: `<server>/updates/latest.yml` and the files it names. */
export const UPDATES_PREFIX = '/updates/';

/**
 * Serves IT's updates folder read-only under /updates/: the installers, their blockmaps and the
 * `latest*.yml` files electron-builder writes. No sign-in: installers are not secret, and an
 * updater must reach them before anyone signs in. Range requests work (the updater downloads
 * only the changed blocks of an installer, and resumes). There is no directory listing, dotfiles
 * are not served, and a path that leads out of the folder is refused.
 *
 * Registered in its own context so its refusals keep our error shape without touching the API's.
 */
export async function registerUpdateFeed(app: FastifyInstance, updatesDir: string): Promise<void> {
  await app.register(async (feed) => {
    const notFound = (url: string) => ({ error: { code: 'NOT_FOUND', message: `No such file in the updates folder: ${url.split('?')[0]}` } });
    feed.setNotFoundHandler((request, reply) => reply.status(404).send(notFound(request.url)));
    feed.setErrorHandler((error: FastifyError, request, reply) => {
      // A folder (trailing slash) is refused by the file server as it would be listed: it is simply not there.
      if (error.statusCode === 403 && request.url.split('?')[0]!.endsWith('/')) return reply.status(404).send(notFound(request.url));
      if (error.statusCode === 403) {
        return reply.status(403).send({ error: { code: 'FORBIDDEN', message: 'That path is not served: it leads outside the updates folder or is not written plainly.' } });
      }
      if (error.statusCode === 416) {
        return reply.status(416).send({ error: { code: 'VALIDATION_FAILED', message: 'The requested range is outside the file.' } });
      }
      request.log.error({ err: error }, 'update feed failed');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: 'The server failed. The error was logged.' } });
    });
    await feed.register(fastifyStatic, {
      root: path.resolve(updatesDir),
      prefix: '/',
      // Files IT drops in later are served without a restart.
      wildcard: true,
      list: false,
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      decorateReply: false,
      acceptRanges: true,
      // `latest.yml` changes in place when IT publishes a version: every PC must see the new one.
      cacheControl: false,
      setHeaders: (reply) => void reply.header('cache-control', 'no-cache'),
    });
  }, { prefix: UPDATES_PREFIX.slice(0, -1) });
}
