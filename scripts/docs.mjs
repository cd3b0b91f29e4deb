// @ts-check
/**
 * The documentation site.
 *
 *   node scripts/docs.mjs            refresh the generated sections of docs/*.md, then build the
 *                                    site into docs/site/ (pages, OpenAPI viewer, screenshots, and
 *                                    the SDK reference and Storybook when they were built first)
 *   node scripts/docs.mjs --generate only refresh the generated sections (after changing an element)
 *   node scripts/docs.mjs --check    exit 1 when a generated section of docs/*.md is stale, or a
 *                                    design token has no description (run by `pnpm test`)
 *
 * Generated sections sit between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` and come
 * from the code: the design tokens from packages/elements/src/styles/tokens.ts, the elements'
 * attributes, properties, events, parts and CSS properties from custom-elements.json. Everything
 * else in docs/ is written by hand. `pnpm run docs` runs typedoc and build-storybook before this.
 */
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = `${root}docs/`;
const site = `${docs}site/`;
const check = process.argv.includes('--check');

/** What each public design token does. Every token in tokens.ts needs a line, and only those. */
const TOKEN_DESCRIPTIONS = {
  '--lens-font-family': 'Text font of every element.',
  '--lens-font-mono': 'Monospaced font (ids, tool calls, file edits).',
  '--lens-font-size': 'Base font size.',
  '--lens-font-size-small': 'Captions, timestamps and counts.',
  '--lens-radius': 'Corner radius of cards, rows and buttons.',
  '--lens-radius-pill': 'Corner radius of status pills and chips.',
  '--lens-space-xs': 'Smallest gap (inside pills).',
  '--lens-space-s': 'Gap between items of a row.',
  '--lens-space-m': 'Row and card padding.',
  '--lens-space-l': 'Gap between sections of the detail.',
  '--lens-color-surface': 'Background of cards, lists and the detail.',
  '--lens-color-surface-raised': 'Background of toolbars, popovers and transcript bubbles.',
  '--lens-color-surface-hover': 'Background of a hovered or expanded row.',
  '--lens-color-border': 'Borders and separators.',
  '--lens-color-text': 'Body text.',
  '--lens-color-text-muted': 'Secondary text: captions, times, counts.',
  '--lens-color-accent': 'Selected tab, links, primary buttons.',
  '--lens-color-focus': 'The focus ring.',
  '--lens-color-on-accent': 'Text on an accent background.',
  '--lens-color-live': 'Tone `live`: running, provisioning, streaming.',
  '--lens-color-queued': 'Tone `queued`: pending, queued.',
  '--lens-color-waiting': 'Tone `waiting`: paused, blocked, waiting, interrupted, pending review.',
  '--lens-color-settled': 'Tone `settled`: completed, merged, reviewed, ended, skipped, cancelled.',
  '--lens-color-problem': 'Tone `problem`: failed, rejected, discarded; errors.',
  '--lens-color-neutral': 'Tone `neutral`: a status this version does not know yet.',
  '--lens-color-info': 'Tone `info`: informational badges (an unpriced turn).',
};

/** @typedef {{ name: string, description?: string, type?: { text: string }, default?: string, fieldName?: string }} Member */
/** @typedef {{ tagName?: string, name: string, summary?: string, description?: string, attributes?: Member[], members?: (Member & { kind: string, privacy?: string, static?: boolean, readonly?: boolean })[], events?: Member[], cssParts?: Member[], cssProperties?: Member[], slots?: Member[] }} Declaration */

/**
 * Reads the design tokens and their dark and light defaults from the token stylesheet: the colour
 * tokens from its `palette` table (`['--_private', '--lens-token', 'dark', 'light']`), the others
 * (the same in both themes) from the `var(--lens-…, default)` declarations of `tokens`.
 */
async function readTokens() {
  const source = await readFile(`${root}packages/elements/src/styles/tokens.ts`, 'utf8');
  const paletteStart = source.indexOf('const palette');
  const tokensStart = source.indexOf('export const tokens');
  if (paletteStart < 0 || tokensStart < 0) throw new Error('tokens.ts: expected `palette` and `tokens`');
  /** @type {Map<string, { dark?: string, light?: string }>} */
  const tokens = new Map();
  const paletteRow = /\['--_[a-z0-9-]+',\s*'(--lens-[a-z0-9-]+)',\s*'([^']+)',\s*'([^']+)'\]/g;
  for (const [, name, dark, light] of source.slice(paletteStart, tokensStart).matchAll(paletteRow)) {
    tokens.set(name, { dark, light });
  }
  const declaration = /var\((--lens-[a-z0-9-]+),\s*([^;]+?)\);/g;
  for (const [, name, fallback] of source.slice(tokensStart).matchAll(declaration)) {
    if (!tokens.has(name)) tokens.set(name, { dark: fallback.trim(), light: fallback.trim() });
  }
  return tokens;
}

