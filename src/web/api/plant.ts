import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../shared/list.ts';
import type {
  Equipment,
  EquipmentManualStatus,
  EquipmentRecord,
  EquipmentStatus,
  Location,
  LocationKind,
  LocationLevel,
  LocationTreeNode,
  Skill,
  TrainingRecord,
  UserQualification,
} from '../../shared/plant.contract.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type {
  Equipment,
  EquipmentManualStatus,
  EquipmentRecord,
  EquipmentStatus,
  EquipmentStatusReason,
  Location,
  LocationKind,
  LocationLevel,
  LocationTreeNode,
  Skill,
  TrainingRecord,
  UserQualification,
} from '../../shared/plant.contract.ts';
export type RecordResult = EquipmentRecord['result'];
export type TrainingStatus = TrainingRecord['status'];
/** Calibration or maintenance: the two kinds of equipment record (their API path segment). */
export type EquipmentWork = 'calibrations' | 'maintenance';

// As in the contract; not imported from it, which would bring zod into the bundle.
export const LOCATION_LEVELS: readonly LocationLevel[] = ['site', 'warehouse', 'zone', 'bin'];
export const LOCATION_KINDS: readonly LocationKind[] = [
  'storage',
  'quarantine',
  'production',
  'cold_storage',
  'customer',
  'scrap',
];
export const EQUIPMENT_STATUSES: readonly EquipmentStatus[] = [
  'in_service',
  'calibration_due_soon',
  'out_of_service',
];
export const RECORD_RESULTS: readonly RecordResult[] = ['pass', 'fail'];
export const TRAINING_STATUSES: readonly TrainingStatus[] = ['valid', 'expired'];
/** Calibration is "due soon" this many days before its due date. */
export const CALIBRATION_DUE_SOON_DAYS = 14;

/** The level a location's children have: site → warehouse → zone → bin (a bin has none). */
export const CHILD_LEVEL: Record<LocationLevel, Exclude<LocationLevel, 'site'> | null> = {
  site: 'warehouse',
  warehouse: 'zone',
  zone: 'bin',
  bin: null,
};

/** The level a location's parent has (a site has none). */
export const PARENT_LEVEL: Record<LocationLevel, LocationLevel | null> = {
  site: null,
  warehouse: 'site',
  zone: 'warehouse',
  bin: 'zone',
};

/** The manual status changes the server allows: active ⇄ out of service, either → retired (final). */
export const EQUIPMENT_STATUS_CHANGES: Record<
  EquipmentManualStatus,
  readonly EquipmentManualStatus[]
> = {
  active: ['out_of_service', 'retired'],
  out_of_service: ['active', 'retired'],
  retired: [],
};

// ---------------------------------------------------------------- locations

export interface LocationFilters {
  q?: string;
  level?: LocationLevel;
  kind?: LocationKind;
  active?: boolean;
  parentId?: string;
}

export type LocationListParams = LocationFilters & { limit: number; offset: number };

export const locationKeys = {
  all: ['locations'] as const,
  tree: (includeInactive: boolean) => ['locations', 'tree', includeInactive] as const,
  list: (params: LocationListParams) => ['locations', 'list', params] as const,
  detail: (id: string) => ['locations', 'detail', id] as const,
};

