// HIBC Supplier Labeling Standard (ANSI/HIBC 2.6) data structures: primary (the
// UDI-DI), secondary (lot/serial/dates) and the two concatenated with '/', each
// closed by a mod-43 check character.
import type { HibcDateFormat, HibcDetails, HibcUdi } from './udi.contract.ts';
import { UdiError, atPosition, type UdiErrorCode } from './udi.errors.ts';
import {
  checkCalendarDate,
  daysInMonth,
  isLeapYear,
  toIsoDate,
  yearFromTwoDigits,
} from './udi-dates.ts';

/** The 43 characters of Code 39 in check-character value order (0-9 = 0-9, A = 10 … % = 42). */
export const HIBC_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

function fail(code: UdiErrorCode, message: string, position: number): never {
  throw new UdiError({ code, message: message + atPosition(position), position });
}

/** The mod-43 check character of `data` (everything from the leading '+'). */
export function computeHibcCheckCharacter(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const value = HIBC_CHARACTERS.indexOf(data.charAt(i));
    if (value < 0)
      fail('HIBC_BAD_FORMAT', `${JSON.stringify(data.charAt(i))} is not an HIBC character`, i);
    sum += value;
  }
  return HIBC_CHARACTERS.charAt(sum % 43);
}

export function looksLikeHibc(data: string): boolean {
  return data.startsWith('+') || data.startsWith('*+');
}

interface DateField {
  expiry: string;
  format: HibcDateFormat;
  hour?: number;
}

const DATE_FLAG_FORMATS: Record<string, HibcDateFormat> = {
  '2': 'MMDDYY',
  '3': 'YYMMDD',
  '4': 'YYMMDDHH',
  '5': 'YYJJJ',
  '6': 'YYJJJHH',
};
export const HIBC_DATE_LENGTHS: Record<HibcDateFormat, number> = {
  MMYY: 4,
  MMDDYY: 6,
  YYMMDD: 6,
  YYMMDDHH: 8,
  YYJJJ: 5,
  YYJJJHH: 7,
  YYYYMMDD: 8,
};

/** Reads a date field in one of the HIBC formats; MMYY gives the month's last day. */
export function readHibcDate(
  text: string,
  format: HibcDateFormat,
  position: number,
  currentYear: number,
): DateField {
  const bad = (reason: string): never =>
    fail('HIBC_INVALID_DATE', `HIBC ${format} date '${text}' ${reason}`, position);
  if (text.length !== HIBC_DATE_LENGTHS[format] || !/^\d+$/.test(text))
    bad('must be digits of that length');
  const n = (from: number, length = 2): number => Number(text.slice(from, from + length));
  const century = (yy: number): number => yearFromTwoDigits(yy, currentYear);
  let year: number;
  let month: number;
  let day: number;
  let hour: number | undefined;
  if (format === 'YYJJJ' || format === 'YYJJJHH') {
    year = century(n(0));
    const dayOfYear = n(2, 3);
    if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365))
      bad(`has no day ${dayOfYear} in ${year}`);
    const date = new Date(Date.UTC(year, 0, dayOfYear));
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
    if (format === 'YYJJJHH') hour = n(5);
  } else if (format === 'MMYY') {
    month = n(0);
    year = century(n(2));
    day = month >= 1 && month <= 12 ? daysInMonth(year, month) : 1;
  } else if (format === 'MMDDYY') {
    [month, day, year] = [n(0), n(2), century(n(4))];
  } else if (format === 'YYYYMMDD') {
    [year, month, day] = [n(0, 4), n(4), n(6)];
  } else {
    [year, month, day] = [century(n(0)), n(2), n(4)];
    if (format === 'YYMMDDHH') hour = n(6);
  }
  const problem = checkCalendarDate(year, month, day, false);
  if (problem) bad(`is not a date: ${problem.reason}`);
  if (hour !== undefined && hour > 23) bad(`has no hour ${hour}`);
  return { expiry: toIsoDate(year, month, day), format, ...(hour === undefined ? {} : { hour }) };
}

