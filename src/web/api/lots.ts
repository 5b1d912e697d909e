import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../shared/list.ts';
import type {
  BulkHoldInput,
  BulkHoldResult,
  FefoSuggestion,
  HoldScope,
  LotDetail,
  LotListItem,
  MovementType,
  QualityStatus,
  StockBalance,
  StockMovement,
  TraceUnitKind,
} from '../../shared/lots.contract.ts';
import type { Receipt } from '../../shared/purchasing.contract.ts';
import type { SignatureInput } from '../../shared/signatures.contract.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type {
  Activity,
  BulkHoldInput,
  BulkHoldResult,
  FefoSuggestion,
  GenealogyLink,
  HoldScope,
  LotDetail,
  LotListItem,
  LotLocationQuantity,
  LotStatusChange,
  MovementType,
  QualityStatus,
  StockBalance,
  StockMovement,
  TraceUnitKind,
} from '../../shared/lots.contract.ts';

// As in the contract; not imported from it, which would bring zod into the bundle.
export const QUALITY_STATUSES: readonly QualityStatus[] = [
  'quarantined',
  'released',
  'on_hold',
  'rejected',
  'recalled',
  'expired',
];
export const TRACE_UNIT_KINDS: readonly TraceUnitKind[] = ['lot', 'serial', 'container'];
export const MOVEMENT_TYPES: readonly MovementType[] = [
  'receipt',
  'transfer',
  'issue',
  'adjustment',
  'scrap',
  'return_to_supplier',
  'split',
  'merge',
];
export const REVERSIBLE_MOVEMENT_TYPES: readonly MovementType[] = [
  'transfer',
  'issue',
  'adjustment',
  'scrap',
];
export const HOLD_SCOPES: readonly HoldScope[] = ['item', 'supplier', 'supplier_lot'];
/** Default of the platform setting lots.expiry_warning_days. */
export const EXPIRY_WARNING_DAYS = 30;

export interface LotFilters {
  q?: string;
  itemId?: string;
  kind?: TraceUnitKind;
  status?: QualityStatus;
  locationId?: string;
  supplierId?: string;
  supplierLot?: string;
  expiresFrom?: string;
  expiresTo?: string;
  inStock?: boolean;
}
export type LotListParams = LotFilters & { limit: number; offset: number };

export interface BalanceFilters {
  q?: string;
  locationId?: string;
  itemId?: string;
  lotId?: string;
  status?: QualityStatus;
  includeEmpty?: boolean;
}
export type BalanceListParams = BalanceFilters & { limit: number; offset: number };

export interface MovementFilters {
  q?: string;
  lotId?: string;
  itemId?: string;
  locationId?: string;
  type?: MovementType;
  from?: string;
  to?: string;
}
export type MovementListParams = MovementFilters & { limit: number; offset: number };

export const lotKeys = {
  all: ['lots'] as const,
  list: (params: LotListParams) => ['lots', 'list', params] as const,
  detail: (id: string) => ['lots', 'detail', id] as const,
  byCode: (code: string) => ['lots', 'code', code] as const,
};
export const stockKeys = {
  all: ['stock'] as const,
  balances: (params: BalanceListParams) => ['stock', 'balances', params] as const,
  movements: (params: MovementListParams) => ['stock', 'movements', params] as const,
  fefo: (itemId: string, quantity: string, locationId?: string) =>
    ['stock', 'fefo', itemId, quantity, locationId ?? ''] as const,
};

const lotPath = (id: string) => `/api/lots/${encodeURIComponent(id)}`;

