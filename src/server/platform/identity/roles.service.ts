import type { Role } from '../../../shared/identity.contract.ts';
import { isPermission } from '../../../shared/permissions.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Executor, Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { signRecord, signaturesOf, type VerifiedSigner } from '../signatures/signatures.service.ts';
import * as repo from './identity.repository.ts';

export const ROLE_RECORD = 'role';
const ROLE_SIGNATURE_MEANINGS = ['approved'] as const;

/** What a signature on a role covers: its identity and its exact permission set. */
export async function roleSignedContent(db: Executor, key: string): Promise<unknown> {
  const role = await repo.findRole(db, key);
  if (!role) return undefined;
  const permissions = (await repo.permissionsOfRoles(db, [key])).get(key) ?? [];
  return {
    key: role.key,
    nameEn: role.name_en,
    nameZh: role.name_zh,
    description: role.description,
    permissions: [...permissions].sort(),
  };
}

async function toRoles(db: Executor, rows: repo.RoleRow[]): Promise<Role[]> {
  const keys = rows.map((r) => r.key);
  const [permissions, counts, signatures] = await Promise.all([
    repo.permissionsOfRoles(db, keys),
    repo.userCountsOfRoles(db),
    signaturesOf(db, ROLE_RECORD, keys),
  ]);
  return rows.map((r) => ({
    key: r.key,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    description: r.description,
    builtIn: r.built_in,
    permissions: permissions.get(r.key) ?? [],
    userCount: counts.get(r.key) ?? 0,
    updatedAt: r.updated_at.toISOString(),
    signatures: signatures.get(r.key) ?? [],
  }));
}

export async function listRoles(db: Executor, q?: string): Promise<Role[]> {
  const rows = await repo.listRoles(db);
  const needle = q?.toLowerCase();
  const matching = needle
    ? rows.filter((r) =>
        [r.key, r.name_en, r.name_zh].some((s) => s.toLowerCase().includes(needle)),
      )
    : rows;
  return toRoles(db, matching);
}

export async function getRole(db: Executor, key: string): Promise<Role> {
  const row = await repo.findRole(db, key);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'role', id: key });
  const [role] = await toRoles(db, [row]);
  if (!role) throw new DomainError('NOT_FOUND', { entity: 'role', id: key });
  return role;
}

function assertKnownPermissions(permissions: string[]): string[] {
  const unique = [...new Set(permissions)].sort();
  const unknown = unique.filter((p) => !isPermission(p));
  if (unknown.length > 0) throw new DomainError('UNKNOWN_PERMISSION', { permissions: unknown });
  return unique;
}

/** Separation of duties: nobody approves a change to the rights they hold themselves. */
async function assertNotOwnRole(db: Executor, actor: Actor, key: string): Promise<void> {
  if (actor.kind !== 'user') return;
  const roles = (await repo.rolesOfUsers(db, [actor.userId])).get(actor.userId) ?? [];
  if (roles.includes(key)) {
    throw new DomainError(
      'CANNOT_CHANGE_OWN_ACCESS',
      { role: key },
      'You hold this role; another administrator must change it',
    );
  }
}

/**
 * The checks a role change can fail before anyone signs, so that a doomed request
 * does not cost the signer a password attempt. The change repeats them under lock.
 */
export async function precheckRoleChange(
  db: Executor,
  actor: Actor,
  change:
    | { kind: 'create'; key: string; permissions: string[] }
    | { kind: 'permissions'; key: string; permissions: string[] },
): Promise<void> {
  assertKnownPermissions(change.permissions);
  const existing = await repo.findRole(db, change.key);
  if (change.kind === 'create' && existing)
    throw new DomainError('ROLE_KEY_TAKEN', { key: change.key });
  if (change.kind === 'permissions') {
    if (!existing) throw new DomainError('NOT_FOUND', { entity: 'role', id: change.key });
    await assertNotOwnRole(db, actor, change.key);
  }
}

export async function createRole(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  input: {
    key: string;
    nameEn: string;
    nameZh: string;
    description?: string;
    permissions: string[];
    reason?: string;
  },
): Promise<Role> {
  const permissions = assertKnownPermissions(input.permissions);
  if (await repo.findRole(trx, input.key))
    throw new DomainError('ROLE_KEY_TAKEN', { key: input.key });
  await trx
    .insertInto('roles')
    .values({
      key: input.key,
      name_en: input.nameEn,
      name_zh: input.nameZh,
      description: input.description ?? null,
      built_in: false,
    })
    .execute();
  if (permissions.length > 0) {
    await trx
      .insertInto('role_permissions')
      .values(permissions.map((permission) => ({ role_key: input.key, permission })))
      .execute();
  }
  const content = await roleSignedContent(trx, input.key);
  await recordAudit(trx, actor, {
    action: 'role.created',
    entityType: ROLE_RECORD,
    entityId: input.key,
    after: content,
    reason: input.reason ?? null,
  });
  await signRecord(trx, signer, {
    type: ROLE_RECORD,
    id: input.key,
    content,
    allowedMeanings: ROLE_SIGNATURE_MEANINGS,
  });
  return getRole(trx, input.key);
}

export async function setRolePermissions(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  key: string,
  input: { permissions: string[]; reason: string },
): Promise<Role> {
  const row = await repo.lockRole(trx, key);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'role', id: key });
  await assertNotOwnRole(trx, actor, key);
  const permissions = assertKnownPermissions(input.permissions);
  const before = await roleSignedContent(trx, key);
  await trx.deleteFrom('role_permissions').where('role_key', '=', key).execute();
  if (permissions.length > 0) {
    await trx
      .insertInto('role_permissions')
      .values(permissions.map((permission) => ({ role_key: key, permission })))
      .execute();
  }
  await trx.updateTable('roles').set({ updated_at: new Date() }).where('key', '=', key).execute();
  if ((await repo.countActiveAdministrators(trx)) === 0) {
    throw new DomainError(
      'LAST_ADMINISTRATOR',
      {},
      'At least one active user must keep the right to manage users',
    );
  }
  const after = await roleSignedContent(trx, key);
  await recordAudit(trx, actor, {
    action: 'role.permissions_changed',
    entityType: ROLE_RECORD,
    entityId: key,
    before,
    after,
    reason: input.reason,
  });
  await signRecord(trx, signer, {
    type: ROLE_RECORD,
    id: key,
    content: after,
    allowedMeanings: ROLE_SIGNATURE_MEANINGS,
  });
  return getRole(trx, key);
}
