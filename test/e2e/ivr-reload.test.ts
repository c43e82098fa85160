// Flows reload without a restart: a call in progress finishes on the version
// it started with, the next call gets the new one. Time-of-day branches read
// the engine clock (wall time at engine time 0 + engine time).
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';
import { ivrConfig, ivrDirs, nextVoice, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const config = (ivrDir: string) => ivrConfig(ivrDir, 2);

const flow = (prompt: string, ext: string) => `
name: main
start: menu
nodes:
  menu: { type: menu, prompt: ${prompt}, choices: { "1": op }, timeoutMs: 8000, onFail: bye }
  op: { type: extension, extension: "${ext}" }
  bye: { type: hangup }
`;

describe('IVR flow reload and time', () => {
  it('a reload leaves the call in progress on the old flow; the next call gets the new one', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ v1: 1000, v2: 2000 });
    writeFlow(ivrDir, 'main.yaml', flow('v1', '101'));
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir } });
    const first = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await rig.until(first.waitFor('connected', { timeoutMs: 10_000 }));
    expect(await nextVoice(rig, first)).toBeCloseTo(1000, -2);

    writeFlow(ivrDir, 'main.yaml', flow('v2', '102'));
    const r = rig.rt.ivr.o.flows.reload();
    expect(r.loaded).toEqual(['main']);
    expect(rig.rt.ivr.o.flows.get('main')!.version).toBe(2);

    first.press('1');
    await rig.until(rig.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
    const second = rig.rt.world.pstn.call({ from: '13912345678', to: 'line:2' });
    await rig.until(second.waitFor('connected', { timeoutMs: 10_000 }));
    expect(await nextVoice(rig, second)).toBeCloseTo(2000, -2);
    second.press('1');
    await rig.until(rig.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
    const vars = rig.rt.telephony.activeCalls().map((c) => [c.from, c.vars.ivrFlow]);
    expect(vars).toEqual([
      ['13800138000', 'main@1'],
      ['13912345678', 'main@2'],
    ]);
  });

  it('a bad flow is refused on reload and the version in service stays', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ v1: 1000 });
    writeFlow(ivrDir, 'main.yaml', flow('v1', '101'));
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir } });
    writeFlow(ivrDir, 'main.yaml', flow('v1', '101').replace('"1": op', '"1": nowhere'));
    const r = rig.rt.ivr.o.flows.reload();
    expect(r.refused.map((x) => x.error.message.replace(/^.*main\.yaml/, 'main.yaml'))).toEqual([
      'main.yaml:5:51: nodes.menu.choices.1: unknown node "nowhere" (have menu, op, bye)',
    ]);
    expect(rig.rt.ivr.o.flows.get('main')!.version).toBe(1);
  });

  it('branches on the time of day by the engine clock, and on holidays', async () => {
    const { promptsDir, ivrDir } = ivrDirs({ open: 800, closed: 1600, holiday: 2400 });
    writeFlow(
      ivrDir,
      'main.yaml',
      `
name: main
start: hours
timezone: Asia/Shanghai
calendars: { holidays: [ "2025-10-01", { from: "01-28", to: "02-04" } ] }
nodes:
  hours:
    type: branch
    when:
      - { holiday: holidays, next: holiday }
      - { days: [ mon-fri ], time: "09:00-18:00", next: open }
    else: closed
  open: { type: hangup, prompt: open }
  closed: { type: hangup, prompt: closed }
  holiday: { type: hangup, prompt: holiday }
`,
    );
    // Friday 14 March 2025, 17:59:40 in Shanghai.
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir, epochMs: Date.UTC(2025, 2, 14, 9, 59, 40) } });
    const a = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await rig.until(a.waitFor('connected', { timeoutMs: 10_000 }));
    expect(await nextVoice(rig, a)).toBeCloseTo(800, -2);
    await rig.run(25_000);
    // Now past 18:00 by the engine clock.
    const b = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:2' });
    await rig.until(b.waitFor('connected', { timeoutMs: 10_000 }));
    expect(await nextVoice(rig, b)).toBeCloseTo(1600, -2);
    await rig.close();

    // Thursday 30 January 2025, 10:00: a weekday in opening hours, but a holiday (yearly, 01-28 to 02-04).
    rig = await startRig({ config: config(ivrDir), runtime: { promptsDir, epochMs: Date.UTC(2025, 0, 30, 2, 0, 0) } });
    const c = rig.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await rig.until(c.waitFor('connected', { timeoutMs: 10_000 }));
    expect(await nextVoice(rig, c)).toBeCloseTo(2400, -2);
  });
});
