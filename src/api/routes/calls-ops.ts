// /api/extensions/:ext/...: call operations on the call of an extension's
// desk phone, and the extension's settings (DND, forwarding, camp-on). An
// agent acts on their own extension only; supervisors on any.
//
// Pickup rings the picking extension's phone; lifting it takes the call.
// Answering is done by lifting the handset: an analog phone cannot be taken
// off hook from the server, so POST .../answer answers 409 and says so.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { CallOpsService } from '../../callops/index.ts';
import type { Role } from '../../db/accounts.ts';
import { CtiError } from '../../native/errors.ts';
import { errors, okSchema } from '../schemas.ts';

const ROLES = { roles: ['agent', 'supervisor'] as Role[] };
const tags = ['call operations'];

const extParams = { type: 'object', required: ['ext'], properties: { ext: { type: 'string', pattern: '^[0-9]{2,8}$' } } } as const;
const number = { type: 'string', pattern: '^[0-9*#+]{1,32}$' } as const;
const target = { type: 'string', pattern: '^([0-9*#+]{1,32}|queue:[A-Za-z0-9_-]{1,64})$' } as const;
const dialBody = { type: 'object', additionalProperties: false, required: ['number'], properties: { number } } as const;
const transferBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to'],
  properties: {
    to: target,
    mode: { type: 'string', enum: ['blind', 'attended'], default: 'blind' },
    notes: { type: 'string', maxLength: 2000 },
  },
} as const;
const callView = {
  type: 'object',
  required: ['callId', 'extension', 'state', 'with', 'held', 'consulting', 'consultAnswered', 'conference', 'recording'],
  properties: {
    callId: { type: 'string' },
    extension: { type: 'string' },
    state: { type: 'string' },
    with: { type: ['string', 'null'] },
    held: { type: 'boolean' },
    consulting: { type: ['string', 'null'] },
    consultAnswered: { type: 'boolean', description: 'the consulted party has answered (complete and conference are possible)' },
    conference: { type: 'boolean' },
    recording: { type: ['string', 'null'] },
  },
} as const;
const pickupBody = {
  type: 'object',
  additionalProperties: false,
  properties: { from: { type: 'string', pattern: '^[0-9]{2,8}$', description: 'the ringing extension (none: the call ringing longest)' } },
} as const;
const pickupReply = {
  type: 'object',
  required: ['callId', 'from'],
  properties: {
    callId: { type: 'string', description: 'the call picked up' },
    from: { type: 'string', description: 'where it was ringing' },
  },
} as const;
const dialReply = { type: 'object', required: ['callId'], properties: { callId: { type: 'string' } } } as const;
const recordingReply = { type: 'object', required: ['path'], properties: { path: { type: 'string' } } } as const;
const forwardFields = {
  always: { type: ['string', 'null'], pattern: '^[0-9+]{2,32}$' },
  busy: { type: ['string', 'null'], pattern: '^[0-9+]{2,32}$' },
  'no-answer': { type: ['string', 'null'], pattern: '^[0-9+]{2,32}$' },
} as const;
const settingsBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    dnd: { type: 'boolean' },
    forward: { type: 'object', additionalProperties: false, properties: forwardFields },
    noAnswerMs: { type: 'integer', minimum: 2000, maximum: 120000 },
  },
} as const;
const settingsView = {
  type: 'object',
  required: ['extension', 'dnd', 'forward', 'noAnswerMs', 'campOn'],
  properties: {
    extension: { type: 'string' },
    dnd: { type: 'boolean' },
    forward: { type: 'object', properties: { always: { type: 'string' }, busy: { type: 'string' }, 'no-answer': { type: 'string' } } },
    noAnswerMs: { type: 'integer' },
    campOn: { type: 'array', items: { type: 'string' } },
  },
} as const;
const campOnBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to'],
  properties: { to: { type: 'string', pattern: '^[0-9]{2,8}$' } },
} as const;

type Req = FastifyRequest<{ Params: { ext: string } }>;

/** An agent acts on their own extension only. */
function extOf(req: Req): string {
  const a = req.account!;
  const ext = req.params.ext;
  if (a.role === 'agent' && a.extension !== ext)
    throw new CtiError('CTI_ERR_FORBIDDEN', `agents act on their own extension only (yours: ${a.extension ?? 'none'})`);
  return ext;
}

