import { describe, expect, it } from 'vitest';
import { AQL_VALUES, type Aql } from '../../../shared/inspection.contract.ts';
import { isDomainError } from '../../platform/errors.ts';
import { characteristicVerdict, codeLetterFor, masterPlan, samplingPlan } from './sampling.ts';
import { MASTER_TABLES } from './sampling.tables.ts';
import { switchingState, type DecidedLot, type SwitchingEvent } from './switching.ts';

const plan = (
  lotSize: number,
  aql: Aql,
  severity: 'normal' | 'tightened' | 'reduced' = 'normal',
  level: 'II' | 'I' | 'III' | 'S-1' | 'S-2' | 'S-3' | 'S-4' = 'II',
) => {
  const p = samplingPlan({ lotSize, level, aql, severity });
  return `${p.codeLetter}>${p.planLetter} n=${p.sampleSize} ${p.acceptanceNumber}/${p.rejectionNumber}`;
};

describe('Table I: sample size code letters', () => {
  it.each([
    [2, 'II', 'A'],
    [8, 'II', 'A'],
    [9, 'II', 'B'],
    [50, 'II', 'D'],
    [51, 'II', 'E'],
    [1200, 'II', 'J'],
    [1201, 'II', 'K'],
    [3200, 'II', 'K'],
    [10_000, 'II', 'L'],
    [35_001, 'II', 'N'],
    [500_000, 'II', 'P'],
    [500_001, 'II', 'Q'],
    [1200, 'I', 'G'],
    [1200, 'III', 'K'],
    [2, 'III', 'B'],
    [500_001, 'III', 'R'],
    [10_000, 'S-1', 'C'],
    [500_001, 'S-1', 'D'],
    [3200, 'S-2', 'D'],
    [1200, 'S-3', 'E'],
    [500_001, 'S-3', 'H'],
    [150_000, 'S-4', 'J'],
    [500_001, 'S-4', 'K'],
    [280, 'S-4', 'E'],
  ] as const)('lot %i at level %s → %s', (lotSize, level, letter) => {
    expect(codeLetterFor(lotSize, level)).toBe(letter);
  });
});

