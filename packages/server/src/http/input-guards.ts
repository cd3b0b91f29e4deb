import type { ProblemFieldError } from '@session-lens/sdk/contract';
import { invalid } from './problem.js';

/**
 * How deep any JSON body may nest, counting every object and array from the body itself. The
 * contract allows tool-call `arguments` and `result` 64 levels (`MAX_JSON_VALUE_DEPTH`) inside a
 * batch that is itself a few levels deep; anything past this is refused before a schema, a
 * serializer or PostgreSQL walks it recursively.
 */
export const MAX_BODY_DEPTH = 100;

/** At most this many offending fields are named in one 400. */
const MAX_REPORTED = 20;

// A UTF-16 surrogate not part of a pair. PostgreSQL cannot store it (nor NUL) in text or jsonb.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, if it cannot. */
export function badText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'NUL characters are not allowed';
  if (LONE_SURROGATE.test(text))
    return 'Lone UTF-16 surrogates are not allowed (the text is not valid Unicode)';
  return undefined;
}

/**
 * Every string (and object key) in a JSON value that PostgreSQL could not store, and the first
 * place the value nests deeper than {@link MAX_BODY_DEPTH}, as field errors under `prefix`.
 * Iterative, so a hostile depth cannot overflow the stack.
 */
export function jsonTextErrors(value: unknown, prefix: string): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: prefix, depth: 0 }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const message = badText(current);
      if (message) errors.push({ path, message });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      errors.push({ path, message: `Nested deeper than ${MAX_BODY_DEPTH} levels` });
      continue;
    }
    const entries = Array.isArray(current)
      ? current.map((item, index) => [String(index), item] as const)
      : Object.entries(current);
    for (const [key, item] of entries) {
      const keyProblem = badText(key);
      if (keyProblem) {
        errors.push({ path, message: `A key: ${keyProblem}` });
        continue;
      }
      stack.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return errors;
}

/** Throws a 400 naming every string or key of a parsed JSON body that cannot be stored. */
export function rejectBadJson(value: unknown, prefix = 'body'): void {
  const errors = jsonTextErrors(value, prefix);
  if (errors.length > 0) throw invalid(errors);
}

/**
 * Throws a 400 when a path parameter or a query parameter (name or value) holds a NUL or a lone
 * surrogate: such a string can match nothing and PostgreSQL refuses it as a parameter.
 */
export function rejectBadRequestText(params: Record<string, string>, query: URLSearchParams): void {
  const errors: ProblemFieldError[] = [];
  for (const [name, value] of Object.entries(params)) {
    const message = badText(value);
    if (message) errors.push({ path: `params.${name}`, message });
  }
  for (const [name, value] of query) {
    const message = badText(name) ?? badText(value);
    if (message) errors.push({ path: `query.${badText(name) ? '?' : name}`, message });
  }
  if (errors.length > 0) throw invalid(errors.slice(0, MAX_REPORTED));
}
