import type en from './en.ts';

// Typed translation keys: t('nav.overvew') does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
