// POST /api/blacklist: a body without the optional fields is saved and answered 201; a refused body (wrong
// types are refused, not coerced) changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

for (const d of dialects())
  describe.skipIf(!!d.skip)(`blacklist API on ${title(d)}`, () => {
    it('adds an entry without a note (201, note null); a bad body is 400 and saves nothing', async () => {
      rig = await startRig({ database: await d.url() });
      const admin = await rig.token('admin');
      const made = await rig.req('POST', '/api/blacklist', admin, { pattern: '5551234', action: 'reject' });
      expect(made).toMatchObject({ status: 201, body: { pattern: '5551234', action: 'reject', target: null, note: null } });
      const bad = await rig.req('POST', '/api/blacklist', admin, { pattern: '5559999', action: 'reroute' });
      expect(bad).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
      const all = await rig.req('GET', '/api/blacklist', admin);
      expect(all.body.map((e: { pattern: string }) => e.pattern)).toEqual(['5551234']);
    });
    it('refuses malformed bodies with 400 CTI_ERR_BAD_ARGUMENT (wrong types not coerced) and stores nothing', async () => {
      rig = await startRig({ database: await d.url() });
      const admin = await rig.token('admin');
      const bodies: unknown[] = [
        { pattern: 612345678, action: 'reject' }, // a number, not a string
        { pattern: '0612345678', action: 'block' },
        { pattern: '0612345678', action: 'reject', note: 42 },
        { pattern: '0612345678', action: 'reject', note: { text: 'x' } },
        { pattern: '0612345678', action: ['reject'] },
        { pattern: '0612345678', action: 'reroute' }, // reroute without a target
        { pattern: '0612345678', action: 'reject', target: 7 },
        { pattern: ['0612345678'], action: 'reject' },
        { pattern: '0612345678', action: 'reject', colour: 'red' },
        { action: 'reject' },
      ];
      for (const body of bodies) {
        const r = await rig.req('POST', '/api/blacklist', admin, body);
        expect([JSON.stringify(body), r.status, r.body.code]).toEqual([JSON.stringify(body), 400, 'CTI_ERR_BAD_ARGUMENT']);
      }
      expect((await rig.req('GET', '/api/blacklist', admin)).body).toEqual([]);
      expect((await rig.req('GET', '/api/blacklist/match?number=0612345678', admin)).body).toEqual({ entry: null });

      // A duplicate pattern is a 409 and leaves the one entry as it was.
      const ok = await rig.req('POST', '/api/blacklist', admin, { pattern: '0612345678', action: 'reject' });
      expect(ok.status).toBe(201);
      const dup = await rig.req('POST', '/api/blacklist', admin, {
        pattern: '0612345678',
        action: 'reroute',
        target: '101',
        note: 'again',
      });
      expect(dup).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT' } });
      expect((await rig.req('GET', '/api/blacklist', admin)).body).toEqual([ok.body]);
    });
  });
