// Many transfers and adjustments at once on a few lots: some are refused for
// lack of stock, none drives a balance negative, and every balance still equals
// the sum of its movements. On PostgreSQL the requests really run in parallel.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { caller, makePerson, type Person } from '../../../../test/support/engineering.ts';
import {
  makeLotsFixture,
  makeReleasedLot,
  type LotsFixture,
} from '../../../../test/support/lots.ts';
import { traceUnitStock, verifyStockLedger } from './index.ts';
import { addDecimals } from '../../../shared/decimal.ts';

const ctx = useTestApp();

let warehouse: Person;
let f: LotsFixture;

beforeAll(async () => {
  warehouse = await makePerson(ctx().app, ctx().database, ['warehouse']);
  f = await makeLotsFixture(ctx().database);
});

describe('concurrent stock movements', () => {
  it(
    'never drive a balance negative or out of step with the ledger',
    { timeout: 180_000 },
    async () => {
      const lots = [
        await makeReleasedLot(ctx().database, f, { quantity: '10' }),
        await makeReleasedLot(ctx().database, f, { quantity: '10' }),
        await makeReleasedLot(ctx().database, f, { quantity: '10' }),
      ];
      const places = [f.locations.storage, f.locations.storage2, f.locations.production];
      const api = caller(ctx().app);
      // A fixed pseudo-random sequence: the same requests every run.
      let seed = 7;
      const next = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const requests = Array.from({ length: 120 }, () => {
        const lot = lots[next(lots.length)]?.id ?? '';
        const from = places[next(places.length)] ?? '';
        const quantity = String(1 + next(4));
        if (next(4) === 0) {
          return api.post(warehouse, '/api/stock/adjustments', {
            lotId: lot,
            locationId: from,
            quantity: next(2) === 0 ? `-${quantity}` : quantity,
            reason: 'Count',
          });
        }
        const to = places.filter((p) => p !== from)[next(2)] ?? '';
        return api.post(warehouse, '/api/stock/transfers', {
          lotId: lot,
          fromLocationId: from,
          toLocationId: to,
          quantity,
        });
      });
      const responses = await Promise.all(requests);
      const outcomes = responses.map((r) =>
        r.statusCode === 201 ? 'ok' : `${r.statusCode} ${r.json().code as string}`,
      );
      const unexpected = outcomes.filter(
        (o) => o !== 'ok' && o !== '409 STOCK_INSUFFICIENT' && o !== '409 CONFLICT',
      );
      expect(unexpected).toEqual([]);
      expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(15);
      expect(outcomes.filter((o) => o === '409 STOCK_INSUFFICIENT').length).toBeGreaterThan(0);

      const check = await verifyStockLedger(ctx().database.db);
      expect(check.mismatches).toEqual([]);
      // The total of each lot changed only by the adjustments that were accepted.
      for (const lot of lots) {
        const stock = await traceUnitStock(ctx().database.db, lot.id);
        const adjustments = (
          await api.get(warehouse, `/api/stock/movements?lotId=${lot.id}&type=adjustment&limit=200`)
        ).json().items as { quantity: string; toLocationId: string | null }[];
        const delta = addDecimals(
          '0',
          ...adjustments.map((a) => (a.toLocationId ? a.quantity : `-${a.quantity}`)),
        );
        expect(stock.total).toBe(addDecimals('10', delta));
        for (const b of stock.byLocation) expect(b.quantity.startsWith('-')).toBe(false);
      }
    },
  );
});
