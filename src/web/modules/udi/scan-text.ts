// How scanned data is shown: one visible glyph per character of the input, so
// the character at an error's position can be marked where it is.

const CONTROL_PICTURES_START = 0x2400;

/** A character as shown: control characters (GS, CR, LF …) as their Unicode control pictures (␝). */
export function visibleChar(char: string): string {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 0x20) return String.fromCharCode(CONTROL_PICTURES_START + code);
  if (char === '\u007f') return '\u2421';
  return char;
}

export function visibleText(text: string): string {
  return Array.from(text, visibleChar).join('');
}

export interface MarkedInput {
  before: string;
  /** The character at the position, as given; empty when the position is at the end of the data. */
  at: string;
  after: string;
}

/** Splits the input at a 0-based position (UTF-16 index, as the server counts); null when outside it. */
export function markPosition(input: string, position: number | undefined): MarkedInput | null {
  if (position === undefined || !Number.isInteger(position)) return null;
  if (position < 0 || position > input.length) return null;
  return {
    before: input.slice(0, position),
    at: input.slice(position, position + 1),
    after: input.slice(position + 1),
  };
}
