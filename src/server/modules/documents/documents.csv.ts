// Controlled documents as CSV: the (filtered) list, with the effective revision.
import type { ControlledDocument } from '../../../shared/documents.contract.ts';
import type { CsvColumn } from '../../platform/csv/index.ts';

export const DOCUMENT_CSV_COLUMNS: readonly CsvColumn<ControlledDocument>[] = [
  { header: 'number', value: (d) => d.number },
  { header: 'title_zh', value: (d) => d.titleZh },
  { header: 'title_en', value: (d) => d.titleEn },
  { header: 'kind', value: (d) => d.kind },
  { header: 'owner', value: (d) => d.owner.username },
  { header: 'effective_revision', value: (d) => d.effectiveVersion?.label },
  { header: 'effective_from', value: (d) => d.effectiveVersion?.effectiveFrom },
  { header: 'latest_revision', value: (d) => d.latestVersion?.label },
  { header: 'latest_status', value: (d) => d.latestVersion?.status },
  { header: 'updated_at', value: (d) => d.updatedAt },
];
