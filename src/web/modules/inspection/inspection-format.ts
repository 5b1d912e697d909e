import type { TFunction } from 'i18next';
import { compareDecimal, isDecimal } from '../../../shared/decimal.ts';
import type { Characteristic, SamplingVerdict } from '../../api/inspection.ts';

export type ValueCheck = 'empty' | 'invalid' | 'within' | 'outside';

/** A measured value against the characteristic's limits (limits inclusive). */
export function checkValue(
  characteristic: Pick<Characteristic, 'lowerLimit' | 'upperLimit'>,
  value: string | null | undefined,
): ValueCheck {
  const text = value?.trim() ?? '';
  if (!text) return 'empty';
  if (!isDecimal(text)) return 'invalid';
  const { lowerLimit, upperLimit } = characteristic;
  if (lowerLimit !== null && compareDecimal(text, lowerLimit) < 0) return 'outside';
  if (upperLimit !== null && compareDecimal(text, upperLimit) > 0) return 'outside';
  return 'within';
}

/** What the sample says so far: reject once Re units fail, accept once every unit is in with at most Ac failing. */
export function samplingVerdict(input: {
  sampleSize: number;
  acceptanceNumber: number;
  rejectionNumber: number;
  inspected: number;
  nonconforming: number;
}): SamplingVerdict {
  if (input.nonconforming >= input.rejectionNumber) return 'reject';
  if (input.inspected >= input.sampleSize && input.nonconforming <= input.acceptanceNumber) {
    return 'accept';
  }
  return 'pending';
}

/** The verdict of the whole inspection: any characteristic rejecting rejects, all accepting accepts. */
export function overallVerdict(verdicts: readonly SamplingVerdict[]): SamplingVerdict {
  if (verdicts.includes('reject')) return 'reject';
  if (verdicts.length > 0 && verdicts.every((v) => v === 'accept')) return 'accept';
  return 'pending';
}

/** "9.8 … 10.2 mm", "≥ 50 N", or "—" for a characteristic's limits. */
export function limitsText(
  characteristic: Pick<Characteristic, 'lowerLimit' | 'upperLimit' | 'unit'>,
  t: TFunction,
): string {
  const { lowerLimit: lower, upperLimit: upper, unit } = characteristic;
  let text: string;
  if (lower !== null && upper !== null) text = t('inspection.char.between', { lower, upper });
  else if (lower !== null) text = t('inspection.char.atLeast', { value: lower });
  else if (upper !== null) text = t('inspection.char.atMost', { value: upper });
  else return '—';
  return unit ? `${text} ${unit}` : text;
}
