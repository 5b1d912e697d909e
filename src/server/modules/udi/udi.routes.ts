// HTTP API of the UDI module: parse, build, render symbols and label PDFs. Nothing
// here touches the database; a bad identifier is 422 problem+json with its code
// and `params` {ai, position}.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../shared/problem.ts';
import { renderCartonLabel } from './carton-label.ts';
import { renderDeviceLabel } from './device-label.ts';
import { buildGs1Elements, buildGs1Udi } from './gs1-build.ts';
import { makeSscc } from './gs1-check.ts';
import {
  cartonLabelRequestSchema,
  deviceLabelRequestSchema,
  ssccRequestSchema,
  ssccResponseSchema,
  udiBuildRequestSchema,
  udiBuildResponseSchema,
  udiParseRequestSchema,
  udiRenderRequestSchema,
  udiSchema,
} from './udi.contract.ts';
import { parseUdiOrThrow } from './udi-parse.ts';
import { gs1HriLines, renderUdiSymbol } from './udi-render.ts';

const signedIn = { access: { signedIn: true as const } };
const errors = { 400: problemSchema, 422: problemSchema };
const binary = (description: string, ...types: string[]) => ({
  description,
  content: Object.fromEntries(
    types.map((type) => [
      type,
      // Sent as the raw bytes (Fastify does not serialise a Buffer); OpenAPI: a binary string.
      { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) },
    ]),
  ),
});

export const udiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/udi/parse',
    {
      config: signedIn,
      schema: {
        tags: ['udi'],
        summary:
          'Parse and validate a scanned or typed UDI (GS1 element string, GS1 Digital Link, HIBC) into the normalised object',
        body: udiParseRequestSchema,
        response: { 200: udiSchema, ...errors },
      },
    },
    async (request) => parseUdiOrThrow(request.body.data),
  );

  app.post(
    '/udi/build',
    {
      config: signedIn,
      schema: {
        tags: ['udi'],
        summary: 'Build a GS1 UDI from its parts: element string, HRI and Digital Link',
        body: udiBuildRequestSchema,
        response: { 200: udiBuildResponseSchema, ...errors },
      },
    },
    async (request) => {
      const built = buildGs1Udi(request.body);
      return { ...built, hri: gs1HriLines(built.udi.elements) };
    },
  );

  app.post(
    '/udi/sscc',
    {
      config: signedIn,
      schema: {
        tags: ['udi'],
        summary: 'Make an SSCC (with its check digit) for a carton or pallet',
        body: ssccRequestSchema,
        response: { 200: ssccResponseSchema, ...errors },
      },
    },
    async (request) => {
      const sscc = makeSscc(request.body);
      const { bracketed, digitalLink } = buildGs1Elements([['00', sscc]]);
      return { sscc, bracketed, ...(digitalLink === undefined ? {} : { digitalLink }) };
    },
  );

  app.post(
    '/udi/render',
    {
      config: signedIn,
      schema: {
        tags: ['udi'],
        summary:
          'Draw a UDI as GS1 DataMatrix, GS1-128 or QR Code (GS1 Digital Link); HIBC data as the HIBC symbols',
        body: udiRenderRequestSchema,
        response: { 200: binary('The symbol', 'image/svg+xml', 'image/png'), ...errors },
      },
    },
    async (request, reply) => {
      const symbol = await renderUdiSymbol(request.body.data, request.body);
      return reply.type(symbol.contentType).header('cache-control', 'no-store').send(symbol.body);
    },
  );

  app.post(
    '/udi/labels/device',
    {
      config: signedIn,
      schema: {
        tags: ['udi'],
        summary:
          'A device unit label (default 100 × 50 mm) as PDF: UDI carrier, HRI, REF/LOT/SN/dates, manufacturer',
        body: deviceLabelRequestSchema,
        response: { 200: binary('The label', 'application/pdf'), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="udi-label.pdf"')
        .send(await renderDeviceLabel(request.body)),
  );

  app.post(
    '/udi/labels/carton',
    {
      config: signedIn,
      schema: {
        tags: ['udi'],
        summary:
          'A carton/pallet label (default 100 × 150 mm, GS1 logistic label layout) as PDF, with the SSCC as GS1-128',
        body: cartonLabelRequestSchema,
        response: { 200: binary('The label', 'application/pdf'), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="sscc-${request.body.sscc}.pdf"`)
        .send(await renderCartonLabel(request.body)),
  );
};
