import { v7 as uuidv7 } from 'uuid';
import type { ApiToken } from '../../../shared/identity.contract.ts';
import type { Actor, UserActor } from '../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Executor, Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { TOKEN_PREFIX, newSecret, secretHash } from './auth.service.ts';
import * as repo from './identity.repository.ts';

function status(row: repo.TokenRow, now = new Date()): ApiToken['status'] {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && row.expires_at <= now) return 'expired';
  return 'active';
}

function toToken(row: repo.TokenRow, username: string): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.user_id,
    username,
    permissions: [...row.permissions].sort(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    status: status(row),
  };
}

function tokenView(row: repo.TokenRow) {
  return {
    name: row.name,
    prefix: row.prefix,
    userId: row.user_id,
    permissions: row.permissions,
    expiresAt: row.expires_at,
    status: status(row),
  };
}

/** A person (not a token) makes tokens: for themselves, or for anyone with token.manage. */
function assertPersonFor(actor: Actor, userId: string): UserActor | null {
  if (actor.kind === 'system') return null;
  if (actor.via === 'token')
    throw new DomainError('FORBIDDEN', {}, 'An API token cannot create or revoke tokens');
  if (actor.userId !== userId && !actor.permissions.has('token.manage')) {
    throw new DomainError(
      'FORBIDDEN',
      { permission: 'token.manage' },
      "Managing another user's tokens needs token.manage",
    );
  }
  return actor;
}

export async function createToken(
  trx: Trx,
  actor: Actor,
  input: { userId: string; name: string; permissions: string[]; expiresInDays?: number },
): Promise<{ token: ApiToken; secret: string }> {
  const person = assertPersonFor(actor, input.userId);
  const user = await repo.findUserById(trx, input.userId);
  if (!user) throw new DomainError('NOT_FOUND', { entity: 'user', id: input.userId });
  if (user.status !== 'active')
    throw new DomainError('CONFLICT', { status: user.status }, `The user is ${user.status}`);
  const permissions = [...new Set(input.permissions)].sort();
  const held = await repo.permissionsOfUser(trx, user.id);
  const beyond = permissions.filter((p) => !held.has(p));
  if (beyond.length > 0) {
    throw new DomainError(
      'TOKEN_SCOPE_EXCEEDS_USER',
      { permissions: beyond },
      `${user.username} does not hold: ${beyond.join(', ')}`,
    );
  }
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const row = await trx
    .insertInto('api_tokens')
    .values({
      id: uuidv7(),
      user_id: user.id,
      name: input.name,
      token_hash: secretHash(secret),
      prefix: secret.slice(0, 12),
      permissions,
      expires_at: input.expiresInDays
        ? new Date(Date.now() + input.expiresInDays * 86_400_000)
        : null,
      created_by: person?.userId ?? null,
      created_by_name: person?.fullName ?? (actor.kind === 'system' ? actor.name : ''),
      revoked_at: null,
      revoked_by_name: null,
      last_used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'token.created',
    entityType: 'api_token',
    entityId: row.id,
    after: tokenView(row),
  });
  return { token: toToken(row, user.username), secret };
}

export async function revokeToken(
  trx: Trx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<ApiToken> {
  const row = await repo.findToken(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'api_token', id });
  const person = assertPersonFor(actor, row.user_id);
  if (row.revoked_at)
    throw new DomainError('CONFLICT', { status: 'revoked' }, 'The token is already revoked');
  const after = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(), revoked_by_name: person?.fullName ?? 'system' })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'token.revoked',
    entityType: 'api_token',
    entityId: id,
    before: tokenView(row),
    after: tokenView(after),
    reason,
  });
  const user = await repo.findUserById(trx, row.user_id);
  return toToken(after, user?.username ?? '');
}

/** The actor's own tokens; everyone's with `all` (needs token.manage). */
export async function listTokens(
  db: Executor,
  actor: UserActor,
  f: { all: boolean; q?: string; limit: number; offset: number },
): Promise<{ items: ApiToken[]; total: number }> {
  if (f.all && !actor.permissions.has('token.manage')) {
    throw new DomainError(
      'FORBIDDEN',
      { permission: 'token.manage' },
      "Listing everyone's tokens needs token.manage",
    );
  }
  const { rows, total } = await repo.listTokens(db, {
    ...f,
    userId: f.all ? undefined : actor.userId,
  });
  return { items: rows.map((r) => toToken(r, r.username)), total };
}
