import { sql, type Kysely } from 'kysely';

const ROLES: [key: string, en: string, zh: string, permissions: string[]][] = [
  [
    'admin',
    'Administrator',
    '系统管理员',
    [
      'user.read',
      'user.manage',
      'role.read',
      'role.manage',
      'token.manage',
      'audit.read',
      'audit.export',
      'signature.read',
    ],
  ],
  [
    'qa_manager',
    'QA manager',
    '质量经理',
    ['user.read', 'role.read', 'audit.read', 'audit.export', 'signature.read'],
  ],
  ['qa_inspector', 'QA inspector', '质量检验员', ['signature.read']],
  ['production_supervisor', 'Production supervisor', '生产主管', ['signature.read']],
  ['operator', 'Operator', '操作工', ['signature.read']],
  ['warehouse', 'Warehouse', '仓库管理员', ['signature.read']],
  ['purchasing', 'Purchasing', '采购员', ['signature.read']],
  ['engineer', 'Engineer', '工程师', ['signature.read']],
  ['viewer', 'Viewer (read only)', '只读用户', ['signature.read']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key,
      username text not null,
      full_name text not null,
      email text,
      preferred_language text not null default 'zh-CN' check (preferred_language in ('zh-CN', 'en')),
      status text not null default 'active' check (status in ('active', 'disabled', 'locked')),
      password_hash text not null,
      password_changed_at timestamptz,
      must_change_password boolean not null default true,
      failed_attempts integer not null default 0,
      locked_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Users are never deleted, so a unique username is never reused.
  await sql`create unique index users_username_key on users (lower(username))`.execute(db);

  await sql`
    create table password_history (
      user_id uuid not null references users (id),
      password_hash text not null,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index password_history_user on password_history (user_id, created_at desc)`.execute(
    db,
  );

  await sql`
    create table roles (
      key text primary key,
      name_en text not null,
      name_zh text not null,
      description text,
      built_in boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table role_permissions (
      role_key text not null references roles (key),
      permission text not null,
      primary key (role_key, permission)
    )`.execute(db);
  await sql`
    create table user_roles (
      user_id uuid not null references users (id),
      role_key text not null references roles (key),
      primary key (user_id, role_key)
    )`.execute(db);
  await sql`create index user_roles_role on user_roles (role_key)`.execute(db);

  await sql`
    create table sessions (
      id uuid primary key,
      token_hash text not null unique,
      csrf_token text not null,
      user_id uuid not null references users (id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      end_reason text,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key,
      user_id uuid not null references users (id),
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      permissions text[] not null,
      expires_at timestamptz,
      created_at timestamptz not null default now(),
      created_by uuid references users (id),
      created_by_name text not null,
      revoked_at timestamptz,
      revoked_by_name text,
      last_used_at timestamptz
    )`.execute(db);
  await sql`create index api_tokens_user on api_tokens (user_id)`.execute(db);

  for (const [key, en, zh, permissions] of ROLES) {
    await sql`insert into roles (key, name_en, name_zh, built_in) values (${key}, ${en}, ${zh}, true)`.execute(
      db,
    );
    for (const permission of permissions) {
      await sql`insert into role_permissions (role_key, permission) values (${key}, ${permission})`.execute(
        db,
      );
    }
  }
}
