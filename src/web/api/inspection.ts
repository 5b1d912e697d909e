import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Aql,
  CharacteristicInput,
  CreateInspectionPlanInput,
  DecideInspectionInput,
  Inspection,
  InspectionLevel,
  InspectionPlan,
  InspectionPlanStatus,
  InspectionSeverity,
  InspectionStatus,
  InspectionSummary,
  ResultInput,
  SamplingPlan,
  SwitchingState,
  UpdateInspectionPlanInput,
} from '../../shared/inspection.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import type { Nonconformance, NonconformanceStatus } from '../../shared/quality.contract.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type {
  Aql,
  Characteristic,
  CharacteristicInput,
  CharacteristicKind,
  CodeLetter,
  CreateInspectionPlanInput,
  DecideInspectionInput,
  DefectClass,
  Inspection,
  InspectionCharacteristic,
  InspectionDecision,
  InspectionDecisionKind,
  InspectionLevel,
  InspectionPlan,
  InspectionPlanStatus,
  InspectionResult,
  InspectionSeverity,
  InspectionStatus,
  InspectionSummary,
  ResultInput,
  SamplingPlan,
  SamplingVerdict,
} from '../../shared/inspection.contract.ts';
export type { Nonconformance, NonconformanceStatus } from '../../shared/quality.contract.ts';

// As in the contracts; not imported from them, which would bring zod into the bundle.
export const INSPECTION_LEVELS: readonly InspectionLevel[] = [
  'S-1',
  'S-2',
  'S-3',
  'S-4',
  'I',
  'II',
  'III',
];
export const AQL_VALUES: readonly Aql[] = [
  '0.010',
  '0.015',
  '0.025',
  '0.040',
  '0.065',
  '0.10',
  '0.15',
  '0.25',
  '0.40',
  '0.65',
  '1.0',
  '1.5',
  '2.5',
  '4.0',
  '6.5',
  '10',
  '15',
  '25',
  '40',
  '65',
  '100',
  '150',
  '250',
  '400',
  '650',
  '1000',
];
export const INSPECTION_SEVERITIES: readonly InspectionSeverity[] = [
  'normal',
  'tightened',
  'reduced',
];
export const INSPECTION_STATUSES: readonly InspectionStatus[] = ['open', 'decided'];
export const INSPECTION_PLAN_STATUSES: readonly InspectionPlanStatus[] = [
  'draft',
  'active',
  'retired',
];
export const NONCONFORMANCE_STATUSES: readonly NonconformanceStatus[] = ['open', 'closed'];
/** The signature meaning each decision needs (the server checks it). */
export const DECISION_SIGNATURE_MEANINGS = {
  accept: 'released',
  reject: 'rejected',
  partial: 'approved',
} as const;
/** Columns of a results CSV (POST /api/inspections/:id/results/import). */
export const RESULT_CSV_COLUMNS = [
  'characteristic',
  'unit',
  'value',
  'passed',
  'note',
  'reason',
] as const;

// ---------------------------------------------------------------- inspections

export interface InspectionFilters {
  q?: string;
  status?: InspectionStatus;
  itemId?: string;
  supplierId?: string;
  lotId?: string;
}

export type InspectionListParams = InspectionFilters & { limit: number; offset: number };

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (params: InspectionListParams) => ['inspections', 'list', params] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
};

export function useInspections(params: InspectionListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: inspectionKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<InspectionSummary>>(`/api/inspections${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet<Inspection>(`/api/inspections/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The results CSV import's segment for CsvImportDialog (…/import, …/import/template.csv). */
export function resultsImportEntity(id: string): string {
  return `inspections/${encodeURIComponent(id)}/results`;
}

/** After a decision the lot (and maybe a new split lot and an NCR) changed too. */
function invalidateAfterInspection(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
  void queryClient.invalidateQueries({ queryKey: ['lots'] });
  void queryClient.invalidateQueries({ queryKey: nonconformanceKeys.all });
}

export function useRecordResults(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ results, reason }: { results: ResultInput[]; reason?: string }) =>
      apiSend<Inspection>('POST', `/api/inspections/${encodeURIComponent(id)}/results`, {
        results,
        ...(reason ? { reason } : {}),
      }),
    onSuccess: (inspection) => {
      queryClient.setQueryData(inspectionKeys.detail(id), inspection);
      void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useDecideInspection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecideInspectionInput) =>
      apiSend<Inspection>('POST', `/api/inspections/${encodeURIComponent(id)}/decision`, input),
    onSuccess: (inspection) => {
      queryClient.setQueryData(inspectionKeys.detail(id), inspection);
      invalidateAfterInspection(queryClient);
    },
  });
}

