import type { ColumnType } from 'kysely';
import type { NonconformanceStatus } from '../../../shared/quality.contract.ts';

export interface NonconformancesTable {
  id: string;
  code: string;
  status: NonconformanceStatus;
  source_type: string;
  source_id: string;
  source_code: string | null;
  item_id: string;
  supplier_id: string | null;
  description: string;
  created_by_id: string | null;
  created_by_name: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NonconformanceTraceUnitsTable {
  nonconformance_id: string;
  trace_unit_id: string;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    nonconformances: NonconformancesTable;
    nonconformance_trace_units: NonconformanceTraceUnitsTable;
  }
}
