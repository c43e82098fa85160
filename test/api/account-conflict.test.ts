// A taken username or agent number is a 409 that names the field, on SQLite
// (which reports the fields as an array) as on PostgreSQL; nothing is saved.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

for (const d of dialects())
  describe.skipIf(!!d.skip)(`account conflicts on ${title(d)}`, () => {
    it('says which field is taken', async () => {
      rig = await startRig({ database: await d.url() });
      const admin = await rig.token('admin');
      const base = { name: 'Zhou', role: 'agent', password: 'zhou-password' };
      expect((await rig.req('POST', '/api/accounts', admin, { ...base, username: 'zhou', agentNumber: '2007' })).status).toBe(201);
      const user = await rig.req('POST', '/api/accounts', admin, { ...base, username: 'admin' });
      expect(user).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT', message: "account 'admin': username already taken" } });
      const agent = await rig.req('POST', '/api/accounts', admin, { ...base, username: 'zhou2', agentNumber: '2007' });
      expect(agent).toMatchObject({ status: 409, body: { message: "account 'zhou2': agentNumber already taken" } });
      expect((await rig.req('GET', '/api/accounts', admin)).body.map((a: { username: string }) => a.username)).toEqual(['admin', 'zhou']);
    });
  });
