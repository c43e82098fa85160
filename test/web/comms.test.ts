// The agent's other pages in a real browser against `boardcti start` on the
// simulated board (examples/call-center.yaml): the address book (add with
// validation errors shown, edit, delete, click-to-dial: the desk phone rings,
// the number is dialled once the handset is lifted), the call history that
// call leaves (the customer's name, click-to-dial again, filters), the lines'
// status while a caller holds a line and after they hang up, short messages
// between an agent's and a supervisor's browsers (live both ways, stored
// across reloads, an unread badge), and the language kept on the account (a
// fresh browser signs in in Chinese), with every page in Chinese.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.ts';
import zh from '../../web/src/i18n/zh-CN.ts';
import { poll, startServer, type ServerProcess } from '../support/boardcti-process.ts';
import { CHROMIUM, englishLeft, launch, signIn, switchLang, type ConsolePage } from './browser.ts';

let server: ServerProcess | undefined;
let browser: Browser | undefined;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const CUSTOMER = '13800138000';

beforeAll(async () => {
  if (!CHROMIUM) return;
  server = await startServer(['--config', 'examples/call-center.yaml'], { withExamples: true });
  browser = await launch();
  const s = server;
  for (const [username, name, role, extension] of [
    ['chen', 'Chen Jing', 'agent', '101'],
    ['boss', 'Gao Min', 'supervisor', '107'],
  ] as const) {
    const a = await s.req('POST', '/api/accounts', { username, name, role, password: `${username}-password`, extension });
    expect(a.status).toBe(201);
    ids[username] = a.body.id;
    tokens[username] = (await s.req('POST', '/api/auth/login', { username, password: `${username}-password` })).body.token;
  }
  expect(
    (await s.req('POST', '/api/customers', { name: 'Zhang Wei', company: 'Shenzhen Hardware Co.', phones: [{ number: CUSTOMER }] })).status,
  ).toBe(201);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  server?.proc.kill('SIGKILL');
});

const as = (user: string) => (method: string, path: string, body?: unknown) => server!.req(method, path, body, tokens[user]);

async function go(c: ConsolePage, name: string): Promise<void> {
  await c.page.click(`[data-test=nav-${name}]`);
  await c.page.waitForURL(new RegExp(`/${name}$`));
}

/** Clicks a row's dial button and plays the agent at extension 101: the phone rings, they lift it, the number goes out, they hang up. */
async function dialFrom(page: Page, row: string, number: string): Promise<void> {
  const s = server!;
  await page.click(`${row} [data-test=dial-row]`);
  await poll('101 ringing', async () => ((await s.req('GET', '/api/sim/phones/101')).body.ringing ? true : undefined));
  // Not dialled before the handset is lifted.
  expect((await as('chen')('GET', '/api/extensions/101/call')).body).toMatchObject({ state: 'ringing' });
  const { callId } = (await as('chen')('GET', '/api/extensions/101/call')).body;
  expect((await s.req('POST', '/api/sim/phones/101/offhook')).status).toBe(200);
  // The number goes out on a trunk line (FXO or E1) carrying the same call.
  const trunk = await poll('the far end dialled', async () => {
    const boards = (await as('chen')('GET', '/api/boards')).body as {
      channels: { kind: string; port: string; call: { id: string } | null }[];
    }[];
    return boards.flatMap((b) => b.channels).find((ch) => ch.kind !== 'fxs' && ch.call?.id === callId);
  });
  expect(trunk.kind).toMatch(/^(fxo|e1)$/);
  expect((await s.req('POST', '/api/sim/phones/101/onhook')).status).toBe(200);
  // The call ends, and its record says who dialled what.
  const rec = await poll('the call record', async () => {
    const r = await as('chen')('GET', `/api/call-records/${callId}`);
    return r.status === 200 && r.body.endMs !== null ? r.body : undefined;
  });
  expect(rec).toMatchObject({ direction: 'outbound', from: '101', to: number, agent: '101' });
}

