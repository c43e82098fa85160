// The administration pages in a real browser against `boardcti start` on the
// simulated board (examples/call-center.yaml), signed in as the first admin.
// An admin creates an agent account (the server's refusals shown in the
// dialog first) and a run-time queue with that agent; the agent signs in in a
// second browser and logs in to the queues; a caller's call, transferred by
// another agent to the new queue, rings the new agent's desk phone and pops
// the caller on their screen — all without a restart. The blacklist: an entry
// added, edited and removed. Customers: a CSV file with a bad row refused
// (its line shown, nothing saved), a good one imported, searched, edited,
// deleted, and the export downloaded. Then the same pages in Chinese.
// Screenshots of each page and its edit dialog in both languages.
import { readFileSync } from 'node:fs';
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
  // The first admin's name is data shown in the title bar; "Administrator" would read as an untranslated role name.
  expect((await server.req('PATCH', '/api/accounts/1', { name: '王强' })).status).toBe(200);
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

/** A screenshot once the notices ("Saved") have gone and the tags' zoom-in is over. */
async function snap(c: ConsolePage, name: string): Promise<void> {
  await c.page.waitForSelector('.el-message', { state: 'detached', timeout: 10_000 });
  await c.page.waitForTimeout(400); // the tags' and dialogs' animations, for the screenshot only
  await c.shot(name);
}

