// Shapes of Lotline's GS1 Application Identifier table (gs1-ai-table.ts, generated
// from the GS1 Barcode Syntax Dictionary by scripts/generate-gs1-ai-table.ts).

/** N: digits; X: GS1 AI encodable character set 82; Y: set 39; Z: set 64 (base64url). */
export type Gs1CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** Every linter (content check) Lotline knows; the generator refuses a dictionary naming another. */
export const GS1_LINTER_NAMES = [
  'csum',
  'csumalpha',
  'gcppos1',
  'gcppos2',
  'hasnondigit',
  'yymmdd',
  'yymmd0',
  'yymmddhh',
  'yyyymmdd',
  'yyyymmd0',
  'hh',
  'hhmi',
  'hhmm',
  'mi',
  'ss',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iso5218',
  'iban',
  'pcenc',
  'hyphen',
  'importeridx',
  'nonzero',
  'zero',
  'nozeroprefix',
  'winding',
  'pieceoftotal',
  'latitude',
  'longitude',
  'yesno',
  'mediatype',
  'posinseqslash',
  'packagetype',
  'couponcode',
  'couponposoffer',
] as const;

export type Gs1LinterName = (typeof GS1_LINTER_NAMES)[number];

/** One component of an AI's data field, e.g. `N14,csum,gcppos2` or `[X..17]`. */
export interface Gs1Component {
  cset: Gs1CharacterSet;
  min: number;
  max: number;
  optional: boolean;
  linters: readonly Gs1LinterName[];
}

export interface Gs1AiDefinition {
  ai: string;
  title: string;
  /** Flag `*`: pre-defined length, no FNC1 separator needed after it. */
  predefinedLength: boolean;
  /** Flag `?`: permitted as a GS1 Digital Link data attribute (query parameter). */
  dlDataAttribute: boolean;
  /** The specification column as written in the dictionary, whitespace collapsed. */
  spec: string;
  components: readonly Gs1Component[];
  /**
   * One entry per `req=` attribute (all must hold); each is a list of alternatives
   * (one must be present); each alternative is a list of AI patterns that must all be
   * present. `n` in a pattern stands for any digit.
   */
  req: readonly (readonly (readonly string[])[])[];
  /** AI patterns that must not appear together with this AI (`ex=`, all instances merged). */
  ex: readonly string[];
  /**
   * `dlpkey`: this AI is a Digital Link primary key. Each entry is one alternative,
   * ordered list of optional key qualifiers (`[]` for a bare `dlpkey`).
   */
  dlPrimaryKey?: readonly (readonly string[])[];
}
