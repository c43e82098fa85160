// The agent's own data on SQLite and PostgreSQL: the address book and the
// short messages of one account are never another's (not even an admin's);
// a message goes live to its recipient's socket only, not to a supervisor
// who is neither party; the language an account chooses is kept on the
// account; `mine=true` narrows call records to the asker's; bad bodies are
// 400 and change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);

async function stream(token: string) {
  await rig!.app.ready();
  const events: { topic: string; type: string; data: any }[] = [];
  const ws = await rig!.app.injectWS(
    `/api/ws?token=${token}`,
    {},
    { onInit: (w) => w.on('message', (m: Buffer) => events.push(JSON.parse(m.toString()))) },
  );
  for (let i = 0; i < 50 && !events.length; i++) await new Promise((r) => setTimeout(r, 10));
  return { events, close: () => ws.terminate() };
}

async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
}

for (const d of dialects())
  describe.skipIf(!!d.skip)(`contacts, messages and preferences on ${title(d)}`, () => {
    it("keeps each account's address book its own; bad bodies are 400 and save nothing", async () => {
      rig = await startRig({ database: await d.url() });
      const li = await rig.token('agent', { username: 'li', extension: '101' });
      const wang = await rig.token('agent', { username: 'wang', extension: '102' });
      const admin = await rig.token('admin');
      const made = await req('POST', '/api/contacts', li, { name: 'Zhao Lei', number: '138 0013 8000', company: 'Acme' });
      expect(made).toMatchObject({ status: 201, body: { name: 'Zhao Lei', number: '138 0013 8000', company: 'Acme', note: null } });
      const id = made.body.id as number;
      expect((await req('GET', '/api/contacts', wang)).body).toEqual([]);
      expect((await req('GET', '/api/contacts', admin)).body).toEqual([]);
      expect(await req('PATCH', `/api/contacts/${id}`, wang, { note: 'mine now' })).toMatchObject({ status: 404 });
      expect(await req('DELETE', `/api/contacts/${id}`, admin)).toMatchObject({ status: 404 });
      expect(await req('PATCH', `/api/contacts/${id}`, li, { note: 'calls after 3' })).toMatchObject({
        status: 200,
        body: { note: 'calls after 3' },
      });
      expect((await req('GET', '/api/contacts?q=acm', li)).body.map((c: { id: number }) => c.id)).toEqual([id]);
      expect((await req('GET', '/api/contacts?q=nobody', li)).body).toEqual([]);
      for (const body of [
        { name: 'No number' },
        { name: '', number: '123456' },
        { name: '   ', number: '123456' },
        { name: 'Letters', number: 'call me' },
        { name: 'Number', number: 13800138000 },
        { name: 'Extra', number: '123456', colour: 'red' },
        { name: 'Note', number: '123456', note: 7 },
      ]) {
        const r = await req('POST', '/api/contacts', li, body);
        expect(r, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
      }
      expect(await req('PATCH', `/api/contacts/${id}`, li, {})).toMatchObject({ status: 400 });
      expect((await req('GET', '/api/contacts', li)).body).toHaveLength(1);
      expect(await req('DELETE', `/api/contacts/${id}`, li)).toMatchObject({ status: 204 });
      expect((await req('GET', '/api/contacts', li)).body).toEqual([]);
    });

    it('delivers a message to its recipient only, stores the conversation and counts what is unread', async () => {
      rig = await startRig({ database: await d.url() });
      const li = await rig.token('agent', { username: 'li', extension: '101' });
      const wang = await rig.token('agent', { username: 'wang', extension: '102' });
      const boss = await rig.token('supervisor', { username: 'boss' });
      const other = await rig.token('supervisor', { username: 'other' });
      const ids = Object.fromEntries(
        await Promise.all(
          Object.entries({ li, wang, boss, other }).map(async ([k, t]) => [k, (await req('GET', '/api/auth/me', t)).body.id as number]),
        ),
      );
      const [liWs, wangWs, bossWs, otherWs] = await Promise.all([stream(li), stream(wang), stream(boss), stream(other)]);
      const people = (await req('GET', '/api/messages/people', li)).body.map((p: { username: string }) => p.username);
      expect(people).toEqual(expect.arrayContaining(['admin', 'wang', 'boss', 'other']));
      expect(people).not.toContain('li');

      const sent = await req('POST', '/api/messages', li, { to: 'boss', text: '  caller 138 wants a refund  ' });
      expect(sent).toMatchObject({
        status: 201,
        body: { fromId: ids.li, toId: ids.boss, text: 'caller 138 wants a refund', readAt: null },
      });
      await until(() => bossWs.events.some((e) => e.type === 'message:new'));
      expect(bossWs.events.find((e) => e.type === 'message:new')).toMatchObject({
        topic: `inbox:${ids.boss}`,
        data: { message: { id: sent.body.id }, from: { username: 'li' } },
      });
      const reply = await req('POST', '/api/messages', boss, { to: ids.li, text: 'approved' });
      expect(reply.status).toBe(201);
      await until(() => liWs.events.filter((e) => e.type === 'message:new').length === 2);
      expect(liWs.events.filter((e) => e.type === 'message:new').map((e) => e.data.message.text)).toEqual([
        'caller 138 wants a refund',
        'approved',
      ]);
      // Neither another agent nor a supervisor who is not a party sees it.
      expect(wangWs.events.filter((e) => e.type.startsWith('message:'))).toEqual([]);
      expect(otherWs.events.filter((e) => e.type.startsWith('message:'))).toEqual([]);
      expect((await req('GET', `/api/messages/with/${ids.boss}`, wang)).body).toEqual([]);
      expect((await req('GET', '/api/messages', other)).body).toEqual({ unread: 0, items: [] });

      expect((await req('GET', '/api/messages', li)).body).toMatchObject({ unread: 1, items: [{ with: { username: 'boss' }, unread: 1 }] });
      const talk = (await req('GET', `/api/messages/with/${ids.li}`, boss)).body.map((m: { text: string }) => m.text);
      expect(talk).toEqual(['caller 138 wants a refund', 'approved']);
      expect((await req('POST', `/api/messages/with/${ids.boss}/read`, li, {})).body).toEqual({ marked: 1, unread: 0 });
      await until(() => liWs.events.some((e) => e.type === 'message:read'));
      expect((await req('GET', '/api/messages', li)).body.unread).toBe(0);
      expect((await req('GET', '/api/messages', boss)).body.unread).toBe(1);

      for (const body of [
        { to: 'boss' },
        { to: 'boss', text: '' },
        { to: 'boss', text: '   ' },
        { to: 'boss', text: 'x'.repeat(2001) },
        { to: ['boss'], text: 'hi' },
        { to: 'boss', text: 'hi', urgent: true },
      ]) {
        const r = await req('POST', '/api/messages', li, body);
        expect(r, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
      }
      expect(await req('POST', '/api/messages', li, { to: 'nobody', text: 'hi' })).toMatchObject({ status: 404 });
      expect(await req('POST', '/api/messages', li, { to: 'li', text: 'hi' })).toMatchObject({ status: 400 });
      expect((await req('GET', `/api/messages/with/${ids.li}`, boss)).body).toHaveLength(2);
      for (const w of [liWs, wangWs, bossWs, otherWs]) w.close();
    });

    it("keeps the account's language; agents read only their own calls, mine=true narrows anyone to theirs", async () => {
      rig = await startRig({ database: await d.url() });
      const li = await rig.token('agent', { username: 'li', extension: '101' });
      const boss = await rig.token('supervisor', { username: 'boss', extension: '103' });
      expect((await req('GET', '/api/auth/me', li)).body.locale).toBeNull();
      expect(await req('PATCH', '/api/auth/me', li, { locale: 'zh-CN' })).toMatchObject({ status: 200, body: { locale: 'zh-CN' } });
      expect((await req('GET', '/api/auth/me', li)).body.locale).toBe('zh-CN');
      for (const body of [{ locale: 'fr' }, { locale: 1 }, {}, { locale: 'en', name: 'x' }])
        expect(await req('PATCH', '/api/auth/me', li, body)).toMatchObject({ status: 400 });
      expect((await req('GET', '/api/auth/me', li)).body.locale).toBe('zh-CN');
      expect((await req('GET', '/api/auth/me', boss)).body.locale).toBeNull();

      // 101 dials out, lifts its phone; the far end answers and hangs up.
      expect((await req('POST', '/api/extensions/101/dial', li, { number: '5550101' })).status).toBe(201);
      await rig.run(1000);
      await rig!.sim('POST', '/api/sim/phones/101/offhook');
      await rig.run(3000);
      await rig!.sim('POST', '/api/sim/phones/101/onhook');
      await rig.run(2000);
      const liCalls = (await req('GET', '/api/call-records', li)).body;
      expect(liCalls.items.length).toBeGreaterThan(0);
      expect(liCalls.items.every((r: { agent: string }) => r.agent === '101')).toBe(true);
      expect((await req('GET', '/api/call-records?mine=true', boss)).body).toEqual({ total: 0, items: [] });
      expect((await req('GET', '/api/call-records', boss)).body.total).toBe(liCalls.total);
      expect((await req('GET', '/api/call-records?agent=103', li)).status).toBe(403);
    });
  });
