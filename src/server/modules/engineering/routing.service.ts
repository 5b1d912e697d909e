// Routing content: operations in sequence with their work centre, equipment
// class, required skill, linked documents, process parameters and inspection
// points, all limits checked as exact decimals.
import { v7 as uuidv7 } from 'uuid';
import type { DocumentVersionRef } from '../../../shared/documents.contract.ts';
import type {
  RoutingContentInput,
  RoutingOperation,
} from '../../../shared/engineering.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  assertDocumentVersionEffective,
  assertDocumentVersionsLinkable,
  documentVersionRefs,
} from '../documents/index.ts';
import { compareDecimal } from '../../../shared/decimal.ts';
import * as repo from './engineering.repository.ts';

export interface RoutingContent {
  note: string | null;
  operations: {
    opNo: number;
    nameZh: string;
    nameEn: string;
    workCentre: string;
    equipmentClass: string | null;
    skillCode: string | null;
    note: string | null;
    documentVersionIds: string[];
    parameters: {
      name: string;
      target: string | null;
      min: string | null;
      max: string | null;
      unit: string | null;
    }[];
    inspections: {
      characteristic: string;
      kind: 'in_process' | 'final';
      method: string;
      resultType: 'measured' | 'pass_fail';
      min: string | null;
      max: string | null;
      unit: string | null;
    }[];
  }[];
}

function ordered(a: string | null, b: string | null): boolean {
  return a === null || b === null || compareDecimal(a, b) <= 0;
}

export async function normaliseRoutingContent(
  db: Executor,
  input: RoutingContentInput,
): Promise<RoutingContent> {
  const seen = new Set<number>();
  const operations = input.operations.map((op, i) => {
    const field = `operations.${i}`;
    if (seen.has(op.opNo)) {
      throw new DomainError('ROUTING_DUPLICATE_OPERATION', {
        field: `${field}.opNo`,
        opNo: op.opNo,
      });
    }
    seen.add(op.opNo);
    const names = new Set<string>();
    const parameters = (op.parameters ?? []).map((p, j) => {
      const at = `${field}.parameters.${j}`;
      if (names.has(p.name.toLowerCase())) {
        throw new DomainError(
          'VALIDATION_FAILED',
          { field: `${at}.name` },
          `Parameter ${p.name} is listed twice`,
        );
      }
      names.add(p.name.toLowerCase());
      const param = {
        name: p.name,
        target: p.target ?? null,
        min: p.min ?? null,
        max: p.max ?? null,
        unit: p.unit ?? null,
      };
      if (
        !ordered(param.min, param.max) ||
        !ordered(param.min, param.target) ||
        !ordered(param.target, param.max)
      ) {
        throw new DomainError(
          'PARAMETER_LIMITS_INVALID',
          { field: at, name: p.name, min: param.min, target: param.target, max: param.max },
          `${p.name}: min ≤ target ≤ max does not hold`,
        );
      }
      return param;
    });
    const inspections = (op.inspections ?? []).map((q, j) => {
      const at = `${field}.inspections.${j}`;
      const point = {
        characteristic: q.characteristic,
        kind: q.kind,
        method: q.method,
        resultType: q.resultType,
        min: q.min ?? null,
        max: q.max ?? null,
        unit: q.unit ?? null,
      };
      const limited = point.min !== null || point.max !== null;
      if (
        (point.resultType === 'measured' && (!limited || !ordered(point.min, point.max))) ||
        (point.resultType === 'pass_fail' && limited)
      ) {
        throw new DomainError(
          'INSPECTION_LIMITS_INVALID',
          { field: at, characteristic: q.characteristic, resultType: q.resultType },
          point.resultType === 'measured'
            ? `${q.characteristic}: a measured result needs a lower or upper limit, lower ≤ upper`
            : `${q.characteristic}: a pass/fail result has no limits`,
        );
      }
      return point;
    });
    return {
      opNo: op.opNo,
      nameZh: op.nameZh,
      nameEn: op.nameEn,
      workCentre: op.workCentre,
      equipmentClass: op.equipmentClass ?? null,
      skillCode: op.skillCode ?? null,
      note: op.note ?? null,
      documentVersionIds: [...new Set(op.documentVersionIds ?? [])].sort(),
      parameters,
      inspections,
    };
  });
  operations.sort((a, b) => a.opNo - b.opNo);
  for (const [i, op] of input.operations.entries()) {
    await assertDocumentVersionsLinkable(
      db,
      [...new Set(op.documentVersionIds ?? [])],
      `operations.${i}.documentVersionIds`,
    );
  }
  return { note: input.note ?? null, operations };
}

