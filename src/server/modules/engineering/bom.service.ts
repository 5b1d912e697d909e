// BOM content: lines checked against the item master and against the other
// BOMs (no item may end up inside itself), and where an item is used.
import type {
  BomContentInput,
  BomLine,
  EngineeringStatus,
  ItemRef,
  WhereUsedEntry,
} from '../../../shared/engineering.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  assertDocumentVersionEffective,
  assertDocumentVersionsLinkable,
} from '../documents/index.ts';
import { isPositiveDecimal } from '../../../shared/decimal.ts';
import * as repo from './engineering.repository.ts';
import { itemRefs, unknownItem } from './item-refs.ts';

export interface BomContent {
  note: string | null;
  lines: {
    lineNo: number;
    componentItemId: string;
    quantityPer: string;
    uom: string;
    scrapPct: string;
    recordTracking: boolean;
    referenceDesignator: string | null;
    note: string | null;
  }[];
  documentVersionIds: string[];
}

export async function parentItem(db: Executor, itemId: string, field = 'itemId'): Promise<ItemRef> {
  const parent = (await itemRefs(db, [itemId])).get(itemId);
  if (!parent) throw new DomainError('NOT_FOUND', { entity: 'item', id: itemId, field });
  if (parent.status === 'obsolete') {
    throw new DomainError(
      'ITEM_OBSOLETE',
      { itemId, code: parent.code, field },
      `${parent.code} is obsolete`,
    );
  }
  return parent;
}

async function assertNoCycle(db: Executor, parent: ItemRef, componentIds: string[]): Promise<void> {
  const path = await repo.findBomCycle(db, parent.id, componentIds);
  if (!path) return;
  const refs = await itemRefs(db, path);
  const codes = [parent.id, ...path].map((id) => refs.get(id)?.code ?? parent.code);
  throw new DomainError(
    'BOM_CYCLE',
    { path: codes },
    `${codes.join(' → ')}: ${parent.code} would contain itself`,
  );
}

/** Checks a draft's BOM content and fills in the defaults (unit, scrap 0, tracking recorded). */
export async function normaliseBomContent(
  db: Executor,
  parent: ItemRef,
  input: BomContentInput,
): Promise<BomContent> {
  const components = await itemRefs(
    db,
    input.lines.map((l) => l.componentItemId),
  );
  const seen = new Set<string>();
  const lines = input.lines.map((line, i) => {
    const field = `lines.${i}`;
    if (line.componentItemId === parent.id) {
      throw new DomainError('BOM_COMPONENT_IS_PARENT', { field: `${field}.componentItemId` });
    }
    if (seen.has(line.componentItemId)) {
      throw new DomainError('BOM_DUPLICATE_COMPONENT', {
        field: `${field}.componentItemId`,
        componentItemId: line.componentItemId,
      });
    }
    seen.add(line.componentItemId);
    const component = components.get(line.componentItemId);
    if (!component) {
      throw new DomainError('NOT_FOUND', {
        entity: 'item',
        id: line.componentItemId,
        field: `${field}.componentItemId`,
      });
    }
    if (component.status === 'obsolete') {
      throw new DomainError(
        'ITEM_OBSOLETE',
        { field: `${field}.componentItemId`, itemId: component.id, code: component.code },
        `${component.code} is obsolete`,
      );
    }
    if (!isPositiveDecimal(line.quantityPer)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        { field: `${field}.quantityPer` },
        'The quantity per parent must be above zero',
      );
    }
    const uom = line.uom ?? component.uom;
    if (uom !== component.uom) {
      throw new DomainError(
        'BOM_UNIT_MISMATCH',
        { field: `${field}.uom`, uom, componentUom: component.uom, code: component.code },
        `${component.code} is counted in ${component.uom}, not ${uom}`,
      );
    }
    const recordTracking = line.recordTracking ?? component.tracking !== 'none';
    if (recordTracking && component.tracking === 'none') {
      throw new DomainError(
        'BOM_TRACKING_NOT_RECORDABLE',
        { field: `${field}.recordTracking`, code: component.code },
        `${component.code} has no lot or serial to record`,
      );
    }
    return {
      lineNo: i + 1,
      componentItemId: line.componentItemId,
      quantityPer: line.quantityPer,
      uom,
      scrapPct: line.scrapPct ?? '0',
      recordTracking,
      referenceDesignator: line.referenceDesignator ?? null,
      note: line.note ?? null,
    };
  });
  await assertNoCycle(
    db,
    parent,
    lines.map((l) => l.componentItemId),
  );
  const documentVersionIds = [...new Set(input.documentVersionIds ?? [])].sort();
  await assertDocumentVersionsLinkable(db, documentVersionIds, 'documentVersionIds');
  return { note: input.note ?? null, lines, documentVersionIds };
}

/**
 * Re-checks stored content when a version moves on (submit, approve, effective):
 * other BOMs and the item master may have changed since the draft was saved.
 */
export async function assertBomStillValid(
  db: Executor,
  version: repo.VersionRow,
  options: { effectiveDocuments: boolean },
): Promise<void> {
  const lines = await repo.bomLinesOf(db, [version.id]);
  if (lines.length === 0) {
    throw new DomainError(
      'VERSION_EMPTY',
      { versionId: version.id },
      'A BOM needs at least one line',
    );
  }
  const parent = await parentItem(db, version.item_id);
  const components = await itemRefs(
    db,
    lines.map((l) => l.component_item_id),
  );
  for (const line of lines) {
    const component = components.get(line.component_item_id);
    if (component?.status === 'obsolete') {
      throw new DomainError(
        'ITEM_OBSOLETE',
        {
          field: `lines.${line.line_no - 1}.componentItemId`,
          itemId: component.id,
          code: component.code,
        },
        `${component.code} is obsolete`,
      );
    }
  }
  await assertNoCycle(
    db,
    parent,
    lines.map((l) => l.component_item_id),
  );
  const docs = (await repo.versionDocumentsOf(db, [version.id])).map((d) => d.document_version_id);
  if (options.effectiveDocuments) {
    for (const id of docs) await assertDocumentVersionEffective(db, id);
  } else {
    await assertDocumentVersionsLinkable(db, docs, 'documentVersionIds');
  }
}

export function toBomLines(lines: BomContent['lines'], refs: Map<string, ItemRef>): BomLine[] {
  return lines.map((l) => ({
    ...l,
    component: refs.get(l.componentItemId) ?? unknownItem(l.componentItemId),
  }));
}

/** BOM versions that use these items as components, with their status (all statuses unless given). */
export async function whereUsed(
  db: Executor,
  itemId: string | string[],
  statuses?: EngineeringStatus[],
): Promise<WhereUsedEntry[]> {
  const rows = await repo.whereUsed(db, Array.isArray(itemId) ? itemId : [itemId], statuses);
  const parents = await itemRefs(
    db,
    rows.map((r) => r.item_id),
  );
  return rows.map((r) => ({
    componentItemId: r.component_item_id,
    bomVersionId: r.version_id,
    parent: parents.get(r.item_id) ?? unknownItem(r.item_id),
    versionNo: r.version_no,
    status: r.status,
    lineNo: r.line_no,
    quantityPer: r.quantity_per,
    uom: r.uom,
  }));
}
