// @ts-check
/** `node --test scripts/`: the CSS minifier of the compiled package (scripts/minify-css.mjs). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyCssLiterals } from './minify-css.mjs';

test('drops comments, shrinks whitespace and the spaces around { } ; , and a last ;', () => {
  assert.equal(
    minifyCss('  .a, .b {\n    color: red; /* why */\n    margin: 0 auto;\n  }\n'),
    ' .a,.b{\ncolor: red;\nmargin: 0 auto\n}\n',
  );
});

test('keeps what carries meaning: descendant and pseudo selectors, quoted strings', () => {
  assert.equal(minifyCss('.row :hover > .x{content:"a  ;  b"}'), '.row :hover > .x{content:"a  ;  b"}');
  assert.equal(minifyCss(".a  .b { content: '  ' }"), ".a .b{content: '  '}");
});

test('keeps every line break, so the code after a literal keeps its line (source maps)', () => {
  const source = 'const s = css `\n  :host {\n    display: block;\n  }\n`;\nfoo();\n';
  const minified = minifyCssLiterals(source);
  assert.equal(minified, 'const s = css`\n:host{\ndisplay: block\n}\n`;\nfoo();\n');
  assert.equal(minified.split('\n').length, source.split('\n').length);
});

test('leaves a literal with an interpolation, and other templates, as they are', () => {
  const source = 'css `a { color: ${x}; }`; html `<p>  a  </p>`; notcss `a { }`';
  assert.equal(minifyCssLiterals(source), source);
});
