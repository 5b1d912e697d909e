// GS1 Digital Link URIs: reading one into raw elements (any host, any path prefix
// before the primary key, qualifiers in the dictionary's `dlpkey` order, data
// attributes as query parameters) and writing the canonical one on id.gs1.org.
import { findAi, isDigitalLinkPrimaryKey } from './gs1-ai.ts';
import type { RawElement } from './gs1-validate.ts';
import { UdiError, atPosition } from './udi.errors.ts';

export const CANONICAL_DL_STEM = 'https://id.gs1.org';

interface Segment {
  text: string;
  position: number;
}

function fail(code: UdiError['code'], message: string, position?: number, ai?: string): never {
  throw new UdiError({
    code,
    message: message + atPosition(position),
    ...(position === undefined ? {} : { position }),
    ...(ai === undefined ? {} : { ai }),
  });
}

export function looksLikeDigitalLink(data: string): boolean {
  return /^https?:\/\//i.test(data);
}

function percentDecode(
  segment: Segment,
  plusIsSpace: boolean,
): { value: string; charPositions: number[] } {
  let value = '';
  const charPositions: number[] = [];
  const { text } = segment;
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    charPositions.push(segment.position + i);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      value += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else {
      value += plusIsSpace && text[i] === '+' ? ' ' : text.charAt(i);
    }
  }
  return { value, charPositions };
}

function isSubsequence(sequence: readonly string[], order: readonly string[]): boolean {
  let from = 0;
  for (const ai of sequence) {
    const index = order.indexOf(ai, from);
    if (index === -1) return false;
    from = index + 1;
  }
  return true;
}

function qualifiersFit(key: string, qualifiers: readonly string[]): boolean {
  const alternatives = findAi(key)?.dlPrimaryKey ?? [];
  return alternatives.some((order) => isSubsequence(qualifiers, order));
}

function describeOrders(key: string): string {
  const alternatives = findAi(key)?.dlPrimaryKey ?? [];
  const orders = alternatives.filter((order) => order.length > 0);
  if (orders.length === 0) return `(${key}) takes no key qualifiers`;
  return `after (${key}) the key qualifiers go in the order ${orders.map((order) => order.map((ai) => `(${ai})`).join(' ')).join(' or ')}`;
}

function splitWithPositions(text: string, separator: string, start: number): Segment[] {
  const segments: Segment[] = [];
  let position = start;
  for (const piece of text.split(separator)) {
    segments.push({ text: piece, position });
    position += piece.length + separator.length;
  }
  return segments;
}