describe.skipIf(!CHROMIUM)('call history, address book, messages and line status in Chromium', () => {
  it('address book: validation errors, add, edit, delete, click-to-dial; the call in the history with the customer, dialled again; filters', async () => {
    const s = server!;
    const c = await signIn(browser!, s.url, 'chen', 'chen-password', { keepLang: true });
    const { page } = c;
    await go(c, 'contacts');
    // Add: an empty form and a bad number show their errors and save nothing.
    await page.click('[data-test=contact-add]');
    await page.click('[data-test=contact-save]');
    await expect.poll(() => page.textContent('[data-test=contact-dialog]')).toContain(en.contacts.nameRequired);
    expect(await page.textContent('[data-test=contact-dialog]')).toContain(en.contacts.numberRequired);
    await page.fill('#contact-name', 'Zhang Wei');
    await page.fill('#contact-number', 'call me');
    await page.click('[data-test=contact-save]');
    await expect.poll(() => page.textContent('[data-test=contact-dialog]')).toContain(en.contacts.numberBad);
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
    await c.shot('contacts-form.en');
    expect((await as('chen')('GET', '/api/contacts')).body).toEqual([]);
    await page.fill('#contact-number', '138 0013 8000');
    await page.fill('#contact-company', 'Shenzhen Hardware');
    await page.click('[data-test=contact-save]');
    await page.waitForSelector('[data-test=contact-dialog]', { state: 'hidden' });
    await page.click('[data-test=contact-add]');
    await page.fill('#contact-name', 'Wrong Number');
    await page.fill('#contact-number', '5550000');
    await page.keyboard.press('Tab');
    await page.click('[data-test=contact-save]');
    await page.waitForSelector('[data-test=contact-dialog]', { state: 'hidden' });
    await expect.poll(() => page.locator('[data-test=contact-table] tbody tr').count()).toBe(2);
    // Edit one, delete the other.
    const zhang = page.locator('[data-test=contact-table] tbody tr', { hasText: 'Zhang Wei' });
    await zhang.locator('[data-test=contact-edit]').click();
    await page.fill('#contact-note', 'Prefers calls after 3 pm');
    await page.click('[data-test=contact-save]');
    await page.waitForSelector('[data-test=contact-dialog]', { state: 'hidden' });
    await expect.poll(() => zhang.textContent()).toContain('Prefers calls after 3 pm');
    await page.locator('[data-test=contact-table] tbody tr', { hasText: 'Wrong Number' }).locator('[data-test=contact-remove]').click();
    await page.click('.el-message-box__btns .el-button--primary');
    await expect.poll(() => page.locator('[data-test=contact-table] tbody tr').count()).toBe(1);
    const book = (await as('chen')('GET', '/api/contacts')).body;
    expect(book).toMatchObject([
      { name: 'Zhang Wei', number: '138 0013 8000', company: 'Shenzhen Hardware', note: 'Prefers calls after 3 pm' },
    ]);
    expect((await as('boss')('GET', '/api/contacts')).body).toEqual([]);
    // The shared customer records are there to dial from too.
    await page.fill('[data-test=customer-q]', 'Shenzhen');
    await page.click('[data-test=customer-search]');
    await expect.poll(() => page.textContent('[data-test=customer-table]')).toContain(CUSTOMER);
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0); // the toasts, for the screenshot
    await c.shot('contacts.en');

    // Click-to-dial the contact: 101 rings, the agent lifts it, the customer's number is dialled.
    await dialFrom(page, '[data-test=contact-table] tbody tr', CUSTOMER);

    // The call is in the agent's history, with the customer's name; dial it again from there.
    await go(c, 'history');
    const row = page.locator('[data-test=history-table] tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(CUSTOMER);
    await expect.poll(() => row.locator('[data-test=history-customer]').textContent()).toBe('Zhang Wei');
    const mine = (await as('chen')('GET', '/api/call-records')).body;
    expect(mine.items[0]).toMatchObject({ direction: 'outbound', to: CUSTOMER, agent: '101' });
    await dialFrom(page, '[data-test=history-table] tbody tr:first-child', CUSTOMER);
    await expect.poll(() => page.locator('[data-test=history-table] tbody tr').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.textContent('[data-test=history-total]')).toBe('2 calls');
    // Filters: another number finds nothing; a bad one says why; today's dates find both.
    await page.fill('#history-number', '12x');
    await expect.poll(() => page.textContent('.filters')).toContain(en.history.numberBad);
    expect(await page.isDisabled('[data-test=history-filter]')).toBe(true);
    await page.fill('#history-number', '5550000');
    await page.click('[data-test=history-filter]');
    await expect.poll(() => page.locator('[data-test=history-table] tbody tr').count()).toBe(0);
    await page.fill('#history-number', CUSTOMER);
    await page.click('[data-test=history-filter]');
    await expect.poll(() => page.locator('[data-test=history-table] tbody tr').count()).toBe(2);
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0); // the toasts, for the screenshot
    await c.shot('history.en');
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 120_000);

  it('line status: a caller on the billing line shows it in use, and idle after they hang up', async () => {
    const s = server!;
    const c = await signIn(browser!, s.url, 'chen', 'chen-password');
    const { page } = c;
    await go(c, 'status');
    const line = '[data-test="status-fxo:3"]';
    await expect.poll(() => page.getAttribute(line, 'data-status')).toBe('idle');
    expect(await page.textContent(line)).toContain('075526600003');
    const placed = await s.req('POST', '/api/sim/calls', { from: '13900001111', to: 'line:3' });
    expect(placed.status).toBe(201);
    await expect.poll(() => page.getAttribute(line, 'data-status'), { timeout: 15_000 }).toBe('busy');
    expect(await page.textContent(`${line} [data-test=status-tag]`)).toBe(en.status.states.busy);
    await expect.poll(() => page.textContent('[data-test=lines-used]')).toMatch(/^1 of \d+ in use$/);
    await c.shot('status.en');
    expect((await s.req('DELETE', `/api/sim/calls/${placed.body.id}`)).status).toBe(200);
    await expect.poll(() => page.getAttribute(line, 'data-status'), { timeout: 15_000 }).toBe('idle');
    expect(await page.textContent('[data-test=lines-used]')).toMatch(/^0 of \d+ in use$/);
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  }, 60_000);

  it('messages: the agent writes, the supervisor sees it arrive live and replies, the agent sees the reply; both see it after a reload', async () => {
    const s = server!;
    const agent = await signIn(browser!, s.url, 'chen', 'chen-password');
    const sup = await signIn(browser!, s.url, 'boss', 'boss-password');
    await go(sup, 'messages');
    await go(agent, 'messages');
    await agent.page.click('[data-test=message-to]');
    await agent.page.click('[data-test=person-boss]');
    await expect.poll(() => agent.page.textContent('[data-test=thread-with]')).toBe('Gao Min');
    await agent.page.fill('[data-test=message-text-input]', '13800138000 要求退款，可以吗？');
    await agent.page.keyboard.press('Enter');
    await expect.poll(() => agent.page.locator('[data-test=message-text]').allTextContents()).toEqual(['13800138000 要求退款，可以吗？']);
    // The supervisor's page: the conversation arrives, with the unread count in the navigation.
    await expect.poll(() => sup.page.textContent('[data-test=unread-badge]')).toContain('1');
    await sup.page.click('[data-test=conversation-chen]');
    await expect.poll(() => sup.page.locator('[data-test=message-text]').allTextContents()).toEqual(['13800138000 要求退款，可以吗？']);
    await expect.poll(() => sup.page.locator('[data-test=unread-badge]').count()).toBe(0);
    expect((await as('boss')('GET', '/api/messages')).body.unread).toBe(0);
    await sup.page.fill('[data-test=message-text-input]', '可以，最多退 200 元。');
    await sup.page.click('[data-test=message-send]');
    await expect
      .poll(() => agent.page.locator('[data-test=message-text]').allTextContents())
      .toEqual(['13800138000 要求退款，可以吗？', '可以，最多退 200 元。']);
    // The agent has the conversation open: the reply is read as it arrives.
    await expect.poll(async () => (await as('chen')('GET', '/api/messages')).body.unread).toBe(0);
    expect((await as('chen')('GET', `/api/messages/with/${ids.boss}`)).body.map((m: { text: string }) => m.text)).toEqual([
      '13800138000 要求退款，可以吗？',
      '可以，最多退 200 元。',
    ]);
    await agent.shot('messages.en');
    for (const c of [agent, sup]) {
      await c.page.reload();
      await c.page.click(`[data-test=conversation-${c === agent ? 'boss' : 'chen'}]`);
      await expect.poll(() => c.page.locator('[data-test=message-text]').count()).toBe(2);
    }
    expect([...(await agent.missing()), ...(await sup.missing())]).toEqual([]);
    expect([...agent.errors, ...sup.errors]).toEqual([]);
  }, 60_000);

  it('the language chosen is kept on the account: a fresh browser signs in in Chinese; every page in Chinese', async () => {
    const s = server!;
    const first = await signIn(browser!, s.url, 'chen', 'chen-password');
    await switchLang(first.page, 'zh-CN');
    await expect.poll(async () => (await as('chen')('GET', '/api/auth/me')).body.locale).toBe('zh-CN');
    // A new browser context: nothing in its storage, the account's language all the same.
    const c = await signIn(browser!, s.url, 'chen', 'chen-password', { keepLang: true });
    const { page } = c;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.textContent('[data-test=nav-history]')).toContain(zh.history.title);
    for (const [name, shot, ready] of [
      ['history', 'history.zh', '[data-test=history-table] tbody tr'],
      ['contacts', 'contacts.zh', '[data-test=contact-table] tbody tr'],
      ['messages', 'messages.zh', '[data-test=conversation-boss]'],
      ['status', 'status.zh', '[data-test="status-fxo:3"]'],
    ] as const) {
      await go(c, name);
      await page.waitForSelector(ready);
      if (name === 'messages') {
        await page.click('[data-test=conversation-boss]');
        await expect.poll(() => page.locator('[data-test=message-text]').count()).toBe(2);
      }
      if (name === 'contacts') {
        await page.fill('[data-test=customer-q]', 'Zhang');
        await page.click('[data-test=customer-search]');
        await page.waitForSelector('[data-test=customer-table]');
      }
      expect(await englishLeft(page, en, zh), name).toEqual([]);
      await c.shot(shot);
    }
    expect(await c.missing()).toEqual([]);
    expect([...first.errors, ...c.errors]).toEqual([]);
    // Back to English for the account.
    await switchLang(page, 'en');
    await expect.poll(async () => (await as('chen')('GET', '/api/auth/me')).body.locale).toBe('en');
  }, 90_000);
});
