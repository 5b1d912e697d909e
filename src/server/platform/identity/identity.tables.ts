import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface UsersTable {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  preferred_language: 'zh-CN' | 'en';
  status: 'active' | 'disabled' | 'locked';
  password_hash: string;
  password_changed_at: Date | null;
  must_change_password: boolean;
  failed_attempts: Generated<number>;
  locked_at: Date | null;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PasswordHistoryTable {
  user_id: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface RolesTable {
  key: string;
  name_en: string;
  name_zh: string;
  description: string | null;
  built_in: boolean;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RolePermissionsTable {
  role_key: string;
  permission: string;
}

export interface UserRolesTable {
  user_id: string;
  role_key: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  permissions: string[];
  expires_at: Date | null;
  created_at: CreatedAt;
  created_by: string | null;
  created_by_name: string;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  last_used_at: Date | null;
}

declare module '../db/database.ts' {
  interface Database {
    users: UsersTable;
    password_history: PasswordHistoryTable;
    roles: RolesTable;
    role_permissions: RolePermissionsTable;
    user_roles: UserRolesTable;
    sessions: SessionsTable;
    api_tokens: ApiTokensTable;
  }
}
