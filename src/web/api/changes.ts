import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeImpact,
  ChangeRequest,
  ChangeRequestSummary,
  ChangeStatus,
  ChangeTargetType,
} from '../../shared/changes.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import type { SignatureInput } from '../../shared/signatures.contract.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type {
  ChangeImpact,
  ChangeRequest,
  ChangeRequestSummary,
  ChangeStatus,
  ChangeTarget,
  ChangeTargetInput,
  ChangeTargetType,
  ImpactSection,
} from '../../shared/changes.contract.ts';

export type RiskClass = ChangeRequest['riskClass'];

// As in the contract; not imported from it, which would bring zod into the bundle.
export const CHANGE_STATUSES: readonly ChangeStatus[] = [
  'draft',
  'in_review',
  'approved',
  'rejected',
  'implemented',
  'cancelled',
];
export const RISK_CLASSES: readonly RiskClass[] = ['low', 'medium', 'high'];
/** What a change request can name; suppliers are shown but not offered yet (no supplier screens). */
export const PICKABLE_TARGET_TYPES: readonly ChangeTargetType[] = [
  'bom_version',
  'routing_version',
  'document_version',
  'item',
];
/** Statuses from which a change request can be cancelled. */
export const CANCELLABLE_STATUSES: readonly ChangeStatus[] = ['draft', 'in_review', 'approved'];

export interface ChangeFilters {
  q?: string;
  status?: ChangeStatus;
  riskClass?: RiskClass;
  /** Only change requests that name this record. */
  targetId?: string;
}

export type ChangeListParams = ChangeFilters & { limit: number; offset: number };

export const changeKeys = {
  all: ['changes'] as const,
  list: (params: ChangeListParams) => ['changes', 'list', params] as const,
  detail: (id: string) => ['changes', 'detail', id] as const,
  impact: (id: string) => ['changes', 'impact', id] as const,
};

export function useChanges(params: ChangeListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: changeKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<ChangeRequestSummary>>(`/api/changes${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useChange(id: string) {
  return useQuery({
    queryKey: changeKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet<ChangeRequest>(`/api/changes/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The impact analysis as of now (a submitted request also carries the snapshot its reviewers saw). */
export function useChangeImpact(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: changeKeys.impact(id),
    queryFn: ({ signal }) =>
      apiGet<ChangeImpact>(`/api/changes/${encodeURIComponent(id)}/impact`, { signal }),
    enabled: options.enabled ?? true,
  });
}

export interface ChangeTargetDraft {
  targetType: ChangeTargetType;
  targetId: string;
  note?: string;
}

export interface ChangeContent {
  title: string;
  description: string;
  reason: string;
  riskClass: RiskClass;
  targets: ChangeTargetDraft[];
}

export function useCreateChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeContent) => apiSend<ChangeRequest>('POST', '/api/changes', input),
    onSuccess: (change) => {
      queryClient.setQueryData(changeKeys.detail(change.id), change);
      void queryClient.invalidateQueries({ queryKey: changeKeys.all });
    },
  });
}

export type ChangeAction =
  | { kind: 'update'; body: Partial<ChangeContent> }
  | { kind: 'submit' }
  | { kind: 'return'; reason: string }
  | { kind: 'approve'; signature: SignatureInput; role?: string }
  | { kind: 'reject'; signature: SignatureInput; reason: string }
  | { kind: 'implement'; effectiveFrom?: string }
  | { kind: 'cancel'; reason: string };

function sendChangeAction(id: string, action: ChangeAction): Promise<ChangeRequest> {
  const base = `/api/changes/${encodeURIComponent(id)}`;
  switch (action.kind) {
    case 'update':
      return apiSend('PATCH', base, action.body);
    case 'submit':
      return apiSend('POST', `${base}/submit`);
    case 'return':
      return apiSend('POST', `${base}/return`, { reason: action.reason });
    case 'approve':
      return apiSend('POST', `${base}/approve`, {
        signature: action.signature,
        ...(action.role ? { role: action.role } : {}),
      });
    case 'reject':
      return apiSend('POST', `${base}/reject`, {
        signature: action.signature,
        reason: action.reason,
      });
    case 'implement':
      return apiSend(
        'POST',
        `${base}/implement`,
        action.effectiveFrom ? { effectiveFrom: action.effectiveFrom } : {},
      );
    case 'cancel':
      return apiSend('POST', `${base}/cancel`, { reason: action.reason });
  }
}

export function useChangeAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ChangeAction) => sendChangeAction(id, action),
    onSuccess: (change, action) => {
      queryClient.setQueryData(changeKeys.detail(id), change);
      void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      // Implementing makes versions effective and supersedes others.
      if (action.kind === 'implement') {
        void queryClient.invalidateQueries({ queryKey: ['engineering'] });
        void queryClient.invalidateQueries({ queryKey: ['documents'] });
      }
    },
  });
}
