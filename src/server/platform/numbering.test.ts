import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.ts';
import { nextCode } from './numbering.ts';

const database = useTestDatabase();

describe('human codes from per-kind counters', () => {
  it('counts each kind on its own, zero-padded', async () => {
    const { db } = database();
    const codes = await db
      .transaction()
      .execute(async (trx) => [
        await nextCode(trx, 'test_a', 'A-', 4),
        await nextCode(trx, 'test_a', 'A-', 4),
        await nextCode(trx, 'test_b', 'B-', 3),
      ]);
    expect(codes).toEqual(['A-0001', 'A-0002', 'B-001']);
  });

  it('gives the number back when the transaction rolls back', async () => {
    const { db } = database();
    await expect(
      db.transaction().execute(async (trx) => {
        await nextCode(trx, 'test_c', 'C-', 4);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const code = await db.transaction().execute((trx) => nextCode(trx, 'test_c', 'C-', 4));
    expect(code).toBe('C-0001');
  });

  it('hands out unique codes without gaps to concurrent transactions', async () => {
    const { db } = database();
    const codes = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction().execute((trx) => nextCode(trx, 'test_d', 'D-', 4)),
      ),
    );
    expect(codes.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `D-000${i + 1}`));
  });
});
