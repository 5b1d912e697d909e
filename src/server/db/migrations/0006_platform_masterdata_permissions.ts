import { sql, type Kysely } from 'kysely';

// Grants of the master data, engineering, document and change-control
// permissions (issue 5) to the built-in roles. Everyone may read; who may
// change what follows the plant's usual split of duties.
const READ_BY_EVERYONE = [
  'supplier.read',
  'customer.read',
  'location.read',
  'equipment.read',
  'qualification.read',
  'document.read',
  'engineering.read',
  'change.read',
];

const GRANTS: Record<string, string[]> = {
  admin: [
    'supplier.manage',
    'supplier.approve',
    'customer.manage',
    'location.manage',
    'equipment.manage',
    'qualification.manage',
    'document.manage',
    'document.approve',
    'engineering.manage',
    'engineering.approve',
    'change.manage',
    'change.approve',
    'change.implement',
  ],
  qa_manager: [
    'supplier.approve',
    'qualification.manage',
    'document.manage',
    'document.approve',
    'engineering.approve',
    'change.manage',
    'change.approve',
    'change.implement',
  ],
  qa_inspector: ['equipment.manage'],
  production_supervisor: ['equipment.manage', 'qualification.manage', 'change.manage'],
  warehouse: ['location.manage', 'customer.manage'],
  purchasing: ['supplier.manage'],
  engineer: [
    'document.manage',
    'document.approve',
    'engineering.manage',
    'engineering.approve',
    'change.manage',
    'change.approve',
    'change.implement',
    'equipment.manage',
  ],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const roles = await sql<{ key: string }>`select key from roles where built_in`.execute(db);
  const rows: { role: string; permission: string }[] = [];
  for (const { key } of roles.rows) {
    for (const permission of READ_BY_EVERYONE) rows.push({ role: key, permission });
  }
  for (const [role, permissions] of Object.entries(GRANTS)) {
    for (const permission of permissions) rows.push({ role, permission });
  }
  for (const { role, permission } of rows) {
    await sql`insert into role_permissions (role_key, permission) values (${role}, ${permission}) on conflict do nothing`.execute(
      db,
    );
  }
}
