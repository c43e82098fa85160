// GET /api/health: the engine runs; its tick statistics; calls and alarms.
import type { FastifyPluginAsync } from 'fastify';
import { errorResponses, healthSchema } from '../board-schemas.ts';
import type { ApiContext } from '../api-context.ts';

export const healthRoutes: FastifyPluginAsync<{ ctx: ApiContext }> = async (app, { ctx }) => {
  app.get('/health', { schema: { response: { 200: healthSchema, ...errorResponses } } }, async () => ctx.health());
};
