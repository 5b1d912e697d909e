import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type { SkillsTable, TrainingRecordsTable } from './plant.tables.ts';
import './plant.tables.ts';

export type SkillRow = Selectable<SkillsTable>;
export type TrainingRow = Selectable<TrainingRecordsTable> & {
  username: string;
  user_full_name: string;
  skill_code: string;
  skill_name_zh: string;
  skill_name_en: string;
};

export async function findSkill(db: Executor, id: string): Promise<SkillRow | undefined> {
  return db.selectFrom('skills').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockSkill(db: Executor, id: string): Promise<SkillRow | undefined> {
  return db.selectFrom('skills').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findSkillByCode(db: Executor, code: string): Promise<SkillRow | undefined> {
  return db
    .selectFrom('skills')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export async function listSkills(
  db: Executor,
  f: { q?: string; active?: boolean; limit: number; offset: number },
): Promise<{ rows: SkillRow[]; total: number }> {
  let query = db.selectFrom('skills');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('name_zh', 'ilike', like),
        eb('name_en', 'ilike', like),
      ]),
    );
  }
  if (f.active !== undefined) query = query.where('active', '=', f.active);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** People are platform identity: read here by id, never written. */
export async function findUser(
  db: Executor,
  id: string,
): Promise<{ id: string; username: string; full_name: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'full_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function records(db: Executor) {
  return db
    .selectFrom('training_records as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('skills as s', 's.id', 't.skill_id');
}

function withNames(query: ReturnType<typeof records>) {
  return query
    .selectAll('t')
    .select([
      'u.username as username',
      'u.full_name as user_full_name',
      's.code as skill_code',
      's.name_zh as skill_name_zh',
      's.name_en as skill_name_en',
    ]);
}

export interface TrainingFilter {
  q?: string;
  userId?: string;
  skillId?: string;
  skillCode?: string;
  /** true: valid on `on`; false: expired on `on`. */
  valid?: boolean;
  on: string;
  limit: number;
  offset: number;
}

export async function listTrainingRecords(
  db: Executor,
  f: TrainingFilter,
): Promise<{ rows: TrainingRow[]; total: number }> {
  let query = records(db);
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', like),
        eb('u.full_name', 'ilike', like),
        eb('s.code', 'ilike', like),
        eb('t.trainer', 'ilike', like),
        eb('t.document_ref', 'ilike', like),
      ]),
    );
  }
  if (f.userId) query = query.where('t.user_id', '=', f.userId);
  if (f.skillId) query = query.where('t.skill_id', '=', f.skillId);
  const skillCode = f.skillCode;
  if (skillCode)
    query = query.where((eb) => eb(eb.fn('lower', ['s.code']), '=', skillCode.toLowerCase()));
  if (f.valid === true)
    query = query.where((eb) =>
      eb.or([eb('t.expires_on', 'is', null), eb('t.expires_on', '>', f.on)]),
    );
  if (f.valid === false) query = query.where('t.expires_on', '<=', f.on);
  const [rows, count] = await Promise.all([
    withNames(query)
      .orderBy('t.trained_on', 'desc')
      .orderBy('u.username')
      .orderBy('s.code')
      .orderBy('t.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findTrainingRecord(
  db: Executor,
  id: string,
): Promise<TrainingRow | undefined> {
  return withNames(records(db)).where('t.id', '=', id).executeTakeFirst();
}

/** Per skill, the person's record that lasts longest (no expiry beats any date). */
export async function bestRecordsOfUser(db: Executor, userId: string): Promise<TrainingRow[]> {
  return withNames(records(db))
    .distinctOn('t.skill_id')
    .where('t.user_id', '=', userId)
    .orderBy('t.skill_id')
    .orderBy(sql`t.expires_on is null`, 'desc')
    .orderBy('t.expires_on', 'desc')
    .orderBy('t.trained_on', 'desc')
    .execute();
}

/** Whether the person holds the skill on `on`: trained by then and not yet expired. */
export async function holdsSkill(
  db: Executor,
  userId: string,
  skillCode: string,
  on: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('training_records as t')
    .innerJoin('skills as s', 's.id', 't.skill_id')
    .select('t.id')
    .where('t.user_id', '=', userId)
    .where((eb) => eb(eb.fn('lower', ['s.code']), '=', skillCode.toLowerCase()))
    .where('t.trained_on', '<=', on)
    .where((eb) => eb.or([eb('t.expires_on', 'is', null), eb('t.expires_on', '>', on)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
