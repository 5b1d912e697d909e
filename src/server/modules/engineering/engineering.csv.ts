// BOM and routing versions as CSV: the (filtered) list of versions.
import type { EngineeringVersionSummary } from '../../../shared/engineering.contract.ts';
import type { CsvColumn } from '../../platform/csv/index.ts';

export const ENGINEERING_VERSION_CSV_COLUMNS: readonly CsvColumn<EngineeringVersionSummary>[] = [
  { header: 'item_code', value: (v) => v.item.code },
  { header: 'item_name_zh', value: (v) => v.item.nameZh },
  { header: 'item_name_en', value: (v) => v.item.nameEn },
  { header: 'kind', value: (v) => v.kind },
  { header: 'version', value: (v) => v.versionNo },
  { header: 'status', value: (v) => v.status },
  { header: 'lines_or_operations', value: (v) => v.size },
  { header: 'effective_from', value: (v) => v.effectiveFrom },
  { header: 'approved_at', value: (v) => v.approvedAt },
  { header: 'change_request_id', value: (v) => v.changeRequestId },
  { header: 'updated_at', value: (v) => v.updatedAt },
];
