// Inspection plans per item: characteristics (measured with limits, or
// pass/fail attributes), each with its sampling (inspection level, AQL) and
// defect class. draft → active → retired; only drafts change. At most one
// active default plan per item: activating a default plan retires the item's
// previous one. Every change is audited with its reason.
import { v7 as uuidv7 } from 'uuid';
import {
  INSPECTION_SEVERITIES,
  type Aql,
  type CharacteristicInput,
  type CreateInspectionPlanInput,
  type InspectionLevel,
  type InspectionPlan,
  type InspectionPlanListQuery,
  type InspectionPlanStatus,
  type UpdateInspectionPlanInput,
} from '../../../shared/inspection.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { compareDecimal, normalizeDecimal } from '../../../shared/decimal.ts';
import type { InspectionPlansTable } from './inspection.tables.ts';
import { samplingPlan } from './sampling.ts';
import { LOT_SIZE_UPPER } from './sampling.tables.ts';
import { personOf, Refs } from './refs.ts';
import type { Selectable } from 'kysely';
import './inspection.tables.ts';

export const INSPECTION_PLAN_RECORD = 'inspection_plan';
type PlanRow = Selectable<InspectionPlansTable>;

const dec = (v: string | null) => (v === null ? null : normalizeDecimal(v));

async function characteristicsOf(db: Executor, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('inspection_plan_characteristics')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
}

async function toPlans(db: Executor, rows: PlanRow[]): Promise<InspectionPlan[]> {
  const refs = new Refs(db);
  const characteristics = await characteristicsOf(
    db,
    rows.map((r) => r.id),
  );
  const out: InspectionPlan[] = [];
  for (const row of rows) {
    out.push({
      id: row.id,
      code: row.code,
      item: await refs.item(row.item_id),
      name: row.name,
      status: row.status,
      isDefault: row.is_default,
      notes: row.notes,
      characteristics: characteristics
        .filter((c) => c.plan_id === row.id)
        .map((c) => ({
          seq: c.seq,
          name: c.name,
          kind: c.kind,
          method: c.method,
          nominal: dec(c.nominal),
          lowerLimit: dec(c.lower_limit),
          upperLimit: dec(c.upper_limit),
          unit: c.unit,
          inspectionLevel: c.inspection_level,
          aql: c.aql,
          defectClass: c.defect_class,
        })),
      activatedAt: row.activated_at?.toISOString() ?? null,
      retiredAt: row.retired_at?.toISOString() ?? null,
      createdBy: { id: row.created_by_id, name: row.created_by_name },
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    });
  }
  return out;
}

export async function getInspectionPlan(db: Executor, id: string): Promise<InspectionPlan> {
  const row = await db
    .selectFrom('inspection_plans')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const [plan] = row ? await toPlans(db, [row]) : [];
  if (!plan) throw new DomainError('INSPECTION_PLAN_NOT_FOUND', { id });
  return plan;
}

export async function listInspectionPlans(
  db: Executor,
  f: InspectionPlanListQuery,
): Promise<{ items: InspectionPlan[]; total: number }> {
  let query = db.selectFrom('inspection_plans');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) => eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like)]));
  }
  if (f.itemId) query = query.where('item_id', '=', f.itemId);
  if (f.status) query = query.where('status', '=', f.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toPlans(db, rows), total: Number(count.n) };
}

/** The item's active default plan, the one incoming inspection uses. */
export async function findDefaultPlan(db: Executor, itemId: string) {
  const plan = await db
    .selectFrom('inspection_plans')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('status', '=', 'active')
    .where('is_default', '=', true)
    .executeTakeFirst();
  if (!plan) return undefined;
  return { plan, characteristics: await characteristicsOf(db, [plan.id]) };
}

// ---- writing ----

function checkCharacteristic(c: CharacteristicInput, index: number): void {
  const refuse = (problem: string) => {
    throw new DomainError(
      'INSPECTION_PLAN_INVALID',
      { characteristic: index + 1, field: 'characteristics', problem },
      `Characteristic ${index + 1} (${c.name}): ${problem}`,
    );
  };
  if (c.kind === 'attribute') {
    if (c.nominal !== undefined || c.lowerLimit !== undefined || c.upperLimit !== undefined)
      refuse('a pass/fail characteristic has no nominal or limits');
    return;
  }
  if (c.lowerLimit === undefined && c.upperLimit === undefined)
    refuse('a measured characteristic needs a lower or an upper limit');
  if (c.lowerLimit !== undefined && c.upperLimit !== undefined) {
    if (compareDecimal(c.lowerLimit, c.upperLimit) > 0)
      refuse('the lower limit is above the upper');
  }
  if (c.nominal !== undefined) {
    if (c.lowerLimit !== undefined && compareDecimal(c.nominal, c.lowerLimit) < 0)
      refuse('the nominal is below the lower limit');
    if (c.upperLimit !== undefined && compareDecimal(c.nominal, c.upperLimit) > 0)
      refuse('the nominal is above the upper limit');
  }
}

async function replaceCharacteristics(trx: Trx, planId: string, list: CharacteristicInput[]) {
  list.forEach(checkCharacteristic);
  await trx.deleteFrom('inspection_plan_characteristics').where('plan_id', '=', planId).execute();
  await trx
    .insertInto('inspection_plan_characteristics')
    .values(
      list.map((c, i) => ({
        plan_id: planId,
        seq: i + 1,
        name: c.name,
        kind: c.kind,
        method: c.method ?? null,
        nominal: c.nominal ?? null,
        lower_limit: c.lowerLimit ?? null,
        upper_limit: c.upperLimit ?? null,
        unit: c.unit ?? null,
        inspection_level: c.inspectionLevel,
        aql: c.aql,
        defect_class: c.defectClass,
      })),
    )
    .execute();
}