/** @returns {Promise<Declaration[]>} */
async function readElements() {
  const manifest = JSON.parse(await readFile(`${root}packages/elements/custom-elements.json`, 'utf8'));
  /** @type {Declaration[]} */
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) elements.push(declaration);
    }
  }
  return elements.sort((a, b) => String(a.tagName).localeCompare(String(b.tagName)));
}

/** Escapes a table cell. */
const cell = (/** @type {string | undefined} */ text) =>
  (text ?? '').replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim() || '—';
const code = (/** @type {string | undefined} */ text) => (text ? `\`${text.replace(/\|/g, '\\|')}\`` : '—');

/** @param {string[]} header @param {string[][]} rows */
function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** @param {Map<string, { dark?: string, light?: string }>} tokens @param {Declaration[]} elements */
function tokensSection(tokens, elements) {
  const rows = [...tokens].map(([name, { dark, light }]) => [
    code(name),
    cell(TOKEN_DESCRIPTIONS[/** @type {keyof typeof TOKEN_DESCRIPTIONS} */ (name)]),
    code(dark),
    code(light ?? dark),
  ]);
  const shared = new Set(tokens.keys());
  /** @type {Map<string, { description?: string, tags: string[] }>} */
  const own = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      if (shared.has(property.name)) continue;
      const entry = own.get(property.name) ?? { description: property.description, tags: [] };
      entry.tags.push(`\`<${element.tagName}>\``);
      own.set(property.name, entry);
    }
  }
  const elementRows = [...own].map(([name, { description, tags }]) => [
    code(name),
    cell(tags.join(', ')),
    cell(description),
  ]);
  return [
    table(['token', 'what it styles', 'dark (default)', 'light'], rows),
    '',
    'Element-specific properties:',
    '',
    table(['property', 'element', 'what it does'], elementRows),
  ].join('\n');
}

/** @param {Declaration[]} elements */
function eventsSection(elements) {
  /** @type {Map<string, { type?: string, description?: string, tags: string[] }>} */
  const events = new Map();
  for (const element of elements) {
    for (const event of element.events ?? []) {
      const entry = events.get(event.name) ?? {
        type: event.type?.text,
        description: event.description,
        tags: [],
      };
      entry.tags.push(`\`<${element.tagName}>\``);
      events.set(event.name, entry);
    }
  }
  return table(
    ['event', 'class', 'fired by', 'when'],
    [...events]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, { type, description, tags }]) => [
        code(name),
        code(type),
        cell(tags.join(', ')),
        cell(description),
      ]),
  );
}

/** @param {Declaration[]} elements */
function elementsSection(elements) {
  const out = [];
  for (const element of elements) {
    out.push(`## \`<${element.tagName}>\``, '');
    if (element.summary) out.push(`**${element.summary.trim()}** Class \`${element.name}\`.`, '');
    if (element.description) out.push(element.description.trim(), '');
    const attributes = element.attributes ?? [];
    const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
    if (attributes.length) {
      out.push(
        '**Attributes**',
        '',
        table(
          ['attribute', 'property', 'type', 'default', 'description'],
          attributes.map((a) => [
            code(a.name),
            code(a.fieldName),
            code(a.type?.text),
            code(a.default),
            cell(a.description),
          ]),
        ),
        '',
      );
    }
    const properties = (element.members ?? []).filter(
      (m) =>
        m.kind === 'field' &&
        !m.static &&
        m.privacy !== 'private' &&
        m.privacy !== 'protected' &&
        !attributeFields.has(m.name) &&
        !m.name.startsWith('#'),
    );
    if (properties.length) {
      out.push(
        '**Properties** (JavaScript only)',
        '',
        table(
          ['property', 'type', 'description'],
          properties.map((p) => [code(p.name), code(p.type?.text), cell(p.description)]),
        ),
        '',
      );
    }
    const methods = (element.members ?? []).filter(
      (m) =>
        m.kind === 'method' &&
        !m.static &&
        m.privacy !== 'private' &&
        m.privacy !== 'protected' &&
        !m.name.startsWith('#'),
    );
    if (methods.length) {
      out.push(
        '**Methods**',
        '',
        table(
          ['method', 'description'],
          methods.map((m) => [code(`${m.name}()`), cell(m.description)]),
        ),
        '',
      );
    }
    for (const [title, list] of /** @type {const} */ ([
      ['Events', element.events],
      ['Slots', element.slots],
      ['Parts', element.cssParts],
      ['CSS properties', element.cssProperties],
    ])) {
      if (!list?.length) continue;
      out.push(
        `**${title}**`,
        '',
        table(
          title === 'Events' ? ['name', 'class', 'description'] : ['name', 'description'],
          list.map((item) =>
            title === 'Events'
              ? [code(item.name), code(item.type?.text), cell(item.description)]
              : [code(item.name || '(default)'), cell(item.description)],
          ),
        ),
        '',
      );
    }
  }
  return out.join('\n').trim();
}

