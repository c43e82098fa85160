// /api/schedules and /api/holidays: an admin creates a holiday list and a
// schedule that follows it, reads the schedule's state at given times (open on
// a weekday in hours, closed at night, closed or special hours on a holiday),
// replaces and deletes them; client mistakes are 400 and change nothing, a
// list still in use is 409, a supervisor reads but cannot write. Then an IVR
// flow branches on the schedule and the list by name: a call on a holiday
// takes the closed branch, a call in hours the open one.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';
import { ivrConfig, ivrDirs, nextVoice, writeFlow } from '../e2e/ivr-helpers.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const weekdays = ['09:00-12:00', '13:00-18:00'];
const office = {
  name: 'office',
  description: 'Head office',
  timezone: 'Asia/Shanghai',
  hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: ['10:00-14:00'], sun: [] },
  holidays: ['cn-public'],
};
const cnPublic = {
  name: 'cn-public',
  description: 'Public holidays',
  days: [
    { from: '2025-10-01', to: '2025-10-07', name: 'National Day' },
    { from: '01-01', name: 'New Year' },
    { from: '2025-09-30', name: 'Eve of National Day', hours: ['09:00-12:00'] },
  ],
};
/** Shanghai local time as an ISO instant */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

for (const d of dialects())
  describe.skipIf(!!d.skip)(`calendars API on ${title(d)}`, () => {
    it('creates, reads the state of, replaces and deletes schedules and holiday lists', async () => {
      rig = await startRig({ database: await d.url() });
      const admin = await rig.token('admin');
      const sup = await rig.token('supervisor');

      // A schedule cannot follow a list that does not exist yet: 400, nothing saved.
      const early = await rig.req('POST', '/api/schedules', admin, office);
      expect(early).toMatchObject({
        status: 400,
        body: { code: 'CTI_ERR_BAD_ARGUMENT', message: expect.stringContaining("no holiday list 'cn-public'") },
      });
      expect((await rig.req('GET', '/api/schedules', admin)).body).toEqual([]);

      expect(await rig.req('POST', '/api/holidays', admin, cnPublic)).toMatchObject({
        status: 201,
        body: { ...cnPublic, updatedBy: 'admin' },
      });
      const made = await rig.req('POST', '/api/schedules', admin, office);
      expect(made).toMatchObject({ status: 201, body: { ...office, updatedBy: 'admin' } });
      expect((await rig.req('POST', '/api/schedules', admin, office)).status).toBe(409);

      const state = async (at: string) => (await rig!.req('GET', `/api/schedules/office?at=${encodeURIComponent(sh(at))}`, sup)).body.state;
      expect(await state('2025-03-14T10:00:00')).toEqual({ open: true }); // a Friday in hours
      expect(await state('2025-03-14T12:30:00')).toEqual({ open: false }); // lunch
      expect(await state('2025-03-14T18:00:00')).toEqual({ open: false }); // 18:00 is closed (to is exclusive)
      expect(await state('2025-03-15T13:59:00')).toEqual({ open: true }); // Saturday
      expect(await state('2025-03-16T10:00:00')).toEqual({ open: false }); // Sunday
      expect(await state('2025-10-03T10:00:00')).toEqual({ open: false, holiday: 'National Day' }); // a Friday in the range
      expect(await state('2026-01-01T10:00:00')).toEqual({ open: false, holiday: 'New Year' }); // every year
      expect(await state('2025-09-30T11:00:00')).toEqual({ open: true, holiday: 'Eve of National Day' }); // special hours
      expect(await state('2025-09-30T14:00:00')).toEqual({ open: false, holiday: 'Eve of National Day' });

      // Client mistakes: 400, the schedule unchanged.
      const bad: unknown[] = [
        { ...office, name: undefined, hours: { ...office.hours, mon: ['18:00-09:00'] } }, // ends before it starts
        { ...office, name: undefined, hours: { ...office.hours, mon: ['09:00-12:00', '11:00-13:00'] } }, // overlap
        { ...office, name: undefined, hours: { ...office.hours, mon: ['9-12'] } },
        { ...office, name: undefined, timezone: 'Mars/Olympus' },
        { ...office, name: undefined, hours: { ...office.hours, sun: undefined } }, // a weekday missing
        { ...office, name: undefined, holidays: ['nope'] },
        { ...office, name: undefined, colour: 'red' },
      ];
      for (const body of bad) {
        const r = await rig.req('PUT', '/api/schedules/office', admin, JSON.parse(JSON.stringify(body)));
        expect([JSON.stringify(body), r.status, r.body.code]).toEqual([JSON.stringify(body), 400, 'CTI_ERR_BAD_ARGUMENT']);
      }
      for (const days of [
        [{ from: '2025-02-30', name: 'x' }],
        [{ from: '2025-10-07', to: '2025-10-01', name: 'x' }],
        [{ from: '10-01', to: '2025-10-07', name: 'x' }],
        [{ from: '2025-10-01' }],
      ]) {
        const r = await rig.req('PUT', '/api/holidays/cn-public', admin, { days });
        expect([JSON.stringify(days), r.status]).toEqual([JSON.stringify(days), 400]);
      }
      expect((await rig.req('GET', '/api/schedules/office', admin)).body).toMatchObject(office);
      expect((await rig.req('GET', '/api/holidays/cn-public', admin)).body).toMatchObject(cnPublic);

      // A supervisor reads but does not write.
      expect((await rig.req('PUT', '/api/schedules/office', sup, { hours: office.hours })).status).toBe(403);

      // Replace: Sunday opens; the list cannot go while the schedule follows it.
      const put = await rig.req('PUT', '/api/schedules/office', admin, {
        ...office,
        name: undefined,
        hours: { ...office.hours, sun: ['10:00-12:00'] },
      });
      expect(put).toMatchObject({ status: 200, body: { hours: { sun: ['10:00-12:00'] } } });
      expect(await state('2025-03-16T10:00:00')).toEqual({ open: true });
      const inUse = await rig.req('DELETE', '/api/holidays/cn-public', admin);
      expect(inUse).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT', message: expect.stringContaining('schedule office') } });
      expect((await rig.req('PUT', '/api/schedules/nope', admin, { hours: office.hours })).status).toBe(404);
      expect((await rig.req('DELETE', '/api/schedules/office', admin)).status).toBe(204);
      expect((await rig.req('DELETE', '/api/holidays/cn-public', admin)).status).toBe(204);
      expect((await rig.req('GET', '/api/schedules', admin)).body).toEqual([]);
      expect((await rig.req('GET', '/api/holidays', admin)).body).toEqual([]);
    });
  });

