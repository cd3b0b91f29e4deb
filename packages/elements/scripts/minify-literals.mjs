// @ts-check
/**
 * Minifies the text of Lit's template literals in the compiled package (`dist/**\/*.js`), after
 * `tsc --build`. Hosts bundle `dist/`, and no bundler touches the inside of a template literal, so
 * this is the only place the bytes can go (X6).
 *
 * - css`…`: the CSS minifier of `minify-css.mjs`, then its line breaks become spaces and the
 *   space after a declaration's `:` goes.
 * - html`…` and svg`…`: every whitespace run between tags and attributes shrinks to one space
 *   (a run before `>` goes), except inside quoted attribute values, comments, `<style>` and
 *   `<script>`, and inside any element whose whitespace is shown — `<pre>`, `<textarea>` and every
 *   element that a css literal of the package gives `white-space: pre…` by its tag or class.
 *   A whitespace-only text node stays a one-space text node, so nothing renders differently.
 *
 * The template source is found by the TypeScript parser, so literals with `${…}` (and templates
 * nested inside them) are minified too; nothing inside `${…}` changes. The line breaks a literal
 * loses are written back where they cost nothing after a host's minifier: right after the `${`
 * that ends a part, or after the closing backtick. So every line of code keeps its line and the
 * source maps stay true.
 *
 *   node scripts/minify-literals.mjs      rewrites dist/ in place (build:assets runs it)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The workspace's own TypeScript (the root's devDependency, which compiles this package).
import ts from 'typescript';
import { minifyCss } from './minify-css.mjs';

/** Elements whose content whitespace shows whatever the CSS says. */
const ALWAYS_PRESERVED = ['pre', 'textarea'];

/** Elements that never have content (no end tag follows). */
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/** Elements whose content is not HTML: left as written. */
const RAW_TEXT = new Set(['script', 'style']);

const lineBreaks = (/** @type {string} */ text) => text.split('\n').length - 1;

/**
 * One static part of a css literal minified: `minifyCss`, then no line breaks, and no space
 * after the `:` of a declaration (a `:` right after `{`, `;` or `}` and a property name: in a
 * selector a `:` is never followed by a space). A declaration that starts right after a `${…}` keeps
 * its space: what came before it is not known here.
 * @param {string} css
 */
export function minifyCssPart(css) {
  let out = '';
  for (const [index, part] of minifyCss(css)
    .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)
    .entries()) {
    out +=
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/;}/g, '}')
            .replace(/([{};])(-{0,2}[a-zA-Z_][\w-]*): /g, '$1$2:');
  }
  return out;
}

/**
 * Which tags and classes a stylesheet shows whitespace in (`white-space: pre`, `pre-wrap`,
 * `pre-line`, `break-spaces`). A rule whose selector names neither (`:host`, `*`, an attribute
 * alone) cannot be mapped to template elements: that is an error, so the minifier never guesses.
 * @param {string} css minified CSS (one literal)
 * @returns {{ tags: string[], classes: string[] }}
 */
export function whitespaceSelectors(css) {
  const tags = [];
  const classes = [];
  for (const match of css.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    if (!/white-space:\s*(pre|pre-wrap|pre-line|break-spaces)\b/.test(match[2] ?? '')) continue;
    for (const selector of (match[1] ?? '').split(',')) {
      const last =
        selector
          .trim()
          .split(/[\s>+~]+/)
          .pop() ?? '';
      const tag = /^[a-z][a-z0-9-]*/.exec(last)?.[0];
      const classNames = [...last.matchAll(/\.([\w-]+)/g)].map((m) => m[1] ?? '');
      if (!tag && classNames.length === 0) {
        throw new Error(
          `minify-literals: cannot tell which elements "${selector.trim()}" keeps whitespace in`,
        );
      }
      if (tag) tags.push(tag);
      classes.push(...classNames);
    }
  }
  return { tags, classes };
}

