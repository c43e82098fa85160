// A span alarm mid-call tears the calls on that span down with cause `alarm`
// and the span works again once cleared; a board reset mid-call leaves no
// channel stuck; shutting down hangs every call up with cause `shutdown`.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { mockRig, type MockRig } from './helpers.ts';

let r: MockRig;
afterEach(async () => {
  await r?.tel.shutdown();
});

function collectOffers(): { call: Call; leg: Leg }[] {
  const got: { call: Call; leg: Leg }[] = [];
  r.tel.on('call:offered', (o: { call: Call; leg: Leg }) => got.push(o));
  return got;
}

describe('faults', () => {
  it('ends calls on an alarmed span with cause alarm; the span recovers', async () => {
    r = mockRig();
    const offers = collectOffers();
    r.engine.ringIn(r.e1(1));
    r.engine.ringIn(r.e1(2));
    r.engine.ringIn(r.line(1));
    await r.run(20);
    for (const o of offers) await r.until(o.leg.answer());
    const [e1a, e1b, fxo] = offers;
    const phone = await r.until(r.tel.ring('101', { call: e1a!.call }));
    r.engine.phoneOffhook(r.phone(1));
    await r.run(40);
    await r.until(e1a!.call.bridge(e1a!.leg, phone));

    r.engine.spanAlarm(r.board, 2, 2);
    await r.run(100);
    expect(e1a!.call.state).toBe('ended');
    expect(e1b!.call.state).toBe('ended');
    expect(e1a!.leg.cause).toBe('alarm');
    expect(e1a!.call.cause).toBe('alarm');
    expect(e1b!.leg.cause).toBe('alarm');
    expect(phone.cause).toBe('remote-hangup'); // the phone's partner was lost
    expect(fxo!.call.state).toBe('connected'); // another span: untouched
    expect(r.inventory.span(r.board, 2)!.alarms).toBe(2);
    expect(r.inventory.channel(r.e1(1))!.lineState).toBe('blocked');
    expect((await r.tel.records.get(e1a!.call.id))!.cause).toBe('alarm');

    r.engine.spanAlarm(r.board, 2, 0);
    await r.run(20);
    expect(r.inventory.span(r.board, 2)!.alarms).toBe(0);
    expect(r.inventory.channel(r.e1(1))!.lineState).toBe('idle');
    r.engine.ringIn(r.e1(1));
    await r.run(20);
    const again = offers[3]!;
    await r.until(again.leg.answer());
    expect(again.leg.state).toBe('connected');
  });

  it('leaves no channel stuck after a board reset mid-call', async () => {
    r = mockRig();
    const offers = collectOffers();
    r.engine.ringIn(r.line(1));
    await r.run(20);
    await r.until(offers[0]!.leg.answer());
    const phone = await r.until(r.tel.ring('101', { call: offers[0]!.call }));
    r.engine.phoneOffhook(r.phone(1));
    const dial = r.tel.dial('13800000001', { line: r.line(2) });
    r.engine.ringIn(r.line(3)); // offered, never answered
    await r.run(100);
    await r.until(offers[0]!.call.bridge(offers[0]!.leg, phone));

    r.engine.boardReset(r.board);
    await r.run(100);
    expect((await r.until(dial)).result).toBe('failed');
    expect(r.tel.activeCalls()).toEqual([]);
    for (const c of r.inventory.channels()) {
      expect(c.leg).toBeUndefined();
      expect(c.clearing).toBe(false);
      expect(c.lineState).toBe('idle');
    }
    const records = await r.tel.records.list();
    // The dial reports failed; its call record says why: the line was lost to the reset.
    expect(records.map((x) => x.cause)).toEqual(['reset', 'reset', 'reset']);
    // Everything works again.
    r.engine.ringIn(r.line(1));
    await r.run(20);
    await r.until(offers.at(-1)!.leg.answer());
    expect(offers.at(-1)!.leg.state).toBe('connected');
  });

  it('hangs every call up on shutdown', async () => {
    r = mockRig();
    const offers = collectOffers();
    r.engine.ringIn(r.line(1));
    await r.run(20);
    await r.until(offers[0]!.leg.answer());
    await r.until(r.tel.ring('102', { call: offers[0]!.call }));
    const done = r.tel.shutdown();
    await r.until(done);
    expect(offers[0]!.call.cause).toBe('shutdown');
    expect(r.engine.channel(r.line(1)).state).toBe('idle');
    expect(r.engine.channel(r.phone(2)).state).toBe('idle');
    expect((await r.tel.records.list())[0]!.cause).toBe('shutdown');
  });
});
