// Lookups over Lotline's AI table, and the GS1 rules about AIs that the
// dictionary does not carry (the pre-defined length table, AI patterns).
import { GS1_AI_TABLE } from './gs1-ai-table.ts';
import type { Gs1AiDefinition } from './gs1-ai-types.ts';

const BY_AI = new Map<string, Gs1AiDefinition>(GS1_AI_TABLE.map((entry) => [entry.ai, entry]));

/**
 * GS1 General Specifications figure 7.8.5-2 ("element strings with pre-defined
 * length using GS1 Application Identifiers"): the first two digits of an AI and the
 * total length of AI plus data. These element strings never need an FNC1 after them;
 * the table is fixed, so it holds for AIs not yet assigned (04, 14, 18, 19).
 */
export const PREDEFINED_LENGTH_BY_PREFIX: Readonly<Record<string, number>> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};

export function findAi(ai: string): Gs1AiDefinition | undefined {
  return BY_AI.get(ai);
}

/** The known AI that starts at `position` of `data` (AIs are prefix-free), if any. */
export function findAiAt(data: string, position: number): Gs1AiDefinition | undefined {
  for (const length of [2, 3, 4]) {
    const candidate = data.slice(position, position + length);
    if (candidate.length === length && /^\d+$/.test(candidate)) {
      const entry = BY_AI.get(candidate);
      if (entry) return entry;
    }
  }
  return undefined;
}

/** Length of the data field after the AI when the AI has a pre-defined length. */
export function predefinedDataLength(ai: string): number | undefined {
  const total = PREDEFINED_LENGTH_BY_PREFIX[ai.slice(0, 2)];
  return total === undefined ? undefined : total - ai.length;
}

/** Whether an AI matches a dictionary pattern such as `31nn` (`n` = any digit). */
export function aiMatchesPattern(ai: string, pattern: string): boolean {
  if (ai.length !== pattern.length) return false;
  for (let i = 0; i < ai.length; i++) {
    const p = pattern[i];
    if (p !== 'n' && p !== ai[i]) return false;
  }
  return true;
}

export function isDigitalLinkPrimaryKey(ai: string): boolean {
  return BY_AI.get(ai)?.dlPrimaryKey !== undefined;
}

export function titleOf(ai: string): string {
  return BY_AI.get(ai)?.title ?? '';
}
