// The shipped account-balance node in the server as `boardcti start` builds
// it (a database, the built-in programs, nothing injected): a caller dials,
// hears the question, keys an account number and hears its balance read out
// from the demo accounts in the server's database; an unknown number takes
// the node's `unknown` branch. With ivr.databases the same node reads a
// business database of the user's own, and ctx.http reaches a web service of
// ivr.http. SQLite, and PostgreSQL when one can be started.
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sequelize } from 'sequelize';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinPrograms, compose, defineNode } from '../../src/ivr/index.ts';
import type { FarEnd } from '../../src/sim/far-end.ts';
import { dialects, title } from '../support/dialects.ts';
import { startRig, type Rig } from './harness.ts';
import { hearPrompt, ivrConfig, ivrDirs, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
let http: Server | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  await new Promise((r) => (http ? http.close(r) : r(undefined)));
  http = undefined;
});

const PROMPTS = {
  'enter-account': 1000,
  'your-balance-is': 1300,
  'no-account': 1700,
  'lookup-failed': 2100,
  bye: 600,
  'enter-pin': 800,
  'wrong-pin': 1500,
};
/** a readout token stands in as a 250 ms tone (speech off) */
const TOKEN_MS = 250;

const flow = (params = '') => `
name: main
start: account
nodes:
  account: { type: collect, prompt: enter-account, var: account, min: 4, max: 12, terminators: "#", pattern: "^[0-9]+$", timeoutMs: 5000, tries: 2, onFail: bye, next: balance }
  balance: { type: code, run: account-balance, ${params} timeoutMs: 4000, next: say-balance, branches: { unknown: no-account }, error: lookup-failed }
  say-balance: { type: play, prompt: [ your-balance-is, { currency: "\${balance}", unit: CNY } ], next: end }
  no-account: { type: play, prompt: no-account, next: end }
  end: { type: hangup }
  lookup-failed: { type: hangup, prompt: lookup-failed }
  bye: { type: hangup, prompt: bye }
`;

/** "Your balance is" and the readout of `amount`, back to back (then the line drops). */
const balanceMs = (amount: string) => PROMPTS['your-balance-is'] + compose({ currency: amount, unit: 'CNY' }, 'en').length * TOKEN_MS;

async function callAndKey(r: Rig, line: string, digits: string): Promise<FarEnd> {
  const caller = r.rt.world.pstn.call({ from: '13800138000', to: line });
  await r.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
  await hearPrompt(r, caller, PROMPTS['enter-account']);
  caller.press(digits);
  return caller;
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`the account-balance example on ${title(d)}`, () => {
    it('reads the balance of a demo account from the server database; an unknown account takes its branch; a second call works too', async () => {
      const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
      writeFlow(ivrDir, 'main.yaml', flow());
      rig = await startRig({ config: ivrConfig(ivrDir), database: await d.url(), runtime: { promptsDir } });

      const first = await callAndKey(rig, 'line:1', '12345678#');
      await hearPrompt(rig, first, balanceMs('1205.30'), { tolerance: 250 });
      await rig.until(first.waitFor('hangup', { timeoutMs: 10_000 }));
      const second = await callAndKey(rig, 'line:2', '99990000#');
      await hearPrompt(rig, second, PROMPTS['no-account']);
      await rig.until(second.waitFor('hangup', { timeoutMs: 10_000 }));
      const third = await callAndKey(rig, 'line:1', '87654321#');
      await hearPrompt(rig, third, balanceMs('88.00'), { tolerance: 250 });
      await rig.until(third.waitFor('hangup', { timeoutMs: 10_000 }));

      const recs = (await rig.rt.telephony.records.list()).map((r) => [r.vars.account, r.vars.balance ?? null, r.vars.error ?? null]);
      expect(recs.sort()).toEqual([
        ['12345678', '1205.30', null],
        ['87654321', '88.00', null],
        ['99990000', null, null],
      ]);
    });

    it('pin-check reads the demo PINs: a wrong PIN is asked again, the right one goes on to the balance', async () => {
      const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
      writeFlow(
        ivrDir,
        'main.yaml',
        flow()
          .replace('next: balance }', 'next: pin }')
          .replace(
            '  balance:',
            `  pin: { type: collect, prompt: enter-pin, var: pin, min: 4, max: 4, terminators: "#", timeoutMs: 5000, tries: 2, onFail: bye, next: check }
  check: { type: code, run: pin-check, timeoutMs: 4000, next: balance, branches: { wrong: wrong-pin, locked: bye }, error: lookup-failed }
  wrong-pin: { type: play, prompt: wrong-pin, next: pin }
  balance:`,
          ),
      );
      rig = await startRig({ config: ivrConfig(ivrDir), database: await d.url(), runtime: { promptsDir } });
      const caller = await callAndKey(rig, 'line:1', '87654321#');
      await hearPrompt(rig, caller, PROMPTS['enter-pin']);
      caller.press('9999');
      await hearPrompt(rig, caller, PROMPTS['wrong-pin'] + PROMPTS['enter-pin'], { tolerance: 200 });
      caller.press('4321');
      await hearPrompt(rig, caller, balanceMs('88.00'), { tolerance: 250 });
      await rig.until(caller.waitFor('hangup', { timeoutMs: 10_000 }));
      const [rec] = await rig.rt.telephony.records.list();
      expect(rec!.vars).toMatchObject({ account: '87654321', pin: '4321', pinFailures: 0, balance: '88.00' });
    });
  });
}

