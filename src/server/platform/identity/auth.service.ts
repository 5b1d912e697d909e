import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Me } from '../../../shared/identity.contract.ts';
import { systemActor, type Actor, type UserActor } from '../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { SecurityPolicy } from '../config.ts';
import type { Db, Executor } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import * as repo from './identity.repository.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { setOwnPassword, toUserDto } from './users.service.ts';

export const SESSION_COOKIE = 'lotline_session';
export const TOKEN_PREFIX = 'llt_';
// Writes to last_seen_at / last_used_at at most this often per session or token.
const TOUCH_INTERVAL_MS = 30_000;

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

function passwordExpired(user: repo.UserRow, policy: SecurityPolicy, now: Date): boolean {
  if (policy.passwordMaxAgeDays <= 0 || !user.password_changed_at) return false;
  return (
    now.getTime() - user.password_changed_at.getTime() > policy.passwordMaxAgeDays * 86_400_000
  );
}

/**
 * Checks a user's password where it counts toward lockout: sign-in, signature,
 * password change. A failure is counted and audited in its own transaction, so
 * it stands even though the action it was for fails.
 */
export async function checkPasswordCounted(
  db: Db,
  user: repo.UserRow,
  password: string,
  policy: SecurityPolicy,
  purpose: 'sign-in' | 'signature' | 'password-change',
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; locked: boolean }> {
  if (await verifyPassword(password, user.password_hash)) return { ok: true };
  const result = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ failed_attempts: number; status: string }>`
      update users
         set failed_attempts = failed_attempts + 1,
             status = case when status = 'active' and failed_attempts + 1 >= ${policy.lockoutThreshold} then 'locked' else status end,
             locked_at = case when status = 'active' and failed_attempts + 1 >= ${policy.lockoutThreshold} then now() else locked_at end
       where id = ${user.id}
       returning failed_attempts, status`.execute(trx);
    const row = rows[0];
    const actor = systemActor(purpose, meta.requestId);
    await recordAudit(trx, actor, {
      action: `auth.${purpose === 'sign-in' ? 'login' : purpose === 'signature' ? 'signature' : 'password_change'}_failed`,
      entityType: 'user',
      entityId: user.id,
      after: {
        username: user.username,
        failedAttempts: row?.failed_attempts ?? null,
        ip: meta.ip ?? null,
      },
    });
    const locked = row?.status === 'locked' && user.status !== 'locked';
    if (locked) {
      await recordAudit(trx, actor, {
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        before: { status: user.status },
        after: { status: 'locked', failedAttempts: row?.failed_attempts ?? null },
        reason: `${policy.lockoutThreshold} consecutive failed password entries`,
      });
    }
    return { locked: row?.status === 'locked' };
  });
  return { ok: false, locked: result.locked };
}

/** checkPasswordCounted, throwing ACCOUNT_LOCKED when this failure locked the account, else `wrong`. */
export async function requirePasswordCounted(
  db: Db,
  user: repo.UserRow,
  password: string,
  policy: SecurityPolicy,
  purpose: 'sign-in' | 'signature' | 'password-change',
  meta: RequestMeta,
  wrong: DomainError,
): Promise<void> {
  const check = await checkPasswordCounted(db, user, password, policy, purpose, meta);
  if (check.ok) return;
  if (check.locked) {
    throw new DomainError(
      'ACCOUNT_LOCKED',
      {},
      'Too many failed attempts: the account is now locked',
    );
  }
  throw wrong;
}

async function auditRefusal(
  db: Db,
  meta: RequestMeta,
  userId: string | null,
  username: string,
  why: string,
): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, systemActor('sign-in', meta.requestId), {
      action: 'auth.login_refused',
      entityType: 'user',
      entityId: userId,
      after: { username, why, ip: meta.ip ?? null },
    }),
  );
}

export interface LoginResult {
  me: Me;
  sessionSecret: string;
  expiresAt: Date;
}

