// Change control (ECO): a change request names the records it affects (for
// versions: proposed → the version it supersedes), is reviewed with Lotline's
// impact analysis, approved by the signatures of the required roles (or
// rejected), and implemented in one transaction that makes every proposed
// version effective and supersedes the old ones.
//   draft → in_review → approved → implemented
//                     ↘ rejected          (and draft/in_review/approved → cancelled)
import { v7 as uuidv7 } from 'uuid';
import type {
  ChangeImpact,
  ChangeRequest,
  ChangeRequestSummary,
  ChangeStatus,
  CreateChangeInput,
  UpdateChangeInput,
} from '../../../shared/changes.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import {
  approvalStatus,
  recordRoleApproval,
  requiredApprovalRoles,
  roleToCover,
  type ApprovalPolicy,
} from '../../platform/approvals.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import {
  signRecord,
  signaturesOf,
  type VerifiedSigner,
} from '../../platform/signatures/signatures.service.ts';
import { getDocumentVersion, makeDocumentVersionEffective } from '../documents/index.ts';
import { getEngineeringVersion, makeVersionEffectiveByChange } from '../engineering/index.ts';
import * as repo from './changes.repository.ts';
import { computeImpact } from './impact.ts';
import { describeTargets, resolveTargets, type ResolvedTarget } from './targets.ts';

export const CHANGE_REQUEST_RECORD = 'change_request';

export const CHANGE_APPROVAL: ApprovalPolicy = {
  settingKey: 'changes.approval_roles',
  defaultRoles: ['engineer', 'qa_manager'],
};

function personOf(actor: Actor): { id: string | null; name: string } {
  return actor.kind === 'user'
    ? { id: actor.userId, name: actor.fullName }
    : { id: null, name: `Lotline (${actor.name})` };
}

// ---- reading ----

async function toSummaries(db: Executor, rows: repo.ChangeRow[]): Promise<ChangeRequestSummary[]> {
  const targets = await repo.targetsOf(
    db,
    rows.map((r) => r.id),
  );
  const out: ChangeRequestSummary[] = [];
  for (const row of rows) {
    out.push({
      id: row.id,
      code: row.code,
      title: row.title,
      description: row.description,
      reason: row.reason,
      riskClass: row.risk_class,
      status: row.status,
      reviewRound: row.review_round,
      targets: await describeTargets(
        db,
        targets.filter((t) => t.change_request_id === row.id),
      ),
      impactSnapshotAt: row.impact_snapshot_at?.toISOString() ?? null,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      approvedAt: row.approved_at?.toISOString() ?? null,
      rejectedAt: row.rejected_at?.toISOString() ?? null,
      implementedAt: row.implemented_at?.toISOString() ?? null,
      cancelledAt: row.cancelled_at?.toISOString() ?? null,
      createdBy: { id: row.created_by_id, name: row.created_by_name },
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    });
  }
  return out;
}

async function approvalOf(db: Executor, row: repo.ChangeRow) {
  const roles = await requiredApprovalRoles(db, CHANGE_APPROVAL);
  return approvalStatus(db, CHANGE_REQUEST_RECORD, { id: row.id, round: row.review_round }, roles);
}

export async function getChange(db: Executor, id: string): Promise<ChangeRequest> {
  const row = await repo.findChange(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: CHANGE_REQUEST_RECORD, id });
  const [summary] = await toSummaries(db, [row]);
  if (!summary) throw new DomainError('NOT_FOUND', { entity: CHANGE_REQUEST_RECORD, id });
  const [approval, signatures] = await Promise.all([
    approvalOf(db, row),
    signaturesOf(db, CHANGE_REQUEST_RECORD, [id]),
  ]);
  return {
    ...summary,
    approval,
    signatures: signatures.get(id) ?? [],
    impactSnapshot: (row.impact_snapshot as ChangeImpact | null) ?? null,
  };
}

export async function listChanges(
  db: Executor,
  filter: repo.ChangeFilter,
): Promise<{ items: ChangeRequestSummary[]; total: number }> {
  const { rows, total } = await repo.listChanges(db, filter);
  return { items: await toSummaries(db, rows), total };
}

/** The impact analysis as of now (the snapshot taken at submission is on the change request). */
export async function changeImpact(db: Executor, id: string): Promise<ChangeImpact> {
  const row = await repo.findChange(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: CHANGE_REQUEST_RECORD, id });
  return computeImpact(db, id, await repo.targetsOf(db, [id]));
}

/**
 * What an approval (or rejection) signature covers: the request's text, risk
 * class, affected records (proposed → superseded) and the impact analysis the
 * reviewers saw. Not the status or dates.
 */
export async function changeSignedContent(db: Executor, id: string): Promise<unknown> {
  const row = await repo.findChange(db, id);
  if (!row) return undefined;
  const targets = await repo.targetsOf(db, [id]);
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    reason: row.reason,
    riskClass: row.risk_class,
    targets: targets.map((t) => ({
      seq: t.seq,
      targetType: t.target_type,
      targetId: t.target_id,
      supersedesId: t.supersedes_id,
      note: t.note,
    })),
    impactSnapshot: row.impact_snapshot ?? null,
  };
}

