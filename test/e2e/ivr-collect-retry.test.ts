// Keys a caller presses after a collect timed out are not lost: pressed
// during the timeout prompt or the pause before the prompt again, they are the
// next try's input (a good number goes on, a bad one hears the invalid prompt
// and is retried), as the flow's retry handling says.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';
import { hearPrompt, ivrConfig, ivrDirs, nextVoice, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const FLOW = `
name: main
start: account
nodes:
  account:
    type: collect
    prompt: ask
    var: account
    min: 4
    max: 8
    terminators: "#"
    pattern: "^[0-9]+$"
    timeoutMs: 3000
    tries: 3
    timeoutPrompt: tmo
    invalidPrompt: invalid
    next: ok
    onFail: fail
  ok: { type: hangup, prompt: ok }
  fail: { type: hangup, prompt: fail }
`;
const PROMPTS = { ask: 1000, tmo: 500, invalid: 700, ok: 1500, fail: 2000 };

async function dialIn(r: Rig) {
  const caller = r.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
  await r.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
  await hearPrompt(r, caller, PROMPTS.ask);
  return caller;
}

describe('IVR collect: keys after a timeout', () => {
  it('a number keyed during the timeout prompt stops it and is the next try: the flow goes on without asking again', async () => {
    const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
    writeFlow(ivrDir, 'main.yaml', FLOW);
    rig = await startRig({ config: ivrConfig(ivrDir), runtime: { promptsDir } });
    const caller = await dialIn(rig);
    // No key: after 3 s the timeout prompt starts; the caller keys the number while it plays.
    await rig.until(caller.waitFor('voice', { timeoutMs: 5000 }));
    caller.press('1234#');
    // The next thing heard is the ok prompt (not the question again).
    expect(Math.round((await nextVoice(rig, caller)) / 100) * 100).toBe(PROMPTS.ok);
    await rig.until(caller.waitFor('hangup', { timeoutMs: 5000 }));
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec!.vars).toMatchObject({ account: '1234' });
    // A second caller who keys nothing at all still hears the retries and the fail node.
    const second = await dialIn(rig);
    const heard: number[] = [];
    for (let i = 0; i < 4; i++) heard.push(Math.round((await nextVoice(rig, second)) / 100) * 100);
    expect(heard).toEqual([500, 1000, 500, 1000]);
    await hearPrompt(rig, second, PROMPTS.tmo + PROMPTS.fail, { tolerance: 200, within: 1 });
  });

  it("keys after the last try timed out are that try's input: a good number goes on, a bad one hears the invalid prompt and the fail node", async () => {
    const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
    writeFlow(ivrDir, 'main.yaml', FLOW.replace('tries: 3', 'tries: 1'));
    rig = await startRig({ config: ivrConfig(ivrDir), runtime: { promptsDir } });
    const caller = await dialIn(rig);
    await rig.until(caller.waitFor('voice', { timeoutMs: 5000 }));
    caller.press('5678#');
    expect(Math.round((await nextVoice(rig, caller)) / 100) * 100).toBe(PROMPTS.ok);
    await rig.until(caller.waitFor('hangup', { timeoutMs: 5000 }));
    expect((await rig.rt.telephony.records.list())[0]!.vars).toMatchObject({ account: '5678' });

    const second = await dialIn(rig);
    await rig.until(second.waitFor('voice', { timeoutMs: 5000 }));
    second.press('12#'); // too short (min 4)
    expect(Math.round((await nextVoice(rig, second)) / 100) * 100).toBe(PROMPTS.invalid + PROMPTS.fail);
    await rig.until(second.waitFor('hangup', { timeoutMs: 5000 }));
    const recs = await rig.rt.telephony.records.list();
    expect(recs.map((r) => r.vars.account ?? null).sort()).toEqual(['5678', null]);
  });

  it('keys pressed in the pause after the timeout prompt are the next try; a short number hears the invalid prompt and is retried', async () => {
    const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
    writeFlow(ivrDir, 'main.yaml', FLOW);
    rig = await startRig({ config: ivrConfig(ivrDir), runtime: { promptsDir } });
    const caller = await dialIn(rig);
    expect(Math.round((await nextVoice(rig, caller)) / 100) * 100).toBe(PROMPTS.tmo);
    caller.press('12#'); // too short (min 4)
    expect(Math.round((await nextVoice(rig, caller)) / 100) * 100).toBe(PROMPTS.invalid);
    expect(Math.round((await nextVoice(rig, caller)) / 100) * 100).toBe(PROMPTS.ask);
    caller.press('98765#');
    await hearPrompt(rig, caller, PROMPTS.ok);
    await rig.until(caller.waitFor('hangup', { timeoutMs: 5000 }));
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec!.vars).toMatchObject({ account: '98765' });
  });
});
