// Headless Chromium (Debian's `chromium`, driven by playwright-core through
// executablePath: nothing downloads a browser) on the console of a real
// server, at 1366×768. Pages record vue-i18n's missing keys in
// window.__i18nMissing and the console's errors; screenshots go to
// test-results/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export async function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no chromium: the test set-up installs the Debian package `chromium`');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

export interface ConsolePage {
  page: Page;
  /** errors the page logged or threw */
  errors: string[];
  /** vue-i18n keys with no string in the page's language so far */
  missing(): Promise<string[]>;
  shot(name: string): Promise<void>;
}

export async function openConsole(browser: Browser, url: string): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  // Failed requests are reported by URL (the API's own 4xx answers the page shows to the user are not errors).
  page.on('response', (r) => {
    if (r.status() >= 500 || (r.status() === 404 && !new URL(r.url()).pathname.startsWith('/api/')))
      errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  mkdirSync(SHOTS, { recursive: true });
  return {
    page,
    errors,
    missing: () => page.evaluate(() => window.__i18nMissing ?? []),
    shot: async (name) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
  };
}

declare global {
  interface Window {
    __i18nMissing?: string[];
  }
}

/** Every string of a message tree (nested objects of strings). */
export function strings(tree: object): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v as object)));
}

/** A console signed in as this account, its first page shown. */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  password: string,
  opts: { keepLang?: boolean } = {},
): Promise<ConsolePage> {
  const c = await openConsole(browser, url);
  await c.page.waitForSelector('#username');
  await c.page.fill('#username', username);
  await c.page.fill('#password', password);
  await c.page.click('[data-test=submit]');
  await c.page.waitForSelector('[data-test=logout]');
  // the account keeps the language it chose last (maybe in an earlier test): each test starts in English
  if (!opts.keepLang && (await c.page.evaluate(() => document.documentElement.lang)) !== 'en') await switchLang(c.page, 'en');
  return c;
}

/** Switches the console's language with its own switch in the title bar. */
export async function switchLang(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  await page.click('[data-test=lang]');
  await page.click(`.el-select-dropdown__item >> text=${lang === 'zh-CN' ? '中文' : 'English'}`);
  await page.waitForSelector('.el-select-dropdown', { state: 'hidden' });
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * The console's English strings (of `en`, with no Chinese of `zh` equal to them)
 * that the page shows: after switching to Chinese this must be empty.
 */
export async function englishLeft(page: Page, en: object, zh: object): Promise<string[]> {
  // the signed-in person's name is theirs, not a string of the console
  const name = (await page.$('[data-test=account-name]')) ? await page.innerText('[data-test=account-name]') : '';
  const text = (await page.innerText('body')).split(name || '\u0000').join(' ');
  const zhs = new Set(strings(zh));
  return strings(en)
    .filter((x) => x.length > 2 && x !== 'boardcti' && !zhs.has(x))
    .map((x) => x.replace(/\{\w+\}.*$/, '').trim())
    .filter((x) => x.length > 2 && text.includes(x));
}
