import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Me, User } from '../../src/shared/identity.contract.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../../src/server/platform/config.ts';
import type { LotlineDatabase } from '../../src/server/platform/db/connect.ts';
import { createUser } from '../../src/server/platform/identity/users.service.ts';

export const TEST_PASSWORD = 'Correct-Horse-Battery-42';

let counter = 0;

/** A user made directly through the service (as the CLI does), ready to sign in. */
export async function makeUser(
  database: LotlineDatabase,
  options: {
    username?: string;
    fullName?: string;
    roles?: string[];
    password?: string;
    mustChangePassword?: boolean;
  } = {},
): Promise<User & { password: string }> {
  counter++;
  const username = options.username ?? `user${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const password = options.password ?? TEST_PASSWORD;
  const user = await database.db.transaction().execute((trx) =>
    createUser(trx, systemActor('test'), DEFAULT_SECURITY_POLICY, {
      username,
      fullName: options.fullName ?? `Test ${username}`,
      preferredLanguage: 'en',
      roles: options.roles ?? [],
      password,
      mustChangePassword: options.mustChangePassword ?? false,
    }),
  );
  return { ...user, password };
}

export interface Session {
  cookie: string;
  csrf: string;
  me: Me;
  /** Headers for app.inject: the session cookie and, for writes, the CSRF token. */
  headers: Record<string, string>;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const me = res.json() as Me;
  return {
    cookie,
    csrf: me.csrfToken ?? '',
    me,
    headers: { cookie, 'x-csrf-token': me.csrfToken ?? '' },
  };
}

export async function makeSignedInUser(
  app: FastifyInstance,
  database: LotlineDatabase,
  options: Parameters<typeof makeUser>[1] = {},
): Promise<{ user: User & { password: string }; session: Session }> {
  const user = await makeUser(database, options);
  return { user, session: await signIn(app, user.username, user.password) };
}
