import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './language.ts';

/** The current UI language; components using it re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return isLanguage(language) ? language : 'en';
}
