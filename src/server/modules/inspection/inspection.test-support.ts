// Builders for the inspection tests: people, an item + supplier + locations
// (test/support/lots.ts), an active default plan, and a received lot with its
// inspection opened the way receiving opens it.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { caller, makePerson, type Person } from '../../../../test/support/engineering.ts';
import {
  makeLotsFixture,
  makeQuarantinedLot,
  type LotsFixture,
} from '../../../../test/support/lots.ts';
import type { CharacteristicInput } from '../../../shared/inspection.contract.ts';
import { systemActor } from '../../platform/actor.ts';
import type { LotlineDatabase } from '../../platform/db/connect.ts';
import { openIncomingInspection } from './index.ts';

export interface InspectionPeople {
  qa: Person;
  inspector: Person;
  engineer: Person;
}

export async function makePeople(
  app: FastifyInstance,
  database: LotlineDatabase,
): Promise<InspectionPeople> {
  return {
    qa: await makePerson(app, database, ['qa_manager']),
    inspector: await makePerson(app, database, ['qa_inspector']),
    engineer: await makePerson(app, database, ['engineer']),
  };
}

export const DIAMETER: Partial<CharacteristicInput> & { name: string } = {
  name: 'Outer diameter',
  kind: 'measured',
  nominal: '0.80',
  lowerLimit: '0.78',
  upperLimit: '0.82',
  unit: 'mm',
  inspectionLevel: 'II',
  aql: '1.0',
};
export const VISUAL: Partial<CharacteristicInput> & { name: string } = {
  name: 'Visual: burrs',
  kind: 'attribute',
  inspectionLevel: 'S-4',
  aql: '0.65',
  defectClass: 'critical',
};

/** An active default plan for the item, made through the API. */
export async function makeActivePlan(
  app: FastifyInstance,
  person: Person,
  itemId: string,
  characteristics: object[] = [DIAMETER, VISUAL],
) {
  const api = caller(app);
  const created = await api.post(person, '/api/inspection-plans', {
    itemId,
    name: 'Incoming inspection',
    characteristics,
  });
  expect(created.statusCode, created.body).toBe(201);
  const activated = await api.post(person, `/api/inspection-plans/${created.json().id}/activate`, {
    reason: 'Approved plan',
  });
  expect(activated.statusCode, activated.body).toBe(200);
  return activated.json();
}

export interface Received {
  fixture: LotsFixture;
  lotId: string;
  inspectionId: string;
  code: string;
  sampleSize: number;
}

/** A lot received into quarantine and its incoming inspection, as receiving opens it. */
export async function receiveAndOpen(
  database: LotlineDatabase,
  fixture: LotsFixture,
  quantity = '1200',
): Promise<Received> {
  const lot = await makeQuarantinedLot(database, fixture, { quantity });
  const opened = await database.db.transaction().execute((trx) =>
    openIncomingInspection(trx, systemActor('test'), {
      traceUnitId: lot.id,
      itemId: fixture.itemId,
      supplierId: fixture.supplierId,
      lotSize: quantity,
      receiptId: '00000000-0000-7000-8000-000000000001',
    }),
  );
  if (!opened) throw new Error('no inspection opened: the item has no plan');
  return {
    fixture,
    lotId: lot.id,
    inspectionId: opened.id,
    code: opened.code,
    sampleSize: opened.sampleSize,
  };
}

/** A fixture item with an active default plan. */
export async function planFixture(app: FastifyInstance, database: LotlineDatabase, person: Person) {
  const fixture = await makeLotsFixture(database);
  await makeActivePlan(app, person, fixture.itemId);
  return fixture;
}

/** Results for every sample unit: `bad` units of the first characteristic out of limits. */
export function fullResults(
  inspection: { characteristics: { seq: number; kind: string; sampleSize: number }[] },
  bad = 0,
) {
  return inspection.characteristics.flatMap((c) =>
    Array.from({ length: c.sampleSize }, (_, i) =>
      c.kind === 'measured'
        ? {
            characteristicSeq: c.seq,
            unitNo: i + 1,
            value: c.seq === 1 && i < bad ? '0.85' : '0.80',
          }
        : { characteristicSeq: c.seq, unitNo: i + 1, passed: true },
    ),
  );
}
