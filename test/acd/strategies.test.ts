// Each strategy on the mock engine: who rings, in what order, and the
// invariants after every step.
import { describe, expect, it } from 'vitest';
import { acdRig, queue } from './helpers.ts';

describe('ACD strategies (mock engine)', () => {
  it('linear: the first free member in order; the next call rings the next one', async () => {
    const r = acdRig([queue('q', { strategy: 'linear', agents: ['a3', 'a1', 'a2'] })]);
    await r.callIn(1);
    expect(r.ringingExts()).toEqual([103]);
    r.engine.phoneOffhook(r.phone(3));
    await r.run(100);
    expect(r.agents.get('a3')!.state).toBe('on-call');
    await r.callIn(2);
    expect(r.ringingExts()).toEqual([101]);
    expect(r.check()).toEqual([]);
  });

  it('circular: starts after the agent offered last', async () => {
    const r = acdRig([queue('q', { strategy: 'circular', agents: ['a1', 'a2', 'a3'], wrapUpMs: 0 })]);
    const c1 = await r.callIn(1);
    expect(r.ringingExts()).toEqual([101]);
    r.engine.phoneOffhook(r.phone(1));
    await r.run(100);
    await c1.hangup();
    r.engine.phoneOnhook(r.phone(1));
    await r.run(200);
    expect(r.agents.get('a1')!.state).toBe('ready');
    await r.callIn(2);
    expect(r.ringingExts()).toEqual([102]); // a1 is free again, but the turn has moved on
    expect(r.check()).toEqual([]);
  });

  it('longest-idle: the agent free longest, and skills rank before idle time', async () => {
    const r = acdRig([queue('q', { strategy: 'longest-idle', agents: ['a1', 'a2', 'a3'] })]);
    r.agents.notReady('a1', 'lunch');
    await r.run(1000);
    r.agents.ready('a1'); // idle since now: the youngest
    await r.run(1000);
    await r.callIn(1);
    expect(r.ringingExts()).toEqual([102]);
    const why = r.acd.explain(r.tel.activeCalls()[0]!.id)!;
    expect(why.status).toBe('offering');

    const s = acdRig([queue('q', { strategy: 'longest-idle', skills: { sales: 3 } })]);
    await s.callIn(1);
    expect(s.ringingExts()).toEqual([102]); // sales 5 before sales 3; a3 has no sales skill
  });

  it('ring-all: everyone rings; two answers in the same frame give the call to exactly one, the other is released', async () => {
    const r = acdRig([queue('q', { strategy: 'ring-all' })]);
    const call = await r.callIn(1);
    expect(r.ringingExts()).toEqual([101, 102, 103]);
    r.engine.phoneOffhook(r.phone(1));
    r.engine.phoneOffhook(r.phone(2));
    await r.run(200);
    const states = ['a1', 'a2', 'a3'].map((id) => r.agents.get(id)!.state);
    expect(states.filter((s) => s === 'on-call')).toHaveLength(1);
    expect(states).toEqual(['on-call', 'ready', 'ready']);
    expect(r.ringingExts()).toEqual([]);
    const live = call.legs.filter((l) => l.live);
    expect(live.map((l) => l.channel.role.extension ?? 'line')).toEqual(['line', '101']);
    expect(call.legs[0]!.partner?.channel.role.extension).toBe('101');
    expect(r.check()).toEqual([]);
  });

  it('ring timeout: the next agent rings; after maxMissed misses the agent is not-ready (missed-calls)', async () => {
    const r = acdRig([queue('q', { strategy: 'linear', agents: ['a1', 'a2'], ringTimeoutMs: 5000, maxMissed: 1 })]);
    await r.callIn(1);
    expect(r.ringingExts()).toEqual([101]);
    await r.run(5100);
    expect(r.agents.get('a1')!.state).toBe('not-ready');
    expect(r.agents.get('a1')!.reason).toBe('missed-calls');
    expect(r.ringingExts()).toEqual([102]);
    expect(r.check()).toEqual([]);
  });

  it('a caller who hangs up while ringing frees the agent without counting a miss', async () => {
    const r = acdRig([queue('q', { strategy: 'linear', agents: ['a1'] })]);
    const call = await r.callIn(1);
    expect(r.agents.get('a1')!.state).toBe('ringing');
    r.engine.farHangup(r.line(1));
    await r.run(200);
    expect(call.live).toBe(false);
    expect(r.agents.get('a1')!.state).toBe('ready');
    expect(r.agents.get('a1')!.missed).toBe(0);
    expect(await r.exits[0]).toBe('abandoned');
    expect(r.check()).toEqual([]);
  });
});
