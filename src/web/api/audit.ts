import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../shared/audit.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import { apiGet, queryString } from './client.ts';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** ISO date-times; `to` is exclusive. */
  from?: string;
  to?: string;
  q?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters, limit: number, offset: number) =>
    ['audit', 'list', filters, limit, offset] as const,
};

export function useAudit(
  filters: AuditFilters,
  page: { limit: number; offset: number },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: auditKeys.list(filters, page.limit, page.offset),
    queryFn: ({ signal }) =>
      apiGet<ListResult<AuditEntry>>(`/api/audit${queryString({ ...filters, ...page })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The CSV export's address: a plain link downloads it with the session cookie. */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit/export.csv${queryString({ ...filters })}`;
}

/** One record's history (for anyone who may read the record). */
export function useRecordHistory(
  entityType: string,
  entityId: string,
  page: { limit: number; offset: number },
) {
  return useQuery({
    queryKey: [...auditKeys.all, 'record', entityType, entityId, page.limit, page.offset],
    queryFn: ({ signal }) =>
      apiGet<ListResult<AuditEntry>>(
        `/api/audit/records/${encodeURIComponent(entityType)}/${encodeURIComponent(entityId)}${queryString(page)}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
