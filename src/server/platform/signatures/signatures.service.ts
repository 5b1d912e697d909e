import { sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  SIGNATURE_MEANINGS,
  type Signature,
  type SignatureInput,
  type SignatureMeaning,
  type SignatureVerification,
} from '../../../shared/signatures.contract.ts';
import type { Actor, UserActor } from '../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { canonicalJson, sha256Hex } from '../canonical.ts';
import type { SecurityPolicy } from '../config.ts';
import type { Db, Executor, Trx } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { requirePasswordCounted, type RequestMeta } from '../identity/auth.service.ts';
import * as identity from '../identity/identity.repository.ts';
import type { SignaturesTable } from './signatures.tables.ts';
import './signatures.tables.ts';

/** How a module gives the signature service a record's current content, to hash. */
export type SignableLoader = (db: Executor, recordId: string) => Promise<unknown>;

/** Record types that can be signed; modules register theirs at composition. */
export class SignableRegistry {
  readonly #loaders = new Map<string, SignableLoader>();

  register(recordType: string, loader: SignableLoader): void {
    if (this.#loaders.has(recordType))
      throw new Error(`Signable record type ${recordType} registered twice`);
    this.#loaders.set(recordType, loader);
  }

  loader(recordType: string): SignableLoader | undefined {
    return this.#loaders.get(recordType);
  }

  types(): string[] {
    return [...this.#loaders.keys()].sort();
  }
}

const verified = Symbol('verified signer');

/** Proof that the signer re-entered their password in this request. Only verifySigner makes one. */
export interface VerifiedSigner {
  readonly [verified]: true;
  readonly actor: UserActor;
  readonly meaning: SignatureMeaning;
  readonly comment: string | null;
  readonly printedName: string;
}

/**
 * The same signing act under another meaning, for a decision that by its nature
 * has several parts: a partial acceptance the signer approves releases one part
 * of a lot and rejects the rest, and each lot's signature must say which
 * (21 CFR 11.50(a)(3)). Only a signer verifySigner made can be derived from.
 */
export function deriveSigner(signer: VerifiedSigner, meaning: SignatureMeaning): VerifiedSigner {
  if (signer[verified] !== true) throw new Error('deriveSigner needs a signer from verifySigner');
  return { ...signer, meaning };
}

export function recordHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/**
 * 21 CFR 11.200(a)(1): the signer is the signed-in user and re-enters the
 * password. Runs before the business transaction: a wrong password counts
 * toward lockout even though the action fails.
 */
export async function verifySigner(
  db: Db,
  policy: SecurityPolicy,
  actor: Actor,
  input: SignatureInput | undefined,
  meta: RequestMeta,
): Promise<VerifiedSigner> {
  if (actor.kind !== 'user' || actor.via !== 'session') {
    throw new DomainError(
      'SIGNATURE_REQUIRES_USER',
      {},
      'Electronic signatures are given by a signed-in person, not an API token',
    );
  }
  if (!input)
    throw new DomainError('SIGNATURE_REQUIRED', {}, 'This action needs an electronic signature');
  if (input.username.toLowerCase() !== actor.username.toLowerCase()) {
    throw new DomainError('SIGNATURE_SIGNER_MISMATCH', {}, 'Only the signed-in user can sign');
  }
  const user = await identity.findUserById(db, actor.userId);
  if (!user || user.status !== 'active') throw new DomainError('UNAUTHENTICATED');
  await requirePasswordCounted(
    db,
    user,
    input.password,
    policy,
    'signature',
    meta,
    new DomainError(
      'SIGNATURE_PASSWORD_INVALID',
      {},
      'The password entered for the signature is wrong',
    ),
  );
  if (!(SIGNATURE_MEANINGS as readonly string[]).includes(input.meaning)) {
    throw new DomainError('SIGNATURE_MEANING_NOT_ALLOWED', { meaning: input.meaning });
  }
  return {
    [verified]: true,
    actor,
    meaning: input.meaning,
    comment: input.comment ?? null,
    printedName: user.full_name,
  };
}

type SignatureRow = Selectable<SignaturesTable>;

function toSignature(row: SignatureRow): Signature {
  return {
    id: row.id,
    signerId: row.signer_id,
    signerUsername: row.signer_username,
    signerName: row.signer_name,
    signedAt: row.signed_at.toISOString(),
    meaning: row.meaning as SignatureMeaning,
    comment: row.comment,
    recordType: row.record_type,
    recordId: row.record_id,
    recordHash: row.record_hash,
  };
}

/** Links a verified signature to a record's content, in the business transaction, audited. */
export async function signRecord(
  trx: Trx,
  signer: VerifiedSigner,
  record: {
    type: string;
    id: string;
    content: unknown;
    allowedMeanings: readonly SignatureMeaning[];
  },
): Promise<Signature> {
  if (signer[verified] !== true) throw new Error('signRecord needs a signer from verifySigner');
  if (!record.allowedMeanings.includes(signer.meaning)) {
    throw new DomainError(
      'SIGNATURE_MEANING_NOT_ALLOWED',
      { meaning: signer.meaning, allowed: record.allowedMeanings },
      `A signature meaning "${signer.meaning}" is not allowed here; use ${record.allowedMeanings.join(' or ')}`,
    );
  }
  const { rows } = await sql<{
    at: Date;
  }>`select date_trunc('milliseconds', clock_timestamp()) as at`.execute(trx);
  const row = await trx
    .insertInto('signatures')
    .values({
      id: uuidv7(),
      signer_id: signer.actor.userId,
      signer_username: signer.actor.username,
      signer_name: signer.printedName,
      signed_at: rows[0]?.at ?? new Date(),
      meaning: signer.meaning,
      comment: signer.comment,
      record_type: record.type,
      record_id: record.id,
      record_hash: recordHash(record.content),
      request_id: signer.actor.requestId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const signature = toSignature(row);
  await recordAudit(trx, signer.actor, {
    action: 'signature.signed',
    entityType: record.type,
    entityId: record.id,
    after: signature,
  });
  return signature;
}

export async function signaturesOf(
  db: Executor,
  recordType: string,
  recordIds: string[],
): Promise<Map<string, Signature[]>> {
  const map = new Map<string, Signature[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return map;
  const rows = await db
    .selectFrom('signatures')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', 'in', recordIds)
    .orderBy('signed_at')
    .execute();
  for (const row of rows) map.get(row.record_id)?.push(toSignature(row));
  return map;
}

export async function listSignatures(
  db: Executor,
  f: { recordType?: string; recordId?: string; signerId?: string; limit: number; offset: number },
): Promise<{ items: Signature[]; total: number }> {
  let query = db.selectFrom('signatures');
  if (f.recordType) query = query.where('record_type', '=', f.recordType);
  if (f.recordId) query = query.where('record_id', '=', f.recordId);
  if (f.signerId) query = query.where('signer_id', '=', f.signerId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('signed_at', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSignature), total: Number(count.n) };
}

/** Recomputes the record's hash now: a record changed after signing shows the signature as broken. */
export async function verifySignature(
  db: Executor,
  registry: SignableRegistry,
  id: string,
): Promise<SignatureVerification> {
  const row = await db.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'signature', id });
  const loader = registry.loader(row.record_type);
  const content = loader ? await loader(db, row.record_id) : undefined;
  const current = content === undefined ? null : recordHash(content);
  const status =
    current === null ? 'record_missing' : current === row.record_hash ? 'valid' : 'broken';
  // A broken signature whose record was changed later under another signature
  // is history, not tampering: name that signature.
  const later =
    status === 'broken' && current !== null
      ? await db
          .selectFrom('signatures')
          .select('id')
          .where('record_type', '=', row.record_type)
          .where('record_id', '=', row.record_id)
          .where('record_hash', '=', current)
          .where('signed_at', '>', row.signed_at)
          .orderBy('signed_at')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  return {
    supersededBy: later?.id ?? null,
    signatureId: row.id,
    status,
    valid: status === 'valid',
    recordHashAtSigning: row.record_hash,
    currentRecordHash: current,
    signature: toSignature(row),
  };
}
