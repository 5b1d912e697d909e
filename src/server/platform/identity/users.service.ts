import { v7 as uuidv7 } from 'uuid';
import type { User } from '../../../shared/identity.contract.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { SecurityPolicy } from '../config.ts';
import type { Executor, Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import * as repo from './identity.repository.ts';
import {
  PASSWORD_HISTORY_DEPTH,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from './passwords.ts';

export function toUserDto(row: repo.UserRow, roles: string[]): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    preferredLanguage: row.preferred_language,
    status: row.status,
    roles,
    mustChangePassword: row.must_change_password,
    failedAttempts: row.failed_attempts,
    passwordChangedAt: row.password_changed_at?.toISOString() ?? null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit trail keeps of a user: everything but secrets and bookkeeping. */
function auditView(row: repo.UserRow, roles: string[]) {
  return {
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    preferredLanguage: row.preferred_language,
    status: row.status,
    roles,
    mustChangePassword: row.must_change_password,
  };
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const row = await repo.findUserById(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'user', id });
  const roles = (await repo.rolesOfUsers(db, [id])).get(id) ?? [];
  return toUserDto(row, roles);
}

export async function listUsers(
  db: Executor,
  filter: repo.UserFilter,
): Promise<{ items: User[]; total: number }> {
  const { rows, total } = await repo.listUsers(db, filter);
  const roles = await repo.rolesOfUsers(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toUserDto(r, roles.get(r.id) ?? [])), total };
}

/** Length, not the username, not one of the last five. Throws PASSWORD_POLICY with every problem. */
export async function assertPasswordAcceptable(
  db: Executor,
  policy: SecurityPolicy,
  password: string,
  username: string,
  userId?: string,
): Promise<void> {
  const problems = passwordProblems(password, username, policy.passwordMinLength);
  if (userId && problems.length === 0) {
    for (const old of await repo.recentPasswordHashes(db, userId, PASSWORD_HISTORY_DEPTH)) {
      if (await verifyPassword(password, old)) {
        problems.push('reused');
        break;
      }
    }
  }
  if (problems.length > 0) {
    throw new DomainError(
      'PASSWORD_POLICY',
      { problems, minLength: policy.passwordMinLength, historyDepth: PASSWORD_HISTORY_DEPTH },
      `The password does not meet the policy: ${problems.join(', ')}`,
    );
  }
}

async function assertRolesExist(db: Executor, roles: string[]): Promise<void> {
  const known = await repo.existingRoleKeys(db, roles);
  const unknown = roles.filter((r) => !known.has(r));
  if (unknown.length > 0)
    throw new DomainError(
      'UNKNOWN_ROLE',
      { roles: unknown },
      `Unknown role(s): ${unknown.join(', ')}`,
    );
}

async function writeRoles(trx: Trx, userId: string, roles: string[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx
      .insertInto('user_roles')
      .values(roles.map((role_key) => ({ user_id: userId, role_key })))
      .execute();
  }
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string;
  preferredLanguage: 'zh-CN' | 'en';
  roles: string[];
  password: string;
  reason?: string;
  /** false only for demo data and the first administrator made on the command line. */
  mustChangePassword?: boolean;
}

