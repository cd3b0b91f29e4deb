// @ts-check
/**
 * Minifies the CSS inside Lit's css`…` literals of the compiled package (`dist/**\/*.js`), after
 * `tsc --build`: comments go, whitespace runs shrink to one character, the spaces around
 * `{`, `}`, `;` and `,` go, and so does a `;` before `}`. Hosts bundle `dist/`, and no bundler
 * touches the inside of a template literal, so this is the only place the bytes can go (X6: about
 * 0.6 KB min+gzip of `define.js`). A whitespace run that holds line breaks becomes those line
 * breaks, so every line of code keeps its line and the source maps stay true.
 *
 * What it does not touch: anything inside `${…}`, quoted strings, and the spaces around `:` and
 * `>` (in a selector they are part of its meaning).
 *
 *   node scripts/minify-css.mjs           rewrites dist/ in place (build:assets runs it)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CSS text `css` minified as above; line breaks kept.
 * @param {string} css
 */
export function minifyCss(css) {
  let out = '';
  // Quoted strings pass through untouched; comments become the line breaks they held.
  for (const [index, part] of css.split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/).entries()) {
    if (index % 2 === 1) {
      out += part;
      continue;
    }
    out += part
      .replace(/\/\*[\s\S]*?\*\//g, (comment) => '\n'.repeat(comment.split('\n').length - 1) || ' ')
      .replace(/\s+/g, (run) => '\n'.repeat(run.split('\n').length - 1) || ' ')
      .replace(/[ ]*([{};,])[ ]*/g, '$1')
      .replace(/;(\n*)}/g, '$1}');
  }
  return out;
}

/** A css`…` or css `…` literal (tsc writes the space) with no interpolation or nested backtick. */
const CSS_LITERAL = /\bcss ?`([^`$\\]*(?:(?:\\.|\$(?!\{))[^`$\\]*)*)`/g;

/**
 * `source` with the CSS of each css literal minified. A literal with `${…}` is left as it is.
 * @param {string} source
 */
export function minifyCssLiterals(source) {
  return source.replace(CSS_LITERAL, (_literal, css) => `css\`${minifyCss(css)}\``);
}

/** Every `.js` file under `dir`. @param {string} dir @returns {Promise<string[]>} */
async function scripts(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  let saved = 0;
  for (const file of await scripts(dist)) {
    if (file.includes('/embed/')) continue;
    const source = await readFile(file, 'utf8');
    const minified = minifyCssLiterals(source);
    if (minified === source) continue;
    saved += source.length - minified.length;
    await writeFile(file, minified);
  }
  console.log(`minify-css: ${saved} bytes of CSS whitespace and comments out of dist/`);
}
