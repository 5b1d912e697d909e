// Date rules shared by GS1 and HIBC.
//
// Two-digit years follow the GS1 General Specifications 7.12 sliding window: with
// the current year's last two digits C, a YY for which YY - C is 51…99 belongs to the
// previous century, -99…-50 to the next one, anything else to the current century.
// So in 2026, 77…99 read as 1977…1999 and 00…76 as 2000…2076.
// "Current" is the `referenceDate` option (UTC), defaulting to now.

export interface UdiDateOptions {
  /** The date the sliding century window is centred on; defaults to now. */
  referenceDate?: Date;
}

export function referenceYear(options: UdiDateOptions = {}): number {
  return (options.referenceDate ?? new Date()).getUTCFullYear();
}

export function yearFromTwoDigits(yy: number, currentYear: number): number {
  const currentCentury = Math.floor(currentYear / 100) * 100;
  const difference = yy - (currentYear % 100);
  if (difference >= 51) return currentCentury - 100 + yy;
  if (difference <= -50) return currentCentury + 100 + yy;
  return currentCentury + yy;
}

/** Whether `year` reads back as itself through the sliding window. */
export function isInCenturyWindow(year: number, currentYear: number): boolean {
  return yearFromTwoDigits(year % 100, currentYear) === year;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The problem with a calendar date, as the offset (0 = year, 1 = month, 2 = day) and a reason. */
export type DateProblem = { part: 'month' | 'day'; reason: string } | undefined;

export function checkCalendarDate(
  year: number,
  month: number,
  day: number,
  allowDayZero: boolean,
): DateProblem {
  if (month < 1 || month > 12) return { part: 'month', reason: `month ${month} does not exist` };
  if (day === 0 && allowDayZero) return undefined;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { part: 'day', reason: `${toIsoDate(year, month, 1).slice(0, 7)} has no day ${day}` };
  }
  return undefined;
}

/**
 * The ISO date for a GS1 YYMMDD value (already validated). Day 00 ("no day given",
 * allowed by the `yymmd0` linter) becomes the last day of that month: a product
 * marked to expire in 2027-02 may be used throughout February 2027.
 */
export function gs1DateToIso(yymmdd: string, currentYear: number): string {
  const year = yearFromTwoDigits(Number(yymmdd.slice(0, 2)), currentYear);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return toIsoDate(year, month, day === 0 ? daysInMonth(year, month) : day);
}

/** Parses `YYYY-MM-DD` (or `YYYY-MM`, meaning no day) into numbers; day 0 when absent. */
export function parseIsoDate(
  value: string,
): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 0 : Number(match[3]);
  if (match[3] !== undefined && day === 0) return undefined;
  return checkCalendarDate(year, month, day, true) ? undefined : { year, month, day };
}
