// GET /api/boards: boards, spans (alarms, error counters) and channels with
// their live line state, role and the call on them.
import type { FastifyPluginAsync } from 'fastify';
import { boardsSchema, errorResponses } from '../board-schemas.ts';
import type { ApiContext } from '../api-context.ts';

export const boardRoutes: FastifyPluginAsync<{ ctx: ApiContext }> = async (app, { ctx }) => {
  app.get('/boards', { schema: { response: { 200: boardsSchema, ...errorResponses } } }, async () => ctx.boards());
};
