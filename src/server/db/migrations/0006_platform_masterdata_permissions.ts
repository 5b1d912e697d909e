import type { Kysely } from 'kysely';
import { grantToBuiltInRoles } from '../../platform/db/migration-helpers.ts';

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
  await grantToBuiltInRoles(db, READ_BY_EVERYONE, GRANTS);
}
