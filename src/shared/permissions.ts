// The catalogue of permission strings. Every route declares one of these (or is
// public / open to any signed-in user); roles grant them. Modules add theirs here
// together with a migration that grants them to the built-in roles.
export const PERMISSIONS = {
  'user.read': { en: 'View users', zh: '查看用户' },
  'user.manage': {
    en: 'Create and change users, reset passwords, unlock accounts',
    zh: '创建和修改用户、重置密码、解锁账户',
  },
  'role.read': { en: 'View roles and their permissions', zh: '查看角色及其权限' },
  'role.manage': {
    en: 'Create roles and change their permissions (signed)',
    zh: '创建角色并修改其权限（需签名）',
  },
  'token.manage': {
    en: "Create and revoke other users' API tokens",
    zh: '创建和吊销其他用户的 API 令牌',
  },
  'audit.read': { en: 'View the audit trail', zh: '查看审计追踪' },
  'audit.export': { en: 'Export the audit trail as CSV', zh: '将审计追踪导出为 CSV' },
  'signature.read': { en: 'View and verify electronic signatures', zh: '查看和验证电子签名' },
  'item.read': { en: 'View items and device models', zh: '查看物料和器械型号' },
  'item.manage': {
    en: 'Create and change items and their UDI-DI data',
    zh: '创建和修改物料及其 UDI-DI 数据',
  },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export const BUILT_IN_ROLES = [
  'admin',
  'qa_manager',
  'qa_inspector',
  'production_supervisor',
  'operator',
  'warehouse',
  'purchasing',
  'engineer',
  'viewer',
] as const;
