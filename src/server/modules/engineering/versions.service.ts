// The lifecycle of BOM and routing versions:
//   draft → in_review → approved (signatures of the required roles) → effective
//   → superseded (by the next effective version) | obsolete
// Only drafts change. An item has at most one effective version of each kind;
// replacing it takes a change request (modules/changes calls
// makeVersionEffectiveByChange).
import { v7 as uuidv7 } from 'uuid';
import type {
  BomContentInput,
  BomVersion,
  EngineeringKind,
  EngineeringStatus,
  EngineeringVersionSummary,
  RoutingContentInput,
  RoutingVersion,
} from '../../../shared/engineering.contract.ts';
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
import { signaturesOf, type VerifiedSigner } from '../../platform/signatures/signatures.service.ts';
import { documentVersionRefs, effectivityDate } from '../documents/index.ts';
import { listItems } from '../items/index.ts';
import {
  assertBomStillValid,
  normaliseBomContent,
  parentItem,
  toBomLines,
  type BomContent,
} from './bom.service.ts';
import * as repo from './engineering.repository.ts';
import { itemRefs, unknownItem } from './item-refs.ts';
import {
  assertRoutingStillValid,
  normaliseRoutingContent,
  readRoutingContent,
  toRoutingOperations,
  writeRoutingContent,
  type RoutingContent,
} from './routing.service.ts';

export const RECORD_TYPES: Record<EngineeringKind, string> = {
  bom: 'bom_version',
  routing: 'routing_version',
};
const KIND_NAMES: Record<EngineeringKind, string> = { bom: 'BOM', routing: 'routing' };

export const ENGINEERING_APPROVAL: ApprovalPolicy = {
  settingKey: 'engineering.approval_roles',
  defaultRoles: ['engineer', 'qa_manager'],
};

function personOf(actor: Actor): { id: string | null; name: string } {
  return actor.kind === 'user'
    ? { id: actor.userId, name: actor.fullName }
    : { id: null, name: `Lotline (${actor.name})` };
}

// ---- content ----

async function readBomContent(db: Executor, version: repo.VersionRow): Promise<BomContent> {
  const [lines, docs] = await Promise.all([
    repo.bomLinesOf(db, [version.id]),
    repo.versionDocumentsOf(db, [version.id]),
  ]);
  return {
    note: version.note,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      componentItemId: l.component_item_id,
      quantityPer: l.quantity_per,
      uom: l.uom,
      scrapPct: l.scrap_pct,
      recordTracking: l.record_tracking,
      referenceDesignator: l.reference_designator,
      note: l.note,
    })),
    documentVersionIds: docs.map((d) => d.document_version_id),
  };
}

async function writeBomContent(trx: Trx, versionId: string, content: BomContent): Promise<void> {
  await repo.replaceBomContent(
    trx,
    versionId,
    content.lines.map((l) => ({
      version_id: versionId,
      line_no: l.lineNo,
      component_item_id: l.componentItemId,
      quantity_per: l.quantityPer,
      uom: l.uom,
      scrap_pct: l.scrapPct,
      record_tracking: l.recordTracking,
      reference_designator: l.referenceDesignator,
      note: l.note,
    })),
    content.documentVersionIds,
  );
}

async function readRouting(db: Executor, version: repo.VersionRow): Promise<RoutingContent> {
  return (
    (await readRoutingContent(db, [version])).get(version.id) ?? {
      note: version.note,
      operations: [],
    }
  );
}

/**
 * What an approval signature covers: the item, the version number and the
 * whole content (lines or operations with their parameters, inspections and
 * document links). Not the status or dates, which move on after signing.
 */
export async function engineeringSignedContent(db: Executor, id: string): Promise<unknown> {
  const v = await repo.findVersion(db, id);
  if (!v) return undefined;
  const content = v.kind === 'bom' ? await readBomContent(db, v) : await readRouting(db, v);
  return { kind: v.kind, itemId: v.item_id, versionNo: v.version_no, ...content };
}

function signedContentLoader(kind: EngineeringKind) {
  return async (db: Executor, id: string): Promise<unknown> => {
    const v = await repo.findVersion(db, id);
    return v?.kind === kind ? engineeringSignedContent(db, id) : undefined;
  };
}
export const bomSignedContent = signedContentLoader('bom');
export const routingSignedContent = signedContentLoader('routing');

// ---- reading ----

