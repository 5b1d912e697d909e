import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../shared/list.ts';
import type {
  Certificate,
  CertificateType,
  Customer,
  CustomerAddress,
  CustomerContact,
  CustomerDetail,
  Supplier,
  SupplierDetail,
  SupplierItem,
  SupplierStatus,
} from '../../shared/partners.contract.ts';
import type { SignatureInput, SignatureMeaning } from '../../shared/signatures.contract.ts';
import { apiFetchBlob, apiGet, apiSend, queryString } from './client.ts';
import { saveBlob } from './csv.ts';

export type {
  Certificate,
  CertificateStatus,
  CertificateType,
  Customer,
  CustomerAddress,
  CustomerContact,
  CustomerDetail,
  Supplier,
  SupplierDetail,
  SupplierItem,
  SupplierStatus,
  SupplierStatusChange,
  SupplierWarning,
} from '../../shared/partners.contract.ts';
export type ExpiringCertificate = Certificate & {
  supplier: Pick<Supplier, 'id' | 'code' | 'legalNameZh' | 'legalNameEn' | 'approvalStatus'>;
};
export type CustomerKind = Customer['kind'];
export type CustomerStatus = Customer['status'];
export type CertificateMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

// As in the contract; not imported from it, which would bring zod into the bundle.
export const SUPPLIER_STATUSES: readonly SupplierStatus[] = [
  'pending',
  'approved',
  'conditional',
  'disqualified',
];
export const CERTIFICATE_TYPES: readonly CertificateType[] = [
  'iso13485',
  'business_licence',
  'product_registration',
  'other',
];
export const CUSTOMER_KINDS: readonly CustomerKind[] = [
  'hospital',
  'distributor',
  'clinic',
  'other',
];
export const CUSTOMER_STATUSES: readonly CustomerStatus[] = ['active', 'inactive'];
export const CERTIFICATE_MEDIA_TYPES: readonly CertificateMediaType[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
];
export const CERTIFICATE_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The approval changes the server allows, and what the signature on each means:
 * disqualification is left only through a fresh evaluation (back to pending).
 */
export const SUPPLIER_STATUS_CHANGES: Record<SupplierStatus, readonly SupplierStatus[]> = {
  pending: ['approved', 'conditional', 'disqualified'],
  approved: ['conditional', 'disqualified'],
  conditional: ['approved', 'disqualified'],
  disqualified: ['pending'],
};
export const SUPPLIER_STATUS_MEANINGS: Record<SupplierStatus, readonly SignatureMeaning[]> = {
  approved: ['approved'],
  conditional: ['approved'],
  disqualified: ['rejected'],
  pending: ['reviewed'],
};

// ---------------------------------------------------------------- suppliers

export interface SupplierFilters {
  q?: string;
  approvalStatus?: SupplierStatus;
  country?: string;
}

export type SupplierListParams = SupplierFilters & { limit: number; offset: number };

export const supplierKeys = {
  all: ['suppliers'] as const,
  list: (params: SupplierListParams) => ['suppliers', 'list', params] as const,
  detail: (id: string) => ['suppliers', 'detail', id] as const,
  expiring: (limit: number) => ['suppliers', 'expiring', limit] as const,
};

const supplierPath = (id: string) => `/api/suppliers/${encodeURIComponent(id)}`;

