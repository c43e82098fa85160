// Who is signed in: the token (kept in sessionStorage, so a reload keeps the
// session and closing the tab ends it), the account, and signing in and out.
// The account's language is kept on the server (PATCH /api/auth/me) and
// applied at sign-in, in any browser.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, setToken, whenUnauthorized } from '../api/client.ts';
import type { Account } from '../api/types.ts';
import { restoreLang, setLang, type Lang } from '../i18n/index.ts';

const KEY = 'boardcti.session';

export const useSession = defineStore('session', () => {
  const token = ref<string | null>(null);
  const account = ref<Account | null>(null);
  const signedIn = computed(() => token.value !== null && account.value !== null);

  function adopt(t: string | null, a: Account | null): void {
    token.value = t;
    account.value = a;
    setToken(t);
    if (t && a) sessionStorage.setItem(KEY, JSON.stringify({ token: t, account: a }));
    else sessionStorage.removeItem(KEY);
  }

  async function login(username: string, password: string): Promise<void> {
    const r = await call('login', { body: { username, password } });
    adopt(r.token, r.account);
    applyLang();
  }

  /** The account's own language: the one kept on the server, else the one chosen in this browser. */
  function applyLang(): void {
    const a = account.value!;
    if (a.locale) setLang(a.locale, a.username);
    else restoreLang(a.username);
  }

  /** Keeps the language chosen on the account (a failure leaves it for this browser only). */
  async function saveLang(lang: Lang): Promise<void> {
    if (!account.value || account.value.locale === lang) return;
    try {
      adopt(token.value, await call('setMyLocale', { body: { locale: lang } }));
    } catch {
      // kept in this browser (localStorage) all the same
    }
  }

  async function logout(): Promise<void> {
    try {
      if (token.value) await call('logout');
    } finally {
      adopt(null, null);
    }
  }

  /** A session kept from before a reload, checked with the server (an expired one is dropped). */
  async function resume(): Promise<void> {
    const kept = sessionStorage.getItem(KEY);
    if (!kept) return;
    const { token: t } = JSON.parse(kept) as { token: string };
    setToken(t);
    try {
      adopt(t, await call('me'));
      applyLang();
    } catch {
      adopt(null, null);
    }
  }

  whenUnauthorized(() => adopt(null, null));
  return { token, account, signedIn, login, logout, resume, saveLang };
});
