import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { auditRoutes } from '../audit/audit.routes.ts';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '../config.ts';
import type { LotlineDatabase } from '../db/connect.ts';
import { installAuth, type RouteInfo } from '../identity/auth.hook.ts';
import { authRoutes } from '../identity/auth.routes.ts';
import { ROLE_RECORD, roleSignedContent } from '../identity/roles.service.ts';
import { rolesRoutes } from '../identity/roles.routes.ts';
import { tokensRoutes } from '../identity/tokens.routes.ts';
import { usersRoutes } from '../identity/users.routes.ts';
import { SignableRegistry } from '../signatures/signatures.service.ts';
import { signaturesRoutes } from '../signatures/signatures.routes.ts';
import { LOTLINE_VERSION } from '../version.ts';
import { installErrorHandling, isApiPath } from './error-handler.ts';
import { sendProblem } from './problem.ts';
import { REQUEST_ID_HEADER, generateRequestId } from './request-id.ts';
import { systemRoutes } from './system.routes.ts';

export type App = FastifyInstance;

export const CSV_BODY_LIMIT = 10 * 1024 * 1024;

export interface HttpAppOptions {
  database: LotlineDatabase;
  /** pino options, or false for no logs (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder with the built web app (index.html); null or missing folder: API only. */
  webRoot?: string | null;
  security?: SecurityPolicy;
  trustProxy?: boolean;
  /** Business routes, registered under /api by the composition root. */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Record types that modules let people sign. */
  registerSignables?: (registry: SignableRegistry) => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    lotline: {
      database: LotlineDatabase;
      security: SecurityPolicy;
      signables: SignableRegistry;
      /** Every registered route with its access rule. */
      routes: RouteInfo[];
      startedAt: Date;
      closing: boolean;
    };
  }
}

export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: generateRequestId,
    return503OnClosing: false,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const signables = new SignableRegistry();
  signables.register(ROLE_RECORD, roleSignedContent);
  options.registerSignables?.(signables);
  const security = options.security ?? DEFAULT_SECURITY_POLICY;
  const routes: RouteInfo[] = [];
  app.decorate('lotline', {
    database: options.database,
    security,
    signables,
    routes,
    startedAt: new Date(),
    closing: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // CSV imports arrive as the file itself (platform/csv).
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (app.lotline.closing) {
      reply.header('connection', 'close');
      return sendProblem(request, reply, {
        code: 'SERVICE_UNAVAILABLE',
        detail: 'Lotline is shutting down',
      });
    }
  });
  app.addHook('preClose', async () => {
    app.lotline.closing = true;
  });
  // A response finished during shutdown must not leave a keep-alive socket open,
  // or closing waits for the client's idle timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (app.lotline.closing) reply.header('connection', 'close');
  });

  await installAuth(app, security, routes);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotline API',
        version: LOTLINE_VERSION,
        description:
          'Traceability-first ERP for medical-device manufacturers. Errors are RFC 9457 application/problem+json with a stable `code`.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
  });
  app.get(
    '/api/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  await app.register(
    async (api) => {
      await api.register(systemRoutes);
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(rolesRoutes);
      await api.register(tokensRoutes);
      await api.register(auditRoutes);
      await api.register(signaturesRoutes);
      if (options.routes) await options.routes(api);
    },
    { prefix: '/api' },
  );

  registerWebApp(app, options.webRoot ?? null);
  return app;
}

/** Serves the built React app at / with a single-page-app fallback to index.html. */
function registerWebApp(app: FastifyInstance, webRoot: string | null): void {
  const built = webRoot !== null && fs.existsSync(path.join(webRoot, 'index.html'));
  if (built) {
    void app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url);
    if (wantsPage && built) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (wantsPage) {
      return sendProblem(request, reply, {
        code: 'WEB_NOT_BUILT',
        detail: 'Run `npm run build` (or `npm start`, which builds it) to serve the web app.',
      });
    }
    return sendProblem(request, reply, {
      code: 'ROUTE_NOT_FOUND',
      detail: `${request.method} ${request.url.split('?')[0]} is not a Lotline API route`,
    });
  });
}
