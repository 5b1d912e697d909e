import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalStatus } from '../../shared/approvals.contract.ts';
import type {
  BomLineInput,
  BomVersion,
  EngineeringKind,
  EngineeringStatus,
  EngineeringVersion,
  EngineeringVersionSummary,
  RoutingOperationInput,
  RoutingVersion,
  WhereUsedEntry,
} from '../../shared/engineering.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import type { SignatureInput } from '../../shared/signatures.contract.ts';
import { apiGet, apiSend, hasCode, queryString } from './client.ts';

export type { ApprovalStatus } from '../../shared/approvals.contract.ts';
export type {
  BomLine,
  BomLineInput,
  BomVersion,
  EngineeringKind,
  EngineeringStatus,
  EngineeringVersion,
  EngineeringVersionSummary,
  ItemRef,
  RoutingOperation,
  RoutingOperationInput,
  RoutingVersion,
  WhereUsedEntry,
} from '../../shared/engineering.contract.ts';

// As in the contract; not imported from it, which would bring zod into the bundle.
export const ENGINEERING_STATUSES: readonly EngineeringStatus[] = [
  'draft',
  'in_review',
  'approved',
  'effective',
  'superseded',
  'obsolete',
];
export const INSPECTION_KINDS = ['in_process', 'final'] as const;
export const INSPECTION_RESULT_TYPES = ['measured', 'pass_fail'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export type InspectionResultType = (typeof INSPECTION_RESULT_TYPES)[number];

/** Statuses a version can be withdrawn from; an effective one leaves only through a change request. */
export const OBSOLETABLE_STATUSES: readonly EngineeringStatus[] = [
  'draft',
  'in_review',
  'approved',
];

/** The API path segment of each kind: /api/boms, /api/routings (and the screens' paths). */
export const KIND_PATHS: Record<EngineeringKind, 'boms' | 'routings'> = {
  bom: 'boms',
  routing: 'routings',
};

export interface VersionFilters {
  q?: string;
  status?: EngineeringStatus;
  itemId?: string;
}

export type VersionListParams = VersionFilters & { limit: number; offset: number };

export const engineeringKeys = {
  all: ['engineering'] as const,
  kind: (kind: EngineeringKind) => ['engineering', kind] as const,
  list: (kind: EngineeringKind, params: VersionListParams) =>
    ['engineering', kind, 'list', params] as const,
  detail: (kind: EngineeringKind, id: string) => ['engineering', kind, 'detail', id] as const,
  whereUsed: (itemId: string) => ['engineering', 'where-used', itemId] as const,
};

export function useEngineeringVersions(
  kind: EngineeringKind,
  params: VersionListParams,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: engineeringKeys.list(kind, params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<EngineeringVersionSummary>>(
        `/api/${KIND_PATHS[kind]}${queryString({ ...params })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useBomVersion(id: string) {
  return useQuery({
    queryKey: engineeringKeys.detail('bom', id),
    queryFn: ({ signal }) => apiGet<BomVersion>(`/api/boms/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useRoutingVersion(id: string) {
  return useQuery({
    queryKey: engineeringKeys.detail('routing', id),
    queryFn: ({ signal }) =>
      apiGet<RoutingVersion>(`/api/routings/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The BOM versions (any status) that use an item as a component. */
export function useWhereUsed(itemId: string) {
  return useQuery({
    queryKey: engineeringKeys.whereUsed(itemId),
    queryFn: ({ signal }) =>
      apiGet<ListResult<WhereUsedEntry>>(`/api/boms/where-used${queryString({ itemId })}`, {
        signal,
      }),
  });
}

export interface BomContent {
  note?: string;
  lines: BomLineInput[];
  documentVersionIds: string[];
}

export interface RoutingContent {
  note?: string;
  operations: RoutingOperationInput[];
}

export type NewVersionInput =
  | ({ kind: 'bom'; itemId: string } & BomContent)
  | ({ kind: 'routing'; itemId: string } & RoutingContent);

export function useCreateVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: NewVersionInput) =>
      apiSend<EngineeringVersion>('POST', `/api/${KIND_PATHS[kind]}`, body),
    onSuccess: (version) => {
      queryClient.setQueryData(engineeringKeys.detail(version.kind, version.id), version);
      void queryClient.invalidateQueries({ queryKey: engineeringKeys.all });
    },
  });
}

/** Replaces a draft's content (the server answers VERSION_LOCKED once it is submitted). */
export function useSaveBom(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: BomContent) =>
      apiSend<BomVersion>('PUT', `/api/boms/${encodeURIComponent(id)}`, content),
    onSuccess: (version) => {
      queryClient.setQueryData(engineeringKeys.detail('bom', id), version);
      void queryClient.invalidateQueries({ queryKey: engineeringKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      // Submitted meanwhile: fetch it again, so the screen shows it locked.
      if (hasCode(error, 'VERSION_LOCKED')) {
        void queryClient.invalidateQueries({ queryKey: engineeringKeys.detail('bom', id) });
      }
    },
  });
}

export function useSaveRouting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: RoutingContent) =>
      apiSend<RoutingVersion>('PUT', `/api/routings/${encodeURIComponent(id)}`, content),
    onSuccess: (version) => {
      queryClient.setQueryData(engineeringKeys.detail('routing', id), version);
      void queryClient.invalidateQueries({ queryKey: engineeringKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      // Submitted meanwhile: fetch it again, so the screen shows it locked.
      if (hasCode(error, 'VERSION_LOCKED')) {
        void queryClient.invalidateQueries({ queryKey: engineeringKeys.detail('routing', id) });
      }
    },
  });
}

/** The lifecycle steps of a version, the same for BOMs and routings. */
export type VersionAction =
  | { kind: 'submit' }
  | { kind: 'return'; reason: string }
  | { kind: 'approve'; signature: SignatureInput; role?: string }
  | { kind: 'make-effective'; effectiveFrom?: string }
  | { kind: 'obsolete'; reason: string }
  | { kind: 'copy' };

function sendVersionAction(
  kind: EngineeringKind,
  id: string,
  action: VersionAction,
): Promise<EngineeringVersion> {
  const base = `/api/${KIND_PATHS[kind]}/${encodeURIComponent(id)}`;
  switch (action.kind) {
    case 'submit':
      return apiSend('POST', `${base}/submit`);
    case 'return':
      return apiSend('POST', `${base}/return`, { reason: action.reason });
    case 'approve':
      return apiSend('POST', `${base}/approve`, {
        signature: action.signature,
        ...(action.role ? { role: action.role } : {}),
      });
    case 'make-effective':
      return apiSend(
        'POST',
        `${base}/make-effective`,
        action.effectiveFrom ? { effectiveFrom: action.effectiveFrom } : {},
      );
    case 'obsolete':
      return apiSend('POST', `${base}/obsolete`, { reason: action.reason });
    case 'copy':
      return apiSend('POST', `${base}/copy`);
  }
}

/** Any lifecycle step; resolves to the version the step produced (a copy: the new draft). */
export function useVersionAction(kind: EngineeringKind, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: VersionAction) => sendVersionAction(kind, id, action),
    onSuccess: (version) => {
      queryClient.setQueryData(engineeringKeys.detail(version.kind, version.id), version);
      void queryClient.invalidateQueries({ queryKey: engineeringKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Which required roles the signed-in person could still sign for in this round, and why not. */
export function approvalChances(
  approval: ApprovalStatus,
  me: { id: string; roles: readonly string[] },
): { alreadySigned: boolean; roles: string[] } {
  return {
    alreadySigned: approval.covered.some((c) => c.signerId === me.id),
    roles: approval.missing.filter((role) => me.roles.includes(role)),
  };
}

// Look-ups that help fill in routing operations. Each needs its own read
// permission; without it the field still takes free text.

interface CodeName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export function useWorkCentres(enabled: boolean) {
  return useQuery({
    queryKey: ['engineering', 'lookup', 'work-centres'],
    queryFn: ({ signal }) =>
      apiGet<ListResult<CodeName>>('/api/locations?kind=production&limit=200', { signal }),
    enabled,
    staleTime: 300_000,
  });
}

export function useSkills(enabled: boolean) {
  return useQuery({
    queryKey: ['engineering', 'lookup', 'skills'],
    queryFn: ({ signal }) =>
      apiGet<ListResult<CodeName>>('/api/qualifications/skills?limit=200', { signal }),
    enabled,
    staleTime: 300_000,
  });
}

export function useEquipmentClasses(enabled: boolean) {
  return useQuery({
    queryKey: ['engineering', 'lookup', 'equipment-classes'],
    queryFn: async ({ signal }) => {
      const list = await apiGet<ListResult<{ class: string }>>('/api/equipment?limit=200', {
        signal,
      });
      return [...new Set(list.items.map((e) => e.class))].sort();
    },
    enabled,
    staleTime: 300_000,
  });
}
