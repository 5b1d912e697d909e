import { describe, expect, it } from 'vitest';
import { buildHibc } from './hibc-build.ts';
import { computeHibcCheckCharacter } from './hibc.ts';
import { parseUdi } from './udi-parse.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const withCheck = (data: string): string => data + computeHibcCheckCharacter(data);

function parsed(input: string) {
  const result = parseUdi(input, ref);
  if (!result.ok) throw new Error(`${input}: ${result.error.code} ${result.error.message}`);
  if (result.udi.agency !== 'HIBCC') throw new Error(`${input}: not HIBC`);
  return result.udi;
}

function codeOf(input: string): string {
  const result = parseUdi(input, ref);
  return result.ok ? 'ok' : result.error.code;
}

describe('HIBC mod-43 check character (ANSI/HIBC 2.6 examples)', () => {
  it.each([
    ['+A123BJC5D6E71', 'G'],
    ['+H123ABC01234567890', 'D'],
    ['+$$52001510X3G', 'D'],
    ['+A123BJC5D6E71/$$52001510X3', 'C'],
    ['+A99912345/$$52001510X3', '3'],
  ])('closes %s with %s', (data, check) => {
    expect(computeHibcCheckCharacter(data)).toBe(check);
    expect(codeOf(data + check)).toBe('ok');
  });

  it.each(['+A123BJC5D6E71H', '+$$52001510X3GE', '+A123BJC5D6E71/$$52001510X3D'])(
    'refuses %s, whose check character is wrong',
    (input) => {
      const result = parseUdi(input, ref);
      expect(result.ok ? undefined : result.error).toMatchObject({
        code: 'HIBC_CHECK_CHARACTER',
        position: input.length - 1,
      });
    },
  );
});

describe('HIBC primary data', () => {
  it('reads LIC, PCN and unit of measure; the DI leaves out flag and check character', () => {
    expect(parsed('+A123BJC5D6E71G')).toStrictEqual({
      agency: 'HIBCC',
      di: 'A123BJC5D6E71',
      data: '+A123BJC5D6E71G',
      hri: '*+A123BJC5D6E71G*',
      hibc: {
        structure: 'primary',
        lic: 'A123',
        pcn: 'BJC5D6E7',
        unitOfMeasure: 1,
        checkCharacter: 'G',
      },
    });
  });

  it('reads the HRI form, a Code 39 scan and a space check character shown as _', () => {
    expect(parsed('*+A123BJC5D6E71G*')).toStrictEqual(parsed('+A123BJC5D6E71G'));
    expect(parsed(']A0+A123BJC5D6E71G\r')).toStrictEqual(parsed('+A123BJC5D6E71G'));
    const spaced = withCheck('+A123AA40');
    expect(spaced.endsWith(' ')).toBe(true);
    expect(parsed('*+A123AA40_*')).toStrictEqual(parsed(spaced));
    expect(parsed(spaced).hri).toBe('*+A123AA40_*');
  });

  it('refuses a LIC that starts with a digit, lower case and a missing unit of measure', () => {
    expect(codeOf(withCheck('+1234ABC0'))).toBe('HIBC_BAD_FORMAT');
    expect(codeOf('+a123bjc5d6e71g')).toBe('HIBC_BAD_FORMAT');
    expect(codeOf(withCheck('+A123BJCX'))).toBe('HIBC_BAD_FORMAT');
  });
});

