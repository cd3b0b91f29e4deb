import { z } from 'zod/mini';
import { en } from 'zod/locales';
import type { ProblemFieldError } from '@session-lens/sdk/contract';
import { invalid } from './problem.js';

// The contract is written with zod/mini (small in the browser), which loads no message locale:
// its default message is a bare "Invalid input". A 400 must say what is wrong, in English.
z.config(en());

type Def = {
  type: string;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
};

function defOf(schema: z.ZodMiniType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under optional/default/nullable wrappers. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      current = def.innerType;
    } else return current;
  }
}

/** Zod issues as problem field errors, prefixed with where the input came from. */
export function fieldErrors(prefix: string, issues: readonly z.core.$ZodIssue[]): ProblemFieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Parses `value` with `schema`, or throws a 400 problem naming each invalid field. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  prefix: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(fieldErrors(prefix, result.error.issues));
  return result.data;
}

/**
 * Turns a query string into the input its schema expects: parameters declared as arrays keep
 * every value (repeatable filters); numbers and booleans are converted from their text only when
 * the text is a plain number or `true`/`false`, so anything else still fails validation with a
 * message that names the parameter. A scalar parameter given twice is passed as an array and so
 * is rejected rather than silently truncated. Unknown parameters are rejected too: a typo such as
 * `?stauts=running` must not quietly return everything.
 */
export function coerceQuery(
  schema: z.ZodMiniObject,
  params: URLSearchParams,
): { input: Record<string, unknown>; errors: ProblemFieldError[] } {
  const shape = schema.shape as Record<string, z.ZodMiniType>;
  const input: Record<string, unknown> = {};
  const errors: ProblemFieldError[] = [];
  for (const key of new Set(params.keys())) {
    const field = shape[key];
    if (!field) {
      errors.push({ path: `query.${key}`, message: 'Unknown query parameter' });
      continue;
    }
    const values = params.getAll(key);
    const inner = unwrap(field);
    const type = defOf(inner).type;
    if (type === 'array') {
      const element = defOf(unwrap(defOf(inner).element as z.ZodMiniType)).type;
      // `?kind=flow,chat` is accepted as well as `?kind=flow&kind=chat`.
      const split = values.flatMap((value) => value.split(',')).filter((value) => value !== '');
      input[key] = split.map((value) => convert(element, value));
      continue;
    }
    input[key] =
      values.length > 1 ? values.map((value) => convert(type, value)) : convert(type, values[0] ?? '');
  }
  return { input, errors };
}

function convert(type: string, value: string): unknown {
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean') {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
  }
  return value;
}
