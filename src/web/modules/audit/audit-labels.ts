import type { TFunction } from 'i18next';

/** Audit actions with a translated label; any other action shows as its code. */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_refused',
  'auth.logout',
  'auth.session_ended',
  'auth.signature_failed',
  'auth.password_change_failed',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'user.unlocked',
  'user.locked',
  'user.password_reset',
  'user.password_changed',
  'role.created',
  'role.permissions_changed',
  'signature.signed',
  'token.created',
  'token.revoked',
  'audit.exported',
  'item.created',
  'item.updated',
  'item.status_changed',
  'item.device_model_set',
  'supplier.created',
  'supplier.updated',
  'supplier.status_changed',
  'supplier.item_listed',
  'supplier.item_ended',
  'supplier.certificate_added',
  'supplier.certificate_superseded',
  'supplier.certificate_file_attached',
  'customer.created',
  'customer.updated',
  'customer.status_changed',
  'customer.address_added',
  'customer.address_updated',
  'customer.address_deactivated',
  'customer.contact_added',
  'customer.contact_updated',
  'customer.contact_deactivated',
  'location.created',
  'location.updated',
  'location.deactivated',
  'location.reactivated',
  'equipment.created',
  'equipment.updated',
  'equipment.status_changed',
  'equipment.calibration_recorded',
  'equipment.maintenance_recorded',
  'skill.created',
  'skill.updated',
  'training.recorded',
  'document.created',
  'document.updated',
  'document_version.created',
  'document_version.updated',
  'document_version.file_attached',
  'document_version.submitted',
  'document_version.returned',
  'document_version.approved',
  'document_version.effective',
  'document_version.superseded',
  'document_version.obsoleted',
  'bom_version.created',
  'bom_version.updated',
  'bom_version.submitted',
  'bom_version.returned',
  'bom_version.approval_signed',
  'bom_version.approved',
  'bom_version.effective',
  'bom_version.superseded',
  'bom_version.obsoleted',
  'routing_version.created',
  'routing_version.updated',
  'routing_version.submitted',
  'routing_version.returned',
  'routing_version.approval_signed',
  'routing_version.approved',
  'routing_version.effective',
  'routing_version.superseded',
  'routing_version.obsoleted',
  'change_request.created',
  'change_request.updated',
  'change_request.submitted',
  'change_request.returned',
  'change_request.approval_signed',
  'change_request.approved',
  'change_request.rejected',
  'change_request.implemented',
  'change_request.cancelled',
  'csv.imported',
  'inspection_plan.created',
  'inspection_plan.updated',
  'inspection_plan.activated',
  'inspection_plan.retired',
  'inspection.created',
  'inspection.results_recorded',
  'inspection.accepted',
  'inspection.rejected',
  'inspection.partially_accepted',
  'inspection.sampling_resumed',
  'nonconformance.opened',
  'purchase_order.created',
  'purchase_order.updated',
  'purchase_order.placed',
  'purchase_order.cancelled',
  'purchase_order.closed',
  'purchase_order.received',
  'purchase_order.returned',
  'receipt.created',
] as const;
type KnownAuditAction = (typeof KNOWN_AUDIT_ACTIONS)[number];

export const KNOWN_ENTITY_TYPES = [
  'user',
  'role',
  'api_token',
  'audit_log',
  'item',
  'supplier',
  'supplier_certificate',
  'customer',
  'location',
  'equipment',
  'skill',
  'training_record',
  'document',
  'document_version',
  'bom_version',
  'routing_version',
  'change_request',
] as const;
type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number];

function isKnownAction(action: string): action is KnownAuditAction {
  return (KNOWN_AUDIT_ACTIONS as readonly string[]).includes(action);
}

function isKnownEntityType(type: string): type is KnownEntityType {
  return (KNOWN_ENTITY_TYPES as readonly string[]).includes(type);
}

export function auditActionLabel(action: string, t: TFunction): string {
  return isKnownAction(action) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(type: string, t: TFunction): string {
  return isKnownEntityType(type) ? t(`audit.entityTypes.${type}`) : type;
}

/** Where a record of the audit trail is shown in the app, if it has a screen. */
export function entityPath(type: string, id: string | null): string | undefined {
  if (!id) return undefined;
  if (type === 'user') return `/admin/users/${encodeURIComponent(id)}`;
  if (type === 'role') return `/admin/roles/${encodeURIComponent(id)}`;
  if (type === 'item') return `/items/${encodeURIComponent(id)}`;
  if (type === 'document') return `/documents/${encodeURIComponent(id)}`;
  if (type === 'document_version') return `/documents/versions/${encodeURIComponent(id)}`;
  if (type === 'bom_version') return `/boms/${encodeURIComponent(id)}`;
  if (type === 'routing_version') return `/routings/${encodeURIComponent(id)}`;
  if (type === 'change_request') return `/changes/${encodeURIComponent(id)}`;
  if (type === 'purchase_order') return `/purchase-orders/${encodeURIComponent(id)}`;
  if (type === 'inspection') return `/inspections/${encodeURIComponent(id)}`;
  if (type === 'inspection_plan') return `/inspection-plans?plan=${encodeURIComponent(id)}`;
  if (type === 'nonconformance') return `/nonconformances?ncr=${encodeURIComponent(id)}`;
  return undefined;
}
