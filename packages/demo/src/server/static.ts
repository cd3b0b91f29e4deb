import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves a built single-page app from `root`: a file when the path names one inside it, else
 * `index.html` (the page reads its route from the URL). Hashed assets are cached for a year.
 */
export function staticSite(root: string): (path: string) => Promise<Response | undefined> {
  const base = normalize(root) + sep;
  return async (path) => {
    let relative: string;
    try {
      relative = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    const file = normalize(join(base, relative));
    if (file.startsWith(base) && relative.length > 0) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) {
        return new Response(await readFile(file), {
          headers: {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': relative.startsWith('assets/')
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          },
        });
      }
      // A missing asset is a 404, not the page.
      if (extname(relative) !== '') return undefined;
    }
    const index = await readFile(join(base, 'index.html')).catch(() => undefined);
    if (!index) return undefined;
    return new Response(index, {
      headers: { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-cache' },
    });
  };
}
