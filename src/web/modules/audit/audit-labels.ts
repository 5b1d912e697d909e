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
] as const;
type KnownAuditAction = (typeof KNOWN_AUDIT_ACTIONS)[number];

export const KNOWN_ENTITY_TYPES = ['user', 'role', 'api_token', 'audit_log'] as const;
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
  return undefined;
}
