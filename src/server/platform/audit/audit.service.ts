import { sql, type Selectable } from 'kysely';
import type { Actor } from '../actor.ts';
import { canonicalJson, normalizeJson, sha256Hex } from '../canonical.ts';
import type { Executor, Trx } from '../db/database.ts';
import { containsPattern } from '../db/search.ts';
import type { AuditLogTable } from './audit.tables.ts';
import './audit.tables.ts';

export const GENESIS_HASH = '0'.repeat(64);
// One chain: audited transactions take this lock, so sequence numbers are
// gapless and each entry links to the one committed before it.
const CHAIN_LOCK = 7_245_001;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export type AuditRow = Selectable<AuditLogTable>;

interface HashedContent {
  seq: string;
  at: string;
  actorType: AuditRow['actor_type'];
  actorId: string | null;
  actorName: string;
  tokenId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
}

export function auditEntryHash(content: HashedContent): string {
  return sha256Hex(canonicalJson(content));
}

function actorColumns(
  actor: Actor,
): Pick<HashedContent, 'actorType' | 'actorId' | 'actorName' | 'tokenId'> {
  if (actor.kind === 'system')
    return { actorType: 'system', actorId: null, actorName: actor.name, tokenId: null };
  return {
    actorType: actor.via === 'token' ? 'token' : 'user',
    actorId: actor.userId,
    actorName:
      actor.via === 'token'
        ? `${actor.fullName} (token ${actor.tokenName ?? ''})`.trim()
        : actor.fullName,
    tokenId: actor.tokenId ?? null,
  };
}

/**
 * Appends one entry to the audit trail, inside the caller's transaction: if the
 * change rolls back, so does its entry.
 */
export async function recordAudit(
  trx: Trx,
  actor: Actor,
  input: AuditInput,
): Promise<{ seq: string; hash: string }> {
  if (!trx.isTransaction)
    throw new Error('recordAudit must run inside the transaction of the change it records');
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const head = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const { rows } = await sql<{
    at: Date;
  }>`select date_trunc('milliseconds', clock_timestamp()) as at`.execute(trx);
  const at = rows[0]?.at ?? new Date();
  const content: HashedContent = {
    seq: head ? (BigInt(head.seq) + 1n).toString() : '1',
    at: at.toISOString(),
    ...actorColumns(actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: normalizeJson(input.before),
    after: normalizeJson(input.after),
    reason: input.reason ?? null,
    requestId: actor.requestId ?? null,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = auditEntryHash(content);
  await trx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
      at,
      actor_type: content.actorType,
      actor_id: content.actorId,
      actor_name: content.actorName,
      token_id: content.tokenId,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      before: content.before === null ? null : JSON.stringify(content.before),
      after: content.after === null ? null : JSON.stringify(content.after),
      reason: content.reason,
      request_id: content.requestId,
      prev_hash: content.prevHash,
      hash,
    })
    .execute();
  return { seq: content.seq, hash };
}

export type ChainVerification =
  | { ok: true; entries: number; headSeq: string | null; headHash: string | null }
  | {
      ok: false;
      entries: number;
      firstBadSeq: string;
      problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap';
      detail: string;
    };

function contentOf(row: AuditRow): HashedContent {
  return {
    seq: String(row.seq),
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    tokenId: row.token_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    requestId: row.request_id,
    prevHash: row.prev_hash,
  };
}

/** Walks the whole chain in order; names the first entry that was altered, removed or inserted out of band. */
export async function verifyAuditChain(db: Executor, batchSize = 2000): Promise<ChainVerification> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq.toString())
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of batch) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        return {
          ok: false,
          entries,
          firstBadSeq: expectedSeq.toString(),
          problem: 'sequence_gap',
          detail: `entry ${expectedSeq} is missing; the next is ${seq}`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          entries,
          firstBadSeq: row.seq,
          problem: 'broken_link',
          detail: `entry ${row.seq} does not link to the hash of entry ${seq - 1n}`,
        };
      }
      if (auditEntryHash(contentOf(row)) !== row.hash) {
        return {
          ok: false,
          entries,
          firstBadSeq: row.seq,
          problem: 'hash_mismatch',
          detail: `entry ${row.seq} does not match its hash: its content was changed`,
        };
      }
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      entries++;
    }
    if (batch.length < batchSize) break;
  }
  return {
    ok: true,
    entries,
    headSeq: entries ? (expectedSeq - 1n).toString() : null,
    headHash: entries ? prevHash : null,
  };
}

export interface AuditFilter {
  q?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

function filtered(db: Executor, f: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.actorId) query = query.where('actor_id', '=', f.actorId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('at', '>=', new Date(f.from));
  if (f.to) query = query.where('at', '<', new Date(f.to));
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('actor_name', 'ilike', like),
        eb('action', 'ilike', like),
        eb('entity_id', 'ilike', like),
        eb('reason', 'ilike', like),
      ]),
    );
  }
  return query;
}

export function toAuditEntry(row: AuditRow) {
  const { prevHash: _prevHash, ...entry } = contentOf(row);
  return { ...entry, hash: row.hash };
}

/** Newest first. */
export async function listAudit(db: Executor, f: AuditFilter & { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    filtered(db, f).selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toAuditEntry), total: Number(count.n) };
}

/** Oldest first, in batches, for exports that may be large. */
export async function* iterateAudit(
  db: Executor,
  f: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditRow> {
  let after = '0';
  for (;;) {
    const rows = await filtered(db, f)
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    yield* rows;
    if (rows.length < batchSize) return;
    after = String(rows[rows.length - 1]?.seq ?? after);
  }
}