interface Secondary {
  flag: NonNullable<HibcDetails['secondaryFlag']>;
  quantity?: number;
  expiry?: DateField;
  lot?: string;
  serial?: string;
  productionDate?: string;
}

function readIdentifier(
  text: string,
  position: number,
  max: number,
  what: string,
): string | undefined {
  if (!/^[A-Z0-9]*$/.test(text) || text.length > max) {
    fail(
      'HIBC_BAD_FORMAT',
      `HIBC ${what} must be up to ${max} characters A-Z 0-9, not '${text}'`,
      position,
    );
  }
  return text === '' ? undefined : text;
}

/** `body` is the secondary data without '+', link and check characters; `at` its input position. */
function readSecondary(body: string, at: number, currentYear: number): Secondary {
  const flag: Secondary['flag'] | undefined = body.startsWith('$$+')
    ? '$$+'
    : body.startsWith('$$')
      ? '$$'
      : body.startsWith('$+')
        ? '$+'
        : body.startsWith('$')
          ? '$'
          : /^\d{5}/.test(body)
            ? 'julian'
            : undefined;
  if (flag === undefined)
    fail(
      'HIBC_BAD_FORMAT',
      'HIBC secondary data must start with $$, $$+, $, $+ or a YYJJJ date',
      at,
    );
  const result: Secondary = { flag };
  let i = flag === 'julian' ? 0 : flag.length;
  if (flag === '$$' || flag === '$$+') {
    const quantityLength = body[i] === '8' ? 2 : body[i] === '9' ? 5 : 0;
    if (quantityLength > 0) {
      const quantity = body.slice(i + 1, i + 1 + quantityLength);
      if (!/^\d+$/.test(quantity) || quantity.length !== quantityLength) {
        fail('HIBC_BAD_FORMAT', `HIBC quantity must be ${quantityLength} digits`, at + i);
      }
      result.quantity = Number(quantity);
      i += 1 + quantityLength;
    }
    const flagChar = body.charAt(i);
    // For MMYY the "flag" is the first digit of the month itself (0 or 1).
    const format: HibcDateFormat | undefined =
      flagChar === '0' || flagChar === '1' ? 'MMYY' : DATE_FLAG_FORMATS[flagChar];
    if (format !== undefined) {
      const start = format === 'MMYY' ? i : i + 1;
      const length = HIBC_DATE_LENGTHS[format];
      result.expiry = readHibcDate(
        body.slice(start, start + length),
        format,
        at + start,
        currentYear,
      );
      i = start + length;
    } else if (flagChar === '7') {
      i += 1;
    } else {
      fail('HIBC_BAD_FORMAT', `HIBC ${flag} must be followed by a date format digit 0-7`, at + i);
    }
  } else if (flag === 'julian') {
    result.expiry = readHibcDate(body.slice(0, 5), 'YYJJJ', at, currentYear);
    i = 5;
  }
  const [identifier = '', ...supplements] = body.slice(i).split('/');
  const isSerialFlag = flag === '$$+' || flag === '$+';
  const id = readIdentifier(
    identifier,
    at + i,
    flag === 'julian' ? 13 : 18,
    isSerialFlag ? 'serial number' : 'lot number',
  );
  if (id !== undefined) result[isSerialFlag ? 'serial' : 'lot'] = id;
  let position = at + i + identifier.length + 1;
  for (const supplement of supplements) {
    if (supplement.startsWith('S') && !isSerialFlag && result.serial === undefined) {
      const serial = readIdentifier(supplement.slice(1), position + 1, 18, 'serial number');
      if (serial !== undefined) result.serial = serial;
    } else if (supplement.startsWith('16D') && result.productionDate === undefined) {
      result.productionDate = readHibcDate(
        supplement.slice(3),
        'YYYYMMDD',
        position + 3,
        currentYear,
      ).expiry;
    } else if (supplement.startsWith('14D') && result.expiry === undefined) {
      result.expiry = readHibcDate(supplement.slice(3), 'YYYYMMDD', position + 3, currentYear);
    } else {
      fail(
        'HIBC_BAD_FORMAT',
        `HIBC supplemental field '/${supplement}' is unknown or repeated`,
        position - 1,
      );
    }
    position += supplement.length + 1;
  }
  return result;
}

