// The shipped examples/call-center.yaml, as the README tells a newcomer to run
// it, on the simulated board with its SQLite database: a caller walks the IVR
// of examples/ivr/main.yaml (heard by the length of each prompt at the
// caller's end) into the sales queue, and each other queue's strategy decides
// whose desk phone rings; every answered call carries audio both ways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Phone } from '../../src/sim/phone.ts';
import { STRATEGIES } from '../../src/acd/types.ts';
import { queueRecords } from './acd-config.ts';
import { keyHeard } from './call-ops-audio.ts';
import { startRig, type Rig } from './harness.ts';
import { hearPrompt, ivrDirs } from './ivr-helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'call-center.yaml'), 'utf8');
/** Tuesday 2026-12-08 10:00 in Shanghai: the flow's opening hours. */
const TUESDAY_10AM = Date.parse('2026-12-08T02:00:00Z');
const PROMPTS = { welcome: 1000, language: 1300, menu: 1700 };
const RING = { timeoutMs: 30_000 };

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const phone = (r: Rig, ext: string): Phone => r.rt.world.phones.get(ext);
const ringingPhones = (r: Rig) =>
  ['101', '102', '103', '104', '105', '106'].filter((x) => r.rt.telephony.inventory.byExtension(x)?.leg?.state === 'ringing');

/** Runs until one of `exts` rings; returns it. */
async function firstRinging(r: Rig, exts: string[]): Promise<string> {
  for (let t = 0; t < RING.timeoutMs; t += 100) {
    const hit = ringingPhones(r).find((x) => exts.includes(x));
    if (hit) return hit;
    await r.run(100);
  }
  throw new Error(`none of ${exts.join(', ')} rang`);
}

/** The agent at `ext` answers; a key goes each way; both hang up. */
async function talkAndEnd(r: Rig, ext: string, caller: ReturnType<Rig['rt']['world']['pstn']['call']>): Promise<void> {
  const p = phone(r, ext);
  p.offhook();
  await r.run(1500);
  await keyHeard(r, caller, p, '5');
  await keyHeard(r, p, caller, '7');
  caller.hangup();
  await r.run(2000);
  p.onhook();
  await r.run(1000);
}

describe('examples/call-center.yaml', () => {
  it('has a queue of every strategy, and its IVR leads to sales; each queue rings the phones its strategy picks', async () => {
    const { promptsDir } = ivrDirs(PROMPTS);
    rig = await startRig({
      config: EXAMPLE,
      database: 'sqlite',
      runtime: { promptsDir, ivrDir: join(ROOT, 'examples', 'ivr'), epochMs: TUESDAY_10AM },
    });
    const r = rig;
    expect(new Set(r.config.queues.map((q) => q.strategy))).toEqual(new Set(STRATEGIES));
    const cc = r.rt.callCenter!;
    await r.until(cc.ready);
    expect(
      cc.agents
        .all()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['2001', '2002', '2003', '2004', '2005', '2006']);
    for (const a of cc.agents.all()) cc.agents.login(a.id);

    // IVR on line 1: welcome, the language menu (1: English), the main menu (1: sales).
    const ivrCaller = r.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await r.until(ivrCaller.waitFor('connected', { timeoutMs: 10_000 }));
    await hearPrompt(r, ivrCaller, PROMPTS.welcome + PROMPTS.language, { tolerance: 150 }); // back to back
    ivrCaller.press('1');
    await hearPrompt(r, ivrCaller, PROMPTS.menu);
    ivrCaller.press('1');
    const sales = await firstRinging(r, ['101', '102']); // longest-idle among the sales-skilled agents
    await talkAndEnd(r, sales, ivrCaller);
    const [salesRec] = await queueRecords(r, 'sales', 1);
    expect(salesRec).toMatchObject({ result: 'answered', queue: 'sales', from: '13800138000' });

    // Line 3, billing, linear hunt: 2005 (105) first.
    const billing = r.rt.world.pstn.call({ from: '13800000011', to: 'line:3' });
    expect(await firstRinging(r, ['104', '105', '106'])).toBe('105');
    await talkAndEnd(r, '105', billing);

    // Line 4, vip, ring-all: 101, 103 and 105 ring together (105 is in wrap-up from billing: it waits).
    cc.agents.ready('2005');
    const vip = r.rt.world.pstn.call({ from: '13800000012', to: 'line:4' });
    await firstRinging(r, ['101', '103', '105']);
    await r.run(500);
    expect(ringingPhones(r)).toEqual(['101', '103', '105']);
    await talkAndEnd(r, '103', vip);

    // The E1 span, general, circular: in member order from the one after the agent offered last.
    for (const a of cc.agents.all()) if (a.state !== 'ready') cc.agents.ready(a.id);
    const g1 = r.rt.world.pstn.call({ from: '13800000013', to: 'e1:1' });
    const first = await firstRinging(r, ['101', '102', '103', '104', '105', '106']);
    await talkAndEnd(r, first, g1);
    for (const a of cc.agents.all()) if (a.state !== 'ready') cc.agents.ready(a.id);
    const g2 = r.rt.world.pstn.call({ from: '13800000014', to: 'e1:2' });
    const second = await firstRinging(r, ['101', '102', '103', '104', '105', '106']);
    expect(Number(second)).toBe(Number(first) === 106 ? 101 : Number(first) + 1);
    await talkAndEnd(r, second, g2);

    // Line 2, support, fifo: with both support agents not ready the caller waits in the queue; one gets ready and rings.
    cc.agents.notReady('2003', 'lunch');
    cc.agents.notReady('2004', 'lunch');
    const support = r.rt.world.pstn.call({ from: '13800000015', to: 'line:2' });
    await r.until(support.waitFor('connected', { timeoutMs: 10_000 }));
    await r.run(5000);
    const waiting = await r.req('GET', '/api/queues/support', await r.token('supervisor'));
    expect(waiting.status).toBe(200);
    expect(waiting.body.waiting).toHaveLength(1);
    expect(ringingPhones(r)).toEqual([]);
    cc.agents.ready('2004');
    expect(await firstRinging(r, ['103', '104'])).toBe('104');
    await talkAndEnd(r, '104', support);

    const records = (await r.stores!.callRecords.search({})).items;
    expect(
      records
        .filter((x) => x.result === 'answered')
        .map((x) => x.queue)
        .sort(),
    ).toEqual(['billing', 'general', 'general', 'sales', 'support', 'vip']);
    expect(cc.acd.invariants()).toEqual([]);
  });
});