/** The server CLI's own `--help` (the CLI must be built: `pnpm build`). */
function serverHelp() {
  return execFileSync(process.execPath, [`${root}packages/server/dist/cli.js`, '--help'], {
    encoding: 'utf8',
  }).trimEnd();
}

/** Replaces the generated section `name` of `text`; throws when its markers are missing. */
function replaceSection(
  /** @type {string} */ text,
  /** @type {string} */ name,
  /** @type {string} */ body,
  /** @type {string} */ file,
) {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${file}: missing ${open} … ${close}`);
  return `${text.slice(0, start + open.length)}\n\n${body}\n\n${text.slice(end)}`;
}

async function refreshGenerated() {
  const tokens = await readTokens();
  const elements = await readElements();
  const problems = [];
  for (const name of tokens.keys()) {
    if (!(name in TOKEN_DESCRIPTIONS))
      problems.push(`design token ${name} has no description in scripts/docs.mjs`);
  }
  for (const name of Object.keys(TOKEN_DESCRIPTIONS)) {
    if (!tokens.has(name)) problems.push(`scripts/docs.mjs describes ${name}, which tokens.ts no longer has`);
  }
  const sections = /** @type {const} */ ([
    ['theming.md', 'tokens', tokensSection(tokens, elements)],
    ['events.md', 'events', eventsSection(elements)],
    ['elements.md', 'elements', elementsSection(elements)],
    ['server.md', 'cli', '```text\n' + serverHelp() + '\n```'],
  ]);
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(`${docs}theming.md`)) ?? {};
  for (const [file, name, body] of sections) {
    const path = `${docs}${file}`;
    const before = await readFile(path, 'utf8');
    const after = await prettier.format(replaceSection(before, name, body, file), {
      ...options,
      filepath: path,
    });
    if (after === before) continue;
    if (check)
      problems.push(`docs/${file}: the generated section "${name}" is stale; run \`pnpm docs:generate\``);
    else await writeFile(path, after);
  }
  return problems;
}

/** The site's pages: [source path from the repository root, page file, nav label]. */
const PAGES = [
  ['docs/README.md', 'index.html', 'Overview'],
  ['docs/getting-started.md', 'getting-started.html', 'Getting started'],
  ['docs/elements.md', 'elements.html', 'Elements'],
  ['docs/theming.md', 'theming.html', 'Theming'],
  ['docs/events.md', 'events.html', 'Events'],
  ['docs/sdk.md', 'sdk.html', 'SDK'],
  ['docs/api.md', 'api.html', 'Sessions API'],
  ['docs/server.md', 'server.html', 'Running the server'],
  ['docs/security.md', 'security.html', 'Security model'],
  // The packages' own guides are pages of the site too (not in the nav; linked from the pages).
  ['packages/sdk/README.md', 'sdk-guide.html', ''],
  ['packages/server/README.md', 'server-guide.html', ''],
  ['packages/server/src/redaction/README.md', 'redaction.html', ''],
  ['packages/mcp/README.md', 'mcp.html', ''],
];

