// Other modules may own a pending decision about a lot: an open incoming
// inspection decides whether a quarantined lot is released or rejected. While
// such a decision is pending, releasing, rejecting, splitting or merging the lot
// outside it would go around it, so the owner registers a guard here (lots does
// not import the modules that build on it). The owner's own actions name it as
// their source and pass.
import type { Trx } from '../../platform/db/database.ts';

export type GuardedAction = 'release' | 'reject' | 'split' | 'merge';

export interface DecisionGuard {
  /** The source type of the owner's own actions, e.g. 'inspection'. */
  owner: string;
  /** Throws a DomainError when one of the lots has a pending decision. */
  check(trx: Trx, traceUnitIds: string[], action: GuardedAction): Promise<void>;
}

const guards = new Map<string, DecisionGuard>();

/** Registers a guard once per owner (idempotent). */
export function registerDecisionGuard(guard: DecisionGuard): void {
  const existing = guards.get(guard.owner);
  if (existing && existing !== guard)
    throw new Error(`Decision guard ${guard.owner} registered twice`);
  guards.set(guard.owner, guard);
}

/** Runs every guard but the one whose own action this is. */
export async function checkDecisionGuards(
  trx: Trx,
  traceUnitIds: string[],
  action: GuardedAction,
  source: { type: string } | null | undefined,
): Promise<void> {
  for (const guard of guards.values()) {
    if (source?.type === guard.owner) continue;
    await guard.check(trx, traceUnitIds, action);
  }
}