describe("programmable nodes reach the user's own data", () => {
  it('ivr.databases: the example reads a table of a business database named in the configuration', async () => {
    const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
    writeFlow(ivrDir, 'main.yaml', flow('params: { database: accounts, table: balances },'));
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'boardcti-biz-')), 'accounts.sqlite')}`;
    const own = new Sequelize(url, { logging: false });
    await own.query('CREATE TABLE balances (account TEXT PRIMARY KEY, balance REAL NOT NULL)');
    await own.query("INSERT INTO balances VALUES ('55556666', 321.5)");
    await own.close();
    const config =
      `${ivrConfig(ivrDir)}\nivr: { dir: ${JSON.stringify(ivrDir)}, databases: { accounts: ${JSON.stringify(url)} } }\n`.replace(
        /^ivr: \{ dir: [^\n]*\n/m,
        '',
      );
    rig = await startRig({ config, database: 'sqlite', runtime: { promptsDir } });
    const caller = await callAndKey(rig, 'line:1', '55556666#');
    await hearPrompt(rig, caller, balanceMs('321.50'), { tolerance: 250 });
    await rig.until(caller.waitFor('hangup', { timeoutMs: 10_000 }));
    // The demo account of the server's database is not in this one.
    const other = await callAndKey(rig, 'line:2', '12345678#');
    await hearPrompt(rig, other, PROMPTS['no-account']);
    await rig.until(other.waitFor('hangup', { timeoutMs: 10_000 }));
    const recs = (await rig.rt.telephony.records.list()).map((r) => [r.vars.account, r.vars.balance ?? null]);
    expect(recs.sort()).toEqual([
      ['12345678', null],
      ['55556666', '321.50'],
    ]);
  });

  it('ivr.http: a node looks the balance up on a web service; a service that is down takes the error branch', async () => {
    const seen: string[] = [];
    http = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-key']}`);
      const m = /^\/api\/accounts\/([0-9]+)$/.exec(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (m?.[1] === '4321') res.end(JSON.stringify({ balance: 42.5 }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((r) => http!.listen(0, '127.0.0.1', r));
    const port = (http.address() as AddressInfo).port;
    const programs = builtinPrograms().add(
      defineNode({
        name: 'crm-balance',
        async run(ctx) {
          const r = await ctx.http('crm', { path: `/accounts/${ctx.vars.account}` });
          if (r.status === 404) return 'unknown';
          ctx.vars.balance = (r.body as { balance: number }).balance.toFixed(2);
          return undefined;
        },
      }),
    );
    const { promptsDir, ivrDir } = ivrDirs(PROMPTS);
    writeFlow(ivrDir, 'main.yaml', flow().replace('run: account-balance', 'run: crm-balance'));
    const ivr = `ivr: { dir: ${JSON.stringify(ivrDir)}, http: { crm: { url: "http://127.0.0.1:${port}/api", timeoutMs: 2000, headers: { x-key: k1 } } } }`;
    const config = ivrConfig(ivrDir).replace(/^ivr: \{ dir: [^\n]*$/m, ivr);
    rig = await startRig({ config, runtime: { promptsDir, programs } });
    const caller = await callAndKey(rig, 'line:1', '4321#');
    await hearPrompt(rig, caller, balanceMs('42.50'), { tolerance: 250 });
    await rig.until(caller.waitFor('hangup', { timeoutMs: 10_000 }));
    expect(seen).toEqual(['GET /api/accounts/4321 k1']);
    await new Promise((r) => http!.close(r));
    http = undefined;
    const down = await callAndKey(rig, 'line:2', '4321#');
    await hearPrompt(rig, down, PROMPTS['lookup-failed']);
    const recs = await rig.rt.telephony.records.list();
    expect(recs.map((r) => r.vars.error ?? null).filter(Boolean)).toEqual([expect.stringMatching(/^ctx\.http crm: /)]);
  });
});