describe('HIBC secondary data', () => {
  it.each([
    [
      '$$ MMYY (month digit doubles as flag)',
      '+$$09273C001',
      { lot: '3C001', expiry: '2027-09-30', expiryFormat: 'MMYY' },
    ],
    ['$$2 MMDDYY', '+$$2093027LOT1', { lot: 'LOT1', expiry: '2027-09-30', expiryFormat: 'MMDDYY' }],
    ['$$3 YYMMDD', '+$$3270930LOT1', { lot: 'LOT1', expiry: '2027-09-30', expiryFormat: 'YYMMDD' }],
    ['$$4 YYMMDDHH', '+$$427093001LOT1', { lot: 'LOT1', expiry: '2027-09-30', expiryHour: 1 }],
    ['$$5 YYJJJ', '+$$528060LOT1', { lot: 'LOT1', expiry: '2028-02-29', expiryFormat: 'YYJJJ' }],
    ['$$6 YYJJJHH', '+$$62706023LOT1', { lot: 'LOT1', expiry: '2027-03-01', expiryHour: 23 }],
    ['$$7 no date', '+$$7LOT1', { lot: 'LOT1', secondaryFlag: '$$' }],
    ['$$+ serial with date', '+$$+3270930SN9', { serial: 'SN9', secondaryFlag: '$$+' }],
    ['$ legacy lot', '+$LOT1', { lot: 'LOT1', secondaryFlag: '$' }],
    ['$+ legacy serial', '+$+SN9', { serial: 'SN9', secondaryFlag: '$+' }],
    [
      '5-digit Julian date',
      '+27001LOT1',
      { lot: 'LOT1', expiry: '2027-01-01', secondaryFlag: 'julian' },
    ],
    ['$$8 quantity', '+$$8123270930LOT1', { quantity: 12, expiry: '2027-09-30' }],
    ['$$9 quantity', '+$$9001007LOT1', { quantity: 100, lot: 'LOT1' }],
    [
      'supplemental serial and dates',
      '+$$7LOT1/SSN9/16D20260102/14D20280131',
      {
        lot: 'LOT1',
        serial: 'SN9',
        productionDate: '2026-01-02',
        expiry: '2028-01-31',
        expiryFormat: 'YYYYMMDD',
      },
    ],
  ])('reads %s', (_name, data, expected) => {
    const udi = parsed(withCheck(`${data}G`));
    const { hibc, ...fields } = udi;
    expect({ ...fields, ...hibc }).toMatchObject({ ...expected, linkCharacter: 'G' });
    expect(udi).not.toHaveProperty('di');
  });

  it('reads a concatenated primary and secondary, which has no link character', () => {
    const udi = parsed('+A123BJC5D6E71/$$52001510X3C');
    expect(udi).toMatchObject({ di: 'A123BJC5D6E71', lot: '10X3', expiry: '2020-01-15' });
    expect(udi.hibc).not.toHaveProperty('linkCharacter');
    expect(udi.hibc.structure).toBe('concatenated');
  });

  it.each([
    ['month 13', '+$$3271301LOT1G'],
    ['day 366 of a common year', '+$$527366LOT1G'],
    ['hour 24', '+$$42709302424G'],
    ['MMYY month 00', '+$$0027LOT1G'],
  ])('refuses %s with HIBC_INVALID_DATE', (_name, data) => {
    expect(codeOf(withCheck(data))).toBe('HIBC_INVALID_DATE');
  });

  it('refuses a lot longer than 18 characters and an unknown supplemental field', () => {
    expect(codeOf(withCheck(`+$$7${'A'.repeat(19)}G`))).toBe('HIBC_BAD_FORMAT');
    expect(codeOf(withCheck('+$$7LOT1/XYZ1G'))).toBe('HIBC_BAD_FORMAT');
    expect(codeOf(withCheck('+$$ALOT1G'))).toBe('HIBC_BAD_FORMAT');
  });
});

describe('buildHibc', () => {
  it('builds the primary of ANSI/HIBC 2.6 Appendix B', () => {
    const built = buildHibc({ lic: 'A123', pcn: 'BJC5D6E7', unitOfMeasure: 1 }, ref);
    expect(built.primary.data).toBe('+A123BJC5D6E71G');
    expect(built.primary.hri).toBe('*+A123BJC5D6E71G*');
    expect(built).not.toHaveProperty('secondary');
  });

  it('links a standalone secondary to the primary and concatenates both', () => {
    const built = buildHibc(
      { lic: 'A123', pcn: 'BJC5D6E7', unitOfMeasure: 1, lot: '3C001', expiry: '2027-09-30' },
      ref,
    );
    expect(built.secondary?.data).toBe(withCheck('+$$32709303C001G'));
    expect(built.secondary?.udi.hibc.linkCharacter).toBe(built.primary.udi.hibc.checkCharacter);
    expect(built.concatenated?.data).toBe(withCheck('+A123BJC5D6E71/$$32709303C001'));
    expect(built.concatenated?.udi).toMatchObject({
      di: 'A123BJC5D6E71',
      lot: '3C001',
      expiry: '2027-09-30',
    });
  });

  it('writes an expiry outside the century window as /14D YYYYMMDD', () => {
    const built = buildHibc(
      { lic: 'A123', pcn: 'X1', unitOfMeasure: 0, lot: 'L1', expiry: '2099-12-31' },
      ref,
    );
    expect(built.concatenated?.data).toBe(withCheck('+A123X10/$$7L1/14D20991231'));
    expect(built.concatenated?.udi.expiry).toBe('2099-12-31');
  });

  it('refuses bad parts', () => {
    const base = { lic: 'A123', pcn: 'X1', unitOfMeasure: 0 };
    expect(() => buildHibc({ ...base, lic: '1ABC' }, ref)).toThrow(
      expect.objectContaining({ code: 'HIBC_BAD_FORMAT' }),
    );
    expect(() => buildHibc({ ...base, pcn: 'x-1' }, ref)).toThrow(/PCN/);
    expect(() => buildHibc({ ...base, unitOfMeasure: 10 }, ref)).toThrow(/unit of measure/);
    expect(() => buildHibc({ ...base, lot: 'lot 1' }, ref)).toThrow(/lot number/);
    expect(() => buildHibc({ ...base, expiry: '2027-02-30' }, ref)).toThrow(
      expect.objectContaining({ code: 'HIBC_INVALID_DATE' }),
    );
    expect(() => buildHibc({ ...base, quantity: 100000 }, ref)).toThrow(/quantity/);
  });
});
