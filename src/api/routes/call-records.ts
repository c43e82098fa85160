// /api/call-records: every call and its legs, missed and abandoned ones too,
// newest first with filters and paging. Supervisors and admins see all; an
// agent sees the calls answered at their own extension. `mine=true` narrows
// any role to its own calls (the console's call history).
//
// PATCH /api/call-records/:id: the wrap-up's disposition (a code of GET
// /api/dispositions, null clears it) and a short note, by the agent who had
// the call (another agent's call: 404) or a supervisor.
//
// GET /api/call-records/:id/recording: the call's recording as audio/wav, whole
// or in byte ranges (206 with Content-Range; 416 for a range outside the
// file). An agent gets the recordings of their own calls only (403); no such
// record, or no recording: 404.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../db/accounts.ts';
import type { CallRecordQuery, Disposition } from '../../db/call-records.ts';
import { CtiError } from '../../native/errors.ts';
import type { CallCenterContext } from '../context.ts';
import { parseRange } from '../http-range.ts';
import { callIdParams, callRecordList, callRecordQuery, callRecordSchema, dispositionBody, errors } from '../schemas.ts';

const ROLES = { roles: ['agent', 'supervisor'] as Role[] };
const tags = ['call records'];
const wav = { description: 'the recording (WAV)', content: { 'audio/wav': { schema: { type: 'string', format: 'binary' } } } };
const rangeHeaders = {
  type: 'object',
  properties: { range: { type: 'string', description: 'one byte range: bytes=first-last, bytes=first- or bytes=-suffix' } },
} as const;

export const callRecordRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const records = cc.stores.callRecords;
  // An agent's own calls: the agent column holds the extension that answered (or the ACD's agent id, the agent number).
  type Who = { role: Role; id: number; extension: string | null; agentNumber: string | null };
  const ids = (a: Who) => [a.extension ?? '', ...(a.agentNumber ? [a.agentNumber] : []), String(a.id)];
  const own = (a: Who) => (a.role === 'agent' ? ids(a) : undefined);
  app.get<{ Querystring: CallRecordQuery & { mine?: boolean } }>(
    '/',
    {
      config: ROLES,
      schema: { tags, summary: 'Call records, newest first', querystring: callRecordQuery, response: { 200: callRecordList, ...errors } },
    },
    async (req) => {
      const { mine: onlyMine, ...query } = req.query;
      const mine = onlyMine ? ids(req.account!) : own(req.account!);
      if (!mine) return records.search(query);
      if (query.agent !== undefined && !mine.includes(query.agent))
        throw new CtiError('CTI_ERR_FORBIDDEN', 'agents see their own calls only');
      return records.search(query.agent !== undefined ? query : { ...query, agentIn: mine.filter(Boolean) });
    },
  );
  app.get<{ Params: { id: string } }>(
    '/:id',
    {
      config: ROLES,
      schema: { tags, summary: 'One call record with its legs', params: callIdParams, response: { 200: callRecordSchema, ...errors } },
    },
    async (req) => {
      const r = await records.get(req.params.id);
      const mine = own(req.account!);
      if (!r || (mine && !mine.includes(r.agent ?? ''))) throw new CtiError('CTI_ERR_NOT_FOUND', `no call record ${req.params.id}`);
      return r;
    },
  );
  app.patch<{ Params: { id: string }; Body: { disposition: string | null; dispositionNote?: string | null } }>(
    '/:id',
    {
      config: ROLES,
      schema: {
        tags,
        summary: "Wrap-up: set the call's disposition (a code of GET /api/dispositions; null clears it) and a short note",
        params: callIdParams,
        body: dispositionBody,
        response: { 200: callRecordSchema, ...errors },
      },
    },
    async (req) => {
      const { disposition, dispositionNote } = req.body;
      if (disposition !== null && !cc.dispositions.some((d) => d.code === disposition))
        throw new CtiError(
          'CTI_ERR_BAD_ARGUMENT',
          `no disposition '${disposition}' (known: ${cc.dispositions.map((d) => d.code).join(', ') || 'none configured'})`,
        );
      const r = await records.get(req.params.id);
      const mine = own(req.account!);
      if (!r || (mine && !mine.includes(r.agent ?? ''))) throw new CtiError('CTI_ERR_NOT_FOUND', `no call record ${req.params.id}`);
      const d: Disposition = { disposition, dispositionNote: dispositionNote?.trim() || null };
      return (await records.setDisposition(r.id, d))!;
    },
  );
  app.get<{ Params: { id: string }; Headers: { range?: string } }>(
    '/:id/recording',
    {
      config: ROLES,
      schema: {
        tags,
        summary: "The call's recording as audio/wav, whole or one byte range (Range: bytes=...; 206, or 416 outside the file)",
        params: callIdParams,
        headers: rangeHeaders,
        response: { 200: wav, 206: wav, 416: errors[400], ...errors },
      },
    },
    async (req, reply) => {
      const r = await records.get(req.params.id);
      if (!r) throw new CtiError('CTI_ERR_NOT_FOUND', `no call record ${req.params.id}`);
      const mine = own(req.account!);
      if (mine && !mine.includes(r.agent ?? ''))
        throw new CtiError('CTI_ERR_FORBIDDEN', 'agents get the recordings of their own calls only');
      const path = r.recording;
      const size = path
        ? await stat(path).then(
            (s) => (s.isFile() ? s.size : undefined),
            () => undefined,
          )
        : undefined;
      if (!path || size === undefined) throw new CtiError('CTI_ERR_NOT_FOUND', `call ${req.params.id} has no recording`);
      const range = parseRange(req.headers.range, size);
      void reply.header('accept-ranges', 'bytes').type('audio/wav');
      if (range.kind === 'unsatisfiable')
        return reply
          .code(416)
          .header('content-range', `bytes */${size}`)
          .type('application/json')
          .send({
            code: 'CTI_ERR_BAD_ARGUMENT',
            message: `range ${JSON.stringify(req.headers.range)} is outside the recording (${size} bytes)`,
          });
      if (range.kind === 'full') return reply.header('content-length', size).send(createReadStream(path));
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(createReadStream(path, { start: range.start, end: range.end }));
    },
  );
};
