import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import {
  makeLotsFixture,
  makeQuarantinedLot,
  makeReleasedLot,
} from '../../../../test/support/lots.ts';
import { stockImpactProvider } from './lots.impact.ts';

const db = useTestDatabase();

describe('the stock section of a change impact analysis', () => {
  it('lists stock on hand of the affected items by quality status', async () => {
    const f = await makeLotsFixture(db());
    await makeReleasedLot(db(), f, { quantity: '5' });
    await makeReleasedLot(db(), f, { quantity: '2.5' });
    await makeQuarantinedLot(db(), f, { quantity: '4' });
    const context = { itemIds: [f.itemId], supersededVersions: [], proposedVersionIds: [] };
    expect(await stockImpactProvider.compute(db().db, context)).toEqual([
      {
        itemId: f.itemId,
        itemCode: expect.any(String),
        qualityStatus: 'quarantined',
        quantity: '4',
        unit: 'pcs',
        lots: 1,
      },
      {
        itemId: f.itemId,
        itemCode: expect.any(String),
        qualityStatus: 'released',
        quantity: '7.5',
        unit: 'pcs',
        lots: 2,
      },
    ]);
  });
});
