// Property tests: any valid UDI, written in any input form, reads back as the same
// normalised object, and the builders' outputs read back as what they return.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGs1Udi } from './gs1-build.ts';
import { computeGs1CheckDigit } from './gs1-check.ts';
import { buildHibc } from './hibc-build.ts';
import { udiSchema, type Udi } from './udi.contract.ts';
import { daysInMonth } from './udi-dates.ts';
import { parseUdi } from './udi-parse.ts';

// 2026: two-digit years read as 1977…2076 (GS1 General Specifications 7.12).
const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const GS = '\u001d';
const CSET82 = [
  ...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
];
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const gtin = digits(13).map((body) => body + computeGs1CheckDigit(body));
const cset82Text = fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 });
const gs1Date = fc
  .record({
    year: fc.integer({ min: 1977, max: 2076 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 0, max: 31 }),
  })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

type GeneratedDate = { year: number; month: number; day: number };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const yymmdd = (d: GeneratedDate) => pad(d.year % 100) + pad(d.month) + pad(d.day);
const iso = (d: GeneratedDate) =>
  `${d.year}-${pad(d.month)}-${pad(d.day === 0 ? daysInMonth(d.year, d.month) : d.day)}`;

const udiParts = fc.record(
  { gtin, lot: cset82Text, serial: cset82Text, expiry: gs1Date, production: gs1Date },
  { requiredKeys: ['gtin'] },
);

const PREDEFINED = new Set(['01', '11', '17']);

function elementString(pairs: [string, string][], separator: string): string {
  return pairs
    .map(
      ([ai, value], index) =>
        ai + value + (index < pairs.length - 1 && !PREDEFINED.has(ai) ? separator : ''),
    )
    .join('');
}

/** The object without its undefined fields, for toMatchObject. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function parsedOk(input: string): Udi {
  const result = parseUdi(input, ref);
  if (!result.ok)
    throw new Error(`${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`);
  return result.udi;
}

describe('every input form of a valid GS1 UDI reads back the same', () => {
  it('holds for bracketed, unbracketed, scanned and Digital Link forms in any element order', () => {
    fc.assert(
      fc.property(
        udiParts,
        fc.context(),
        fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        (parts, ctx, order) => {
          const pairs: [string, string][] = [['01', parts.gtin]];
          if (parts.expiry) pairs.push(['17', yymmdd(parts.expiry)]);
          if (parts.production) pairs.push(['11', yymmdd(parts.production)]);
          if (parts.lot !== undefined) pairs.push(['10', parts.lot]);
          if (parts.serial !== undefined) pairs.push(['21', parts.serial]);
          const shuffled = pairs
            .map((pair, i) => ({ pair, key: order[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ pair }) => pair);
          const path = pairs
            .filter(([ai]) => ['01', '10', '21'].includes(ai))
            .sort(([a], [b]) => ['01', '10', '21'].indexOf(a) - ['01', '10', '21'].indexOf(b));
          const query = shuffled.filter(([ai]) => ai === '11' || ai === '17');
          const link =
            'https://scan.example.com/p' +
            path.map(([ai, value]) => `/${ai}/${encodeURIComponent(value)}`).join('') +
            (query.length
              ? `?${query.map(([ai, value]) => `${ai}=${encodeURIComponent(value)}`).join('&')}`
              : '');
          const forms = [
            shuffled.map(([ai, value]) => `(${ai})${value.replace(/\(/g, '\\(')}`).join(''),
            elementString(shuffled, GS),
            `^${elementString(shuffled, '^')}`,
            `]d2${elementString(shuffled, GS)}`,
            `]C1${GS}${elementString(shuffled, GS)}\r\n`,
            link,
            `]Q1${link}`,
          ];
          ctx.log(JSON.stringify(forms));
          const first = parsedOk(forms[0] ?? '');
          for (const form of forms.slice(1)) expect(parsedOk(form)).toStrictEqual(first);
          expect(udiSchema.parse(first)).toStrictEqual(first);
          const fields = defined({
            agency: 'GS1',
            di: parts.gtin,
            lot: parts.lot,
            serial: parts.serial,
            expiry: parts.expiry && iso(parts.expiry),
            productionDate: parts.production && iso(parts.production),
          });
          expect(first).toMatchObject(fields);
          if (first.agency === 'GS1') {
            expect(parsedOk(first.bracketed)).toStrictEqual(first);
            expect(parsedOk(first.digitalLink ?? '')).toStrictEqual(first);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds for what buildGs1Udi writes', () => {
    fc.assert(
      fc.property(udiParts, (parts) => {
        const built = buildGs1Udi(
          {
            gtin: parts.gtin,
            ...(parts.lot === undefined ? {} : { lot: parts.lot }),
            ...(parts.serial === undefined ? {} : { serial: parts.serial }),
            ...(parts.expiry ? { expiry: iso(parts.expiry) } : {}),
            ...(parts.production ? { productionDate: iso(parts.production) } : {}),
          },
          ref,
        );
        for (const form of [
          `]d2${built.elementString}`,
          built.elementStringCaret,
          built.bracketed,
          built.digitalLink ?? '',
        ]) {
          expect(parsedOk(form)).toStrictEqual(built.udi);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('every HIBC structure buildHibc writes reads back the same', () => {
  const alnum = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });
  const hibcParts = fc.record(
    {
      lic: fc.tuple(fc.constantFrom(...ALNUM.slice(0, 26)), alnum(3, 3)).map(([a, b]) => a + b),
      pcn: alnum(1, 18),
      unitOfMeasure: fc.integer({ min: 0, max: 9 }),
      lot: alnum(1, 18),
      serial: alnum(1, 18),
      expiry: gs1Date.filter((d) => d.year >= 2000).map((d) => iso(d)),
      productionDate: gs1Date.map((d) => iso(d)),
      quantity: fc.integer({ min: 0, max: 99999 }),
    },
    { requiredKeys: ['lic', 'pcn', 'unitOfMeasure'] },
  );

  it('holds for primary, secondary and concatenated data and their HRI', () => {
    fc.assert(
      fc.property(hibcParts, (parts) => {
        const built = buildHibc(parts, ref);
        const di = parts.lic + parts.pcn + String(parts.unitOfMeasure);
        expect(parsedOk(built.primary.data)).toStrictEqual(built.primary.udi);
        expect(parsedOk(built.primary.hri)).toStrictEqual(built.primary.udi);
        expect(built.primary.udi.di).toBe(di);
        if (!built.concatenated || !built.secondary) {
          expect(
            [parts.lot, parts.serial, parts.expiry, parts.productionDate, parts.quantity].every(
              (x) => x === undefined,
            ),
          ).toBe(true);
          return;
        }
        const { lot, serial, expiry, productionDate } = parts;
        const fields = defined({ lot, serial, expiry, productionDate });
        expect(parsedOk(`]C0${built.concatenated.data}`)).toMatchObject({ di, ...fields });
        expect(built.concatenated.udi.hibc.quantity).toBe(parts.quantity);
        expect(parsedOk(built.secondary.hri)).toMatchObject(fields);
        expect(built.secondary.udi.hibc.linkCharacter).toBe(built.primary.udi.hibc.checkCharacter);
        expect(udiSchema.parse(built.concatenated.udi)).toStrictEqual(built.concatenated.udi);
      }),
      { numRuns: 300 },
    );
  });
});
