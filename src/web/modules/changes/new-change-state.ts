import type { ChangeTargetType } from '../../api/changes.ts';

/** An affected record offered to the new change request form, with its label for people. */
export interface ProposedTarget {
  targetType: ChangeTargetType;
  targetId: string;
  label: string;
}

/** What another screen hands to /changes to open the new change request form pre-filled. */
export interface NewChangeState {
  newChange: { targets: ProposedTarget[] };
}

export function isNewChangeState(value: unknown): value is NewChangeState {
  if (typeof value !== 'object' || value === null || !('newChange' in value)) return false;
  const { newChange } = value as { newChange: unknown };
  return (
    typeof newChange === 'object' &&
    newChange !== null &&
    Array.isArray((newChange as { targets?: unknown }).targets)
  );
}