const hoursFlow = `
name: main
start: hours
nodes:
  hours:
    type: branch
    when:
      - { schedule: office, next: open }
      - { holiday: cn-public, next: holiday }
    else: closed
  open: { type: hangup, prompt: open }
  closed: { type: hangup, prompt: closed }
  holiday: { type: hangup, prompt: holiday }
`;

describe('IVR branches on shared schedules and holiday lists', () => {
  for (const [what, epochMs, hz] of [
    // the schedule follows the holiday list: closed on the day, so the branch after it says why
    ['on a holiday (National Day, a Friday, 10:00 in Shanghai) the holiday branch', Date.UTC(2025, 9, 3, 2, 0, 0), 2400],
    ['on a holiday with special hours (the eve of National Day, 11:00) the open branch', Date.UTC(2025, 8, 30, 3, 0, 0), 800],
    ['on a weekday in hours the open branch', Date.UTC(2025, 2, 14, 2, 0, 0), 800],
    ['on a Sunday the closed branch', Date.UTC(2025, 2, 16, 2, 0, 0), 1600],
  ] as const)
    it(`a call ${what}`, async () => {
      const { promptsDir, ivrDir } = ivrDirs({ open: 800, closed: 1600, holiday: 2400 });
      writeFlow(ivrDir, 'main.yaml', `name: main\nstart: bye\nnodes:\n  bye: { type: hangup, prompt: closed }\n`);
      rig = await startRig({ config: ivrConfig(ivrDir, 1), database: 'sqlite', runtime: { promptsDir, epochMs } });
      const admin = await rig.token('admin');
      // A flow naming a schedule that does not exist is refused, on the line.
      const refused = await rig.req('POST', '/api/ivr/flows/main/versions', admin, { yaml: hoursFlow, activate: true });
      expect(refused.status).toBe(400);
      expect(refused.body.issues).toEqual([
        { node: 'hours', path: 'nodes.hours.when[0].schedule', message: 'no schedule "office" (have none)', line: 8, col: 21 },
        { node: 'hours', path: 'nodes.hours.when[1].holiday', message: 'no calendar "cn-public" (have none)', line: 9, col: 20 },
      ]);
      expect((await rig.req('POST', '/api/holidays', admin, cnPublic)).status).toBe(201);
      expect((await rig.req('POST', '/api/schedules', admin, office)).status).toBe(201);
      expect((await rig.req('POST', '/api/ivr/flows/main/versions', admin, { yaml: hoursFlow, activate: true })).status).toBe(201);
      // In use by the flow in service: the schedule cannot be deleted.
      expect((await rig.req('DELETE', '/api/schedules/office', admin)).body).toMatchObject({
        code: 'CTI_ERR_CONFLICT',
        message: expect.stringContaining('IVR flow main'),
      });

      const call = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
      await rig.until(call.waitFor('connected', { timeoutMs: 10_000 }));
      expect(await nextVoice(rig, call)).toBeCloseTo(hz, -2);
    });
});
