import { v7 as uuidv7 } from 'uuid';
import type {
  Supplier,
  SupplierDetail,
  SupplierItem,
  SupplierStatus,
  SupplierStatusChange,
} from '../../../shared/partners.contract.ts';
import type { SignatureMeaning } from '../../../shared/signatures.contract.ts';
import type { Actor, SystemActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  signRecord,
  signaturesOf,
  type VerifiedSigner,
} from '../../platform/signatures/signatures.service.ts';
import { getItem } from '../items/index.ts';
import { listCertificates, supplierWarnings, today } from './certificates.service.ts';
import * as repo from './suppliers.repository.ts';

/** Record type of a signed supplier status change (platform/signatures). */
export const SUPPLIER_STATUS_CHANGE_RECORD = 'supplier_status_change';

export function toSupplier(row: repo.SupplierRow): Supplier {
  return {
    id: row.id,
    code: row.code,
    legalNameZh: row.legal_name_zh,
    legalNameEn: row.legal_name_en,
    country: row.country,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    approvalStatus: row.approval_status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function auditView(s: Supplier) {
  const { createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
}

async function toSupplierItems(
  db: Executor,
  rows: repo.SupplierItemRow[],
): Promise<SupplierItem[]> {
  const items = new Map(
    await Promise.all(
      [...new Set(rows.map((r) => r.item_id))].map(
        async (id) => [id, await getItem(db, id)] as const,
      ),
    ),
  );
  return rows.map((r) => {
    const item = items.get(r.item_id);
    return {
      id: r.id,
      supplierId: r.supplier_id,
      itemId: r.item_id,
      itemCode: item?.code ?? '',
      itemNameZh: item?.nameZh ?? '',
      itemNameEn: item?.nameEn ?? '',
      supplierPartNumber: r.supplier_part_number,
      approvedAt: r.approved_at.toISOString(),
      endedAt: r.ended_at?.toISOString() ?? null,
      endReason: r.end_reason,
      active: r.ended_at === null,
    };
  });
}

/** What a signature on a status change covers: which supplier, from what to what, why, when. */
export async function supplierStatusChangeSignedContent(
  db: Executor,
  id: string,
): Promise<unknown> {
  const row = await repo.findStatusChange(db, id);
  return row ? statusChangeContent(row, row.supplier_code) : undefined;
}

function statusChangeContent(
  row: Pick<
    repo.StatusChangeRow,
    'id' | 'supplier_id' | 'from_status' | 'to_status' | 'reason' | 'changed_at'
  >,
  supplierCode: string,
) {
  return {
    id: row.id,
    supplierId: row.supplier_id,
    supplierCode,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    changedAt: row.changed_at.toISOString(),
  };
}

async function statusHistoryOf(db: Executor, supplierId: string): Promise<SupplierStatusChange[]> {
  const rows = await repo.statusChangesOf(db, supplierId);
  const signatures = await signaturesOf(
    db,
    SUPPLIER_STATUS_CHANGE_RECORD,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    changedBy: r.actor_name,
    changedAt: r.changed_at.toISOString(),
    signature: signatures.get(r.id)?.find((s) => s.id === r.signature_id) ?? null,
  }));
}

export async function getSupplier(
  db: Executor,
  id: string,
  on: string = today(),
): Promise<SupplierDetail> {
  const row = await repo.findSupplier(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'supplier', id });
  const supplier = toSupplier(row);
  const [certificates, links, statusHistory] = await Promise.all([
    listCertificates(db, id, on),
    repo.supplierItemsOf(db, id, true),
    statusHistoryOf(db, id),
  ]);
  return {
    ...supplier,
    certificates,
    approvedItems: await toSupplierItems(db, links),
    statusHistory,
    warnings: supplierWarnings(supplier, certificates),
  };
}

export async function listSuppliers(
  db: Executor,
  filter: repo.SupplierFilter,
): Promise<{ items: Supplier[]; total: number }> {
  const { rows, total } = await repo.listSuppliers(db, filter);
  return { items: rows.map(toSupplier), total };
}

export interface CreateSupplierInput {
  code: string;
  legalNameZh: string;
  legalNameEn: string;
  country: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  reason?: string;
}

/** A new supplier starts `pending`: approval is a signed, separate step. */
export async function createSupplier(
  trx: Trx,
  actor: Actor,
  input: CreateSupplierInput,
): Promise<SupplierDetail> {
  if (await repo.findSupplierByCode(trx, input.code))
    throw new DomainError('SUPPLIER_CODE_TAKEN', { code: input.code });
  const row = await trx
    .insertInto('suppliers')
    .values({
      id: uuidv7(),
      code: input.code,
      legal_name_zh: input.legalNameZh,
      legal_name_en: input.legalNameEn,
      country: input.country,
      address: input.address ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      contact_email: input.contactEmail ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'supplier.created',
    entityType: 'supplier',
    entityId: row.id,
    after: auditView(toSupplier(row)),
    reason: input.reason ?? null,
  });
  return getSupplier(trx, row.id);
}

