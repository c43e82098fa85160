// The schedules and holidays page and the lines and spans page in a real
// browser against `boardcti start` on the simulated board
// (examples/call-center.yaml). The admin creates a holiday list (a mistyped
// date is pointed at before anything is sent), a schedule that follows it (a
// range that is not HH:MM-HH:MM is pointed at; overlapping ranges are refused
// by the server and its message shown), and cannot delete the list while the
// schedule uses it. On the lines page a simulated red alarm with AIS on the E1
// span shows within the page's live refresh and clears. Both pages in Chinese.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.ts';
import zh from '../../web/src/i18n/zh-CN.ts';
import { ADMIN_PASSWORD, startServer, type ServerProcess } from '../support/boardcti-process.ts';
import { CHROMIUM, englishLeft, launch, signIn, switchLang } from './browser.ts';

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

const fill = (page: Page, test: string, value: string) => page.fill(`[data-test=${test}]`, value);

describe.skipIf(!CHROMIUM)('schedules, holidays, lines and spans in Chromium', () => {
  it('creates a holiday list and a schedule with validation messages; refuses to delete a list in use; in Chinese', async () => {
    const s = server!;
    const c = await signIn(browser!, s.url, 'admin', ADMIN_PASSWORD);
    const { page } = c;
    await page.click('[data-test=nav-schedules]');
    await page.waitForSelector('[data-test=schedules]');

    // A holiday list: National Day (a range) and New Year (every year), first with a date that is no date.
    await page.click('.el-tabs__item >> text=' + en.schedules.tabHolidays);
    await page.click('[data-test=new-holidays]');
    await fill(page, 'hol-name', 'cn-public');
    await fill(page, 'hol-desc', 'Public holidays');
    await fill(page, 'day-0-from', '2025-10-01');
    await fill(page, 'day-0-to', '2025-10-07');
    await fill(page, 'day-0-name', 'National Day');
    await page.click('[data-test=add-day]');
    await fill(page, 'day-1-from', '1st of January');
    await fill(page, 'day-1-name', '元旦');
    await fill(page, 'day-1-hours', '10:00-14:00');
    await page.click('[data-test=hol-save]');
    await expect.poll(() => page.textContent('[data-test=day-1-from-error]')).toBe(en.holidays.badDay);
    expect((await s.req('GET', '/api/holidays')).body).toEqual([]);
    await fill(page, 'day-1-from', '01-01');
    await page.click('[data-test=hol-save]');
    await expect.poll(() => page.textContent('[data-test=notice]')).toBe(en.schedules.saved.replace('{name}', 'cn-public'));
    expect((await s.req('GET', '/api/holidays/cn-public')).body).toMatchObject({
      description: 'Public holidays',
      days: [
        { from: '2025-10-01', to: '2025-10-07', name: 'National Day' },
        { from: '01-01', name: '元旦', hours: ['10:00-14:00'] },
      ],
      updatedBy: 'admin',
    });
    await expect.poll(() => page.textContent('[data-test=holiday-lists]')).toContain('National Day');

    // A schedule: weekdays 09:00-18:00 by default; Saturday mistyped, then overlapping ranges the server refuses.
    await page.click('.el-tabs__item >> text=' + en.schedules.tabSchedules);
    await page.click('[data-test=new-schedule]');
    await fill(page, 'sch-name', 'office');
    await fill(page, 'sch-desc', 'Head office');
    await fill(page, 'sch-sat', '10-14');
    await page.click('[data-test=sch-save]');
    await expect
      .poll(() => page.textContent('[data-test=schedule-dialog] .el-form-item__error'))
      .toBe(en.schedules.badRange.replace('{r}', '10-14'));
    await fill(page, 'sch-sat', '10:00-14:00');
    await fill(page, 'sch-mon', '09:00-12:00, 11:00-18:00');
    await page.click('[data-test=sch-holidays]');
    await page.click('.el-select-dropdown__item >> text=cn-public');
    await page.keyboard.press('Escape');
    await page.click('[data-test=sch-save]');
    await expect.poll(() => page.textContent('[data-test=dialog-error]')).toContain('hours.mon[1]: 11:00-18:00 overlaps another range');
    expect((await s.req('GET', '/api/schedules')).body).toEqual([]);
    await fill(page, 'sch-mon', '09:00-12:00, 13:00-18:00');
    await page.click('[data-test=sch-save]');
    await expect.poll(() => page.textContent('[data-test=notice]')).toBe(en.schedules.saved.replace('{name}', 'office'));
    const saved = (await s.req('GET', '/api/schedules/office')).body;
    expect(saved).toMatchObject({
      description: 'Head office',
      timezone: null,
      hours: { mon: ['09:00-12:00', '13:00-18:00'], tue: ['09:00-18:00'], fri: ['09:00-18:00'], sat: ['10:00-14:00'], sun: [] },
      holidays: ['cn-public'],
    });
    // The state the page shows is the server's, now.
    expect(await page.textContent('[data-test=state-office]')).toContain(saved.state.open ? en.schedules.open : en.schedules.closedNow);
    await page.waitForTimeout(300); // the notice's fade-in, for the screenshot only
    await c.shot('schedules.en');

    // Edit: Sunday opens in the morning.
    await page.click('[data-test=edit-office]');
    await expect.poll(() => page.inputValue('[data-test=sch-mon]')).toBe('09:00-12:00, 13:00-18:00');
    await fill(page, 'sch-sun', '10:00-12:00');
    await page.click('[data-test=sch-save]');
    await expect.poll(async () => (await s.req('GET', '/api/schedules/office')).body.hours.sun).toEqual(['10:00-12:00']);

    // The list cannot go while the schedule follows it: the server's reason shows.
    await page.click('.el-tabs__item >> text=' + en.schedules.tabHolidays);
    await page.click('[data-test=delete-cn-public]');
    await page.click('.el-message-box__btns .el-button--primary');
    await expect.poll(() => page.textContent('[data-test=error]')).toContain('in use by schedule office');
    expect((await s.req('GET', '/api/holidays')).body).toHaveLength(1);
    await page.waitForTimeout(300); // the dialog's fade-out, for the screenshot only
    await c.shot('holidays.en');

    // Chinese: the data (names, descriptions, holiday names) stays as typed; every string of the console changes.
    await switchLang(page, 'zh-CN');
    await page.click('[data-test=error] .el-alert__close-btn');
    expect(await englishLeft(page, en, zh)).toEqual([]);
    await c.shot('holidays.zh');
    await page.click('.el-tabs__item >> text=' + zh.schedules.tabSchedules);
    await page.waitForSelector('[data-test=state-office]');
    expect(await englishLeft(page, en, zh)).toEqual([]);
    await c.shot('schedules.zh');
    await page.click('[data-test=edit-office]');
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
    expect(await englishLeft(page, en, zh)).toEqual([]);
    await c.shot('schedule-dialog.zh');
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  });

  it('a span alarm raised on the simulated E1 shows on the lines page and clears; in Chinese', async () => {
    const s = server!;
    const boards = (await s.req('GET', '/api/boards')).body as { spans: { span: number; kind: string; alarms: string[] }[] }[];
    const e1 = boards[0]!.spans.find((x) => x.kind === 'e1')!;
    expect(e1.alarms).toEqual([]);
    const c = await signIn(browser!, s.url, 'admin', ADMIN_PASSWORD);
    const { page } = c;
    await page.click('[data-test=nav-lines]');
    const alarms = `[data-test=span-${e1.span}-alarms]`;
    await expect.poll(() => page.textContent(alarms)).toBe(en.lines.ok);
    expect(await page.locator('[data-test=alarm-banner]').count()).toBe(0);

    const raised = await s.req('PUT', `/api/sim/spans/${e1.span}/alarms`, { alarms: ['red', 'ais'] });
    expect(raised.status).toBe(200);
    await expect.poll(() => page.textContent(alarms), { timeout: 10_000 }).toContain(en.lines.alarms.red);
    expect(await page.textContent(alarms)).toContain(en.lines.alarms.ais);
    expect(await page.textContent('[data-test=alarm-banner]')).toContain(`${en.lines.span} ${e1.span}`);
    const held = (await s.req('GET', '/api/boards')).body[0].spans.find((x: { span: number }) => x.span === e1.span);
    expect(held.alarms).toEqual(expect.arrayContaining(['red', 'ais']));
    await c.shot('spans.en');

    await switchLang(page, 'zh-CN');
    await expect.poll(() => page.textContent(alarms)).toContain(zh.lines.alarms.red);
    expect(await englishLeft(page, en, zh)).toEqual([]);
    await c.shot('spans.zh');

    expect((await s.req('PUT', `/api/sim/spans/${e1.span}/alarms`, { alarms: [] })).status).toBe(200);
    await expect.poll(() => page.textContent(alarms), { timeout: 10_000 }).toBe(zh.lines.ok);
    expect(await page.locator('[data-test=alarm-banner]').count()).toBe(0);
    // A span that is not an E1 has no alarms to raise: the simulator says so.
    const fxs = boards[0]!.spans.find((x) => x.kind !== 'e1')!;
    expect((await s.req('PUT', `/api/sim/spans/${fxs.span}/alarms`, { alarms: ['red'] })).body.code).toBe('CTI_ERR_BAD_ARGUMENT');
    expect((await s.req('PUT', `/api/sim/spans/${e1.span}/alarms`, { alarms: ['purple'] })).status).toBe(400);
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});
