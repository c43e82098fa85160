// The administration pages in a real browser against `boardcti start` on the
// simulated board (examples/call-center.yaml), signed in as the first admin.
// An admin creates an agent account (the server's refusals shown in the
// dialog first) and a run-time queue with that agent; the agent signs in in a
// second browser and logs in to the queues; a caller's call, transferred by
// another agent to the new queue, rings the new agent's desk phone and pops
// the caller on their screen — all without a restart. Then the same pages in
// Chinese. Screenshots of each page and its edit dialog in both languages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.ts';
import zh from '../../web/src/i18n/zh-CN.ts';
import { ADMIN_PASSWORD, poll, startServer, type ServerProcess } from '../support/boardcti-process.ts';
import { CHROMIUM, englishLeft, launch, signIn, switchLang, type ConsolePage } from './browser.ts';

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
const A = en.admin;

/** Waits for a dialog to be open (and its fade-in over, for screenshots). */
async function dialogOpen(page: Page, test: string): Promise<void> {
  await page.waitForSelector(`[data-test=${test}]`, { state: 'visible' });
  await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
}
const dialogClosed = (page: Page, test: string) => page.waitForSelector(`[data-test=${test}]`, { state: 'hidden' });

/** Picks an option of an el-select (the option by its data-test). */
async function pick(page: Page, select: string, option: string): Promise<void> {
  await page.click(`[data-test=${select}]`);
  await page.click(`[data-test=${option}]`);
}

async function inChinese(c: ConsolePage): Promise<void> {
  expect(await englishLeft(c.page, en, zh)).toEqual([]);
}

