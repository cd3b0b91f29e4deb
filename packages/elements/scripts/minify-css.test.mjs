// @ts-check
/** `node --test scripts/`: the CSS minifier of the css literals (scripts/minify-css.mjs). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss } from './minify-css.mjs';

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
