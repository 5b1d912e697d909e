import { z } from 'zod';
import { listQuerySchema } from './list.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

export const SUPPLIER_STATUSES = ['pending', 'approved', 'conditional', 'disqualified'] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];
export const CERTIFICATE_TYPES = [
  'iso13485',
  'business_licence',
  'product_registration',
  'other',
] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const CERTIFICATE_STATUSES = ['not_yet_valid', 'valid', 'expiring', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CUSTOMER_KINDS = ['hospital', 'distributor', 'clinic', 'other'] as const;
export const CUSTOMER_STATUSES = ['active', 'inactive'] as const;

/** Scans and PDFs of certificates; the bytes are checked against the declared type. */
export const CERTIFICATE_FILE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const CERTIFICATE_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** A certificate counts as expiring this many days before its last valid day (default of ?days=). */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 30;

export const SUPPLIER_WARNINGS = [
  'certificate_expired',
  'certificate_expiring',
  'no_valid_certificate',
  'status_conditional',
  'status_pending',
  'status_disqualified',
] as const;

const masterCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    error: 'letters, digits, dot, underscore and hyphen; at most 40',
  });
const legalName = z.string().trim().min(1).max(300);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'an ISO 3166-1 alpha-2 country code such as CN or DE' });
const reason = z.string().trim().min(1).max(500);
const calendarDate = z.iso.date();

// ---------------------------------------------------------------- suppliers

export const supplierSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    legalNameZh: z.string(),
    legalNameEn: z.string(),
    country: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    approvalStatus: z.enum(SUPPLIER_STATUSES),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.infer<typeof supplierSchema>;

export const storedFileSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: 'Hex SHA-256 of the stored bytes' }),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'StoredFile' });

export const certificateSchema = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    type: z.enum(CERTIFICATE_TYPES),
    number: z.string(),
    issuer: z.string(),
    validFrom: calendarDate,
    validUntil: calendarDate.meta({ description: 'Last day the certificate is valid' }),
    status: z.enum(CERTIFICATE_STATUSES).meta({ description: 'Derived from the dates, today' }),
    daysUntilExpiry: z.number().int().meta({ description: 'Negative once expired' }),
    supersededById: z.string().nullable(),
    file: storedFileSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SupplierCertificate' });
export type Certificate = z.infer<typeof certificateSchema>;

export const supplierItemSchema = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    itemId: z.string(),
    itemCode: z.string(),
    itemNameZh: z.string(),
    itemNameEn: z.string(),
    supplierPartNumber: z.string().nullable(),
    approvedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    endReason: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'SupplierItem' });
export type SupplierItem = z.infer<typeof supplierItemSchema>;

export const supplierStatusChangeSchema = z
  .object({
    id: z.string(),
    fromStatus: z.enum(SUPPLIER_STATUSES).nullable(),
    toStatus: z.enum(SUPPLIER_STATUSES),
    reason: z.string(),
    changedBy: z.string().meta({ description: 'Printed name of who changed it' }),
    changedAt: z.iso.datetime(),
    signature: signatureSchema.nullable(),
  })
  .meta({ id: 'SupplierStatusChange' });
export type SupplierStatusChange = z.infer<typeof supplierStatusChangeSchema>;

export const supplierWarningSchema = z
  .object({
    kind: z.enum(SUPPLIER_WARNINGS),
    certificateId: z.string().optional(),
    certificateType: z.enum(CERTIFICATE_TYPES).optional(),
    days: z.number().int().optional(),
  })
  .meta({ id: 'SupplierWarning' });
export type SupplierWarning = z.infer<typeof supplierWarningSchema>;

export const supplierDetailSchema = supplierSchema
  .extend({
    certificates: z.array(certificateSchema),
    approvedItems: z.array(supplierItemSchema),
    statusHistory: z.array(supplierStatusChangeSchema),
    warnings: z.array(supplierWarningSchema),
  })
  .meta({ id: 'SupplierDetail' });
export type SupplierDetail = z.infer<typeof supplierDetailSchema>;

export const createSupplierSchema = z.object({
  code: masterCode,
  legalNameZh: legalName,
  legalNameEn: legalName,
  country: countryCode,
  address: optionalText(500),
  contactName: optionalText(100),
  contactPhone: optionalText(50),
  contactEmail: z.email().max(200).nullable().optional(),
  reason: reason.optional(),
});

export const updateSupplierSchema = z.object({
  legalNameZh: legalName.optional(),
  legalNameEn: legalName.optional(),
  country: countryCode.optional(),
  address: optionalText(500),
  contactName: optionalText(100),
  contactPhone: optionalText(50),
  contactEmail: z.email().max(200).nullable().optional(),
  reason,
});

export const changeSupplierStatusSchema = z.object({
  status: z.enum(SUPPLIER_STATUSES),
  reason,
  signature: signatureInputSchema.optional().meta({
    description:
      'Required. Meaning: approved (to approved or conditional), rejected (to disqualified), reviewed (back to pending)',
  }),
});

