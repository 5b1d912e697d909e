import { describe, expect, it } from 'vitest';
import { isLanguage, languageFromBrowser } from './language.ts';

describe('UI language', () => {
  it('defaults to Simplified Chinese for any Chinese browser language', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-cn', 'zh-TW']) {
      expect(languageFromBrowser(tag)).toBe('zh-CN');
    }
  });

  it('defaults to English for every other browser language', () => {
    for (const tag of ['en-US', 'de-DE', 'fr', '', undefined]) {
      expect(languageFromBrowser(tag)).toBe('en');
    }
  });

  it('accepts only the supported language tags as a stored choice', () => {
    expect(isLanguage('zh-CN')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('zh')).toBe(false);
    expect(isLanguage('en-US')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