export function useLocationTree(includeInactive: boolean) {
  return useQuery({
    queryKey: locationKeys.tree(includeInactive),
    queryFn: ({ signal }) =>
      apiGet<{ items: LocationTreeNode[] }>(
        `/api/locations/tree${queryString({ includeInactive })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useLocations(params: LocationListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: locationKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Location>>(`/api/locations${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useLocation(id: string | undefined) {
  return useQuery({
    queryKey: locationKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<Location>(`/api/locations/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export interface CreateLocationInput {
  code: string;
  nameZh: string;
  nameEn: string;
  level: LocationLevel;
  kind: LocationKind;
  parentId: string | null;
  reason?: string;
}

export interface UpdateLocationInput {
  nameZh?: string;
  nameEn?: string;
  kind?: LocationKind;
  parentId?: string;
  active?: boolean;
  reason: string;
}

export function useCreateLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLocationInput) => apiSend<Location>('POST', '/api/locations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: locationKeys.all }),
  });
}

export function useUpdateLocation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateLocationInput) =>
      apiSend<Location>('PATCH', `/api/locations/${encodeURIComponent(id)}`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: locationKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

// ---------------------------------------------------------------- equipment

export interface EquipmentFilters {
  q?: string;
  status?: EquipmentStatus;
  class?: string;
  locationId?: string;
}

export type EquipmentListParams = EquipmentFilters & { limit: number; offset: number };

export const equipmentKeys = {
  all: ['equipment'] as const,
  list: (params: EquipmentListParams) => ['equipment', 'list', params] as const,
  detail: (id: string) => ['equipment', 'detail', id] as const,
  records: (id: string, work: EquipmentWork, page: number) =>
    ['equipment', 'records', id, work, page] as const,
};

const equipmentPath = (id: string) => `/api/equipment/${encodeURIComponent(id)}`;

export function useEquipmentList(params: EquipmentListParams) {
  return useQuery({
    queryKey: equipmentKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Equipment>>(`/api/equipment${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEquipment(id: string) {
  return useQuery({
    queryKey: equipmentKeys.detail(id),
    queryFn: ({ signal }) => apiGet<Equipment>(equipmentPath(id), { signal }),
  });
}

export function useEquipmentRecords(
  id: string,
  work: EquipmentWork,
  page: { limit: number; offset: number },
) {
  return useQuery({
    queryKey: equipmentKeys.records(id, work, page.offset / page.limit + 1),
    queryFn: ({ signal }) =>
      apiGet<ListResult<EquipmentRecord>>(`${equipmentPath(id)}/${work}${queryString(page)}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export interface EquipmentDataInput {
  nameZh: string;
  nameEn: string;
  class: string;
  locationId: string | null;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  calibrationIntervalDays: number | null;
  maintenanceIntervalDays: number | null;
}

export type CreateEquipmentInput = EquipmentDataInput & { code: string; reason?: string };

export interface EquipmentRecordInput {
  performedOn: string;
  result: RecordResult;
  performedBy: string;
  certificateNo: string | null;
  notes: string | null;
}

export type EquipmentChange =
  | { kind: 'update'; body: EquipmentDataInput & { reason: string } }
  | { kind: 'status'; body: { status: EquipmentManualStatus; reason: string } }
  | { kind: 'record'; work: EquipmentWork; body: EquipmentRecordInput };

function sendEquipmentChange(id: string, change: EquipmentChange): Promise<unknown> {
  switch (change.kind) {
    case 'update':
      return apiSend<Equipment>('PATCH', equipmentPath(id), change.body);
    case 'status':
      return apiSend<Equipment>('POST', `${equipmentPath(id)}/status`, change.body);
    case 'record':
      return apiSend<EquipmentRecord>('POST', `${equipmentPath(id)}/${change.work}`, change.body);
  }
}

export function useCreateEquipment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEquipmentInput) =>
      apiSend<Equipment>('POST', '/api/equipment', input),
    onSuccess: (equipment) => {
      queryClient.setQueryData(equipmentKeys.detail(equipment.id), equipment);
      void queryClient.invalidateQueries({ queryKey: equipmentKeys.all });
    },
  });
}

/** Any change to a piece of equipment, including a new calibration or maintenance record. */
export function useChangeEquipment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: EquipmentChange) => sendEquipmentChange(id, change),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: equipmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

// ---------------------------------------------------------------- qualifications

export interface SkillFilters {
  q?: string;
  active?: boolean;
}

export type SkillListParams = SkillFilters & { limit: number; offset: number };

export interface TrainingFilters {
  q?: string;
  userId?: string;
  skillId?: string;
  valid?: boolean;
}

export type TrainingListParams = TrainingFilters & { limit: number; offset: number };

export const qualificationKeys = {
  all: ['qualifications'] as const,
  skills: (params: SkillListParams) => ['qualifications', 'skills', params] as const,
  records: (params: TrainingListParams) => ['qualifications', 'records', params] as const,
  ofUser: (userId: string) => ['qualifications', 'user', userId] as const,
};

export function useSkills(params: SkillListParams) {
  return useQuery({
    queryKey: qualificationKeys.skills(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Skill>>(`/api/qualifications/skills${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingRecords(params: TrainingListParams) {
  return useQuery({
    queryKey: qualificationKeys.records(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<TrainingRecord>>(
        `/api/qualifications/records${queryString({ ...params })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** Where a person stands on every skill they were trained in, as of today. */
export function useUserQualifications(userId: string | undefined) {
  return useQuery({
    queryKey: qualificationKeys.ofUser(userId ?? ''),
    queryFn: ({ signal }) =>
      apiGet<ListResult<UserQualification>>(
        `/api/qualifications/users/${encodeURIComponent(userId ?? '')}`,
        { signal },
      ),
    enabled: Boolean(userId),
  });
}

export interface SkillInput {
  nameZh: string;
  nameEn: string;
  validityMonths: number | null;
}

export interface TrainingInput {
  userId: string;
  skillId: string;
  trainedOn: string;
  trainer: string;
  expiresOn?: string | null;
  documentRef: string | null;
  reason?: string;
}

export type QualificationChange =
  | { kind: 'create-skill'; body: SkillInput & { code: string; reason?: string } }
  | {
      kind: 'update-skill';
      skillId: string;
      body: Partial<SkillInput> & { active?: boolean; reason: string };
    }
  | { kind: 'record-training'; body: TrainingInput };

function sendQualificationChange(change: QualificationChange): Promise<unknown> {
  switch (change.kind) {
    case 'create-skill':
      return apiSend<Skill>('POST', '/api/qualifications/skills', change.body);
    case 'update-skill':
      return apiSend<Skill>(
        'PATCH',
        `/api/qualifications/skills/${encodeURIComponent(change.skillId)}`,
        change.body,
      );
    case 'record-training':
      return apiSend<TrainingRecord>('POST', '/api/qualifications/records', change.body);
  }
}

/** Skills and training records: every change reloads the qualification lists. */
export function useChangeQualifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendQualificationChange,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: qualificationKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
