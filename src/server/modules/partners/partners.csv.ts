// Suppliers and customers as CSV: export of every list, import of new suppliers
// and customers (through the services, so validated and audited like single writes).
import { z } from 'zod';
import {
  CUSTOMER_KINDS,
  addressInputSchema,
  contactInputSchema,
  createCustomerSchema,
  createSupplierSchema,
  type Certificate,
  type Customer,
  type Supplier,
  type SupplierItem,
} from '../../../shared/partners.contract.ts';
import type { CsvColumn, CsvImporter } from '../../platform/csv/index.ts';
import { createCustomer, type CreateCustomerInput } from './customers.service.ts';
import { createSupplier, type CreateSupplierInput } from './suppliers.service.ts';

export const SUPPLIER_CSV_COLUMNS: readonly CsvColumn<Supplier>[] = [
  { header: 'code', value: (s) => s.code },
  { header: 'legal_name_zh', value: (s) => s.legalNameZh },
  { header: 'legal_name_en', value: (s) => s.legalNameEn },
  { header: 'country', value: (s) => s.country },
  { header: 'approval_status', value: (s) => s.approvalStatus },
  { header: 'address', value: (s) => s.address },
  { header: 'contact_name', value: (s) => s.contactName },
  { header: 'contact_phone', value: (s) => s.contactPhone },
  { header: 'contact_email', value: (s) => s.contactEmail },
  { header: 'updated_at', value: (s) => s.updatedAt },
];

export const CERTIFICATE_CSV_COLUMNS: readonly CsvColumn<Certificate>[] = [
  { header: 'type', value: (c) => c.type },
  { header: 'number', value: (c) => c.number },
  { header: 'issuer', value: (c) => c.issuer },
  { header: 'valid_from', value: (c) => c.validFrom },
  { header: 'valid_until', value: (c) => c.validUntil },
  { header: 'status', value: (c) => c.status },
  { header: 'days_until_expiry', value: (c) => c.daysUntilExpiry },
  { header: 'superseded', value: (c) => c.supersededById !== null },
  { header: 'file_name', value: (c) => c.file?.filename },
  { header: 'file_sha256', value: (c) => c.file?.sha256 },
];

export const EXPIRING_CERTIFICATE_CSV_COLUMNS: readonly CsvColumn<
  Certificate & { supplier: { code: string; legalNameZh: string; legalNameEn: string } }
>[] = [
  { header: 'supplier_code', value: (c) => c.supplier.code },
  { header: 'supplier_name_zh', value: (c) => c.supplier.legalNameZh },
  { header: 'supplier_name_en', value: (c) => c.supplier.legalNameEn },
  ...CERTIFICATE_CSV_COLUMNS,
];

export const SUPPLIER_ITEM_CSV_COLUMNS: readonly CsvColumn<SupplierItem>[] = [
  { header: 'item_code', value: (i) => i.itemCode },
  { header: 'item_name_zh', value: (i) => i.itemNameZh },
  { header: 'item_name_en', value: (i) => i.itemNameEn },
  { header: 'supplier_part_number', value: (i) => i.supplierPartNumber },
  { header: 'active', value: (i) => i.active },
  { header: 'approved_at', value: (i) => i.approvedAt },
  { header: 'ended_at', value: (i) => i.endedAt },
  { header: 'end_reason', value: (i) => i.endReason },
];

export const CUSTOMER_CSV_COLUMNS: readonly CsvColumn<Customer>[] = [
  { header: 'code', value: (c) => c.code },
  { header: 'legal_name_zh', value: (c) => c.legalNameZh },
  { header: 'legal_name_en', value: (c) => c.legalNameEn },
  { header: 'kind', value: (c) => c.kind },
  { header: 'country', value: (c) => c.country },
  { header: 'status', value: (c) => c.status },
  { header: 'updated_at', value: (c) => c.updatedAt },
];

const s = createSupplierSchema.shape;

