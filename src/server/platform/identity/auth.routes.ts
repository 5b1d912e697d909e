import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordSchema, loginSchema, meSchema } from '../../../shared/identity.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { actorOf, requestMeta } from '../http/access.ts';
import { SESSION_COOKIE, changeOwnPassword, describeMe, login, logout } from './auth.service.ts';

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  value: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires,
  });
}

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  423: problemSchema,
  429: problemSchema,
};

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { security } = app.lotline;

  app.post(
    '/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: { max: security.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token',
        body: loginSchema,
        response: { 200: meSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await login(
        app.lotline.database.db,
        security,
        request.body,
        requestMeta(request),
      );
      setSessionCookie(request, reply, result.sessionSecret, result.expiresAt);
      return result.me;
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: { signedIn: true, duringPasswordChange: true } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: { 204: z.null(), 401: problemSchema },
      },
    },
    async (request, reply) => {
      await logout(app.lotline.database.db, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: { signedIn: true, duringPasswordChange: true } },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, with permissions',
        response: { 200: meSchema, 401: problemSchema },
      },
    },
    async (request) =>
      describeMe(app.lotline.database.db, security, actorOf(request), request.sessionInfo),
  );

  app.post(
    '/auth/password',
    {
      config: { access: { signedIn: true, duringPasswordChange: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (the current one is required)',
        body: changePasswordSchema,
        response: {
          204: z.null(),
          401: problemSchema,
          403: problemSchema,
          422: problemSchema,
          423: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        app.lotline.database.db,
        security,
        actorOf(request),
        request.body,
        requestMeta(request),
      );
      return reply.code(204).send(null);
    },
  );
};
