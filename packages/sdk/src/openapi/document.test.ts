import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { routes } from '../contract/routes.js';
import { buildOpenApiDocument } from './document.js';

type Doc = {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: object }>>;
  components: { schemas: Record<string, unknown> };
};

const committedPath = fileURLToPath(new URL('../../../../docs/openapi.json', import.meta.url));

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    // structuredClone: the validator dereferences in place.
    const result = await validate(structuredClone(buildOpenApiDocument()) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it('has an operation for every route of the contract', () => {
    const doc = buildOpenApiDocument() as Doc;
    for (const route of Object.values(routes)) {
      expect(doc.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    const list = doc.paths['/v1/sessions']!.get!;
    expect(list.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['kind', 'owner', 'status', 'scope', 'q', 'active', 'limit', 'cursor']),
    );
    expect(Object.keys(list.responses)).toEqual(['200', '400', '401', '403']);
    expect(doc.paths['/v1/sessions/{id}/activity']!.post!.parameters?.map((p) => p.name)).toContain(
      'Idempotency-Key',
    );
  });

  it('describes responses loosely, so a server adding a field stays within the contract', () => {
    const doc = JSON.stringify(buildOpenApiDocument());
    expect(doc).not.toContain('"additionalProperties":false');
    expect((buildOpenApiDocument() as Doc).components.schemas.Session).toBeDefined();
  });

  it('is regenerated identically to the committed docs/openapi.json', async () => {
    const committed = await readFile(committedPath, 'utf8');
    expect(committed).toBe(`${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
  });
});
