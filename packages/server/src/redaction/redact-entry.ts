import type { TranscriptEntryInput } from '@session-lens/sdk';
import { redactMany, redactText } from './redact-text.js';

type Container = unknown[] | Record<string, unknown>;

/** Arrays and plain objects are walked; anything else (numbers, dates, class instances) is kept. */
const isContainer = (value: unknown): value is Container => {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Sets `key` as an own data property, so that a JSON key `__proto__` stays a key, not a prototype. */
const setOwn = (target: Container, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/** The text a string value is scanned after: its key, as in the JSON it came from. */
const keyContext = (key: string | undefined): string => (key === undefined ? '' : `${JSON.stringify(key)}: `);

/**
 * Returns a copy of a JSON value with every string value redacted; object keys are kept as they
 * are, but each value is scanned after its key, so `{ "AWS_SECRET_ACCESS_KEY": "…" }` or
 * `{ "Authorization": "Bearer …" }` is recognised as it would be in a file. The walk is
 * iterative, so a deeply nested payload cannot overflow the stack, and tracks what it has
 * copied, so a cycle (possible from in-process callers) cannot loop.
 */
export const redactJson = async (root: unknown): Promise<unknown> => {
  if (typeof root === 'string') return redactText(root);
  if (!isContainer(root)) return root;

  // First collect the distinct (key, string) pairs: tool payloads repeat values, and each pair
  // is scanned once.
  const pairs = new Map<string, { context: string; text: string }>();
  const pairId = (context: string, text: string): string => `${context}\u0000${text}`;
  const seen = new Set<Container>([root]);
  const toVisit: Container[] = [root];
  for (let node = toVisit.pop(); node !== undefined; node = toVisit.pop()) {
    const inArray = Array.isArray(node);
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === 'string') {
        const context = keyContext(inArray ? undefined : key);
        pairs.set(pairId(context, child), { context, text: child });
      } else if (isContainer(child) && !seen.has(child)) {
        seen.add(child);
        toVisit.push(child);
      }
    }
  }
  const ids = [...pairs.keys()];
  const texts = await redactMany([...pairs.values()]);
  const redacted = new Map(ids.map((id, position) => [id, texts[position] ?? '']));

  // Then rebuild the same shape with the redacted strings.
  const copies = new Map<Container, Container>();
  const toFill: [Container, Container][] = [];
  const copyOf = (value: unknown, key: string | undefined): unknown => {
    if (typeof value === 'string') return redacted.get(pairId(keyContext(key), value)) ?? value;
    if (!isContainer(value)) return value;
    let copy = copies.get(value);
    if (copy === undefined) {
      copy = Array.isArray(value) ? new Array<unknown>(value.length) : {};
      copies.set(value, copy);
      toFill.push([value, copy]);
    }
    return copy;
  };
  const rootCopy = copyOf(root, undefined);
  for (let pair = toFill.pop(); pair !== undefined; pair = toFill.pop()) {
    const [source, copy] = pair;
    const inArray = Array.isArray(source);
    for (const [key, child] of Object.entries(source))
      setOwn(copy, key, copyOf(child, inArray ? undefined : key));
  }
  return rootCopy;
};

const redactNullable = async (text: string | null): Promise<string | null> =>
  text === null ? null : redactText(text);

const redactAnyEntry = async (entry: TranscriptEntryInput): Promise<TranscriptEntryInput> => {
  switch (entry.type) {
    case 'message':
      return { ...entry, text: await redactText(entry.text) };
    case 'tool_call': {
      const copy = { ...entry, arguments: await redactJson(entry.arguments) };
      // Keep an absent result absent rather than present-and-undefined.
      if ('result' in entry) copy.result = await redactJson(entry.result);
      return copy;
    }
    case 'file_edit':
      return {
        ...entry,
        before: await redactNullable(entry.before),
        after: await redactNullable(entry.after),
      };
    case 'step':
      return { ...entry, name: await redactText(entry.name) };
    default:
      // Not a known entry type (the schema rejects these before ingestion): nothing to walk.
      return { ...(entry as TranscriptEntryInput) };
  }
};

/**
 * Returns a copy of a transcript entry (S6) with its secrets redacted (X4): a message's text, a
 * tool call's arguments and result (every string inside the JSON, at any depth; keys are kept),
 * a file edit's before and after, a step's name. Every other field (type, role, status, path,
 * at) is copied unchanged. See {@link redactText} for what counts as a secret and the marker.
 *
 * @param entry - an entry as an agent runtime sends it; it is not modified
 * @returns a new entry of the same type
 */
export const redactEntry = async <T extends TranscriptEntryInput>(entry: T): Promise<T> =>
  // The copy has the same type and every field of `entry`; only string values differ.
  (await redactAnyEntry(entry)) as T;