export function useLots(params: LotListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: lotKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<LotListItem>>(`/api/lots${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useLot(id: string) {
  return useQuery({
    queryKey: lotKeys.detail(id),
    queryFn: ({ signal }) => apiGet<LotDetail>(lotPath(id), { signal }),
  });
}

/** Lots whose code is exactly `code` (a scanned label): usually one, more when items share a code. */
export async function findLotsByCode(code: string): Promise<LotListItem[]> {
  const found = await apiGet<ListResult<LotListItem>>(
    `/api/lots${queryString({ q: code, limit: 200, offset: 0 })}`,
  );
  const wanted = code.trim().toLowerCase();
  return found.items.filter(
    (lot) => lot.code.toLowerCase() === wanted || lot.supplierLot?.toLowerCase() === wanted,
  );
}

export function useStockBalances(params: BalanceListParams) {
  return useQuery({
    queryKey: stockKeys.balances(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<StockBalance>>(`/api/stock/balances${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useStockMovements(params: MovementListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: stockKeys.movements(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<StockMovement>>(`/api/stock/movements${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useFefoSuggestion(
  input: { itemId: string; quantity: string; locationId?: string } | null,
) {
  return useQuery({
    queryKey: stockKeys.fefo(input?.itemId ?? '', input?.quantity ?? '', input?.locationId),
    queryFn: ({ signal }) =>
      apiGet<FefoSuggestion>(`/api/stock/fefo${queryString({ ...input })}`, { signal }),
    enabled: input !== null,
  });
}

// ---------------------------------------------------------------- writes

export type LotAction =
  | { kind: 'hold'; reason: string }
  | { kind: 'release-hold'; signature: SignatureInput; reason?: string }
  | { kind: 'release'; signature: SignatureInput; reason?: string }
  | { kind: 'reject'; signature: SignatureInput; reason: string }
  | { kind: 'recall'; signature: SignatureInput; reason: string }
  | { kind: 'split'; fromLocationId: string; parts: { quantity: string }[]; reason: string };

function sendLotAction(id: string, action: LotAction): Promise<unknown> {
  const { kind, ...body } = action;
  return apiSend('POST', `${lotPath(id)}/${kind}`, body);
}

/** Invalidates what a change of lots or stock may have changed. */
function useStockChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: lotKeys.all });
    void queryClient.invalidateQueries({ queryKey: stockKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** A quality status change (hold, release, …) or a split of one lot. */
export function useLotAction(id: string) {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (action: LotAction) => sendLotAction(id, action),
    onSuccess: changed,
  });
}

export function useBulkHold() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: BulkHoldInput) => apiSend<BulkHoldResult>('POST', '/api/lots/holds', input),
    onSuccess: changed,
  });
}

export interface MergeInput {
  locationId: string;
  sources: { lotId: string; quantity: string }[];
  reason: string;
}

export type StockAction =
  | {
      kind: 'transfer';
      body: {
        lotId: string;
        fromLocationId: string;
        toLocationId: string;
        quantity: string;
        reason?: string;
      };
    }
  | {
      kind: 'adjustment';
      body: { lotId: string; locationId: string; quantity: string; reason: string };
    }
  | { kind: 'scrap'; body: { lotId: string; locationId: string; quantity: string; reason: string } }
  | { kind: 'reverse'; movementId: string; reason: string }
  | { kind: 'merge'; body: MergeInput };

function sendStockAction(action: StockAction): Promise<unknown> {
  switch (action.kind) {
    case 'transfer':
      return apiSend('POST', '/api/stock/transfers', action.body);
    case 'adjustment':
      return apiSend('POST', '/api/stock/adjustments', action.body);
    case 'scrap':
      return apiSend('POST', '/api/stock/scrap', action.body);
    case 'reverse':
      return apiSend(
        'POST',
        `/api/stock/movements/${encodeURIComponent(action.movementId)}/reverse`,
        { reason: action.reason },
      );
    case 'merge':
      return apiSend('POST', '/api/lots/merge', action.body);
  }
}

/** Transfers, adjustments, scrap, reversals and merges: movements in the stock ledger. */
export function useStockAction() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: sendStockAction,
    onSuccess: changed,
  });
}

/** The receipt a lot came in with (its certificate of analysis, PO and inspections). */
export function useLotReceipt(receiptId: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['receipts', 'detail', receiptId ?? ''],
    queryFn: ({ signal }) =>
      apiGet<Receipt>(`/api/receipts/${encodeURIComponent(receiptId ?? '')}`, { signal }),
    enabled: receiptId !== null && (options.enabled ?? true),
  });
}
