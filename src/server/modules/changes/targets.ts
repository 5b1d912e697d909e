// The records a change request affects: checked when named, described for people.
import type {
  ChangeTarget,
  ChangeTargetInput,
  ChangeTargetType,
} from '../../../shared/changes.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { effectiveDocumentVersion, getDocumentVersion } from '../documents/index.ts';
import { effectiveVersionSummary, getEngineeringVersion } from '../engineering/index.ts';
import { getItem } from '../items/index.ts';
import { getSupplier } from '../partners/index.ts';
import type { TargetRow } from './changes.repository.ts';

const PROPOSABLE = ['draft', 'in_review', 'approved'];
const KIND_NAMES = { bom_version: 'BOM', routing_version: 'routing' } as const;

export interface ResolvedTarget {
  targetType: ChangeTargetType;
  targetId: string;
  supersedesId: string | null;
  note: string | null;
}

function invalid(index: number, reason: string, message: string): DomainError {
  return new DomainError('CHANGE_TARGET_INVALID', { field: `targets.${index}`, reason }, message);
}

async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Checks the affected records and fills in, for proposed versions, the version
 * each replaces (default: the one effective now; none for a first release).
 */
export async function resolveTargets(
  db: Executor,
  inputs: ChangeTargetInput[],
): Promise<ResolvedTarget[]> {
  const seen = new Set<string>();
  const proposedFor = new Set<string>();
  const out: ResolvedTarget[] = [];
  for (const [i, t] of inputs.entries()) {
    const key = `${t.targetType}:${t.targetId}`;
    if (seen.has(key)) throw invalid(i, 'repeated', 'This record is listed twice');
    seen.add(key);
    let supersedesId: string | null = null;
    if (t.targetType === 'item' || t.targetType === 'supplier') {
      if (t.supersedesId)
        throw invalid(i, 'supersedes_not_allowed', 'Only a version supersedes another');
      if (t.targetType === 'item' && !(await orNull(getItem(db, t.targetId)))) {
        throw invalid(i, 'unknown', 'No such item');
      }
      if (t.targetType === 'supplier' && !(await orNull(getSupplier(db, t.targetId)))) {
        throw invalid(i, 'unknown', 'No such supplier');
      }
    } else if (t.targetType === 'document_version') {
      const v = await orNull(getDocumentVersion(db, t.targetId));
      if (!v) throw invalid(i, 'unknown', 'No such document version');
      if (!PROPOSABLE.includes(v.status)) {
        throw invalid(
          i,
          'status',
          `${v.documentNumber} ${v.label} is ${v.status}; propose a new revision`,
        );
      }
      if (proposedFor.has(v.documentId))
        throw invalid(i, 'two_proposals', 'Two revisions of one document');
      proposedFor.add(v.documentId);
      if (t.supersedesId) {
        const old = await orNull(getDocumentVersion(db, t.supersedesId));
        if (!old || old.documentId !== v.documentId || old.status !== 'effective') {
          throw invalid(
            i,
            'supersedes',
            'It supersedes the effective revision of the same document',
          );
        }
        supersedesId = old.id;
      } else {
        supersedesId = (await effectiveDocumentVersion(db, v.documentId))?.id ?? null;
      }
    } else {
      const kind = t.targetType === 'bom_version' ? 'bom' : 'routing';
      const v = await getEngineeringVersion(db, t.targetId);
      if (!v || v.kind !== kind)
        throw invalid(i, 'unknown', `No such ${KIND_NAMES[t.targetType]} version`);
      if (!PROPOSABLE.includes(v.status)) {
        throw invalid(
          i,
          'status',
          `${v.item.code} ${KIND_NAMES[t.targetType]} v${v.versionNo} is ${v.status}; copy it to a new version`,
        );
      }
      if (proposedFor.has(`${kind}:${v.itemId}`))
        throw invalid(i, 'two_proposals', 'Two versions of one item');
      proposedFor.add(`${kind}:${v.itemId}`);
      if (t.supersedesId) {
        const old = await getEngineeringVersion(db, t.supersedesId);
        if (!old || old.kind !== kind || old.itemId !== v.itemId || old.status !== 'effective') {
          throw invalid(i, 'supersedes', 'It supersedes the effective version of the same item');
        }
        supersedesId = old.id;
      } else {
        supersedesId = (await effectiveVersionSummary(db, v.itemId, kind))?.id ?? null;
      }
    }
    out.push({
      targetType: t.targetType,
      targetId: t.targetId,
      supersedesId,
      note: t.note ?? null,
    });
  }
  return out;
}

/** How a target reads for people, with its status now and the item it concerns. */
export async function describeTargets(db: Executor, rows: TargetRow[]): Promise<ChangeTarget[]> {
  const out: ChangeTarget[] = [];
  for (const t of rows) {
    const base = {
      seq: t.seq,
      targetType: t.target_type,
      targetId: t.target_id,
      supersedesId: t.supersedes_id,
      note: t.note,
    };
    if (t.target_type === 'item') {
      const item = await orNull(getItem(db, t.target_id));
      out.push({ ...base, label: item?.code ?? '?', status: null, itemId: t.target_id });
    } else if (t.target_type === 'supplier') {
      const supplier = await orNull(getSupplier(db, t.target_id));
      out.push({
        ...base,
        label: supplier?.code ?? '?',
        status: supplier?.approvalStatus ?? null,
        itemId: null,
      });
    } else if (t.target_type === 'document_version') {
      const v = await orNull(getDocumentVersion(db, t.target_id));
      out.push({
        ...base,
        label: v ? `${v.documentNumber} ${v.label}` : '?',
        status: v?.status ?? null,
        itemId: null,
      });
    } else {
      const v = await getEngineeringVersion(db, t.target_id);
      out.push({
        ...base,
        label: v ? `${v.item.code} ${KIND_NAMES[t.target_type]} v${v.versionNo}` : '?',
        status: v?.status ?? null,
        itemId: v?.itemId ?? null,
      });
    }
  }
  return out;
}