// ---------------------------------------------------------------- plans

export interface InspectionPlanFilters {
  q?: string;
  status?: InspectionPlanStatus;
  itemId?: string;
}

export type InspectionPlanListParams = InspectionPlanFilters & { limit: number; offset: number };

export const inspectionPlanKeys = {
  all: ['inspection-plans'] as const,
  list: (params: InspectionPlanListParams) => ['inspection-plans', 'list', params] as const,
  detail: (id: string) => ['inspection-plans', 'detail', id] as const,
  sampling: (query: SamplingQuery) => ['inspection-plans', 'sampling', query] as const,
};

export function useInspectionPlans(
  params: InspectionPlanListParams,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: inspectionPlanKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<InspectionPlan>>(`/api/inspection-plans${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useInspectionPlan(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: inspectionPlanKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<InspectionPlan>(`/api/inspection-plans/${encodeURIComponent(id ?? '')}`, {
        signal,
      }),
  });
}

export type PlanChange =
  | { kind: 'create'; body: CreateInspectionPlanInput & { reason?: string } }
  | { kind: 'update'; id: string; body: UpdateInspectionPlanInput }
  | { kind: 'activate'; id: string; reason: string }
  | { kind: 'retire'; id: string; reason: string };

function sendPlanChange(change: PlanChange): Promise<InspectionPlan> {
  switch (change.kind) {
    case 'create':
      return apiSend('POST', '/api/inspection-plans', change.body);
    case 'update':
      return apiSend(
        'PATCH',
        `/api/inspection-plans/${encodeURIComponent(change.id)}`,
        change.body,
      );
    case 'activate':
    case 'retire':
      return apiSend(
        'POST',
        `/api/inspection-plans/${encodeURIComponent(change.id)}/${change.kind}`,
        { reason: change.reason },
      );
  }
}

export function useChangeInspectionPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendPlanChange,
    onSuccess: (plan) => {
      queryClient.setQueryData(inspectionPlanKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: inspectionPlanKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export interface SamplingQuery {
  lotSize: number;
  level: InspectionLevel;
  aql: Aql;
  severity: InspectionSeverity;
}

/** ISO 2859-1 single sampling for a lot size, level, AQL and severity (the server's tables). */
export function useSamplingPlan(query: SamplingQuery | null) {
  return useQuery({
    enabled: query !== null,
    queryKey: inspectionPlanKeys.sampling(
      query ?? { lotSize: 0, level: 'II', aql: '1.0', severity: 'normal' },
    ),
    queryFn: ({ signal }) =>
      apiGet<SamplingPlan>(`/api/sampling/plan${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A characteristic as the plan editor sends it: empty optional fields left out. */
export function characteristicInput(values: CharacteristicInput): CharacteristicInput {
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const measured = values.kind === 'measured';
  const input: CharacteristicInput = {
    name: values.name.trim(),
    kind: values.kind,
    inspectionLevel: values.inspectionLevel,
    aql: values.aql,
    defectClass: values.defectClass,
  };
  const method = optional(values.method);
  if (method) input.method = method;
  if (measured) {
    const nominal = optional(values.nominal);
    const lowerLimit = optional(values.lowerLimit);
    const upperLimit = optional(values.upperLimit);
    const unit = optional(values.unit);
    if (nominal) input.nominal = nominal;
    if (lowerLimit) input.lowerLimit = lowerLimit;
    if (upperLimit) input.upperLimit = upperLimit;
    if (unit) input.unit = unit;
  }
  return input;
}

/** Resumes acceptance (on tightened inspection) for a supplier + item after a discontinuation. */
export function useResumeSampling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { supplierId: string; itemId: string; reason: string }) =>
      apiSend<SwitchingState>('POST', '/api/sampling/resume', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

// ---------------------------------------------------------------- nonconformances

export interface NonconformanceFilters {
  q?: string;
  status?: NonconformanceStatus;
  itemId?: string;
  supplierId?: string;
  lotId?: string;
}

export type NonconformanceListParams = NonconformanceFilters & { limit: number; offset: number };

export const nonconformanceKeys = {
  all: ['nonconformances'] as const,
  list: (params: NonconformanceListParams) => ['nonconformances', 'list', params] as const,
  detail: (id: string) => ['nonconformances', 'detail', id] as const,
};

export function useNonconformances(
  params: NonconformanceListParams,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: nonconformanceKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Nonconformance>>(`/api/nonconformances${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useNonconformance(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: nonconformanceKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<Nonconformance>(`/api/nonconformances/${encodeURIComponent(id ?? '')}`, { signal }),
  });
}