function header(row: repo.VersionRow) {
  return {
    id: row.id,
    itemId: row.item_id,
    versionNo: row.version_no,
    status: row.status,
    note: row.note,
    reviewRound: row.review_round,
    copiedFromId: row.copied_from_id,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    effectiveFrom: row.effective_from,
    effectiveAt: row.effective_at?.toISOString() ?? null,
    supersededAt: row.superseded_at?.toISOString() ?? null,
    supersededById: row.superseded_by_id,
    obsoletedAt: row.obsoleted_at?.toISOString() ?? null,
    changeRequestId: row.change_request_id,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function findOfKind(
  db: Executor,
  kind: EngineeringKind,
  id: string,
): Promise<repo.VersionRow> {
  const row = await repo.findVersion(db, id);
  if (!row || row.kind !== kind)
    throw new DomainError('NOT_FOUND', { entity: RECORD_TYPES[kind], id });
  return row;
}

async function approvalOf(db: Executor, row: repo.VersionRow) {
  const roles = await requiredApprovalRoles(db, ENGINEERING_APPROVAL);
  return approvalStatus(db, RECORD_TYPES[row.kind], { id: row.id, round: row.review_round }, roles);
}

export async function getBomVersion(db: Executor, id: string): Promise<BomVersion> {
  const row = await findOfKind(db, 'bom', id);
  const content = await readBomContent(db, row);
  const [refs, docs, approval, signatures] = await Promise.all([
    itemRefs(db, [row.item_id, ...content.lines.map((l) => l.componentItemId)]),
    documentVersionRefs(db, content.documentVersionIds),
    approvalOf(db, row),
    signaturesOf(db, RECORD_TYPES.bom, [row.id]),
  ]);
  return {
    ...header(row),
    kind: 'bom',
    item: refs.get(row.item_id) ?? unknownItem(row.item_id),
    lines: toBomLines(content.lines, refs),
    documents: content.documentVersionIds.flatMap((d) => {
      const ref = docs.get(d);
      return ref ? [ref] : [];
    }),
    approval,
    signatures: signatures.get(row.id) ?? [],
  };
}

export async function getRoutingVersion(db: Executor, id: string): Promise<RoutingVersion> {
  const row = await findOfKind(db, 'routing', id);
  const content = await readRouting(db, row);
  const [refs, operations, approval, signatures] = await Promise.all([
    itemRefs(db, [row.item_id]),
    toRoutingOperations(db, content),
    approvalOf(db, row),
    signaturesOf(db, RECORD_TYPES.routing, [row.id]),
  ]);
  return {
    ...header(row),
    kind: 'routing',
    item: refs.get(row.item_id) ?? unknownItem(row.item_id),
    operations,
    approval,
    signatures: signatures.get(row.id) ?? [],
  };
}

async function toSummaries(
  db: Executor,
  rows: repo.VersionRow[],
): Promise<EngineeringVersionSummary[]> {
  const [refs, sizes] = await Promise.all([
    itemRefs(
      db,
      rows.map((r) => r.item_id),
    ),
    repo.sizesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((row) => ({
    ...header(row),
    kind: row.kind,
    item: refs.get(row.item_id) ?? unknownItem(row.item_id),
    size: sizes.get(row.id) ?? 0,
  }));
}

/** A BOM or routing version's header, whatever its kind (for change control). */
export async function getEngineeringVersion(
  db: Executor,
  id: string,
): Promise<EngineeringVersionSummary | null> {
  const row = await repo.findVersion(db, id);
  return row ? ((await toSummaries(db, [row]))[0] ?? null) : null;
}

export async function effectiveVersionSummary(
  db: Executor,
  itemId: string,
  kind: EngineeringKind,
): Promise<EngineeringVersionSummary | null> {
  const row = await repo.effectiveVersionOf(db, itemId, kind);
  return row ? ((await toSummaries(db, [row]))[0] ?? null) : null;
}

export async function listVersions(
  db: Executor,
  kind: EngineeringKind,
  filter: {
    q?: string;
    itemId?: string;
    status?: EngineeringStatus;
    limit: number;
    offset: number;
  },
): Promise<{ items: EngineeringVersionSummary[]; total: number }> {
  let itemIds: string[] | undefined = filter.itemId ? [filter.itemId] : undefined;
  if (filter.q) {
    // Search by the parent item's code or name, through the items module.
    const matching = await listItems(db, { q: filter.q, limit: 200, offset: 0 });
    const ids = matching.items.map((i) => i.id);
    itemIds = itemIds ? itemIds.filter((id) => ids.includes(id)) : ids;
  }
  const { rows, total } = await repo.listVersions(db, {
    kind,
    itemIds,
    status: filter.status,
    limit: filter.limit,
    offset: filter.offset,
  });
  return { items: await toSummaries(db, rows), total };
}

/** The BOM a work order for this item is made from today, or null. */
export async function getEffectiveBom(db: Executor, itemId: string): Promise<BomVersion | null> {
  const row = await repo.effectiveVersionOf(db, itemId, 'bom');
  return row ? getBomVersion(db, row.id) : null;
}

/** The routing a work order for this item follows today, or null. */
export async function getEffectiveRouting(
  db: Executor,
  itemId: string,
): Promise<RoutingVersion | null> {
  const row = await repo.effectiveVersionOf(db, itemId, 'routing');
  return row ? getRoutingVersion(db, row.id) : null;
}

// ---- writing ----

async function lockOfKind(trx: Trx, kind: EngineeringKind, id: string): Promise<repo.VersionRow> {
  const peek = await findOfKind(trx, kind, id);
  // Item and kind first, then the row: the order every writer takes.
  await repo.lockItemKind(trx, peek.item_id, kind);
  const row = await repo.lockVersion(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: RECORD_TYPES[kind], id });
  return row;
}

function versionName(row: repo.VersionRow): string {
  return `${KIND_NAMES[row.kind]} version ${row.version_no}`;
}

function assertDraft(row: repo.VersionRow): void {
  if (row.status !== 'draft') {
    throw new DomainError(
      'VERSION_LOCKED',
      { versionId: row.id, status: row.status },
      `${versionName(row)} is ${row.status}; only a draft can be changed`,
    );
  }
}

function assertStatus(row: repo.VersionRow, allowed: EngineeringStatus[], action: string): void {
  if (!allowed.includes(row.status)) {
    throw new DomainError(
      'VERSION_WRONG_STATUS',
      { versionId: row.id, status: row.status, allowed, action },
      `${versionName(row)} is ${row.status}; ${action} needs ${allowed.join(' or ')}`,
    );
  }
}

async function auditState(db: Executor, id: string) {
  const row = await repo.findVersion(db, id);
  if (!row) return null;
  return {
    status: row.status,
    reviewRound: row.review_round,
    effectiveFrom: row.effective_from,
    changeRequestId: row.change_request_id,
    supersededById: row.superseded_by_id,
    content: await engineeringSignedContent(db, id),
  };
}

async function audited(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  action: string,
  id: string,
  before: unknown,
  reason?: string | null,
): Promise<void> {
  await recordAudit(trx, actor, {
    action: `${RECORD_TYPES[kind]}.${action}`,
    entityType: RECORD_TYPES[kind],
    entityId: id,
    before,
    after: await auditState(trx, id),
    reason: reason ?? null,
  });
}

async function insertVersion(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  itemId: string,
  note: string | null,
  copiedFromId: string | null,
): Promise<string> {
  await repo.lockItemKind(trx, itemId, kind);
  const versionNo = (await repo.lastVersionNo(trx, itemId, kind)) + 1;
  const person = personOf(actor);
  const id = uuidv7();
  await trx
    .insertInto('engineering_versions')
    .values({
      id,
      kind,
      item_id: itemId,
      version_no: versionNo,
      status: 'draft',
      note,
      copied_from_id: copiedFromId,
      submitted_at: null,
      approved_at: null,
      effective_from: null,
      effective_at: null,
      superseded_at: null,
      superseded_by_id: null,
      obsoleted_at: null,
      change_request_id: null,
      created_by_id: person.id,
      created_by_name: person.name,
    })
    .execute();
  return id;
}

export async function createBomVersion(
  trx: Trx,
  actor: Actor,
  input: BomContentInput & { itemId: string; reason?: string },
): Promise<BomVersion> {
  const parent = await parentItem(trx, input.itemId);
  const content = await normaliseBomContent(trx, parent, input);
  const id = await insertVersion(trx, actor, 'bom', parent.id, content.note, null);
  await writeBomContent(trx, id, content);
  await audited(trx, actor, 'bom', 'created', id, null, input.reason);
  return getBomVersion(trx, id);
}

export async function createRoutingVersion(
  trx: Trx,
  actor: Actor,
  input: RoutingContentInput & { itemId: string; reason?: string },
): Promise<RoutingVersion> {
  const parent = await parentItem(trx, input.itemId);
  const content = await normaliseRoutingContent(trx, input);
  const id = await insertVersion(trx, actor, 'routing', parent.id, content.note, null);
  await writeRoutingContent(trx, id, content);
  await audited(trx, actor, 'routing', 'created', id, null, input.reason);
  return getRoutingVersion(trx, id);
}

export async function updateBomVersion(
  trx: Trx,
  actor: Actor,
  id: string,
  input: BomContentInput & { reason?: string },
): Promise<BomVersion> {
  const row = await lockOfKind(trx, 'bom', id);
  assertDraft(row);
  const parent = await parentItem(trx, row.item_id);
  const content = await normaliseBomContent(trx, parent, input);
  const before = await auditState(trx, id);
  await trx
    .updateTable('engineering_versions')
    .set({ note: content.note, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await writeBomContent(trx, id, content);
  await audited(trx, actor, 'bom', 'updated', id, before, input.reason);
  return getBomVersion(trx, id);
}

export async function updateRoutingVersion(
  trx: Trx,
  actor: Actor,
  id: string,
  input: RoutingContentInput & { reason?: string },
): Promise<RoutingVersion> {
  const row = await lockOfKind(trx, 'routing', id);
  assertDraft(row);
  const content = await normaliseRoutingContent(trx, input);
  const before = await auditState(trx, id);
  await trx
    .updateTable('engineering_versions')
    .set({ note: content.note, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await writeRoutingContent(trx, id, content);
  await audited(trx, actor, 'routing', 'updated', id, before, input.reason);
  return getRoutingVersion(trx, id);
}

/** A new draft (next version number) with exactly the content of `id`, whatever its status. */
export async function copyVersion(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  id: string,
): Promise<string> {
  const source = await findOfKind(trx, kind, id);
  const newId = await insertVersion(trx, actor, kind, source.item_id, source.note, source.id);
  if (kind === 'bom') await writeBomContent(trx, newId, await readBomContent(trx, source));
  else await writeRoutingContent(trx, newId, await readRouting(trx, source));
  await audited(trx, actor, kind, 'created', newId, null, `Copy of version ${source.version_no}`);
  return newId;
}

async function assertStillValid(
  db: Executor,
  row: repo.VersionRow,
  options: { effectiveDocuments: boolean },
): Promise<void> {
  if (row.kind === 'bom') await assertBomStillValid(db, row, options);
  else await assertRoutingStillValid(db, row, options);
}

export async function submitVersion(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  id: string,
): Promise<void> {
  const row = await lockOfKind(trx, kind, id);
  assertDraft(row);
  await assertStillValid(trx, row, { effectiveDocuments: false });
  const before = await auditState(trx, id);
  await trx
    .updateTable('engineering_versions')
    .set({ status: 'in_review', submitted_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await audited(trx, actor, kind, 'submitted', id, before);
}

/** In review → draft; the signatures collected so far no longer count (a new round starts). */
export async function returnVersionToDraft(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  id: string,
  reason: string,
): Promise<void> {
  const row = await lockOfKind(trx, kind, id);
  if (row.status === 'draft') assertStatus(row, ['in_review'], 'sending back to draft');
  if (row.status !== 'in_review') assertDraft(row);
  const before = await auditState(trx, id);
  await trx
    .updateTable('engineering_versions')
    .set({
      status: 'draft',
      review_round: row.review_round + 1,
      submitted_at: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await audited(trx, actor, kind, 'returned', id, before, reason);
}

/** What an approval can fail before anyone signs, so a doomed request costs no password attempt. */
export async function precheckVersionApproval(
  db: Executor,
  actor: Actor,
  kind: EngineeringKind,
  id: string,
  role?: string,
): Promise<void> {
  const row = await findOfKind(db, kind, id);
  assertStatus(row, ['in_review'], 'approval');
  if (actor.kind === 'user') await roleToCover(db, actor.userId, await approvalOf(db, row), role);
}

/**
 * One approval signature (meaning: approved) covering one required role; the
 * version becomes approved when every required role has signed this round.
 */
export async function approveVersion(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  kind: EngineeringKind,
  id: string,
  role?: string,
): Promise<void> {
  const row = await lockOfKind(trx, kind, id);
  assertStatus(row, ['in_review'], 'approval');
  await assertStillValid(trx, row, { effectiveDocuments: false });
  const before = await auditState(trx, id);
  const result = await recordRoleApproval(trx, signer, {
    recordType: RECORD_TYPES[kind],
    recordId: id,
    status: await approvalOf(trx, row),
    content: await engineeringSignedContent(trx, id),
    role,
  });
  await recordAudit(trx, actor, {
    action: `${RECORD_TYPES[kind]}.approval_signed`,
    entityType: RECORD_TYPES[kind],
    entityId: id,
    after: { role: result.role, signatureId: result.signature.id, missing: result.status.missing },
  });
  if (result.status.complete) {
    await trx
      .updateTable('engineering_versions')
      .set({ status: 'approved', approved_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audited(trx, actor, kind, 'approved', id, before);
  }
}

function isOneEffectiveViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return (
    e.code === '23505' &&
    (e.constraint === 'engineering_versions_one_effective' ||
      (e.message ?? '').includes('engineering_versions_one_effective'))
  );
}

async function activate(
  trx: Trx,
  actor: Actor,
  row: repo.VersionRow,
  options: {
    effectiveFrom?: string;
    changeRequestId: string | null;
    /** undefined: a direct decision (only allowed while nothing is effective). */
    expectedSupersedesId?: string | null;
  },
): Promise<void> {
  assertStatus(row, ['approved'], 'making effective');
  const effectiveFrom = effectivityDate(options.effectiveFrom);
  const current = await repo.effectiveVersionOf(trx, row.item_id, row.kind);
  if (options.expectedSupersedesId === undefined) {
    if (current) {
      throw new DomainError(
        'CHANGE_REQUEST_REQUIRED',
        { itemId: row.item_id, kind: row.kind, effectiveVersionId: current.id },
        `Version ${current.version_no} is effective; replacing it takes a change request`,
      );
    }
  } else if ((current?.id ?? null) !== options.expectedSupersedesId) {
    throw new DomainError('EFFECTIVE_VERSION_CHANGED', {
      versionId: row.id,
      expected: options.expectedSupersedesId,
      actual: current?.id ?? null,
    });
  }
  await assertStillValid(trx, row, { effectiveDocuments: true });
  const now = new Date();
  if (current) {
    const beforeOld = await auditState(trx, current.id);
    await trx
      .updateTable('engineering_versions')
      .set({ status: 'superseded', superseded_at: now, superseded_by_id: row.id, updated_at: now })
      .where('id', '=', current.id)
      .execute();
    await audited(
      trx,
      actor,
      row.kind,
      'superseded',
      current.id,
      beforeOld,
      `Superseded by version ${row.version_no}`,
    );
  }
  const before = await auditState(trx, row.id);
  try {
    await trx
      .updateTable('engineering_versions')
      .set({
        status: 'effective',
        effective_from: effectiveFrom,
        effective_at: now,
        change_request_id: options.changeRequestId,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
  } catch (error) {
    // The partial unique index stands behind the lock: never two effective versions.
    if (isOneEffectiveViolation(error)) {
      throw new DomainError('CHANGE_REQUEST_REQUIRED', { itemId: row.item_id, kind: row.kind });
    }
    throw error;
  }
  await audited(trx, actor, row.kind, 'effective', row.id, before);
}

/** Approved → effective, directly: only for the first effective version of the item and kind. */
export async function makeVersionEffective(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  id: string,
  options: { effectiveFrom?: string } = {},
): Promise<void> {
  const row = await lockOfKind(trx, kind, id);
  await activate(trx, actor, row, { effectiveFrom: options.effectiveFrom, changeRequestId: null });
}

/**
 * For change control: approved → effective, superseding the version that is
 * effective now, which must be `expectedSupersedesId` (null: none). Records the
 * change request on the version. Runs in the change request's transaction.
 */
export async function makeVersionEffectiveByChange(
  trx: Trx,
  actor: Actor,
  id: string,
  options: { changeRequestId: string; expectedSupersedesId: string | null; effectiveFrom?: string },
): Promise<void> {
  const peek = await repo.findVersion(trx, id);
  if (!peek) throw new DomainError('NOT_FOUND', { entity: 'engineering_version', id });
  const row = await lockOfKind(trx, peek.kind, id);
  await activate(trx, actor, row, options);
}

/** Withdraws a version that never became effective; an effective one leaves only through a change request. */
export async function obsoleteVersion(
  trx: Trx,
  actor: Actor,
  kind: EngineeringKind,
  id: string,
  reason: string,
): Promise<void> {
  const row = await lockOfKind(trx, kind, id);
  if (row.status === 'effective') {
    throw new DomainError(
      'CHANGE_REQUEST_REQUIRED',
      { versionId: id, itemId: row.item_id, kind },
      'An effective version is replaced through a change request',
    );
  }
  assertStatus(row, ['draft', 'in_review', 'approved'], 'making obsolete');
  const before = await auditState(trx, id);
  await trx
    .updateTable('engineering_versions')
    .set({ status: 'obsolete', obsoleted_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await audited(trx, actor, kind, 'obsoleted', id, before, reason);
}