export async function updateSupplier(
  trx: Trx,
  actor: Actor,
  id: string,
  input: Partial<Omit<CreateSupplierInput, 'code' | 'reason'>> & { reason: string },
): Promise<SupplierDetail> {
  const before = await repo.lockSupplier(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'supplier', id });
  const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  const after = await trx
    .updateTable('suppliers')
    .set({
      legal_name_zh: keep(input.legalNameZh, before.legal_name_zh),
      legal_name_en: keep(input.legalNameEn, before.legal_name_en),
      country: keep(input.country, before.country),
      address: keep(input.address, before.address),
      contact_name: keep(input.contactName, before.contact_name),
      contact_phone: keep(input.contactPhone, before.contact_phone),
      contact_email: keep(input.contactEmail, before.contact_email),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'supplier.updated',
    entityType: 'supplier',
    entityId: id,
    before: auditView(toSupplier(before)),
    after: auditView(toSupplier(after)),
    reason: input.reason,
  });
  return getSupplier(trx, id);
}

// Disqualification is left only through a fresh evaluation (back to pending).
const STATUS_CHANGES: Record<SupplierStatus, SupplierStatus[]> = {
  pending: ['approved', 'conditional', 'disqualified'],
  approved: ['conditional', 'disqualified'],
  conditional: ['approved', 'disqualified'],
  disqualified: ['pending'],
};

/** What a signature on each target status must mean. */
const MEANINGS: Record<SupplierStatus, readonly SignatureMeaning[]> = {
  approved: ['approved'],
  conditional: ['approved'],
  disqualified: ['rejected'],
  pending: ['reviewed'],
};

function assertTransition(from: SupplierStatus, to: SupplierStatus): void {
  if (!STATUS_CHANGES[from].includes(to)) {
    throw new DomainError(
      'SUPPLIER_STATUS_TRANSITION_NOT_ALLOWED',
      { from, to },
      `A supplier cannot go from ${from} to ${to}`,
    );
  }
}

/**
 * Refuses a change that cannot succeed before the signer's password is checked,
 * so a doomed request does not count toward the signer's lockout.
 */
export async function precheckSupplierStatusChange(
  db: Executor,
  id: string,
  to: SupplierStatus,
  meaning: SignatureMeaning | undefined,
): Promise<void> {
  const row = await repo.findSupplier(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'supplier', id });
  assertTransition(row.approval_status, to);
  if (meaning !== undefined && !MEANINGS[to].includes(meaning)) {
    throw new DomainError(
      'SIGNATURE_MEANING_NOT_ALLOWED',
      { meaning, allowed: MEANINGS[to] },
      `A change to ${to} is signed as ${MEANINGS[to].join(' or ')}`,
    );
  }
}

async function recordStatusChange(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner | null,
  id: string,
  to: SupplierStatus,
  reason: string,
): Promise<void> {
  const before = await repo.lockSupplier(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'supplier', id });
  assertTransition(before.approval_status, to);
  const change = {
    id: uuidv7(),
    supplier_id: id,
    from_status: before.approval_status,
    to_status: to,
    reason,
    changed_at: new Date(),
  };
  // The signature covers the change record, which is append-only: it stays valid.
  const signature = signer
    ? await signRecord(trx, signer, {
        type: SUPPLIER_STATUS_CHANGE_RECORD,
        id: change.id,
        content: statusChangeContent(change, before.code),
        allowedMeanings: MEANINGS[to],
      })
    : null;
  await trx
    .insertInto('supplier_status_changes')
    .values({
      ...change,
      actor_type: actor.kind === 'system' ? 'system' : actor.via === 'token' ? 'token' : 'user',
      actor_id: actor.kind === 'user' ? actor.userId : null,
      actor_name: actor.kind === 'user' ? actor.fullName : actor.name,
      signature_id: signature?.id ?? null,
    })
    .execute();
  await trx
    .updateTable('suppliers')
    .set({ approval_status: to, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'supplier.status_changed',
    entityType: 'supplier',
    entityId: id,
    before: { approvalStatus: before.approval_status },
    after: { approvalStatus: to, statusChangeId: change.id, signatureId: signature?.id ?? null },
    reason,
  });
}

/** Approve, approve with conditions, disqualify or re-evaluate a supplier: signed, audited. */
export async function changeSupplierStatus(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  id: string,
  input: { status: SupplierStatus; reason: string },
): Promise<SupplierDetail> {
  await recordStatusChange(trx, actor, signer, id, input.status, input.reason);
  return getSupplier(trx, id);
}

/** Lotline itself records a status (demo data, data migration): no person signs, the row says so. */
export async function recordSystemSupplierStatus(
  trx: Trx,
  actor: SystemActor,
  id: string,
  status: SupplierStatus,
  reason: string,
): Promise<void> {
  await recordStatusChange(trx, actor, null, id, status, reason);
}

