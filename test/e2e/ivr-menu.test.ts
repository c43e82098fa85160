// An IVR menu end to end on the simulated board: a caller dials in, hears the
// menu (by audio: a prompt of its length at the caller's end), presses a
// wrong key and hears the invalid prompt and the menu again, presses a right
// key and extension 102 rings with the caller's number.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';
import { ivrConfig, ivrDirs, nextVoice, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const config = (ivrDir: string) => ivrConfig(ivrDir, 3);

export const MENU_FLOW = `
name: main
start: menu
nodes:
  menu:
    type: menu
    prompt: menu
    choices: { "1": reception, "2": sales }
    timeoutMs: 4000
    tries: 3
    invalidPrompt: invalid
    var: choice
    onFail: bye
  reception: { type: extension, extension: "101" }
  sales: { type: extension, extension: "102", timeoutMs: 20000 }
  bye: { type: hangup, prompt: bye }
`;

describe('an IVR menu on the simulated board', () => {
  it('plays the menu, refuses a wrong key with the invalid prompt and a retry, and routes a right key to extension 102', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ menu: 1500, invalid: 600, bye: 1000 });
    writeFlow(ivrDir, 'main.yaml', MENU_FLOW);
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir } });
    const caller = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await rig.until(caller.waitFor('connected', { timeoutMs: 10_000 }));

    expect(await nextVoice(rig, caller)).toBeCloseTo(1500, -2);
    caller.press('9');
    // The invalid prompt, then the menu again.
    expect(await nextVoice(rig, caller)).toBeCloseTo(600, -2);
    expect(await nextVoice(rig, caller)).toBeCloseTo(1500, -2);
    caller.press('2');

    const phone = rig.rt.world.phones.get('102');
    await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
    await rig.run(2500); // the caller ID, sent in the first ring pause
    expect(phone.state.display).toBe('13800138000');
    await rig.until(caller.waitFor('tone:ringback', { timeoutMs: 10_000 }));
    const call = rig.rt.telephony.activeCalls()[0]!;
    expect(call.vars).toMatchObject({ choice: '2', ivrFlow: 'main@1', caller: '13800138000' });
    phone.offhook();
    expect(await rig.until(call.legs[1]!.waitForAnswer(5000))).toBe(true);
    await rig.run(500);
    expect(call.legs[0]!.partner).toBe(call.legs[1]);
    caller.hangup();
    await rig.until(call.ended, 5000);
  });

  it('gives up after the tries with no key: the timeout prompt each time, then the fail node', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ menu: 800, invalid: 400, bye: 1000 });
    writeFlow(ivrDir, 'main.yaml', MENU_FLOW.replace('tries: 3', 'tries: 2').replace('timeoutMs: 4000', 'timeoutMs: 2000'));
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir } });
    const caller = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:2' });
    await rig.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
    const heard = [];
    for (let i = 0; i < 3; i++) heard.push(Math.round((await nextVoice(rig, caller)) / 100) * 100);
    // menu, the timeout prompt (none given: the invalid one), menu again.
    expect(heard).toEqual([800, 400, 800]);
    // Then the timeout prompt and the fail node's goodbye back to back, and the line drops.
    const on = await rig.until(caller.waitFor('voice', { timeoutMs: 5000 }));
    const gone = await rig.until(caller.waitFor('hangup', { timeoutMs: 5000 }));
    expect(gone.atMs - on.atMs).toBeGreaterThan(1300);
    expect(gone.atMs - on.atMs).toBeLessThan(1600);
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec).toMatchObject({ cause: 'normal', vars: { ivrFlow: 'main@1' } });
  });
});
