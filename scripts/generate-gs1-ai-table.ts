// Generates src/server/modules/udi/gs1-ai-table.ts from the GS1 Barcode Syntax
// Dictionary. Run once when the dictionary changes, review the diff, commit both:
//   node_modules/.bin/node scripts/generate-gs1-ai-table.ts [path/to/gs1-syntax-dictionary.txt]
// Default path: $LOTLINE_FIXTURES/gs1/gs1-syntax-dictionary.txt, else ../shared/fixtures/….
// The runtime never reads the dictionary; the conformance test checks the two agree.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

// Local shapes: the generator does not import the module it writes. A linter name
// the module does not implement makes the generated table fail to typecheck
// (Gs1LinterName in gs1-ai-types.ts), and the conformance test names it.
interface Component {
  cset: string;
  min: number;
  max: number;
  optional: boolean;
  linters: string[];
}

interface Entry {
  ai: string;
  title: string;
  predefinedLength: boolean;
  dlDataAttribute: boolean;
  spec: string;
  components: Component[];
  req: string[][][];
  ex: string[];
  dlPrimaryKey?: string[][];
}

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_FILE = path.join(ROOT, 'src/server/modules/udi/gs1-ai-table.ts');
const FLAG_CHARS = new Set('*!?"$%&\'()+,-./:;<=>@[\\]^_`{|}~');

function defaultDictionaryPath(): string {
  const fixtures = process.env.LOTLINE_FIXTURES ?? path.resolve(ROOT, '../shared/fixtures');
  return path.join(fixtures, 'gs1', 'gs1-syntax-dictionary.txt');
}

function parseComponent(token: string, lineNo: number): Component {
  const match = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/.exec(token);
  if (!match || Boolean(match[1]) !== Boolean(match[5])) {
    throw new Error(`line ${lineNo}: cannot read component '${token}'`);
  }
  const [, open, cset, dots, len, , linterList] = match;
  const max = Number(len);
  return {
    cset: cset ?? '',
    min: dots ? 1 : max,
    max,
    optional: open !== undefined,
    linters: (linterList ?? '').split(',').filter((name) => name !== ''),
  };
}

function expandAis(range: string, lineNo: number): string[] {
  const match = /^(\d{2,4})(?:-(\d{2,4}))?$/.exec(range);
  if (!match?.[1]) throw new Error(`line ${lineNo}: cannot read AI '${range}'`);
  const first = match[1];
  const last = match[2] ?? first;
  if (last.length !== first.length) throw new Error(`line ${lineNo}: uneven range '${range}'`);
  const ais: string[] = [];
  for (let n = Number(first); n <= Number(last); n++) {
    ais.push(String(n).padStart(first.length, '0'));
  }
  return ais;
}

function parseDictionary(text: string): Entry[] {
  const entries: Entry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const hash = line.indexOf('#');
    const title = hash === -1 ? '' : line.slice(hash + 1).trim();
    const tokens = (hash === -1 ? line : line.slice(0, hash)).trim().split(/\s+/);
    const [aiRange, ...rest] = tokens;
    if (aiRange === undefined) return;
    let flags = '';
    if (rest[0] !== undefined && [...rest[0]].every((c) => FLAG_CHARS.has(c))) {
      flags = rest.shift() ?? '';
    }
    const specTokens: string[] = [];
    while (rest[0] !== undefined && /^\[?[NXYZ]/.test(rest[0])) specTokens.push(rest.shift() ?? '');
    if (specTokens.length === 0) throw new Error(`line ${lineNo}: no specification`);
    const req: string[][][] = [];
    const ex: string[] = [];
    let dlPrimaryKey: string[][] | undefined;
    for (const attr of rest) {
      const [key, value] = attr.split('=', 2);
      if (key === 'req' && value) {
        req.push(value.split(',').map((group) => group.split('+')));
      } else if (key === 'ex' && value) {
        ex.push(...value.split(','));
      } else if (key === 'dlpkey') {
        const alternatives = value ? value.split('|').map((alt) => alt.split(',')) : [[]];
        dlPrimaryKey = [...(dlPrimaryKey ?? []), ...alternatives];
      } else {
        throw new Error(`line ${lineNo}: unknown attribute '${attr}'`);
      }
    }
    for (const ai of expandAis(aiRange, lineNo)) {
      entries.push({
        ai,
        title,
        predefinedLength: flags.includes('*'),
        dlDataAttribute: flags.includes('?'),
        spec: specTokens.join(' '),
        components: specTokens.map((token) => parseComponent(token, lineNo)),
        req,
        ex,
        ...(dlPrimaryKey ? { dlPrimaryKey } : {}),
      });
    }
  });
  return entries;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([key, item]) => `${key}: ${literal(item)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return String(value);
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? defaultDictionaryPath();
  const text = fs.readFileSync(source, 'utf8');
  const release = /^# Release: (.*)$/m.exec(text)?.[1]?.trim() ?? 'unknown';
  const sha256 = createHash('sha256').update(text).digest('hex');
  const entries = parseDictionary(text);
  const code = `// GENERATED by scripts/generate-gs1-ai-table.ts: do not edit by hand; regenerate.
// Source: the GS1 Barcode Syntax Dictionary (gs1-syntax-dictionary.txt, release ${release},
// sha256 ${sha256}), from Lotline's standards fixtures (../shared/fixtures/gs1).
// Copyright (c) 2020-2021 BWIPP project, (c) 2020-2021 Zint Project, (c) 2021-2025 GS1 AISBL;
// licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
// One entry per AI (ranges such as 3100-3105 expanded), in dictionary order.
import type { Gs1AiDefinition } from './gs1-ai-types.ts';

export const GS1_AI_TABLE_SOURCE = {
  file: 'gs1/gs1-syntax-dictionary.txt',
  release: ${literal(release)},
  sha256: ${literal(sha256)},
} as const;

// prettier-ignore
export const GS1_AI_TABLE: readonly Gs1AiDefinition[] = [
${entries.map((entry) => `  ${literal(entry)},`).join('\n')}
];
`;
  const config = (await prettier.resolveConfig(OUT_FILE)) ?? {};
  const formatted = await prettier.format(code, { ...config, filepath: OUT_FILE });
  fs.writeFileSync(OUT_FILE, formatted);
  console.log(`wrote ${entries.length} AIs to ${path.relative(ROOT, OUT_FILE)}`);
}

await main();