export const callOpsRoutes: FastifyPluginAsync<{ svc: CallOpsService }> = async (app, { svc }) => {
  const { ops, settings } = svc;
  const simple = (path: string, summary: string, run: (ext: string) => Promise<unknown>) =>
    app.post<{ Params: { ext: string } }>(
      path,
      { config: ROLES, schema: { tags, summary, params: extParams, response: { 200: okSchema, ...errors } } },
      async (req) => {
        await run(extOf(req));
        return { ok: true };
      },
    );

  app.get<{ Params: { ext: string } }>(
    '/:ext/call',
    { config: ROLES, schema: { tags, summary: "The extension's call now", params: extParams, response: { 200: callView, ...errors } } },
    async (req) => ops.view(extOf(req)),
  );
  app.post<{ Params: { ext: string }; Body: { number: string } }>(
    '/:ext/dial',
    {
      config: ROLES,
      schema: {
        tags,
        summary: "Click-to-dial: rings the extension's phone, then calls the number once it is answered",
        params: extParams,
        body: dialBody,
        response: { 201: dialReply, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ callId: (await ops.dial(extOf(req), req.body.number)).id }),
  );
  simple('/:ext/answer', 'Answer: not possible remotely on an analog phone (lift the handset); always 409', async (ext) => {
    throw new CtiError(
      'CTI_ERR_CONFLICT',
      `extension ${ext}: an analog phone is answered by lifting its handset; the server cannot take it off hook`,
    );
  });
  app.post<{ Params: { ext: string }; Body: { from?: string } | undefined }>(
    '/:ext/pickup',
    {
      config: ROLES,
      schema: {
        tags,
        summary:
          "Pickup: the call ringing at `from` (none: the one ringing longest) rings this extension's phone too, and lifting it takes the call (the other phone stops ringing) (a queue call: only a ready agent of its queue; nothing ringing 404, refused or not free 409)",
        params: extParams,
        body: pickupBody,
        response: { 200: pickupReply, ...errors },
      },
    },
    async (req) => svc.phones.pickupTo(extOf(req), req.body?.from),
  );
  simple('/:ext/hangup', "Hang up the extension's call", (ext) => ops.hangup(ext));
  simple('/:ext/hold', 'Hold: the other party hears music', (ext) => ops.hold(ext));
  simple('/:ext/retrieve', 'Retrieve the held party', (ext) => ops.retrieve(ext));
  app.post<{ Params: { ext: string }; Body: { to: string; mode: 'blind' | 'attended'; notes?: string } }>(
    '/:ext/transfer',
    {
      config: ROLES,
      schema: {
        tags,
        summary:
          "Transfer to an extension, queue:<name> or an outside number. blind: the agent leaves at once; attended: the target rings with the notes on its agents' screens, the agent talks to them, then completes or cancels",
        params: extParams,
        body: transferBody,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      const ext = extOf(req);
      if (req.body.mode === 'attended') {
        if (req.body.to.startsWith('queue:'))
          throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'an attended transfer goes to an extension or a number, not a queue');
        await ops.consult(ext, req.body.to, req.body.notes);
      } else await ops.blindTransfer(ext, req.body.to, req.body.notes);
      return { ok: true };
    },
  );
  simple('/:ext/transfer/complete', 'Attended transfer: join the held party and the consulted party; the agent leaves', (ext) =>
    ops.completeTransfer(ext),
  );
  simple('/:ext/transfer/cancel', 'Attended transfer: release the consulted party, back to the held party', (ext) =>
    ops.cancelConsult(ext),
  );
  simple('/:ext/conference', 'Three-way conference of the agent, the held party and the consulted party', (ext) => ops.conference(ext));
  for (const [op, summary] of [
    ['start', 'Start recording the call (WAV under dataDir/recordings)'],
    ['stop', 'Stop recording'],
  ] as const) {
    app.post<{ Params: { ext: string } }>(
      `/:ext/recording/${op}`,
      { config: ROLES, schema: { tags, summary, params: extParams, response: { 200: recordingReply, ...errors } } },
      async (req) => ({
        path: op === 'start' ? await ops.startRecording(extOf(req)) : await ops.stopRecording(extOf(req)),
      }),
    );
  }

  app.get<{ Params: { ext: string } }>(
    '/:ext/settings',
    {
      config: ROLES,
      schema: {
        tags,
        summary: 'DND, forwarding and camp-on of the extension',
        params: extParams,
        response: { 200: settingsView, ...errors },
      },
    },
    async (req) => settings.view(extOf(req)),
  );
  app.patch<{
    Params: { ext: string };
    Body: { dnd?: boolean; forward?: Partial<Record<'always' | 'busy' | 'no-answer', string | null>>; noAnswerMs?: number };
  }>(
    '/:ext/settings',
    {
      config: ROLES,
      schema: {
        tags,
        summary: 'Change DND and forwarding (null cancels a forward)',
        params: extParams,
        body: settingsBody,
        response: { 200: settingsView, ...errors },
      },
    },
    async (req) => {
      const ext = extOf(req);
      if (req.body.dnd !== undefined) settings.setDnd(ext, req.body.dnd);
      for (const [k, v] of Object.entries(req.body.forward ?? {})) settings.setForward(ext, k as 'always', v ?? undefined);
      if (req.body.noAnswerMs !== undefined)
        settings.setForward(ext, 'no-answer', settings.forwardOf(ext, 'no-answer'), req.body.noAnswerMs);
      return settings.view(ext);
    },
  );
  app.post<{ Params: { ext: string }; Body: { to: string } }>(
    '/:ext/camp-on',
    {
      config: ROLES,
      schema: {
        tags,
        summary: 'Camp-on: ring this extension back when `to` is free, then ring `to`',
        params: extParams,
        body: campOnBody,
        response: { 200: settingsView, ...errors },
      },
    },
    async (req) => {
      const ext = extOf(req);
      settings.addCampOn(ext, req.body.to, svc.ringer.now());
      return settings.view(ext);
    },
  );
};
