// Turns validated GS1 elements into Lotline's normalised object. Every input form
// of the same data (bracketed, unbracketed, scan data, Digital Link) ends here and
// so yields the same object.
import { isDigitalLinkPrimaryKey, predefinedDataLength } from './gs1-ai.ts';
import { buildDigitalLink } from './digital-link.ts';
import { toBracketed } from './gs1-parse.ts';
import type { ValidElement } from './gs1-validate.ts';
import type { Gs1Udi } from './udi.contract.ts';
import { gs1DateToIso } from './udi-dates.ts';

function compareAis(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Digital Link primary key: the first of the data's primary-key AIs in AI order. */
export function pickPrimaryKey(elements: readonly { ai: string }[]): string | undefined {
  return elements
    .map(({ ai }) => ai)
    .filter(isDigitalLinkPrimaryKey)
    .sort(compareAis)[0];
}

/**
 * Canonical order: the primary key first, then AIs of pre-defined length, then the
 * others, each group by AI. It is also a sensible encoding order: the pre-defined
 * AIs need no FNC1, so only separators between variable-length AIs remain.
 */
export function canonicalOrder<T extends { ai: string }>(
  elements: readonly T[],
  key: string | undefined,
): T[] {
  const rank = (ai: string): number =>
    ai === key ? 0 : predefinedDataLength(ai) === undefined ? 2 : 1;
  return [...elements].sort((a, b) => rank(a.ai) - rank(b.ai) || compareAis(a.ai, b.ai));
}

export function normaliseGs1(elements: readonly ValidElement[], currentYear: number): Gs1Udi {
  const key = pickPrimaryKey(elements);
  const ordered = canonicalOrder(elements, key).map(({ ai, value, definition }) => ({
    ai,
    title: definition.title,
    value,
  }));
  const valueOf = (ai: string): string | undefined =>
    ordered.find((element) => element.ai === ai)?.value;
  const gtin = valueOf('01');
  const sscc = valueOf('00');
  const lot = valueOf('10');
  const serial = valueOf('21');
  const expiry = valueOf('17');
  const production = valueOf('11');
  const digitalLink = key === undefined ? undefined : buildDigitalLink(key, ordered);
  return {
    agency: 'GS1',
    ...(gtin === undefined ? {} : { di: gtin, gtin }),
    ...(sscc === undefined ? {} : { sscc }),
    ...(lot === undefined ? {} : { lot }),
    ...(serial === undefined ? {} : { serial }),
    ...(expiry === undefined ? {} : { expiry: gs1DateToIso(expiry, currentYear) }),
    ...(production === undefined ? {} : { productionDate: gs1DateToIso(production, currentYear) }),
    elements: ordered,
    bracketed: toBracketed(ordered),
    ...(digitalLink === undefined ? {} : { digitalLink }),
  };
}
