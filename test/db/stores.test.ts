// Every store on SQLite and PostgreSQL: accounts (hashes, skills, sessions),
// customers (numbers found whatever their format, history, cascade), call
// records (legs, derived facts, filters, paging), the blacklist; and every
// change that fails rolls back whole.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/db/index.ts';
import type { CallRecord, LegRecord } from '../../src/telephony/call-records.ts';
import { dialects, title } from '../support/dialects.ts';

function leg(over: Partial<LegRecord>): LegRecord {
  return {
    id: 'L',
    board: 0,
    span: 0,
    channel: 9,
    kind: 'fxo',
    extension: null,
    direction: 'inbound',
    remote: '13800138000',
    callerId: '13800138000',
    startMs: 1000,
    answerMs: 1100,
    endMs: 60000,
    cause: 'remote-hangup',
    detail: null,
    digits: '',
    history: [{ at: 1000, from: 'idle', to: 'offered', why: 'ring' } as never],
    ...over,
  };
}

function call(id: string, over: Partial<CallRecord> = {}, legs: LegRecord[] = []): CallRecord {
  return {
    id,
    direction: 'inbound',
    from: '13800138000',
    to: '075526600001',
    state: 'ended',
    startedAt: '2026-05-01T09:00:00.000Z',
    startMs: 1000,
    answerMs: 1100,
    endMs: 60000,
    durationMs: 59000,
    holdMs: null,
    cause: 'remote-hangup',
    detail: null,
    vars: { digits: '12' },
    legs,
    ...over,
  };
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`stores on ${title(d)}`, () => {
    let s: Stores;
    beforeEach(async () => {
      s = await openStores(await d.url());
    });
    afterEach(async () => s.close());

    it('accounts: scrypt hashes, PIN, skills 1-9, unique names, sessions that expire and end', async () => {
      const a = await s.accounts.create({
        username: 'li',
        name: 'Li Na',
        role: 'agent',
        password: 'secret-pw',
        pin: '4321',
        agentNumber: '2001',
        extension: '101',
        skills: { billing: 7, english: 3 },
        groups: ['after-sales'],
      });
      expect(a).toMatchObject({
        username: 'li',
        role: 'agent',
        extension: '101',
        agentNumber: '2001',
        skills: { billing: 7, english: 3 },
        groups: ['after-sales'],
        hasPin: true,
        enabled: true,
      });
      const [row] = await s.db.sequelize.query("SELECT password_hash FROM users WHERE username = 'li'");
      expect((row as { password_hash: string }[])[0]!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(await s.accounts.verifyPassword('li', 'secret-pw')).toMatchObject({ id: a.id });
      expect(await s.accounts.verifyPassword('li', 'wrong')).toBeUndefined();
      expect(await s.accounts.verifyPassword('nobody', 'x')).toBeUndefined();
      expect(await s.accounts.verifyPin('2001', '4321')).toMatchObject({ id: a.id });
      expect(await s.accounts.verifyPin('2001', '0000')).toBeUndefined();
      expect((await s.accounts.byExtension('101')).map((x) => x.username)).toEqual(['li']);

      await expect(
        s.accounts.create({ username: 'x', name: 'X', role: 'agent', password: 'pw-pw-pw', skills: { billing: 10 } }),
      ).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
      await expect(s.accounts.create({ username: 'li', name: 'Other', role: 'agent', password: 'pw-pw-pw' })).rejects.toMatchObject({
        code: 'CTI_ERR_CONFLICT',
      });
      expect(await s.accounts.count()).toBe(1);

      const { token } = await s.accounts.createSession(a.id, 60_000);
      expect(await s.accounts.sessionAccount(token)).toMatchObject({ id: a.id });
      expect(await s.accounts.sessionAccount(token, Date.now() + 61_000)).toBeUndefined();
      expect(await s.accounts.sessionAccount('forged')).toBeUndefined();
      await s.accounts.endSession(token);
      expect(await s.accounts.sessionAccount(token)).toBeUndefined();

      const t2 = (await s.accounts.createSession(a.id, 60_000)).token;
      const u = await s.accounts.update(a.id, { password: 'new-secret', skills: { billing: 9 } });
      expect(u.skills).toEqual({ billing: 9 });
      expect(await s.accounts.sessionAccount(t2)).toBeUndefined(); // a new password ends old sessions
      expect(await s.accounts.verifyPassword('li', 'new-secret')).toBeDefined();
      await s.accounts.update(a.id, { enabled: false });
      expect(await s.accounts.verifyPassword('li', 'new-secret')).toBeUndefined();
      await expect(s.accounts.update(999, { name: 'n' })).rejects.toMatchObject({ code: 'CTI_ERR_NOT_FOUND' });
      await s.accounts.remove(a.id);
      expect(await s.accounts.get(a.id)).toBeUndefined();
    });

    it('customers: numbers found in any format, VIPs first, history, paging, cascade', async () => {
      const wang = await s.customers.create({
        name: 'Wang Fang',
        company: 'Acme Trading',
        phones: [{ number: '+86 138 0013 8000', label: 'mobile' }, { number: '(020) 8888-6666' }],
        contacts: [{ name: 'Wang Fang', role: 'buyer', email: 'wf@example.cn' }],
        address: 'Tianhe Rd 1, Guangzhou',
        notes: 'prefers mornings',
        vip: false,
        priority: 1,
      });
      expect(wang.phones.map((p) => p.normalized)).toEqual(['13800138000', '02088886666']);
      const vip = await s.customers.create({ name: 'Chen Jie', phones: [{ number: '0086 20 8888 6666' }], vip: true, priority: 5 });
      expect((await s.customers.lookup('13800138000')).map((c) => c.id)).toEqual([wang.id]);
      expect((await s.customers.lookup('+8613800138000')).map((c) => c.id)).toEqual([wang.id]);
      expect((await s.customers.lookup('02088886666')).map((c) => c.name)).toEqual(['Chen Jie', 'Wang Fang']);
      expect(await s.customers.lookup('13900000000')).toEqual([]);

      const h = await s.customers.addHistory(wang.id, { kind: 'call', summary: 'asked about an invoice', callId: 'c-1' });
      await s.customers.addHistory(wang.id, { kind: 'note', summary: 'call back Friday', at: '2099-01-01T00:00:00.000Z' });
      expect((await s.customers.history(wang.id)).map((x) => x.summary)).toEqual(['call back Friday', 'asked about an invoice']);
      expect(h).toMatchObject({ kind: 'call', callId: 'c-1' });

      const moved = await s.customers.update(wang.id, { phones: [{ number: '13912345678' }], notes: null });
      expect(moved.phones.map((p) => p.number)).toEqual(['13912345678']);
      expect(moved.notes).toBeNull();
      expect(await s.customers.lookup('13800138000')).toEqual([]);

      for (let i = 0; i < 5; i++) await s.customers.create({ name: `Customer ${i}` });
      const page = await s.customers.list({ offset: 2, limit: 3 });
      expect(page.total).toBe(7);
      expect(page.items.map((c) => c.name)).toEqual(['Customer 0', 'Customer 1', 'Customer 2']);
      expect((await s.customers.list({ q: 'acme' })).items.map((c) => c.id)).toEqual([wang.id]);
      expect((await s.customers.list({ vip: true })).items.map((c) => c.id)).toEqual([vip.id]);

      await s.customers.remove(wang.id);
      expect(await s.customers.get(wang.id)).toBeUndefined();
      const [left] = await s.db.sequelize.query(`SELECT COUNT(*) AS n FROM customer_history WHERE customer_id = ${wang.id}`);
      expect(Number((left as { n: number }[])[0]!.n)).toBe(0);
    });

    it('call records: legs, wait and talk, answered, missed and abandoned kept, filters and paging', async () => {
      const answered = call('c-1', {}, [
        leg({ id: 'c-1.1' }),
        leg({
          id: 'c-1.2',
          kind: 'fxs',
          channel: 1,
          extension: '101',
          direction: 'outbound',
          startMs: 9000,
          answerMs: 13000,
          cause: 'normal',
        }),
      ]);
      await s.callRecords.save(answered);
      const got = await s.callRecords.get('c-1');
      expect(got).toMatchObject({
        id: 'c-1',
        result: 'answered',
        agent: '101',
        waitMs: 12000,
        talkMs: 47000,
        startMs: 1000,
        endMs: 60000,
        vars: { digits: '12' },
      });
      expect(got!.legs.map((l) => [l.id, l.extension, l.answerMs])).toEqual([
        ['c-1.1', null, 1100],
        ['c-1.2', '101', 13000],
      ]);
      expect(got!.legs[0]!.history).toHaveLength(1);
      expect(typeof got!.startMs).toBe('number');

      const ringing = leg({ id: 'x', kind: 'fxs', extension: '101', direction: 'outbound', answerMs: null, cause: 'canceled' });
      await s.callRecords.save(
        call('c-2', { startedAt: '2026-05-01T10:00:00.000Z', cause: 'remote-hangup', from: '13900000000' }, [
          leg({ id: 'c-2.1' }),
          { ...ringing, id: 'c-2.2' },
        ]),
      );
      await s.callRecords.save(
        call('c-3', { startedAt: '2026-05-01T11:00:00.000Z', cause: 'no-answer' }, [
          leg({ id: 'c-3.1' }),
          { ...ringing, id: 'c-3.2', cause: 'no-answer' },
        ]),
      );
      await s.callRecords.save(
        call(
          'c-4',
          { startedAt: '2026-05-02T11:00:00.000Z', direction: 'outbound', answerMs: null, cause: 'busy', vars: { queue: 'sales' } },
          [],
        ),
      );
      expect((await s.callRecords.get('c-2'))!.result).toBe('abandoned');
      expect((await s.callRecords.get('c-3'))!.result).toBe('missed');
      expect(await s.callRecords.get('c-4')).toMatchObject({ result: 'unanswered', queue: 'sales' });

      const all = await s.callRecords.search();
      expect(all.total).toBe(4);
      expect(all.items.map((r) => r.id)).toEqual(['c-4', 'c-3', 'c-2', 'c-1']);
      expect((await s.callRecords.search({ result: 'missed' })).items.map((r) => r.id)).toEqual(['c-3']);
      expect((await s.callRecords.search({ number: '13900000000' })).items.map((r) => r.id)).toEqual(['c-2']);
      expect(
        (await s.callRecords.search({ since: '2026-05-01T09:30:00.000Z', until: '2026-05-02T00:00:00.000Z' })).items.map((r) => r.id),
      ).toEqual(['c-3', 'c-2']);
      expect((await s.callRecords.search({ offset: 1, limit: 2 })).items.map((r) => r.id)).toEqual(['c-3', 'c-2']);
      expect((await s.callRecords.list({ limit: 1 })).map((r) => r.id)).toEqual(['c-4']);

      // Saved again (a record rewritten) replaces, and facts arriving later amend.
      await s.callRecords.save({ ...answered, center: { recording: 'recordings/c-1.wav' } });
      expect((await s.callRecords.get('c-1'))!.legs).toHaveLength(2);
      expect(await s.callRecords.amend('c-1', { wrapUpMs: 30000 })).toMatchObject({ wrapUpMs: 30000, recording: 'recordings/c-1.wav' });
      expect(await s.callRecords.amend('nope', { wrapUpMs: 1 })).toBeUndefined();
    });

    it('blacklist: reject and reroute by number or pattern, longest pattern wins', async () => {
      await s.blacklist.create({ pattern: '400*', action: 'reject', note: 'telemarketing' });
      const r = await s.blacklist.create({ pattern: '4008001234', action: 'reroute', target: 'queue:complaints' });
      await s.blacklist.create({ pattern: '0208888XXXX', action: 'reject' });
      await expect(s.blacklist.create({ pattern: '123', action: 'reroute' })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
      await expect(s.blacklist.create({ pattern: '400*', action: 'reject' })).rejects.toMatchObject({ code: 'CTI_ERR_CONFLICT' });
      expect((await s.blacklist.match('4008001234'))!.id).toBe(r.id);
      expect((await s.blacklist.match('4001112222'))!.pattern).toBe('400*');
      expect((await s.blacklist.match('+86 20 8888 1234'))!.pattern).toBe('0208888XXXX');
      expect(await s.blacklist.match('02088881')).toBeUndefined();
      expect(await s.blacklist.match('13800138000')).toBeUndefined();
      await expect(s.blacklist.update(r.id, { action: 'reroute', target: null })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
      await s.blacklist.remove(r.id);
      expect(await s.blacklist.list()).toHaveLength(2);
    });

    it('a change that fails rolls back whole', async () => {
      // The customer row is written before its phones; a bad phone undoes both.
      await expect(s.customers.create({ name: 'Half', phones: [{ number: '13800138000' }, { number: '1' }] })).rejects.toMatchObject({
        code: 'CTI_ERR_BAD_ARGUMENT',
      });
      expect((await s.customers.list()).total).toBe(0);
      expect(await s.customers.lookup('13800138000')).toEqual([]);
      const c = await s.customers.create({ name: 'Whole', phones: [{ number: '13800138000' }] });
      await expect(s.customers.update(c.id, { name: 'Renamed', phones: [{ number: '12' }] })).rejects.toThrow();
      expect(await s.customers.get(c.id)).toMatchObject({ name: 'Whole', phones: [{ number: '13800138000' }] });
      // A call record whose leg cannot be written leaves no record either.
      const bad = call('c-bad', {}, [leg({ id: 'a' }), leg({ id: 'b', kind: null as never })]);
      await expect(s.callRecords.save(bad)).rejects.toThrow();
      expect(await s.callRecords.get('c-bad')).toBeUndefined();
      // And the transaction helper itself.
      await expect(
        s.db.tx(async (transaction) => {
          await s.db.models.Blacklist.create({ pattern: '999', action: 'reject' }, { transaction });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await s.blacklist.list()).toEqual([]);
    });
  });
}