/**
 * @typedef {{ tags: ReadonlySet<string>, classes: ReadonlySet<string> }} Preserved
 * @typedef {{ name: string, preserve: boolean }} Open
 */

/**
 * The static parts of one html (or svg) literal, minified as described above. `parts[i]` is the
 * raw text between the `${…}` expressions; the HTML state carries from one part to the next.
 * @param {readonly string[]} parts
 * @param {Preserved} preserved
 * @returns {string[]}
 */
export function minifyHtmlParts(parts, preserved) {
  /** @type {Open[]} */
  const stack = [];
  /** @type {'text' | 'tag' | 'quoted' | 'comment' | 'raw'} */
  let mode = 'text';
  let quote = '';
  let rawEnd = '';
  /** The tag being read: its name, whether it is an end tag, whether it keeps whitespace. */
  let tag = { name: '', end: false, preserve: false };
  /** The static text of a class attribute being read (undefined when not in one). */
  let classValue = /** @type {string | undefined} */ (undefined);
  const preserving = () => stack.some((open) => open.preserve);
  const keepsWhitespace = (/** @type {string} */ value) =>
    value.split(/\s+/).some((name) => preserved.classes.has(name));

  return parts.map((part, partIndex) => {
    let out = '';
    let i = 0;
    if (partIndex > 0) {
      // An expression stood before this part: an unquoted class value, or one inside quotes.
      if (mode === 'tag' && /\bclass=$/.test(parts[partIndex - 1] ?? '')) tag.preserve = true;
      if (mode === 'quoted' && classValue !== undefined) tag.preserve = true;
    }
    while (i < part.length) {
      const ch = part[i] ?? '';
      if (ch === '\\') {
        // An escape (a line continuation too) is kept whole.
        out += part.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (mode === 'quoted') {
        if (ch === quote) {
          mode = 'tag';
          if (classValue !== undefined && keepsWhitespace(classValue)) tag.preserve = true;
          classValue = undefined;
        } else if (classValue !== undefined) classValue += ch;
        out += ch;
        i += 1;
        continue;
      }
      if (mode === 'comment' || mode === 'raw') {
        const end = mode === 'comment' ? '-->' : `</${rawEnd}`;
        const at = part.indexOf(end, i);
        if (at === -1) {
          out += part.slice(i);
          break;
        }
        out += part.slice(i, at + end.length);
        i = at + end.length;
        mode = mode === 'comment' ? 'text' : 'tag';
        if (mode === 'tag') tag = { name: rawEnd, end: true, preserve: false };
        continue;
      }
      const space = /^\s+/.exec(part.slice(i))?.[0];
      if (space) {
        i += space.length;
        if (mode === 'text') {
          out += preserving() ? space : ' ';
        } else {
          // Inside a tag: one space between attributes, none before `>` or `/>` — unless an
          // expression is next to it (an unquoted value ends at the space).
          const next = part.slice(i, i + 2);
          const closes = next.startsWith('>') || next === '/>';
          out += closes && out !== '' ? '' : ' ';
        }
        continue;
      }
      if (mode === 'text') {
        const start = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(part.slice(i));
        if (part.startsWith('<!--', i)) {
          mode = 'comment';
          out += '<!--';
          i += 4;
          continue;
        }
        if (start) {
          const name = (start[2] ?? '').toLowerCase();
          tag = { name, end: start[1] === '/', preserve: preserved.tags.has(name) };
          mode = 'tag';
          out += start[0];
          i += start[0].length;
          continue;
        }
        out += ch;
        i += 1;
        continue;
      }
      // mode === 'tag'
      if (ch === '"' || ch === "'") {
        mode = 'quoted';
        quote = ch;
        classValue =
          /\bclass=$/.test(out) || (out === '' && /\bclass=$/.test(parts[partIndex - 1] ?? ''))
            ? ''
            : undefined;
        out += ch;
        i += 1;
        continue;
      }
      if (ch === '>') {
        const selfClosing = out.endsWith('/');
        if (tag.end) {
          const at = stack.map((open) => open.name).lastIndexOf(tag.name);
          if (at !== -1) stack.length = at;
          mode = 'text';
        } else if (RAW_TEXT.has(tag.name)) {
          mode = 'raw';
          rawEnd = tag.name;
        } else {
          if (!VOID.has(tag.name) && !selfClosing) stack.push({ name: tag.name, preserve: tag.preserve });
          mode = 'text';
        }
        out += ch;
        i += 1;
        continue;
      }
      out += ch;
      i += 1;
    }
    return out;
  });
}

/**
 * The tagged templates of a script whose tag is `html`, `svg` or `css`, each as its static parts:
 * the source range of each part's text and the text that closes it in the source (`${` or `` ` ``).
 * @param {string} source
 * @returns {Array<{ tag: string, parts: Array<{ start: number, end: number, close: number }> }>}
 */
function taggedTemplates(source) {
  const file = ts.createSourceFile('module.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** @type {Array<{ tag: string, parts: Array<{ start: number, end: number, close: number }> }>} */
  const found = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      /^(html|svg|css)$/.test(node.tag.text)
    ) {
      const template = node.template;
      const tokens = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      found.push({
        tag: node.tag.text,
        parts: tokens.map((token) => {
          const start = token.getStart(file) + 1;
          const closer = ts.isTemplateHead(token) || ts.isTemplateMiddle(token) ? 2 : 1;
          return { start, end: token.end - closer, close: token.end };
        }),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Every tag and class the css literals of `sources` show whitespace in, besides `<pre>` and
 * `<textarea>`.
 * @param {readonly string[]} sources
 * @returns {Preserved}
 */
export function preservedBy(sources) {
  const tags = new Set(ALWAYS_PRESERVED);
  const classes = new Set();
  for (const source of sources) {
    for (const template of taggedTemplates(source)) {
      if (template.tag !== 'css') continue;
      const css = template.parts.map((part) => minifyCssPart(source.slice(part.start, part.end))).join('');
      const found = whitespaceSelectors(css);
      for (const name of found.tags) tags.add(name);
      for (const name of found.classes) classes.add(name);
    }
  }
  return { tags, classes };
}

/**
 * `source` with the text of every html, svg and css literal minified; the line breaks a part
 * loses come right after it (after its `${`, or after the closing backtick).
 * @param {string} source
 * @param {Preserved} preserved
 */
export function minifyLiterals(source, preserved) {
  /** @type {Array<{ start: number, end: number, text: string }>} */
  const edits = [];
  for (const template of taggedTemplates(source)) {
    const raw = template.parts.map((part) => source.slice(part.start, part.end));
    const minified =
      template.tag === 'css' ? raw.map((part) => minifyCssPart(part)) : minifyHtmlParts(raw, preserved);
    template.parts.forEach((part, index) => {
      const before = raw[index] ?? '';
      const after = minified[index] ?? '';
      if (before === after) return;
      const moved = '\n'.repeat(lineBreaks(before) - lineBreaks(after));
      const closer = source.slice(part.end, part.close);
      edits.push({ start: part.start, end: part.close, text: `${after}${closer}${moved}` });
    });
  }
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
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
  const files = (await scripts(dist)).filter((file) => !file.includes('/embed/'));
  const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const preserved = preservedBy(sources);
  let saved = 0;
  for (const [index, file] of files.entries()) {
    const source = sources[index] ?? '';
    const minified = minifyLiterals(source, preserved);
    if (minified === source) continue;
    saved += source.length - minified.length;
    await writeFile(file, minified);
  }
  console.log(
    `minify-literals: ${saved} bytes of template whitespace out of dist/ ` +
      `(whitespace kept in ${[...preserved.tags].join(', ')} and .${[...preserved.classes].join(', .')})`,
  );
}
