// @ts-check
/**
 * The CSS minifier of Lit's css`…` literals (scripts/minify-literals.mjs applies it to `dist/`
 * after `tsc --build`): comments go, whitespace runs shrink to one character, the spaces around
 * `{`, `}`, `;` and `,` go, and so does a `;` before `}`. A whitespace run that holds line breaks
 * becomes those line breaks here; minify-literals.mjs moves them out of the literal.
 *
 * What it does not touch: quoted strings, and the spaces around `:` and `>` (in a selector they
 * are part of its meaning).
 */

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
