// Impact analysis of a change request: which items it touches and, section by
// section, what else depends on them. Where-used is built in; other modules
// add their sections (open work orders, stock) with registerImpactProvider.
// A section nobody provides yet says `not_available`, never zero.
import type { ChangeImpact, ImpactSection } from '../../../shared/changes.contract.ts';
import type { BomVersion } from '../../../shared/engineering.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { isDomainError } from '../../platform/errors.ts';
import { getDocumentVersion } from '../documents/index.ts';
import { getBomVersion, getEngineeringVersion, whereUsed } from '../engineering/index.ts';
import { getItem } from '../items/index.ts';
import type { TargetRow } from './changes.repository.ts';

type Why = ChangeImpact['affectedItems'][number]['why'][number];

export interface ImpactContext {
  /** Every affected item: named ones, parents of proposed versions, components added, removed or changed. */
  itemIds: string[];
  /** The versions the change would replace (open work orders on these are affected). */
  supersededVersions: {
    targetType: 'bom_version' | 'routing_version' | 'document_version';
    id: string;
    itemId: string | null;
  }[];
  /** The proposed versions themselves. */
  proposedVersionIds: string[];
}

export interface ImpactProvider {
  /** The section key: 'open_work_orders', 'stock', … */
  key: string;
  /** The section's entries (each a plain JSON object); the count is their number. */
  compute(db: Executor, context: ImpactContext): Promise<Record<string, unknown>[]>;
}

/** Sections every impact analysis shows, and why while nobody provides them. */
const EXPECTED_SECTIONS: { key: string; notYet: string }[] = [
  { key: 'where_used', notYet: '' },
  {
    key: 'open_work_orders',
    notYet: 'Lotline has no work orders yet (issue 7): open work orders cannot be listed',
  },
  { key: 'stock', notYet: 'No stock provider is registered: stock on hand cannot be listed' },
];

const providers = new Map<string, ImpactProvider>();

/** Adds a section to every impact analysis; a key is provided once. */
export function registerImpactProvider(provider: ImpactProvider): void {
  const existing = providers.get(provider.key);
  if (existing && existing !== provider) {
    throw new Error(`Impact provider ${provider.key} registered twice`);
  }
  providers.set(provider.key, provider);
}

/** BOM versions (approved or effective) that use an affected item, other than the proposed ones. */
const whereUsedProvider: ImpactProvider = {
  key: 'where_used',
  async compute(db, context) {
    const entries = await whereUsed(db, context.itemIds, ['approved', 'effective']);
    const codes = await itemCodes(
      db,
      entries.map((e) => e.componentItemId),
    );
    return entries
      .filter((e) => !context.proposedVersionIds.includes(e.bomVersionId))
      .map((e) => ({
        itemId: e.componentItemId,
        itemCode: codes.get(e.componentItemId) ?? '?',
        bomVersionId: e.bomVersionId,
        parentItemId: e.parent.id,
        parentItemCode: e.parent.code,
        versionNo: e.versionNo,
        status: e.status,
        quantityPer: e.quantityPer,
        uom: e.uom,
      }));
  },
};
registerImpactProvider(whereUsedProvider);