const exists = async (/** @type {string} */ path) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Wraps a rendered page in the site's layout. */
function layout(/** @type {string} */ title, /** @type {string} */ body, /** @type {string} */ current) {
  const nav = PAGES.filter(([, , label]) => label)
    .map(
      ([, page, label]) => `<a href="${page}"${page === current ? ' aria-current="page"' : ''}>${label}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Session Lens</title>
<link rel="stylesheet" href="site.css">
</head>
<body>
<header><a class="brand" href="index.html">Session Lens</a><nav>${nav}<a href="api-reference.html">API reference</a><a href="sdk/index.html">SDK reference</a><a href="storybook/index.html">Storybook</a></nav></header>
<main>${body}</main>
</body>
</html>
`;
}

const CSS = `:root{color-scheme:dark;--bg:#0f1115;--fg:#e7e9ee;--muted:#a2a8b6;--accent:#8ab4ff;--line:#30343e;--code:#1d2027}
@media (prefers-color-scheme: light){:root{color-scheme:light;--bg:#fff;--fg:#161a22;--muted:#545b69;--accent:#1d4ed8;--line:#d9dce3;--code:#f6f7f9}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.75rem 1.5rem;border-bottom:1px solid var(--line);position:sticky;top:0;background:var(--bg)}
.brand{font-weight:700;color:var(--fg);text-decoration:none}nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}nav a{color:var(--muted);text-decoration:none}nav a[aria-current]{color:var(--accent)}
main{max-width:60rem;margin:0 auto;padding:1.5rem}a{color:var(--accent)}img{max-width:100%;border:1px solid var(--line);border-radius:8px}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875em}pre{background:var(--code);padding:1rem;border-radius:8px;overflow:auto}:not(pre)>code{background:var(--code);padding:.1em .3em;border-radius:4px}
table{border-collapse:collapse;display:block;overflow:auto;margin:1rem 0}th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:start;vertical-align:top}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
`;

/**
 * Points links between documents at the site's pages: a relative link is resolved against its
 * source file; one to a page of the site becomes that page, one to another file of the repository
 * becomes its path as text (the site does not carry the sources).
 */
function rewriteLinks(/** @type {string} */ html, /** @type {string} */ source) {
  const pages = new Map(PAGES.map(([path, page]) => [path, page]));
  return html.replace(/<a href="([^"]+)">(.*?)<\/a>/g, (whole, href, text) => {
    if (/^([a-z]+:|#|\/)/i.test(href)) return whole;
    const [path, hash = ''] = href.split('#');
    const resolved = posix.normalize(posix.join(posix.dirname(source), path));
    const page = pages.get(resolved);
    if (page) return `<a href="${page}${hash ? `#${hash}` : ''}">${text}</a>`;
    if (resolved.startsWith('docs/'))
      return `<a href="${resolved.slice('docs/'.length)}${hash ? `#${hash}` : ''}">${text}</a>`;
    return `${text} (<code>${resolved}</code>)`;
  });
}

async function buildSite() {
  await rm(site, { recursive: true, force: true });
  await mkdir(site, { recursive: true });
  for (const [source, page, label] of PAGES) {
    const markdown = await readFile(`${root}${source}`, 'utf8');
    const body = rewriteLinks(await marked.parse(markdown, { gfm: true }), source);
    const title = label || (markdown.match(/^# (.+)$/m)?.[1] ?? page);
    await writeFile(`${site}${page}`, layout(title, body, page));
  }
  await writeFile(`${site}site.css`, CSS);
  await cp(`${docs}openapi.json`, `${site}openapi.json`);
  await cp(`${root}node_modules/redoc/bundles/redoc.standalone.js`, `${site}redoc.standalone.js`);
  await writeFile(
    `${site}api-reference.html`,
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sessions API reference · Session Lens</title></head>
<body>
<div id="redoc"></div>
<script src="redoc.standalone.js"></script>
<script>Redoc.init('openapi.json', { hideDownloadButton: false, disableSearch: false }, document.getElementById('redoc'));</script>
</body>
</html>
`,
  );
  if (await exists(`${docs}screenshots`))
    await cp(`${docs}screenshots`, `${site}screenshots`, { recursive: true });
  const extras = [
    ['sdk', `${docs}api`],
    ['storybook', `${root}storybook-static`],
  ];
  const missing = [];
  for (const [name, from] of extras) {
    if (await exists(`${from}/index.html`)) await cp(from, `${site}${name}`, { recursive: true });
    else missing.push(`${name} (${from} not built)`);
  }
  const files = await readdir(site, { recursive: true });
  console.log(`docs/site: ${files.length} files${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
}

const problems = await refreshGenerated();
if (problems.length) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
if (check) console.log('docs: generated sections are current');
else if (!process.argv.includes('--generate')) await buildSite();
