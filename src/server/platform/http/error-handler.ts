import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import type { FieldError } from '../../../shared/problem.ts';
import { domainErrorFromDatabase } from '../db/database-errors.ts';
import { isDomainError } from '../errors.ts';
import { sendProblem } from './problem.ts';

const API_PREFIX = '/api';

/** Turns "/body/items/0/qty" (or "body.items.0.qty") into "body.items.0.qty". */
function dotted(context: string, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return inner ? `${context}.${inner}` : context;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).code === 'string';
}

/**
 * The one error handler: every failure leaves as application/problem+json with a
 * stable code, and no stack trace ever reaches the client.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'request';
      const errors: FieldError[] = error.validation.map((v) => ({
        path: dotted(context, v.instancePath),
        message: v.message ?? 'is invalid',
      }));
      return sendProblem(request, reply, {
        code: 'VALIDATION_FAILED',
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (isDomainError(error)) {
      return sendProblem(request, reply, {
        code: error.code,
        detail: error.message,
        params: error.params,
      });
    }
    const fromDatabase = domainErrorFromDatabase(error);
    if (fromDatabase) {
      request.log.warn({ err: error }, 'database refused the request');
      return sendProblem(request, reply, {
        code: fromDatabase.code,
        detail: fromDatabase.message,
        params: fromDatabase.params,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: error, issues: error.cause.issues },
        'response does not match its schema',
      );
      return sendProblem(request, reply, { code: 'INTERNAL_ERROR' });
    }
    if (isFastifyError(error)) {
      switch (error.code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(request, reply, { code: 'MALFORMED_JSON', detail: error.message });
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          return sendProblem(request, reply, {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            detail: error.message,
          });
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendProblem(request, reply, { code: 'PAYLOAD_TOO_LARGE', detail: error.message });
        case 'FST_ERR_VALIDATION':
          return sendProblem(request, reply, { code: 'VALIDATION_FAILED', detail: error.message });
      }
      // Other 4xx raised by Fastify itself (e.g. a malformed URL) are the client's fault.
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        request.log.info({ err: error }, 'client error');
        return sendProblem(request, reply, { code: 'VALIDATION_FAILED', detail: error.message });
      }
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, { code: 'INTERNAL_ERROR' });
  });
}

export function isApiPath(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`);
}
