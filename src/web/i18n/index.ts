import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.ts';
import {
  LANGUAGES,
  initialLanguage,
  isLanguage,
  readStoredLanguage,
  storeLanguage,
  type Language,
} from './language.ts';
import zhCN from './zh-CN.ts';

const DAYJS_LOCALES: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Keeps everything outside React that depends on the language in step with it. */
function applyLanguage(language: string): void {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  dayjs.locale(DAYJS_LOCALES[language]);
}

i18next.on('languageChanged', applyLanguage);

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

/** The current UI language (one of LANGUAGES). */
export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage;
  return isLanguage(language) ? language : 'en';
}

/** Switches the UI language and remembers the choice (a detected default is not stored). */
export function changeLanguage(language: Language): Promise<unknown> {
  storeLanguage(language);
  return i18next.changeLanguage(language);
}

export default i18next;

/**
 * After sign-in: the profile's language, unless the person chose one on this
 * browser (a stored choice wins; the profile language is not stored).
 */
export function applyProfileLanguage(language: string): void {
  if (readStoredLanguage() !== null || !isLanguage(language)) return;
  if (language !== currentLanguage()) void i18next.changeLanguage(language);
}