async function itemCodes(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const id of new Set(ids)) {
    try {
      map.set(id, (await getItem(db, id)).code);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  return map;
}

type LineState = { quantityPer: string; uom: string; scrapPct: string; recordTracking: boolean };

function lineDiff(proposed: BomVersion, old: BomVersion | null) {
  const state = (l: BomVersion['lines'][number]): LineState => ({
    quantityPer: l.quantityPer,
    uom: l.uom,
    scrapPct: l.scrapPct,
    recordTracking: l.recordTracking,
  });
  const before = new Map((old?.lines ?? []).map((l) => [l.componentItemId, l]));
  const after = new Map(proposed.lines.map((l) => [l.componentItemId, l]));
  const changes: {
    change: 'added' | 'removed' | 'changed';
    componentItemId: string;
    componentCode: string;
    before: LineState | null;
    after: LineState | null;
  }[] = [];
  for (const [id, l] of after) {
    const b = before.get(id);
    if (!b) {
      changes.push({
        change: 'added',
        componentItemId: id,
        componentCode: l.component.code,
        before: null,
        after: state(l),
      });
    } else if (JSON.stringify(state(b)) !== JSON.stringify(state(l))) {
      changes.push({
        change: 'changed',
        componentItemId: id,
        componentCode: l.component.code,
        before: state(b),
        after: state(l),
      });
    }
  }
  for (const [id, b] of before) {
    if (!after.has(id)) {
      changes.push({
        change: 'removed',
        componentItemId: id,
        componentCode: b.component.code,
        before: state(b),
        after: null,
      });
    }
  }
  return changes;
}

const WHY_OF_CHANGE = {
  added: 'component_added',
  removed: 'component_removed',
  changed: 'component_changed',
} as const;

export async function computeImpact(
  db: Executor,
  changeRequestId: string,
  targets: TargetRow[],
): Promise<ChangeImpact> {
  const affected = new Map<string, Set<Why>>();
  const affect = (itemId: string, why: Why) => {
    const set = affected.get(itemId) ?? new Set<Why>();
    set.add(why);
    affected.set(itemId, set);
  };
  const versionChanges: ChangeImpact['versionChanges'] = [];
  const context: ImpactContext = { itemIds: [], supersededVersions: [], proposedVersionIds: [] };

  for (const t of targets) {
    if (t.target_type === 'item') {
      affect(t.target_id, 'target');
    } else if (t.target_type === 'document_version') {
      const v = await getDocumentVersion(db, t.target_id);
      const old = t.supersedes_id ? await getDocumentVersion(db, t.supersedes_id) : null;
      context.proposedVersionIds.push(v.id);
      if (old)
        context.supersededVersions.push({ targetType: t.target_type, id: old.id, itemId: null });
      versionChanges.push({
        targetType: t.target_type,
        proposedId: v.id,
        proposedLabel: `${v.documentNumber} ${v.label}`,
        supersedesId: old?.id ?? null,
        supersedesLabel: old ? `${old.documentNumber} ${old.label}` : null,
        bomLineChanges: null,
      });
    } else if (t.target_type === 'bom_version' || t.target_type === 'routing_version') {
      const v = await getEngineeringVersion(db, t.target_id);
      if (!v) continue;
      const old = t.supersedes_id ? await getEngineeringVersion(db, t.supersedes_id) : null;
      const name = t.target_type === 'bom_version' ? 'BOM' : 'routing';
      affect(v.itemId, 'version_parent');
      context.proposedVersionIds.push(v.id);
      if (old)
        context.supersededVersions.push({
          targetType: t.target_type,
          id: old.id,
          itemId: old.itemId,
        });
      let bomLineChanges: ReturnType<typeof lineDiff> | null = null;
      if (t.target_type === 'bom_version') {
        bomLineChanges = lineDiff(
          await getBomVersion(db, v.id),
          old ? await getBomVersion(db, old.id) : null,
        );
        for (const c of bomLineChanges) affect(c.componentItemId, WHY_OF_CHANGE[c.change]);
      }
      versionChanges.push({
        targetType: t.target_type,
        proposedId: v.id,
        proposedLabel: `${v.item.code} ${name} v${v.versionNo}`,
        supersedesId: old?.id ?? null,
        supersedesLabel: old ? `${old.item.code} ${name} v${old.versionNo}` : null,
        bomLineChanges,
      });
    }
  }

  const affectedItems: ChangeImpact['affectedItems'] = [];
  for (const [itemId, why] of affected) {
    try {
      const item = await getItem(db, itemId);
      affectedItems.push({
        itemId,
        code: item.code,
        nameZh: item.nameZh,
        nameEn: item.nameEn,
        why: [...why],
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  affectedItems.sort((a, b) => a.code.localeCompare(b.code));
  context.itemIds = affectedItems.map((i) => i.itemId);

  const sections: ImpactSection[] = [];
  const keys = [
    ...EXPECTED_SECTIONS,
    ...[...providers.keys()]
      .filter((k) => !EXPECTED_SECTIONS.some((s) => s.key === k))
      .map((key) => ({ key, notYet: '' })),
  ];
  for (const { key, notYet } of keys) {
    const provider = providers.get(key);
    if (!provider) {
      sections.push({ key, status: 'not_available', reason: notYet });
      continue;
    }
    const entries = await provider.compute(db, context);
    sections.push({ key, status: 'available', count: entries.length, entries });
  }

  return {
    changeRequestId,
    computedAt: new Date().toISOString(),
    affectedItems,
    versionChanges,
    sections,
  };
}