describe('Table II-A: normal inspection', () => {
  it('lot 1,200 at level II, AQL 1.0: J, n = 80, Ac 2 Re 3', () => {
    expect(plan(1200, '1.0')).toBe('J>J n=80 2/3');
  });

  // Rows J and K, AQL 0.65 … 15, as published (rejection numbers): J 2 3 4 6 8 11 15 22, K 3 4 6 8 11 15 22 ↑.
  it.each([
    ['J', ['1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22']],
    ['K', ['2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22', '↑']],
    ['H', ['↓', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15']],
    ['F', ['0/1', '↑', '↓', '1/2', '2/3', '3/4', '5/6', '7/8']],
    ['A', ['↓', '↓', '↓', '↓', '↓', '0/1', '↑', '↓']],
  ])('row %s at AQL 0.65 … 15', (letter, cells) => {
    const row = MASTER_TABLES.normal[letter as 'J']?.split(' ').slice(9, 17);
    expect(row).toEqual(cells);
  });

  it('follows the arrows to the next plan in the column, with its sample size', () => {
    expect(plan(1200, '0.40')).toBe('J>K n=125 1/2'); // ↓
    expect(plan(1200, '0.25')).toBe('J>H n=50 0/1'); // ↑
    expect(plan(1200, '0.15')).toBe('J>J n=80 0/1');
    expect(plan(2000, '15')).toBe('K>J n=80 21/22'); // ↑ past the last plan of the column
    expect(plan(10, '6.5')).toBe('B>A n=2 0/1');
    expect(plan(60, '1.0')).toBe('E>E n=13 0/1');
    expect(plan(60, '0.10')).toBe('E>K n=60 0/1'); // ↓ to n = 125: 100% of the lot
  });

  it('inspects 100% when the sample size reaches the lot size', () => {
    const p = samplingPlan({ lotSize: 10, level: 'II', aql: '0.65', severity: 'normal' });
    expect(p).toMatchObject({ planLetter: 'F', tableSampleSize: 20, sampleSize: 10 });
    expect(p).toMatchObject({ acceptanceNumber: 0, rejectionNumber: 1, hundredPercent: true });
  });

  it('has the largest acceptance numbers only for AQLs above 10 (nonconformities per 100 units)', () => {
    expect(plan(3000, '25')).toBe('K>K n=125 44/45');
    expect(plan(8, '1000')).toBe('A>A n=2 30/31');
    expect(plan(10, '1000')).toBe('B>B n=3 44/45');
  });

  it('refuses an arrow that leaves the table', () => {
    try {
      masterPlan('normal', 'A', '10');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('INSPECTION_SAMPLING_NOT_AVAILABLE');
    }
  });

  it('every cell reaches a plan or leaves the table only at its edges', () => {
    for (const severity of ['normal', 'tightened', 'reduced'] as const) {
      for (const [letter, row] of Object.entries(MASTER_TABLES[severity])) {
        expect(row?.split(' ')).toHaveLength(AQL_VALUES.length);
        for (const aql of AQL_VALUES) {
          try {
            const p = masterPlan(severity, letter as 'A', aql);
            expect(p.re).toBeGreaterThan(p.ac);
          } catch (error) {
            expect(isDomainError(error) && error.code).toBe('INSPECTION_SAMPLING_NOT_AVAILABLE');
          }
        }
      }
    }
  });
});

describe('Table II-B: tightened inspection', () => {
  it('lot 1,200 at level II, AQL 1.0: n = 80, Ac 1 Re 2', () => {
    expect(plan(1200, '1.0', 'tightened')).toBe('J>J n=80 1/2');
  });

  it.each([
    ['J', ['↓', '1/2', '2/3', '3/4', '5/6', '8/9', '12/13', '18/19']],
    ['K', ['1/2', '2/3', '3/4', '5/6', '8/9', '12/13', '18/19', '↑']],
    ['F', ['↓', '↓', '0/1', '↓', '1/2', '2/3', '3/4', '5/6']],
  ])('row %s at AQL 0.65 … 15', (letter, cells) => {
    expect(MASTER_TABLES.tightened[letter as 'J']?.split(' ').slice(9, 17)).toEqual(cells);
  });

  it('has the extra row S (n = 3,150) under R', () => {
    expect(plan(600_000, '0.010', 'tightened')).toBe('Q>S n=3150 0/1');
    expect(plan(1200, '0.65', 'tightened')).toBe('J>K n=125 1/2');
    expect(plan(10, '1000', 'tightened')).toBe('B>B n=3 41/42');
  });
});

describe('Table II-C: reduced inspection', () => {
  it('lot 1,200 at level II, AQL 1.0: n = 32, Ac 1 Re 3', () => {
    expect(plan(1200, '1.0', 'reduced')).toBe('J>J n=32 1/3');
  });

  it('uses the reduced sample sizes', () => {
    expect(plan(3000, '1.0', 'reduced')).toBe('K>K n=50 1/4');
    expect(plan(3000, '25', 'reduced')).toBe('K>K n=50 21/24');
    expect(plan(100, '6.5', 'reduced')).toBe('F>F n=8 1/4');
    expect(plan(20, '6.5', 'reduced')).toBe('C>D n=3 0/2');
  });

  it('accepts with a count between Ac and Re (the lot then returns to normal inspection)', () => {
    const c = { sampleSize: 32, inspectedCount: 32, acceptanceNumber: 1, rejectionNumber: 3 };
    expect(characteristicVerdict({ ...c, nonconformingCount: 2 })).toBe('accept');
    expect(characteristicVerdict({ ...c, nonconformingCount: 3 })).toBe('reject');
    expect(characteristicVerdict({ ...c, inspectedCount: 10, nonconformingCount: 3 })).toBe(
      'reject',
    );
    expect(characteristicVerdict({ ...c, inspectedCount: 10, nonconformingCount: 0 })).toBe(
      'pending',
    );
  });
});

const lot = (accepted: boolean, nonconformingCount = 0, acceptanceNumber = 2): DecidedLot => ({
  kind: 'decided',
  accepted,
  characteristics: [{ aql: '1.0', planLetter: 'J', acceptanceNumber, nonconformingCount }],
});
const repeat = (n: number, event: SwitchingEvent) => Array.from({ length: n }, () => event);

describe('switching rules', () => {
  it('starts on normal inspection', () => {
    expect(switchingState([]).severity).toBe('normal');
  });

  it('normal → tightened when 2 of 5 or fewer consecutive lots are not accepted', () => {
    expect(switchingState([lot(false), lot(true), lot(true), lot(true)]).severity).toBe('normal');
    expect(switchingState([lot(false), lot(true), lot(true), lot(true), lot(false)]).severity).toBe(
      'tightened',
    );
    expect(
      switchingState([lot(false), lot(true), lot(true), lot(true), lot(true), lot(false)]).severity,
    ).toBe('normal');
  });

  it('tightened → normal after 5 consecutive accepted lots', () => {
    const tightened = [lot(false), lot(false)];
    expect(switchingState([...tightened, ...repeat(4, lot(true))]).severity).toBe('tightened');
    expect(switchingState([...tightened, ...repeat(5, lot(true))]).severity).toBe('normal');
  });

  it('discontinues after 5 lots not accepted on tightened; QA resumes on tightened', () => {
    const history = [lot(false), lot(false), ...repeat(4, lot(false))];
    expect(switchingState(history).discontinued).toBe(false);
    const stopped = switchingState([...history, lot(false)]);
    expect(stopped).toMatchObject({ severity: 'tightened', discontinued: true });
    const resumed = switchingState([...history, lot(false), { kind: 'resumed' }]);
    expect(resumed).toMatchObject({ severity: 'tightened', discontinued: false });
  });

  it('normal → reduced at a switching score of 30 (+3 per lot that passes one AQL step tighter)', () => {
    // J at AQL 0.65 has Ac 1: a lot with no nonconforming unit passes it.
    expect(switchingState(repeat(9, lot(true))).switchingScore).toBe(27);
    expect(switchingState(repeat(10, lot(true))).severity).toBe('reduced');
    // Two nonconforming units pass Ac 2 but not the tighter Ac 1: the score resets.
    const reset = switchingState([...repeat(9, lot(true)), lot(true, 2)]);
    expect(reset).toMatchObject({ severity: 'normal', switchingScore: 0 });
  });

  it('adds 2 per accepted lot when Ac is 0 or 1', () => {
    expect(switchingState(repeat(14, lot(true, 0, 1))).switchingScore).toBe(28);
    expect(switchingState(repeat(15, lot(true, 0, 1))).severity).toBe('reduced');
  });

  it('reduced → normal when a lot is not accepted, or accepted between Ac and Re', () => {
    const reduced = repeat(10, lot(true));
    expect(switchingState([...reduced, lot(true)]).severity).toBe('reduced');
    expect(switchingState([...reduced, lot(false)]).severity).toBe('normal');
    expect(switchingState([...reduced, lot(true, 2, 1)]).severity).toBe('normal');
  });
});
