import { v7 as uuidv7 } from 'uuid';
import { addMonths, calendarDateOf } from '../../../shared/calendar-date.ts';
import type { Skill, TrainingRecord, UserQualification } from '../../../shared/plant.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './qualifications.repository.ts';

function today(): string {
  return calendarDateOf(new Date());
}

/** Valid from the training day until the day before `expiresOn`; without an expiry, for good. */
export function trainingStatus(
  record: { trainedOn: string; expiresOn: string | null },
  on: string,
): 'valid' | 'expired' {
  return record.expiresOn === null || on < record.expiresOn ? 'valid' : 'expired';
}

function toSkill(row: repo.SkillRow): Skill {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    validityMonths: row.validity_months,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function skillAuditView(s: Skill) {
  const { createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
}

function toTrainingRecord(row: repo.TrainingRow, on: string): TrainingRecord {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    userFullName: row.user_full_name,
    skillId: row.skill_id,
    skillCode: row.skill_code,
    skillNameZh: row.skill_name_zh,
    skillNameEn: row.skill_name_en,
    trainedOn: row.trained_on,
    trainer: row.trainer,
    expiresOn: row.expires_on,
    documentRef: row.document_ref,
    status: trainingStatus({ trainedOn: row.trained_on, expiresOn: row.expires_on }, on),
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
  };
}

export async function getSkill(db: Executor, id: string): Promise<Skill> {
  const row = await repo.findSkill(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'skill', id });
  return toSkill(row);
}

export async function listSkills(
  db: Executor,
  f: { q?: string; active?: boolean; limit: number; offset: number },
): Promise<{ items: Skill[]; total: number }> {
  const { rows, total } = await repo.listSkills(db, f);
  return { items: rows.map(toSkill), total };
}