export function useSuppliers(params: SupplierListParams) {
  return useQuery({
    queryKey: supplierKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Supplier>>(`/api/suppliers${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Current certificates of suppliers in use that lapse within 30 days or have
 * lapsed, soonest first (what purchasing and QA must chase).
 */
export function useExpiringCertificates(limit: number) {
  return useQuery({
    queryKey: supplierKeys.expiring(limit),
    queryFn: ({ signal }) =>
      apiGet<ListResult<ExpiringCertificate>>(
        `/api/suppliers/certificates/expiring${queryString({ limit })}`,
        { signal },
      ),
  });
}

export function useSupplier(id: string) {
  return useQuery({
    queryKey: supplierKeys.detail(id),
    queryFn: ({ signal }) => apiGet<SupplierDetail>(supplierPath(id), { signal }),
  });
}

export interface SupplierDataInput {
  legalNameZh: string;
  legalNameEn: string;
  country: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

export type CreateSupplierInput = SupplierDataInput & { code: string; reason?: string };

export interface FileUploadInput {
  filename: string;
  mediaType: CertificateMediaType;
  contentBase64: string;
  sha256?: string;
}

export interface CertificateInput {
  type: CertificateType;
  number: string;
  issuer: string;
  validFrom: string;
  validUntil: string;
  replacesCertificateId?: string;
  file?: FileUploadInput;
  reason?: string;
}

/** Every change on a supplier's page: the server answers with the supplier or the changed part. */
export type SupplierChange =
  | { kind: 'update'; body: SupplierDataInput & { reason: string } }
  | {
      kind: 'status';
      body: { status: SupplierStatus; reason: string; signature: SignatureInput };
    }
  | {
      kind: 'add-item';
      body: { itemId: string; supplierPartNumber: string | null; reason: string };
    }
  | { kind: 'end-item'; linkId: string; body: { reason: string } }
  | { kind: 'add-certificate'; body: CertificateInput }
  | {
      kind: 'attach-file';
      certificateId: string;
      body: FileUploadInput & { reason?: string };
    };

function sendSupplierChange(id: string, change: SupplierChange): Promise<unknown> {
  const base = supplierPath(id);
  switch (change.kind) {
    case 'update':
      return apiSend<SupplierDetail>('PATCH', base, change.body);
    case 'status':
      return apiSend<SupplierDetail>('POST', `${base}/status`, change.body);
    case 'add-item':
      return apiSend<SupplierItem>('POST', `${base}/items`, change.body);
    case 'end-item':
      return apiSend<SupplierItem>(
        'POST',
        `${base}/items/${encodeURIComponent(change.linkId)}/end`,
        change.body,
      );
    case 'add-certificate':
      return apiSend<Certificate>('POST', `${base}/certificates`, change.body);
    case 'attach-file':
      return apiSend<Certificate>(
        'PUT',
        `${base}/certificates/${encodeURIComponent(change.certificateId)}/file`,
        change.body,
      );
  }
}

export function useCreateSupplier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSupplierInput) =>
      apiSend<SupplierDetail>('POST', '/api/suppliers', input),
    onSuccess: (supplier) => {
      queryClient.setQueryData(supplierKeys.detail(supplier.id), supplier);
      void queryClient.invalidateQueries({ queryKey: supplierKeys.all });
    },
  });
}

/** Any change to a supplier, its approved items or its certificates; the page is reloaded after. */
export function useChangeSupplier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: SupplierChange) => sendSupplierChange(id, change),
    // Waits for the page's data to reload, so a dialog closes onto the changed supplier.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supplierKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

/** Downloads a certificate's scanned copy under the name it was uploaded with. */
export async function downloadCertificateFile(
  supplierId: string,
  certificate: Pick<Certificate, 'id' | 'file'>,
): Promise<void> {
  const blob = await apiFetchBlob(
    'GET',
    `${supplierPath(supplierId)}/certificates/${encodeURIComponent(certificate.id)}/file`,
  );
  saveBlob(blob, certificate.file?.filename ?? 'certificate');
}

// ---------------------------------------------------------------- customers

export interface CustomerFilters {
  q?: string;
  kind?: CustomerKind;
  status?: CustomerStatus;
  country?: string;
}

export type CustomerListParams = CustomerFilters & { limit: number; offset: number };

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

export function useCustomers(params: CustomerListParams) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<Customer>>(`/api/customers${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => apiGet<CustomerDetail>(customerPath(id), { signal }),
  });
}

export interface CustomerDataInput {
  legalNameZh: string;
  legalNameEn: string;
  kind: CustomerKind;
  country: string;
}

export type CreateCustomerInput = CustomerDataInput & { code: string; reason?: string };

export interface AddressInput {
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
}

export interface ContactInput {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  recallNotices: boolean;
}

export type CustomerChange =
  | { kind: 'update'; body: CustomerDataInput & { reason: string } }
  | { kind: 'status'; body: { status: CustomerStatus; reason: string } }
  | { kind: 'add-address'; body: AddressInput & { reason: string } }
  | {
      kind: 'update-address';
      addressId: string;
      body: Partial<AddressInput> & { active?: boolean; reason: string };
    }
  | { kind: 'add-contact'; body: ContactInput & { reason: string } }
  | {
      kind: 'update-contact';
      contactId: string;
      body: Partial<ContactInput> & { active?: boolean; reason: string };
    };

function sendCustomerChange(id: string, change: CustomerChange): Promise<unknown> {
  const base = customerPath(id);
  switch (change.kind) {
    case 'update':
      return apiSend<CustomerDetail>('PATCH', base, change.body);
    case 'status':
      return apiSend<CustomerDetail>('POST', `${base}/status`, change.body);
    case 'add-address':
      return apiSend<CustomerAddress>('POST', `${base}/addresses`, change.body);
    case 'update-address':
      return apiSend<CustomerAddress>(
        'PATCH',
        `${base}/addresses/${encodeURIComponent(change.addressId)}`,
        change.body,
      );
    case 'add-contact':
      return apiSend<CustomerContact>('POST', `${base}/contacts`, change.body);
    case 'update-contact':
      return apiSend<CustomerContact>(
        'PATCH',
        `${base}/contacts/${encodeURIComponent(change.contactId)}`,
        change.body,
      );
  }
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCustomerInput) =>
      apiSend<CustomerDetail>('POST', '/api/customers', input),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}

/** Any change to a customer, its ship-to addresses or its contacts. */
export function useChangeCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: CustomerChange) => sendCustomerChange(id, change),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
