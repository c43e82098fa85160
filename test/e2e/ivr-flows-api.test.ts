// IVR flows over the API on the simulated board, their versions in the
// database (SQLite, and PostgreSQL when one can be started): the flow file is
// the seed (version 1); an admin checks a flow without saving it, adds
// version 2, activates it while a caller is in version 1 (that caller stays
// on it, the next one gets version 2) and rolls back; the active version
// outlives a restart. Roles: supervisors read, admins change, an agent gets
// 403, no token 401, a bad body 400, and a refused request changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { startRig, type Rig } from './harness.ts';
import { ivrConfig, ivrDirs, nextVoice, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const flow = (prompt: string, ext: string) => `name: main
description: reception
start: menu
nodes:
  menu: { type: menu, prompt: ${prompt}, choices: { "1": op }, timeoutMs: 8000, onFail: bye }
  op: { type: extension, extension: "${ext}" }
  bye: { type: hangup }
`;
const round = (ms: number) => Math.round(ms / 100) * 100;

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`IVR flows over the API on ${title(d)}`, () => {
    it('lists, checks, adds, activates and rolls back versions; calls keep the version they started on; roles are enforced', async () => {
      const { promptsDir, ivrDir } = ivrDirs({ v1: 1000, v2: 2000 });
      writeFlow(ivrDir, 'main.yaml', flow('v1', '101'));
      const url = await d.url();
      rig = await startRig({ config: ivrConfig(ivrDir, 3), database: url, runtime: { promptsDir } });
      await rig.until(rig.rt.ivr.ready);
      const admin = await rig.token('admin');
      const sup = await rig.token('supervisor');
      const agent = await rig.token('agent');

      // Reading: supervisors and admins; an agent 403, no token 401.
      expect((await rig.req('GET', '/api/ivr/flows')).status).toBe(401);
      expect((await rig.req('GET', '/api/ivr/flows', agent)).body).toMatchObject({ code: 'CTI_ERR_FORBIDDEN' });
      const list = await rig.req('GET', '/api/ivr/flows', sup);
      expect(list).toMatchObject({
        status: 200,
        body: [{ name: 'main', description: 'reception', activeVersion: 1, inService: 1, versions: 1 }],
      });
      const one = await rig.req('GET', '/api/ivr/flows/main', sup);
      expect(one.body.history).toMatchObject([{ version: 1, active: true, createdBy: null, flow: { name: 'main', start: 'menu' } }]);
      expect(one.body.history[0].source).toMatch(/main\.yaml$/);
      expect((await rig.req('GET', '/api/ivr/flows/nope', sup)).status).toBe(404);

      // Checking without saving: the issues name the node, the field and the line.
      const bad = flow('v2', '102').replace('"1": op', '"1": nowhere');
      const v = await rig.req('POST', '/api/ivr/flows/validate', admin, { yaml: bad });
      expect(v).toMatchObject({ status: 200, body: { valid: false, errors: [{ node: 'menu', path: 'nodes.menu.choices.1', line: 5 }] } });
      expect(v.body.errors[0].message).toMatch(/unknown node "nowhere"/);
      expect((await rig.req('POST', '/api/ivr/flows/validate', admin, { yaml: flow('v2', '102') })).body).toEqual({
        valid: true,
        name: 'main',
        warnings: [],
      });
      expect((await rig.req('POST', '/api/ivr/flows/validate', sup, { yaml: flow('v2', '102') })).status).toBe(403);

      // Refused: nothing changes.
      const refused: [string | undefined, unknown, number][] = [
        [agent, { yaml: flow('v2', '102') }, 403],
        [sup, { yaml: flow('v2', '102') }, 403],
        [undefined, { yaml: flow('v2', '102') }, 401],
        [admin, {}, 400],
        [admin, { yaml: flow('v2', '102'), extra: 1 }, 400],
        [admin, { yaml: bad }, 400],
        [admin, { yaml: flow('v2', '102').replace('name: main', 'name: other') }, 400],
      ];
      for (const [token, body, status] of refused) {
        const r = await rig.req('POST', '/api/ivr/flows/main/versions', token, body);
        expect([JSON.stringify(body).slice(0, 40), r.status]).toEqual([JSON.stringify(body).slice(0, 40), status]);
      }
      const badFlow = await rig.req('POST', '/api/ivr/flows/main/versions', admin, { yaml: bad });
      expect(badFlow.body).toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT', issues: [{ node: 'menu', line: 5 }] });
      expect((await rig.req('POST', '/api/ivr/flows/main/versions/1/activate', agent)).status).toBe(403);
      expect((await rig.req('POST', '/api/ivr/flows/main/rollback', sup)).status).toBe(403);
      expect((await rig.req('POST', '/api/ivr/flows/main/versions/7/activate', admin)).status).toBe(404);
      expect((await rig.req('POST', '/api/ivr/flows/main/rollback', admin)).body).toMatchObject({ code: 'CTI_ERR_CONFLICT' });
      expect((await rig.req('GET', '/api/ivr/flows/main', sup)).body).toMatchObject({ activeVersion: 1, versions: 1 });

      // Version 2 added: not in service until activated.
      const added = await rig.req('POST', '/api/ivr/flows/main/versions', admin, { yaml: flow('v2', '102') });
      expect(added).toMatchObject({ status: 201, body: { version: 2, active: false, source: 'api', createdBy: 'admin' } });
      const first = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
      await rig.until(first.waitFor('connected', { timeoutMs: 10_000 }));
      expect(round(await nextVoice(rig, first))).toBe(1000);

      // Activated while the first caller is in version 1.
      const act = await rig.req('POST', '/api/ivr/flows/main/versions/2/activate', admin);
      expect(act).toMatchObject({ status: 200, body: { activeVersion: 2, inService: 2, versions: 2 } });
      first.press('1');
      await rig.until(rig.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
      const second = rig.rt.world.pstn.call({ from: '13912345678', to: 'line:2' });
      await rig.until(second.waitFor('connected', { timeoutMs: 10_000 }));
      expect(round(await nextVoice(rig, second))).toBe(2000);
      second.press('1');
      await rig.until(rig.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
      expect(
        rig.rt.telephony
          .activeCalls()
          .map((c) => [c.from, c.vars.ivrFlow])
          .sort(),
      ).toEqual([
        ['13800138000', 'main@1'],
        ['13912345678', 'main@2'],
      ]);
      first.hangup();
      second.hangup();
      await rig.run(2000);

      // Rolled back: the next caller gets version 1 again.
      const back = await rig.req('POST', '/api/ivr/flows/main/rollback', admin);
      expect(back).toMatchObject({ status: 200, body: { activeVersion: 1, inService: 1 } });
      const third = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
      await rig.until(third.waitFor('connected', { timeoutMs: 10_000 }));
      expect(round(await nextVoice(rig, third))).toBe(1000);
      third.hangup();
      await rig.run(2000);

      // In the OpenAPI document, with schemas.
      const doc = (await rig.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
        paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      };
      expect(
        Object.keys(doc.paths)
          .filter((p) => p.startsWith('/api/ivr/'))
          .sort(),
      ).toEqual([
        '/api/ivr/flows/',
        '/api/ivr/flows/validate',
        '/api/ivr/flows/{name}',
        '/api/ivr/flows/{name}/rollback',
        '/api/ivr/flows/{name}/versions',
        '/api/ivr/flows/{name}/versions/{version}/activate',
      ]);
      expect(doc.paths['/api/ivr/flows/{name}/versions']!.post!.requestBody).toBeDefined();
      expect(Object.keys(doc.paths['/api/ivr/flows/{name}/versions']!.post!.responses)).toEqual(
        expect.arrayContaining(['201', '400', '401', '403']),
      );
      await rig.close();

      // A restart on the same database: the active version stays (the file is unchanged).
      rig = await startRig({ config: ivrConfig(ivrDir, 3), database: url, runtime: { promptsDir } });
      await rig.until(rig.rt.ivr.ready);
      const sup2 = await rig.token('supervisor', { username: 'sup-again' });
      expect((await rig.req('GET', '/api/ivr/flows/main', sup2)).body).toMatchObject({ activeVersion: 1, inService: 1, versions: 2 });
      await rig.req('POST', '/api/ivr/flows/main/versions/2/activate', await rig.token('admin'));
      await rig.close();
      // The file changed: it becomes a new version, active.
      writeFlow(ivrDir, 'main.yaml', flow('v2', '103'));
      rig = await startRig({ config: ivrConfig(ivrDir, 3), database: url, runtime: { promptsDir } });
      await rig.until(rig.rt.ivr.ready);
      const after = await rig.req('GET', '/api/ivr/flows/main', await rig.token('admin'));
      expect(after.body).toMatchObject({ activeVersion: 3, inService: 3, versions: 3 });
      expect(after.body.history.map((h: { source: string }) => (h.source === 'api' ? 'api' : 'file'))).toEqual(['file', 'api', 'file']);
    });
  });
}
