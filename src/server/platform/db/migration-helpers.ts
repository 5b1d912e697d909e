import { sql, type Kysely } from 'kysely';

// Building blocks the migrations share. A migration imports these rather than
// repeating them; what they create must never change once a migration using
// them has shipped (add a new helper instead).

/** The database itself refuses UPDATE, DELETE and TRUNCATE: the rows are evidence. */
export async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`
    create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
    for each row execute function lotline_refuse_change()`.execute(db);
  await sql`
    create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
    for each statement execute function lotline_refuse_change()`.execute(db);
}

/** Rows may change (audited) but never disappear: other records point at them. */
export async function neverDeleted(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`
    create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
    for each row execute function lotline_refuse_change()`.execute(db);
}

/** Grants permissions to the built-in roles: some to every one of them, the rest per role. */
export async function grantToBuiltInRoles(
  db: Kysely<unknown>,
  readByEveryone: readonly string[],
  grants: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const roles = await sql<{ key: string }>`select key from roles where built_in`.execute(db);
  const rows: { role: string; permission: string }[] = [];
  for (const { key } of roles.rows) {
    for (const permission of readByEveryone) rows.push({ role: key, permission });
  }
  for (const [role, permissions] of Object.entries(grants)) {
    for (const permission of permissions) rows.push({ role, permission });
  }
  for (const { role, permission } of rows) {
    await sql`insert into role_permissions (role_key, permission) values (${role}, ${permission}) on conflict do nothing`.execute(
      db,
    );
  }
}
