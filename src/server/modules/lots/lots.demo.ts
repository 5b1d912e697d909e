// Demo data (runs last, after purchasing and the inspection results): released
// lots moved from quarantine into storage and production, one split, one put on
// hold, one recalled, one expired; so the demo shows lots in every quality
// status, in quarantine, storage and production locations. Missing upstream
// data (no released or rejected lot) is made up here so the demo stays complete.
import type { QualityStatus } from '../../../shared/lots.contract.ts';
import type { SignatureMeaning } from '../../../shared/signatures.contract.ts';
import type { UserActor } from '../../platform/actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../../platform/config.ts';
import type { Trx } from '../../platform/db/database.ts';
import {
  DEMO_PASSWORD,
  findUserByUsername,
  permissionsOfUser,
} from '../../platform/identity/index.ts';
import { verifySigner, type VerifiedSigner } from '../../platform/signatures/signatures.service.ts';
import { addDays } from '../../../shared/calendar-date.ts';
import { getItemByCode } from '../items/index.ts';
import { findSupplierIdByCode } from '../partners/index.ts';
import { findLocationIdByCode } from '../plant/index.ts';
import { splitTraceUnit } from './genealogy.service.ts';
import * as repo from './lots.repository.ts';
import { compareDecimal } from '../../../shared/decimal.ts';
import { transitionTraceUnit } from './quality-status.service.ts';
import { transferStock } from './stock.service.ts';
import { receiveTraceUnit, today, traceUnitStock } from './trace-units.service.ts';

async function demoActor(trx: Trx, username: string): Promise<UserActor> {
  const user = await findUserByUsername(trx, username);
  if (!user) throw new Error(`Demo user ${username} is missing: the users seeder runs first`);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    permissions: await permissionsOfUser(trx, user.id),
    via: 'session',
    passwordChangeRequired: false,
    requestId: 'demo-seed',
  };
}

function demoSign(trx: Trx, actor: UserActor, meaning: SignatureMeaning): Promise<VerifiedSigner> {
  return verifySigner(
    trx,
    DEFAULT_SECURITY_POLICY,
    actor,
    { username: actor.username, password: DEMO_PASSWORD, meaning, comment: 'Demo data' },
    { requestId: 'demo-seed' },
  );
}

async function location(trx: Trx, code: string): Promise<string> {
  const id = await findLocationIdByCode(trx, code);
  if (!id) throw new Error(`Demo location ${code} is missing: seed the plant first`);
  return id;
}

function lotsWithStatus(trx: Trx, status: QualityStatus): Promise<repo.TraceUnitRow[]> {
  return repo.traceUnitsWithStatus(trx, status);
}

export async function seedDemoLots(trx: Trx): Promise<void> {
  const warehouse = await demoActor(trx, 'warehouse');
  const qa = await demoActor(trx, 'qa_manager');
  const releaser = await demoSign(trx, qa, 'released');
  const quarantine = await location(trx, 'RM-QZ-01');
  const storage = [await location(trx, 'RM-A-01'), await location(trx, 'RM-A-02')];
  const line = await location(trx, 'LINE-IS');
  const supplierId = await findSupplierIdByCode(trx, 'SUP-001');
  if (!supplierId) throw new Error('Demo supplier SUP-001 is missing: seed the partners first');
  const item = await getItemByCode(trx, 'CP-TUBE-01');

  const receive = (supplierLot: string, quantity: string, expiresOn: string) =>
    receiveTraceUnit(trx, warehouse, {
      itemId: item.id,
      quantity,
      unit: item.uom,
      manufacturedOn: addDays(today(), -400),
      expiresOn,
      supplierId,
      supplierLot,
      locationId: quarantine,
      source: { type: 'demo', id: 'lots' },
      reason: 'Demo data',
    });

  // Enough released lots for the story (the inspection results normally release them).
  let released = await lotsWithStatus(trx, 'released');
  for (let i = released.length; i < 4; i++) {
    const lot = await receive(`DEMO-R${i + 1}`, '1000', addDays(today(), 400 + i * 30));
    await transitionTraceUnit(trx, qa, lot.id, 'release', {
      reason: 'Certificate of analysis reviewed',
      signer: releaser,
    });
  }
  released = await lotsWithStatus(trx, 'released');

  // Released stock leaves quarantine for storage.
  for (const [i, lot] of released.entries()) {
    const stock = await traceUnitStock(trx, lot.id);
    for (const b of stock.byLocation.filter((s) => s.locationId === quarantine)) {
      await transferStock(trx, warehouse, {
        lotId: lot.id,
        fromLocationId: quarantine,
        toLocationId: storage[i % storage.length] ?? quarantine,
        quantity: b.quantity,
        reason: 'Released: put away',
      });
    }
  }
  const [first, second, third, fourth] = released;
  if (!first || !second || !third || !fourth) return;

  // Part of the first lot goes to the line.
  const firstStock = await traceUnitStock(trx, first.id);
  const firstAt = firstStock.byLocation[0];
  if (firstAt && compareDecimal(firstAt.quantity, '200') >= 0) {
    await transferStock(trx, warehouse, {
      lotId: first.id,
      fromLocationId: firstAt.locationId,
      toLocationId: line,
      quantity: '200',
      reason: 'Kitting for the infusion set line',
    });
  }
  // The second is split for two kanban bins.
  const secondAt = (await traceUnitStock(trx, second.id)).byLocation[0];
  if (secondAt && compareDecimal(secondAt.quantity, '300') >= 0) {
    await splitTraceUnit(trx, warehouse, {
      traceUnitId: second.id,
      fromLocationId: secondAt.locationId,
      parts: [{ quantity: '100' }, { quantity: '100' }],
      reason: 'Split into kanban quantities',
    });
  }
  await transitionTraceUnit(trx, warehouse, third.id, 'hold', {
    reason: 'Supplier change notice under review',
  });
  await transitionTraceUnit(trx, qa, fourth.id, 'recall', {
    reason: 'Supplier field safety notice: particulate contamination',
    signer: await demoSign(trx, qa, 'approved'),
  });

  // One lot whose date has passed (the expiry job's work, done here at once).
  const stale = await receive('DEMO-EXP-1', '250', addDays(today(), -3));
  await transitionTraceUnit(trx, warehouse, stale.id, 'expire', {
    reason: `Expiry date ${addDays(today(), -3)} has passed`,
  });

  if ((await lotsWithStatus(trx, 'rejected')).length === 0) {
    const bad = await receive('DEMO-REJ-1', '500', addDays(today(), 500));
    await transitionTraceUnit(trx, qa, bad.id, 'reject', {
      reason: 'Certificate of analysis out of specification',
      signer: await demoSign(trx, qa, 'rejected'),
    });
  }
  if ((await lotsWithStatus(trx, 'quarantined')).length === 0) {
    await receive('DEMO-Q-1', '800', addDays(today(), 700));
  }
}
