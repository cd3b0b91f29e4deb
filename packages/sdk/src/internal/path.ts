/**
 * Fills `{name}` placeholders of a route path with URI-encoded values, so an id with a slash or
 * a question mark can never reach another endpoint.
 */
export function fillPath(template: string, params: Readonly<Record<string, string>> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
}
