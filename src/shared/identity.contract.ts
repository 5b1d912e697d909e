import { z } from 'zod';
import { listQuerySchema } from './list.ts';
import { PERMISSION_KEYS } from './permissions.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const USER_STATUSES = ['active', 'disabled', 'locked'] as const;

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, {
    error:
      'lower-case letters, digits, dot, underscore and hyphen; starting with a letter or digit',
  });
const password = z.string().min(1).max(200);
const reason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .meta({ description: 'Why the change is made (audit trail)' });
const roleKey = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, {
    error: 'lower-case letters, digits and underscore, starting with a letter',
  });
const permission = z.enum(PERMISSION_KEYS as [string, ...string[]]);

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    preferredLanguage: z.enum(LANGUAGES),
    status: z.enum(USER_STATUSES),
    roles: z.array(z.string()),
    mustChangePassword: z.boolean(),
    failedAttempts: z.number().int(),
    passwordChangedAt: z.iso.datetime().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const loginSchema = z.object({ username: z.string().trim().min(1).max(64), password });

export const meSchema = z
  .object({
    user: userSchema,
    permissions: z.array(z.string()),
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'Send as X-CSRF-Token on cookie-authenticated writes' }),
    authenticatedBy: z.enum(['session', 'token']),
    passwordChangeRequired: z.boolean(),
    session: z
      .object({ idleTimeoutMinutes: z.number().int(), expiresAt: z.iso.datetime() })
      .nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.object({ currentPassword: password, newPassword: password });

export const userListQuerySchema = listQuerySchema.extend({
  status: z.enum(USER_STATUSES).optional(),
  role: z.string().optional(),
});

export const createUserSchema = z.object({
  username,
  fullName: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  preferredLanguage: z.enum(LANGUAGES).default('zh-CN'),
  roles: z.array(z.string()).max(20).default([]),
  password: password.meta({
    description: 'Initial password; the user must change it at first sign-in',
  }),
  reason: reason.optional(),
});

export const updateUserSchema = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  preferredLanguage: z.enum(LANGUAGES).optional(),
  reason,
});

export const setUserRolesSchema = z.object({ roles: z.array(z.string()).max(20), reason });
export const reasonSchema = z.object({ reason });
export const resetPasswordSchema = z.object({ newPassword: password, reason });

export const roleSchema = z
  .object({
    key: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    description: z.string().nullable(),
    builtIn: z.boolean(),
    permissions: z.array(z.string()),
    userCount: z.number().int(),
    updatedAt: z.iso.datetime(),
    signatures: z.array(signatureSchema),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;

export const createRoleSchema = z.object({
  key: roleKey,
  nameEn: z.string().trim().min(1).max(100),
  nameZh: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  permissions: z.array(permission).max(200),
  reason: reason.optional(),
  signature: signatureInputSchema,
});

export const setRolePermissionsSchema = z.object({
  permissions: z.array(permission).max(200),
  reason,
  signature: signatureInputSchema,
});

export const permissionInfoSchema = z.object({ key: z.string(), en: z.string(), zh: z.string() });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: 'First characters of the token, to recognise it' }),
    userId: z.string(),
    username: z.string(),
    permissions: z.array(z.string()),
    expiresAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(permission).min(1).max(200),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(730)
    .optional()
    .meta({ description: 'Omit for no expiry' }),
  userId: z.string().optional().meta({ description: "Another user's id (needs token.manage)" }),
});

export const createdTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().meta({ description: 'The token itself; shown once, never again' }),
});

export const tokenListQuerySchema = listQuerySchema.extend({
  all: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: "true: every user's tokens (needs token.manage)" }),
});

export { signatureInputSchema };
