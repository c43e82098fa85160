// The agent desktop in a real browser against `boardcti start` on the
// simulated board (examples/call-center.yaml): an agent signs in, logs in to
// the queues, a simulated caller dials the billing line, the screen pop shows
// the customer while the desk phone still rings, the agent lifts the handset,
// holds and retrieves from the browser, hangs up from the browser, and wraps
// up. Then the same page in Chinese: no English string of the console is left
// on it and no key is missing. Screenshots of each step in both languages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.ts';
import zh from '../../web/src/i18n/zh-CN.ts';
import { poll, startServer, type ServerProcess } from '../support/boardcti-process.ts';
import { CHROMIUM, englishLeft, launch, openConsole, switchLang } from './browser.ts';

let server: ServerProcess | undefined;
let browser: Browser | undefined;
beforeAll(async () => {
  if (!CHROMIUM) return;
  server = await startServer(['--config', 'examples/call-center.yaml'], { withExamples: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.proc.kill('SIGKILL');
});

const CALLER = '13800138000';

describe.skipIf(!CHROMIUM)('the agent desktop in Chromium', () => {
  it('sign in, log in to the queues, screen pop before answer, hold and retrieve, hang up, wrap-up; then all of it in Chinese', async () => {
    const s = server!;
    // Agent 2005 (billing, first of the linear hunt) as an account of the database, and a customer record for the caller.
    const acct = await s.req('POST', '/api/accounts', {
      username: 'liu',
      name: 'Liu Yang',
      role: 'agent',
      password: 'liu-password',
      agentNumber: '2005',
      pin: '5678',
      extension: '105',
      skills: { billing: 5 },
    });
    expect(acct.status).toBe(201);
    const cust = await s.req('POST', '/api/customers', {
      name: 'Zhang Wei',
      company: 'Shenzhen Hardware Co.',
      vip: true,
      phones: [{ number: CALLER }],
    });
    expect(cust.status).toBe(201);

    const c = await openConsole(browser!, s.url);
    const { page } = c;
    await page.waitForURL(/\/login/);
    await c.shot('login.en');
    await page.fill('#username', 'liu');
    await page.fill('#password', 'wrong');
    await page.click('[data-test=submit]');
    await expect.poll(() => page.textContent('[data-test=login-error]')).toMatch(/wrong username or password/);
    await page.fill('#password', 'liu-password');
    const t0 = Date.now();
    await page.click('[data-test=submit]');
    await page.waitForSelector('[data-test=agent-state]');
    console.log(`desktop shown ${Date.now() - t0} ms after sign-in`);
    await expect.poll(() => page.textContent('[data-test=live]')).toBe(en.app.connected);
    expect(await page.textContent('[data-test=agent-state]')).toBe(en.states['logged-out']);

    await page.click('[data-test=agent-login]');
    await expect.poll(() => page.textContent('[data-test=agent-state]')).toBe(en.states.ready);
    await c.shot('desk-ready.en');

    // The caller dials the billing line: the screen pop comes while the phone rings.
    const placed = await s.req('POST', '/api/sim/calls', { from: CALLER, to: 'line:3' });
    expect(placed.status).toBe(201);
    await expect.poll(() => page.textContent('[data-test=pop-name]'), { timeout: 20_000 }).toBe('Zhang Wei');
    expect(await page.textContent('[data-test=pop-number]')).toBe(CALLER);
    expect(await page.isVisible('[data-test=pop-vip]')).toBe(true);
    expect((await s.req('GET', '/api/sim/phones/105')).body.ringing).toBe(true);
    await expect.poll(() => page.textContent('[data-test=agent-state]')).toBe(en.states.ringing);
    expect(await page.textContent('[data-test=phone-status]')).toBe(en.phone.liftHandset);
    expect(await page.isDisabled('[data-test=hold]')).toBe(true);
    await c.shot('desk-screen-pop.en');

    // Lift the handset (the person at the desk phone); hold and retrieve from the browser.
    expect((await s.req('POST', '/api/sim/phones/105/offhook')).status).toBe(200);
    await expect.poll(() => page.textContent('[data-test=agent-state]')).toBe(en.states['on-call']);
    await expect.poll(() => page.isEnabled('[data-test=hold]')).toBe(true);
    expect(await page.isDisabled('[data-test=dial]')).toBe(true);
    await page.click('[data-test=hold]');
    await expect.poll(() => page.textContent('[data-test=phone-status]')).toBe(en.phone.held);
    expect(await page.isEnabled('[data-test=retrieve]')).toBe(true);
    await c.shot('desk-on-hold.en');
    await page.click('[data-test=retrieve]');
    await expect.poll(() => page.isEnabled('[data-test=hold]')).toBe(true);

    // Hang up from the browser: the call ends, the agent is in wrap-up (billing: 5 s), then ready.
    await page.click('[data-test=hangup]');
    await expect.poll(() => page.textContent('[data-test=phone-status]'), { timeout: 10_000 }).toBe(en.phone.idle);
    await expect.poll(() => page.textContent('[data-test=agent-state]')).toBe(en.states['wrap-up']);
    await s.req('POST', '/api/sim/phones/105/onhook');
    await expect.poll(() => page.textContent('[data-test=agent-state]'), { timeout: 15_000 }).toBe(en.states.ready);
    const records = await poll('the call record', async () => {
      const r = await s.req('GET', '/api/call-records?queue=billing');
      return r.body.items?.length ? r.body.items : undefined;
    });
    expect(records[0]).toMatchObject({ from: CALLER, agent: '2005', result: 'answered' });

    // Chinese: every string of the console changes; none is missing; the choice is remembered for this account.
    await page.click('[data-test=lang]');
    await page.click('.el-select-dropdown__item >> text=中文');
    await expect.poll(() => page.textContent('[data-test=agent-state]')).toBe(zh.states.ready);
    await page.waitForSelector('.el-select-dropdown', { state: 'hidden' }); // the language list has closed
    expect(await englishLeft(page, en, zh)).toEqual([]);
    await c.shot('desk-ready.zh');
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login/);
    expect(await page.textContent('[data-test=submit]')).toContain(zh.login.submit);
    await c.shot('login.zh');
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 120_000);

  it("a blind transfer with notes: the second agent's browser shows the notes and the caller before the phone is answered", async () => {
    const s = server!;
    const deng = await s.req('POST', '/api/accounts', {
      username: 'deng',
      name: 'Deng Li',
      role: 'agent',
      password: 'deng-password',
      agentNumber: '2004',
      pin: '4567',
      extension: '104',
      skills: { support: 2 },
    });
    expect(deng.status).toBe(201);
    const signIn = async (user: string) => {
      const c = await openConsole(browser!, s.url);
      await c.page.fill('#username', user);
      await c.page.fill('#password', `${user}-password`);
      await c.page.click('[data-test=submit]');
      await c.page.waitForSelector('[data-test=agent-state]');
      return c;
    };
    const liu = await signIn('liu');
    await switchLang(liu.page, 'en'); // liu chose Chinese in the first test: the account keeps it
    const second = await signIn('deng');
    await expect.poll(() => liu.page.textContent('[data-test=agent-state]')).toBe(en.states.ready);
    await second.page.click('[data-test=agent-login]');
    await second.page.click('[data-test=not-ready]'); // not ready for queue calls: a transfer to the extension still rings
    await expect.poll(() => second.page.textContent('[data-test=agent-state]')).toBe(en.states['not-ready']);

    expect((await s.req('POST', '/api/sim/calls', { from: '13900001111', to: 'line:3' })).status).toBe(201);
    await expect.poll(() => liu.page.textContent('[data-test=pop-number]'), { timeout: 20_000 }).toBe('13900001111');
    expect((await s.req('POST', '/api/sim/phones/105/offhook')).status).toBe(200);
    await expect.poll(() => liu.page.isEnabled('[data-test=transfer]')).toBe(true);
    await liu.page.click('[data-test=transfer]');
    await liu.page.fill('#transfer-to', '104');
    await liu.page.fill('#transfer-notes', 'Wants a refund of the March invoice');
    await liu.page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
    await liu.shot('desk-transfer.en');
    await liu.page.click('[data-test=transfer-go]');
    await expect
      .poll(() => second.page.textContent('[data-test=pop-notes]'), { timeout: 20_000 })
      .toBe('Wants a refund of the March invoice');
    expect(await second.page.textContent('[data-test=pop-number]')).toBe('13900001111');
    expect((await s.req('GET', '/api/sim/phones/104')).body.ringing).toBe(true);
    await expect.poll(() => second.page.textContent('[data-test=phone-status]')).toBe(en.phone.liftHandset);
    await second.shot('desk-transferred.en');
    expect((await s.req('POST', '/api/sim/phones/104/offhook')).status).toBe(200);
    await expect.poll(() => second.page.textContent('[data-test=agent-state]')).toBe(en.states['on-call']);
    await expect.poll(() => liu.page.textContent('[data-test=phone-status]')).toBe(en.phone.idle);
    await second.page.click('[data-test=hangup]');
    await expect.poll(() => second.page.textContent('[data-test=phone-status]'), { timeout: 10_000 }).toBe(en.phone.idle);
    await s.req('POST', '/api/sim/phones/104/onhook');
    await s.req('POST', '/api/sim/phones/105/onhook');
    expect([...(await liu.missing()), ...(await second.missing())]).toEqual([]);
    expect([...liu.errors, ...second.errors]).toEqual([]);
  }, 120_000);
});
