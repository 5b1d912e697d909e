// Conformance against the GS1 Barcode Syntax Dictionary in the shared standards
// fixtures ($LOTLINE_FIXTURES/gs1/gs1-syntax-dictionary.txt). The dictionary is read
// here with its own small parser, independent of scripts/generate-gs1-ai-table.ts,
// and compared with the committed table. Required in CI; skipped elsewhere when absent.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDEFINED_LENGTH_BY_PREFIX, aiMatchesPattern } from './gs1-ai.ts';
import { GS1_AI_TABLE } from './gs1-ai-table.ts';
import type { Gs1AiDefinition, Gs1Component } from './gs1-ai-types.ts';
import { isImplementedLinter } from './gs1-linters.ts';

const fixtures = process.env.LOTLINE_FIXTURES;
const dictionaryPath = fixtures
  ? path.join(fixtures, 'gs1', 'gs1-syntax-dictionary.txt')
  : undefined;
const missing =
  dictionaryPath === undefined
    ? 'LOTLINE_FIXTURES is not set'
    : fs.existsSync(dictionaryPath)
      ? undefined
      : `no file at ${dictionaryPath}`;
const skipped =
  missing === undefined
    ? ''
    : ` [skipped: ${missing}; point LOTLINE_FIXTURES at ../shared/fixtures]`;

interface DictionaryEntry {
  ai: string;
  flags: string;
  specTokens: string[];
  attributes: string[];
  title: string;
}

const LINE =
  /^(\d{2,4})(?:-(\d{2,4}))?\s+([*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]*)\s*(.*?)\s*(?:#\s*(.*?)\s*)?$/;

function readDictionary(): DictionaryEntry[] {
  const text = fs.readFileSync(dictionaryPath ?? '', 'utf8');
  const entries: DictionaryEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`unreadable dictionary line: ${line}`);
    const [, first = '', last = first, flags = '', body = '', title = ''] = match;
    const words = body.split(/\s+/).filter((word) => word !== '');
    const specTokens = words.filter((word) => /^\[?[NXYZ]/.test(word));
    const attributes = words.filter((word) => !/^\[?[NXYZ]/.test(word));
    for (let n = Number(first); n <= Number(last); n++) {
      entries.push({
        ai: String(n).padStart(first.length, '0'),
        flags,
        specTokens,
        attributes,
        title,
      });
    }
  }
  return entries;
}

let cached: DictionaryEntry[] | undefined;
const dictionary = (): DictionaryEntry[] => (cached ??= readDictionary());
const table = new Map(GS1_AI_TABLE.map((entry) => [entry.ai, entry]));

function componentText(component: Gs1Component): string {
  const length = component.min === component.max ? `${component.max}` : `..${component.max}`;
  const type = `${component.cset}${length}`;
  return [component.optional ? `[${type}]` : type, ...component.linters].join(',');
}

function attributesText(entry: Gs1AiDefinition): string[] {
  const texts = entry.req.map(
    (alternatives) => `req=${alternatives.map((group) => group.join('+')).join(',')}`,
  );
  if (entry.ex.length > 0) texts.push(`ex=${entry.ex.join(',')}`);
  if (entry.dlPrimaryKey) {
    const alternatives = entry.dlPrimaryKey.map((order) => order.join(','));
    texts.push(
      alternatives.every((order) => order === '') ? 'dlpkey' : `dlpkey=${alternatives.join('|')}`,
    );
  }
  return texts.sort();
}

function normaliseAttributes(attributes: string[]): string[] {
  // Several ex= attributes mean the union; Lotline keeps them as one list.
  const ex = attributes
    .filter((attribute) => attribute.startsWith('ex='))
    .map((attribute) => attribute.slice(3));
  const others = attributes.filter((attribute) => !attribute.startsWith('ex='));
  return [...others, ...(ex.length > 0 ? [`ex=${ex.join(',')}`] : [])].sort();
}

describe('GS1 Barcode Syntax Dictionary conformance', () => {
  if (missing !== undefined && process.env.CI) {
    it('finds the dictionary, which CI requires', () => {
      throw new Error(
        `GS1 syntax dictionary not found: ${missing}. CI must have ../shared/fixtures.`,
      );
    });
  }

  it.skipIf(missing !== undefined)(
    `lists every dictionary AI, in order, and no other${skipped}`,
    () => {
      expect(GS1_AI_TABLE.map((entry) => entry.ai)).toEqual(dictionary().map((entry) => entry.ai));
    },
  );

  it.skipIf(missing !== undefined)(
    `has each AI's title, flags, format and attributes${skipped}`,
    () => {
      for (const expected of dictionary()) {
        const entry = table.get(expected.ai);
        const where = `AI (${expected.ai})`;
        expect(entry, where).toBeDefined();
        if (!entry) continue;
        expect(entry.title, where).toBe(expected.title);
        expect(entry.predefinedLength, where).toBe(expected.flags.includes('*'));
        expect(entry.dlDataAttribute, where).toBe(expected.flags.includes('?'));
        expect(entry.spec, where).toBe(expected.specTokens.join(' '));
        expect(entry.components.map(componentText), where).toEqual(expected.specTokens);
        expect(attributesText(entry), where).toEqual(normaliseAttributes(expected.attributes));
      }
    },
  );

  it.skipIf(missing !== undefined)(`implements every linter the dictionary names${skipped}`, () => {
    const named = new Set(
      dictionary().flatMap((entry) =>
        entry.specTokens.flatMap((token) => token.split(',').slice(1)),
      ),
    );
    expect([...named].filter((name) => !isImplementedLinter(name))).toEqual([]);
  });

  it.skipIf(missing !== undefined)(
    `agrees with the pre-defined length table of figure 7.8.5-2${skipped}`,
    () => {
      for (const { ai, flags } of dictionary()) {
        const total = PREDEFINED_LENGTH_BY_PREFIX[ai.slice(0, 2)];
        expect(flags.includes('*'), `AI (${ai}) flag '*'`).toBe(total !== undefined);
        const entry = table.get(ai);
        if (total === undefined || !entry) continue;
        const fixed = entry.components.every(
          (component) => component.min === component.max && !component.optional,
        );
        const length = entry.components.reduce((sum, component) => sum + component.max, 0);
        expect({ ai, fixed, length }).toEqual({ ai, fixed: true, length: total - ai.length });
      }
    },
  );

  it.skipIf(missing !== undefined)(
    `refers only to AIs that exist in req, ex and dlpkey${skipped}`,
    () => {
      const ais = dictionary().map((entry) => entry.ai);
      const patterns = GS1_AI_TABLE.flatMap((entry) => [
        ...entry.req.flat(2),
        ...entry.ex,
        ...(entry.dlPrimaryKey ?? []).flat(),
      ]);
      const dangling = patterns.filter(
        (pattern) => !ais.some((ai) => aiMatchesPattern(ai, pattern)),
      );
      expect([...new Set(dangling)]).toEqual([]);
    },
  );
});