// ---- writing ----

async function lockOrThrow(trx: Trx, id: string): Promise<repo.ChangeRow> {
  const row = await repo.lockChange(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: CHANGE_REQUEST_RECORD, id });
  return row;
}

function assertStatus(row: repo.ChangeRow, allowed: ChangeStatus[], action: string): void {
  if (!allowed.includes(row.status)) {
    throw new DomainError(
      'CHANGE_REQUEST_WRONG_STATUS',
      { changeRequestId: row.id, status: row.status, allowed, action },
      `${row.code} is ${row.status}; ${action} needs ${allowed.join(' or ')}`,
    );
  }
}

function assertDraft(row: repo.ChangeRow): void {
  if (row.status !== 'draft') {
    throw new DomainError(
      'CHANGE_REQUEST_LOCKED',
      { changeRequestId: row.id, status: row.status },
      `${row.code} is ${row.status}; only a draft can be edited`,
    );
  }
}

async function auditState(db: Executor, id: string) {
  const row = await repo.findChange(db, id);
  if (!row) return null;
  const { impactSnapshot: _i, ...content } = (await changeSignedContent(db, id)) as Record<
    string,
    unknown
  >;
  return { status: row.status, reviewRound: row.review_round, ...content };
}

async function audited(
  trx: Trx,
  actor: Actor,
  action: string,
  id: string,
  before: unknown,
  reason?: string | null,
): Promise<ChangeRequest> {
  await recordAudit(trx, actor, {
    action: `change_request.${action}`,
    entityType: CHANGE_REQUEST_RECORD,
    entityId: id,
    before,
    after: await auditState(trx, id),
    reason: reason ?? null,
  });
  return getChange(trx, id);
}

function targetRows(targets: ResolvedTarget[]) {
  return targets.map((t) => ({
    target_type: t.targetType,
    target_id: t.targetId,
    supersedes_id: t.supersedesId,
    note: t.note,
  }));
}

export async function createChange(
  trx: Trx,
  actor: Actor,
  input: CreateChangeInput,
): Promise<ChangeRequest> {
  const targets = await resolveTargets(trx, input.targets);
  const id = uuidv7();
  const person = personOf(actor);
  await trx
    .insertInto('change_requests')
    .values({
      id,
      code: await nextCode(trx, 'change_request', 'CR-', 4),
      title: input.title,
      description: input.description,
      reason: input.reason,
      risk_class: input.riskClass,
      status: 'draft',
      impact_snapshot: null,
      impact_snapshot_at: null,
      submitted_at: null,
      approved_at: null,
      rejected_at: null,
      implemented_at: null,
      cancelled_at: null,
      created_by_id: person.id,
      created_by_name: person.name,
    })
    .execute();
  await repo.replaceTargets(trx, id, targetRows(targets));
  return audited(trx, actor, 'created', id, null);
}