export async function writeRoutingContent(
  trx: Trx,
  versionId: string,
  content: RoutingContent,
): Promise<void> {
  await repo.deleteRoutingContent(trx, versionId);
  for (const op of content.operations) {
    const operationId = uuidv7();
    await trx
      .insertInto('routing_operations')
      .values({
        id: operationId,
        version_id: versionId,
        op_no: op.opNo,
        name_zh: op.nameZh,
        name_en: op.nameEn,
        work_centre: op.workCentre,
        equipment_class: op.equipmentClass,
        skill_code: op.skillCode,
        note: op.note,
      })
      .execute();
    if (op.documentVersionIds.length > 0) {
      await trx
        .insertInto('routing_operation_documents')
        .values(
          op.documentVersionIds.map((d) => ({ operation_id: operationId, document_version_id: d })),
        )
        .execute();
    }
    if (op.parameters.length > 0) {
      await trx
        .insertInto('routing_parameters')
        .values(
          op.parameters.map((p, i) => ({
            operation_id: operationId,
            seq: i + 1,
            name: p.name,
            target: p.target,
            min_value: p.min,
            max_value: p.max,
            unit: p.unit,
          })),
        )
        .execute();
    }
    if (op.inspections.length > 0) {
      await trx
        .insertInto('routing_inspections')
        .values(
          op.inspections.map((q, i) => ({
            operation_id: operationId,
            seq: i + 1,
            characteristic: q.characteristic,
            kind: q.kind,
            method: q.method,
            result_type: q.resultType,
            min_value: q.min,
            max_value: q.max,
            unit: q.unit,
          })),
        )
        .execute();
    }
  }
}

/** The stored content of routing versions, by version id, as the input shape (for copies and signatures). */
export async function readRoutingContent(
  db: Executor,
  versions: repo.VersionRow[],
): Promise<Map<string, RoutingContent>> {
  const rows = await repo.routingContentOf(
    db,
    versions.map((v) => v.id),
  );
  const map = new Map<string, RoutingContent>();
  for (const v of versions) {
    const operations = rows.operations
      .filter((o) => o.version_id === v.id)
      .map((o) => ({
        opNo: o.op_no,
        nameZh: o.name_zh,
        nameEn: o.name_en,
        workCentre: o.work_centre,
        equipmentClass: o.equipment_class,
        skillCode: o.skill_code,
        note: o.note,
        documentVersionIds: rows.documents
          .filter((d) => d.operation_id === o.id)
          .map((d) => d.document_version_id),
        parameters: rows.parameters
          .filter((p) => p.operation_id === o.id)
          .map((p) => ({
            name: p.name,
            target: p.target,
            min: p.min_value,
            max: p.max_value,
            unit: p.unit,
          })),
        inspections: rows.inspections
          .filter((q) => q.operation_id === o.id)
          .map((q) => ({
            characteristic: q.characteristic,
            kind: q.kind,
            method: q.method,
            resultType: q.result_type,
            min: q.min_value,
            max: q.max_value,
            unit: q.unit,
          })),
      }));
    map.set(v.id, { note: v.note, operations });
  }
  return map;
}

export async function toRoutingOperations(
  db: Executor,
  content: RoutingContent,
): Promise<RoutingOperation[]> {
  const refs = await documentVersionRefs(
    db,
    content.operations.flatMap((o) => o.documentVersionIds),
  );
  return content.operations.map(({ documentVersionIds, ...op }) => ({
    ...op,
    documents: documentVersionIds.flatMap((id): DocumentVersionRef[] => {
      const ref = refs.get(id);
      return ref ? [ref] : [];
    }),
  }));
}

export async function assertRoutingStillValid(
  db: Executor,
  version: repo.VersionRow,
  options: { effectiveDocuments: boolean },
): Promise<void> {
  const content = (await readRoutingContent(db, [version])).get(version.id);
  if (!content || content.operations.length === 0) {
    throw new DomainError(
      'VERSION_EMPTY',
      { versionId: version.id },
      'A routing needs at least one operation',
    );
  }
  for (const [i, op] of content.operations.entries()) {
    if (options.effectiveDocuments) {
      for (const id of op.documentVersionIds) await assertDocumentVersionEffective(db, id);
    } else {
      await assertDocumentVersionsLinkable(
        db,
        op.documentVersionIds,
        `operations.${i}.documentVersionIds`,
      );
    }
  }
}
