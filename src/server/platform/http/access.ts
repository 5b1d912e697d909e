import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../../shared/permissions.ts';
import type { UserActor } from '../actor.ts';
import { DomainError } from '../errors.ts';

/**
 * Every route declares who may call it, in `config.access`. A route without one
 * is refused (deny by default), and a test walks every route to prove each has one.
 */
export type RouteAccess =
  | { public: true }
  | { signedIn: true; duringPasswordChange?: boolean }
  | { permission: Permission };

/** The few routes anyone may call without signing in. */
export const PUBLIC_API_ROUTES = [
  'GET /api/health',
  'HEAD /api/health',
  'POST /api/auth/login',
  'GET /api/openapi.json',
  'HEAD /api/openapi.json',
];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: UserActor | null;
    sessionInfo: { csrfToken: string; expiresAt: Date } | null;
  }
}

/** The authenticated user of a non-public route (the auth hook has already refused everyone else). */
export function actorOf(request: FastifyRequest): UserActor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}

export function requestMeta(request: FastifyRequest): {
  ip: string;
  userAgent?: string;
  requestId: string;
} {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id };
}
