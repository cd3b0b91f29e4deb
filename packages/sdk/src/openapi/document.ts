import * as z from 'zod/mini';
import { $ZodType } from 'zod/v4/core';
import * as contract from '../contract/index.js';
import { routes, type Route, type RouteName } from '../contract/routes.js';
import { operations } from './operations.js';
// Names the contract's schemas (components) in zod's global registry, which idOf reads.
import './components.js';

export { operations, type OperationText } from './operations.js';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

/** Options for {@link buildOpenApiDocument}. */
export type OpenApiOptions = {
  /** The document's `info.version` (the API's version, 1.0.0 by default). */
  version?: string;
  /** Server URLs to list. */
  servers?: string[];
};

const PROBLEM_TITLES: Record<number, string> = {
  400: 'The request is invalid; `errors` names each invalid field by path.',
  401: 'No token, or the token is unknown or expired.',
  403: 'The token lacks a scope this needs, or asks for more than its embed lock allows.',
  404: 'No such session, or the caller may not see it.',
  409: 'The session is not in a state that allows this; `currentStatus` says which it is in.',
  429: 'Too many requests; retry after the `Retry-After` header.',
  503: 'Not ready (database unreachable, migrations pending) or shutting down; retry after the `Retry-After` header, or on another instance.',
};

/** The component name a contract schema registered in zod's global registry, if any. */
const idOf = (schema: $ZodType): string | undefined => z.globalRegistry.get(schema)?.id;

/** Every named schema of the contract: exported, with an `id` in its metadata. */
function namedSchemas(): Map<string, z.ZodMiniType> {
  const named = new Map<string, z.ZodMiniType>();
  for (const value of Object.values(contract)) {
    if (value instanceof $ZodType) {
      const id = idOf(value);
      if (typeof id === 'string') named.set(id, value);
    }
  }
  return named;
}

/**
 * The unnamed parts of each route, named `<operationId>.<part>` so one conversion covers them
 * all. Named schemas are left out: they are referenced as components.
 */
function routeParts(): Map<string, z.ZodMiniType> {
  const parts = new Map<string, z.ZodMiniType>();
  for (const [name, route] of Object.entries(routes) as Array<[RouteName, Route]>) {
    const { operationId } = operations[name];
    const candidates: Array<[string, z.ZodMiniType | undefined]> = [
      ['params', route.params],
      ['query', route.query],
      ['body', route.body],
      ['response', 'schema' in route.response ? route.response.schema : undefined],
    ];
    for (const [part, schema] of candidates) {
      if (schema && idOf(schema) === undefined) parts.set(`${operationId}.${part}`, schema);
    }
  }
  return parts;
}

/** The JSON Schema of a route part: a `$ref` when the schema is a named component. */
function partSchema(
  schema: z.ZodMiniType,
  partId: string,
  view: Record<string, JsonSchema>,
  nameOf: (id: string) => string,
): JsonSchema {
  const id = idOf(schema);
  if (typeof id === 'string') return { $ref: `#/components/schemas/${nameOf(id)}` };
  return view[partId]!;
}

function convert(
  schemas: Map<string, z.ZodMiniType>,
  io: 'input' | 'output',
  nameOf: (id: string) => string,
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of schemas) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `#/components/schemas/${nameOf(id)}`,
    unrepresentable: 'any',
    // The contract parses objects loosely (a newer peer may add fields), so the document must
    // not promise `additionalProperties: false` either.
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(converted)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return converted;
}

