// The simulated world over HTTP (only on the simulated board):
//   POST   /api/sim/calls                {from, to}   a PSTN call into a line -> 201 {id, state, ...}
//   POST   /api/sim/calls/:id/digits     {digits}     the caller presses keys
//   GET    /api/sim/calls/:id                         state, tones and digits heard so far
//   DELETE /api/sim/calls/:id                         the caller hangs up
//   GET    /api/sim/phones/:ext                       hook, ringing, display, what it hears
//   POST   /api/sim/phones/:ext/offhook | onhook | flash, /digits {digits}
//   PUT    /api/sim/spans/:span/alarms       {alarms}     an E1 span goes into alarm (los, red, yellow, ais; [] clears)
import type { FastifyPluginAsync } from 'fastify';
import { digitsBody, errorResponses, extParams, phoneSchema, placeCallBody, simCallIdParams, simCallSchema } from '../board-schemas.ts';
import type { SimControl } from '../views.ts';

interface IdParams {
  id: number;
}
const spanAlarmSchema = {
  type: 'object',
  required: ['span', 'alarms'],
  properties: { span: { type: 'integer' }, alarms: { type: 'array', items: { type: 'string' } } },
} as const;
const spanAlarmBody = {
  type: 'object',
  additionalProperties: false,
  required: ['alarms'],
  properties: { alarms: { type: 'array', uniqueItems: true, maxItems: 4, items: { enum: ['los', 'red', 'yellow', 'ais'] } } },
} as const;
const spanParams = { type: 'object', required: ['span'], properties: { span: { type: 'integer', minimum: 1, maximum: 64 } } } as const;

interface ExtParams {
  ext: string;
}

export const simRoutes: FastifyPluginAsync<{ sim: SimControl }> = async (app, { sim }) => {
  app.post<{ Body: { from: string; to: string } }>(
    '/calls',
    { schema: { body: placeCallBody, response: { 201: simCallSchema, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await sim.placeCall(req.body)),
  );
  app.get<{ Params: IdParams }>(
    '/calls/:id',
    { schema: { params: simCallIdParams, response: { 200: simCallSchema, ...errorResponses } } },
    async (req) => sim.viewCall(req.params.id),
  );
  app.post<{ Params: IdParams; Body: { digits: string } }>(
    '/calls/:id/digits',
    { schema: { params: simCallIdParams, body: digitsBody, response: { 200: simCallSchema, ...errorResponses } } },
    async (req) => sim.press(req.params.id, req.body.digits),
  );
  app.delete<{ Params: IdParams }>(
    '/calls/:id',
    { schema: { params: simCallIdParams, response: { 200: simCallSchema, ...errorResponses } } },
    async (req) => sim.hangup(req.params.id),
  );

  app.get<{ Params: ExtParams }>(
    '/phones/:ext',
    { schema: { params: extParams, response: { 200: phoneSchema, ...errorResponses } } },
    async (req) => sim.viewPhone(req.params.ext),
  );
  for (const op of ['offhook', 'onhook', 'flash'] as const) {
    app.post<{ Params: ExtParams }>(
      `/phones/:ext/${op}`,
      { schema: { params: extParams, response: { 200: phoneSchema, ...errorResponses } } },
      async (req) => sim.phoneDo(req.params.ext, op),
    );
  }
  app.post<{ Params: ExtParams; Body: { digits: string } }>(
    '/phones/:ext/digits',
    { schema: { params: extParams, body: digitsBody, response: { 200: phoneSchema, ...errorResponses } } },
    async (req) => sim.phoneDo(req.params.ext, 'digits', req.body.digits),
  );
  app.put<{ Params: { span: number }; Body: { alarms: ('los' | 'red' | 'yellow' | 'ais')[] } }>(
    '/spans/:span/alarms',
    { schema: { params: spanParams, body: spanAlarmBody, response: { 200: spanAlarmSchema, ...errorResponses } } },
    async (req) => sim.spanAlarm(req.params.span, req.body.alarms),
  );
};
