// /api/schedules and /api/holidays: shared opening hours and holiday lists
// that IVR flows name in their branches (`schedule: office` holds while it is
// open, `holiday: cn-public` on a listed day), like Asterisk's GotoIfTime but
// kept in one place for every flow. Supervisors read; admins create, replace
// and delete. A schedule's state (open, closed, the holiday that decided it)
// is shown at a given time or now (the engine's clock).
import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../db/accounts.ts';
import type { CalendarStore, HolidayListInput, ScheduleInput } from '../../db/calendars.ts';
import { CALENDAR_NAME_PATTERN, DAY_PATTERN, HOURS_PATTERN, scheduleState, WEEKDAYS } from '../../ivr/schedules.ts';
import { errors } from '../schemas.ts';

const READ = { roles: ['supervisor'] as Role[] };
const ADMIN = { roles: [] as Role[] };

const name = { type: 'string', pattern: CALENDAR_NAME_PATTERN } as const;
const nameParams = { type: 'object', required: ['name'], properties: { name } } as const;
const description = { type: ['string', 'null'], maxLength: 256 } as const;
const ranges = { type: 'array', maxItems: 8, items: { type: 'string', pattern: HOURS_PATTERN } } as const;
const day = { type: 'string', pattern: DAY_PATTERN } as const;
const stamp = { updatedBy: { type: ['string', 'null'] }, updatedAt: { type: 'string', format: 'date-time' } } as const;

const scheduleProps = {
  description,
  timezone: { type: ['string', 'null'], minLength: 1, maxLength: 64, description: 'IANA time zone; null: the server’s' },
  hours: {
    type: 'object',
    additionalProperties: false,
    required: [...WEEKDAYS],
    description: 'open ranges per weekday ("09:00-18:00", to exclusive; none: closed)',
    properties: Object.fromEntries(WEEKDAYS.map((d) => [d, ranges])) as Record<(typeof WEEKDAYS)[number], typeof ranges>,
  },
  holidays: { type: 'array', maxItems: 16, uniqueItems: true, items: name, description: 'holiday lists whose days replace the hours' },
} as const;
const scheduleBody = { type: 'object', additionalProperties: false, required: ['hours'], properties: scheduleProps } as const;
const scheduleCreate = { ...scheduleBody, required: ['name', 'hours'], properties: { name, ...scheduleProps } } as const;
const stateSchema = {
  type: 'object',
  required: ['open'],
  properties: { open: { type: 'boolean' }, holiday: { type: 'string', description: 'the holiday that decided it' } },
} as const;
const scheduleSchema = {
  type: 'object',
  required: ['name', 'description', 'timezone', 'hours', 'holidays', 'updatedBy', 'updatedAt'],
  properties: { name: { type: 'string' }, ...scheduleProps, ...stamp, state: stateSchema },
} as const;

const holidayDay = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'name'],
  properties: {
    from: day,
    to: { ...day, description: 'the last day of a range' },
    name: { type: 'string', minLength: 1, maxLength: 64 },
    hours: { ...ranges, description: 'special hours that day; none: closed' },
  },
} as const;
const holidayProps = { description, days: { type: 'array', maxItems: 366, items: holidayDay } } as const;
const holidayBody = { type: 'object', additionalProperties: false, required: ['days'], properties: holidayProps } as const;
const holidayCreate = { ...holidayBody, required: ['name', 'days'], properties: { name, ...holidayProps } } as const;
const holidaySchema = {
  type: 'object',
  required: ['name', 'description', 'days', 'updatedBy', 'updatedAt'],
  properties: { name: { type: 'string' }, ...holidayProps, ...stamp },
} as const;

type Named<T> = T & { name: string };

