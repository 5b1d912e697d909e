// Demo data: each module contributes a seeder; all of them run in one transaction.
import { sql } from 'kysely';
import type { Db, Executor, Trx } from './platform/db/database.ts';
import { seedDemoChanges } from './modules/changes/index.ts';
import { seedDemoDocuments } from './modules/documents/index.ts';
import { seedDemoEngineering } from './modules/engineering/index.ts';
import { seedDemoInspectionPlans, seedDemoInspectionResults } from './modules/inspection/index.ts';
import { seedDemoItems } from './modules/items/index.ts';
import { seedDemoLots } from './modules/lots/index.ts';
import { seedDemoPartners } from './modules/partners/index.ts';
import { seedDemoPlant } from './modules/plant/index.ts';
import { seedDemoPurchasing } from './modules/purchasing/index.ts';
import { seedDemoUsers } from './platform/identity/index.ts';

export interface DemoSeeder {
  name: string;
  seed(trx: Trx): Promise<void>;
}

// In dependency order: later seeders look up what earlier ones made by code
// (docs/demo-plant.md).
const DEMO_SEEDERS: DemoSeeder[] = [
  { name: 'users', seed: seedDemoUsers },
  { name: 'items', seed: seedDemoItems },
  { name: 'partners', seed: seedDemoPartners },
  { name: 'plant', seed: seedDemoPlant },
  { name: 'documents', seed: seedDemoDocuments },
  { name: 'engineering', seed: seedDemoEngineering },
  { name: 'changes', seed: seedDemoChanges },
  { name: 'inspection-plans', seed: seedDemoInspectionPlans },
  // After the inspection plans (receipts open inspections), before their results.
  { name: 'purchasing', seed: seedDemoPurchasing },
  { name: 'inspection-results', seed: seedDemoInspectionResults },
  // Last: moves, splits, holds, recalls and expires the lots the receipts made.
  { name: 'lots', seed: seedDemoLots },
];

export const DEMO_SEEDED_KEY = 'demo_seeded_at';

export class AlreadySeededError extends Error {
  readonly seededAt: string;

  constructor(seededAt: string) {
    super(`Demo data was already loaded into this database at ${seededAt}.`);
    this.name = 'AlreadySeededError';
    this.seededAt = seededAt;
  }
}

export async function demoSeededAt(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', DEMO_SEEDED_KEY)
    .executeTakeFirst();
  return row ? String(row.value) : undefined;
}

/** Loads the demo plant once; refuses a second time rather than duplicating it. */
export async function seedDemo(db: Db): Promise<{ seeders: string[] }> {
  return db.transaction().execute(async (trx) => {
    // The marker row is taken first, so two concurrent seeds cannot both run.
    const inserted = await trx
      .insertInto('platform_settings')
      .values({ key: DEMO_SEEDED_KEY, value: sql`to_jsonb(now())` })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      const seededAt = (await demoSeededAt(trx)) ?? 'an earlier time';
      throw new AlreadySeededError(seededAt);
    }
    for (const seeder of DEMO_SEEDERS) await seeder.seed(trx);
    return { seeders: DEMO_SEEDERS.map((s) => s.name) };
  });
}