describe.skipIf(!CHROMIUM)('the administration pages in Chromium', () => {
  it('an admin creates an agent and a queue; a call is routed to them without a restart; then the pages in Chinese', async () => {
    const s = server!;
    expect(
      (await s.req('POST', '/api/customers', { name: '张伟', company: '深圳五金有限公司', phones: [{ number: CALLER }] })).status,
    ).toBe(201);
    // The first admin's name is data shown in the title bar; "Administrator" would read as an untranslated role name.
    expect((await s.req('PATCH', '/api/accounts/1', { name: '王强' })).status).toBe(200);
    const admin = await signIn(browser!, s.url, 'admin', ADMIN_PASSWORD);
    const { page } = admin;

    // Accounts: the first admin is listed; a new agent's dialog.
    await page.click('[data-test=nav-admin-accounts]');
    await page.waitForSelector('[data-test=edit-admin]');
    await page.click('[data-test=new-account]');
    await dialogOpen(page, 'account-dialog');
    await page.fill('#acc-name', 'Zhou Min');
    await page.fill('#acc-username', 'admin'); // taken
    await page.fill('#acc-password', 'zhou-password');
    await page.fill('#acc-agent', '2007');
    await page.fill('#acc-ext', '10a'); // not an extension
    await page.fill('#acc-pin', '7890');
    await page.click('[data-test=skill-add]');
    await page.fill('[data-test=skill-name]', 'returns');
    await page.fill('[data-test=skill-level] input', '4');
    await page.press('[data-test=skill-level] input', 'Tab');
    await page.click('[data-test=skill-add]');
    await page.fill('[data-test=acc-skill-row]:nth-child(2) [data-test=skill-name]', 'english');
    await page.click('[data-test=acc-skill-row]:nth-child(2) [data-test=skill-remove]');
    expect(await page.locator('[data-test=acc-skill-row]').count()).toBe(1);
    await page.click('[data-test=acc-save]');
    await expect.poll(() => page.textContent('[data-test=dialog-error]')).toMatch(/extension must match pattern/);
    await page.fill('#acc-ext', '106');
    await page.click('[data-test=acc-save]');
    await expect.poll(() => page.textContent('[data-test=dialog-error]')).toMatch(/username already taken/);
    await admin.shot('account-edit.en');
    await page.fill('#acc-username', 'zhou');
    await page.click('[data-test=acc-save]');
    await dialogClosed(page, 'account-dialog');
    await page.waitForSelector('[data-test=edit-zhou]');
    const made = ((await s.req('GET', '/api/accounts')).body as { id: number; username: string }[]).find((a) => a.username === 'zhou');
    expect(made).toMatchObject({
      name: 'Zhou Min',
      role: 'agent',
      agentNumber: '2007',
      extension: '106',
      skills: { returns: 4 },
      hasPin: true,
    });
    // Filters: agents only, then a search.
    await page.click('[data-test=filter-role]');
    await page.click(`.el-select-dropdown__item:visible >> text=${A.roles.admin}`);
    await expect.poll(() => page.locator('[data-test=edit-zhou]').count()).toBe(0);
    await page.click(`[data-test=filter-role]`);
    await page.click(`.el-select-dropdown__item:visible >> text=${A.accounts.anyRole}`);
    await page.fill('[data-test=search]', '2007');
    await expect.poll(() => page.locator('[data-test=edit-admin]').count()).toBe(0);
    expect(await page.locator('[data-test=edit-zhou]').count()).toBe(1);
    await page.fill('[data-test=search]', '');
    await admin.shot('accounts.en');
    // The new account is an agent of the ACD at once.
    await poll('agent 2007', async () => ((await s.req('GET', '/api/agents/2007')).status === 200 ? true : undefined));

    // Queues: the configuration file's queues are read-only; a new ring-all queue with the new agent.
    await page.click('[data-test=nav-admin-queues]');
    await page.waitForSelector('[data-test=edit-sales]');
    expect(await page.textContent('[data-test=edit-sales]')).toContain(A.common.view);
    await page.click('[data-test=edit-sales]');
    await dialogOpen(page, 'queue-dialog');
    expect(await page.isVisible('[data-test=read-only]')).toBe(true);
    expect(await page.locator('[data-test=q-save]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialogClosed(page, 'queue-dialog');
    await page.click('[data-test=new-queue]');
    await dialogOpen(page, 'queue-dialog');
    await page.fill('#q-name', 'returns');
    await pick(page, 'q-strategy', 'strategy-ring-all');
    await pick(page, 'q-agents', 'agent-2007');
    await page.keyboard.press('Escape'); // closes the agent list, not the dialog
    await page.fill('[data-test=q-ring] input', '20');
    await page.press('[data-test=q-ring] input', 'Tab');
    await page.click('[data-test=q-overflow]');
    await page.click('[data-test=q-overflow-to]');
    await page.click(`.el-select-dropdown__item:visible >> text=${A.queues.voicemail}`);
    await page.fill('#q-overflow-after', '120');
    await page.press('#q-overflow-after', 'Tab');
    await admin.shot('queue-edit.en');
    await page.click('[data-test=q-save]');
    await dialogClosed(page, 'queue-dialog');
    await page.waitForSelector('[data-test=edit-returns]');
    const def = (await s.req('GET', '/api/queues/returns/definition')).body;
    expect(def).toMatchObject({
      origin: 'api',
      updatedBy: 'admin',
      definition: {
        name: 'returns',
        strategy: 'ring-all',
        agents: ['2007'],
        ringTimeoutMs: 20000,
        overflow: { to: 'voicemail', afterMs: 120000 },
      },
    });
    expect(await page.textContent('[data-test=agents-returns]')).toContain('0 ready / 1');

    // The agent signs in in a second browser and logs in to the queues: the queue page shows them ready.
    const agent = await signIn(browser!, s.url, 'zhou', 'zhou-password');
    await agent.page.click('[data-test=agent-login]');
    await expect.poll(() => agent.page.textContent('[data-test=agent-state]')).toBe(en.states.ready);
    await expect.poll(() => page.textContent('[data-test=agents-returns]')).toContain('1 ready / 1');

    // A caller reaches the billing line; agent 2005 answers at 105 and transfers to queue:returns.
    expect((await s.req('POST', '/api/agents/2005/login', {})).status).toBe(200);
    expect((await s.req('POST', '/api/sim/calls', { from: CALLER, to: 'line:3' })).status).toBe(201);
    await poll('105 ringing', async () => ((await s.req('GET', '/api/sim/phones/105')).body.ringing ? true : undefined), 20_000);
    expect((await s.req('POST', '/api/sim/phones/105/offhook')).status).toBe(200);
    await poll('105 on the call', async () =>
      (await s.req('GET', '/api/extensions/105/call')).body?.state === 'connected' ? true : undefined,
    );
    const moved = await s.req('POST', '/api/extensions/105/transfer', { to: 'queue:returns', mode: 'blind' });
    expect(moved.status).toBe(200);

    // The new agent's desk phone rings and their screen shows the caller before they answer.
    await expect.poll(() => agent.page.textContent('[data-test=pop-name]'), { timeout: 20_000 }).toBe('张伟');
    expect(await agent.page.textContent('[data-test=pop-number]')).toBe(CALLER);
    expect((await s.req('GET', '/api/sim/phones/106')).body.ringing).toBe(true);
    await expect.poll(() => agent.page.textContent('[data-test=agent-state]')).toBe(en.states.ringing);
    await agent.shot('admin-new-agent-pop.en');
    expect((await s.req('POST', '/api/sim/phones/106/offhook')).status).toBe(200);
    await expect.poll(() => agent.page.textContent('[data-test=agent-state]')).toBe(en.states['on-call']);
    await expect.poll(() => page.textContent('[data-test=agents-returns]')).toContain('0 ready / 1');
    await s.req('POST', '/api/sim/phones/106/onhook');
    await s.req('POST', '/api/sim/phones/105/onhook');
    const records = await poll('the call record', async () => {
      const r = await s.req('GET', '/api/call-records?queue=returns');
      return r.body.items?.length ? r.body.items : undefined;
    });
    expect(records[0]).toMatchObject({ from: CALLER, agent: '2007', queue: 'returns' });
    await admin.shot('queues.en');

    // Chinese: each page and its dialog, no English left, no key missing.
    await switchLang(page, 'zh-CN');
    await inChinese(admin);
    await admin.shot('queues.zh');
    await page.click('[data-test=edit-returns]');
    await dialogOpen(page, 'queue-dialog');
    await inChinese(admin);
    await admin.shot('queue-edit.zh');
    await page.keyboard.press('Escape');
    await dialogClosed(page, 'queue-dialog');
    await page.click('[data-test=nav-admin-accounts]');
    await page.waitForSelector('[data-test=edit-zhou]');
    await inChinese(admin);
    await admin.shot('accounts.zh');
    await page.click('[data-test=edit-zhou]');
    await dialogOpen(page, 'account-dialog');
    expect(await page.inputValue('#acc-ext')).toBe('106');
    await inChinese(admin);
    await admin.shot('account-edit.zh');
    // Disable the account and reset its password from the dialog: the server holds both.
    await page.fill('#acc-password', 'zhou-new-password');
    await page.click('[data-test=acc-enabled]');
    await page.click('[data-test=acc-save]');
    await dialogClosed(page, 'account-dialog');
    await poll('disabled', async () => ((await s.req('GET', `/api/accounts/${made!.id}`)).body.enabled === false ? true : undefined));
    expect((await s.req('POST', '/api/auth/login', { username: 'zhou', password: 'zhou-new-password' })).status).not.toBe(200);

    expect([...(await admin.missing()), ...(await agent.missing())]).toEqual([]);
    expect([...admin.errors, ...agent.errors]).toEqual([]);
  }, 180_000);
});