export const supplierListQuerySchema = listQuerySchema.extend({
  approvalStatus: z.enum(SUPPLIER_STATUSES).optional(),
  country: countryCode.optional(),
  itemId: z
    .uuid()
    .optional()
    .meta({ description: 'Only suppliers with an active link to this item' }),
});

export const addSupplierItemSchema = z.object({
  itemId: z.uuid(),
  supplierPartNumber: optionalText(100),
  reason: reason.optional(),
});

export const endSupplierItemSchema = z.object({ reason });

export const supplierItemsQuerySchema = z.object({
  includeEnded: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const fileUploadSchema = z.object({
  filename: text(200),
  mediaType: z.enum(CERTIFICATE_FILE_MEDIA_TYPES),
  contentBase64: z.base64().meta({ description: 'The file, base64; at most 10 MB decoded' }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional()
    .meta({ description: 'When given, the upload is refused unless the bytes match it' }),
});
export type FileUpload = z.infer<typeof fileUploadSchema>;

export const createCertificateSchema = z.object({
  type: z.enum(CERTIFICATE_TYPES),
  number: text(100),
  issuer: text(200),
  validFrom: calendarDate,
  validUntil: calendarDate,
  replacesCertificateId: z
    .uuid()
    .optional()
    .meta({ description: 'The certificate this one renews; it stops counting for warnings' }),
  file: fileUploadSchema.optional(),
  reason: reason.optional(),
});

export const attachCertificateFileSchema = fileUploadSchema.extend({ reason: reason.optional() });

export const expiringCertificatesQuerySchema = listQuerySchema.extend({
  days: z.coerce.number().int().min(0).max(3650).default(CERTIFICATE_EXPIRY_WARNING_DAYS),
  includeExpired: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const expiringCertificateSchema = certificateSchema
  .extend({
    supplier: z.object({
      id: z.string(),
      code: z.string(),
      legalNameZh: z.string(),
      legalNameEn: z.string(),
      approvalStatus: z.enum(SUPPLIER_STATUSES),
    }),
  })
  .meta({ id: 'ExpiringCertificate' });

// ---------------------------------------------------------------- customers

export const customerAddressSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    label: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postcode: z.string().nullable(),
    country: z.string(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CustomerAddress' });
export type CustomerAddress = z.infer<typeof customerAddressSchema>;

export const customerContactSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    recallNotices: z
      .boolean()
      .meta({ description: 'Receives field safety and recall notices for this customer' }),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CustomerContact' });
export type CustomerContact = z.infer<typeof customerContactSchema>;

export const customerSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    legalNameZh: z.string(),
    legalNameEn: z.string(),
    kind: z.enum(CUSTOMER_KINDS),
    country: z.string(),
    status: z.enum(CUSTOMER_STATUSES),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

export const customerDetailSchema = customerSchema
  .extend({
    addresses: z.array(customerAddressSchema),
    contacts: z.array(customerContactSchema),
  })
  .meta({ id: 'CustomerDetail' });
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const addressInputSchema = z.object({
  label: text(100),
  line1: text(300),
  line2: optionalText(300),
  city: text(100),
  region: optionalText(100),
  postcode: optionalText(20),
  country: countryCode,
});

export const contactInputSchema = z.object({
  name: text(100),
  role: optionalText(100),
  phone: optionalText(50),
  email: z.email().max(200).nullable().optional(),
  recallNotices: z.boolean().default(true),
});

export const createCustomerSchema = z.object({
  code: masterCode,
  legalNameZh: legalName,
  legalNameEn: legalName,
  kind: z.enum(CUSTOMER_KINDS),
  country: countryCode,
  addresses: z.array(addressInputSchema).max(50).default([]),
  contacts: z.array(contactInputSchema).max(50).default([]),
  reason: reason.optional(),
});

export const updateCustomerSchema = z.object({
  legalNameZh: legalName.optional(),
  legalNameEn: legalName.optional(),
  kind: z.enum(CUSTOMER_KINDS).optional(),
  country: countryCode.optional(),
  reason,
});

export const setCustomerStatusSchema = z.object({ status: z.enum(CUSTOMER_STATUSES), reason });

export const addAddressSchema = addressInputSchema.extend({ reason: reason.optional() });
export const updateAddressSchema = addressInputSchema.partial().extend({
  active: z
    .boolean()
    .optional()
    .meta({ description: 'false deactivates; addresses are never deleted' }),
  reason,
});

export const addContactSchema = contactInputSchema.extend({ reason: reason.optional() });
export const updateContactSchema = z.object({
  name: text(100).optional(),
  role: optionalText(100),
  phone: optionalText(50),
  email: z.email().max(200).nullable().optional(),
  recallNotices: z.boolean().optional(),
  active: z
    .boolean()
    .optional()
    .meta({ description: 'false deactivates; contacts are never deleted' }),
  reason,
});

export const customerListQuerySchema = listQuerySchema.extend({
  kind: z.enum(CUSTOMER_KINDS).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  country: countryCode.optional(),
});