export async function login(
  db: Db,
  policy: SecurityPolicy,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    await burnPasswordCheck(input.password);
    await auditRefusal(db, meta, null, input.username, 'unknown_user');
    throw new DomainError('INVALID_CREDENTIALS', {}, 'Wrong username or password');
  }
  if (user.status === 'locked') {
    await auditRefusal(db, meta, user.id, user.username, 'locked');
    throw new DomainError(
      'ACCOUNT_LOCKED',
      {},
      'The account is locked; an administrator must unlock it',
    );
  }
  await requirePasswordCounted(
    db,
    user,
    input.password,
    policy,
    'sign-in',
    meta,
    new DomainError('INVALID_CREDENTIALS', {}, 'Wrong username or password'),
  );
  if (user.status === 'disabled') {
    await auditRefusal(db, meta, user.id, user.username, 'disabled');
    throw new DomainError('ACCOUNT_DISABLED', {}, 'The account is disabled');
  }
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const secret = newSecret();
    const csrfToken = newSecret(24);
    const sessionId = uuidv7();
    const expiresAt = new Date(now.getTime() + policy.sessionMaxHours * 3_600_000);
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId,
        token_hash: secretHash(secret),
        csrf_token: csrfToken,
        user_id: user.id,
        last_seen_at: now,
        expires_at: expiresAt,
        ended_at: null,
        end_reason: null,
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    const updated = await trx
      .updateTable('users')
      .set({ failed_attempts: 0, last_login_at: now })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const permissions = await repo.permissionsOfUser(trx, user.id);
    const roles = (await repo.rolesOfUsers(trx, [user.id])).get(user.id) ?? [];
    const actor: UserActor = {
      kind: 'user',
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      permissions,
      via: 'session',
      sessionId,
      passwordChangeRequired: updated.must_change_password || passwordExpired(updated, policy, now),
      requestId: meta.requestId,
    };
    await recordAudit(trx, actor, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { sessionId, ip: meta.ip ?? null },
    });
    return {
      sessionSecret: secret,
      expiresAt,
      me: {
        user: toUserDto(updated, roles),
        permissions: [...permissions].sort(),
        csrfToken,
        authenticatedBy: 'session',
        passwordChangeRequired: actor.passwordChangeRequired,
        session: {
          idleTimeoutMinutes: policy.sessionIdleMinutes,
          expiresAt: expiresAt.toISOString(),
        },
      },
    };
  });
}

export interface SessionAuth {
  actor: UserActor;
  csrfToken: string;
  expiresAt: Date;
}

export async function authenticateSession(
  db: Db,
  policy: SecurityPolicy,
  secret: string,
  requestId?: string,
): Promise<SessionAuth | null> {
  const session = await repo.findSessionByTokenHash(db, secretHash(secret));
  if (!session) return null;
  const now = new Date();
  const idle = now.getTime() - session.last_seen_at.getTime() > policy.sessionIdleMinutes * 60_000;
  const expired = now >= session.expires_at;
  const user = await repo.findUserById(db, session.user_id);
  if (idle || expired || !user || user.status !== 'active') {
    const reason = idle ? 'idle_timeout' : expired ? 'expired' : 'user_inactive';
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ ended_at: now, end_reason: reason })
        .where('id', '=', session.id)
        .execute();
      await recordAudit(trx, systemActor('session', requestId), {
        action: 'auth.session_ended',
        entityType: 'user',
        entityId: session.user_id,
        after: { sessionId: session.id, reason },
      });
    });
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id', '=', session.id)
      .execute();
  }
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      permissions: await repo.permissionsOfUser(db, user.id),
      via: 'session',
      sessionId: session.id,
      passwordChangeRequired: user.must_change_password || passwordExpired(user, policy, now),
      requestId,
    },
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
  };
}

/** An API token acts for its user, with the token's permissions that the user still has. */
export async function authenticateToken(
  db: Db,
  secret: string,
  requestId?: string,
): Promise<UserActor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await repo.findTokenByHash(db, secretHash(secret));
  const now = new Date();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return null;
  const user = await repo.findUserById(db, token.user_id);
  if (!user || user.status !== 'active') return null;
  const userPermissions = await repo.permissionsOfUser(db, user.id);
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute();
  }
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    permissions: new Set(token.permissions.filter((p) => userPermissions.has(p))),
    via: 'token',
    tokenId: token.id,
    tokenName: token.name,
    passwordChangeRequired: false,
    requestId,
  };
}

export async function logout(db: Db, actor: UserActor): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ ended_at: new Date(), end_reason: 'logout' })
      .where('id', '=', sessionId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
      after: { sessionId },
    });
  });
}

export async function describeMe(
  db: Executor,
  policy: SecurityPolicy,
  actor: UserActor,
  session: { csrfToken: string; expiresAt: Date } | null,
): Promise<Me> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED');
  const roles = (await repo.rolesOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    user: toUserDto(user, roles),
    permissions: [...actor.permissions].sort(),
    csrfToken: session?.csrfToken ?? null,
    authenticatedBy: actor.via,
    passwordChangeRequired: actor.passwordChangeRequired,
    session: session
      ? {
          idleTimeoutMinutes: policy.sessionIdleMinutes,
          expiresAt: session.expiresAt.toISOString(),
        }
      : null,
  };
}

export async function changeOwnPassword(
  db: Db,
  policy: SecurityPolicy,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  if (actor.kind !== 'user' || actor.via !== 'session')
    throw new DomainError('FORBIDDEN', {}, 'Sign in to change your password');
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED');
  await requirePasswordCounted(
    db,
    user,
    input.currentPassword,
    policy,
    'password-change',
    meta,
    new DomainError(
      'INVALID_CREDENTIALS',
      { field: 'currentPassword' },
      'The current password is wrong',
    ),
  );
  await db
    .transaction()
    .execute((trx) => setOwnPassword(trx, actor, policy, user.id, input.newPassword));
}
