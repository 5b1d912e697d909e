import type { ColumnType } from 'kysely';
import type { CertificateType, SupplierStatus } from '../../../shared/partners.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** A calendar date: 'YYYY-MM-DD' both ways (the drivers keep `date` as text). */
type CalendarDate = string;

export type CustomerKind = 'hospital' | 'distributor' | 'clinic' | 'other';
export type CustomerStatus = 'active' | 'inactive';

export interface SuppliersTable {
  id: string;
  code: string;
  legal_name_zh: string;
  legal_name_en: string;
  country: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  approval_status: ColumnType<SupplierStatus, SupplierStatus | undefined, SupplierStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SupplierStatusChangesTable {
  id: string;
  supplier_id: string;
  from_status: SupplierStatus | null;
  to_status: SupplierStatus;
  reason: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  actor_name: string;
  changed_at: Date;
  signature_id: string | null;
}

export interface PartnerFilesTable {
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  /** pg hands back a Buffer, PGlite a Uint8Array. */
  content: ColumnType<Uint8Array, Uint8Array, never>;
  uploaded_at: CreatedAt;
  uploaded_by: string;
}

export interface SupplierCertificatesTable {
  id: string;
  supplier_id: string;
  type: CertificateType;
  number: string;
  issuer: string;
  valid_from: CalendarDate;
  valid_until: CalendarDate;
  file_id: string | null;
  superseded_by_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SupplierItemsTable {
  id: string;
  supplier_id: string;
  item_id: string;
  supplier_part_number: string | null;
  approved_at: CreatedAt;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface CustomersTable {
  id: string;
  code: string;
  legal_name_zh: string;
  legal_name_en: string;
  kind: CustomerKind;
  country: string;
  status: ColumnType<CustomerStatus, CustomerStatus | undefined, CustomerStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerContactsTable {
  id: string;
  customer_id: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  recall_notices: boolean;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    suppliers: SuppliersTable;
    supplier_status_changes: SupplierStatusChangesTable;
    partner_files: PartnerFilesTable;
    supplier_certificates: SupplierCertificatesTable;
    supplier_items: SupplierItemsTable;
    customers: CustomersTable;
    customer_addresses: CustomerAddressesTable;
    customer_contacts: CustomerContactsTable;
  }
}
