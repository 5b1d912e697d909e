import type { Permission } from './permissions.ts';

/**
 * Whoever may read a record may read its own history (the audit entries about
 * it): GET /api/audit/records/:entityType/:entityId. The whole audit trail, and
 * the history of record types not listed here, needs audit.read.
 */
export const RECORD_HISTORY_PERMISSIONS: Readonly<Record<string, Permission>> = {
  user: 'user.read',
  role: 'role.read',
  item: 'item.read',
  supplier: 'supplier.read',
  supplier_certificate: 'supplier.read',
  customer: 'customer.read',
  location: 'location.read',
  equipment: 'equipment.read',
  skill: 'qualification.read',
  training_record: 'qualification.read',
  document: 'document.read',
  document_version: 'document.read',
  bom_version: 'engineering.read',
  routing_version: 'engineering.read',
  change_request: 'change.read',
  trace_unit: 'lot.read',
  purchase_order: 'purchasing.read',
  receipt: 'purchasing.read',
  inspection_plan: 'inspection.read',
  inspection: 'inspection.read',
  nonconformance: 'nonconformance.read',
};

/** May someone with these permissions read this record type's history? */
export function canReadRecordHistory(
  permissions: { has(permission: string): boolean },
  entityType: string,
): boolean {
  if (permissions.has('audit.read')) return true;
  const permission = Object.hasOwn(RECORD_HISTORY_PERMISSIONS, entityType)
    ? RECORD_HISTORY_PERMISSIONS[entityType]
    : undefined;
  return permission !== undefined && permissions.has(permission);
}
