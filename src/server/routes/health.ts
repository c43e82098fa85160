// GET /api/health: the engine runs; its tick statistics; calls and alarms.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiContext } from '../app.ts';
import { errorResponses, healthSchema } from './schemas.ts';

export const healthRoutes: FastifyPluginAsync<{ ctx: ApiContext }> = async (app, { ctx }) => {
  app.get('/health', { schema: { response: { 200: healthSchema, ...errorResponses } } }, async () => ctx.health());
};
