import type { ColumnType } from 'kysely';
import type { ChangeStatus, ChangeTargetType } from '../../../shared/changes.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface ChangeRequestsTable {
  id: string;
  code: string;
  title: string;
  description: string;
  reason: string;
  risk_class: 'low' | 'medium' | 'high';
  status: ChangeStatus;
  review_round: ColumnType<number, number | undefined, number>;
  /** jsonb: the ChangeImpact computed at submission */
  impact_snapshot: ColumnType<unknown, string | null, string | null>;
  impact_snapshot_at: Date | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  rejected_at: Date | null;
  implemented_at: Date | null;
  cancelled_at: Date | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChangeRequestTargetsTable {
  change_request_id: string;
  seq: number;
  target_type: ChangeTargetType;
  target_id: string;
  supersedes_id: string | null;
  note: string | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    change_requests: ChangeRequestsTable;
    change_request_targets: ChangeRequestTargetsTable;
  }
}
