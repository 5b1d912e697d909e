// Switching rules of ISO 2859-1:1999 clause 9 / ANSI/ASQ Z1.4-2008 clause 8,
// derived from the history of decided inspections of one supplier + item (and
// QA's resumptions after a discontinuation). Pure: the service loads the history.
//   normal → tightened   2 of 5 or fewer consecutive lots not accepted
//   tightened → normal   5 consecutive lots accepted
//   tightened → discontinued   5 lots not accepted while on tightened
//   normal → reduced     switching score ≥ 30 (steady production and the
//                        responsible authority's approval are taken as given)
//   reduced → normal     a lot not accepted, or accepted with a count between Ac and Re
import type {
  Aql,
  CodeLetter,
  InspectionSeverity,
  SwitchingState,
} from '../../../shared/inspection.contract.ts';
import { masterPlan, tighterAql } from './sampling.ts';

export interface DecidedLot {
  kind: 'decided';
  accepted: boolean;
  characteristics: {
    aql: Aql;
    planLetter: CodeLetter;
    acceptanceNumber: number;
    nonconformingCount: number;
  }[];
}
export interface Resumption {
  kind: 'resumed';
}
export type SwitchingEvent = DecidedLot | Resumption;

const SCORE_FOR_REDUCED = 30;

/**
 * Switching score contribution of an accepted lot on normal inspection
 * (ISO 2859-1 9.3.3.2): Ac ≥ 2 → +3 if the lot would also have been accepted
 * at the next tighter AQL, else reset; Ac 0 or 1 → +2. With several
 * characteristics: reset if any Ac ≥ 2 characteristic fails the tighter AQL,
 * else +2 if any characteristic has Ac ≤ 1, else +3.
 */
export function scoreContribution(lot: DecidedLot): number | 'reset' {
  if (!lot.accepted) return 'reset';
  let small = false;
  for (const c of lot.characteristics) {
    if (c.acceptanceNumber <= 1) {
      small = true;
      continue;
    }
    const tighter = tighterAql(c.aql);
    const ac = tighter ? masterPlan('normal', c.planLetter, tighter).ac : 0;
    if (c.nonconformingCount > ac) return 'reset';
  }
  return small ? 2 : 3;
}

export function switchingState(events: readonly SwitchingEvent[]): SwitchingState {
  let severity: InspectionSeverity = 'normal';
  let discontinued = false;
  let score = 0;
  let window: boolean[] = [];
  let consecutiveAccepted = 0;
  let notAcceptedOnTightened = 0;
  let lots = 0;

  const enter = (next: InspectionSeverity) => {
    severity = next;
    score = 0;
    window = [];
    consecutiveAccepted = 0;
    notAcceptedOnTightened = 0;
  };

  for (const event of events) {
    if (event.kind === 'resumed') {
      if (discontinued) {
        discontinued = false;
        enter('tightened');
      }
      continue;
    }
    lots++;
    consecutiveAccepted = event.accepted ? consecutiveAccepted + 1 : 0;
    if (severity === 'normal') {
      window = [...window, event.accepted].slice(-5);
      if (window.filter((accepted) => !accepted).length >= 2) {
        enter('tightened');
        continue;
      }
      const add = scoreContribution(event);
      score = add === 'reset' ? 0 : score + add;
      if (score >= SCORE_FOR_REDUCED) enter('reduced');
    } else if (severity === 'tightened') {
      if (!event.accepted) {
        notAcceptedOnTightened++;
        if (notAcceptedOnTightened >= 5) discontinued = true;
      } else if (consecutiveAccepted >= 5 && !discontinued) {
        enter('normal');
      }
    } else if (!event.accepted || reinstatesNormal(event)) {
      enter('normal');
    }
  }
  return {
    severity,
    discontinued,
    switchingScore: score,
    consecutiveAccepted,
    lotsConsidered: lots,
  };
}

/** Reduced inspection: accepted, but some characteristic's count exceeded Ac (Z1.4 8.3.4). */
function reinstatesNormal(lot: DecidedLot): boolean {
  return lot.characteristics.some((c) => c.nonconformingCount > c.acceptanceNumber);
}
