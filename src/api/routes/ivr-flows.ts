// /api/ivr/flows: the IVR flows and their versions, kept in the database (the
// flow files of ivr.dir are the seed). Supervisors read; admins check a flow
// without saving it, add a version, activate one, roll back to the one before.
// A call keeps the version it started on; the next call gets the active one.
// A bad flow is refused 400 with every issue, each naming the node, the field
// and (for YAML) the line, and nothing is saved.
import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../db/accounts.ts';
import type { FlowInput, FlowService } from '../../ivr/flow-service.ts';
import { FlowError } from '../../ivr/validate.ts';
import { errorSchema, errors } from '../schemas.ts';

const READ = { roles: ['supervisor'] as Role[] };
const ADMIN = { roles: [] as Role[] };
const tags = ['ivr'];

const flowName = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' } as const;
export const flowParams = { type: 'object', required: ['name'], properties: { name: flowName } } as const;
export const flowVersionParams = {
  type: 'object',
  required: ['name', 'version'],
  properties: { name: flowName, version: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

const issueSchema = {
  type: 'object',
  required: ['path', 'message'],
  properties: {
    node: { type: 'string' },
    path: { type: 'string' },
    message: { type: 'string' },
    line: { type: 'integer' },
    col: { type: 'integer' },
  },
} as const;
/** 400: the code and message, and for a bad flow each issue */
const flowErrorSchema = {
  ...errorSchema,
  properties: { ...errorSchema.properties, issues: { type: 'array', items: issueSchema } },
} as const;
const flowErrors = { ...errors, 400: flowErrorSchema } as const;

const flowInput = {
  yaml: { type: 'string', minLength: 1, maxLength: 500_000, description: 'the flow as YAML or JSON text: issues name lines' },
  flow: { type: 'object', description: 'the flow as an object' },
} as const;
const oneInput = { oneOf: [{ required: ['yaml'] }, { required: ['flow'] }] } as const;
export const flowInputBody = { type: 'object', additionalProperties: false, properties: flowInput, ...oneInput } as const;
export const flowCreateBody = {
  type: 'object',
  additionalProperties: false,
  properties: { ...flowInput, activate: { type: 'boolean', default: false, description: 'put it in service at once' } },
  ...oneInput,
} as const;

const summaryProps = {
  name: { type: 'string' },
  description: { type: ['string', 'null'] },
  activeVersion: { type: ['integer', 'null'], description: 'the active version in the database' },
  inService: { type: ['integer', 'null'], description: 'the version new calls get now' },
  versions: { type: 'integer' },
} as const;
export const flowSummarySchema = { type: 'object', required: Object.keys(summaryProps), properties: summaryProps } as const;
export const flowVersionSchema = {
  type: 'object',
  required: ['version', 'source', 'createdBy', 'createdAt', 'active', 'flow'],
  properties: {
    version: { type: 'integer' },
    source: { type: 'string', description: "the file it came from, or 'api'" },
    createdBy: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    active: { type: 'boolean' },
    flow: { type: 'object', additionalProperties: true },
  },
} as const;
export const flowDetailSchema = {
  type: 'object',
  required: [...Object.keys(summaryProps), 'history'],
  properties: { ...summaryProps, history: { type: 'array', items: flowVersionSchema } },
} as const;
export const validationSchema = {
  type: 'object',
  required: ['valid'],
  properties: {
    valid: { type: 'boolean' },
    name: { type: 'string' },
    warnings: { type: 'array', items: issueSchema },
    errors: { type: 'array', items: issueSchema },
    message: { type: 'string' },
  },
} as const;

type CreateBody = FlowInput & { activate?: boolean };

export const ivrFlowRoutes: FastifyPluginAsync<{ flows: FlowService }> = async (app, { flows }) => {
  // A bad flow: 400 with its issues (the API's error handler keeps to code and message).
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof FlowError) return reply.code(400).send({ code: err.code, message: err.message, issues: err.issues });
    throw err;
  });
  app.get(
    '/',
    {
      config: READ,
      schema: {
        tags,
        summary: 'The IVR flows: active version, version in service, number of versions',
        response: { 200: { type: 'array', items: flowSummarySchema }, ...errors },
      },
    },
    async () => flows.list(),
  );
  app.get<{ Params: { name: string } }>(
    '/:name',
    {
      config: READ,
      schema: { tags, summary: 'One IVR flow with every version', params: flowParams, response: { 200: flowDetailSchema, ...errors } },
    },
    async (req) => flows.get(req.params.name),
  );
  app.post<{ Body: FlowInput }>(
    '/validate',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Check a flow without saving it: its issues name the node, the field and the line',
        body: flowInputBody,
        response: { 200: validationSchema, ...flowErrors },
      },
    },
    async (req) => flows.validate(req.body),
  );
  app.post<{ Params: { name: string }; Body: CreateBody }>(
    '/:name/versions',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Add a version of a flow (new calls get it once activated)',
        params: flowParams,
        body: flowCreateBody,
        response: { 201: flowVersionSchema, ...flowErrors },
      },
    },
    async (req, reply) => {
      const { activate, ...input } = req.body;
      return reply
        .code(201)
        .send(await flows.create(req.params.name, input as FlowInput, req.account?.username ?? null, activate === true));
    },
  );
  app.post<{ Params: { name: string; version: number } }>(
    '/:name/versions/:version/activate',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Put a version in service (calls in progress keep theirs)',
        params: flowVersionParams,
        response: { 200: flowDetailSchema, ...flowErrors },
      },
    },
    async (req) => flows.activate(req.params.name, req.params.version, req.account?.username ?? null),
  );
  app.post<{ Params: { name: string } }>(
    '/:name/rollback',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Activate the newest version older than the active one',
        params: flowParams,
        response: { 200: flowDetailSchema, ...flowErrors },
      },
    },
    async (req) => flows.rollback(req.params.name, req.account?.username ?? null),
  );
};
