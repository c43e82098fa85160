// Priority, overflow, maximum wait, last-agent routing and the wait estimate,
// on the mock engine.
import { describe, expect, it } from 'vitest';
import { estimateWaitMs } from '../../src/acd/estimate.ts';
import { acdRig, queue } from './helpers.ts';

describe('ACD features (mock engine)', () => {
  it('a VIP caller goes ahead of callers who came first', async () => {
    const r = acdRig([queue('q', { strategy: 'linear', agents: ['a1'] })]);
    r.agents.notReady('a1', 'meeting');
    const c1 = await r.callIn(1);
    const c2 = await r.callIn(2);
    r.acd.entry(c2.id)!.priority = 0;
    const vip = r.acd.entry(c2.id)!;
    r.acd.queue('q')!.remove(vip);
    vip.priority = 10;
    r.acd.queue('q')!.insert(vip);
    expect(r.acd.explain(c2.id)!.position).toBe(1);
    expect(r.acd.explain(c1.id)!.position).toBe(2);
    r.agents.ready('a1');
    await r.run(100);
    expect(r.agents.get('a1')!.callId).toBe(c2.id);
    expect(r.check()).toEqual([]);
  });

  it('overflows to another queue after a wait, keeping the first arrival time; max wait ends with a message', async () => {
    const r = acdRig([
      queue('a', { agents: ['a1'], overflow: { afterMs: 3000, to: 'b' } }),
      queue('b', { agents: ['a2'], maxWaitMs: 5000 }),
    ]);
    r.agents.notReady('a1', 'x');
    r.agents.notReady('a2', 'x');
    const c = await r.callIn(1);
    await r.run(3100);
    expect(r.acd.entry(c.id)!.queue.name).toBe('b');
    await r.run(5100);
    expect(await r.exits[0]).toBe('max-wait');
    expect(c.vars.overflow).toBe('message');
  });

  it('last-agent routing: the agent who served this caller gets them again', async () => {
    const r = acdRig([queue('q', { strategy: 'linear', agents: ['a1', 'a2'], lastAgent: { rememberMs: 600000, waitMs: 0 } })]);
    r.agents.notReady('a1', 'x');
    const c1 = await r.callIn(1, '13800000001');
    r.acd.entry(c1.id);
    expect(r.ringingExts()).toEqual([102]);
    r.engine.phoneOffhook(r.phone(2));
    await r.run(100);
    await c1.hangup();
    r.engine.phoneOnhook(r.phone(2));
    r.agents.ready('a1');
    await r.run(200);
    await r.callIn(2, '13800000001');
    expect(r.ringingExts()).toEqual([102]); // not a1, first in order
  });

  it('estimate: the p-th caller gets the p-th turn of the staffed agents', () => {
    const mk = (state: string, since = 0) => ({ state, since }) as never;
    const base = { now: 100_000, talkMs: 60_000, wrapUpMs: 0, answeredAt: () => 70_000, wrapEndsAt: () => undefined };
    expect(estimateWaitMs({ ...base, position: 1, members: [mk('on-call'), mk('on-call')] })).toBe(30_000);
    expect(estimateWaitMs({ ...base, position: 3, members: [mk('on-call'), mk('on-call')] })).toBe(90_000);
    expect(estimateWaitMs({ ...base, position: 1, members: [mk('not-ready')] })).toBeUndefined();
  });
});
