import { describe, expect, it } from 'vitest';
import { buildGs1Udi } from './gs1-build.ts';
import { computeHibcCheckCharacter } from './hibc.ts';
import { udiErrorSchema } from './udi.contract.ts';
import { UDI_ERROR_CODES, type UdiErrorCode, type UdiErrorDetail } from './udi.errors.ts';
import { parseUdi } from './udi-parse.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const withCheck = (data: string): string => data + computeHibcCheckCharacter(data);

/** One realistic bad input per code, with what the error must say about it. */
const CASES: Record<UdiErrorCode, { input: string; expect: Partial<UdiErrorDetail> }> = {
  UDI_UNRECOGNISED: { input: ']C0ORDER-4711', expect: { position: 3 } },
  GS1_EMPTY: { input: ']d2\u001d\r\n', expect: {} },
  GS1_UNKNOWN_AI: { input: '(01)09506000134352(23)X', expect: { ai: '23', position: 19 } },
  GS1_BAD_LENGTH: { input: '(01)0950600013435', expect: { ai: '01', position: 4 } },
  GS1_BAD_CHARSET: { input: '(01)09506000134352(10)LOT#42', expect: { ai: '10', position: 25 } },
  GS1_CHECK_DIGIT: { input: '(01)09506000134353', expect: { ai: '01', position: 17 } },
  GS1_INVALID_DATE: { input: '(01)09506000134352(17)271301', expect: { ai: '17', position: 24 } },
  GS1_INVALID_VALUE: { input: '(8006)095060001343520302', expect: { ai: '8006', position: 20 } },
  GS1_DUPLICATE_AI: {
    input: '(01)09506000134352(10)LOT1(10)LOT2',
    expect: { ai: '10', position: 27 },
  },
  GS1_MISSING_REQUIRED_AI: { input: '(10)LOT42(21)SN0001', expect: { ai: '10', position: 1 } },
  GS1_EXCLUDED_AI_COMBINATION: {
    input: '(01)09506000134352(37)10',
    expect: { ai: '37', position: 19 },
  },
  DL_NOT_A_DIGITAL_LINK: { input: 'https://shop.example.com/products/42', expect: {} },
  DL_BAD_PATH_ORDER: {
    input: 'https://id.example.com/01/09506000134352/21/SN0001/10/LOT42',
    expect: { ai: '10', position: 51 },
  },
  DL_QUALIFIER_IN_QUERY: {
    input: 'https://id.example.com/01/09506000134352?10=LOT42',
    expect: { ai: '10', position: 41 },
  },
  DL_NOT_A_DATA_ATTRIBUTE: {
    input: 'https://id.example.com/00/106141412345678908?21=SN0001',
    expect: { ai: '21', position: 45 },
  },
  HIBC_BAD_FORMAT: { input: withCheck('+1234ABC0'), expect: { position: 1 } },
  HIBC_CHECK_CHARACTER: { input: '+A123BJC5D6E71H', expect: { position: 14 } },
  HIBC_INVALID_DATE: { input: withCheck('+$$3271301LOT7G'), expect: { position: 4 } },
};

describe('UDI error codes', () => {
  it('has a realistic failing input for every code', () => {
    expect(Object.keys(CASES).sort()).toEqual([...UDI_ERROR_CODES].sort());
  });

  it.each(UDI_ERROR_CODES.map((code) => [code, CASES[code]] as const))(
    'answers %s',
    (code, { input, expect: detail }) => {
      const result = parseUdi(input, ref);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code, ...detail });
      expect(udiErrorSchema.parse(result.error)).toEqual(result.error);
      if (detail.ai) expect(result.error.message).toContain(`(${detail.ai})`);
      if (detail.position !== undefined) {
        expect(result.error.message).toContain(`at position ${detail.position}`);
      }
    },
  );

  it('reports a position inside a percent-encoded Digital Link value', () => {
    // '%23' decodes to '#', which is not in set 82: the position is that of the '%'.
    const result = parseUdi('https://a.example/01/09506000134352/10/AB%23C', ref);
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'GS1_BAD_CHARSET',
      ai: '10',
      position: 41,
    });
  });

  it('counts positions from the start of the input, symbology identifier included', () => {
    const result = parseUdi(']d2010950600013435317271231', ref);
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'GS1_CHECK_DIGIT',
      position: 18,
    });
  });

  it('gives builder errors without a position', () => {
    const build = () => buildGs1Udi({ gtin: '09506000134353' }, ref);
    expect(build).toThrow(
      expect.objectContaining({ code: 'GS1_CHECK_DIGIT', position: undefined }),
    );
    expect(build).toThrow(/^((?!position).)*$/);
  });
});
