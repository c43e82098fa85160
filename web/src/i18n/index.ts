// vue-i18n for every string of the console, Chinese and English. A key with no
// translation is recorded in window.__i18nMissing (the browser tests fail on
// any) and shown as the key itself. The language is remembered per account
// in this browser (localStorage), and the last one used before signing in;
// the account's own choice, kept on the server, wins at sign-in (stores/session.ts).
import { createI18n } from 'vue-i18n';
import en from './en.ts';
import zhCN from './zh-CN.ts';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

declare global {
  interface Window {
    __i18nMissing?: string[];
  }
}

const KEY = 'boardcti.lang';
const stored = (user?: string): Lang | undefined => {
  const v = localStorage.getItem(user ? `${KEY}.${user}` : KEY);
  return (LANGS as readonly string[]).includes(v ?? '') ? (v as Lang) : undefined;
};

export function initialLang(): Lang {
  return stored() ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLang(),
  fallbackLocale: false,
  messages: { en, 'zh-CN': zhCN },
  missingWarn: false,
  fallbackWarn: false,
  missing: (locale, key) => {
    (window.__i18nMissing ??= []).push(`${locale}:${key}`);
    return key;
  },
});

/** Switches the language and remembers it (for this account when one is signed in). */
export function setLang(lang: Lang, user?: string): void {
  i18n.global.locale.value = lang;
  document.documentElement.lang = lang;
  localStorage.setItem(KEY, lang);
  if (user) localStorage.setItem(`${KEY}.${user}`, lang);
}

/** After signing in: the account's own language, if it chose one here before. */
export function restoreLang(user: string): void {
  const lang = stored(user);
  if (lang) setLang(lang, user);
}
