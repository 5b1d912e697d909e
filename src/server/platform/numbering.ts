import { sql } from 'kysely';
import type { Trx } from './db/database.ts';

export interface NumberingCountersTable {
  kind: string;
  /** int8: a string, never a float */
  last_value: string;
}

declare module './db/database.ts' {
  interface Database {
    numbering_counters: NumberingCountersTable;
  }
}

/**
 * The next human code of a kind (`CR-0001`, `CR-0002`, …), inside the caller's
 * transaction. The upsert holds the counter's row lock until commit, so
 * concurrent callers wait for each other and a rolled-back transaction gives
 * its number back: the codes are unique and without gaps. Past 10^width − 1 the
 * code simply grows a digit.
 */
export async function nextCode(
  trx: Trx,
  kind: string,
  prefix: string,
  width: number,
): Promise<string> {
  if (!trx.isTransaction)
    throw new Error('nextCode must run inside the transaction that uses the code');
  const { rows } = await sql<{ last_value: string }>`
    insert into numbering_counters (kind, last_value) values (${kind}, 1)
    on conflict (kind) do update set last_value = numbering_counters.last_value + 1
    returning last_value`.execute(trx);
  const value = rows[0]?.last_value;
  if (value === undefined) throw new Error(`numbering counter ${kind} returned nothing`);
  return `${prefix}${String(value).padStart(width, '0')}`;
}
