import { sql, type Kysely } from 'kysely';

// Grants of the inventory, purchasing and inspection permissions (issue 6) to
// the built-in roles. Everyone may read; releasing material is QA's (signed),
// moving it is the warehouse's, inspecting it the inspectors'.
const READ_BY_EVERYONE = ['lot.read', 'purchasing.read', 'inspection.read', 'nonconformance.read'];

const GRANTS: Record<string, string[]> = {
  admin: [
    'lot.manage',
    'lot.release',
    'purchasing.manage',
    'receiving.perform',
    'inspection.perform',
    'inspection.plan',
  ],
  qa_manager: ['lot.manage', 'lot.release', 'inspection.perform', 'inspection.plan'],
  qa_inspector: ['inspection.perform'],
  production_supervisor: ['lot.manage'],
  warehouse: ['lot.manage', 'receiving.perform'],
  purchasing: ['purchasing.manage', 'receiving.perform'],
  engineer: ['inspection.plan'],
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
