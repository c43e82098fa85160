// /api/dispositions: the wrap-up codes of the configuration (`dispositions:`),
// in the order agents see them. An agent sets one on a call record with
// PATCH /api/call-records/:id.
import type { FastifyPluginAsync } from 'fastify';
import { ANY } from '../auth.ts';
import type { CallCenterContext } from '../context.ts';
import { dispositionSchema, errors } from '../schemas.ts';

export const dispositionRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  app.get(
    '/',
    {
      config: { roles: ANY },
      schema: {
        tags: ['call records'],
        summary: 'The wrap-up codes (call reasons / outcomes) agents choose from; label: the configured one, else the code',
        response: { 200: { type: 'array', items: dispositionSchema }, ...errors },
      },
    },
    async () => cc.dispositions.map((d) => ({ code: d.code, label: d.label ?? d.code })),
  );
};