export async function updateChange(
  trx: Trx,
  actor: Actor,
  id: string,
  input: UpdateChangeInput,
): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertDraft(row);
  const before = await auditState(trx, id);
  await trx
    .updateTable('change_requests')
    .set({
      title: input.title ?? row.title,
      description: input.description ?? row.description,
      reason: input.reason ?? row.reason,
      risk_class: input.riskClass ?? row.risk_class,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (input.targets) {
    await repo.replaceTargets(trx, id, targetRows(await resolveTargets(trx, input.targets)));
  }
  return audited(trx, actor, 'updated', id, before);
}

function asInputs(rows: repo.TargetRow[]) {
  return rows.map((t) => ({
    targetType: t.target_type,
    targetId: t.target_id,
    supersedesId: t.supersedes_id ?? undefined,
    note: t.note ?? undefined,
  }));
}

/** Draft → in review: the targets are checked again and the impact analysis is snapshotted. */
/**
 * Every proposed version must be approved, hence frozen: the change request's
 * signatures then cover content that can no longer change under them.
 */
async function assertProposedVersionsApproved(trx: Trx, targets: repo.TargetRow[]): Promise<void> {
  const notApproved: { targetType: string; targetId: string; status: string }[] = [];
  for (const t of targets) {
    if (t.target_type === 'document_version') {
      const v = await getDocumentVersion(trx, t.target_id);
      if (v.status !== 'approved')
        notApproved.push({ targetType: t.target_type, targetId: v.id, status: v.status });
    } else if (t.target_type === 'bom_version' || t.target_type === 'routing_version') {
      const v = await getEngineeringVersion(trx, t.target_id);
      if (v?.status !== 'approved') {
        notApproved.push({
          targetType: t.target_type,
          targetId: t.target_id,
          status: v?.status ?? 'missing',
        });
      }
    }
  }
  if (notApproved.length > 0) {
    throw new DomainError(
      'PROPOSED_VERSION_NOT_APPROVED',
      { versions: notApproved },
      `${notApproved.length} proposed version(s) not approved`,
    );
  }
}

export async function submitChange(trx: Trx, actor: Actor, id: string): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertDraft(row);
  const targets = await repo.targetsOf(trx, [id]);
  if (targets.length === 0) {
    throw new DomainError('CHANGE_REQUEST_EMPTY', { changeRequestId: id });
  }
  await resolveTargets(trx, asInputs(targets));
  await assertProposedVersionsApproved(trx, targets);
  const before = await auditState(trx, id);
  const impact = await computeImpact(trx, id, targets);
  const now = new Date();
  await trx
    .updateTable('change_requests')
    .set({
      status: 'in_review',
      submitted_at: now,
      impact_snapshot: JSON.stringify(impact),
      impact_snapshot_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'submitted', id, before);
}

/** In review → draft; the approvals collected so far no longer count. */
export async function returnChange(
  trx: Trx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertStatus(row, ['in_review'], 'sending back to draft');
  const before = await auditState(trx, id);
  await trx
    .updateTable('change_requests')
    .set({
      status: 'draft',
      review_round: row.review_round + 1,
      submitted_at: null,
      impact_snapshot: null,
      impact_snapshot_at: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'returned', id, before, reason);
}

export async function precheckChangeApproval(
  db: Executor,
  actor: Actor,
  id: string,
  role?: string,
): Promise<void> {
  const row = await repo.findChange(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: CHANGE_REQUEST_RECORD, id });
  assertStatus(row, ['in_review'], 'approval');
  if (actor.kind === 'user') await roleToCover(db, actor.userId, await approvalOf(db, row), role);
}

export async function approveChange(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  id: string,
  role?: string,
): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertStatus(row, ['in_review'], 'approval');
  const before = await auditState(trx, id);
  const result = await recordRoleApproval(trx, signer, {
    recordType: CHANGE_REQUEST_RECORD,
    recordId: id,
    status: await approvalOf(trx, row),
    content: await changeSignedContent(trx, id),
    role,
  });
  await recordAudit(trx, actor, {
    action: 'change_request.approval_signed',
    entityType: CHANGE_REQUEST_RECORD,
    entityId: id,
    after: { role: result.role, signatureId: result.signature.id, missing: result.status.missing },
  });
  if (!result.status.complete) return getChange(trx, id);
  await trx
    .updateTable('change_requests')
    .set({ status: 'approved', approved_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'approved', id, before);
}

export async function precheckChangeRejection(db: Executor, id: string): Promise<void> {
  const row = await repo.findChange(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: CHANGE_REQUEST_RECORD, id });
  assertStatus(row, ['in_review'], 'rejection');
}

/** In review → rejected (final), signed with the meaning "rejected". */
export async function rejectChange(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  id: string,
  reason: string,
): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertStatus(row, ['in_review'], 'rejection');
  const before = await auditState(trx, id);
  await signRecord(trx, signer, {
    type: CHANGE_REQUEST_RECORD,
    id,
    content: await changeSignedContent(trx, id),
    allowedMeanings: ['rejected'],
  });
  await trx
    .updateTable('change_requests')
    .set({ status: 'rejected', rejected_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'rejected', id, before, reason);
}

export async function cancelChange(
  trx: Trx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertStatus(row, ['draft', 'in_review', 'approved'], 'cancelling');
  // Whoever raised a draft may drop it; once reviewers are involved, only a
  // reviewer may cancel it.
  if (row.status !== 'draft' && actor.kind === 'user' && !actor.permissions.has('change.approve')) {
    throw new DomainError(
      'FORBIDDEN',
      { permission: 'change.approve', status: row.status },
      'Cancelling a change request in review or approved needs change.approve',
    );
  }
  const before = await auditState(trx, id);
  await trx
    .updateTable('change_requests')
    .set({ status: 'cancelled', cancelled_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'cancelled', id, before, reason);
}

// Documents first: a routing made effective here may link a document revision
// that becomes effective in the same change.
const IMPLEMENTATION_ORDER = ['document_version', 'bom_version', 'routing_version'] as const;

/**
 * Approved → implemented, in the caller's one transaction: every proposed
 * version becomes effective (superseding the version it names, which must
 * still be the effective one) and carries this change request's id. Any
 * refusal rolls the whole change back.
 */
export async function implementChange(
  trx: Trx,
  actor: Actor,
  id: string,
  options: { effectiveFrom?: string } = {},
): Promise<ChangeRequest> {
  const row = await lockOrThrow(trx, id);
  assertStatus(row, ['approved'], 'implementation');
  const targets = await repo.targetsOf(trx, [id]);
  await assertProposedVersionsApproved(trx, targets);
  const before = await auditState(trx, id);
  for (const type of IMPLEMENTATION_ORDER) {
    for (const t of targets.filter((x) => x.target_type === type)) {
      if (type === 'document_version') {
        await makeDocumentVersionEffective(trx, actor, t.target_id, {
          effectiveFrom: options.effectiveFrom,
          changeRequestId: id,
          expectedSupersedesId: t.supersedes_id,
        });
      } else {
        await makeVersionEffectiveByChange(trx, actor, t.target_id, {
          changeRequestId: id,
          expectedSupersedesId: t.supersedes_id,
          effectiveFrom: options.effectiveFrom,
        });
      }
    }
  }
  await trx
    .updateTable('change_requests')
    .set({ status: 'implemented', implemented_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'implemented', id, before);
}
