import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../shared/list.ts';
import type {
  CreatePurchaseOrderInput,
  CreateReceiptInput,
  PurchaseOrder,
  PurchaseOrderDetail,
  PurchaseOrderStatus,
  Receipt,
  ReceiptScanPreview,
  SupplierReturn,
  SupplierScorecardRow,
} from '../../shared/purchasing.contract.ts';
import { apiGet, apiSend, queryString } from './client.ts';

export type {
  CreatePurchaseOrderInput,
  CreateReceiptInput,
  PurchaseOrder,
  PurchaseOrderDetail,
  PurchaseOrderLine,
  PurchaseOrderLineInput,
  PurchaseOrderStatus,
  Receipt,
  ReceiptScanPreview,
  SupplierReturn,
  SupplierScorecardRow,
} from '../../shared/purchasing.contract.ts';

// As in the contract; not imported from it, which would bring zod into the bundle.
export const PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = [
  'draft',
  'open',
  'partially_received',
  'received',
  'closed',
  'cancelled',
];
/** Statuses a receipt may be booked against. */
export const RECEIVABLE_STATUSES: readonly PurchaseOrderStatus[] = ['open', 'partially_received'];
/** Statuses a person may cancel from (nothing received yet) or close from (something received or ordered). */
export const CANCELLABLE_STATUSES: readonly PurchaseOrderStatus[] = ['draft', 'open'];
export const CLOSABLE_STATUSES: readonly PurchaseOrderStatus[] = [
  'open',
  'partially_received',
  'received',
];

export type ReceiptItemMatch = NonNullable<ReceiptScanPreview['itemMatch']>;

// ---------------------------------------------------------------- purchase orders

export interface PurchaseOrderFilters {
  q?: string;
  status?: PurchaseOrderStatus;
  supplierId?: string;
  itemId?: string;
  receivable?: boolean;
}

export type PurchaseOrderListParams = PurchaseOrderFilters & { limit: number; offset: number };

export const purchaseOrderKeys = {
  all: ['purchase-orders'] as const,
  list: (params: PurchaseOrderListParams) => ['purchase-orders', 'list', params] as const,
  detail: (id: string) => ['purchase-orders', 'detail', id] as const,
};

const orderPath = (id: string) => `/api/purchase-orders/${encodeURIComponent(id)}`;

export function usePurchaseOrders(
  params: PurchaseOrderListParams,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: purchaseOrderKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<PurchaseOrder>>(`/api/purchase-orders${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function usePurchaseOrder(id: string | undefined) {
  return useQuery({
    queryKey: purchaseOrderKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiGet<PurchaseOrderDetail>(orderPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** The order with exactly this code (as scanned or typed), or undefined. */
export async function findPurchaseOrderByCode(code: string): Promise<PurchaseOrder | undefined> {
  const wanted = code.trim().toUpperCase();
  const found = await apiGet<ListResult<PurchaseOrder>>(
    `/api/purchase-orders${queryString({ q: wanted, limit: 20, offset: 0 })}`,
  );
  return found.items.find((order) => order.code.toUpperCase() === wanted);
}

function invalidatePurchasing(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: purchaseOrderKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['receipts'] }),
    queryClient.invalidateQueries({ queryKey: ['supplier-scorecard'] }),
    queryClient.invalidateQueries({ queryKey: ['audit'] }),
  ]);
}

export function useCreatePurchaseOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePurchaseOrderInput) =>
      apiSend<PurchaseOrderDetail>('POST', '/api/purchase-orders', input),
    onSuccess: (order) => {
      queryClient.setQueryData(purchaseOrderKeys.detail(order.id), order);
      void invalidatePurchasing(queryClient);
    },
  });
}

/** Placing sends a draft to the supplier; cancelling and closing end the order, with a reason. */
export type PurchaseOrderAction =
  | { kind: 'place'; reason?: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'close'; reason: string };

export function usePurchaseOrderAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: PurchaseOrderAction) =>
      apiSend<PurchaseOrderDetail>('POST', `${orderPath(id)}/${kind}`, body),
    onSuccess: () => invalidatePurchasing(queryClient),
  });
}

// ---------------------------------------------------------------- receipts

/** What the server reads from a supplier label for a PO line, before anything is booked. */
export function previewReceiptScan(input: {
  purchaseOrderLineId: string;
  scan: string;
}): Promise<ReceiptScanPreview> {
  return apiSend<ReceiptScanPreview>('POST', '/api/receipts/parse', input);
}

export function useReceive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReceiptInput) => apiSend<Receipt>('POST', '/api/receipts', input),
    onSuccess: () =>
      Promise.all([
        invalidatePurchasing(queryClient),
        queryClient.invalidateQueries({ queryKey: ['lots'] }),
        queryClient.invalidateQueries({ queryKey: ['inspections'] }),
      ]),
  });
}

export interface SupplierReturnInput {
  traceUnitId: string;
  locationId: string;
  quantity: string;
  reason: string;
}

export function useReturnToSupplier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupplierReturnInput) =>
      apiSend<SupplierReturn>('POST', '/api/supplier-returns', input),
    onSuccess: () =>
      Promise.all([
        invalidatePurchasing(queryClient),
        queryClient.invalidateQueries({ queryKey: ['lots'] }),
      ]),
  });
}

// ---------------------------------------------------------------- scorecard

export interface ScorecardWindow {
  from?: string;
  to?: string;
}

export interface SupplierScorecard {
  from: string | null;
  to: string | null;
  rows: SupplierScorecardRow[];
}

export function useSupplierScorecard(window: ScorecardWindow) {
  return useQuery({
    queryKey: ['supplier-scorecard', window] as const,
    queryFn: ({ signal }) =>
      apiGet<SupplierScorecard>(`/api/suppliers/scorecard${queryString({ ...window })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