async function lockPlan(trx: Trx, id: string): Promise<PlanRow> {
  const row = await trx
    .selectFrom('inspection_plans')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('INSPECTION_PLAN_NOT_FOUND', { id });
  return row;
}

function assertStatus(row: PlanRow, allowed: InspectionPlanStatus, action: string): void {
  if (row.status !== allowed) {
    throw new DomainError(
      'INSPECTION_PLAN_WRONG_STATUS',
      { inspectionPlanId: row.id, status: row.status, allowed: [allowed], action },
      `${row.code} is ${row.status}; ${action} needs ${allowed}`,
    );
  }
}

async function audited(
  trx: Trx,
  actor: Actor,
  action: string,
  id: string,
  before: InspectionPlan | null,
  reason: string | null,
): Promise<InspectionPlan> {
  const after = await getInspectionPlan(trx, id);
  await recordAudit(trx, actor, {
    action: `inspection_plan.${action}`,
    entityType: INSPECTION_PLAN_RECORD,
    entityId: id,
    before,
    after,
    reason,
  });
  return after;
}

export async function createInspectionPlan(
  trx: Trx,
  actor: Actor,
  input: CreateInspectionPlanInput,
): Promise<InspectionPlan> {
  await new Refs(trx).item(input.itemId); // NOT_FOUND for an unknown item
  const id = uuidv7();
  const person = personOf(actor);
  await trx
    .insertInto('inspection_plans')
    .values({
      id,
      code: await nextCode(trx, 'inspection_plan', 'IP-', 4),
      item_id: input.itemId,
      name: input.name,
      status: 'draft',
      is_default: input.isDefault,
      notes: input.notes ?? null,
      activated_at: null,
      retired_at: null,
      created_by_id: person.id,
      created_by_name: person.name,
    })
    .execute();
  await replaceCharacteristics(trx, id, input.characteristics);
  return audited(trx, actor, 'created', id, null, null);
}

export async function updateInspectionPlan(
  trx: Trx,
  actor: Actor,
  id: string,
  input: UpdateInspectionPlanInput,
): Promise<InspectionPlan> {
  const row = await lockPlan(trx, id);
  assertStatus(row, 'draft', 'editing');
  const before = await getInspectionPlan(trx, id);
  await trx
    .updateTable('inspection_plans')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.isDefault !== undefined && { is_default: input.isDefault }),
      ...(input.notes !== undefined && { notes: input.notes }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (input.characteristics) await replaceCharacteristics(trx, id, input.characteristics);
  return audited(trx, actor, 'updated', id, before, input.reason);
}

async function retire(trx: Trx, actor: Actor, row: PlanRow, reason: string) {
  const before = await getInspectionPlan(trx, row.id);
  await trx
    .updateTable('inspection_plans')
    .set({ status: 'retired', retired_at: new Date(), updated_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  return audited(trx, actor, 'retired', row.id, before, reason);
}

/** Draft → active. A default plan takes over from the item's active default plan, which retires. */
/**
 * A plan goes into use only if every characteristic has a sampling plan for
 * every lot size and severity: otherwise a receipt of some lot would find no
 * sample to take and could not be booked.
 */
function assertSamplingCovered(
  characteristics: { seq: number; name: string; inspection_level: InspectionLevel; aql: Aql }[],
): void {
  for (const c of characteristics) {
    for (const upper of LOT_SIZE_UPPER) {
      const lotSize = Number.isFinite(upper) ? upper : 500_001;
      for (const severity of INSPECTION_SEVERITIES) {
        try {
          samplingPlan({ lotSize, level: c.inspection_level, aql: c.aql, severity });
        } catch (error) {
          if (!isDomainError(error) || error.code !== 'INSPECTION_SAMPLING_NOT_AVAILABLE')
            throw error;
          throw new DomainError(
            'INSPECTION_SAMPLING_NOT_AVAILABLE',
            { ...error.params, characteristicSeq: c.seq, characteristic: c.name, lotSize },
            `Characteristic ${c.seq} (${c.name}): ${error.message}; choose another AQL or inspection level`,
          );
        }
      }
    }
  }
}

export async function activateInspectionPlan(
  trx: Trx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<InspectionPlan> {
  const row = await lockPlan(trx, id);
  assertStatus(row, 'draft', 'activation');
  assertSamplingCovered(await characteristicsOf(trx, [id]));
  if (row.is_default) {
    const current = await trx
      .selectFrom('inspection_plans')
      .selectAll()
      .where('item_id', '=', row.item_id)
      .where('status', '=', 'active')
      .where('is_default', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (current) await retire(trx, actor, current, `Superseded by ${row.code}: ${reason}`);
  }
  const before = await getInspectionPlan(trx, id);
  await trx
    .updateTable('inspection_plans')
    .set({ status: 'active', activated_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'activated', id, before, reason);
}

export async function retireInspectionPlan(
  trx: Trx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<InspectionPlan> {
  const row = await lockPlan(trx, id);
  assertStatus(row, 'active', 'retirement');
  return retire(trx, actor, row, reason);
}
