/** A query value as the resource methods accept it. */
export type QueryValue =
  string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/**
 * Serializes a query object the way the Sessions API reads it: arrays as repeated parameters
 * (`kind=flow&kind=chat`, never `kind[]=` or commas, so any value may contain a comma), booleans
 * as `true`/`false`, and undefined or null fields left out. Keys keep their insertion order so a
 * URL is stable for caches and logs.
 */
export function toSearchParams(query: Readonly<Record<string, QueryValue>> | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (!query) return params;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number | boolean)[]) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  return params;
}
