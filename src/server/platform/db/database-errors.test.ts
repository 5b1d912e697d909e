import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { domainErrorFromDatabase } from './database-errors.ts';

const database = useTestDatabase();

async function refusal(query: string): Promise<unknown> {
  try {
    await sql.raw(query).execute(database().db);
  } catch (error) {
    return error;
  }
  throw new Error(`expected the database to refuse: ${query}`);
}

describe('database refusals as domain errors', () => {
  it('turns a unique violation into CONFLICT', async () => {
    await sql`insert into platform_settings (key, value) values ('dup-probe', '1')`.execute(
      database().db,
    );
    const error = domainErrorFromDatabase(
      await refusal(`insert into platform_settings (key, value) values ('dup-probe', '2')`),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', params: { sqlState: '23505', retry: false } });
  });

  it('turns an impossible date or an overflowing number into VALIDATION_FAILED', async () => {
    expect(domainErrorFromDatabase(await refusal(`select '0000-01-01'::date`))).toMatchObject({
      code: 'VALIDATION_FAILED',
      params: { sqlState: '22008' },
    });
    expect(domainErrorFromDatabase(await refusal(`select 12345::numeric(6,2)`))).toMatchObject({
      code: 'VALIDATION_FAILED',
      params: { sqlState: '22003' },
    });
  });

  it('turns one statement writing the same row twice into VALIDATION_FAILED', async () => {
    const twice = `insert into platform_settings (key, value) values ('twice', '1'), ('twice', '2')
      on conflict (key) do update set value = excluded.value`;
    expect(domainErrorFromDatabase(await refusal(twice))).toMatchObject({
      code: 'VALIDATION_FAILED',
      params: { sqlState: '21000' },
    });
  });

  it('leaves other errors alone', async () => {
    expect(domainErrorFromDatabase(await refusal(`select * from no_such_table`))).toBeUndefined();
    expect(domainErrorFromDatabase(new Error('boom'))).toBeUndefined();
  });
});
