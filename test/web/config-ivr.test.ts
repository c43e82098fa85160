// The IVR flows page in a real browser against `boardcti start` on the
// simulated board (examples/call-center.yaml, its IVR on fxo:1 = line:1): the
// admin opens the example flow, breaks a menu choice and sees the error on its
// line, fixes it by sending 0 to a new node that rings extension 102 instead of
// the operator at 101, saves that as a new version, activates it, and a
// simulated caller pressing 1 then 0 rings 102; after a roll back the same keys
// ring 101 again. Then the graph, and the page in Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.ts';
import zh from '../../web/src/i18n/zh-CN.ts';
import { ADMIN_PASSWORD, poll, startServer, type ServerProcess } from '../support/boardcti-process.ts';
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

const EXAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'ivr', 'main.yaml'), 'utf8');
const code = (page: Page) => page.inputValue('[data-test=code]');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** A caller on the IVR line presses 1 (English) then 0 (the operator's key); the extension that rings. */
async function callAndPress0(s: ServerProcess): Promise<string> {
  const placed = await s.req('POST', '/api/sim/calls', { from: '13800138000', to: 'line:1' });
  expect(placed.status).toBe(201);
  const id = placed.body.id as number;
  await poll('the IVR answers', async () => ((await s.req('GET', `/api/sim/calls/${id}`)).body.state === 'connected' ? true : undefined));
  await s.req('POST', `/api/sim/calls/${id}/digits`, { digits: '1' });
  await s.req('POST', `/api/sim/calls/${id}/digits`, { digits: '0' });
  const rings = await poll(
    'an extension rings',
    async () => {
      for (const ext of ['101', '102']) if ((await s.req('GET', `/api/sim/phones/${ext}`)).body.ringing) return ext;
      return undefined;
    },
    60_000,
  );
  await s.req('DELETE', `/api/sim/calls/${id}`);
  await poll('the phones stop ringing', async () => {
    for (const ext of ['101', '102']) if ((await s.req('GET', `/api/sim/phones/${ext}`)).body.ringing) return undefined;
    return true;
  });
  return rings;
}

describe.skipIf(!CHROMIUM)('the IVR flows page in Chromium', () => {
  it('an error shown on its line, a new version saved and activated takes calls, a roll back brings the old path back; in Chinese too', async () => {
    const s = server!;
    // Open around the clock (the example's hours follow the wall clock): version 2, put in service over the API.
    const v2 = await s.req('POST', '/api/ivr/flows/main/versions', {
      yaml: EXAMPLE.replace('start: hours', 'start: welcome'),
      activate: true,
    });
    expect(v2).toMatchObject({ status: 201, body: { version: 2, active: true } });
    expect(await callAndPress0(s)).toBe('101');

    const c = await signIn(browser!, s.url, 'admin', ADMIN_PASSWORD);
    const { page } = c;
    await page.click('[data-test=nav-ivr]');
    await expect.poll(() => page.textContent('[data-test=flow-active-main]')).toBe('v2');
    await page.click('[data-test=flow-main]');
    await expect.poll(() => code(page)).toContain('start: welcome');
    await c.shot('ivr.en');

    // A choice to a node that does not exist: the error is on the line of that choice.
    const text = await code(page);
    expect(text).toContain('"0": operator');
    const broken = text.replace('"0": operator', '"0": operatr');
    await page.fill('[data-test=code]', broken);
    await page.click('[data-test=validate]');
    const line = lineOf(broken, 'operatr');
    await expect.poll(() => page.textContent(`[data-test=line-issue-${line}]`)).toContain('unknown node "operatr"');
    expect(await page.locator('[data-test^=line-issue-]').count()).toBe(1);
    expect(await page.textContent('[data-test=check-result]')).toContain(en.ivr.line.replace('{n}', String(line)));
    await c.shot('ivr-error.en');

    // Fixed: 0 goes to a new node that rings extension 102; the menu's prompt also changes.
    const fixed = broken
      .replace('"0": operatr', '"0": desk-two')
      .replace(/^nodes:$/m, 'nodes:\n  desk-two:\n    type: extension\n    extension: "102"\n    timeoutMs: 30000')
      .replace('For the operator, press 0.', 'For the front desk, press 0.');
    await page.fill('[data-test=code]', fixed);
    await page.click('[data-test=validate]');
    await expect.poll(() => page.textContent('[data-test=check-result]')).toContain(en.ivr.valid);
    expect(await page.locator('[data-test^=line-issue-]').count()).toBe(0);
    // What stays: warnings that the hours check is no longer reachable from the start, on its line.
    await expect.poll(() => page.locator('[data-test^=line-warn-]').allTextContents()).toContain('unreachable from start');
    await page.click('[data-test=save]');
    await expect.poll(() => page.textContent('[data-test=notice]')).toContain(en.ivr.saved.replace('{v}', '3'));
    await page.waitForSelector('[data-test=version-3]');
    let held = (await s.req('GET', '/api/ivr/flows/main')).body;
    expect([held.versions, held.activeVersion]).toEqual([3, 2]);
    expect(held.history[2].flow.nodes['desk-two']).toMatchObject({ type: 'extension', extension: '102' });
    expect(held.history[2].flow.prompts.menu.en).toContain('front desk');
    expect(held.history[2].createdBy).toBe('admin');
    expect(await callAndPress0(s)).toBe('101'); // saved, not yet in service

    await page.click('[data-test=activate-3]');
    await page.waitForSelector('[data-test=active-3]');
    expect(await page.textContent('[data-test=flow-active-main]')).toBe('v3');
    held = (await s.req('GET', '/api/ivr/flows/main')).body;
    expect([held.activeVersion, held.inService]).toEqual([3, 3]);
    await c.shot('ivr-versions.en');
    expect(await callAndPress0(s)).toBe('102');

    // Roll back: version 2 again, and 0 rings the operator at 101.
    await page.click('[data-test=rollback]');
    await page.waitForSelector('[data-test=active-2]');
    expect(await page.textContent('[data-test=flow-active-main]')).toBe('v2');
    expect((await s.req('GET', '/api/ivr/flows/main')).body.activeVersion).toBe(2);
    expect(await callAndPress0(s)).toBe('101');

    // The graph of version 3: its nodes and the digit edges, drawn as SVG.
    await page.click('[data-test=open-3]');
    await page.click('.el-tabs__item >> text=' + en.ivr.tabGraph);
    const graph = page.locator('[data-test=flow-graph] svg');
    await expect.poll(() => graph.textContent()).toContain('desk-two');
    const drawn = (await graph.textContent())!;
    for (const n of ['welcome', 'language', 'menu', 'sales-queue', 'operator']) expect(drawn).toContain(n);
    await page.waitForTimeout(600); // the graph's animation, for the screenshot only
    await c.shot('ivr-graph.en');

    // Chinese: every string of the page changes (node names and the description are the flow's own, not the console's:
    // "queue" of sales-queue, "Open" of "Opening hours"); none is missing.
    const data = [...Object.keys(held.history[2].flow.nodes), held.description as string];
    const left = async () => (await englishLeft(page, en, zh)).filter((x) => !data.some((d) => d.includes(x)));
    await switchLang(page, 'zh-CN');
    await expect.poll(() => graph.textContent()).toContain(zh.ivr.types.menu);
    await page.waitForTimeout(600); // the graph's animation, for the screenshot only
    await c.shot('ivr-graph.zh');
    expect(await left()).toEqual([]);
    await page.click('.el-tabs__item >> text=' + zh.ivr.tabVersions);
    await page.waitForSelector('[data-test=active-2]');
    expect(await left()).toEqual([]);
    await page.click('.el-tabs__item >> text=' + zh.ivr.tabSource);
    await expect.poll(() => code(page)).toContain('desk-two');
    await c.shot('ivr.zh');
    expect(await left()).toEqual([]);
    await page.fill('[data-test=code]', (await code(page)).replace('"0": desk-two', '"0": operatr'));
    await page.click('[data-test=validate]');
    await expect.poll(() => page.textContent('[data-test=check-result]')).toMatch(/第 \d+ 行/);
    await c.shot('ivr-error.zh');
    expect(await c.missing()).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});
