// The `lotline` command. Each subcommand has --help.
import { Command, CommanderError } from 'commander';
import { addAdminCommands, CliRefusal } from './cli-admin.ts';
import { addLotsCommands } from './cli-lots.ts';
import { addUdiCommands, CliExit } from './cli-udi.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openDatabase, targetFromConfig, type LotlineDatabase } from './platform/db/connect.ts';
import { migrateToLatest, MigrationError } from './platform/db/migrate.ts';
import { LOTLINE_VERSION } from './platform/version.ts';
import { AlreadySeededError, seedDemo } from './seed.ts';
import { startServer } from './serve.ts';

/** Exit codes: 0 ok, 1 the action failed, 2 bad configuration or usage. */
class CliFailure extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message, 2);
    throw error;
  }
}

async function withDatabase<T>(
  action: (db: LotlineDatabase, cfg: Config) => Promise<T>,
): Promise<T> {
  const cfg = config();
  const database = await openDatabase(targetFromConfig(cfg));
  try {
    return await action(database, cfg);
  } finally {
    await database.close();
  }
}

function describe(kind: string, location: string): string {
  return kind === 'pglite' ? `embedded PGlite at ${location}` : `PostgreSQL at ${location}`;
}

export function buildCli(): Command {
  const program = new Command('lotline')
    .description('Lotline: traceability-first ERP for medical-device manufacturers')
    .version(LOTLINE_VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description(
      'Migrate the database and serve the API and web app (PORT, HOST, DATABASE_URL, LOTLINE_DATA_DIR)',
    )
    .option('--demo-if-new', 'load the demo plant when this start creates a new embedded database')
    .option('--no-web', 'serve the API only, without the built web app')
    .action(async (opts: { demoIfNew?: boolean; web: boolean }) => {
      const cfg = config();
      const server = await startServer(cfg, {
        demoIfNew: opts.demoIfNew ?? false,
        webRoot: opts.web ? undefined : null,
      });
      console.log(`Lotline ${LOTLINE_VERSION} is running at ${server.url}`);
      console.log(`Database: ${describe(server.database.kind, server.database.location)}`);
      if (server.database.kind === 'pglite') {
        console.log(
          'The embedded database is for evaluation, training and single-user pilots; run production on PostgreSQL (DATABASE_URL).',
        );
      }
      console.log('Press Ctrl-C to stop.');
    });

  program
    .command('migrate')
    .description('Apply every pending database migration and exit')
    .action(async () => {
      await withDatabase(async (database) => {
        const applied = await migrateToLatest(database.db);
        console.log(
          applied.length === 0
            ? `Database is up to date (${describe(database.kind, database.location)}).`
            : `Applied ${applied.length} migration(s) to ${describe(database.kind, database.location)}:\n${applied.map((m) => `  ${m}`).join('\n')}`,
        );
      });
    });

  program
    .command('seed')
    .description('Load data into the database')
    .requiredOption('--demo', 'the demo plant: users, master data and records to explore Lotline')
    .action(async () => {
      await withDatabase(async (database) => {
        await migrateToLatest(database.db);
        const { seeders } = await seedDemo(database.db);
        console.log(
          `Demo data loaded into ${describe(database.kind, database.location)} (${seeders.join(', ') || 'platform only'}).`,
        );
      });
    });

  addAdminCommands(program, withDatabase);
  addLotsCommands(program, withDatabase);
  addUdiCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliExit) return error.exitCode;
    if (error instanceof CliFailure) {
      console.error(error.message);
      return error.exitCode;
    }
    if (
      error instanceof AlreadySeededError ||
      error instanceof MigrationError ||
      error instanceof CliRefusal
    ) {
      console.error(error.message);
      return 1;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

if (import.meta.main) {
  // `serve` keeps the process alive through its open socket; the others end here.
  process.exitCode = await runCli(process.argv.slice(2));
}
