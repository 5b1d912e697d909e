// ISO 2859-1 / ANSI/ASQ Z1.4 single sampling: code letter from Table I, the
// plan from the master table of the severity (following its arrows to another
// code letter's plan), and 100% inspection when the sample reaches the lot.
// Pure functions over the tables in sampling.tables.ts.
import {
  AQL_VALUES,
  CODE_LETTERS,
  type Aql,
  type CodeLetter,
  type InspectionLevel,
  type InspectionSeverity,
  type SamplingPlan,
  type SamplingVerdict,
} from '../../../shared/inspection.contract.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  LOT_SIZE_UPPER,
  MASTER_TABLES,
  REDUCED_SAMPLE_SIZE,
  SAMPLE_SIZE,
  TABLE_I,
} from './sampling.tables.ts';

/** Table I: the sample size code letter for a lot size and inspection level. */
export function codeLetterFor(lotSize: number, level: InspectionLevel): CodeLetter {
  if (!Number.isInteger(lotSize) || lotSize < 1) throw new RangeError(`lot size ${lotSize}`);
  const range = LOT_SIZE_UPPER.findIndex((upper) => lotSize <= upper);
  const letter = TABLE_I[level].split(' ')[range];
  if (!letter) throw new RangeError(`no code letter for ${lotSize} at ${level}`);
  return letter as CodeLetter;
}

export function sampleSizeOf(letter: CodeLetter, severity: InspectionSeverity): number | undefined {
  return severity === 'reduced' ? REDUCED_SAMPLE_SIZE[letter] : SAMPLE_SIZE[letter];
}

function cell(severity: InspectionSeverity, letter: CodeLetter, aql: Aql): string | undefined {
  return MASTER_TABLES[severity][letter]?.split(' ')[AQL_VALUES.indexOf(aql)];
}

/** The master table's plan for a code letter and AQL, after following the arrows. */
export function masterPlan(
  severity: InspectionSeverity,
  letter: CodeLetter,
  aql: Aql,
): { planLetter: CodeLetter; sampleSize: number; ac: number; re: number } {
  let index = CODE_LETTERS.indexOf(letter);
  let direction = 0;
  for (;;) {
    const planLetter = CODE_LETTERS[index];
    const value = planLetter ? cell(severity, planLetter, aql) : undefined;
    if (!planLetter || value === undefined) {
      throw new DomainError(
        'INSPECTION_SAMPLING_NOT_AVAILABLE',
        { severity, codeLetter: letter, aql },
        `The ${severity} master table has no plan for code letter ${letter} at AQL ${aql}`,
      );
    }
    if (value === '↓' || value === '↑') {
      const step = value === '↓' ? 1 : -1;
      // An arrow never points back at the plan it came from.
      if (direction !== 0 && step !== direction) throw new Error(`arrows loop at ${letter}/${aql}`);
      direction = step;
      index += step;
      continue;
    }
    const [ac, re] = value.split('/').map(Number);
    const sampleSize = sampleSizeOf(planLetter, severity);
    if (ac === undefined || re === undefined || sampleSize === undefined) {
      throw new Error(`bad master table cell ${value} at ${planLetter}/${aql}`);
    }
    return { planLetter, sampleSize, ac, re };
  }
}

/** The single sampling plan for a lot: what the sampling calculator answers. */
export function samplingPlan(input: {
  lotSize: number;
  level: InspectionLevel;
  aql: Aql;
  severity: InspectionSeverity;
}): SamplingPlan {
  const codeLetter = codeLetterFor(input.lotSize, input.level);
  const plan = masterPlan(input.severity, codeLetter, input.aql);
  const hundredPercent = plan.sampleSize >= input.lotSize;
  return {
    lotSize: input.lotSize,
    level: input.level,
    aql: input.aql,
    severity: input.severity,
    codeLetter,
    planLetter: plan.planLetter,
    sampleSize: hundredPercent ? input.lotSize : plan.sampleSize,
    tableSampleSize: plan.sampleSize,
    acceptanceNumber: plan.ac,
    rejectionNumber: plan.re,
    hundredPercent,
  };
}

/**
 * What the results of one characteristic say: reject as soon as the
 * nonconforming count reaches Re; accept once the whole sample is inspected
 * with at most Ac. Between Ac and Re (reduced inspection only) the lot is
 * accepted, and normal inspection is reinstated for the next lot.
 */
export function characteristicVerdict(c: {
  sampleSize: number;
  inspectedCount: number;
  nonconformingCount: number;
  acceptanceNumber: number;
  rejectionNumber: number;
}): SamplingVerdict {
  if (c.nonconformingCount >= c.rejectionNumber) return 'reject';
  if (c.inspectedCount < c.sampleSize) return 'pending';
  return 'accept';
}

/** The inspection's verdict: reject if any characteristic rejects, accept when all accept. */
export function inspectionVerdict(verdicts: SamplingVerdict[]): SamplingVerdict {
  if (verdicts.includes('reject')) return 'reject';
  if (verdicts.includes('pending') || verdicts.length === 0) return 'pending';
  return 'accept';
}

/** The lot size in units for Table I: a fractional quantity counts as the next whole unit. */
export function lotSizeUnits(quantity: string): number {
  const units = Math.ceil(Number(quantity));
  if (!Number.isFinite(units) || units < 1) throw new RangeError(`lot size ${quantity}`);
  return units;
}

/** The next tighter AQL (one step to the left in the table), for the switching score. */
export function tighterAql(aql: Aql): Aql | undefined {
  const index = AQL_VALUES.indexOf(aql);
  return index > 0 ? AQL_VALUES[index - 1] : undefined;
}