export async function listSupplierItems(
  db: Executor,
  supplierId: string,
  includeEnded: boolean,
): Promise<{ items: SupplierItem[]; total: number }> {
  if (!(await repo.findSupplier(db, supplierId)))
    throw new DomainError('NOT_FOUND', { entity: 'supplier', id: supplierId });
  const items = await toSupplierItems(db, await repo.supplierItemsOf(db, supplierId, includeEnded));
  return { items, total: items.length };
}

/** Puts an item on the supplier's approved list. */
export async function addSupplierItem(
  trx: Trx,
  actor: Actor,
  supplierId: string,
  input: { itemId: string; supplierPartNumber?: string | null; reason?: string },
): Promise<SupplierItem> {
  const supplier = await repo.lockSupplier(trx, supplierId);
  if (!supplier) throw new DomainError('NOT_FOUND', { entity: 'supplier', id: supplierId });
  if (supplier.approval_status === 'disqualified')
    throw new DomainError('SUPPLIER_DISQUALIFIED', { supplierId, code: supplier.code });
  const item = await getItem(trx, input.itemId);
  if (item.status === 'obsolete')
    throw new DomainError('SUPPLIER_ITEM_OBSOLETE', { itemId: item.id, itemCode: item.code });
  if (await repo.findActiveSupplierItem(trx, supplierId, input.itemId))
    throw new DomainError('SUPPLIER_ITEM_ALREADY_LISTED', { itemCode: item.code });
  const row = await trx
    .insertInto('supplier_items')
    .values({
      id: uuidv7(),
      supplier_id: supplierId,
      item_id: input.itemId,
      supplier_part_number: input.supplierPartNumber ?? null,
      ended_at: null,
      end_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'supplier.item_listed',
    entityType: 'supplier',
    entityId: supplierId,
    after: {
      linkId: row.id,
      itemId: item.id,
      itemCode: item.code,
      supplierPartNumber: row.supplier_part_number,
    },
    reason: input.reason ?? null,
  });
  const [link] = await toSupplierItems(trx, [row]);
  if (!link) throw new Error('supplier item vanished');
  return link;
}

/** Takes an item off the approved list: the link is end-dated, never deleted. */
export async function endSupplierItem(
  trx: Trx,
  actor: Actor,
  supplierId: string,
  linkId: string,
  reason: string,
): Promise<SupplierItem> {
  if (!(await repo.lockSupplier(trx, supplierId)))
    throw new DomainError('NOT_FOUND', { entity: 'supplier', id: supplierId });
  const link = await repo.findSupplierItem(trx, supplierId, linkId);
  if (!link) throw new DomainError('NOT_FOUND', { entity: 'supplier_item', id: linkId });
  if (link.ended_at !== null)
    throw new DomainError('SUPPLIER_ITEM_ALREADY_ENDED', { linkId, endedAt: link.ended_at });
  const row = await trx
    .updateTable('supplier_items')
    .set({ ended_at: new Date(), end_reason: reason })
    .where('id', '=', linkId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const [after] = await toSupplierItems(trx, [row]);
  if (!after) throw new Error('supplier item vanished');
  await recordAudit(trx, actor, {
    action: 'supplier.item_ended',
    entityType: 'supplier',
    entityId: supplierId,
    before: { linkId, itemCode: after.itemCode, active: true },
    after: { linkId, itemCode: after.itemCode, active: false },
    reason,
  });
  return after;
}

/** For purchasing: may this supplier deliver this item now? (approved or conditional, item listed). */
export async function isSupplierApprovedForItem(
  db: Executor,
  supplierId: string,
  itemId: string,
): Promise<boolean> {
  const supplier = await repo.findSupplier(db, supplierId);
  if (!supplier) return false;
  if (supplier.approval_status !== 'approved' && supplier.approval_status !== 'conditional')
    return false;
  return (await repo.findActiveSupplierItem(db, supplierId, itemId)) !== undefined;
}

/** The same check as a gate: throws the reason with a stable code. */
export async function assertSupplierApprovedForItem(
  db: Executor,
  supplierId: string,
  itemId: string,
): Promise<void> {
  const supplier = await repo.findSupplier(db, supplierId);
  if (!supplier) throw new DomainError('NOT_FOUND', { entity: 'supplier', id: supplierId });
  if (supplier.approval_status !== 'approved' && supplier.approval_status !== 'conditional') {
    throw new DomainError('SUPPLIER_NOT_APPROVED', {
      supplierId,
      code: supplier.code,
      status: supplier.approval_status,
    });
  }
  if (!(await repo.findActiveSupplierItem(db, supplierId, itemId)))
    throw new DomainError('SUPPLIER_ITEM_NOT_APPROVED', { supplierId, itemId });
}

export async function findSupplierIdByCode(
  db: Executor,
  code: string,
): Promise<string | undefined> {
  return (await repo.findSupplierByCode(db, code))?.id;
}
