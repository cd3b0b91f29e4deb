// @ts-check
/** `node --test scripts/`: the template literal minifier of the compiled package (scripts/minify-literals.mjs). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  minifyCssPart,
  minifyHtmlParts,
  minifyLiterals,
  preservedBy,
  whitespaceSelectors,
} from './minify-literals.mjs';

const none = { tags: new Set(['pre', 'textarea']), classes: new Set() };
const html = (/** @type {string[]} */ ...parts) => minifyHtmlParts(parts, none);

test('html: a whitespace run between tags becomes one space, a text node stays a text node', () => {
  assert.deepEqual(html('<ul>\n    <li>a</li>\n    <li>b  c</li>\n  </ul>'), [
    '<ul> <li>a</li> <li>b c</li> </ul>',
  ]);
  assert.deepEqual(html('<span>', '</span>\n  <span>', '</span>'), ['<span>', '</span> <span>', '</span>']);
});

test('html: inside a tag one space between attributes and none before > or />', () => {
  assert.deepEqual(html('<input\n  type="text"\n  disabled\n/>\n<div\n  class="a"\n>x</div>'), [
    '<input type="text" disabled/> <div class="a">x</div>',
  ]);
});

test('html: the space after an expression in a tag stays (an unquoted value ends there)', () => {
  assert.deepEqual(html('<input .value=', '\n  ?disabled=', '\n>'), ['<input .value=', ' ?disabled=', ' >']);
  assert.deepEqual(html('<div ', '\n/>'), ['<div ', ' />']);
});

test('html: quoted attribute values, comments and <style> keep their whitespace', () => {
  const title = '<p title="two\n   lines" class="a  b">x</p>';
  assert.deepEqual(html(title), [title]);
  assert.deepEqual(html('<!--  a\n  b  -->\n<p></p>'), ['<!--  a\n  b  --> <p></p>']);
  assert.deepEqual(html('<style>\n  a  { color: red }\n</style>\n<p></p>'), [
    '<style>\n  a  { color: red }\n</style> <p></p>',
  ]);
});

test('html: whitespace inside <pre>, <textarea> and a preserving class is kept, nested too', () => {
  assert.deepEqual(html('<div>\n <pre>\n  a\n  <b> x </b>\n</pre>\n</div>'), [
    '<div> <pre>\n  a\n  <b> x </b>\n</pre> </div>',
  ]);
  const preserved = { tags: new Set(['pre']), classes: new Set(['message-text']) };
  assert.deepEqual(
    minifyHtmlParts(['<p class="text message-text">\n  ', '\n</p>\n<p>\n  ', '</p>'], preserved),
    ['<p class="text message-text">\n  ', '\n</p> <p> ', '</p>'],
  );
});

test('html: an element whose class comes from an expression keeps its whitespace (it might preserve)', () => {
  assert.deepEqual(html('<span class=', '>\n  a\n</span>\n'), ['<span class=', '>\n  a\n</span> ']);
  assert.deepEqual(html('<span class="button ', '">\n  a\n</span>\n'), [
    '<span class="button ',
    '">\n  a\n</span> ',
  ]);
});

test('html: escapes pass whole, a line continuation included', () => {
  assert.deepEqual(html('<p>a\\\n   b\\`</p>'), ['<p>a\\\n b\\`</p>']);
});

test('css: the space after a declaration colon goes, selectors and media queries keep theirs', () => {
  assert.equal(
    minifyCssPart('\n  .row :hover > .x,\n  a:not(.b) {\n    color: red;\n    --_x: var(--y, 0);\n  }\n'),
    ' .row :hover > .x,a:not(.b){color:red;--_x:var(--y,0)}',
  );
  assert.equal(
    minifyCssPart('@media (prefers-color-scheme: light) {\n  a {\n    content: "a: b";\n  }\n}'),
    '@media (prefers-color-scheme: light){a{content:"a: b"}}',
  );
});

test('every line break a literal loses comes back after its ${ or its closing backtick', () => {
  const source = [
    'const a = html `<ul>',
    '    <li>${one}</li>',
    '    ${two}',
    '  </ul>`;',
    'const b = css `',
    '  :host {',
    '    display: block;',
    '  }',
    '`;',
    'foo();',
    '',
  ].join('\n');
  const minified = minifyLiterals(source, none);
  assert.equal(
    minified,
    [
      'const a = html `<ul> <li>${',
      'one}</li> ${',
      'two} </ul>`',
      ';',
      'const b = css ` :host{display:block}`',
      '',
      '',
      '',
      ';',
      'foo();',
      '',
    ].join('\n'),
  );
  assert.equal(minified.split('\n').length, source.split('\n').length);
  assert.equal(minifyLiterals(minified, none), minified, 'a second run changes nothing');
});

test('templates nested in expressions and css with interpolations are minified; other tags are not', () => {
  const source =
    'html `<p>\n  ${x ? html `<b>\n  y</b>` : nothing}\n</p>`; css `a {\n  ${t}\n  color: red;\n}`; svg `<g>\n  <path/>\n</g>`; other `<p>\n  x</p>`;';
  assert.equal(
    minifyLiterals(source, none),
    'html `<p> ${\nx ? html `<b> y</b>`\n : nothing} </p>`\n; css `a{${\nt} color: red}`\n\n; svg `<g> <path/> </g>`\n\n; other `<p>\n  x</p>`;',
  );
});

test('the elements whose whitespace shows are read from the css, and an unmappable rule is an error', () => {
  assert.deepEqual(whitespaceSelectors('.a{color:red}.b pre,.c .d:hover{white-space:pre-wrap}'), {
    tags: ['pre'],
    classes: ['d'],
  });
  assert.throws(() => whitespaceSelectors(':host{white-space:pre}'), /cannot tell/);
  assert.throws(() => whitespaceSelectors('.a > *{white-space:pre-line}'), /cannot tell/);
  const preserved = preservedBy(['css `.x{white-space:nowrap}.message-text{white-space: pre-wrap}`']);
  assert.deepEqual([...preserved.tags], ['pre', 'textarea']);
  assert.deepEqual([...preserved.classes], ['message-text']);
});
