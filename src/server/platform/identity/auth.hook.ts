import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { SecurityPolicy } from '../config.ts';
import { DomainError } from '../errors.ts';
import type { RouteAccess } from '../http/access.ts';
import { authenticateSession, authenticateToken, SESSION_COOKIE } from './auth.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Authentication (session cookie or Bearer API token), CSRF protection for
 * cookie-authenticated writes, forced password change, and the route's permission.
 */
export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export async function installAuth(
  app: FastifyInstance,
  policy: SecurityPolicy,
  routeTable: RouteInfo[],
): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'RATE_LIMITED',
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        `Too many attempts; try again in ${context.after}`,
      ),
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionInfo', null);

  // Routes that plugins add (API docs UI, static web assets) are public by nature.
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') || route.url === '/api';
    const isDocs = route.url.startsWith('/api/docs');
    if ((isDocs || !isApi) && route.config?.access === undefined) {
      route.config = { ...route.config, access: { public: true } };
    }
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new DomainError('FORBIDDEN', {}, 'This route declares no access rule');
    if ('public' in access) return;

    const db = app.lotline.database.db;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, secret] = authorization.split(' ');
      const actor =
        scheme === 'Bearer' && secret
          ? await authenticateToken(db, secret.trim(), request.id)
          : null;
      if (!actor)
        throw new DomainError(
          'UNAUTHENTICATED',
          {},
          'The API token is unknown, expired or revoked',
        );
      request.actor = actor;
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const auth = cookie ? await authenticateSession(db, policy, cookie, request.id) : null;
      if (!auth)
        throw new DomainError('UNAUTHENTICATED', {}, 'Sign in first (or the session ended)');
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== auth.csrfToken) {
        throw new DomainError(
          'CSRF_TOKEN_INVALID',
          {},
          `Send the session's CSRF token in the ${CSRF_HEADER} header`,
        );
      }
      request.actor = auth.actor;
      request.sessionInfo = { csrfToken: auth.csrfToken, expiresAt: auth.expiresAt };
    }

    const actor = request.actor;
    const mayDuringChange = 'signedIn' in access && access.duringPasswordChange === true;
    if (actor.passwordChangeRequired && !mayDuringChange) {
      throw new DomainError(
        'PASSWORD_CHANGE_REQUIRED',
        {},
        'Change your password before you continue',
      );
    }
    if ('permission' in access && !actor.permissions.has(access.permission)) {
      throw new DomainError(
        'FORBIDDEN',
        { permission: access.permission },
        `This needs the permission ${access.permission}`,
      );
    }
  });
}
