// Links from an item to the controlled document versions that define it.
import { v7 as uuidv7 } from 'uuid';
import type { ItemDocumentLink } from '../../../shared/items.contract.ts';
import type { UserActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  assertDocumentVersionsLinkable,
  documentVersionRefs,
  effectiveDocumentVersion,
} from '../documents/index.ts';
import { getItem } from './items.service.ts';

/** The item's current links, with a note when a newer revision has become effective. */
export async function listItemDocuments(db: Executor, itemId: string): Promise<ItemDocumentLink[]> {
  await getItem(db, itemId);
  const rows = await db
    .selectFrom('item_document_links')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('ended_at', 'is', null)
    .orderBy('linked_at')
    .execute();
  const refs = await documentVersionRefs(
    db,
    rows.map((r) => r.document_version_id),
  );
  const links: ItemDocumentLink[] = [];
  for (const row of rows) {
    const ref = refs.get(row.document_version_id);
    if (!ref) continue;
    const effective = await effectiveDocumentVersion(db, ref.documentId);
    links.push({
      id: row.id,
      documentVersion: ref,
      newerEffective:
        effective && effective.id !== ref.id ? { id: effective.id, label: effective.label } : null,
      linkedAt: row.linked_at.toISOString(),
      linkedBy: row.linked_by,
      reason: row.link_reason,
    });
  }
  return links;
}

/** Links an approved or effective document version to the item (once). */
export async function linkItemDocument(
  trx: Trx,
  actor: UserActor,
  itemId: string,
  input: { documentVersionId: string; reason?: string },
): Promise<ItemDocumentLink[]> {
  const item = await getItem(trx, itemId);
  await assertDocumentVersionsLinkable(trx, [input.documentVersionId], 'documentVersionId');
  const existing = await trx
    .selectFrom('item_document_links')
    .select('id')
    .where('item_id', '=', itemId)
    .where('document_version_id', '=', input.documentVersionId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (existing) {
    throw new DomainError(
      'CONFLICT',
      { field: 'documentVersionId', linkId: existing.id },
      'This document version is already linked to the item',
    );
  }
  const id = uuidv7();
  await trx
    .insertInto('item_document_links')
    .values({
      id,
      item_id: itemId,
      document_version_id: input.documentVersionId,
      linked_by: actor.fullName,
      link_reason: input.reason ?? null,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'item.document_linked',
    entityType: 'item',
    entityId: itemId,
    after: { itemCode: item.code, documentVersionId: input.documentVersionId, linkId: id },
    reason: input.reason ?? null,
  });
  return listItemDocuments(trx, itemId);
}

/** Ends a link (the row stays, with who ended it and why). */
export async function endItemDocumentLink(
  trx: Trx,
  actor: UserActor,
  itemId: string,
  linkId: string,
  reason: string,
): Promise<ItemDocumentLink[]> {
  const row = await trx
    .selectFrom('item_document_links')
    .selectAll()
    .where('id', '=', linkId)
    .where('item_id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'item_document_link', id: linkId });
  if (row.ended_at) {
    throw new DomainError('CONFLICT', { linkId }, 'This link has already been ended');
  }
  await trx
    .updateTable('item_document_links')
    .set({ ended_at: new Date(), ended_by: actor.fullName, end_reason: reason })
    .where('id', '=', linkId)
    .execute();
  await recordAudit(trx, actor, {
    action: 'item.document_unlinked',
    entityType: 'item',
    entityId: itemId,
    before: { documentVersionId: row.document_version_id, linkId },
    reason,
  });
  return listItemDocuments(trx, itemId);
}
