import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { issueFromZod, ValidationError } from '@eduset/core';
import build from 'fast-json-stringify';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchemaCompiler,
  FastifySerializerCompiler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { markRoutesPublic } from './access.js';

type AnySchema = z.ZodType;

/**
 * A Fastify scope whose routes are typed by the core schemas they declare.
 *
 * @example
 * ```ts
 * import type { FastifyInstance } from 'fastify';
 * import { withContracts, type ZodScope } from '@eduset/server';
 * declare const plain: FastifyInstance;
 * const api: ZodScope = withContracts(plain);
 * ```
 */
export type ZodScope = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

function isZodSchema(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/**
 * Validates a part of a request (body, query, path) with the route's declared core schema:
 * the parsed value (defaults and normalization applied), or a core `ValidationError` with
 * every issue, its path and its Russian and English message — which the one error handler
 * answers as a 400. Parsed once, here; handlers read `request.body`/`request.query` as they
 * are.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { contractValidatorCompiler } from '@eduset/server';
 * const server = Fastify();
 * server.setValidatorCompiler(contractValidatorCompiler);
 * ```
 */
export const contractValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  if (!isZodSchema(schema)) {
    throw new TypeError(`Not a zod schema / Не схема zod: ${JSON.stringify(schema)}`);
  }
  return (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new ValidationError(result.error.issues.map((issue) => issueFromZod(issue))) };
  };
};

/**
 * Writes an answer with its declared core schema: the schema's JSON Schema (its output
 * side) compiled by fast-json-stringify, so only the declared fields leave the server
 * (nothing of a storage row that the contract does not name) and serialization is faster
 * than `JSON.stringify`. A schema fast-json-stringify cannot compile falls back to
 * `JSON.stringify`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { contractSerializerCompiler } from '@eduset/server';
 * const server = Fastify();
 * server.setSerializerCompiler(contractSerializerCompiler);
 * ```
 */
export const contractSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (!isZodSchema(schema)) return (data: unknown) => JSON.stringify(data);
  try {
    const json = z.toJSONSchema(schema, {
      io: 'output',
      unrepresentable: 'any',
      target: 'draft-07',
    }) as Parameters<typeof build>[0];
    return build(json) as (data: unknown) => string;
  } catch {
    return (data: unknown) => JSON.stringify(data);
  }
};

/**
 * Where the API describes itself: the OpenAPI document and the readable page.
 *
 * @example
 * ```ts
 * import { apiDocsPaths } from '@eduset/server';
 * apiDocsPaths.openapi; // '/api/openapi.json'
 * ```
 */
export const apiDocsPaths = { openapi: '/api/openapi.json', page: '/api/docs' } as const;

/**
 * Declares the contracts on the server: request parts are validated and answers written with
 * the core schemas each route declares (`schema: { querystring, body, params, response }`),
 * and the OpenAPI 3 document generated from them is served at `GET /api/openapi.json`, with
 * a readable page (Swagger UI) at `/api/docs`. The page loads only its own scripts and
 * styles, so it works under the server's Content-Security-Policy unchanged. Register it
 * before any route.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { registerAccess, registerContracts } from '@eduset/server';
 * const server = Fastify();
 * registerAccess(server);
 * registerContracts(server, '0.1.0');
 * ```
 */
export function registerContracts(server: FastifyInstance, version: string): void {
  server.setValidatorCompiler(contractValidatorCompiler);
  server.setSerializerCompiler(contractSerializerCompiler);
  void server.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'eduset API',
        description:
          'API муниципальной сети образования (запись на консультации, сеть, показатели, школы, ' +
          'курсы, сертификаты). Ошибки: `{ error: { code, message: { ru, en }, issues } }`. / ' +
          'The API of a municipal education network (booking, the network, indicators, ' +
          'schools, courses, certificates). Errors: `{ error: { code, message: { ru, en }, issues } }`.',
        version,
      },
    },
    transform: jsonSchemaTransform,
  });
  void server.register(async (docs) => {
    markRoutesPublic(docs);
    docs.get(apiDocsPaths.openapi, { schema: { hide: true } }, async () => server.swagger());
    await docs.register(fastifySwaggerUi, {
      routePrefix: apiDocsPaths.page,
      uiConfig: { validatorUrl: null, deepLinking: false },
      staticCSP: false,
    });
  });
}

/**
 * Puts a Fastify scope (a feature's plugin) under the contracts: its routes are validated
 * and serialized with the core schemas they declare, typed by them (`ZodTypeProvider`).
 * Each feature plugin calls it first, so it also works registered on a bare Fastify.
 *
 * @example
 * ```ts
 * import type { FastifyInstance } from 'fastify';
 * import { networkQueryOnlySchema } from '@eduset/core';
 * import { withContracts } from '@eduset/server';
 * const routes = async (plain: FastifyInstance) => {
 *   const api = withContracts(plain);
 *   api.get('/api/x', { schema: { querystring: networkQueryOnlySchema } }, async (request) => request.query);
 * };
 * ```
 */
export function withContracts(scope: FastifyInstance): ZodScope {
  scope.setValidatorCompiler(contractValidatorCompiler);
  scope.setSerializerCompiler(contractSerializerCompiler);
  return scope.withTypeProvider<ZodTypeProvider>();
}
