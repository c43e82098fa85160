// Outbound calls through the telephony core on the simulated board, to every
// kind of far end the simulated exchange has, on an FXO line and on an E1
// timeslot: the dial result comes from what the engine heard on the line
// (tones, the line's answer signal, energy), never from asking the world.
import { afterEach, describe, expect, it } from 'vitest';
import type { FarScript } from '../../src/sim/config.ts';
import type { DialResult } from '../../src/telephony/types.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const CONFIG = `
boards: [ { driver: sim, fxs: 1, fxo: 2, e1: 1 } ]
extensions: [ { number: "101", port: "fxs:1" } ]
routes: { inbound: [] }
`;

/** The far ends dialled, what each one is, and the result the engine must reach. */
const CASES: { number: string; script: FarScript; result: DialResult }[] = [
  { number: '13900000001', script: { kind: 'person', rings: 2 }, result: 'answered' },
  { number: '13900000002', script: { kind: 'busy' }, result: 'busy' },
  { number: '13900000003', script: { kind: 'no-answer' }, result: 'no-answer' },
  { number: '13900000004', script: { kind: 'unallocated' }, result: 'unallocated' },
  { number: '13900000005', script: { kind: 'congestion' }, result: 'congestion' },
  { number: '13900000006', script: { kind: 'fax' }, result: 'fax' },
  // Telling a machine from a person comes with the dialer: it answers.
  { number: '13900000007', script: { kind: 'machine', rings: 1 }, result: 'answered' },
];

/** Channel numbers on the board: 1 FXS, FXO lines 2-3, then E1 timeslots. */
const TRUNKS = { fxo: 2, e1: 4 } as const;

describe.each(Object.entries(TRUNKS))('dialling out on %s', (kind, channel) => {
  it.each(CASES)('$script.kind -> $result', async ({ number, script, result }) => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    const ch = rt.telephony.inventory.channel({ board: rt.board, channel })!;
    expect(ch.kind).toBe(kind);
    rt.world.pstn.expect(number, script);
    const reached = rt.world.pstn.nextCall(number, { timeoutMs: 30_000 });

    const outcome = await rig.until(rt.telephony.dial(number, { line: { board: ch.board, channel }, timeout: 25_000 }), 60_000);
    expect(outcome.result, outcome.detail).toBe(result);

    const far = await reached;
    expect(far.to).toBe(number);
    if (result === 'answered') {
      expect(outcome.leg.state).toBe('connected');
      expect(far.state).toBe('connected');
      await rig.until(outcome.leg.hangup('normal'));
    } else {
      expect(outcome.leg.state).toBe('ended');
      expect(outcome.leg.cause).toBe(result);
    }
    await rig.run(2000);
    expect(far.state).toBe('ended');
    expect(ch.lineState).toBe('idle');
    const [rec] = await rt.telephony.records.list();
    expect(rec).toMatchObject({ direction: 'outbound', to: number, cause: result === 'answered' ? 'normal' : result });
  });
});

describe('the far end hangs up after answering', () => {
  it.each(['polarity', 'loop-drop', 'busy-tone'] as const)('the call ends with remote-hangup, seen by %s', async (signal) => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    rt.world.pstn.expect('13900000008', { kind: 'person', rings: 1, hangup: signal, steps: [{ op: 'speak', ms: 1500 }, { op: 'hangup' }] });
    const outcome = await rig.until(rt.telephony.dial('13900000008', { line: { board: rt.board, channel: TRUNKS.fxo } }), 60_000);
    expect(outcome.result, outcome.detail).toBe('answered');
    const ended = await rig.until(outcome.call.ended, 30_000);
    expect(ended.cause).toBe('remote-hangup');
    expect(ended.detail).toMatch(signal === 'busy-tone' ? /busy/ : signal === 'loop-drop' ? /loop/ : /polarity/);
  });
});
