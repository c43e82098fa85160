// IVR flows end to end on the simulated board: a programmable look-up that
// fails takes the error branch with hold audio meanwhile (never silence); a
// slow one times out the same way; a flow reloaded while a call is in it
// leaves that call on the old version and gives the next call the new one;
// time-of-day branches follow the engine clock.
import { afterEach, describe, expect, it } from 'vitest';
import { defineNode, NodeRegistry } from '../../src/ivr/index.ts';
import { startRig, type Rig } from './harness.ts';
import { hearPrompt, ivrConfig, ivrDirs, nextVoice, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const config = (ivrDir: string) => ivrConfig(ivrDir, 2);

const LOOKUP_FLOW = `
name: main
start: lookup
nodes:
  lookup: { type: code, run: balance, timeoutMs: 3000, next: ok, error: sorry }
  ok: { type: hangup, prompt: ok }
  sorry: { type: hangup, prompt: sorry }
`;

describe('IVR flows on the simulated board', () => {
  it('a look-up that throws takes the error branch: its prompt is heard, the error is on the call record', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ ok: 700, sorry: 1600 });
    writeFlow(ivrDir, 'main.yaml', LOOKUP_FLOW);
    let calls = 0;
    const db = {
      balance: async () => {
        calls++;
        throw new Error('database unreachable');
      },
    };
    const programs = new NodeRegistry().add(
      defineNode<typeof db>({
        name: 'balance',
        async run(ctx) {
          ctx.vars.balance = await ctx.db.balance();
        },
      }),
    );
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir, programs, db } });
    const caller = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await rig.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
    await hearPrompt(rig, caller, 1600);
    expect(calls).toBe(1);
    await rig.until(caller.waitFor('hangup', { timeoutMs: 5000 }));
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec!.vars).toMatchObject({ error: 'database unreachable' });
  });

  it('a look-up slower than its timeout takes the error branch after hold audio', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ ok: 700, sorry: 1600 });
    writeFlow(ivrDir, 'main.yaml', LOOKUP_FLOW);
    const programs = new NodeRegistry().add(
      defineNode({
        name: 'balance',
        run: (ctx) => new Promise<void>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
      }),
    );
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir, programs } });
    const caller = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await rig.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
    const answeredAt = rig.rt.world.nowMs;
    // Hold audio (two soft notes, ~0.8 s, every 2.5 s) while the look-up runs:
    // the caller is never left in silence; at the timeout the sorry prompt
    // follows straight on, and the line drops after it.
    const first = await nextVoice(rig, caller);
    expect(first).toBeGreaterThan(600);
    expect(first).toBeLessThan(1000);
    const gone = await rig.until(caller.waitFor('hangup', { timeoutMs: 10_000 }));
    expect(gone.atMs - answeredAt).toBeGreaterThanOrEqual(3000 + 1600 - 100);
    expect(gone.atMs - answeredAt).toBeLessThan(3000 + 1600 + 300);
    const quiet = caller.heard
      .filter((h) => h.kind === 'silence')
      .map((s) => (caller.heard.find((h) => h.kind === 'voice' && h.atMs > s.atMs)?.atMs ?? gone.atMs) - s.atMs);
    expect(Math.max(...quiet)).toBeLessThan(2000);
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec!.vars).toMatchObject({ error: 'timed out after 3000 ms' });
  });
});
