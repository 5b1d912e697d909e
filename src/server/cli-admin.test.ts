// The administrator's command line, on the database the suite runs on.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/db.ts';
import { openDatabase, type LotlineDatabase } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

const CLI = path.resolve(import.meta.dirname, 'cli.ts');
let dataDir: string;
let pgUrl: string | undefined;
let pgCopy: (LotlineDatabase & { url?: string }) | undefined;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotline-cli-admin-'));
  if (process.env.DATABASE_URL) {
    pgCopy = await createTestDatabase();
    pgUrl = pgCopy.url;
  }
});
afterAll(async () => {
  await pgCopy?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function run(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      DATABASE_URL: pgUrl ?? '',
      LOTLINE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, [CLI, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Opens the same database the CLI uses, from the test. */
async function direct(): Promise<LotlineDatabase> {
  if (pgUrl) return openDatabase({ kind: 'postgres', url: pgUrl });
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  await migrateToLatest(database.db);
  return database;
}

describe('lotline users / tokens / audit', () => {
  it('creates the first administrator from a password on standard input', async () => {
    const res = await run(
      [
        'users',
        'add',
        'first.admin',
        '--name',
        'First Admin',
        '--role',
        'admin',
        '--password-stdin',
      ],
      'A-Long-Admin-Password-1\n',
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Created user first\.admin \(First Admin\) with roles: admin/);
  });

  it('refuses a password against the policy with exit code 1 and the code', async () => {
    const res = await run(
      ['users', 'add', 'weak', '--name', 'Weak', '--password-stdin'],
      'short\n',
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^PASSWORD_POLICY: .*too_short/);
  });

  it('prints a new API token once, on standard output alone', async () => {
    const res = await run([
      'tokens',
      'create',
      'first.admin',
      '--name',
      'Label printer L2',
      '--expires-days',
      '30',
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toMatch(/^llt_[A-Za-z0-9_-]{43}$/);
    expect(res.stderr).toMatch(/shown only now/);
  });

  it('unlocks a locked user', async () => {
    const database = await direct();
    await database.db
      .updateTable('users')
      .set({ status: 'locked', failed_attempts: 5 })
      .where('username', '=', 'first.admin')
      .execute();
    await database.close();
    const res = await run(['users', 'unlock', 'first.admin', '--reason', 'Verified in person']);
    expect(res.code).toBe(0);
    const check = await direct();
    const row = await check.db
      .selectFrom('users')
      .select(['status', 'failed_attempts'])
      .where('username', '=', 'first.admin')
      .executeTakeFirstOrThrow();
    await check.close();
    expect(row).toEqual({ status: 'active', failed_attempts: 0 });
  });

  it('audit verify exits 0 on an intact chain, and 1 naming the entry a superuser altered behind the trigger', async () => {
    const ok = await run(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit trail intact: \d+ entries/);

    const database = await direct();
    const entry = await database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'token.created')
      .executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
    await sql`update audit_log set reason = 'nothing to see' where seq = ${entry.seq}`.execute(
      database.db,
    );
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);
    await database.close();

    const broken = await run(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      new RegExp(`Audit trail BROKEN at entry ${entry.seq} \\(hash_mismatch\\)`),
    );
  });
});
