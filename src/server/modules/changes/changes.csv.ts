// Change requests as CSV: the (filtered) list, with the affected records.
import type { ChangeRequestSummary } from '../../../shared/changes.contract.ts';
import type { CsvColumn } from '../../platform/csv/index.ts';

export const CHANGE_CSV_COLUMNS: readonly CsvColumn<ChangeRequestSummary>[] = [
  { header: 'code', value: (c) => c.code },
  { header: 'title', value: (c) => c.title },
  { header: 'risk_class', value: (c) => c.riskClass },
  { header: 'status', value: (c) => c.status },
  { header: 'affected_records', value: (c) => c.targets.map((t) => t.label).join('; ') },
  { header: 'created_by', value: (c) => c.createdBy.name },
  { header: 'submitted_at', value: (c) => c.submittedAt },
  { header: 'approved_at', value: (c) => c.approvedAt },
  { header: 'implemented_at', value: (c) => c.implementedAt },
  { header: 'updated_at', value: (c) => c.updatedAt },
];
