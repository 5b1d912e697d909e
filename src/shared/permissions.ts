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
  'supplier.read': { en: 'View suppliers and their certificates', zh: '查看供应商及其证书' },
  'supplier.manage': {
    en: 'Create and change suppliers, approved items and certificates',
    zh: '创建和修改供应商、合格物料清单和证书',
  },
  'supplier.approve': {
    en: "Change a supplier's approval status (signed)",
    zh: '变更供应商的审批状态（需签名）',
  },
  'customer.read': { en: 'View customers and consignees', zh: '查看客户和收货方' },
  'customer.manage': {
    en: 'Create and change customers, ship-to addresses and contacts',
    zh: '创建和修改客户、收货地址和联系人',
  },
  'location.read': { en: 'View locations', zh: '查看库位' },
  'location.manage': { en: 'Create and change locations', zh: '创建和修改库位' },
  'equipment.read': { en: 'View equipment and its calibration', zh: '查看设备及其校准' },
  'equipment.manage': {
    en: 'Create equipment and record calibration and maintenance',
    zh: '创建设备并记录校准和维护',
  },
  'qualification.read': { en: 'View training and qualifications', zh: '查看培训和资质' },
  'qualification.manage': {
    en: 'Record training and qualifications',
    zh: '记录培训和资质',
  },
  'document.read': { en: 'View controlled documents', zh: '查看受控文件' },
  'document.manage': {
    en: 'Create controlled documents and draft versions',
    zh: '创建受控文件及草稿版本',
  },
  'document.approve': {
    en: 'Approve and obsolete document versions (signed)',
    zh: '批准和作废文件版本（需签名）',
  },
  'engineering.read': { en: 'View BOM and routing versions', zh: '查看 BOM 和工艺路线版本' },
  'engineering.manage': {
    en: 'Create and edit draft BOM and routing versions',
    zh: '创建和编辑 BOM 与工艺路线草稿版本',
  },
  'engineering.approve': {
    en: 'Approve BOM and routing versions (signed)',
    zh: '批准 BOM 和工艺路线版本（需签名）',
  },
  'change.read': { en: 'View change requests', zh: '查看变更申请' },
  'change.manage': {
    en: 'Raise and edit change requests',
    zh: '提出和编辑变更申请',
  },
  'change.approve': {
    en: 'Approve or reject change requests (signed)',
    zh: '批准或驳回变更申请（需签名）',
  },
  'change.implement': {
    en: 'Implement approved change requests',
    zh: '实施已批准的变更申请',
  },
  'lot.read': {
    en: 'View lots, serials, stock and their history',
    zh: '查看批次、序列号、库存及其历史',
  },
  'lot.manage': {
    en: 'Move stock (transfers, adjustments, scrap), split and merge lots, put lots on hold',
    zh: '移动库存（转移、调整、报废），拆分与合并批次，冻结批次',
  },
  'lot.release': {
    en: 'Release, reject and lift holds on lots (signed)',
    zh: '放行、拒收批次及解除冻结（需签名）',
  },
  'purchasing.read': {
    en: 'View purchase orders, receipts and supplier scorecards',
    zh: '查看采购订单、收货记录和供应商绩效',
  },
  'purchasing.manage': {
    en: 'Create and change purchase orders',
    zh: '创建和修改采购订单',
  },
  'receiving.perform': {
    en: 'Receive supplier lots and return them to suppliers',
    zh: '接收供应商批次及退货给供应商',
  },
  'inspection.read': {
    en: 'View inspection plans, inspections and their results',
    zh: '查看检验方案、检验记录及结果',
  },
  'inspection.perform': {
    en: 'Enter and import inspection results',
    zh: '录入和导入检验结果',
  },
  'inspection.plan': {
    en: 'Create and change inspection plans',
    zh: '创建和修改检验方案',
  },
  'nonconformance.read': { en: 'View nonconformance records', zh: '查看不合格记录' },
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
