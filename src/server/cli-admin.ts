// `lotline users …`, `lotline tokens …`, `lotline audit …`: for the first
// administrator and for scripts. Every change is audited as the CLI's system actor.
import os from 'node:os';
import type { Command } from 'commander';
import { systemActor } from './platform/actor.ts';
import { verifyAuditChain } from './platform/audit/audit.service.ts';
import type { Config } from './platform/config.ts';
import type { LotlineDatabase } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import {
  createToken,
  createUser,
  findUserByUsername,
  permissionsOfUser,
  setUserStatus,
} from './platform/identity/index.ts';
import { DomainError } from './platform/errors.ts';

export type WithDatabase = <T>(
  action: (database: LotlineDatabase, config: Config) => Promise<T>,
) => Promise<T>;

function cliActor() {
  return systemActor(`cli:${os.userInfo().username}`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A domain refusal on the command line: one line, exit code 1. */
export class CliRefusal extends Error {}

function refuse(error: unknown): never {
  if (error instanceof DomainError) {
    const params = Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : '';
    throw new CliRefusal(`${error.code}: ${error.message}${params}`);
  }
  throw error;
}

export function addAdminCommands(program: Command, withDatabase: WithDatabase): void {
  const users = program.command('users').description('Manage users');
  users
    .command('add <username>')
    .description(
      'Create a user (e.g. the first administrator); the password is read from standard input',
    )
    .requiredOption('--name <full name>', 'printed name, shown on signatures')
    .option(
      '--role <role>',
      'a role to grant (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--email <email>', 'e-mail address')
    .option('--language <lang>', 'zh-CN or en', 'zh-CN')
    .option('--must-change', 'make the user change the password at first sign-in')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(
      async (
        username: string,
        opts: {
          name: string;
          role: string[];
          email?: string;
          language: string;
          mustChange?: boolean;
        },
      ) => {
        if (opts.language !== 'zh-CN' && opts.language !== 'en')
          throw new CliRefusal('--language must be zh-CN or en');
        const password = await readStdin();
        await withDatabase(async (database, config) => {
          await migrateToLatest(database.db);
          const user = await database.db
            .transaction()
            .execute((trx) =>
              createUser(trx, cliActor(), config.security, {
                username,
                fullName: opts.name,
                email: opts.email,
                preferredLanguage: opts.language as 'zh-CN' | 'en',
                roles: opts.role,
                password,
                mustChangePassword: opts.mustChange ?? false,
                reason: 'Created from the command line',
              }),
            )
            .catch(refuse);
          console.log(
            `Created user ${user.username} (${user.fullName}) with roles: ${user.roles.join(', ') || 'none'}.`,
          );
        });
      },
    );

  users
    .command('unlock <username>')
    .description('Unlock a user locked out by failed password entries')
    .option('--reason <text>', 'why (audit trail)', 'Unlocked from the command line')
    .action(async (username: string, opts: { reason: string }) => {
      await withDatabase(async (database) => {
        const user = await findUserByUsername(database.db, username);
        if (!user) throw new CliRefusal(`No user ${username}`);
        await database.db
          .transaction()
          .execute((trx) => setUserStatus(trx, cliActor(), user.id, 'unlock', opts.reason))
          .catch(refuse);
        console.log(`Unlocked ${user.username}.`);
      });
    });

  const tokens = program.command('tokens').description('Manage API tokens');
  tokens
    .command('create <username>')
    .description('Create an API token acting as this user; prints it once')
    .requiredOption('--name <label>', 'what the token is for, e.g. "Line 2 label printer"')
    .option('--expires-days <n>', 'days until it expires (default: never)')
    .option(
      '--permission <p>',
      'limit to this permission (repeatable; default: all the user holds)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .action(
      async (
        username: string,
        opts: { name: string; expiresDays?: string; permission: string[] },
      ) => {
        const days = opts.expiresDays === undefined ? undefined : Number(opts.expiresDays);
        if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 730)) {
          throw new CliRefusal('--expires-days must be a whole number from 1 to 730');
        }
        await withDatabase(async (database) => {
          const user = await findUserByUsername(database.db, username);
          if (!user) throw new CliRefusal(`No user ${username}`);
          const { token, secret } = await database.db
            .transaction()
            .execute(async (trx) => {
              const held = opts.permission.length
                ? opts.permission
                : [...(await permissionsOfUser(trx, user.id))];
              if (held.length === 0)
                throw new CliRefusal(`${username} holds no permissions; a token would be useless`);
              return createToken(trx, cliActor(), {
                userId: user.id,
                name: opts.name,
                permissions: held,
                expiresInDays: days,
              });
            })
            .catch(refuse);
          console.error(
            `Token "${token.name}" for ${username} (${token.permissions.join(', ')}), expires ${token.expiresAt ?? 'never'}. It is shown only now:`,
          );
          console.log(secret);
        });
      },
    );

  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Walk the hash chain; exit 0 when intact, 1 naming the first bad entry')
    .action(async () => {
      await withDatabase(async (database) => {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(
            `Audit trail intact: ${result.entries} entries; head ${result.headSeq ?? '-'} ${result.headHash ?? ''}`.trim(),
          );
          return;
        }
        throw new CliRefusal(
          `Audit trail BROKEN at entry ${result.firstBadSeq} (${result.problem}): ${result.detail}. ${result.entries} entries before it are intact.`,
        );
      });
    });
}
