// The web console (web/, built into web/dist by the set-up) at /: its files,
// and index.html for any other GET outside /api and /docs, so the browser's
// own routes (/login, /admin/...) load the app. Same origin as the API and
// the WebSocket. Without a build (a server started without the set-up) / says
// how to make one instead of answering a bare 404.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export const webConsole: FastifyPluginAsync<{ dir?: string }> = async (app, opts) => {
  const dir = opts.dir ?? WEB_DIST;
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply.code(503).type('text/plain').send('The web console is not built: run `npm start` (or `node src/setup/build-web.mjs`).\n'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: dir, serve: false }); // reply.sendFile only: the routes are below
  const index = (reply: FastifyReply) => reply.sendFile('index.html', { maxAge: 0, immutable: false });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => index(reply));
  // The app's hashed assets: cached for good.
  app.get('/assets/*', { schema: { hide: true } }, async (req, reply) =>
    reply.sendFile(join('assets', (req.params as { '*': string })['*']), { maxAge: '365d', immutable: true }),
  );
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      !path.startsWith('/docs') &&
      !/\.[a-z0-9]+$/i.test(path)
    )
      return index(reply);
    return reply.code(404).send({ code: 'CTI_ERR_NOT_FOUND', message: `no route ${req.method} ${path}` });
  });
};
