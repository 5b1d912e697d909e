import type { Kysely } from 'kysely';
import { grantToBuiltInRoles } from '../../platform/db/migration-helpers.ts';

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
  await grantToBuiltInRoles(db, READ_BY_EVERYONE, GRANTS);
}
