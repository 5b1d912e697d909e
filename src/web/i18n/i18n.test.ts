import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/error-codes.ts';
import en from './en.ts';
import zhCN from './zh-CN.ts';

const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNKNOWN'];
const LOCALES = { en, 'zh-CN': zhCN } as const;

/** Every leaf of a message tree as [dotted.key, value]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object'
      ? leaves(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

function placeholders(message: unknown): string[] {
  return [...String(message).matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] ?? '').sort();
}

describe('UI messages', () => {
  it('has exactly the same keys in zh-CN and en', () => {
    const enKeys = leaves(en)
      .map(([key]) => key)
      .sort();
    const zhKeys = leaves(zhCN)
      .map(([key]) => key)
      .sort();
    expect(zhKeys).toEqual(enKeys);
  });

  it.each(Object.entries(LOCALES))(
    'has only non-empty string messages in %s',
    (_name, messages) => {
      const bad = leaves(messages).filter(
        ([, value]) => typeof value !== 'string' || !value.trim(),
      );
      expect(bad).toEqual([]);
    },
  );

  it('uses the same interpolation variables in both languages', () => {
    const zh = new Map(leaves(zhCN));
    const mismatched = leaves(en)
      .filter(([key, value]) => placeholders(value).join() !== placeholders(zh.get(key)).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it.each(Object.entries(LOCALES))('translates every API error code in %s', (_name, messages) => {
    const errors: Record<string, string> = messages.errors;
    const missing = [...ERROR_CODES, ...CLIENT_ERROR_CODES].filter((code) => !errors[code]?.trim());
    expect(missing).toEqual([]);
  });

  it('has no messages for error codes that no longer exist', () => {
    const known = new Set<string>([...ERROR_CODES, ...CLIENT_ERROR_CODES]);
    expect(Object.keys(en.errors).filter((code) => !known.has(code))).toEqual([]);
  });
});