function readPrimary(
  body: string,
  at: number,
): { lic: string; pcn: string; unitOfMeasure: number } {
  const match = /^([A-Z][A-Z0-9]{3})([A-Z0-9]{1,18})(\d)$/.exec(body);
  if (!match?.[1] || !match[2] || !match[3]) {
    fail(
      'HIBC_BAD_FORMAT',
      'HIBC primary data must be LIC (4, first alphabetic), PCN (1-18 A-Z 0-9) and a unit-of-measure digit',
      at,
    );
  }
  return { lic: match[1], pcn: match[2], unitOfMeasure: Number(match[3]) };
}

/** Reads HIBC data; `offset` is where `input` starts in the caller's input. */
export function parseHibc(input: string, offset: number, currentYear: number): HibcUdi {
  let text = input;
  let at = offset;
  if (text.length >= 2 && text.startsWith('*') && text.endsWith('*')) {
    text = text.slice(1, -1);
    at += 1;
  }
  // The HRI shows a space (a valid check or link character) as '_'.
  text = text.replace(/_/g, ' ');
  for (let i = 0; i < text.length; i++) {
    if (!HIBC_CHARACTERS.includes(text.charAt(i))) {
      fail(
        'HIBC_BAD_FORMAT',
        `${JSON.stringify(text.charAt(i))} is not an HIBC character (A-Z 0-9 - . space $ / + %)`,
        at + i,
      );
    }
  }
  if (!text.startsWith('+') || text.length < 4)
    fail('HIBC_BAD_FORMAT', "HIBC data starts with '+' and has at least 4 characters", at);
  const check = text.charAt(text.length - 1);
  const expected = computeHibcCheckCharacter(text.slice(0, -1));
  if (check !== expected) {
    fail(
      'HIBC_CHECK_CHARACTER',
      `HIBC check character is '${check}' but the data needs '${expected}'`,
      at + text.length - 1,
    );
  }
  const second = text.charAt(1);
  let details: HibcDetails;
  let secondary: Secondary | undefined;
  let di: string | undefined;
  if (/[A-Z]/.test(second)) {
    // Not the last character: a check character may itself be '/'.
    const slash = text.slice(0, -1).indexOf('/');
    const primary = readPrimary(text.slice(1, slash === -1 ? -1 : slash), at + 1);
    di = primary.lic + primary.pcn + String(primary.unitOfMeasure);
    if (slash !== -1)
      secondary = readSecondary(text.slice(slash + 1, -1), at + slash + 1, currentYear);
    details = {
      structure: slash === -1 ? 'primary' : 'concatenated',
      ...primary,
      checkCharacter: check,
    };
  } else if (/[0-9$]/.test(second)) {
    secondary = readSecondary(text.slice(1, -2), at + 1, currentYear);
    details = {
      structure: 'secondary',
      linkCharacter: text.charAt(text.length - 2),
      checkCharacter: check,
    };
  } else {
    fail(
      'HIBC_BAD_FORMAT',
      "HIBC data needs a letter (primary) or a digit or '$' (secondary) after '+'",
      at + 1,
    );
  }
  if (secondary) {
    details = {
      ...details,
      secondaryFlag: secondary.flag,
      ...(secondary.quantity === undefined ? {} : { quantity: secondary.quantity }),
      ...(secondary.expiry === undefined ? {} : { expiryFormat: secondary.expiry.format }),
      ...(secondary.expiry?.hour === undefined ? {} : { expiryHour: secondary.expiry.hour }),
    };
  }
  return {
    agency: 'HIBCC',
    ...(di === undefined ? {} : { di }),
    ...(secondary?.lot === undefined ? {} : { lot: secondary.lot }),
    ...(secondary?.serial === undefined ? {} : { serial: secondary.serial }),
    ...(secondary?.expiry === undefined ? {} : { expiry: secondary.expiry.expiry }),
    ...(secondary?.productionDate === undefined
      ? {}
      : { productionDate: secondary.productionDate }),
    data: text,
    hri: `*${text.replace(/ /g, '_')}*`,
    hibc: details,
  };
}
