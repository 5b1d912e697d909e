// Validates parsed GS1 element strings against Lotline's AI table: each value
// against its components, character sets and linters, then the message as a whole
// (duplicates, mutually exclusive AIs, required companions).
import { aiMatchesPattern, findAi } from './gs1-ai.ts';
import type { Gs1AiDefinition } from './gs1-ai-types.ts';
import { describeCharset, firstCharOutside, runLinter } from './gs1-linters.ts';
import { UdiError, atPosition } from './udi.errors.ts';

/** One AI and its value as read from the input, before validation. */
export interface RawElement {
  ai: string;
  value: string;
  /** Where the AI starts in the input. */
  aiPosition: number;
  /** Where the value starts in the input. */
  valuePosition: number;
  /** Input position of each value character, when the value was decoded (percent-encoding). */
  charPositions?: readonly number[];
}

export interface ValidElement {
  ai: string;
  value: string;
  definition: Gs1AiDefinition;
  position: number;
}

function positionOf(element: RawElement, offset: number): number {
  return element.charPositions?.[offset] ?? element.valuePosition + offset;
}

function fail(
  code: UdiError['code'],
  ai: string | undefined,
  position: number | undefined,
  message: string,
): never {
  throw new UdiError({
    code,
    message: message + atPosition(position),
    ...(ai === undefined ? {} : { ai }),
    ...(position === undefined ? {} : { position }),
  });
}

export function requireKnownAi(ai: string, position: number): Gs1AiDefinition {
  return (
    findAi(ai) ??
    fail('GS1_UNKNOWN_AI', ai, position, `(${ai}) is not a GS1 Application Identifier`)
  );
}

function lengthBounds(definition: Gs1AiDefinition): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const component of definition.components) {
    if (!component.optional) min += component.min;
    max += component.max;
  }
  return { min, max };
}

export function validateElementValue(
  element: RawElement,
  definition: Gs1AiDefinition,
  currentYear: number,
): void {
  const { ai, value } = element;
  const bounds = lengthBounds(definition);
  const tooShort = (): never =>
    fail(
      'GS1_BAD_LENGTH',
      ai,
      element.valuePosition,
      value.length === 0
        ? `AI (${ai}) has no data`
        : `AI (${ai}) data '${value}' is too short: ${value.length} characters where ${bounds.min === bounds.max ? bounds.min : `at least ${bounds.min}`} are needed`,
    );
  if (value.length === 0) tooShort();
  let offset = 0;
  for (const component of definition.components) {
    const remaining = value.length - offset;
    if (remaining === 0 && component.optional) break;
    const take =
      component.min === component.max ? component.min : Math.min(remaining, component.max);
    if (remaining < Math.max(take, component.min)) tooShort();
    const part = value.slice(offset, offset + take);
    const bad = firstCharOutside(part, component.cset);
    if (bad !== -1) {
      const char = JSON.stringify(part.charAt(bad));
      fail(
        'GS1_BAD_CHARSET',
        ai,
        positionOf(element, offset + bad),
        `AI (${ai}) contains ${char}, which is not in ${describeCharset(component.cset)}`,
      );
    }
    for (const linter of component.linters) {
      const problem = runLinter(linter, part, currentYear);
      if (problem) {
        fail(
          problem.code,
          ai,
          positionOf(element, offset + problem.offset),
          `AI (${ai}) value '${value}': ${problem.reason}`,
        );
      }
    }
    offset += take;
  }
  if (offset < value.length) {
    fail(
      'GS1_BAD_LENGTH',
      ai,
      positionOf(element, offset),
      `AI (${ai}) data is too long: ${value.length} characters where at most ${bounds.max} are allowed`,
    );
  }
}

function describeGroups(groups: readonly (readonly string[])[]): string {
  return groups.map((group) => group.map((ai) => `(${ai})`).join(' with ')).join(' or ');
}

/** Checks duplicates, `ex=` and `req=` over the whole message; returns it without repeats. */
export function checkAssociations(elements: readonly ValidElement[]): ValidElement[] {
  const unique: ValidElement[] = [];
  for (const element of elements) {
    const earlier = unique.find((other) => other.ai === element.ai);
    if (!earlier) {
      unique.push(element);
    } else if (earlier.value !== element.value) {
      fail(
        'GS1_DUPLICATE_AI',
        element.ai,
        element.position,
        `AI (${element.ai}) appears twice with different values '${earlier.value}' and '${element.value}'`,
      );
    }
  }
  for (const element of unique) {
    for (const pattern of element.definition.ex) {
      const clash = unique.find(
        (other) => other.ai !== element.ai && aiMatchesPattern(other.ai, pattern),
      );
      if (clash) {
        const later = clash.position > element.position ? clash : element;
        fail(
          'GS1_EXCLUDED_AI_COMBINATION',
          later.ai,
          later.position,
          `AI (${clash.ai}) must not appear together with AI (${element.ai})`,
        );
      }
    }
  }
  const present = (pattern: string): boolean =>
    unique.some((other) => aiMatchesPattern(other.ai, pattern));
  for (const element of unique) {
    for (const alternatives of element.definition.req) {
      if (!alternatives.some((group) => group.every(present))) {
        fail(
          'GS1_MISSING_REQUIRED_AI',
          element.ai,
          element.position,
          `AI (${element.ai}) requires ${describeGroups(alternatives)} in the same data`,
        );
      }
    }
  }
  return unique;
}

/** Validates every element, then the associations between them. */
export function validateGs1Elements(
  raw: readonly RawElement[],
  currentYear: number,
): ValidElement[] {
  if (raw.length === 0)
    fail('GS1_EMPTY', undefined, undefined, 'The data holds no GS1 element string');
  const elements = raw.map((element) => {
    const definition = requireKnownAi(element.ai, element.aiPosition);
    validateElementValue(element, definition, currentYear);
    return { ai: element.ai, value: element.value, definition, position: element.aiPosition };
  });
  return checkAssociations(elements);
}
