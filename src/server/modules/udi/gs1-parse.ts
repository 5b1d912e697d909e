// Reads GS1 element strings into raw elements with their input positions:
// bracketed HRI text "(01)…(10)…" and unbracketed data with FNC1 shown as GS (0x1D)
// or '^'. Validation is gs1-validate.ts's job.
import { findAiAt, predefinedDataLength } from './gs1-ai.ts';
import type { RawElement } from './gs1-validate.ts';
import { UdiError, atPosition } from './udi.errors.ts';

export const GS = '\u001d';

export function isSeparator(char: string | undefined): boolean {
  return char === GS || char === '^';
}

/**
 * Bracketed element strings. A '(' inside a value is written '\(' (as the GS1
 * Barcode Syntax Engine does); `offset` is where `data` starts in the input.
 */
export function parseBracketed(data: string, offset = 0): RawElement[] {
  const elements: RawElement[] = [];
  let i = 0;
  while (i < data.length) {
    const close = data.indexOf(')', i);
    const ai = close === -1 ? '' : data.slice(i + 1, close);
    if (data[i] !== '(' || !/^\d{2,4}$/.test(ai)) {
      const position = offset + i;
      throw new UdiError({
        code: 'GS1_UNKNOWN_AI',
        position,
        message: `Expected an Application Identifier in brackets such as (10)${atPosition(position)}`,
      });
    }
    let value = '';
    const charPositions: number[] = [];
    let j = close + 1;
    while (j < data.length && data[j] !== '(') {
      const escaped = data[j] === '\\' && data[j + 1] === '(';
      if (escaped) j++;
      value += data.charAt(j);
      charPositions.push(offset + j);
      j++;
    }
    elements.push({
      ai,
      value,
      aiPosition: offset + i + 1,
      valuePosition: offset + close + 1,
      charPositions,
    });
    i = j;
  }
  return elements;
}

/**
 * Unbracketed element strings, as a scanner transmits them: AIs of pre-defined
 * length (GS1 General Specifications figure 7.8.5-2) run straight into the next AI,
 * others end at a separator. One separator after any element is tolerated (7.8.6.3),
 * and so is a leading FNC1.
 */
export function parseUnbracketed(data: string, offset = 0): RawElement[] {
  const elements: RawElement[] = [];
  let i = isSeparator(data[0]) ? 1 : 0;
  while (i < data.length) {
    if (isSeparator(data[i])) {
      i++;
      continue;
    }
    const definition = findAiAt(data, i);
    if (!definition) {
      const position = offset + i;
      const ahead = [...data.slice(i, i + 4)];
      const cut = ahead.findIndex(isSeparator);
      const seen = (cut === -1 ? ahead : ahead.slice(0, cut)).join('');
      throw new UdiError({
        code: 'GS1_UNKNOWN_AI',
        position,
        message: `No GS1 Application Identifier starts with '${seen}'${atPosition(position)}`,
      });
    }
    const { ai } = definition;
    const valueStart = i + ai.length;
    const fixed = predefinedDataLength(ai);
    let end = valueStart;
    const limit = fixed === undefined ? data.length : Math.min(data.length, valueStart + fixed);
    while (end < limit && !isSeparator(data[end])) end++;
    elements.push({
      ai,
      value: data.slice(valueStart, end),
      aiPosition: offset + i,
      valuePosition: offset + valueStart,
    });
    i = isSeparator(data[end]) ? end + 1 : end;
  }
  return elements;
}

function escapeBracketed(value: string): string {
  return value.replace(/\(/g, '\\(');
}

/** "(01)09506000134352(10)LOT42": the bracketed form of validated elements. */
export function toBracketed(elements: readonly { ai: string; value: string }[]): string {
  return elements.map(({ ai, value }) => `(${ai})${escapeBracketed(value)}`).join('');
}

/**
 * Unbracketed form: an FNC1 (`separator`) after every element whose AI is not of
 * pre-defined length, except the last. `leading` adds an FNC1 in first position.
 */
export function toElementString(
  elements: readonly { ai: string; value: string }[],
  separator: string,
  leading = false,
): string {
  let out = leading ? separator : '';
  elements.forEach(({ ai, value }, index) => {
    out += ai + value;
    const last = index === elements.length - 1;
    if (!last && predefinedDataLength(ai) === undefined) out += separator;
  });
  return out;
}
