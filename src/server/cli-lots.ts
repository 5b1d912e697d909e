// `lotline lots …`: the lot expiry job on demand (the server also runs it on an interval).
import type { Command } from 'commander';
import { expireLots } from './modules/lots/index.ts';
import { systemActor } from './platform/actor.ts';
import type { LotlineDatabase } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

/** The command's report on standard output. */
function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

type WithDatabase = <T>(action: (db: LotlineDatabase) => Promise<T>) => Promise<T>;

export function addLotsCommands(program: Command, withDatabase: WithDatabase): void {
  const lots = program.command('lots').description('Lots and stock');
  lots
    .command('expire')
    .description(
      'Move lots whose expiry date has passed to expired, and list those expiring within lots.expiry_warning_days',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        await migrateToLatest(database.db);
        const result = await expireLots(database.db, { actor: systemActor('cli') });
        if (opts.json) {
          say(
            JSON.stringify({
              expired: result.expired.map((l) => l.code),
              warningDays: result.warningDays,
              expiring: result.expiring.map((l) => ({
                code: l.code,
                itemCode: l.itemCode,
                expiresOn: l.expiresOn,
                qualityStatus: l.qualityStatus,
              })),
            }),
          );
          return;
        }
        say(
          result.expired.length === 0
            ? 'No lot has passed its expiry date.'
            : `Expired ${result.expired.length} lot(s): ${result.expired.map((l) => l.code).join(', ')}`,
        );
        say(
          `${result.expiring.length} lot(s) expire within ${result.warningDays} day(s)${result.expiring.length ? ':' : '.'}`,
        );
        for (const l of result.expiring) {
          say(`  ${l.code}  ${l.itemCode}  ${l.expiresOn ?? ''}  ${l.qualityStatus}`);
        }
      });
    });
}