/** Reads a GS1 Digital Link URI; `offset` is where `uri` starts in the input. */
export function parseDigitalLink(uri: string, offset = 0): RawElement[] {
  const scheme = /^https?:\/\//i.exec(uri);
  const hostEnd = scheme ? uri.indexOf('/', scheme[0].length) : -1;
  if (!scheme || hostEnd <= scheme[0].length) {
    fail(
      'DL_NOT_A_DIGITAL_LINK',
      'A GS1 Digital Link needs http(s)://host/ followed by a path',
      offset,
    );
  }
  const fragment = uri.indexOf('#', hostEnd);
  const end = fragment === -1 ? uri.length : fragment;
  const queryMark = uri.indexOf('?', hostEnd);
  const query = queryMark !== -1 && queryMark < end ? queryMark : -1;
  const path = uri.slice(hostEnd + 1, query === -1 ? end : query);
  const segments = splitWithPositions(
    path.endsWith('/') ? path.slice(0, -1) : path,
    '/',
    offset + hostEnd + 1,
  );

  // Walk back over "/AI/value" pairs to the rightmost primary key: whatever lies
  // before it is the resolver's own path prefix.
  let root = -1;
  for (let k = segments.length - 2; k >= 0; k -= 2) {
    const text = segments[k]?.text ?? '';
    if (!/^\d{2,4}$/.test(text) || !findAi(text)) break;
    if (isDigitalLinkPrimaryKey(text)) {
      root = k;
      break;
    }
  }
  if (root === -1) {
    fail(
      'DL_NOT_A_DIGITAL_LINK',
      'The URI path has no GS1 primary key such as /01/{gtin}',
      offset + hostEnd,
    );
  }

  const elements: RawElement[] = [];
  const pathAis: string[] = [];
  for (let k = root; k + 1 < segments.length; k += 2) {
    const aiSegment = segments[k];
    const valueSegment = segments[k + 1];
    if (!aiSegment || !valueSegment) break;
    const ai = aiSegment.text;
    let { value, charPositions } = percentDecode(valueSegment, false);
    // Zero-suppressed GTIN-8/12/13 in the path: pad to GTIN-14 (the check digit is unchanged).
    if (ai === '01' && /^(\d{8}|\d{12}|\d{13})$/.test(value)) {
      const pad = 14 - value.length;
      value = value.padStart(14, '0');
      charPositions = [...Array<number>(pad).fill(valueSegment.position), ...charPositions];
    }
    const key = pathAis[0];
    if (key !== undefined && !qualifiersFit(key, [...pathAis.slice(1), ai])) {
      fail(
        'DL_BAD_PATH_ORDER',
        `Digital Link path: (${ai}) is not allowed here; ${describeOrders(key)}`,
        aiSegment.position,
        ai,
      );
    }
    pathAis.push(ai);
    elements.push({
      ai,
      value,
      aiPosition: aiSegment.position,
      valuePosition: valueSegment.position,
      charPositions,
    });
  }

  if (query !== -1) {
    const key = pathAis[0] ?? '';
    const qualifiers = pathAis.slice(1);
    for (const param of splitWithPositions(uri.slice(query + 1, end), '&', offset + query + 1)) {
      const equals = param.text.indexOf('=');
      const name = equals === -1 ? '' : param.text.slice(0, equals);
      // Parameters that are not AIs (no '=', or a non-numeric name) are ignored.
      if (!/^\d+$/.test(name)) continue;
      if (!findAi(name))
        fail(
          'GS1_UNKNOWN_AI',
          `Query parameter ${name} is not a GS1 Application Identifier`,
          param.position,
          name,
        );
      for (let j = 0; j <= qualifiers.length; j++) {
        const trial = [...qualifiers.slice(0, j), name, ...qualifiers.slice(j)];
        if (qualifiersFit(key, trial)) {
          fail(
            'DL_QUALIFIER_IN_QUERY',
            `AI (${name}) is a key qualifier of (${key}) and belongs in the path, not the query`,
            param.position,
            name,
          );
        }
      }
      if (!findAi(name)?.dlDataAttribute) {
        fail(
          'DL_NOT_A_DATA_ATTRIBUTE',
          `AI (${name}) is not permitted as a Digital Link data attribute`,
          param.position,
          name,
        );
      }
      const valueSegment = {
        text: param.text.slice(equals + 1),
        position: param.position + equals + 1,
      };
      const { value, charPositions } = percentDecode(valueSegment, true);
      elements.push({
        ai: name,
        value,
        aiPosition: param.position,
        valuePosition: valueSegment.position,
        charPositions,
      });
    }
  }
  return elements;
}

function encodeComponent(value: string): string {
  let out = '';
  for (const char of value) {
    out += /[A-Za-z0-9\-._~]/.test(char)
      ? char
      : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The canonical Digital Link of validated elements: the primary key `key`, then the
 * qualifiers present in the order of the `dlpkey` alternative that covers most of
 * them, then every other element as a query parameter in the order given. Undefined
 * when some element may not be a data attribute.
 */
export function buildDigitalLink(
  key: string,
  elements: readonly { ai: string; value: string }[],
  stem = CANONICAL_DL_STEM,
): string | undefined {
  const present = new Map(elements.map(({ ai, value }) => [ai, value]));
  const alternatives = findAi(key)?.dlPrimaryKey ?? [[]];
  let best: readonly string[] = [];
  for (const order of alternatives) {
    const used = order.filter((ai) => present.has(ai));
    if (used.length > best.length) best = used;
  }
  const pathAis = [key, ...best];
  const path = pathAis.map((ai) => `/${ai}/${encodeComponent(present.get(ai) ?? '')}`).join('');
  const attributes = elements.filter(({ ai }) => !pathAis.includes(ai));
  if (attributes.some(({ ai }) => !findAi(ai)?.dlDataAttribute)) return undefined;
  const query = attributes.map(({ ai, value }) => `${ai}=${encodeComponent(value)}`).join('&');
  return stem.replace(/\/$/, '') + path + (query ? `?${query}` : '');
}