/**
 * Builds the OpenAPI 3.1 document of the Sessions API from the contract's zod schemas and route
 * table (S10): the one source every wire type comes from.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): Record<string, unknown> {
  const named = namedSchemas();
  const parts = routeParts();
  const all = new Map([...named, ...parts]);

  // Requests are described as callers send them (`io: input`: defaults optional), responses as
  // servers send them. A named schema whose two views differ gets an `Input` twin.
  const outputView = convert(all, 'output', (id) => id);
  const firstInput = convert(all, 'input', (id) => id);
  const differs = new Set(
    [...named.keys()].filter((id) => JSON.stringify(firstInput[id]) !== JSON.stringify(outputView[id])),
  );
  const inputName = (id: string) => (differs.has(id) ? `${id}Input` : id);
  const inputView = convert(all, 'input', inputName);

  const components: Record<string, JsonSchema> = {};
  for (const id of [...named.keys()].sort()) {
    components[id] = outputView[id]!;
    if (differs.has(id)) components[inputName(id)] = inputView[id]!;
  }
  if (outputView.__shared || inputView.__shared) {
    throw new Error('A named schema is nested in the contract but not exported from it');
  }

  const paths: Record<string, Record<string, Operation>> = {};
  for (const [name, route] of Object.entries(routes) as Array<[RouteName, Route]>) {
    const text = operations[name];
    const { operationId } = text;
    const operation: Operation = {
      operationId,
      summary: text.summary,
      ...(text.description ? { description: text.description } : {}),
      tags: [text.tag],
      ...(route.auth === false ? { security: [] } : {}),
      ...(route.scopes.length ? { 'x-required-scopes': route.scopes } : {}),
    };
    const parameters: unknown[] = [];
    for (const location of ['params', 'query'] as const) {
      const zodSchema = route[location];
      if (!zodSchema) continue;
      // Parameters are listed one by one, so a named object is expanded from its input view.
      const id = idOf(zodSchema);
      const schema = (typeof id === 'string' ? inputView[id] : inputView[`${operationId}.${location}`]) as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const { description, ...propertySchema } = property;
        parameters.push({
          name,
          in: location === 'params' ? 'path' : 'query',
          required: location === 'params' || (schema.required ?? []).includes(name),
          ...(description ? { description } : {}),
          schema: propertySchema,
          ...(propertySchema.type === 'array' ? { style: 'form', explode: true } : {}),
        });
      }
    }
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Makes a retried request a no-op: the first response is replayed.',
        schema: { type: 'string', minLength: 1, maxLength: contract.IDEMPOTENCY_KEY_MAX_LENGTH },
      });
    }
    if (parameters.length) operation.parameters = parameters;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: partSchema(route.body, `${operationId}.body`, inputView, inputName),
          },
        },
      };
    }
    const responses: Record<string, unknown> = {};
    if ('stream' in route.response) {
      responses['200'] = {
        description: 'A Server-Sent Events stream (see the operation description for its events).',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      };
    } else if ('media' in route.response) {
      responses['200'] = {
        description: 'A file, streamed (see the operation description for its format).',
        headers: {
          'Content-Disposition': { schema: { type: 'string' }, description: 'attachment, with a file name' },
        },
        content: Object.fromEntries(
          route.response.media.map((type) => [type, { schema: { type: 'string' } }]),
        ),
      };
    } else {
      responses[String(route.response.status)] = {
        description: text.summary,
        content: {
          'application/json': {
            schema: partSchema(route.response.schema, `${operationId}.response`, outputView, (id) => id),
          },
        },
      };
    }
    const problems = [
      ...(route.body || route.query || route.params ? [400] : []),
      ...(route.auth === false ? [] : [401]),
      ...route.problems,
    ];
    for (const status of problems)
      responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
    operation.responses = responses;
    (paths[route.path] ??= {})[route.method] = operation;
  }

  const problemResponses = Object.fromEntries(
    Object.entries(PROBLEM_TITLES).map(([status, description]) => [
      `Problem${status}`,
      {
        description,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Session Lens Sessions API',
      version: options.version ?? '1.0.0',
      description:
        'Sessions API of Session Lens: an index of AI-agent work (flows, tasks, chats, assessments) with a live stream. ' +
        'Generated from the zod schemas of @session-lens/sdk; do not edit by hand.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.servers ? { servers: options.servers.map((url) => ({ url })) } : {}),
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Sessions', description: 'The session index and its actions.' },
      { name: 'Stream', description: 'The live stream of session changes.' },
      { name: 'Views', description: 'Saved views: named list filters, private or shared.' },
      { name: 'Workspace', description: 'Members, identity and embed tokens.' },
      { name: 'Service', description: 'Operational endpoints.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token or an embed token.' },
      },
      schemas: components,
      responses: problemResponses,
    },
  };
}
