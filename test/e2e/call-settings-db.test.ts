// Call settings in the database (SQLite, and PostgreSQL when one can be
// started): DND and forwarding set over the API and from a desk phone are
// saved, and after a restart of the runtime on the same database they are
// back and still route calls.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { req } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`extension settings in the database on ${title(d)}`, () => {
    it('DND and forwards set over the API and by feature code outlive a restart and still route calls', async () => {
      const url = d.name === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'boardcti-db-')), 'settings.sqlite')}` : await d.url();
      rig = await startRig({ database: url });
      let sup = await rig.token('supervisor', { username: 'sup' });
      expect(
        (await req(rig, 'PATCH', '/api/extensions/101/settings', sup, { dnd: true, forward: { busy: '103' }, noAnswerMs: 5000 })).status,
      ).toBe(200);
      // 102 forwards always to 104 from the desk phone.
      const p102 = rig.rt.world.phones.get('102');
      p102.offhook();
      await rig.run(500);
      p102.dial('*72104#');
      await rig.until(p102.waitFor('tone:dial', { timeoutMs: 5000 }));
      p102.onhook();
      await rig.run(3000);
      expect((await req(rig, 'GET', '/api/extensions/102/settings', sup)).body).toMatchObject({ forward: { always: '104' } });
      await rig.close();

      rig = await startRig({ database: url });
      await rig.until(rig.rt.callOps.ready);
      sup = await rig.token('supervisor', { username: 'sup2' });
      expect((await req(rig, 'GET', '/api/extensions/101/settings', sup)).body).toMatchObject({
        dnd: true,
        forward: { busy: '103' },
        noAnswerMs: 5000,
      });
      expect((await req(rig, 'GET', '/api/extensions/102/settings', sup)).body).toMatchObject({ dnd: false, forward: { always: '104' } });
      const rows = await rig.stores!.extensionSettings.load();
      expect(rows.map((r) => r.extension)).toEqual(['101', '102']);

      // A call for 101 (the default route) rings 103: DND, forward on busy.
      const caller = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
      await rig.until(caller.waitFor('voice', { timeoutMs: 10_000 }));
      caller.press('#');
      const p103 = rig.rt.world.phones.get('103');
      await rig.until(p103.waitFor('ringing', { timeoutMs: 15_000 }));
      expect(rig.rt.world.phones.get('101').ringLog.length).toBe(0);
      p103.offhook();
      await rig.run(1000);
      caller.hangup();
      await rig.run(3000);
      p103.onhook();
      await rig.run(500);

      // Back to the defaults: the row goes.
      await req(rig, 'PATCH', '/api/extensions/101/settings', sup, { dnd: false, forward: { busy: null } });
      await rig.stores!.extensionSettings.flush();
      expect((await rig.stores!.extensionSettings.load()).map((r) => [r.extension, r.noAnswerMs])).toEqual([
        ['101', 5000],
        ['102', null],
      ]);
    });
  });
}