/** Switches to Chinese once the English notices ("Saved") have gone. */
async function toChinese(page: Page): Promise<void> {
  await page.waitForSelector('.el-message', { state: 'detached', timeout: 10_000 });
  await switchLang(page, 'zh-CN');
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
    await snap(admin, 'account-edit.en');
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
    await snap(admin, 'accounts.en');
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
    await snap(admin, 'queue-edit.en');
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
    await snap(agent, 'admin-new-agent-pop.en');
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
    await snap(admin, 'queues.en');

    // Chinese: each page and its dialog, no English left, no key missing.
    await toChinese(page);
    await inChinese(admin);
    await snap(admin, 'queues.zh');
    await page.click('[data-test=edit-returns]');
    await dialogOpen(page, 'queue-dialog');
    await inChinese(admin);
    await snap(admin, 'queue-edit.zh');
    await page.keyboard.press('Escape');
    await dialogClosed(page, 'queue-dialog');
    await page.click('[data-test=nav-admin-accounts]');
    await page.waitForSelector('[data-test=edit-zhou]');
    await inChinese(admin);
    await snap(admin, 'accounts.zh');
    await page.click('[data-test=edit-zhou]');
    await dialogOpen(page, 'account-dialog');
    expect(await page.inputValue('#acc-ext')).toBe('106');
    await inChinese(admin);
    await snap(admin, 'account-edit.zh');
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

  it('the blacklist and customers: add, edit, remove; CSV import all or nothing, search, export; in Chinese', async () => {
    const s = server!;
    // The first test's customer out of the way: this one starts with none.
    for (const x of (await s.req('GET', '/api/customers')).body.items) await s.req('DELETE', `/api/customers/${x.id}`);
    const c = await signIn(browser!, s.url, 'admin', ADMIN_PASSWORD);
    const { page } = c;

    // Blacklist: a prefix rerouted to a queue, its reason edited; a number rejected, then removed.
    await page.click('[data-test=nav-admin-blacklist]');
    await page.waitForSelector('[data-test=blacklist]');
    await page.click('[data-test=new-entry]');
    await dialogOpen(page, 'blacklist-dialog');
    await page.fill('#bl-pattern', '400*');
    await page.click('[data-test=bl-reroute]');
    await page.click('[data-test=bl-save]'); // no target yet: the server says so in the dialog
    await expect.poll(() => page.textContent('[data-test=dialog-error]')).toMatch(/target/);
    await page.fill('#bl-target', 'general');
    await page.fill('#bl-note', 'Sales calls');
    await page.click('[data-test=bl-save]');
    await dialogClosed(page, 'blacklist-dialog');
    await page.click('[data-test=new-entry]');
    await dialogOpen(page, 'blacklist-dialog');
    await page.fill('#bl-pattern', '13912345678');
    await page.fill('#bl-note', 'Abusive caller');
    await page.click('[data-test=bl-save]');
    await dialogClosed(page, 'blacklist-dialog');
    await page.click('[data-test="edit-400*"]');
    await dialogOpen(page, 'blacklist-dialog');
    expect(await page.inputValue('#bl-target')).toBe('general');
    await page.fill('#bl-note', '推销电话：转总机');
    await snap(c, 'blacklist-edit.en');
    await page.click('[data-test=bl-save]');
    await dialogClosed(page, 'blacklist-dialog');
    await page.click('[data-test=delete-13912345678]');
    await page.click('.confirm-ok');
    await expect.poll(() => page.locator('[data-test=delete-13912345678]').count()).toBe(0);
    const list = (await s.req('GET', '/api/blacklist')).body;
    expect(list).toMatchObject([{ pattern: '400*', action: 'reroute', target: 'general', note: '推销电话：转总机' }]);
    await snap(c, 'blacklist.en');

    // Customers: a file with a bad row is refused whole, its line named; nothing is saved.
    await page.click('[data-test=nav-admin-customers]');
    await page.waitForSelector('[data-test=customers]');
    const rows = [
      'name,company,phones,vip,priority',
      '李娜,"广州贸易, 有限公司",13800138001; 020-88886666,true,2',
      'Peter Smith,ACME,+44 20 7946 0000,no,0',
    ];
    const file = (text: string) => ({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.setInputFiles('[data-test=import-file]', file([...rows, 'Wang Fang,,12ab,false,0'].join('\n')));
    await expect.poll(() => page.textContent('[data-test=error]')).toMatch(/line 4: phone "12ab" is not a number/);
    expect((await s.req('GET', '/api/customers')).body.total).toBe(0);
    await page.setInputFiles('[data-test=import-file]', file([...rows, '王芳,深圳五金,13700001111,否,1'].join('\n')));
    await expect.poll(() => page.textContent('[data-test=total]')).toBe('3 customers');
    expect(await page.isVisible('[data-test=error]')).toBe(false);
    // Search by number, then by company.
    await page.fill('[data-test=search]', '8888');
    await page.press('[data-test=search]', 'Enter');
    await expect.poll(() => page.textContent('[data-test=total]')).toBe('1 customer');
    expect(await page.textContent('[data-test=customers]')).toContain('李娜');
    await page.fill('[data-test=search]', 'ACME');
    await page.press('[data-test=search]', 'Enter');
    await expect.poll(() => page.textContent('[data-test=customers]')).toContain('Peter Smith');
    const peter = (await s.req('GET', '/api/customers?q=Peter')).body.items[0];
    // Edit: a second number and a note.
    await page.click(`[data-test=edit-${peter.id}]`);
    await dialogOpen(page, 'customer-dialog');
    await page.click('[data-test=cu-add-phone]');
    await page.fill('[data-test=cu-phone-row]:nth-child(2) [data-test=cu-phone]', '13600002222');
    await page.fill('#cu-notes', 'Prefers e-mail');
    await snap(c, 'customer-edit.en');
    await page.click('[data-test=cu-save]');
    await dialogClosed(page, 'customer-dialog');
    const edited = (await s.req('GET', `/api/customers/${peter.id}`)).body;
    expect(edited).toMatchObject({ notes: 'Prefers e-mail', phones: [{ number: '+44 20 7946 0000' }, { number: '13600002222' }] });
    // Delete, with confirmation.
    await page.click(`[data-test=delete-${peter.id}]`);
    await page.click('.confirm-ok');
    await expect.poll(() => page.textContent('[data-test=total]')).toBe('0 customers');
    expect((await s.req('GET', `/api/customers/${peter.id}`)).status).toBe(404);
    await page.fill('[data-test=search]', '');
    await page.press('[data-test=search]', 'Enter');
    await expect.poll(() => page.textContent('[data-test=total]')).toBe('2 customers');
    // Export: a UTF-8 file with a BOM, Chinese names and quoted commas as imported.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('李娜,"广州贸易, 有限公司",13800138001; 020-88886666,,,true,2\r\n');
    expect(text).toContain('王芳,深圳五金,13700001111,,,false,1\r\n');
    await snap(c, 'customers.en');

    // Chinese.
    await toChinese(page);
    await expect.poll(() => page.textContent('[data-test=total]')).toBe(zh.admin.customers.total.split(' | ').at(-1)!.replace('{n}', '2'));
    await inChinese(c);
    await snap(c, 'customers.zh');
    await page.click('[data-test^=edit-]');
    await dialogOpen(page, 'customer-dialog');
    await inChinese(c);
    await snap(c, 'customer-edit.zh');
    await page.keyboard.press('Escape');
    await dialogClosed(page, 'customer-dialog');
    await page.click('[data-test=nav-admin-blacklist]');
    await page.waitForSelector('[data-test="edit-400*"]');
    await inChinese(c);
    await snap(c, 'blacklist.zh');
    await page.click('[data-test="edit-400*"]');
    await dialogOpen(page, 'blacklist-dialog');
    await inChinese(c);
    await snap(c, 'blacklist-edit.zh');
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 120_000);
});