export const calendarRoutes: FastifyPluginAsync<{ calendars: CalendarStore; now: () => number }> = async (app, { calendars, now }) => {
  const withState = <T extends Parameters<typeof scheduleState>[0]>(s: T, at = now()) => ({ ...s, state: scheduleState(s, at, calendars) });
  const by = (req: { account?: { username: string } | null }) => req.account?.username ?? null;

  // ---- schedules -------------------------------------------------------------
  const tags = ['schedules'];
  app.get(
    '/schedules',
    {
      config: READ,
      schema: {
        tags,
        summary: 'The shared schedules, each with its state now',
        response: { 200: { type: 'array', items: scheduleSchema }, ...errors },
      },
    },
    async () => (await calendars.listSchedules()).map((s) => withState(s)),
  );
  app.post<{ Body: Named<ScheduleInput> }>(
    '/schedules',
    { config: ADMIN, schema: { tags, summary: 'Create a schedule', body: scheduleCreate, response: { 201: scheduleSchema, ...errors } } },
    async (req, reply) => {
      const { name: n, ...input } = req.body;
      return reply.code(201).send(withState(await calendars.putSchedule(n, input, by(req), true)));
    },
  );
  app.get<{ Params: { name: string }; Querystring: { at?: string } }>(
    '/schedules/:name',
    {
      config: READ,
      schema: {
        tags,
        summary: 'One schedule with its state now, or at a given time',
        params: nameParams,
        querystring: { type: 'object', additionalProperties: false, properties: { at: { type: 'string', format: 'date-time' } } },
        response: { 200: scheduleSchema, ...errors },
      },
    },
    async (req) => withState(await calendars.getSchedule(req.params.name), req.query.at ? Date.parse(req.query.at) : undefined),
  );
  app.put<{ Params: { name: string }; Body: ScheduleInput }>(
    '/schedules/:name',
    {
      config: ADMIN,
      schema: { tags, summary: 'Replace a schedule', params: nameParams, body: scheduleBody, response: { 200: scheduleSchema, ...errors } },
    },
    async (req) => withState(await calendars.putSchedule(req.params.name, req.body, by(req), false)),
  );
  app.delete<{ Params: { name: string } }>(
    '/schedules/:name',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Delete a schedule (409 while an IVR flow in service uses it)',
        params: nameParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await calendars.removeSchedule(req.params.name);
      return reply.code(204).send();
    },
  );

  // ---- holiday lists ---------------------------------------------------------
  const htags = ['holidays'];
  app.get(
    '/holidays',
    {
      config: READ,
      schema: { tags: htags, summary: 'The holiday lists', response: { 200: { type: 'array', items: holidaySchema }, ...errors } },
    },
    async () => calendars.listHolidays(),
  );
  app.post<{ Body: Named<HolidayListInput> }>(
    '/holidays',
    {
      config: ADMIN,
      schema: { tags: htags, summary: 'Create a holiday list', body: holidayCreate, response: { 201: holidaySchema, ...errors } },
    },
    async (req, reply) => {
      const { name: n, ...input } = req.body;
      return reply.code(201).send(await calendars.putHolidays(n, input, by(req), true));
    },
  );
  app.get<{ Params: { name: string } }>(
    '/holidays/:name',
    { config: READ, schema: { tags: htags, summary: 'One holiday list', params: nameParams, response: { 200: holidaySchema, ...errors } } },
    async (req) => calendars.getHolidays(req.params.name),
  );
  app.put<{ Params: { name: string }; Body: HolidayListInput }>(
    '/holidays/:name',
    {
      config: ADMIN,
      schema: {
        tags: htags,
        summary: 'Replace a holiday list',
        params: nameParams,
        body: holidayBody,
        response: { 200: holidaySchema, ...errors },
      },
    },
    async (req) => calendars.putHolidays(req.params.name, req.body, by(req), false),
  );
  app.delete<{ Params: { name: string } }>(
    '/holidays/:name',
    {
      config: ADMIN,
      schema: {
        tags: htags,
        summary: 'Delete a holiday list (409 while a schedule or an IVR flow in service uses it)',
        params: nameParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await calendars.removeHolidays(req.params.name);
      return reply.code(204).send();
    },
  );
};
