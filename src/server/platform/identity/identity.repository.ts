import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/database.ts';
import { containsPattern } from '../db/search.ts';
import type { ApiTokensTable, RolesTable, SessionsTable, UsersTable } from './identity.tables.ts';
import './identity.tables.ts';

export type UserRow = Selectable<UsersTable>;
export type RoleRow = Selectable<RolesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type TokenRow = Selectable<ApiTokensTable>;

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findUserByUsername(
  db: Executor,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function rolesOfUsers(
  db: Executor,
  userIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role_key'])
    .where('user_id', 'in', userIds)
    .orderBy('role_key')
    .execute();
  for (const r of rows) map.get(r.user_id)?.push(r.role_key);
  return map;
}

export async function permissionsOfUser(db: Executor, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('role_permissions as rp')
    .innerJoin('user_roles as ur', 'ur.role_key', 'rp.role_key')
    .select('rp.permission')
    .distinct()
    .where('ur.user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.permission));
}

export interface UserFilter {
  q?: string;
  status?: UserRow['status'];
  role?: string;
  limit: number;
  offset: number;
}

export async function listUsers(
  db: Executor,
  f: UserFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('username', 'ilike', like),
        eb('full_name', 'ilike', like),
        eb('email', 'ilike', like),
      ]),
    );
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.role) {
    const role = f.role;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('role_key', '=', role),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('username').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countActiveAdministrators(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('role_permissions as rp', 'rp.role_key', 'ur.role_key')
    .select((eb) => eb.fn.count<string>('u.id').distinct().as('n'))
    .where('u.status', '=', 'active')
    .where('rp.permission', '=', 'user.manage')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recentPasswordHashes(
  db: Executor,
  userId: string,
  depth: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(depth)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function existingRoleKeys(db: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('roles').select('key').where('key', 'in', keys).execute();
  return new Set(rows.map((r) => r.key));
}

export async function findRole(db: Executor, key: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function lockRole(db: Executor, key: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('key', '=', key).forUpdate().executeTakeFirst();
}

export async function listRoles(db: Executor): Promise<RoleRow[]> {
  return db.selectFrom('roles').selectAll().orderBy('built_in', 'desc').orderBy('key').execute();
}

export async function permissionsOfRoles(
  db: Executor,
  keys: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return map;
  const rows = await db
    .selectFrom('role_permissions')
    .select(['role_key', 'permission'])
    .where('role_key', 'in', keys)
    .orderBy('permission')
    .execute();
  for (const r of rows) map.get(r.role_key)?.push(r.permission);
  return map;
}

export async function userCountsOfRoles(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('user_roles')
    .select(['role_key', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('role_key')
    .execute();
  return new Map(rows.map((r) => [r.role_key, Number(r.n)]));
}

export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function endSessionsOfUser(
  db: Executor,
  userId: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function findTokenByHash(
  db: Executor,
  tokenHash: string,
): Promise<TokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findToken(db: Executor, id: string): Promise<TokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTokens(
  db: Executor,
  f: { userId?: string; q?: string; limit: number; offset: number },
): Promise<{ rows: (TokenRow & { username: string })[]; total: number }> {
  let query = db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id');
  if (f.userId) query = query.where('t.user_id', '=', f.userId);
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('t.name', 'ilike', like), eb('u.username', 'ilike', like)]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('t')
      .select('u.username')
      .orderBy('t.created_at', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