export async function createSkill(
  trx: Trx,
  actor: Actor,
  input: {
    code: string;
    nameZh: string;
    nameEn: string;
    validityMonths?: number | null;
    reason?: string;
  },
): Promise<Skill> {
  if (await repo.findSkillByCode(trx, input.code))
    throw new DomainError('SKILL_CODE_TAKEN', { code: input.code });
  const row = await trx
    .insertInto('skills')
    .values({
      id: uuidv7(),
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      validity_months: input.validityMonths ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const skill = toSkill(row);
  await recordAudit(trx, actor, {
    action: 'skill.created',
    entityType: 'skill',
    entityId: row.id,
    after: skillAuditView(skill),
    reason: input.reason ?? null,
  });
  return skill;
}

/** A changed validity applies to training recorded from now on; past records keep their expiry. */
export async function updateSkill(
  trx: Trx,
  actor: Actor,
  id: string,
  input: {
    nameZh?: string;
    nameEn?: string;
    validityMonths?: number | null;
    active?: boolean;
    reason: string;
  },
): Promise<Skill> {
  const before = await repo.lockSkill(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'skill', id });
  const after = await trx
    .updateTable('skills')
    .set({
      name_zh: input.nameZh ?? before.name_zh,
      name_en: input.nameEn ?? before.name_en,
      validity_months:
        input.validityMonths === undefined ? before.validity_months : input.validityMonths,
      active: input.active ?? before.active,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'skill.updated',
    entityType: 'skill',
    entityId: id,
    before: skillAuditView(toSkill(before)),
    after: skillAuditView(toSkill(after)),
    reason: input.reason,
  });
  return toSkill(after);
}

export async function listTrainingRecords(
  db: Executor,
  f: Omit<repo.TrainingFilter, 'on'>,
  on: string = today(),
): Promise<{ items: TrainingRecord[]; total: number }> {
  const { rows, total } = await repo.listTrainingRecords(db, { ...f, on });
  return { items: rows.map((r) => toTrainingRecord(r, on)), total };
}

export interface TrainingInput {
  userId: string;
  skillId: string;
  trainedOn: string;
  trainer: string;
  expiresOn?: string | null;
  documentRef?: string | null;
  reason?: string;
}

/** Records training; the expiry defaults to the training day plus the skill's validity. */
export async function recordTraining(
  trx: Trx,
  actor: Actor,
  input: TrainingInput,
  on: string = today(),
): Promise<TrainingRecord> {
  const user = await repo.findUser(trx, input.userId);
  if (!user) throw new DomainError('NOT_FOUND', { entity: 'user', id: input.userId });
  const skill = await repo.findSkill(trx, input.skillId);
  if (!skill) throw new DomainError('NOT_FOUND', { entity: 'skill', id: input.skillId });
  if (!skill.active) throw new DomainError('SKILL_INACTIVE', { code: skill.code });
  if (input.trainedOn > on) {
    throw new DomainError(
      'TRAINING_DATE_IN_FUTURE',
      { trainedOn: input.trainedOn, today: on },
      'Training is recorded once it has taken place',
    );
  }
  const expiresOn =
    input.expiresOn !== undefined
      ? input.expiresOn
      : skill.validity_months === null
        ? null
        : addMonths(input.trainedOn, skill.validity_months);
  if (expiresOn !== null && expiresOn <= input.trainedOn) {
    throw new DomainError('TRAINING_EXPIRY_BEFORE_TRAINING', {
      trainedOn: input.trainedOn,
      expiresOn,
    });
  }
  const id = uuidv7();
  await trx
    .insertInto('training_records')
    .values({
      id,
      user_id: user.id,
      skill_id: skill.id,
      trained_on: input.trainedOn,
      trainer: input.trainer,
      expires_on: expiresOn,
      document_ref: input.documentRef ?? null,
      recorded_by: actor.kind === 'user' ? actor.fullName : actor.name,
    })
    .execute();
  const row = await repo.findTrainingRecord(trx, id);
  if (!row) throw new Error('training record vanished');
  const record = toTrainingRecord(row, on);
  const { status: _s, recordedAt: _r, ...content } = record;
  await recordAudit(trx, actor, {
    action: 'training.recorded',
    entityType: 'training_record',
    entityId: id,
    after: content,
    reason: input.reason ?? null,
  });
  return record;
}

/** Where a person stands on each skill they were ever trained in. */
export async function qualificationsOfUser(
  db: Executor,
  userId: string,
  on: string = today(),
): Promise<UserQualification[]> {
  if (!(await repo.findUser(db, userId)))
    throw new DomainError('NOT_FOUND', { entity: 'user', id: userId });
  const rows = await repo.bestRecordsOfUser(db, userId);
  return rows
    .map((r) => ({
      skillId: r.skill_id,
      skillCode: r.skill_code,
      skillNameZh: r.skill_name_zh,
      skillNameEn: r.skill_name_en,
      status: trainingStatus({ trainedOn: r.trained_on, expiresOn: r.expires_on }, on),
      trainedOn: r.trained_on,
      expiresOn: r.expires_on,
      recordId: r.id,
    }))
    .sort((a, b) => a.skillCode.localeCompare(b.skillCode));
}

/** For production: does this person hold this skill at `at`? */
export async function hasValidQualification(
  db: Executor,
  userId: string,
  skillCode: string,
  at: Date = new Date(),
): Promise<boolean> {
  return repo.holdsSkill(db, userId, skillCode, calendarDateOf(at));
}

/** The same check as a gate, with a stable code. */
export async function assertQualified(
  db: Executor,
  userId: string,
  skillCode: string,
  at: Date = new Date(),
): Promise<void> {
  if (!(await hasValidQualification(db, userId, skillCode, at)))
    throw new DomainError('QUALIFICATION_MISSING', { userId, skillCode });
}

export async function findSkillIdByCode(db: Executor, code: string): Promise<string | undefined> {
  return (await repo.findSkillByCode(db, code))?.id;
}
