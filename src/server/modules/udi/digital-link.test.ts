import { describe, expect, it } from 'vitest';
import { parseUdi } from './udi-parse.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };

function parsed(input: string) {
  const result = parseUdi(input, ref);
  if (!result.ok) throw new Error(`${input}: ${result.error.code} ${result.error.message}`);
  return result.udi;
}

function codeOf(input: string): string {
  const result = parseUdi(input, ref);
  return result.ok ? 'ok' : result.error.code;
}

function digitalLinkOf(input: string): string | undefined {
  const udi = parsed(input);
  return udi.agency === 'GS1' ? udi.digitalLink : undefined;
}

describe('GS1 Digital Link round trips', () => {
  it.each([
    'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    'https://id.gs1.org/01/09506000134352/22/V2/10/L1/21/S1',
    'https://id.gs1.org/01/09506000134352/235/TPX-1',
    'https://id.gs1.org/00/106141412345678908',
    'https://id.gs1.org/414/9506000134352/254/EXT1',
    'https://id.gs1.org/8006/095060001343520102/10/L7',
    'https://id.gs1.org/01/09506000134352?11=260101&17=271200&240=REF%2F9',
  ])('parses %s, writes it as bracketed text and back to the same link', (link) => {
    const udi = parsed(link);
    expect(udi.agency === 'GS1' && udi.digitalLink).toBe(link);
    const fromBracketed = parsed(udi.agency === 'GS1' ? udi.bracketed : '');
    expect(fromBracketed).toStrictEqual(udi);
  });

  it('moves query attributes of pre-defined length ahead of the others, by AI', () => {
    expect(digitalLinkOf('https://x.example/01/09506000134352?240=R&17=271231&11=260101')).toBe(
      'https://id.gs1.org/01/09506000134352?11=260101&17=271231&240=R',
    );
  });

  it('puts key qualifiers from an element string into the path in dictionary order', () => {
    expect(digitalLinkOf('(21)S1(01)09506000134352(10)L1(22)V2')).toBe(
      'https://id.gs1.org/01/09506000134352/22/V2/10/L1/21/S1',
    );
  });
});

describe('GS1 Digital Link path rules', () => {
  it.each([
    ['serial before lot', '/01/09506000134352/21/S1/10/L1'],
    ['lot before the consumer product variant', '/01/09506000134352/10/L1/22/V2'],
    ['mixing the two alternatives of (01)', '/01/09506000134352/22/V2/235/T1'],
    ['a qualifier on a key that takes none', '/00/106141412345678908/21/S1'],
    ['a data attribute in the path', '/01/09506000134352/17/271231'],
  ])('refuses %s with DL_BAD_PATH_ORDER', (_name, path) => {
    expect(codeOf(`https://id.example.com${path}`)).toBe('DL_BAD_PATH_ORDER');
  });

  it('finds the rightmost primary key when the prefix itself looks like AIs', () => {
    expect(parsed('https://a.example/00/faux/01/09506000134352/10/L1')).toMatchObject({
      gtin: '09506000134352',
      lot: 'L1',
    });
  });

  it('ignores non-AI query parameters, singletons and fragments', () => {
    expect(parsed('https://a.example/01/09506000134352?linkType=all&x&17=271231#f')).toMatchObject({
      expiry: '2027-12-31',
    });
  });

  it('refuses a numeric query parameter that is no AI', () => {
    expect(codeOf('https://a.example/01/09506000134352?23=1')).toBe('GS1_UNKNOWN_AI');
  });

  it('refuses URIs without a primary key or without a path', () => {
    expect(codeOf('https://a.example/')).toBe('DL_NOT_A_DIGITAL_LINK');
    expect(codeOf('https://a.example')).toBe('DL_NOT_A_DIGITAL_LINK');
    expect(codeOf('https://a.example/01/')).toBe('DL_NOT_A_DIGITAL_LINK');
    expect(codeOf('https://a.example/10/LOT42')).toBe('DL_NOT_A_DIGITAL_LINK');
  });

  it('validates path values like any element string', () => {
    expect(codeOf('https://a.example/01/09506000134353')).toBe('GS1_CHECK_DIGIT');
    expect(codeOf('https://a.example/01/09506000134352/10//21/S1')).toBe('GS1_BAD_LENGTH');
    expect(codeOf('https://a.example/01/09506000134352?17=271331')).toBe('GS1_INVALID_DATE');
  });

  it('decodes + as a space in the query, which set 82 then refuses', () => {
    expect(codeOf('https://a.example/01/09506000134352?240=A+B')).toBe('GS1_BAD_CHARSET');
  });

  it('refuses the same AI in path and query with different values', () => {
    expect(codeOf('https://a.example/01/09506000134352?01=09506000134369')).toBe(
      'GS1_DUPLICATE_AI',
    );
  });
});