export const suppliersImporter: CsvImporter<CreateSupplierInput> = {
  entity: 'suppliers',
  permission: 'supplier.manage',
  columns: [
    { name: 'code', required: true, description: 'supplier code, unique' },
    { name: 'legal_name_zh', required: true, description: 'legal name in Chinese' },
    { name: 'legal_name_en', required: true, description: 'legal name in English' },
    { name: 'country', required: true, description: 'ISO 3166-1 alpha-2, e.g. CN, DE' },
    { name: 'address', description: 'postal address' },
    { name: 'contact_name', description: 'contact person' },
    { name: 'contact_phone', description: 'phone' },
    { name: 'contact_email', description: 'e-mail' },
  ],
  rowSchema: z
    .object({
      code: s.code,
      legal_name_zh: s.legalNameZh,
      legal_name_en: s.legalNameEn,
      country: s.country,
      address: s.address,
      contact_name: s.contactName,
      contact_phone: s.contactPhone,
      contact_email: s.contactEmail,
    })
    .transform((row): CreateSupplierInput => ({
      code: row.code,
      legalNameZh: row.legal_name_zh,
      legalNameEn: row.legal_name_en,
      country: row.country,
      address: row.address ?? null,
      contactName: row.contact_name ?? null,
      contactPhone: row.contact_phone ?? null,
      contactEmail: row.contact_email ?? null,
      reason: 'CSV import',
    })),
  // Imported suppliers start pending like any other: approval stays a signed step.
  importRow: (trx, actor, input) => createSupplier(trx, actor, input),
};

const c = createCustomerSchema.shape;
const a = addressInputSchema.shape;
const k = contactInputSchema.shape;

export const customersImporter: CsvImporter<CreateCustomerInput> = {
  entity: 'customers',
  permission: 'customer.manage',
  columns: [
    { name: 'code', required: true, description: 'customer code, unique' },
    { name: 'legal_name_zh', required: true, description: 'legal name in Chinese' },
    { name: 'legal_name_en', required: true, description: 'legal name in English' },
    { name: 'kind', required: true, description: CUSTOMER_KINDS.join(' | ') },
    { name: 'country', required: true, description: 'ISO 3166-1 alpha-2' },
    { name: 'address_label', description: 'first ship-to address: label (with line1 and city)' },
    { name: 'address_line1', description: 'first ship-to address: street' },
    { name: 'address_line2', description: 'first ship-to address: more' },
    { name: 'address_city', description: 'first ship-to address: city' },
    { name: 'address_region', description: 'first ship-to address: province / state' },
    { name: 'address_postcode', description: 'first ship-to address: postcode' },
    {
      name: 'address_country',
      description: "first ship-to address: country (default: the customer's)",
    },
    { name: 'contact_name', description: 'first contact (needs a phone or an e-mail)' },
    { name: 'contact_role', description: 'first contact: role' },
    { name: 'contact_phone', description: 'first contact: phone' },
    { name: 'contact_email', description: 'first contact: e-mail' },
  ],
  rowSchema: z
    .object({
      code: c.code,
      legal_name_zh: c.legalNameZh,
      legal_name_en: c.legalNameEn,
      kind: c.kind,
      country: c.country,
      address_label: a.label.optional(),
      address_line1: a.line1.optional(),
      address_line2: a.line2,
      address_city: a.city.optional(),
      address_region: a.region,
      address_postcode: a.postcode,
      address_country: a.country.optional(),
      contact_name: k.name.optional(),
      contact_role: k.role,
      contact_phone: k.phone,
      contact_email: k.email,
    })
    .superRefine((row, ctx) => {
      const address = [row.address_label, row.address_line1, row.address_city];
      if (address.some(Boolean) && !address.every(Boolean)) {
        ctx.addIssue({
          code: 'custom',
          path: [
            row.address_label
              ? row.address_line1
                ? 'address_city'
                : 'address_line1'
              : 'address_label',
          ],
          message: 'an address needs a label, line 1 and a city',
        });
      }
      if ((row.contact_role ?? row.contact_phone ?? row.contact_email) && !row.contact_name) {
        ctx.addIssue({ code: 'custom', path: ['contact_name'], message: 'a contact needs a name' });
      }
    })
    .transform((row): CreateCustomerInput => ({
      code: row.code,
      legalNameZh: row.legal_name_zh,
      legalNameEn: row.legal_name_en,
      kind: row.kind,
      country: row.country,
      addresses:
        row.address_label && row.address_line1 && row.address_city
          ? [
              {
                label: row.address_label,
                line1: row.address_line1,
                line2: row.address_line2 ?? null,
                city: row.address_city,
                region: row.address_region ?? null,
                postcode: row.address_postcode ?? null,
                country: row.address_country ?? row.country,
              },
            ]
          : [],
      contacts: row.contact_name
        ? [
            {
              name: row.contact_name,
              role: row.contact_role ?? null,
              phone: row.contact_phone ?? null,
              email: row.contact_email ?? null,
              recallNotices: true,
            },
          ]
        : [],
      reason: 'CSV import',
    })),
  importRow: (trx, actor, input) => createCustomer(trx, actor, input),
};
