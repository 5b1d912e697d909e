// Approval by required roles: a record (BOM/routing version, change request)
// is approved when, in its current review round, each role the plant requires
// has signed once. One signature covers one role, and a person signs a round
// once, so a user holding two required roles still needs a second person.
import type { ApprovalStatus } from '../../shared/approvals.contract.ts';
import type { Signature, SignatureMeaning } from '../../shared/signatures.contract.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit/audit.service.ts';
import type { Executor, Trx } from './db/database.ts';
import { DomainError } from './errors.ts';
import * as identity from './identity/identity.repository.ts';
import { signRecord, type VerifiedSigner } from './signatures/signatures.service.ts';
import './signatures/signatures.tables.ts';

export interface RoleApprovalsTable {
  record_type: string;
  record_id: string;
  round: number;
  role_key: string;
  signature_id: string;
  signer_id: string;
  signed_at: Date;
}

declare module './db/database.ts' {
  interface Database {
    role_approvals: RoleApprovalsTable;
  }
}

/** Where a kind of record keeps its required roles (platform_settings) and their default. */
export interface ApprovalPolicy {
  settingKey: string;
  defaultRoles: readonly string[];
}

export async function requiredApprovalRoles(
  db: Executor,
  policy: ApprovalPolicy,
): Promise<string[]> {
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', policy.settingKey)
    .executeTakeFirst();
  const value = row?.value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    return value as string[];
  }
  return [...policy.defaultRoles];
}

/** Changes the required roles of a kind of record, audited. Approvals already complete stay. */
export async function setRequiredApprovalRoles(
  trx: Trx,
  actor: Actor,
  policy: ApprovalPolicy,
  roles: string[],
  reason: string,
): Promise<string[]> {
  const unique = [...new Set(roles)];
  const known = await identity.existingRoleKeys(trx, unique);
  const unknown = unique.filter((r) => !known.has(r));
  if (unknown.length > 0) throw new DomainError('UNKNOWN_ROLE', { roles: unknown });
  const before = await requiredApprovalRoles(trx, policy);
  await trx
    .insertInto('platform_settings')
    .values({ key: policy.settingKey, value: JSON.stringify(unique) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(unique), updated_at: new Date() }),
    )
    .execute();
  await recordAudit(trx, actor, {
    action: 'setting.changed',
    entityType: 'platform_setting',
    entityId: policy.settingKey,
    before: { roles: before },
    after: { roles: unique },
    reason,
  });
  return unique;
}

/** The approval state of records, each in its own current round. */
export async function approvalStatuses(
  db: Executor,
  recordType: string,
  records: { id: string; round: number }[],
  requiredRoles: readonly string[],
): Promise<Map<string, ApprovalStatus>> {
  const map = new Map<string, ApprovalStatus>();
  if (records.length === 0) return map;
  const rows = await db
    .selectFrom('role_approvals as a')
    .innerJoin('signatures as s', 's.id', 'a.signature_id')
    .select([
      'a.record_id',
      'a.round',
      'a.role_key',
      'a.signature_id',
      'a.signer_id',
      'a.signed_at',
      's.signer_name',
    ])
    .where('a.record_type', '=', recordType)
    .where(
      'a.record_id',
      'in',
      records.map((r) => r.id),
    )
    .orderBy('a.signed_at')
    .execute();
  for (const record of records) {
    const covered = rows
      .filter((r) => r.record_id === record.id && r.round === record.round)
      .map((r) => ({
        role: r.role_key,
        signatureId: r.signature_id,
        signerId: r.signer_id,
        signerName: r.signer_name,
        signedAt: r.signed_at.toISOString(),
      }));
    const coveredRoles = new Set(covered.map((c) => c.role));
    const missing = requiredRoles.filter((r) => !coveredRoles.has(r));
    map.set(record.id, {
      round: record.round,
      requiredRoles: [...requiredRoles],
      covered,
      missing,
      complete: missing.length === 0,
    });
  }
  return map;
}

export async function approvalStatus(
  db: Executor,
  recordType: string,
  record: { id: string; round: number },
  requiredRoles: readonly string[],
): Promise<ApprovalStatus> {
  const status = (await approvalStatuses(db, recordType, [record], requiredRoles)).get(record.id);
  if (!status) throw new Error('approvalStatuses lost a record');
  return status;
}

/**
 * Which required role a signer would cover now: the one named, or the first
 * required role (in the plant's order) the signer holds that is still missing.
 * Throws the reason when the signer cannot approve this round. Checks only; no
 * writes, so routes run it before asking for the password.
 */
export async function roleToCover(
  db: Executor,
  signerId: string,
  status: ApprovalStatus,
  requested?: string,
): Promise<string> {
  if (status.covered.some((c) => c.signerId === signerId)) {
    throw new DomainError(
      'APPROVAL_ALREADY_SIGNED',
      { round: status.round },
      'You have already signed this review round; another person must sign for the other roles',
    );
  }
  const held = new Set((await identity.rolesOfUsers(db, [signerId])).get(signerId) ?? []);
  if (requested !== undefined) {
    if (!status.requiredRoles.includes(requested) || !held.has(requested)) {
      throw new DomainError(
        'APPROVAL_ROLE_NOT_HELD',
        { role: requested, required: status.requiredRoles },
        `You cannot approve as ${requested}`,
      );
    }
    if (!status.missing.includes(requested)) {
      throw new DomainError('APPROVAL_ROLE_ALREADY_COVERED', { role: requested });
    }
    return requested;
  }
  const role = status.missing.find((r) => held.has(r));
  if (role !== undefined) return role;
  if (status.requiredRoles.some((r) => held.has(r))) {
    throw new DomainError('APPROVAL_ROLE_ALREADY_COVERED', {
      roles: status.requiredRoles.filter((r) => held.has(r)),
    });
  }
  throw new DomainError(
    'APPROVAL_ROLE_NOT_HELD',
    { required: status.missing },
    `Approval needs a signature by ${status.missing.join(', ')}`,
  );
}

/**
 * Signs the record's content (meaning: approved) and records which required
 * role the signature covers, in the business transaction. The caller holds the
 * record's row lock and passes its current status; returns the new status.
 */
export async function recordRoleApproval(
  trx: Trx,
  signer: VerifiedSigner,
  input: {
    recordType: string;
    recordId: string;
    status: ApprovalStatus;
    content: unknown;
    role?: string;
    allowedMeanings?: readonly SignatureMeaning[];
  },
): Promise<{ signature: Signature; role: string; status: ApprovalStatus }> {
  const role = await roleToCover(trx, signer.actor.userId, input.status, input.role);
  const signature = await signRecord(trx, signer, {
    type: input.recordType,
    id: input.recordId,
    content: input.content,
    allowedMeanings: input.allowedMeanings ?? ['approved'],
  });
  await trx
    .insertInto('role_approvals')
    .values({
      record_type: input.recordType,
      record_id: input.recordId,
      round: input.status.round,
      role_key: role,
      signature_id: signature.id,
      signer_id: signer.actor.userId,
      signed_at: new Date(signature.signedAt),
    })
    .execute();
  const status = await approvalStatus(
    trx,
    input.recordType,
    { id: input.recordId, round: input.status.round },
    input.status.requiredRoles,
  );
  return { signature, role, status };
}
