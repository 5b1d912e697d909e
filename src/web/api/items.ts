import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeviceModelInput, Item, ItemDocumentLink } from '../../shared/items.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type {
  DeviceModel,
  DeviceModelInput,
  Item,
  ItemDocumentLink,
} from '../../shared/items.contract.ts';
export type ItemType = Item['type'];
export type Tracking = Item['tracking'];
export type ItemStatus = Item['status'];
export type MriSafety = NonNullable<Item['deviceModel']>['mriSafety'];
export type IssuingAgency = NonNullable<Item['deviceModel']>['issuingAgency'];
export type ItemStorage = Item['storage'];

// As in the contract; not imported from it, which would bring zod into the bundle.
export const ITEM_TYPES: readonly ItemType[] = [
  'raw_material',
  'component',
  'sub_assembly',
  'finished_device',
  'packaging',
  'label',
];
export const TRACKING_MODES: readonly Tracking[] = ['lot', 'serial', 'none'];
export const ITEM_STATUSES: readonly ItemStatus[] = ['active', 'blocked', 'obsolete'];
export const MRI_SAFETY: readonly MriSafety[] = ['safe', 'conditional', 'unsafe', 'not_evaluated'];
export const ISSUING_AGENCIES: readonly IssuingAgency[] = ['GS1', 'HIBCC'];

export type LabelIdentifier = keyof NonNullable<Item['deviceModel']>['labelIdentifiers'];
/** The production identifiers (UDI-PI) a device label may carry. */
export const LABEL_IDENTIFIERS: readonly LabelIdentifier[] = [
  'lot',
  'serial',
  'manufactureDate',
  'expiry',
];

/** The status changes the server allows: active ⇄ blocked, either → obsolete (final). */
export const STATUS_CHANGES: Record<ItemStatus, readonly ItemStatus[]> = {
  active: ['blocked', 'obsolete'],
  blocked: ['active', 'obsolete'],
  obsolete: [],
};

export interface ItemFilters {
  q?: string;
  type?: ItemType;
  status?: ItemStatus;
  tracking?: Tracking;
}

export type ItemListParams = ItemFilters & { limit: number; offset: number };

export const itemKeys = {
  all: ['items'] as const,
  list: (params: ItemListParams) => ['items', 'list', params] as const,
  detail: (id: string) => ['items', 'detail', id] as const,
  documents: (id: string) => ['items', 'documents', id] as const,
};

export function useItems(params: ItemListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: itemKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Item>>(`/api/items${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useItem(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: itemKeys.detail(id),
    queryFn: ({ signal }) => apiGet<Item>(`/api/items/${encodeURIComponent(id)}`, { signal }),
    enabled: options.enabled ?? true,
  });
}

/** Storage conditions as the API takes them: decimals as strings, null for "not stated". */
export interface StorageInput {
  tempMinC: string | null;
  tempMaxC: string | null;
  humidityMaxPct: string | null;
}

export interface CreateItemInput {
  code: string;
  nameZh: string;
  nameEn: string;
  type: ItemType;
  uom: string;
  tracking: Tracking;
  shelfLifeDays: number | null;
  storage: StorageInput;
  reason?: string;
}

export interface UpdateItemInput {
  nameZh: string;
  nameEn: string;
  uom: string;
  shelfLifeDays: number | null;
  storage: StorageInput;
}

export type ItemChange =
  | { kind: 'update'; body: UpdateItemInput }
  | { kind: 'status'; body: { status: ItemStatus } }
  | { kind: 'device-model'; body: Omit<DeviceModelInput, 'reason'> };

function sendChange(id: string, change: ItemChange, reason: string): Promise<Item> {
  const base = `/api/items/${encodeURIComponent(id)}`;
  const body = { ...change.body, reason };
  switch (change.kind) {
    case 'update':
      return apiSend<Item>('PATCH', base, body);
    case 'status':
      return apiSend<Item>('POST', `${base}/status`, body);
    case 'device-model':
      return apiSend<Item>('PUT', `${base}/device-model`, body);
  }
}

export function useCreateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateItemInput) => apiSend<Item>('POST', '/api/items', input),
    onSuccess: (item) => {
      queryClient.setQueryData(itemKeys.detail(item.id), item);
      void queryClient.invalidateQueries({ queryKey: itemKeys.all });
    },
  });
}

/** Any change to an item; every one carries the reason for the audit trail. */
export function useChangeItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, reason }: { change: ItemChange; reason: string }) =>
      sendChange(id, change, reason),
    onSuccess: (item) => {
      queryClient.setQueryData(itemKeys.detail(id), item);
      void queryClient.invalidateQueries({ queryKey: itemKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** The controlled document versions linked to an item. */
export function useItemDocuments(id: string) {
  return useQuery({
    queryKey: itemKeys.documents(id),
    queryFn: ({ signal }) =>
      apiGet<ItemDocumentLink[]>(`/api/items/${encodeURIComponent(id)}/documents`, { signal }),
  });
}

/** Links document versions (one request each) or ends one link. */
export function useChangeItemDocuments(id: string) {
  const queryClient = useQueryClient();
  const base = `/api/items/${encodeURIComponent(id)}/documents`;
  return useMutation({
    mutationFn: async (
      change: { link: string[]; reason?: string } | { end: string; reason: string },
    ): Promise<ItemDocumentLink[]> => {
      if ('end' in change) {
        return apiSend<ItemDocumentLink[]>(
          'POST',
          `${base}/${encodeURIComponent(change.end)}/end`,
          {
            reason: change.reason,
          },
        );
      }
      let links: ItemDocumentLink[] = [];
      for (const documentVersionId of change.link) {
        links = await apiSend<ItemDocumentLink[]>('POST', base, {
          documentVersionId,
          reason: change.reason,
        });
      }
      return links;
    },
    onSuccess: (links) => {
      queryClient.setQueryData(itemKeys.documents(id), links);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
