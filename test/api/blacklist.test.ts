// POST /api/blacklist: a body without the optional fields is saved and answered 201; a refused body changes nothing.
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
  });