export async function createUser(
  trx: Trx,
  actor: Actor,
  policy: SecurityPolicy,
  input: CreateUserInput,
): Promise<User> {
  const roles = [...new Set(input.roles)].sort();
  if (await repo.findUserByUsername(trx, input.username)) {
    throw new DomainError(
      'USERNAME_TAKEN',
      { username: input.username },
      `The username ${input.username} is taken`,
    );
  }
  await assertRolesExist(trx, roles);
  await assertPasswordAcceptable(trx, policy, input.password, input.username);
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const mustChange = input.mustChangePassword ?? true;
  const row = await trx
    .insertInto('users')
    .values({
      id,
      username: input.username,
      full_name: input.fullName,
      email: input.email ?? null,
      preferred_language: input.preferredLanguage,
      status: 'active',
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: mustChange,
      locked_at: null,
      last_login_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('password_history')
    .values({ user_id: id, password_hash: passwordHash })
    .execute();
  await writeRoles(trx, id, roles);
  await recordAudit(trx, actor, {
    action: 'user.created',
    entityType: 'user',
    entityId: id,
    after: auditView(row, roles),
    reason: input.reason ?? null,
  });
  return toUserDto(row, roles);
}

async function lockExisting(trx: Trx, id: string): Promise<{ row: repo.UserRow; roles: string[] }> {
  const row = await repo.lockUserById(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'user', id });
  const roles = (await repo.rolesOfUsers(trx, [id])).get(id) ?? [];
  return { row, roles };
}

function assertNotSelf(actor: Actor, userId: string): void {
  if (actor.kind === 'user' && actor.userId === userId) {
    throw new DomainError(
      'CANNOT_CHANGE_OWN_ACCESS',
      { userId },
      'Another administrator must make this change to your own account',
    );
  }
}

/** Keeps at least one active user who can manage users. */
async function assertAdministratorRemains(trx: Trx): Promise<void> {
  if ((await repo.countActiveAdministrators(trx)) === 0) {
    throw new DomainError(
      'LAST_ADMINISTRATOR',
      {},
      'At least one active user must keep the right to manage users',
    );
  }
}

export async function updateUser(
  trx: Trx,
  actor: Actor,
  id: string,
  input: {
    fullName?: string;
    email?: string | null;
    preferredLanguage?: 'zh-CN' | 'en';
    reason: string;
  },
): Promise<User> {
  const { row: before, roles } = await lockExisting(trx, id);
  const after = await trx
    .updateTable('users')
    .set({
      full_name: input.fullName ?? before.full_name,
      email: input.email === undefined ? before.email : input.email,
      preferred_language: input.preferredLanguage ?? before.preferred_language,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'user.updated',
    entityType: 'user',
    entityId: id,
    before: auditView(before, roles),
    after: auditView(after, roles),
    reason: input.reason,
  });
  return toUserDto(after, roles);
}

export async function setUserRoles(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { roles: string[]; reason: string },
): Promise<User> {
  assertNotSelf(actor, id);
  const { roles: before } = await lockExisting(trx, id);
  const roles = [...new Set(input.roles)].sort();
  await assertRolesExist(trx, roles);
  await writeRoles(trx, id, roles);
  await assertAdministratorRemains(trx);
  const after = await trx
    .updateTable('users')
    .set({ updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'user.roles_changed',
    entityType: 'user',
    entityId: id,
    before: { roles: before },
    after: { roles },
    reason: input.reason,
  });
  return toUserDto(after, roles);
}

export async function setUserStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  change: 'disable' | 'enable' | 'unlock',
  reason: string,
): Promise<User> {
  if (change === 'disable') assertNotSelf(actor, id);
  const { row: before, roles } = await lockExisting(trx, id);
  const expected =
    change === 'disable' ? ['active', 'locked'] : change === 'enable' ? ['disabled'] : ['locked'];
  if (!expected.includes(before.status)) {
    throw new DomainError(
      'CONFLICT',
      { status: before.status, change },
      `Cannot ${change} a user who is ${before.status}`,
    );
  }
  const after = await trx
    .updateTable('users')
    .set({
      status: change === 'disable' ? 'disabled' : 'active',
      failed_attempts: change === 'disable' ? before.failed_attempts : 0,
      locked_at: change === 'unlock' ? null : before.locked_at,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (change === 'disable') {
    await assertAdministratorRemains(trx);
    await repo.endSessionsOfUser(trx, id, 'user_disabled');
  }
  await recordAudit(trx, actor, {
    action:
      change === 'disable'
        ? 'user.disabled'
        : change === 'enable'
          ? 'user.enabled'
          : 'user.unlocked',
    entityType: 'user',
    entityId: id,
    before: { status: before.status, failedAttempts: before.failed_attempts },
    after: { status: after.status, failedAttempts: after.failed_attempts },
    reason,
  });
  return toUserDto(after, roles);
}

async function writePassword(
  trx: Trx,
  userId: string,
  password: string,
  mustChange: boolean,
): Promise<repo.UserRow> {
  const hash = await hashPassword(password);
  await trx
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: hash })
    .execute();
  return trx
    .updateTable('users')
    .set({
      password_hash: hash,
      password_changed_at: new Date(),
      must_change_password: mustChange,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An administrator sets a new password; the user must change it at next sign-in. */
export async function resetPassword(
  trx: Trx,
  actor: Actor,
  policy: SecurityPolicy,
  id: string,
  input: { newPassword: string; reason: string },
): Promise<User> {
  assertNotSelf(actor, id);
  const { row, roles } = await lockExisting(trx, id);
  await assertPasswordAcceptable(trx, policy, input.newPassword, row.username, id);
  const after = await writePassword(trx, id, input.newPassword, true);
  await repo.endSessionsOfUser(trx, id, 'password_reset');
  await recordAudit(trx, actor, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: id,
    after: { mustChangePassword: true },
    reason: input.reason,
  });
  return toUserDto(after, roles);
}

/** The user changes their own password (the current one was checked by the caller). */
export async function setOwnPassword(
  trx: Trx,
  actor: Actor,
  policy: SecurityPolicy,
  userId: string,
  newPassword: string,
): Promise<void> {
  const { row } = await lockExisting(trx, userId);
  await assertPasswordAcceptable(trx, policy, newPassword, row.username, userId);
  await writePassword(trx, userId, newPassword, false);
  await recordAudit(trx, actor, {
    action: 'user.password_changed',
    entityType: 'user',
    entityId: userId,
    after: { mustChangePassword: false },
  });
}
