import type { ColumnType } from 'kysely';

export interface AuditLogTable {
  seq: ColumnType<string, string, never>;
  at: ColumnType<Date, Date, never>;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  actor_name: string;
  token_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

declare module '../db/database.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
